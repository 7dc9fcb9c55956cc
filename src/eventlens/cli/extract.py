"""`eventlens extract`: run the pipeline on articles and print their events, storing nothing."""

from __future__ import annotations

import click

from eventlens.cli.options import pipeline_options, report_failures, settings_from
from eventlens.cli.render import format_option, write_records
from eventlens.records import Failure


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR|- ...")
@format_option()
@pipeline_options
@click.option("--quotes", "quotes", is_flag=True,
              help="Print the direct quotations (speaker, quoted words with offsets, linked event ids) instead of "
                   "the events, in the same format.")
@click.pass_context
def command(ctx, paths, fmt, lang, published, actor_files, use_classifier, quotes):
    """Extract events from articles without storing them.

    Each FILE is an article (UTF-8 text with an optional header block, HTML, JSONL, ...); a DIR is searched
    for articles; - reads one article from standard input. A file that cannot be read is reported on
    stderr and skipped (exit code 1).

    \b
    Example:
      eventlens extract examples/en_starmer_zelensky.txt --format table
      echo "Russia accused Ukraine of shelling the plant." | eventlens extract - --lang en --format jsonl
      eventlens extract examples/ --quotes --format json
    """
    from eventlens.pipeline import extract

    settings = settings_from(lang, published, actor_files, use_classifier)
    failures: list[Failure] = []

    def records():
        for item in extract(list(paths), settings):
            if isinstance(item, Failure):
                failures.append(item)
                report_failures([item])
                continue
            if quotes:
                yield from (q.to_dict() for q in item.quotes)
            else:
                yield from (event.to_dict() for event in item.events)

    if quotes and fmt == "table":
        from eventlens.cli.render import console, quotes_table

        found = list(records())
        console().print(quotes_table(found) if found else "no quotations")
    else:
        write_records(records(), fmt)
    ctx.exit(1 if failures else 0)
