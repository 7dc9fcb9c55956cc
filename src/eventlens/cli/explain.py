"""`eventlens explain`: sentence by sentence, why a document gave the events it gave."""

from __future__ import annotations

import click

from eventlens.cli.options import db_option, pipeline_options, settings_from
from eventlens.cli.render import console, write_json


@click.command("explain")
@click.argument("source", metavar="DOC_ID|FILE")
@db_option
@pipeline_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: readable on a terminal; json: one object for tools.")
def command(source, db, lang, published, actor_files, use_classifier, fmt):
    """Explain a document: parse, actors, triggers, the rule or signal that fired, and rejections.

    A FILE is read and processed (nothing is stored); otherwise DOC_ID names a document stored in --db,
    whose original text is processed again.

    \b
    Example:
      eventlens explain examples/de_baerbock_peking.txt
      eventlens explain seed-de-01 --db eventlens.duckdb --format json
    """
    from eventlens.explain import explain_document, load_for_explain, render_text

    doc = load_for_explain(source, db=db, settings=settings_from(lang, published, actor_files, use_classifier))
    report = explain_document(doc)
    if fmt == "json":
        write_json(report)
    else:
        render_text(report, console())
