"""`eventlens clean`: show what the cleaner makes of an article, without storing anything."""

from __future__ import annotations

import json
from dataclasses import asdict

import click

from eventlens.cli.options import lang_option, published_option, report_failures, settings_from


@click.command("clean")
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR|- ...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the cleaned text; json: also title, metadata, language, removals, repairs and offsets.")
@lang_option
@published_option
@click.pass_context
def command(ctx, paths, fmt, lang, published):
    """Print the cleaned text of articles (boilerplate removed, glued words repaired).

    With --format json, one JSON object per article: doc_id, title, metadata, detected language, the
    cleaned text, every removal and repair with its span in the original text, and the offset map
    (offsets[i] is the original offset of cleaned character i).

    \b
    Example:
      eventlens clean article.txt
      eventlens clean page.html --format json
    """
    from eventlens.clean import clean, detect_language
    from eventlens.ingest import iter_articles
    from eventlens.records import Failure

    settings = settings_from(lang, published)
    failures = []
    first = True
    for item in iter_articles(list(paths), lang=settings.lang, published=settings.published):
        if isinstance(item, Failure):
            failures.append(item)
            report_failures([item])
            continue
        ct = clean(item)
        if fmt == "text":
            if not first:
                click.echo("\n" + "=" * 40 + "\n")
            click.echo(ct.text)
        else:
            code, conf = (item.lang, 1.0) if item.lang else detect_language(ct.text)
            record = {
                "doc_id": item.doc_id, "path": item.path, "title": ct.title, "url": item.url,
                "published": item.published, "outlet": item.outlet, "lang": code, "lang_confidence": conf,
                "meta": item.meta, "content_hash": item.content_hash, "text": ct.text,
                "removals": [asdict(e) for e in ct.removals], "repairs": [asdict(e) for e in ct.repairs],
                "offsets": ct.offsets,
            }
            click.echo(json.dumps(record, ensure_ascii=False))
        first = False
    ctx.exit(1 if failures else 0)
