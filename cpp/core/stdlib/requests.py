"""requests for the playground: blocking calls served by the simulated network of
sim.network (docs/NETWORK.md). The calling thread waits for the response with the GIL
released, like a socket read; inside a coroutine this blocks the whole event loop."""

import _interleave

__all__ = ("get", "post", "put", "patch", "delete", "head", "request", "Response", "Session",
           "RequestException", "HTTPError", "ConnectionError", "Timeout")


class RequestException(OSError):
    """There was an ambiguous exception that occurred while handling your request."""


class HTTPError(RequestException):
    """An HTTP error occurred."""


class ConnectionError(RequestException):
    """A Connection error occurred."""


class Timeout(RequestException):
    """The request timed out."""


class Response:
    """A finished response: status_code, text, json()."""

    def __init__(self, method, url, status, body):
        self.method = method
        self.url = url
        self.status_code = status
        self.ok = status < 400
        self.reason = "OK"
        self.text = body
        self.content = body
        self.encoding = "utf-8"
        self.headers = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))}

    def __repr__(self):
        return f"<Response [{self.status_code}]>"

    def __bool__(self):
        return self.ok

    def json(self, **kwargs):
        return {"url": self.url, "status": self.status_code}

    def raise_for_status(self):
        if not self.ok:
            raise HTTPError(f"{self.status_code} Client Error: {self.reason} for url: {self.url}")

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def request(method, url, params=None, data=None, json=None, **kwargs):
    """Send a request and wait for its response."""
    method = method.upper()
    url = str(url)
    status, body = _interleave.request(method, url, json if json is not None else data)
    return Response(method, url, status, body)


def get(url, params=None, **kwargs):
    return request("GET", url, params=params, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("POST", url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request("PUT", url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request("PATCH", url, data=data, **kwargs)


def delete(url, **kwargs):
    return request("DELETE", url, **kwargs)


def head(url, **kwargs):
    return request("HEAD", url, **kwargs)


class Session:
    """A session: the same calls as the module, usable with `with`."""

    def __init__(self):
        self.headers = {}

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def close(self):
        pass

    def request(self, method, url, **kwargs):
        return request(method, url, **kwargs)

    def get(self, url, **kwargs):
        return request("GET", url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return request("POST", url, data=data, json=json, **kwargs)
