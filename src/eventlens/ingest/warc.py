"""Crawls: HTML responses from WARC files (warcio), one article per page.

Only `response` records with status 200 and an HTML content type are read; the page URL comes from
WARC-Target-URI and the doc_id from the record id. A broken record is reported and skipped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from eventlens.errors import EventlensError, InputError
from eventlens.records import Article, Failure


def iter_warc(path: str, *, lang: str | None = None, published: str | None = None,
              max_bytes: int = 20 * 1024 * 1024) -> Iterator[Article | Failure]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    from eventlens.ingest.html import article_from_html

    count = 0
    try:
        fh = open(path, "rb")
    except FileNotFoundError:
        yield Failure(path=path, code="E101", message=InputError("E101").message)
        return
    with fh:
        try:
            for n, record in enumerate(ArchiveIterator(fh), start=1):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                status = record.http_headers.get_statuscode()
                if "html" not in ctype or status != "200":
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                rid = record.rec_headers.get_header("WARC-Record-ID") or f"{path}#{n}"
                doc_id = "warc-" + hashlib.sha1(rid.encode()).hexdigest()[:12]
                where = f"{path}#{n}"
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield Failure(path=where, code="E106", doc_id=doc_id,
                                  message=InputError("E106", size=len(body), limit=max_bytes).message)
                    continue
                date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                try:
                    article = article_from_html(body, doc_id=doc_id, path=where, lang=lang,
                                                published=published, url=url, meta={"warc_date": date})
                except EventlensError as exc:
                    yield Failure(path=where, code=exc.code, message=exc.message, doc_id=doc_id)
                    continue
                count += 1
                yield article
        except (ArchiveLoadFailed, OSError, ValueError) as exc:
            yield Failure(path=path, code="E108", message=InputError("E108", why=f"not a readable WARC ({exc})").message)
            return
    if count == 0:
        yield Failure(path=path, code="E102", message="WARC file holds no HTML responses")
