# logging %(threadName)s and %(levelname)s from named worker threads and a ThreadPoolExecutor (pool_0), asctime by datefmt
# elapsed: 0.6
import concurrent.futures
import logging
import sys
import threading
import time

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(asctime)s %(threadName)-10s %(levelname)-7s %(message)s", datefmt="%H:%M:%S")


def worker(n):
    time.sleep(0.1 * n)
    logging.debug("worker %d sleeping", n)
    time.sleep(0.2)
    logging.info("worker %d done", n)
    return n * n


threads = [threading.Thread(target=worker, args=(i,), name=f"worker-{i}") for i in range(1, 3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
logging.warning("threads joined")
with concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="pool") as ex:
    print(list(ex.map(worker, [0])))
