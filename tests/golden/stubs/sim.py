"""CPython stand-in for the playground's `sim` module, so golden programs run under python3.

sim.cpu(s) busy-loops (holding the GIL) for s seconds of wall time shared fairly among the
threads inside sim.cpu at the moment: two threads each doing cpu(0.5) both finish after
about 1.0 s, as in the playground with the GIL on. Wall time rather than thread CPU time
keeps the timings right on a loaded machine. sim.network(...) shapes the simulated network that the
`aiohttp` and `requests` stand-ins serve (docs/NETWORK.md).
"""
import threading
import time

_settings = {"latency": 0.25, "capacity": None}

# _share is processor sharing among sim.cpu callers: `virtual` advances at 1/active the
# rate of the wall clock, and a call ends when it has advanced by the call's seconds.
_share_lock = threading.Lock()
_share = {"virtual": 0.0, "wall": 0.0, "active": 0}


def _advance():
    """_advance brings the shared virtual clock up to now; the caller holds _share_lock."""
    now = time.perf_counter()
    if _share["active"]:
        _share["virtual"] += (now - _share["wall"]) / _share["active"]
    _share["wall"] = now
    return _share["virtual"]


def cpu(seconds):
    """Busy-loop for `seconds` of this thread's fair share of wall time (simulated CPU work)."""
    with _share_lock:
        finish = _advance() + seconds
        _share["active"] += 1
    try:
        while True:
            with _share_lock:
                if _advance() >= finish:
                    break
    finally:
        with _share_lock:
            _advance()
            _share["active"] -= 1


def network(latency=0.25, capacity=None):
    """Serve each request in `latency` seconds, at most `capacity` at once (None: no limit)."""
    _settings["latency"] = latency
    _settings["capacity"] = capacity


def settings():
    """The current network settings: {"latency": seconds, "capacity": int or None}."""
    return dict(_settings)


def _split_url(url):
    """_split_url returns (host, path): the scheme is dropped, the path keeps its query."""
    rest = url.split("://", 1)[1] if "://" in url else url
    slash = rest.find("/")
    if slash < 0:
        return rest, "/"
    return rest[:slash], rest[slash:]


def _page(url):
    """_page is the body every simulated request returns (the text is fixed by docs/NETWORK.md)."""
    host, path = _split_url(url)
    return (
        "\n\n<!DOCTYPE html>\n"
        '<html lang="en">\n'
        f"<head><title>{host}{path}</title></head>\n"
        "<body>\n"
        f"<h1>{host}</h1>\n"
        f"<p>You asked for {path}.</p>\n"
        "</body>\n"
        "</html>\n"
    )


def _json(url):
    """_json is what response.json() returns for every simulated request."""
    return {"url": url, "status": 200}
