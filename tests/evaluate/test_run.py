"""evaluate.run over real files with a stand-in pipeline: which file is read, with which metadata, and how
missing files and failed documents count."""

from __future__ import annotations

import json

from eventlens.evaluate import run
from eventlens.records import Article, Failure


class StandInPipeline:
    """Codes one AID event RUS -> PRK for every article that mentions Russia; fails on the word 'crash'."""

    def __init__(self, build_document):
        self.build_document = build_document
        self.seen: list[Article] = []

    def process_many(self, items):
        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            self.seen.append(item)
            if "crash" in item.text:
                yield Failure(path=item.path, code="E201", message="cleaning failed: boom", doc_id=item.doc_id)
                continue
            body = item.text[item.body_start:]
            events = [] if "Russia" not in body else None  # None: build_document's default pair of events
            doc = self.build_document(item.doc_id, body, published=item.published, events=events)
            doc.events = [e for e in doc.events if e.type == "AID"]
            yield doc


def write_gold(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")


def test_run_reads_named_files_with_gold_metadata(tmp_path, make_document):
    (tmp_path / "article_one.txt").write_text(
        "published: 2020-01-01\n\nRussia supplied North Korea with air-defence missiles, Seoul said on Friday.\n"
        "Protesters gathered in Berlin.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Nothing happened here.\nReally nothing.", encoding="utf-8")
    aid = {"type": "AID", "actor": ["RUS"], "recipient": ["PRK"], "source": ["KOR"], "status": "asserted",
           "date": "2024-11-22", "location": None}
    write_gold(tmp_path / "gold.jsonl", [
        {"doc_id": "one", "file": "article_one.txt", "published": "2024-11-22", "events": [aid]},
        {"doc_id": "two", "published": "2024-11-23", "events": [dict(aid, type="SANCTION")]},
        {"doc_id": "three", "events": [aid]},  # no such file
    ])
    pipe = StandInPipeline(make_document)
    report = run(tmp_path / "gold.jsonl", tmp_path, pipe)
    # the gold doc_id and publication date win over the file stem and its header
    assert [(a.doc_id, a.published) for a in pipe.seen] == [("one", "2024-11-22"), ("two", "2024-11-23")]
    out = report.to_dict()
    assert out["micro"] == {"tp": 1, "gold": 3, "system": 1, "precision": 1.0, "recall": 0.3333, "f1": 0.5}
    assert out["matched_accuracy"]["source"]["accuracy"] == 1.0
    assert out["failed_documents"] == ["three"]
    assert "error[E101]" in out["by_document"]["three"]["failure"]


def test_input_dir_defaults_to_the_gold_folder(tmp_path, make_document):
    (tmp_path / "a.txt").write_text("A crash.\nMore text.", encoding="utf-8")
    write_gold(tmp_path / "gold.jsonl", [{"doc_id": "a", "events": []}])
    report = run(tmp_path / "gold.jsonl", None, StandInPipeline(make_document))
    assert report.to_dict()["failed_documents"] == ["a"]
    assert report.totals()["gold"] == 0
