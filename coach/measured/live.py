"""A running ActivityWatch on this computer, read through its REST API (loopback only).

`aw` is http://127.0.0.1:5600; `aw:http://127.0.0.1:PORT` (or [::1], localhost) another
port. Any other host is refused before a connection is tried: coach's only network use
is this computer's own ActivityWatch. Proxies are never used (an http_proxy setting
would otherwise send the request off the machine).
"""

from __future__ import annotations

import ipaddress
import json
import urllib.error
import urllib.request
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from coach.errors import InputError, RunError
from coach.measured import texts as T

DEFAULT_URL = "http://127.0.0.1:5600"
TIMEOUT_S = 10.0


def is_live(spec: str) -> bool:
    return spec == "aw" or spec.startswith("aw:")


def base_url(spec: str) -> str:
    """The server's URL, or InputError (exit 2) for anything not on this computer."""
    if spec == "aw":
        return DEFAULT_URL
    url = spec[3:].rstrip("/")
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        raise InputError(T.NOT_LOOPBACK.format(url=url)) from None
    if parts.scheme != "http" or not host or parts.path or parts.query or parts.username:
        raise InputError(T.NOT_LOOPBACK.format(url=url))
    if host != "localhost":
        try:
            if not ipaddress.ip_address(host).is_loopback:
                raise InputError(T.NOT_LOOPBACK.format(url=url))
        except ValueError:  # a name other than localhost: resolving it could leave here
            raise InputError(T.NOT_LOOPBACK.format(url=url)) from None
    # localhost is asked at 127.0.0.1: a hosts file cannot send it elsewhere.
    ip = "127.0.0.1" if host == "localhost" else host
    netloc = f"[{ip}]" if ":" in ip else ip
    return f"http://{netloc}:{port or 5600}"


_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _get(url: str, base: str) -> Any:
    try:
        with _opener.open(url, timeout=TIMEOUT_S) as response:
            body = response.read()
    except urllib.error.HTTPError as exc:
        raise RunError(T.AW_BAD.format(url=base, detail=f"HTTP {exc.code}")) from None
    except (urllib.error.URLError, OSError):
        raise RunError(T.NO_AW.format(url=base)) from None
    try:
        return json.loads(body)
    except ValueError:
        raise RunError(T.AW_BAD.format(url=base, detail="not JSON")) from None


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat()


def fetch_export(spec: str, start: float | None, end: float | None) -> tuple[str, dict]:
    """(the URL read, an export-shaped document of every bucket's events in the period)."""
    base = base_url(spec)
    buckets = _get(f"{base}/api/0/buckets/", base)
    if not isinstance(buckets, dict):
        raise RunError(T.AW_BAD.format(url=base, detail="/api/0/buckets/"))
    query: dict[str, str] = {"limit": "-1"}
    if start is not None:
        query["start"] = _iso(start)
    if end is not None:
        query["end"] = _iso(end)
    doc: dict[str, dict] = {}
    for bid, meta in buckets.items():
        if not isinstance(meta, dict):
            raise RunError(T.AW_BAD.format(url=base, detail=f"bucket {bid!r}"))
        events = _get(f"{base}/api/0/buckets/{quote(str(bid), safe='')}/events?"
                      f"{urlencode(query)}", base)
        doc[str(bid)] = {**{k: v for k, v in meta.items() if k != "events"}, "events": events}
    return base, {"buckets": doc}
