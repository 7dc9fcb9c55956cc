"""Rendering event records and reports for the terminal: rich tables, JSON and JSON Lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

import click
from rich.console import Console
from rich.table import Table

FORMATS = ("table", "jsonl", "json")
EXCERPT_CHARS = 90


def console(err: bool = False) -> Console:
    """A rich console on the current stdout/stderr (so tests capture it); wide when not a terminal."""
    stream = sys.stderr if err else sys.stdout
    terminal = stream.isatty()
    return Console(file=stream, width=None if terminal else 160, highlight=False, soft_wrap=not terminal)


def format_option(default: str = "table"):
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default=default, show_default=True,
                        help="table: readable table; jsonl: one event record per line; json: one JSON array.")


def party(entities: list[dict[str, Any]]) -> str:
    return "+".join(e.get("code") or "?" for e in entities) or "-"


def excerpt(record: dict[str, Any], width: int = EXCERPT_CHARS) -> str:
    """The evidence sentence; when it is long, a window of whole words around the trigger."""
    evidence = record.get("evidence") or {}
    sentence = " ".join((evidence.get("sentence") or "").split())
    if len(sentence) <= width:
        return sentence
    trigger = (evidence.get("trigger") or {}).get("text") or ""
    at = sentence.find(trigger) if trigger else -1
    begin = max(0, min(at - width // 3, len(sentence) - width)) if at > 0 else 0
    if begin:
        space = sentence.find(" ", begin)
        begin = space + 1 if 0 <= space < at else begin
    end = begin + width
    if end < len(sentence):
        space = sentence.rfind(" ", begin, end)
        end = space if space > begin else end
    return ("…" if begin else "") + sentence[begin:end] + ("…" if end < len(sentence) else "")


def event_date(record: dict[str, Any]) -> str:
    value = (record.get("date") or {}).get("value")
    return value or "-"


def source_label(record: dict[str, Any]) -> str:
    src = record.get("source")
    if not src:
        return "MEDIA"
    name = src.get("name") or src.get("text")
    code = src.get("code") or "?"
    label = f"{code} ({name})" if name and name != code else code
    via = [v.get("name") or v.get("text") or v.get("code") for v in src.get("via") or []]
    return label + (" via " + ", ".join(v for v in via if v) if any(via) else "")


def events_table(records: list[dict[str, Any]], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, header_style="bold")
    table.add_column("date", no_wrap=True)
    table.add_column("doc", no_wrap=True, style="dim")
    table.add_column("actor -> type -> recipient", no_wrap=True)
    table.add_column("source")
    table.add_column("status", no_wrap=True)
    table.add_column("evidence")
    for r in records:
        table.add_row(event_date(r), r.get("doc_id") or "",
                      f"{party(r.get('actors', []))} -> [bold]{r.get('type')}[/bold] -> {party(r.get('recipients', []))}",
                      source_label(r), r.get("status") or "", excerpt(r))
    return table


def quotes_table(quotes: list[dict[str, Any]], title: str | None = None) -> Table:
    """Direct quotations: speaker, the quoted words (shortened), where, and how many events they hold."""
    table = Table(title=title, show_lines=False, header_style="bold")
    table.add_column("doc", no_wrap=True, style="dim")
    table.add_column("span", no_wrap=True)
    table.add_column("speaker")
    table.add_column("quote")
    table.add_column("events", no_wrap=True)
    for q in quotes:
        words = " ".join(q["text"].split())
        words = words if len(words) <= EXCERPT_CHARS else words[: EXCERPT_CHARS - 1] + "…"
        table.add_row(q.get("doc_id") or "", f"{q['start']}-{q['end']}", source_label({"source": q.get("speaker")})
                      if q.get("speaker") else "-", f"„{words}“", str(len(q.get("event_ids") or [])))
    return table


def write_records(records: Iterable[dict[str, Any]], fmt: str, title: str | None = None) -> int:
    """Print event records in the chosen format; returns how many were printed."""
    out = sys.stdout
    if fmt == "jsonl":
        n = 0
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
        out.flush()
        return n
    records = list(records)
    if fmt == "json":
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        out.flush()
    else:
        con = console()
        if records:
            con.print(events_table(records, title))
        else:
            con.print("no events" + (f" ({title})" if title else ""))
    return len(records)


def write_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def is_terminal() -> bool:
    return sys.stderr.isatty()
