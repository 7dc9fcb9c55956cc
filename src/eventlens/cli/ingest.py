"""`eventlens ingest`: process articles and store them with their events."""

from __future__ import annotations

import click

from eventlens.cli.options import db_option, pipeline_options, report_failures, settings_from
from eventlens.cli.render import console, is_terminal


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, metavar="FILE|DIR ...")
@db_option
@pipeline_options
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes to analyse articles in (storing stays in this one).")
@click.pass_context
def command(ctx, paths, db, lang, published, actor_files, use_classifier, workers):
    """Process articles and store documents and events in a DuckDB database.

    An article already in the database (same normalised text) is skipped, so ingesting the same files twice
    changes nothing. A file that cannot be read or processed is reported on stderr, recorded in the
    database's failures table and skipped; the others are stored (exit code 1 if any failed).

    \b
    Example:
      eventlens ingest examples/ --db eventlens.duckdb --workers 2
      eventlens events --db eventlens.duckdb
    """
    from eventlens.ingest import iter_articles
    from eventlens.pipeline import Pipeline
    from eventlens.records import Failure
    from eventlens.store import ingest_articles, open_store

    settings = settings_from(lang, published, actor_files, use_classifier)
    counts = {"stored": 0, "duplicate": 0, "failed": 0}
    n_events = 0
    with open_store(db) as store:
        pipeline = Pipeline(settings)
        items = iter_articles(list(paths), lang=settings.lang, published=settings.published)
        outcomes = ingest_articles(store, pipeline, items, workers=workers)
        with _progress() as advance:
            for item, outcome in outcomes:
                counts[outcome] += 1
                if isinstance(item, Failure):
                    report_failures([item])
                elif outcome == "stored":
                    n_events += len(item.events)
                advance(getattr(item, "doc_id", None) or getattr(item, "path", ""))
        total = store.counts()
    console(err=True).print(
        f"{counts['stored']} stored ({n_events} events), {counts['duplicate']} already stored, "
        f"{counts['failed']} failed. Database {db}: {total['documents']} documents, {total['events']} events.")
    ctx.exit(1 if counts["failed"] else 0)


class _progress:
    """A rich progress line on a terminal; nothing otherwise."""

    def __enter__(self):
        if not is_terminal():
            return lambda label: None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = Progress(SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn(),
                            TextColumn("[dim]{task.description}"), console=console(err=True), transient=True)
        self.bar.__enter__()
        task = self.bar.add_task("", total=None)
        return lambda label: self.bar.update(task, advance=1, description=str(label))

    def __exit__(self, *exc):
        if hasattr(self, "bar"):
            self.bar.__exit__(*exc)
