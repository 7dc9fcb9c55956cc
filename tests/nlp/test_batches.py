"""Batches and worker processes: the same documents as one article at a time, with stage timings."""

from __future__ import annotations

import dataclasses

import pytest

from eventlens.records import Article, Document

pytestmark = pytest.mark.pipeline

TEXTS = [
    ("en", "Russia accused Ukraine of shelling the city on Monday. The weather was mild."),
    ("de", "Die USA haben Russland Sanktionen auferlegt. Das Wetter war mild."),
    ("fr", "La France a condamné l'Iran pour ses essais de missiles."),
]


def _articles() -> list[Article]:
    return [Article(doc_id=f"t{i}", text=text, lang=lang, published="2024-05-01")
            for i, (lang, text) in enumerate(TEXTS)]


def _events(doc: Document) -> list[tuple]:
    return [(e.type, e.trigger_text, tuple(m.code for m in e.actors), tuple(m.code for m in e.recipients))
            for e in doc.events]


@pytest.fixture(scope="module")
def pipeline():
    from eventlens.pipeline import Pipeline

    return Pipeline()


def test_batch_adds_each_stage_time(pipeline):
    timings: dict[str, float] = {}
    docs = list(pipeline.process_many(_articles(), timings=timings))
    assert all(isinstance(d, Document) for d in docs)
    assert {"clean", "analyse", "actors", "events", "claims"} <= set(timings)
    assert all(v >= 0 for v in timings.values())


def test_batch_gives_the_documents_of_one_at_a_time(pipeline):
    batched = list(pipeline.process_many(_articles()))
    single = [pipeline.process(dataclasses.replace(a)) for a in _articles()]
    assert [_events(d) for d in batched] == [_events(d) for d in single]
    assert [[(s.start, s.end) for s in d.sentences] for d in batched] == \
           [[(s.start, s.end) for s in d.sentences] for d in single]


@pytest.mark.slow
def test_worker_pool_gives_the_documents_of_one_process(pipeline):
    from eventlens.pipeline import WorkerPool, _chunks

    with WorkerPool(pipeline.settings, 2, warm=_articles()[:1]) as pool:
        pool.wait_ready()
        docs = list(pool.map(_chunks(_articles(), 1)))
        assert pool.cpu_seconds > 0 and "analyse" in pool.timings
    assert [d.article.doc_id for d in docs] == ["t0", "t1", "t2"]
    assert all(d.nlp is None for d in docs)  # the spaCy Doc stays in the worker
    assert [_events(d) for d in docs] == [_events(d) for d in pipeline.process_many(_articles())]


def test_pipeline_keeps_blas_to_one_thread(pipeline):
    # a second BLAS thread only spins on sentence-sized matrices and takes the core a worker would use
    from threadpoolctl import threadpool_info

    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)
