"""Why the pipeline coded what it coded: a sentence-by-sentence account of one processed document.

`explain_document(doc)` turns a processed `Document` into a plain dict (JSON-ready): for every sentence
its text and original offsets, its tokens with lemma, part of speech and dependency, the actor mentions
found in it, what the event coder, the classifier and the claims stage decided there (from `doc.trace`),
the events it produced, and the cleaner's removals that touch it. `load_for_explain` gets the Document,
from a file (processed, nothing stored) or from a stored document (its original text, processed again).
`render_text` writes the dict for a terminal with rich. The CLI (`eventlens explain`) is a thin skin.
"""

from __future__ import annotations

from typing import Any

from eventlens.records import Document, Edit, Event, Mention, Sentence


def explain_document(doc: Document) -> dict[str, Any]:
    """Everything a user needs to see why each sentence gave the events it gave."""
    article = doc.article
    events_by_sentence: dict[int, list[Event]] = {}
    for ev in doc.events:
        events_by_sentence.setdefault(ev.sentence.index, []).append(ev)
    repeats = _repeats(doc.events)
    mentions_by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        mentions_by_sentence.setdefault(m.sentence, []).append(m)
    trace_by_sentence: dict[int, list[dict[str, Any]]] = {}
    loose_trace = []
    for entry in doc.trace:
        idx = entry.get("sentence")
        if isinstance(idx, int) and idx >= 0:
            trace_by_sentence.setdefault(idx, []).append(entry)
        else:
            loose_trace.append(entry)
    removals = list(doc.clean.removals) if doc.clean is not None else []
    placed: set[int] = set()
    sentences = []
    for sent in doc.sentences:
        touching = [i for i, e in enumerate(removals) if _touches(e, sent)]
        placed.update(touching)
        sentences.append({
            "index": sent.index,
            "start": sent.start,
            "end": sent.end,
            "text": sent.text,
            "tokens": _tokens(doc, sent),
            "mentions": [_mention(m) for m in mentions_by_sentence.get(sent.index, [])],
            "decisions": [_decision(e) for e in trace_by_sentence.get(sent.index, [])],
            "events": [_event(ev) for ev in events_by_sentence.get(sent.index, [])],
            "repeats": repeats.get(sent.index, []),
            "removals": [_edit(removals[i]) for i in touching],
        })
    return {
        "doc_id": doc.doc_id,
        "path": article.path,
        "title": article.title or (doc.clean.title if doc.clean is not None else None),
        "published": article.published,
        "lang": doc.lang,
        "lang_confidence": doc.lang_confidence,
        "parsed": bool(doc.nlp is not None and doc.nlp.has_annotation("DEP")),
        "warnings": list(doc.warnings),
        "n_sentences": len(doc.sentences),
        "n_events": len(doc.events),
        "sentences": sentences,
        "other_removals": [_edit(e) for i, e in enumerate(removals) if i not in placed],
        "other_decisions": [_decision(e) for e in loose_trace],
    }


def _touches(edit: Edit, sent: Sentence) -> bool:
    """An edit inside the sentence's original span, or one that borders it (a teaser glued to it)."""
    return edit.start <= sent.end and edit.end >= sent.start and not (edit.start == edit.end == 0 and sent.start > 0)


def _tokens(doc: Document, sent: Sentence) -> list[dict[str, Any]]:
    if doc.nlp is None:
        return []
    span = doc.nlp.char_span(sent.clean_start, sent.clean_end, alignment_mode="expand")
    if span is None:
        return []
    parsed = doc.nlp.has_annotation("DEP")
    out = []
    for tok in span:
        if tok.is_space:
            continue
        head = tok.head
        dep = tok.dep_ if parsed else ""
        head_i = head.i - span.start if parsed and head.i != tok.i else None
        if parsed and dep == "ROOT":
            link = "ROOT"
        elif parsed and head_i is not None:
            link = f"{dep}->{head.text}"
        else:
            link = dep
        compact = "/".join(p for p in (tok.text, tok.lemma_ or tok.text, tok.pos_ or "_") if p is not None)
        out.append({
            "i": tok.i - span.start,
            "text": tok.text,
            "lemma": tok.lemma_,
            "pos": tok.pos_,
            "dep": dep,
            "head": head_i,
            "compact": compact + (f"/{link}" if link else ""),
        })
    return out


def _mention(m: Mention) -> dict[str, Any]:
    return {"text": m.text, "code": m.code, "sector": m.sector, "name": m.name, "kind": m.kind, "role": m.role,
            "how": m.how, "start": m.start, "end": m.end}


def _decision(entry: dict[str, Any]) -> dict[str, Any]:
    return {"stage": entry.get("stage"), "trigger": entry.get("trigger"), "rule": entry.get("rule"),
            "note": entry.get("note")}


def _event(ev: Event) -> dict[str, Any]:
    record = ev.to_dict()
    return {
        "event_id": record["event_id"],
        "type": ev.type,
        "mode": ev.mode,
        "cameo": ev.cameo,
        "contexts": list(ev.contexts),
        "actors": [m.code for m in ev.actors],
        "recipients": [m.code for m in ev.recipients],
        "trigger": {"text": ev.trigger_text, "start": ev.trigger_start, "end": ev.trigger_end},
        "source": ev.source,
        "status": ev.status,
        "date": dict(ev.date),
        "location": ev.location,
        "confidence": record["confidence"],
        "signal": ev.signal,
        "notes": list(ev.notes),
    }


def _repeats(events: list[Event]) -> dict[int, list[dict[str, Any]]]:
    """Sentences whose event was merged into an earlier record of the same act (see merge_repeats)."""
    out: dict[int, list[dict[str, Any]]] = {}
    prefix = "repeated in sentence "
    for ev in events:
        for note in ev.notes:
            if note.startswith(prefix) and note[len(prefix):].isdigit():
                out.setdefault(int(note[len(prefix):]), []).append(
                    {"event_id": ev.event_id, "type": ev.type, "kept_in_sentence": ev.sentence.index})
    return out


# -- getting the document ----------------------------------------------------------------------------------

def load_for_explain(source: str, *, db: str | None = None, settings=None, pipeline=None) -> Document:
    """Process `source` again: a file path (read and processed, nothing stored), or else the id of a
    document stored in `db` (its original text, processed with the stored language and date unless
    `settings` force others)."""
    from pathlib import Path

    from eventlens.errors import ConfigError
    from eventlens.pipeline import Pipeline, Settings
    from eventlens.records import Failure

    settings = settings or Settings()
    if Path(source).is_file() or source == "-":
        from eventlens.ingest import iter_articles

        items = list(iter_articles([source], lang=settings.lang, published=settings.published))
        articles = [a for a in items if not isinstance(a, Failure)]
        if not articles:
            failure = items[0] if items else None
            raise ConfigError("E801", field="DOC_ID|FILE",
                              why=failure.line() if failure else f"no article read from {source}")
        if len(articles) > 1:
            raise ConfigError("E801", field="DOC_ID|FILE",
                              why=f"{source} holds {len(articles)} articles; explain takes one")
        article = articles[0]
    else:
        article = _stored_article(source, db or "eventlens.duckdb", settings)
    pipe = pipeline or Pipeline(settings)
    return pipe.process(article)


def _stored_article(doc_id: str, db: str, settings):
    from pathlib import Path

    from eventlens.errors import ConfigError
    from eventlens.ingest.textfile import parse_header
    from eventlens.records import Article
    from eventlens.store import open_store

    if not Path(db).exists():
        raise ConfigError("E801", field="DOC_ID|FILE",
                          why=f"'{doc_id}' is neither a file nor, with no database at {db}, a stored document")
    with open_store(db, read_only=True) as store:
        row = store.document(doc_id)
        if row is None:
            known = store.doc_ids()
            hint = f"; stored ids include {', '.join(known[:5])}" if known else "; the database is empty"
            raise ConfigError("E801", field="DOC_ID|FILE",
                              why=f"'{doc_id}' is neither a file nor a document in {db}{hint}")
    text = row["text"]
    _, body_start = parse_header(text)  # text articles are stored with their header block
    return Article(doc_id=row["doc_id"], text=text, path=row.get("path"), title=row.get("title"),
                   url=row.get("url"), published=settings.published or row.get("published"),
                   outlet=row.get("outlet"), lang=settings.lang or row.get("lang"), body_start=body_start)


# -- text rendering ----------------------------------------------------------------------------------------

def render_text(report: dict[str, Any], con) -> None:
    """Write an explain report to a rich console, one block per sentence."""
    from rich.markup import escape

    head = f"[bold]{escape(report['doc_id'])}[/bold]"
    if report.get("title"):
        head += f"  {escape(report['title'])}"
    con.print(head)
    conf = report.get("lang_confidence")
    con.print(f"language {report.get('lang')}" + (f" ({conf:.2f})" if conf is not None else "")
              + f", published {report.get('published') or '-'}, {report['n_sentences']} sentences, "
              f"{report['n_events']} events" + ("" if report.get("parsed") else ", no dependency parse"))
    for w in report.get("warnings") or []:
        con.print(f"[yellow]warning[/yellow] {escape(str(w))}")
    for s in report["sentences"]:
        con.rule(f"sentence {s['index']}  [{s['start']}:{s['end']}]", align="left")
        con.print(escape(" ".join(s["text"].split())))
        if s["tokens"]:
            con.print("[dim]tokens[/dim]  " + escape("  ".join(t["compact"] for t in s["tokens"])))
        if s["mentions"]:
            con.print("[dim]actors[/dim]")
            for m in s["mentions"]:
                extra = ", ".join(x for x in (m.get("sector"), m.get("kind"), m.get("role")) if x)
                con.print(f"  [cyan]{escape(m['code'])}[/cyan] {escape(m['text'])!s} [{m['start']}:{m['end']}]"
                          f" ({escape(extra)}; {escape(m['how'])})")
        else:
            con.print("[dim]actors[/dim]  none")
        for d in s["decisions"]:
            style = "green" if str(d["note"]).startswith(("coded", "proposed")) else "yellow"
            rule = f" {{{d['rule']}}}" if d.get("rule") else ""
            trig = f" {d['trigger']!r}" if d.get("trigger") else ""
            con.print(f"  [{style}]{escape(str(d['stage']))}[/{style}]{escape(trig)}{escape(rule)}: "
                      f"{escape(str(d['note']))}")
        for ev in s["events"]:
            acts = "+".join(ev["actors"]) or "-"
            recs = "+".join(ev["recipients"]) or "-"
            src = (ev.get("source") or {}).get("code") or "outlet"
            loc = (ev.get("location") or {}).get("country") or (ev.get("location") or {}).get("name") or "-"
            date = (ev.get("date") or {}).get("value") or "-"
            mode = f"/{ev['mode']}" if ev.get("mode") else ""
            con.print(f"  [bold magenta]EVENT[/bold magenta] {ev['type']}{escape(mode)} {escape(acts)} -> "
                      f"{escape(recs)}  source {escape(src)}, {ev['status']}, date {date}, location {escape(loc)}, "
                      f"confidence {ev['confidence']:.2f}, {escape(ev['signal'])}")
        for r in s["repeats"]:
            con.print(f"  [dim]repeat of {r['type']} event {r['event_id']} kept in sentence "
                      f"{r['kept_in_sentence']}[/dim]")
        for e in s["removals"]:
            con.print(f"  [red]removed[/red] {escape(e['kind'])} [{e['start']}:{e['end']}] "
                      f"{escape(_short(e['text']))}")
    if report["other_removals"]:
        con.rule("removed outside any sentence", align="left")
        for e in report["other_removals"]:
            con.print(f"  [red]removed[/red] {escape(e['kind'])} [{e['start']}:{e['end']}] "
                      f"{escape(_short(e['text']))}")
    for d in report.get("other_decisions") or []:
        con.print(f"  {escape(str(d['stage']))}: {escape(str(d['note']))}")


def _edit(e: Edit) -> dict[str, Any]:
    return {"kind": e.kind, "start": e.start, "end": e.end, "text": e.text}


def _short(text: str | None, width: int = 80) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"
