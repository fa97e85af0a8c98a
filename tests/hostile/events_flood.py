# hostile: work the step limit does not see: two threads asking for 100,000 simulated CPU
# seconds each make millions of scheduling events from a few steps; the run stops at the
# 10-million-event limit instead of running for minutes.
# error: EventLimitError: stopped after 10000000 scheduling events (raise the limit with --event-limit)
# seconds: 20
import sim
import threading

threads = [threading.Thread(target=sim.cpu, args=(1e5,)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("unreachable")
