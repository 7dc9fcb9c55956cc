"""Evaluation against gold annotations (GOLD_FORMAT.md) and against the PLOVER gold-standard records.

    report = run("examples/gold.jsonl", "examples", pipeline)     # -> Report
    report.totals()["f1"], report.per_type(), report.attributes()

The pipeline is any object with `process_many(items)` (eventlens.Pipeline); each gold document is read from
INPUT_DIR (its `file`, default `<doc_id>.txt`) with the gold's publication date passed as crawler metadata.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventlens.evaluate.gold import GoldDocument, GoldEvent, read_gold
from eventlens.evaluate.score import Report, SystemEvent, match, score_document

__all__ = ["GoldDocument", "GoldEvent", "Report", "SystemEvent", "match", "read_gold", "run", "run_plover",
           "score_document"]


def run(gold_path: str | Path, input_dir: str | Path | None = None, pipeline: Any = None) -> Report:
    """Run the pipeline on the documents a gold file names and score them."""
    from eventlens.ingest import read_file
    from eventlens.records import Article, Failure

    gold_docs = read_gold(gold_path)
    folder = Path(input_dir) if input_dir is not None else Path(gold_path).parent
    pipeline = pipeline or _default_pipeline()
    results = []
    for gd in gold_docs:
        path = folder / gd.file
        items = list(read_file(str(path), published=gd.published)) if path.exists() else [
            Failure(path=str(path), code="E101", message="no such file or directory", doc_id=gd.doc_id)]
        records: list[dict[str, Any]] = []
        failure = None
        for item in items:
            if isinstance(item, Article):
                item.doc_id = gd.doc_id
                if gd.published:
                    item.published = gd.published
            for out in pipeline.process_many([item]):
                if isinstance(out, Failure):
                    failure = out.line()
                else:
                    records.extend(e.to_dict() for e in out.events)
        results.append(score_document(gd, records, failure))
    return Report(results, title=str(gold_path))


def run_plover(path: str | Path, pipeline: Any = None, limit: int | None = None) -> Report:
    """Score the pipeline on the PLOVER gold-standard records (one English sentence each)."""
    from eventlens.evaluate.plover import read_gsr, system_codes
    from eventlens.records import Article, Failure

    gold_docs = read_gsr(path)[:limit]
    pipeline = pipeline or _default_pipeline()
    results = []
    for gd in gold_docs:
        article = Article(doc_id=gd.doc_id, text=gd.text or "", path=str(path), published=gd.published, lang="en")
        records, failure = [], None
        for out in pipeline.process_many([article]):
            if isinstance(out, Failure):
                failure = out.line()
            else:
                records = [system_codes(e.to_dict()) for e in out.events]
        results.append(score_document(gd, records, failure))
    return Report(results, title=f"{path} (PLOVER gold-standard records)")


def _default_pipeline():
    from eventlens.pipeline import Pipeline

    return Pipeline()
