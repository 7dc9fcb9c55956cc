"""`eventlens events`: query the events stored in a database."""

from __future__ import annotations

import click

from eventlens.cli.options import db_option
from eventlens.cli.render import format_option, write_records


@click.command("events")
@db_option
@click.option("--actor", metavar="CODE", help="Events whose actors include CODE (e.g. RUS, UN).")
@click.option("--recipient", metavar="CODE", help="Events whose recipients include CODE.")
@click.option("--party", metavar="CODE", help="Events with CODE as actor or recipient.")
@click.option("--type", "type_", metavar="TYPE", help="PLOVER event type (e.g. ACCUSE).")
@click.option("--since", metavar="DATE", help="On or after DATE (YYYY-MM-DD, YYYY-MM or YYYY).")
@click.option("--until", metavar="DATE", help="On or before DATE.")
@click.option("--date-field", type=click.Choice(["event", "report"]), default="event", show_default=True,
              help="Compare --since/--until with the event's own date or with the report's publication date.")
@click.option("--status", metavar="S", help="asserted, alleged, denied, not_confirmed, hypothetical, future, negated.")
@click.option("--source", metavar="CODE", help="Who reports it; MEDIA = the outlet in its own voice.")
@click.option("--doc", "doc_id", metavar="DOC_ID", help="Only events of this document.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--no-duplicates", is_flag=True,
              help="Leave out events of documents that are near-duplicates of an earlier one (a story counted once).")
@format_option()
def command(db, actor, recipient, party, type_, since, until, date_field, status, source, doc_id, limit, no_duplicates,
            fmt):
    """List stored events, filtered.

    \b
    Example:
      eventlens events --db eventlens.duckdb --actor RUS --since 2024-01-01
      eventlens events --type ACCUSE --status alleged --format jsonl
    """
    from eventlens.store import EventFilters, open_store

    filters = EventFilters(actor=actor, recipient=recipient, party=party, type=type_, since=since, until=until,
                           status=status, source=source, doc_id=doc_id, date_field=date_field, limit=limit,
                           no_duplicates=no_duplicates)
    with open_store(db, read_only=True) as store:
        records = store.events(filters)
    write_records(records, fmt, title=f"{len(records)} events in {db}")
