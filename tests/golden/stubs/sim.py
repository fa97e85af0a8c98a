"""CPython stand-in for the playground's `sim` module, so golden programs run under python3.

In the playground, sim.cpu(s) costs s seconds of simulated CPU time; here it busy-waits
s seconds of wall time, so elapsed times printed with one decimal agree with the engine.
"""
import time

_network = {}


def cpu(seconds):
    """Busy-wait for `seconds` of wall-clock time (simulated CPU work in the playground)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def network(**settings):
    """Record simulated network settings; the stub has no network to shape."""
    _network.update(settings)
    return dict(_network)
