"""Claims: who says an event happened, how sure the text is, when and where it happened.

`attribute_claims(doc, pack)` sets `source`, `status`, `date` and `location` on every event of doc;
it also fills `doc.quotes` (direct quotations); `link_quotes(doc)` re-links them once repeated events are
merged.
The cues are language data (lang/<xx>/claims.yaml, dates.yaml); the logic is shared by all languages.
"""

from __future__ import annotations

from eventlens.claims.cues import load_cues
from eventlens.claims.quotes import find_quotes, link_quotes
from eventlens.claims.source import denier_source, find_source, hedge_source, reports_source
from eventlens.claims.status import find_status, fold_denials, mark_accused
from eventlens.claims.time_place import domestic_protest, find_event_date, find_event_location
from eventlens.lang import LanguagePack
from eventlens.records import Document


def attribute_claims(doc: Document, pack: LanguagePack) -> None:
    if not doc.events:
        find_quotes(doc, pack)
        return
    cues = load_cues(pack.code)
    for ev in doc.events:
        ev.source = find_source(doc, ev, cues)
        ev.status = find_status(doc, ev, cues)
        if ev.status == "denied":
            ev.source = denier_source(doc, ev, cues) or ev.source
    mark_accused(doc)
    fold_denials(doc, cues)
    for ev in doc.events:
        if ev.status == "alleged" and ev.source is None:
            ev.source = hedge_source(doc, ev, cues)
        elif ev.status == "not_confirmed" and ev.source is None:
            ev.source = reports_source(doc, ev, cues)
    memo: dict = {}
    for ev in doc.events:
        ev.date = find_event_date(doc, ev, pack, memo)
        ev.location = find_event_location(doc, ev, pack, memo)
        domestic_protest(ev)
    find_quotes(doc, pack)
    for quote in doc.quotes:  # an act told inside a quotation is its speaker's claim
        if quote.speaker is not None:
            for ev in quote.linked:
                if ev.source is None:
                    ev.source = {k: v for k, v in quote.speaker.items() if k not in ("start", "end")}
                    ev.source["via"] = None


__all__ = ["attribute_claims", "find_quotes", "link_quotes"]
