"""The records that flow through the pipeline.

One `Document` travels through every stage; each stage fills in its part:

    ingest   -> Document.article   (Article: the original text and its metadata)
    clean    -> Document.clean     (CleanText: cleaned text + offset map back to the original)
    analyse  -> Document.sentences (+ Document.nlp, the spaCy Doc over the cleaned text)
    actors   -> Document.mentions  (Mention: an actor found in the text, resolved to a code)
    events   -> Document.events    (Event: PLOVER type, actors, recipients)
    claims   -> Event.source / status / date / location, Document.quotes (Quote: a direct quotation)

Offsets named `start`/`end` in anything that leaves the pipeline point into `Article.text`, end exclusive.
Offsets into the cleaned text are named `clean_start`/`clean_end`.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = 1

STATUSES = ("asserted", "alleged", "denied", "not_confirmed", "hypothetical", "future", "negated")


@dataclass
class Article:
    """An article as read from its input, before any cleaning."""

    doc_id: str
    text: str  # the original text; every output offset points into this string
    path: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) of publication, if known
    outlet: str | None = None
    lang: str | None = None  # declared language (header, metadata or --lang); None = detect
    body_start: int = 0  # offset where the body begins (after a header block)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """Identity of the article: hash of its normalised body text."""
        return content_hash(self.text[self.body_start :])


def content_hash(text: str) -> str:
    norm = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass
class Edit:
    """Something the cleaner removed or repaired, with its span in the original text."""

    kind: str  # e.g. "navigation", "teaser", "repeated_title", "glued_word", "spacing"
    start: int
    end: int
    text: str  # the original text of the span
    replacement: str = ""


@dataclass
class CleanText:
    """Cleaned text with a map back to the original.

    `offsets[i]` is the offset in the original text of cleaned character i; `offsets[len(text)]` is the
    original offset just after the last kept character, so a cleaned span [a, b) maps to
    [offsets[a], offsets[b-1] + 1).
    """

    text: str
    offsets: list[int]
    title: str | None = None
    removals: list[Edit] = field(default_factory=list)
    repairs: list[Edit] = field(default_factory=list)

    def to_original(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        if clean_end <= clean_start:
            pos = self.offsets[min(clean_start, len(self.offsets) - 1)]
            return pos, pos
        return self.offsets[clean_start], self.offsets[clean_end - 1] + 1

    @classmethod
    def identity(cls, text: str, start: int = 0) -> CleanText:
        """A cleaned text that is the original slice text[start:], unchanged."""
        return cls(text=text[start:], offsets=list(range(start, len(text) + 1)))


@dataclass
class Sentence:
    index: int
    clean_start: int
    clean_end: int
    text: str  # the cleaned sentence text
    start: int = 0  # original offsets
    end: int = 0


@dataclass
class Mention:
    """An actor mention in the cleaned text, resolved to a canonical actor (code UNK if generic)."""

    text: str
    clean_start: int
    clean_end: int
    code: str
    sector: str | None = None
    name: str | None = None
    wikidata: str | None = None
    role: str | None = None
    kind: str = "state"  # state | igo | person | group | generic | pronoun
    sentence: int = -1
    start: int = 0  # original offsets
    end: int = 0
    how: str = "dictionary"  # dictionary | role | coreference | entity | ...

    def actor_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "sector": self.sector, "name": self.name,
                "wikidata": self.wikidata, "role": self.role, "start": self.start, "end": self.end}


@dataclass
class Event:
    """One coded event. `to_dict()` gives the output contract (see README)."""

    doc_id: str
    type: str
    actors: list[Mention]
    recipients: list[Mention]
    sentence: Sentence
    trigger_text: str = ""
    trigger_clean_start: int = 0
    trigger_clean_end: int = 0
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    source: dict[str, Any] | None = None  # {"text","code","sector","name","role","via"} or None
    status: str = "asserted"
    date: dict[str, Any] = field(default_factory=lambda: {"value": None, "granularity": None, "text": None})
    location: dict[str, Any] | None = None
    confidence: float = 0.5
    signal: str = "rule"  # which mechanism produced it: "rule:<trigger id>" or "classifier"
    trigger_start: int = 0  # original offsets
    trigger_end: int = 0
    notes: list[str] = field(default_factory=list)  # why-trail for `eventlens explain`
    rule: Any = field(default=None, repr=False, compare=False)  # the lexicon entry that fired, if any
    tense: str | None = None  # "future" where the text puts the act ahead (kept even when status says otherwise)

    @property
    def event_id(self) -> str:
        key = "|".join([self.doc_id, self.type, str(self.trigger_start), str(self.trigger_end),
                        ",".join(m.code for m in self.actors), ",".join(m.code for m in self.recipients)])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        def actor(m: Mention) -> dict[str, Any]:
            return {"text": m.text, "code": m.code, "sector": m.sector, "name": m.name, "wikidata": m.wikidata}

        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "type": self.type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "cameo": self.cameo,
            "actors": [actor(m) for m in self.actors],
            "recipients": [actor(m) for m in self.recipients],
            "source": self.source,
            "status": self.status,
            "date": dict(self.date),
            "location": self.location,
            "evidence": {"sentence": self.sentence.text, "start": self.sentence.start, "end": self.sentence.end,
                         "trigger": {"text": self.trigger_text, "start": self.trigger_start,
                                     "end": self.trigger_end},
                         "actors": [[m.start, m.end] for m in self.actors],
                         "recipients": [[m.start, m.end] for m in self.recipients]},
            "confidence": round(self.confidence, 3),
            "signal": self.signal,
            "tense": self.tense,
        }


@dataclass
class Quote:
    """A direct quotation: the quoted words, who said them, and the events coded inside them.

    `start`/`end` span the quoted words in the original text (inside the quotation marks, end exclusive);
    a quotation interrupted by its speech clause („Wir werden“, sagte er, „nicht nachgeben.“) is one quote
    whose `parts` give each piece's span. `speaker` has the form of an event's source, or is None where no
    speaker is named; `event_ids` are the events whose trigger lies inside the quoted words.
    """

    doc_id: str
    text: str  # the quoted words, pieces joined by " … "
    start: int
    end: int
    clean_start: int
    clean_end: int
    sentence: int  # index of the sentence that holds the quotation's first piece
    lang: str | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)  # original offsets of each piece
    clean_parts: list[tuple[int, int]] = field(default_factory=list)
    speaker: dict[str, Any] | None = None
    event_ids: list[str] = field(default_factory=list)
    linked: list[Any] = field(default_factory=list, repr=False, compare=False)  # the Events inside, in process

    @property
    def quote_id(self) -> str:
        key = f"{self.doc_id}|quote|{self.start}|{self.end}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {"quote_id": self.quote_id, "doc_id": self.doc_id, "text": self.text, "start": self.start,
                "end": self.end, "parts": [list(p) for p in self.parts], "sentence": self.sentence,
                "lang": self.lang, "speaker": self.speaker, "event_ids": list(self.event_ids)}


@dataclass
class Failure:
    """A document that could not be processed: counted, stored and reported, never fatal to a batch."""

    path: str
    code: str
    message: str
    doc_id: str | None = None

    def line(self) -> str:
        return f"error[{self.code}] {self.path}: {self.message}"


@dataclass
class Document:
    """The one record that flows through all stages."""

    article: Article
    clean: CleanText | None = None
    lang: str | None = None
    lang_confidence: float | None = None
    # (start, end, lang, confidence) per paragraph of the cleaned text, start/end as original offsets
    paragraph_langs: list[tuple[int, int, str, float]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)  # direct quotations (claims stage)
    nlp: Any = None  # spaCy Doc over clean.text; never serialised
    warnings: list[str] = field(default_factory=list)
    trace: list[dict[str, Any]] = field(default_factory=list)  # what each stage decided and why (explain)

    @property
    def doc_id(self) -> str:
        return self.article.doc_id


def as_dict(obj: Any) -> dict[str, Any]:
    return asdict(obj)
