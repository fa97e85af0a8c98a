# time.time, time_ns, perf_counter(_ns), monotonic(_ns) and process_time advance with sleeps
# elapsed: 0.5
import time

start = time.time()
p0 = time.perf_counter()
n0 = time.perf_counter_ns()
m0 = time.monotonic_ns()
t0 = time.time_ns()
time.sleep(0.5)
print(round(time.time() - start, 1), round(time.perf_counter() - p0, 1))
print(round((time.perf_counter_ns() - n0) / 1e9, 1), round((time.monotonic_ns() - m0) / 1e9, 1), round((time.time_ns() - t0) / 1e9, 1))
print(type(time.time_ns()).__name__, type(time.process_time()).__name__, type(time.thread_time()).__name__)
print(time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(start)))
print(time.gmtime().tm_year, time.localtime().tm_hour)
