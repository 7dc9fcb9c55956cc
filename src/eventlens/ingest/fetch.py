"""Fetching articles and feeds over HTTP, politely.

    iter_fetch(urls, options) -> Iterator[Article | Failure]

Rules: only http and https; every host (also after a redirect) must resolve to public addresses
unless `allow_private` is set; robots.txt is honoured for our user agent; every request has a timeout
and a size cap; at most `max_items` entries are followed from one feed. An RSS or Atom feed is
recognised by its content, and each item's link is fetched and ingested as a page.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import urllib.robotparser
from collections.abc import Iterator
from dataclasses import dataclass

from eventlens.errors import InputError
from eventlens.records import Article, Failure

log = logging.getLogger(__name__)

USER_AGENT = "eventlens/0.1 (+https://github.com/eventlens; research use; polite)"


@dataclass(frozen=True)
class FetchOptions:
    allow_private: bool = False
    timeout: float = 10.0
    max_bytes: int = 5 * 1024 * 1024
    max_items: int = 50
    user_agent: str = USER_AGENT
    respect_robots: bool = True
    lang: str | None = None
    published: str | None = None


@dataclass
class Response:
    url: str
    status: int
    content_type: str
    body: bytes


def check_url(url: str, allow_private: bool) -> None:
    """Raise InputError unless the URL is http(s) to an allowed host."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise InputError("E111", path=url, why=f"scheme '{parts.scheme or '?'}' is not http or https")
    host = parts.hostname
    if not host:
        raise InputError("E110", path=url, why="no host in URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError("E110", path=url, why=f"cannot resolve {host} ({exc})") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if not addr.is_global:
            raise InputError("E111", path=url,
                             why=f"{host} resolves to non-public address {addr} (use --allow-private for local servers)")


class _CheckedRedirect(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_url(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def http_get(url: str, opts: FetchOptions) -> Response:
    check_url(url, opts.allow_private)
    opener = urllib.request.build_opener(_CheckedRedirect(opts.allow_private))
    req = urllib.request.Request(url, headers={"User-Agent": opts.user_agent, "Accept": "*/*"})
    try:
        with opener.open(req, timeout=opts.timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > opts.max_bytes:
                raise InputError("E106", path=url, size=int(length), limit=opts.max_bytes)
            body = _read_body(resp, url, opts, deadline=time.monotonic() + opts.timeout)
            return Response(resp.geturl(), resp.status, resp.headers.get("Content-Type", ""), body)
    except urllib.error.HTTPError as exc:
        raise InputError("E110", path=url, why=f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, InputError):
            raise reason from exc
        raise InputError("E110", path=url, why=str(reason)) from exc
    except TimeoutError as exc:
        raise InputError("E110", path=url, why=f"no answer within {opts.timeout:g} s") from exc
    except (OSError, ValueError) as exc:
        raise InputError("E110", path=url, why=str(exc) or type(exc).__name__) from exc


def _read_body(resp, url: str, opts: FetchOptions, deadline: float) -> bytes:
    """The response body, at most opts.max_bytes, within the request's time: the socket timeout alone
    would let a server that trickles a byte now and then hold the batch forever."""
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise InputError("E110", path=url, why=f"no complete answer within {opts.timeout:g} s "
                                                   f"({size} bytes received)")
        chunk = resp.read1(65536)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > opts.max_bytes:
            raise InputError("E106", path=url, size=f"more than {opts.max_bytes}", limit=opts.max_bytes)


class _Robots:
    """robots.txt per host, fetched once."""

    def __init__(self, opts: FetchOptions):
        self.opts = opts
        self.cache: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def allowed(self, url: str) -> bool:
        if not self.opts.respect_robots:
            return True
        parts = urllib.parse.urlsplit(url)
        base = f"{parts.scheme}://{parts.netloc}"
        if base not in self.cache:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                resp = http_get(base + "/robots.txt", FetchOptions(**{**self.opts.__dict__, "max_bytes": 500_000}))
                parser.parse(resp.body.decode("utf-8", "replace").splitlines())
            except InputError:
                parser = None  # no readable robots.txt: everything allowed
            self.cache[base] = parser
        parser = self.cache[base]
        return parser is None or parser.can_fetch(self.opts.user_agent, url)


def is_feed(body: bytes, content_type: str) -> bool:
    if any(t in content_type for t in ("rss", "atom")):
        return True
    head = body[:2048].lstrip().lower()
    return (head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")) and (
        b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head)


def feed_links(body: bytes, base_url: str) -> list[str]:
    """Item links of an RSS 2.0, RSS 1.0 or Atom feed, in feed order."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    root = etree.fromstring(body, parser=parser)
    if root is None:
        return []
    links: list[str] = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        local = tag.rsplit("}", 1)[-1]
        if local not in ("item", "entry"):
            continue
        href = None
        for child in el:
            ctag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
            if ctag == "link":
                if child.get("href") and child.get("rel", "alternate") == "alternate":
                    href = child.get("href")
                    break
                if (child.text or "").strip():
                    href = child.text.strip()
                    break
        if href is None and local == "item":
            about = el.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
            href = about
        if href:
            links.append(urllib.parse.urljoin(base_url, href))
    return links


def doc_id_for_url(url: str) -> str:
    path = urllib.parse.urlsplit(url).path.rstrip("/")
    stem = re.sub(r"\.[a-z]{2,5}$", "", path.rsplit("/", 1)[-1]) or "page"
    stem = re.sub(r"[^\w-]+", "-", stem)[:60].strip("-") or "page"
    return f"{stem}-{hashlib.sha1(url.encode()).hexdigest()[:8]}"


def iter_fetch(urls: list[str], opts: FetchOptions | None = None) -> Iterator[Article | Failure]:
    from eventlens.ingest import read_bytes

    opts = opts or FetchOptions()
    robots = _Robots(opts)
    queue = [(u, True) for u in urls]
    seen: set[str] = set()
    while queue:
        url, top = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        try:
            check_url(url, opts.allow_private)
            if not robots.allowed(url):
                raise InputError("E110", path=url, why="disallowed by robots.txt")
            resp = http_get(url, opts)
        except InputError as exc:
            yield Failure(path=url, code=exc.code, message=exc.message)
            continue
        if top and is_feed(resp.body, resp.content_type.lower()):
            try:
                links = feed_links(resp.body, resp.url)
            except Exception as exc:  # noqa: BLE001 - a broken feed is one failure
                yield Failure(path=url, code="E110", message=InputError("E110", why=f"unreadable feed ({exc})").message)
                continue
            if not links:
                yield Failure(path=url, code="E102", message="feed has no item links")
            queue[:0] = [(link, False) for link in links[: opts.max_items]]
            continue
        kind = "html" if ("html" in resp.content_type.lower() or _looks_html(resp.body)) else "text"
        meta = {"fetched_from": resp.url, "content_type": resp.content_type}
        for item in read_bytes(resp.body, name=url, doc_id=doc_id_for_url(resp.url), lang=opts.lang,
                               published=opts.published, kind=kind, meta=meta, max_bytes=opts.max_bytes):
            if isinstance(item, Article):
                item.url = item.url or resp.url
            yield item


def _looks_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))
