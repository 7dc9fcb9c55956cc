"""When and where an event happened, from the event's own clause (not the reporting clause).

"Russland habe ... geliefert, sagte X am Freitag": Friday is when X spoke, not when the delivery
happened, so only dates inside the trigger's clause (or a relative clause right after an event noun)
count. A place is taken from a locative phrase in that clause, else, for acts that physically reach
their recipient (data/claims/location_defaults.yaml), the recipient state's territory.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import Any

from eventlens.claims.when import find_dates
from eventlens.claims.where import place_for_country, places_in
from eventlens.errors import DataError
from eventlens.events.clauses import sentence_span, trigger_token
from eventlens.events.coder import Syntax
from eventlens.lang import LanguagePack, load_yaml
from eventlens.records import Document, Event, Mention

NO_DATE = {"value": None, "granularity": None, "text": None}
DEFAULTS = Path(__file__).parent.parent / "data" / "claims" / "location_defaults.yaml"


@functools.cache
def location_defaults() -> dict[str, Any]:
    data = load_yaml(DEFAULTS)
    table = data.get("recipient_territory") or {}
    for etype, ctx in table.items():
        if ctx != "any" and not isinstance(ctx, list):
            raise DataError("E502", path=str(DEFAULTS), why=f"'{etype}' must be 'any' or a list of contexts")
    return table


def _reference(doc: Document) -> dt.date | None:
    try:
        return dt.date.fromisoformat(doc.article.published[:10]) if doc.article.published else None
    except ValueError:
        return None


def _scope(doc: Document, ev: Event, pack: LanguagePack) -> tuple[int, int] | None:
    """Clean-text character range where the event's own date or place may be written."""
    span = sentence_span(doc, ev.sentence)
    trig = trigger_token(doc, ev)
    if span is None or trig is None:
        return None
    start, end = Syntax.from_pack(pack).event_scope(span, trig)
    doc_ = span.doc
    return doc_[start].idx, doc_[end - 1].idx + len(doc_[end - 1].text)


def _memo(memo: dict | None, key: tuple, compute):
    """Several events share a sentence: the caller's memo finds its dates and places once."""
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def find_event_date(doc: Document, ev: Event, pack: LanguagePack, memo: dict | None = None) -> dict[str, Any]:
    scope = _scope(doc, ev, pack)
    if scope is None:
        return dict(NO_DATE)
    tense = "future" if ev.status == "future" or (ev.status == "hypothetical" and not _perfect(doc, ev, pack)) \
        else "past"
    text = doc.clean.text[ev.sentence.clean_start : ev.sentence.clean_end]
    base = ev.sentence.clean_start
    found = _memo(memo, ("dates", base, tense), lambda: find_dates(text, pack.code, _reference(doc), tense))
    hits = [d for d in found
            if scope[0] <= base + d.start and base + d.end <= scope[1]]
    if not hits and ev.source is None:  # with a speaker, a fronted date may be when they spoke
        hits = _fronted_date(text, found)
    if not hits:
        return dict(NO_DATE)
    best = min(hits, key=lambda d: abs(base + d.start - ev.trigger_clean_start))
    return date_record(best)


def _perfect(doc: Document, ev: Event, pack: LanguagePack) -> bool:
    """"könnte ... geliefert haben", "might have sent", "pourrait avoir livré": a possibility about the past
    (an auxiliary in its infinitive form in the event's clause). Other possibilities look ahead ("könnte
    im Juli beschließen", "pourrait adopter dès jeudi")."""
    span = sentence_span(doc, ev.sentence)
    trig = trigger_token(doc, ev)
    if span is None or trig is None:
        return False
    start, end = Syntax.from_pack(pack).clause(span, trig)
    return any(t.pos_ == "AUX" and t.lower_ == t.lemma_.lower() for t in span.doc[start:end])


def date_record(found) -> dict[str, Any]:
    """The event-record date. A week is given as the month holding its Thursday (the contract's values are
    days, months and years), keeping the ISO week beside it."""
    record = {"value": found.value, "granularity": found.granularity, "text": found.text}
    if found.end_value is not None:
        record["end"] = found.end_value
    if found.months is not None:
        record["months"] = list(found.months)
    if found.granularity == "week" and found.value and "-W" in found.value:
        year, week = found.value.split("-W")
        thursday = dt.date.fromisocalendar(int(year), int(week[:2]), 4)
        record["value"] = thursday.strftime("%Y-%m")
        record["week"] = found.value
    return record


def _fronted_date(text: str, found) -> list:
    """"On 24 February 2025, the EU adopted ...", "Last month, Washington delivered ...": a date that is
    the whole opening segment of the sentence dates the main clause."""
    comma = text.find(",")
    if comma < 0 or not found:
        return []
    first = found[0]
    opening = text[:comma].strip()
    return [first] if first.end <= comma and len(first.text) >= 0.6 * len(opening) else []


def find_event_location(doc: Document, ev: Event, pack: LanguagePack,
                        memo: dict | None = None) -> dict[str, Any] | None:
    scope = _scope(doc, ev, pack)
    if scope is not None:
        syntax = Syntax.from_pack(pack)
        text = doc.clean.text[ev.sentence.clean_start : ev.sentence.clean_end]
        base = ev.sentence.clean_start
        for place in _memo(memo, ("places", base), lambda: places_in(doc.nlp, base, ev.sentence.clean_end, pack.code)):
            if not scope[0] <= base + place.start < scope[1]:
                continue
            before = text[: place.start].split()
            if before and before[-1].lower() in syntax.locative:
                return _location(place)
    rule = location_defaults().get(ev.type)
    if rule and (rule == "any" or set(ev.contexts) & set(rule)):
        states = [m for m in ev.recipients if m.kind == "state"]
        if states and states[0].code != "UNK":
            place = place_for_country(states[0].code)
            if place is not None:
                return _location(place)
    return None


def _location(place) -> dict[str, Any]:
    return {"name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon}


def domestic_protest(ev: Event) -> None:
    """A protest with no named target is aimed at the protesters' own state (PLOVER codes domestic
    protest X -> X); protesters of no stated nationality take the state where they march."""
    if ev.type != "PROTEST":
        return
    country = (ev.location or {}).get("country")
    if country:
        for m in ev.actors:
            if m.code == "UNK":
                m.code, m.kind = country, "state"
    if not ev.recipients:
        states = [m for m in ev.actors if m.code != "UNK"]
        if states:
            home = states[0]
            ev.recipients = [Mention(text=home.text, clean_start=home.clean_start, clean_end=home.clean_end,
                                     code=home.code, sector="GOV", name=home.name, kind="state",
                                     sentence=home.sentence, start=home.start, end=home.end, how="domestic")]
            ev.notes.append("recipient: the protesters' own state (domestic protest)")
