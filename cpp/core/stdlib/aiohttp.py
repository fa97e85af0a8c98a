"""aiohttp for the playground: a client whose requests go to the simulated network of
sim.network (docs/NETWORK.md). A request is issued when it is awaited; the awaiting task is
suspended until the response arrives, while the other tasks run."""

import asyncio

__all__ = ("ClientSession", "ClientResponse", "ClientTimeout", "TCPConnector", "ClientError",
           "ClientResponseError", "request")


class ClientError(Exception):
    """Base class for client errors."""


class ClientResponseError(ClientError):
    """The response status signals an error."""


class ClientTimeout:
    """Accepted for compatibility: the simulated network has no timeouts."""

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect


class TCPConnector:
    """Accepted for compatibility: the simulated network limits concurrency with sim.network(capacity=...)."""

    def __init__(self, limit=100, **kwargs):
        self.limit = limit


class ClientResponse:
    """A finished response; reading its body takes no time."""

    def __init__(self, method, url, status, body):
        self.method = method
        self.url = url
        self.status = status
        self.reason = "OK"
        self.ok = status < 400
        self.headers = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))}
        self.content_type = "text/html"
        self._body = body

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"

    async def text(self, encoding=None):
        return self._body

    async def read(self):
        return self._body

    async def json(self, **kwargs):
        return {"url": self.url, "status": self.status}

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(f"{self.status}, message={self.reason!r}, url={self.url!r}")

    def release(self):
        pass

    def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()
        return None


async def _send(session, method, url, body):
    if session.closed:
        raise RuntimeError("Session is closed")
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    loop._io_request(method, url, body, future)
    status, text = await future
    return ClientResponse(method, url, status, text)


class _RequestContextManager:
    """session.get(url) is awaitable and also works as `async with session.get(url) as resp`."""

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()
        return None


class ClientSession:
    """Issues requests; use it with `async with` or close it with `await session.close()`."""

    def __init__(self, base_url=None, *, timeout=None, connector=None, headers=None, **kwargs):
        self.closed = False
        self._base_url = base_url
        self.timeout = timeout
        self.connector = connector
        self.headers = dict(headers) if headers else {}

    def __repr__(self):
        return f"<aiohttp.client.ClientSession object at {id(self):#x}>"

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()
        return None

    async def close(self):
        self.closed = True

    def _url(self, url):
        url = str(url)
        if self._base_url is not None and "://" not in url:
            return str(self._base_url).rstrip("/") + "/" + url.lstrip("/")
        return url

    def request(self, method, url, *, data=None, json=None, **kwargs):
        body = json if json is not None else data
        return _RequestContextManager(_send(self, method.upper(), self._url(url), body))

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def post(self, url, *, data=None, json=None, **kwargs):
        return self.request("POST", url, data=data, json=json, **kwargs)

    def put(self, url, *, data=None, json=None, **kwargs):
        return self.request("PUT", url, data=data, json=json, **kwargs)

    def patch(self, url, *, data=None, json=None, **kwargs):
        return self.request("PATCH", url, data=data, json=json, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)

    def head(self, url, **kwargs):
        return self.request("HEAD", url, **kwargs)


def request(method, url, **kwargs):
    """A one-off request: `async with aiohttp.request("GET", url) as resp`."""
    return _RequestContextManager(_send(ClientSession(), method.upper(), str(url), None))
