"""httpx for the API and web tests: all of httpx, but `get`, `post` and `request` wait up to TIMEOUT
seconds unless told otherwise, which a loaded machine meets; httpx's own default gives up after 5 s.
Imported as httpx: `import patient_httpx as httpx`."""

from __future__ import annotations

import functools

import httpx
from httpx import *  # noqa: F403  (Response, Timeout, the exceptions: the rest of httpx as it is)

TIMEOUT = 60


def _patient(call):
    @functools.wraps(call)
    def patient(*args, **options):
        options.setdefault("timeout", TIMEOUT)
        return call(*args, **options)

    return patient


get, post, request = _patient(httpx.get), _patient(httpx.post), _patient(httpx.request)
