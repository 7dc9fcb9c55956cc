"""`eventlens show`: one stored document, its cleaned text, what cleaning changed, its paragraph languages,
its near-duplicate links, its events and its direct quotations."""

from __future__ import annotations

import click

from eventlens.cli.options import db_option
from eventlens.cli.render import console, events_table, write_json


@click.command("show")
@click.argument("doc_id")
@db_option
@click.option("--cleaning", is_flag=True, help="Also list what the cleaner removed and repaired.")
@click.option("--langs", is_flag=True, help="Also list the language detected for each paragraph.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def command(doc_id, db, cleaning, langs, fmt):
    """Show a stored document: metadata, cleaned text, its events and its direct quotations.

    \b
    Example:
      eventlens show seed-de-01 --db eventlens.duckdb --cleaning --langs
    """
    from eventlens.errors import ConfigError
    from eventlens.store import open_store

    with open_store(db, read_only=True) as store:
        doc = store.document(doc_id)
        if doc is None:
            known = store.doc_ids()
            hint = f"; stored ids include {', '.join(known[:5])}" if known else "; the database is empty"
            raise ConfigError("E801", field="DOC_ID", why=f"no document '{doc_id}' in {db}{hint}")
        events = store.events(doc_id=doc_id)
    if fmt == "json":
        if not cleaning:
            doc.pop("removals")
            doc.pop("repairs")
        if not (langs or cleaning):
            doc.pop("paragraph_langs")
        write_json({**doc, "events": events})
        return
    con = console()
    for key in ("doc_id", "title", "path", "url", "outlet", "lang", "published", "content_hash", "ingested_at"):
        if doc.get(key):
            con.print(f"[bold]{key:>12}[/bold]  {doc[key]}", markup=True, highlight=False)
    if doc.get("duplicate_of"):
        con.print(f"[bold]{'duplicate_of':>12}[/bold]  {doc['duplicate_of']} (near-duplicate, similarity "
                  f"{doc['duplicate_similarity']:.2f})", markup=True, highlight=False)
    for dup in doc.get("duplicates") or []:
        con.print(f"[bold]{'duplicated_by':>12}[/bold]  {dup['doc_id']} (similarity {dup['similarity']:.2f})",
                  markup=True, highlight=False)
    con.print(f"\n[bold]cleaned text[/bold] ({len(doc['clean_text'] or '')} of {len(doc['text'])} characters)")
    con.print(doc["clean_text"] or "", markup=False)
    if cleaning:
        from rich.table import Table

        for which in ("removals", "repairs"):
            if not doc[which]:
                con.print(f"no {which}")
                continue
            table = Table(title=f"{which} ({len(doc[which])})", header_style="bold")
            for col in ("kind", "start", "end", "original", "replacement"):
                table.add_column(col)
            for e in doc[which]:
                table.add_row(e["kind"], str(e["start"]), str(e["end"]), _short(e["text"]), _short(e["replacement"]))
            con.print(table)
    if langs:
        _print_langs(con, doc)
    con.print(events_table(events, title=f"{len(events)} events") if events else "no events")
    if doc.get("quotes"):
        from eventlens.cli.render import quotes_table

        con.print(quotes_table(doc["quotes"], title=f"{len(doc['quotes'])} quotations"))


def _print_langs(con, doc: dict) -> None:
    if not doc.get("paragraph_langs"):
        con.print("no paragraph languages recorded")
        return
    from rich.table import Table

    table = Table(title=f"paragraph languages ({len(doc['paragraph_langs'])})", header_style="bold")
    for col in ("start", "end", "lang", "confidence", "paragraph"):
        table.add_column(col)
    for start, end, lang, conf in doc["paragraph_langs"]:
        table.add_row(str(start), str(end), lang, f"{conf:.2f}", _short(doc["text"][start:end], 60))
    con.print(table)


def _short(text: str | None, width: int = 70) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
