"""CPython stand-in for the playground's `requests`: blocking calls served by the simulated
network of `sim.network` (docs/NETWORK.md) instead of the internet.

Each request sleeps `latency` seconds with time.sleep (releasing the GIL, as a real socket
wait does); with a capacity, at most that many are served at once (a threading.Semaphore).
"""
import threading
import time

import sim

_guard = threading.Lock()
_limit = {"capacity": None, "semaphore": None}


def _semaphore(capacity):
    with _guard:
        if _limit["capacity"] != capacity:
            _limit.update(capacity=capacity, semaphore=threading.Semaphore(capacity))
        return _limit["semaphore"]


class Response:
    """Response is a finished response: status_code, text and json()."""

    def __init__(self, method, url):
        self.method = method
        self.url = url
        self.status_code = 200
        self.ok = True
        self.text = sim._page(url)

    def json(self):
        return sim._json(self.url)


def request(method, url, **kwargs):
    settings = sim.settings()
    if settings["capacity"] is None:
        time.sleep(settings["latency"])
    else:
        with _semaphore(settings["capacity"]):
            time.sleep(settings["latency"])
    return Response(method, url)


def get(url, params=None, **kwargs):
    return request("GET", url)


def post(url, data=None, json=None, **kwargs):
    return request("POST", url)
