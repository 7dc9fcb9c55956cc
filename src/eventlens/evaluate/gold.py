"""Reading gold files (the format of GOLD_FORMAT.md) into validated records."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventlens.errors import EvalError
from eventlens.records import STATUSES

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

# attributes compared on matched pairs, in report order
ATTRIBUTES = ("status", "source", "date", "location")


@dataclass
class GoldEvent:
    type: str
    actor: frozenset[str]
    recipient: frozenset[str]
    source: frozenset[str] = frozenset({"MEDIA"})
    status: str | None = None
    date: str | None = None
    location: str | None = None
    note: str = ""
    scored: tuple[str, ...] = ATTRIBUTES  # which attributes this gold event can be scored on

    def label(self) -> str:
        return f"{'+'.join(sorted(self.actor)) or '-'} -> {self.type} -> {'+'.join(sorted(self.recipient)) or '-'}"


@dataclass
class GoldDocument:
    doc_id: str
    file: str
    published: str | None = None
    lang: str | None = None
    events: list[GoldEvent] = field(default_factory=list)
    text: str | None = None  # the document text itself, when the gold carries it (PLOVER records)


def _codes(value: Any, where: str, path: str, line: int) -> frozenset[str]:
    if value is None or value == "":
        return frozenset()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise EvalError("E901", path=path, line=line, why=f"'{where}' must be a list of codes")
    return frozenset(v.upper() for v in value)


def parse_event(raw: Any, path: str, line: int) -> GoldEvent:
    if not isinstance(raw, dict):
        raise EvalError("E901", path=path, line=line, why="each event must be an object")
    etype = raw.get("type")
    if etype not in PLOVER_TYPES:
        raise EvalError("E901", path=path, line=line, why=f"event type {etype!r} is not a PLOVER type")
    status = raw.get("status")
    if status is not None and status not in STATUSES:
        raise EvalError("E901", path=path, line=line, why=f"status {status!r} is not one of {', '.join(STATUSES)}")
    date = raw.get("date")
    if date is not None and not (isinstance(date, str) and len(date) in (4, 7, 10)):
        raise EvalError("E901", path=path, line=line, why=f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    location = raw.get("location")
    if location is not None and not isinstance(location, str):
        raise EvalError("E901", path=path, line=line, why="location must be a country code or null")
    source = _codes(raw.get("source"), "source", path, line) or frozenset({"MEDIA"})
    return GoldEvent(type=etype, actor=_codes(raw.get("actor"), "actor", path, line),
                     recipient=_codes(raw.get("recipient"), "recipient", path, line), source=source,
                     status=status, date=date, location=location.upper() if location else None,
                     note=str(raw.get("note") or ""))


def read_gold(path: str | Path) -> list[GoldDocument]:
    """All documents of a gold JSONL file; EvalError E901 naming the line of a malformed record."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise EvalError("E901", path=str(path), line=None, why="no such gold file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError("E901", path=str(path), line=None, why=f"cannot read: {exc}") from None
    docs: list[GoldDocument] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError("E901", path=str(path), line=n, why=f"not JSON ({exc.msg})") from None
        if not isinstance(raw, dict) or not isinstance(raw.get("doc_id"), str) or not raw["doc_id"]:
            raise EvalError("E901", path=str(path), line=n, why="a record needs a string 'doc_id'")
        if raw["doc_id"] in seen:
            raise EvalError("E901", path=str(path), line=n, why=f"doc_id {raw['doc_id']!r} appears twice")
        seen.add(raw["doc_id"])
        events = raw.get("events", [])
        if not isinstance(events, list):
            raise EvalError("E901", path=str(path), line=n, why="'events' must be a list")
        docs.append(GoldDocument(doc_id=raw["doc_id"], file=raw.get("file") or f"{raw['doc_id']}.txt",
                                 published=raw.get("published"), lang=raw.get("lang"),
                                 events=[parse_event(e, str(path), n) for e in events]))
    if not docs:
        raise EvalError("E901", path=str(path), line=None, why="the gold file holds no documents")
    return docs
