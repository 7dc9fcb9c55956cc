"""`eventlens fetch`: download pages or RSS/Atom feeds politely, then process and store them."""

from __future__ import annotations

import click

from eventlens.cli.options import db_option, pipeline_options, report_failures, settings_from


@click.command("fetch")
@click.argument("urls", nargs=-1, required=True, metavar="URL|FEED ...")
@db_option
@pipeline_options
@click.option("--allow-private", is_flag=True, help="Allow loopback and private addresses (local servers).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 300), help="Seconds per request.")
@click.option("--max-bytes", default=5 * 1024 * 1024, show_default=True, type=click.IntRange(1024),
              help="Largest response accepted.")
@click.option("--max-items", default=50, show_default=True, type=click.IntRange(1), help="Items followed per feed.")
@click.option("--ignore-robots", is_flag=True, help="Do not read robots.txt (only for your own servers).")
@click.option("--no-store", is_flag=True, help="Only print the fetched articles' ids and titles; store nothing.")
@click.pass_context
def command(ctx, urls, db, lang, published, actor_files, use_classifier, allow_private, timeout, max_bytes, max_items,
            ignore_robots, no_store):
    """Fetch articles from URLs or feeds and store them like `eventlens ingest`.

    Only http and https; private and loopback addresses are refused unless --allow-private; robots.txt
    is honoured; every request has a timeout and a size cap. A URL that fails is reported on stderr
    and the others go on (exit code 1 if any failed).

    \b
    Example:
      eventlens fetch https://example.org/rss.xml --db news.duckdb
    """
    from eventlens.ingest.fetch import FetchOptions, iter_fetch
    from eventlens.records import Failure

    settings = settings_from(lang, published, actor_files, use_classifier)
    opts = FetchOptions(allow_private=allow_private, timeout=timeout, max_bytes=max_bytes, max_items=max_items,
                        respect_robots=not ignore_robots, lang=settings.lang, published=settings.published)
    items = iter_fetch(list(urls), opts)
    failed = 0
    if no_store:
        for item in items:
            if isinstance(item, Failure):
                failed += 1
                report_failures([item])
            else:
                click.echo(f"{item.doc_id}\t{item.url}\t{item.title or ''}")
        ctx.exit(1 if failed else 0)
    from eventlens.pipeline import Pipeline
    from eventlens.store import ingest_articles, open_store

    counts = {"stored": 0, "duplicate": 0, "failed": 0}
    with open_store(db) as store:
        for item, outcome in ingest_articles(store, Pipeline(settings), items):
            counts[outcome] = counts.get(outcome, 0) + 1
            if isinstance(item, Failure):
                report_failures([item])
    click.echo(f"{counts['stored']} stored, {counts['duplicate']} already stored, {counts['failed']} failed "
               f"(database {db}).", err=True)
    ctx.exit(1 if counts["failed"] else 0)
