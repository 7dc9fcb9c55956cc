"""Fetching pages and feeds from a real HTTP server on 127.0.0.1 started by the test."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventlens.ingest.fetch import FetchOptions, check_url, iter_fetch
from eventlens.records import Article, Failure

PAGE = (Path(__file__).resolve().parents[1] / "fixtures" / "html" / "de_minister.html").read_bytes()
PAGE2 = (Path(__file__).resolve().parents[1] / "fixtures" / "html" / "en_no_article_tag.html").read_bytes()


def _rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Beispiel</title>
<item><title>Eins</title><link>{base}/news/one.html</link></item>
<item><title>Zwei</title><link>{base}/news/two.html</link></item>
<item><title>Verboten</title><link>{base}/private/secret.html</link></item>
</channel></rss>""".encode()


def _atom(base: str) -> bytes:
    return b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
<entry><title>One</title><link rel="alternate" href="/news/two.html"/></entry>
</feed>"""


class Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, code: int, ctype: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on purpose (size cap)

    def do_GET(self):  # noqa: N802 - http.server's naming
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {
            "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
            "/news/one.html": (200, "text/html; charset=utf-8", PAGE),
            "/news/two.html": (200, "text/html", PAGE2),
            "/private/secret.html": (200, "text/html", PAGE),
            "/feed.xml": (200, "application/rss+xml", _rss(base)),
            "/atom.xml": (200, "application/xml", _atom(base)),
            "/plain.txt": (200, "text/plain; charset=utf-8", b"title: Ein Text\n\nDer Kanzler reiste nach Rom.\n"),
            "/big.html": (200, "text/html", b"<html><body>" + b"<p>x</p>" * 200_000 + b"</body></html>"),
            "/error": (500, "text/plain", b"boom"),
        }
        if self.path == "/slow":
            time.sleep(3)
            self._send(200, "text/html", PAGE)
            return
        code, ctype, body = routes.get(self.path, (404, "text/plain", b"not found"))
        self._send(code, ctype, body)


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


OPTS = FetchOptions(allow_private=True, timeout=1.0, max_bytes=1_000_000)


def test_fetch_page(server):
    (a,) = list(iter_fetch([server + "/news/one.html"], OPTS))
    assert isinstance(a, Article)
    assert a.title == "Außenminister reist nach Paris" and a.url == server + "/news/one.html"
    assert any(ua.startswith("eventlens/") for ua in Handler.seen_agents)


def test_fetch_plain_text_with_header(server):
    (a,) = list(iter_fetch([server + "/plain.txt"], OPTS))
    assert a.title == "Ein Text" and "Kanzler" in a.text[a.body_start:]


def test_rss_feed_items_fetched_and_robots_respected(server):
    out = list(iter_fetch([server + "/feed.xml"], OPTS))
    arts = [x for x in out if isinstance(x, Article)]
    fails = [x for x in out if isinstance(x, Failure)]
    assert [a.url for a in arts] == [server + "/news/one.html", server + "/news/two.html"]
    assert len(fails) == 1 and "robots.txt" in fails[0].message and "/private/" in fails[0].path


def test_atom_feed(server):
    out = list(iter_fetch([server + "/atom.xml"], OPTS))
    assert [type(x).__name__ for x in out] == ["Article"]


@pytest.mark.parametrize(("path", "code", "words"), [
    ("/error", "E110", "HTTP 500"),
    ("/slow", "E110", "timed out"),
    ("/big.html", "E106", "limit"),
    ("/missing", "E110", "HTTP 404"),
])
def test_fetch_errors_are_one_line_and_batch_goes_on(server, path, code, words):
    out = list(iter_fetch([server + path, server + "/news/two.html"], OPTS))
    assert isinstance(out[0], Failure) and out[0].code == code
    line = out[0].line()
    assert "\n" not in line and server + path in line
    assert words in line or (words == "timed out" and "no answer" in line)
    assert isinstance(out[1], Article)


def test_private_addresses_refused_by_default(server):
    (f,) = list(iter_fetch([server + "/news/one.html"], FetchOptions(timeout=1.0)))
    assert isinstance(f, Failure) and f.code == "E111" and "allow-private" in f.message


def test_redirect_to_private_address_refused():
    # the redirect target is checked even when the first host is allowed
    with pytest.raises(Exception) as info:
        check_url("http://10.255.255.1/x", allow_private=False)
    assert "E111" in str(info.value)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x"])
def test_only_http_and_https(url):
    (f,) = list(iter_fetch([url], FetchOptions()))
    assert f.code == "E111"
