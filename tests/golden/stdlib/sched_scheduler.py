# sched: the sched docs' example (enter, enterabs, priorities, kwargs, cancel, queue, run) on the clock
import sched
import time

s = sched.scheduler(time.monotonic, time.sleep)
start = time.monotonic()


def print_time(a='default'):
    print("From print_time", round(time.monotonic() - start, 1), a)


def print_some_times():
    print(round(time.monotonic() - start, 1))
    s.enter(10, 1, print_time)
    s.enter(5, 2, print_time, argument=('positional',))
    s.enter(5, 1, print_time, kwargs={'a': 'keyword'})
    s.enterabs(start + 7, 1, print_time, argument=('absolute',))
    ev = s.enter(6, 1, print_time, argument=('cancelled',))
    s.cancel(ev)
    print([(round(e.time - start, 1), e.priority, e.argument) for e in s.queue])
    print(s.empty())
    s.run()
    print(round(time.monotonic() - start, 1), s.empty())


print_some_times()

log = []
s2 = sched.scheduler(time.monotonic, time.sleep)
t0 = time.monotonic()
for name, delay in [("c", 0.3), ("a", 0.1), ("b", 0.2)]:
    s2.enter(delay, 1, log.append, (name,))
print(round(s2.run(blocking=False) or 0, 1), log)
s2.run()
print(log, round(time.monotonic() - t0, 1))
late = s2.enter(1, 1, print)
s2.cancel(late)
print(s2.empty())
try:
    s2.cancel(late)
except ValueError as e:
    print("ValueError:", e)
