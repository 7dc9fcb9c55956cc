"""Matching system events to gold events and computing the scores, exactly as GOLD_FORMAT.md says.

- A system event matches a gold event of the same document when the types are equal and
  * for CONSULT, AGREE, COOPERATE (reciprocal): the parties (actor and recipient codes together) share at
    least two codes, or the one code when the gold names only one party;
  * otherwise: the actor code sets overlap, and the recipient code sets overlap unless the gold recipient is
    empty (an empty gold recipient matches any system recipient).
- Matching is one-to-one and greedy: candidate pairs are taken best first (more shared codes, then more
  agreeing attributes, then document order), each event used at most once.
- Micro precision/recall/F1 over all documents; the same per type; on matched pairs, the accuracy of status,
  source (gold ["MEDIA"] = the system's null source), date (the system date cut to the gold granularity; a
  null gold date wants a null system date) and location (gold country code vs the system location's country).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventlens.evaluate.gold import ATTRIBUTES, GoldDocument, GoldEvent

RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass
class SystemEvent:
    """The parts of an event record that scoring looks at."""

    type: str
    actor: frozenset[str]
    recipient: frozenset[str]
    source: str | None
    status: str | None
    date: str | None
    location: str | None
    record: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> SystemEvent:
        source = record.get("source")
        location = record.get("location")
        return cls(type=record.get("type") or "",
                   actor=frozenset(a["code"] for a in record.get("actors", []) if a.get("code")),
                   recipient=frozenset(a["code"] for a in record.get("recipients", []) if a.get("code")),
                   source=(source or {}).get("code") if source else None,
                   status=record.get("status"), date=(record.get("date") or {}).get("value"),
                   location=(location or {}).get("country") if location else None, record=record)

    def label(self) -> str:
        return f"{'+'.join(sorted(self.actor)) or '-'} -> {self.type} -> {'+'.join(sorted(self.recipient)) or '-'}"


def shared_codes(gold: GoldEvent, system: SystemEvent) -> int | None:
    """How many codes the pair shares when it matches; None when it does not match."""
    if gold.type != system.type:
        return None
    if gold.type in RECIPROCAL:
        g_parties = gold.actor | gold.recipient
        shared = len(g_parties & (system.actor | system.recipient))
        needed = 1 if len(g_parties) == 1 else 2
        return shared if shared >= needed else None
    actors = len(gold.actor & system.actor)
    if not actors:
        return None
    if not gold.recipient:
        return actors
    recipients = len(gold.recipient & system.recipient)
    return actors + recipients if recipients else None


def attribute_correct(name: str, gold: GoldEvent, system: SystemEvent) -> bool:
    if name == "status":
        return gold.status == system.status
    if name == "source":
        return ("MEDIA" in gold.source) if system.source is None else (system.source.upper() in gold.source)
    if name == "date":
        if gold.date is None:
            return system.date is None
        return system.date is not None and len(system.date) >= len(gold.date) and \
            system.date[:len(gold.date)] == gold.date
    if name == "location":
        return gold.location == (system.location.upper() if system.location else None)
    raise ValueError(name)


def match(gold: list[GoldEvent], system: list[SystemEvent]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching; returns (gold index, system index) pairs."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            shared = shared_codes(g, s)
            if shared is None:
                continue
            agree = sum(attribute_correct(a, g, s) for a in g.scored)
            candidates.append((-shared, -agree, gi, si))
    candidates.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, _, gi, si in candidates:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gi, si))
    return sorted(pairs)


def prf(tp: int, n_gold: int, n_system: int) -> dict[str, float | int]:
    p = tp / n_system if n_system else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "gold": n_gold, "system": n_system, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(f, 4)}


@dataclass
class DocumentResult:
    doc_id: str
    gold: list[GoldEvent]
    system: list[SystemEvent]
    pairs: list[tuple[int, int]]
    failure: str | None = None  # the error line when the document could not be processed

    def missed(self) -> list[GoldEvent]:
        matched = {g for g, _ in self.pairs}
        return [e for i, e in enumerate(self.gold) if i not in matched]

    def spurious(self) -> list[SystemEvent]:
        matched = {s for _, s in self.pairs}
        return [e for i, e in enumerate(self.system) if i not in matched]


@dataclass
class Report:
    documents: list[DocumentResult]
    title: str = ""

    def totals(self) -> dict[str, float | int]:
        return prf(sum(len(d.pairs) for d in self.documents), sum(len(d.gold) for d in self.documents),
                   sum(len(d.system) for d in self.documents))

    def per_type(self) -> dict[str, dict[str, float | int]]:
        counts: dict[str, list[int]] = {}
        for d in self.documents:
            for g in d.gold:
                counts.setdefault(g.type, [0, 0, 0])[1] += 1
            for s in d.system:
                counts.setdefault(s.type, [0, 0, 0])[2] += 1
            for gi, _ in d.pairs:
                counts[d.gold[gi].type][0] += 1
        return {t: prf(*c) for t, c in sorted(counts.items())}

    def attributes(self) -> dict[str, dict[str, float | int]]:
        out = {}
        for name in ATTRIBUTES:
            correct = total = 0
            for d in self.documents:
                for gi, si in d.pairs:
                    if name in d.gold[gi].scored:
                        total += 1
                        correct += attribute_correct(name, d.gold[gi], d.system[si])
            if total:
                out[name] = {"correct": correct, "total": total, "accuracy": round(correct / total, 4)}
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "documents": len(self.documents),
            "failed_documents": [d.doc_id for d in self.documents if d.failure],
            "micro": self.totals(),
            "per_type": self.per_type(),
            "matched_accuracy": self.attributes(),
            "by_document": {d.doc_id: {**prf(len(d.pairs), len(d.gold), len(d.system)),
                                       "missed": [g.label() + (f"  ({g.note})" if g.note else "")
                                                  for g in d.missed()],
                                       "spurious": [s.label() for s in d.spurious()],
                                       **({"failure": d.failure} if d.failure else {})}
                            for d in self.documents},
        }


def score_document(gold: GoldDocument, records: list[dict[str, Any]], failure: str | None = None) -> DocumentResult:
    system = [SystemEvent.from_record(r) for r in records]
    return DocumentResult(doc_id=gold.doc_id, gold=gold.events, system=system, pairs=match(gold.events, system),
                          failure=failure)
