"""The matching rules of GOLD_FORMAT.md, on hand-written gold and system events."""

from __future__ import annotations

import json

import pytest

from eventlens.errors import EvalError
from eventlens.evaluate import read_gold
from eventlens.evaluate.gold import GoldDocument, GoldEvent
from eventlens.evaluate.score import Report, SystemEvent, attribute_correct, match, score_document


def gold(type_, actor, recipient=(), **kw) -> GoldEvent:
    return GoldEvent(type=type_, actor=frozenset(actor), recipient=frozenset(recipient), **kw)


def system(type_, actor, recipient=(), source=None, status="asserted", date=None, location=None) -> dict:
    return {"type": type_, "actors": [{"code": c} for c in actor], "recipients": [{"code": c} for c in recipient],
            "source": {"code": source} if source else None, "status": status,
            "date": {"value": date, "granularity": None, "text": None},
            "location": {"country": location} if location else None}


def sys_event(*args, **kw) -> SystemEvent:
    return SystemEvent.from_record(system(*args, **kw))


@pytest.mark.parametrize(("g", "s", "matches"), [
    (gold("AID", ["RUS"], ["PRK"]), sys_event("AID", ["RUS"], ["PRK"]), True),
    (gold("AID", ["RUS"], ["PRK"]), sys_event("SUPPORT", ["RUS"], ["PRK"]), False),  # type differs
    (gold("AID", ["RUS"], ["PRK"]), sys_event("AID", ["RUS"], []), False),  # gold names a recipient
    (gold("AID", ["RUS"], ["PRK"]), sys_event("AID", ["PRK"], ["RUS"]), False),  # roles swapped
    (gold("PROTEST", ["UNK"]), sys_event("PROTEST", ["UNK"], ["DEU"]), True),  # empty gold recipient
    (gold("ACCUSE", ["USA", "KOR"], ["PRK"]), sys_event("ACCUSE", ["KOR"], ["PRK"]), True),  # overlap is enough
    # reciprocal types: parties as one set, at least two shared codes
    (gold("CONSULT", ["RUS", "PRK"]), sys_event("CONSULT", ["PRK"], ["RUS"]), True),
    (gold("AGREE", ["RUS", "PRK"]), sys_event("AGREE", ["RUS"], ["UKR"]), False),
    (gold("COOPERATE", ["RUS", "PRK", "CHN"]), sys_event("COOPERATE", ["CHN", "RUS"]), True),
    # ... or the one code when gold names only one party
    (gold("AGREE", ["EU"]), sys_event("AGREE", ["EU", "UKR"]), True),
])
def test_match_rules(g, s, matches):
    assert bool(match([g], [s])) is matches


def test_greedy_one_to_one_prefers_the_better_pair():
    golds = [gold("AID", ["RUS"], ["PRK"], status="alleged"), gold("AID", ["RUS"], ["PRK"], status="asserted")]
    systems = [sys_event("AID", ["RUS"], ["PRK"], status="asserted")]
    # one system event can match only one gold event: the one whose attributes agree
    assert match(golds, systems) == [(1, 0)]
    two = [sys_event("AID", ["RUS"], ["PRK"], status="asserted"), sys_event("AID", ["RUS"], ["PRK"], status="alleged")]
    assert match(golds, two) == [(0, 1), (1, 0)]


@pytest.mark.parametrize(("name", "g", "s", "ok"), [
    ("source", gold("AID", ["RUS"], source=frozenset({"MEDIA"})), sys_event("AID", ["RUS"]), True),
    ("source", gold("AID", ["RUS"], source=frozenset({"MEDIA"})), sys_event("AID", ["RUS"], source="KOR"), False),
    ("source", gold("AID", ["RUS"], source=frozenset({"USA", "KOR"})), sys_event("AID", ["RUS"], source="KOR"), True),
    ("source", gold("AID", ["RUS"], source=frozenset({"KOR"})), sys_event("AID", ["RUS"]), False),
    ("date", gold("AID", ["RUS"], date="2024-06"), sys_event("AID", ["RUS"], date="2024-06-19"), True),
    ("date", gold("AID", ["RUS"], date="2024-06-19"), sys_event("AID", ["RUS"], date="2024-06"), False),
    ("date", gold("AID", ["RUS"], date=None), sys_event("AID", ["RUS"], date=None), True),
    ("date", gold("AID", ["RUS"], date=None), sys_event("AID", ["RUS"], date="2024"), False),
    ("location", gold("AID", ["RUS"], location="PRK"), sys_event("AID", ["RUS"], location="PRK"), True),
    ("location", gold("AID", ["RUS"], location=None), sys_event("AID", ["RUS"], location="PRK"), False),
    ("status", gold("AID", ["RUS"], status="alleged"), sys_event("AID", ["RUS"], status="alleged"), True),
])
def test_attribute_accuracy_rules(name, g, s, ok):
    assert attribute_correct(name, g, s) is ok


def test_report_numbers():
    doc = GoldDocument(doc_id="d", file="d.txt", events=[
        gold("AID", ["RUS"], ["PRK"], status="asserted", location="PRK"),
        gold("ACCUSE", ["USA"], ["PRK"], status="asserted"),
        gold("CONSULT", ["RUS", "PRK"], status="asserted", date="2024-06")])
    records = [system("AID", ["RUS"], ["PRK"], location="PRK"), system("ACCUSE", ["KOR"], ["PRK"]),
               system("CONSULT", ["RUS", "PRK"], date="2024-06-19"), system("THREATEN", ["PRK"], ["KOR"])]
    report = Report([score_document(doc, records)])
    assert report.totals() == {"tp": 2, "gold": 3, "system": 4, "precision": 0.5, "recall": 0.6667, "f1": 0.5714}
    per_type = report.per_type()
    assert per_type["AID"]["f1"] == 1.0 and per_type["ACCUSE"]["recall"] == 0.0
    assert per_type["THREATEN"] == {"tp": 0, "gold": 0, "system": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    acc = report.attributes()
    assert acc["status"] == {"correct": 2, "total": 2, "accuracy": 1.0}
    # AID: null date on both sides; CONSULT: June 19th is in June, and neither gives a place
    assert acc["date"]["correct"] == 2 and acc["location"]["correct"] == 2
    out = report.to_dict()
    assert out["by_document"]["d"]["missed"] == ["USA -> ACCUSE -> PRK"]
    assert out["by_document"]["d"]["spurious"] == ["KOR -> ACCUSE -> PRK", "PRK -> THREATEN -> KOR"]


def test_read_gold_validates(tmp_path):
    good = {"doc_id": "a", "published": "2024-11-22", "events": [
        {"type": "AID", "actor": ["RUS"], "recipient": ["PRK"], "source": ["MEDIA"], "status": "asserted",
         "date": None, "location": "PRK"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(good) + "\n\n")
    docs = read_gold(path)
    assert docs[0].file == "a.txt" and docs[0].events[0].recipient == {"PRK"}
    bad = dict(good, events=[{"type": "HUG", "actor": ["RUS"]}])
    path.write_text(json.dumps(good) + "\n" + json.dumps(dict(bad, doc_id="b")) + "\n")
    with pytest.raises(EvalError, match=r"gold.jsonl:2: .*'HUG'"):
        read_gold(path)
    path.write_text("{not json\n")
    with pytest.raises(EvalError, match="E901"):
        read_gold(path)
    with pytest.raises(EvalError, match="no such gold file"):
        read_gold(tmp_path / "missing.jsonl")


def test_seed_gold_reads(shared_dir):
    docs = read_gold(shared_dir / "seed" / "seed_gold.jsonl")
    assert docs[0].file == "seed_article_de.txt" and len(docs[0].events) >= 5
