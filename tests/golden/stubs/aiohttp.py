"""CPython stand-in for the playground's `aiohttp`: a client whose requests go to the
simulated network of `sim.network` (docs/NETWORK.md) instead of the internet.

Each request waits `latency` seconds with asyncio.sleep; with a capacity, at most that many
are served at once and the rest wait in FIFO order (an asyncio.Semaphore per event loop).
"""
import asyncio

import sim

_limit = {"loop": None, "capacity": None, "semaphore": None}


def _semaphore(capacity):
    """_semaphore returns the running loop's semaphore for `capacity`, creating it lazily."""
    loop = asyncio.get_running_loop()
    if _limit["loop"] is not loop or _limit["capacity"] != capacity:
        _limit.update(loop=loop, capacity=capacity, semaphore=asyncio.Semaphore(capacity))
    return _limit["semaphore"]


async def _serve(session, method, url):
    if session.closed:
        raise RuntimeError("Session is closed")
    settings = sim.settings()
    if settings["capacity"] is None:
        await asyncio.sleep(settings["latency"])
    else:
        async with _semaphore(settings["capacity"]):
            await asyncio.sleep(settings["latency"])
    return ClientResponse(method, url)


class ClientResponse:
    """ClientResponse is a finished response; reading its body takes no time."""

    def __init__(self, method, url):
        self.method = method
        self.url = url
        self.status = 200

    async def text(self):
        return sim._page(self.url)

    async def json(self):
        return sim._json(self.url)

    def release(self):
        pass


class _RequestContextManager:
    """_RequestContextManager makes session.get(url) awaitable and usable with `async with`."""

    def __init__(self, coro):
        self._coro = coro
        self._response = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._response = await self._coro
        return self._response

    async def __aexit__(self, exc_type, exc, tb):
        self._response.release()
        return False


class ClientSession:
    """ClientSession issues requests; use it with `async with` or call `await close()`."""

    def __init__(self, **kwargs):
        self.closed = False

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()
        return False

    async def close(self):
        self.closed = True

    def _request(self, method, url):
        return _RequestContextManager(_serve(self, method, url))

    def get(self, url, **kwargs):
        return self._request("GET", url)

    def post(self, url, data=None, json=None, **kwargs):
        return self._request("POST", url)
