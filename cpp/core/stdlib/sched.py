"""sched: CPython 3.11's event scheduler (enter, enterabs, cancel, run, queue, empty);
by default it reads time.monotonic and waits with time.sleep, so on the playground it
runs on the simulated clock."""

import heapq
import threading
import time
from time import monotonic as _time

__all__ = ["scheduler"]

_FIELDS = ('time', 'priority', 'sequence', 'action', 'argument', 'kwargs')


class Event:
    """Event(time, priority, sequence, action, argument, kwargs), ordered as CPython's named tuple is."""

    def __init__(self, time, priority, sequence, action, argument, kwargs):
        self.time = time
        self.priority = priority
        self.sequence = sequence
        self.action = action
        self.argument = argument
        self.kwargs = kwargs

    def _tuple(self):
        return (self.time, self.priority, self.sequence, self.action, self.argument, self.kwargs)

    def __iter__(self):
        return iter(self._tuple())

    def __len__(self):
        return 6

    def __getitem__(self, i):
        return self._tuple()[i]

    def __eq__(self, other):
        if not isinstance(other, Event):
            return NotImplemented
        return self._tuple() == other._tuple()

    def __hash__(self):
        return hash(self._tuple())

    def __lt__(self, other):
        return (self.time, self.priority, self.sequence) < (other.time, other.priority, other.sequence)

    def __le__(self, other):
        return (self.time, self.priority, self.sequence) <= (other.time, other.priority, other.sequence)

    def __gt__(self, other):
        return (self.time, self.priority, self.sequence) > (other.time, other.priority, other.sequence)

    def __ge__(self, other):
        return (self.time, self.priority, self.sequence) >= (other.time, other.priority, other.sequence)

    def __repr__(self):
        return 'Event(%s)' % ', '.join('%s=%r' % (name, value) for name, value in zip(_FIELDS, self._tuple()))


_sentinel = object()


class scheduler:

    def __init__(self, timefunc=_time, delayfunc=time.sleep):
        self._queue = []
        self._lock = threading.RLock()
        self.timefunc = timefunc
        self.delayfunc = delayfunc
        self._sequence = 0

    def enterabs(self, time, priority, action, argument=(), kwargs=_sentinel):
        if kwargs is _sentinel:
            kwargs = {}
        with self._lock:
            event = Event(time, priority, self._sequence, action, argument, kwargs)
            self._sequence += 1
            heapq.heappush(self._queue, event)
        return event

    def enter(self, delay, priority, action, argument=(), kwargs=_sentinel):
        time = self.timefunc() + delay
        return self.enterabs(time, priority, action, argument, kwargs)

    def cancel(self, event):
        with self._lock:
            self._queue.remove(event)
            heapq.heapify(self._queue)

    def empty(self):
        with self._lock:
            return not self._queue

    def run(self, blocking=True):
        lock = self._lock
        q = self._queue
        delayfunc = self.delayfunc
        timefunc = self.timefunc
        pop = heapq.heappop
        while True:
            with lock:
                if not q:
                    break
                (time, priority, sequence, action, argument, kwargs) = q[0]
                now = timefunc()
                if time > now:
                    delay = True
                else:
                    delay = False
                    pop(q)
            if delay:
                if not blocking:
                    return time - now
                delayfunc(time - now)
            else:
                action(*argument, **kwargs)
                delayfunc(0)

    @property
    def queue(self):
        with self._lock:
            events = self._queue[:]
        return [heapq.heappop(events) for _ in range(len(events))]
