"""Bad input through the CLI: each bad file or URL gives one clear line on stderr and the batch goes on.

Files: invalid UTF-8, random bytes, a 50 MB file, deeply nested HTML, HTML without a body.
URLs (a real HTTP server on 127.0.0.1): a feed answering 500, one that never answers, one that trickles
a byte now and then and never finishes, and private addresses without --allow-private.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from eventlens.errors import InputError
from eventlens.ingest import iter_articles
from eventlens.ingest.fetch import FetchOptions, iter_fetch
from eventlens.ingest.html import article_from_html
from eventlens.records import Article, Failure

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGE = (FIXTURES / "html" / "de_minister.html").read_bytes()
ERROR_LINE = re.compile(r"^error\[E\d{3}\] \S+: .+$")


def nested_page(depth: int) -> bytes:
    return (b"<html><body><p>The first paragraph of the article, long enough to count as text.</p>"
            + b"<div>" * depth + b"<p>A paragraph far down in the page that must not vanish silently.</p>"
            + b"</div>" * depth + b"</body></html>")


@pytest.fixture
def bad_folder(tmp_path, examples_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    good = (examples_dir / "de_georgien_proteste.txt").read_bytes()
    (folder / "01_good.txt").write_bytes((examples_dir / "en_starmer_zelensky.txt").read_bytes())
    (folder / "02_invalid_utf8.txt").write_bytes(good[:200] + b"\xff\xfe \x80 abc \xe2\x82" + good[200:])
    (folder / "03_random_bytes.txt").write_bytes(os.urandom(4096))
    line = b"Die Regierung in Berlin kuendigte am Montag neue Hilfen an, sagte ein Sprecher.\n"
    (folder / "04_fifty_mb.txt").write_bytes(line * (50 * 1024 * 1024 // len(line) + 1))
    (folder / "05_nested.html").write_bytes(nested_page(100_000))
    (folder / "06_no_body.html").write_bytes(b"<!DOCTYPE html><html><head><title>Nur ein Titel</title></head></html>")
    (folder / "99_good.txt").write_bytes((examples_dir / "de_baerbock_peking.txt").read_bytes())
    return folder


def test_bad_files_give_one_line_each_and_the_rest_is_read(bad_folder):
    out = {Path(x.path).name: x for x in iter_articles([str(bad_folder)])}
    assert isinstance(out["01_good.txt"], Article) and isinstance(out["99_good.txt"], Article)
    invalid = out["02_invalid_utf8.txt"]  # salvaged, with a warning saying what was replaced
    assert isinstance(invalid, Article) and "\ufffd" in invalid.text
    assert any("invalid UTF-8" in w for w in invalid.meta["warnings"])
    expected = {"03_random_bytes.txt": ("E103", "binary"), "04_fifty_mb.txt": ("E106", "too large"),
                "05_nested.html": ("E109", "nested too deeply"), "06_no_body.html": ("E109", "no text")}
    for name, (code, words) in expected.items():
        failure = out[name]
        assert isinstance(failure, Failure) and failure.code == code, name
        assert words in failure.line() and ERROR_LINE.match(failure.line()), failure.line()


@pytest.mark.parametrize("depth", [50, 200])
def test_ordinary_nesting_keeps_all_text(depth):
    article = article_from_html(nested_page(depth), doc_id="x", path="x.html")
    assert "far down in the page" in article.text and "first paragraph" in article.text


@pytest.mark.parametrize("depth", [300, 5000])
def test_text_below_the_parser_depth_limit_is_never_lost_silently(depth):
    with pytest.raises(InputError, match="nested too deeply") as info:
        article_from_html(nested_page(depth), doc_id="x", path="deep.html")
    assert "deep.html" in str(info.value) and "\n" not in str(info.value)


def test_extractor_warnings_stay_out_of_the_log(caplog):
    with caplog.at_level(logging.WARNING), pytest.raises(InputError):
        article_from_html(b"<html><head><title>t</title></head></html>", doc_id="x", path="x.html")
    assert not [r for r in caplog.records if r.name.startswith("trafilatura")]


@pytest.mark.pipeline
def test_cli_ingest_batch_goes_on(cli, bad_folder, tmp_path):
    result = cli(["ingest", bad_folder, "--db", tmp_path / "bad.duckdb"])
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error[")]
    assert len(errors) == 4 and all(ERROR_LINE.match(ln) for ln in errors)
    assert "Traceback" not in result.output
    assert "3 stored" in result.stderr and "4 failed" in result.stderr


# -- URLs --------------------------------------------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, code: int, ctype: str, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - http.server's naming
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        try:
            if self.path == "/robots.txt":
                self._send(200, "text/plain", b"User-agent: *\nAllow: /\n")
            elif self.path == "/feed500.xml":
                self._send(500, "text/plain", b"internal error")
            elif self.path == "/silent.xml":  # accepts the connection, never answers
                time.sleep(30)
            elif self.path == "/trickle.xml":  # answers, but never finishes
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                for _ in range(120):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.25)
            elif self.path == "/good.xml":
                self._send(200, "application/rss+xml", (
                    f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title>'
                    f"<link>{base}/news/one.html</link></item></channel></rss>").encode())
            elif self.path == "/news/one.html":
                self._send(200, "text/html; charset=utf-8", PAGE)
            else:
                self._send(404, "text/plain", b"not found")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def test_trickling_server_is_cut_at_the_request_timeout(server):
    start = time.monotonic()
    out = list(iter_fetch([server + "/trickle.xml", server + "/news/one.html"],
                          FetchOptions(allow_private=True, timeout=1.0)))
    assert time.monotonic() - start < 5
    assert isinstance(out[0], Failure) and out[0].code == "E110" and "no complete answer within 1 s" in out[0].message
    assert isinstance(out[1], Article)


def test_cli_fetch_batch_goes_on(cli, server):
    urls = [server + p for p in ("/feed500.xml", "/silent.xml", "/trickle.xml", "/good.xml")]
    start = time.monotonic()
    result = cli(["fetch", "--no-store", "--allow-private", "--timeout", "1", *urls])
    assert time.monotonic() - start < 15
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error[")]
    assert [ln.split(": ", 1)[0] for ln in errors] == [f"error[E110] {u}" for u in urls[:3]]
    assert "HTTP 500" in errors[0] and "no answer within 1 s" in errors[1] and "no complete answer" in errors[2]
    assert "Außenminister reist nach Paris" in result.stdout  # the good feed's item, after the bad ones


def test_cli_fetch_refuses_private_addresses(cli, server):
    urls = ["http://10.0.0.7/feed.xml", "http://192.168.1.1/rss", "http://169.254.169.254/latest/meta-data/",
            server + "/good.xml"]
    result = cli(["fetch", "--no-store", "--timeout", "1", *urls])
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error[")]
    assert len(errors) == 4 and all(ln.startswith("error[E111]") and "non-public address" in ln for ln in errors)
    assert all(ERROR_LINE.match(ln) for ln in errors)
