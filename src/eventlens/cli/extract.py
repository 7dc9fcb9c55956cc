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
@click.pass_context
def command(ctx, paths, fmt, lang, published, actor_files, use_classifier):
    """Extract events from articles without storing them.

    Each FILE is an article (UTF-8 text with an optional header block, HTML, JSONL, ...); a DIR is searched
    for articles; - reads one article from standard input. A file that cannot be read is reported on
    stderr and skipped (exit code 1).

    \b
    Example:
      eventlens extract examples/en_starmer_zelensky.txt --format table
      echo "Russia accused Ukraine of shelling the plant." | eventlens extract - --lang en --format jsonl
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
            for event in item.events:
                yield event.to_dict()

    write_records(records(), fmt)
    ctx.exit(1 if failures else 0)
