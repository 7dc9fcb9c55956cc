"""Throughput and memory: how fast the pipeline turns articles into events, and how much memory it takes.

    result = run("examples", n=2000)       # the examples repeated to 2,000 articles
    result.articles_per_s, result.peak_rss_mb, result.stage_share()

Language models are loaded (and each distinct article processed once) before the clock starts, so the
figures are steady-state throughput; the load time is reported on its own. With workers, each worker
process loads its models and runs the distinct articles once before the clock starts too; that start-up
is reported on its own (`startup_seconds`), with the rate it would give inside the clock.
"""

from __future__ import annotations

import dataclasses
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventlens.errors import ConfigError, InputError
from eventlens.records import Article, Failure

STAGES = ("all", "clean")


@dataclass
class BenchResult:
    stage: str
    articles: int
    distinct: int
    sentences: int
    events: int
    failures: int
    seconds: float
    load_seconds: float
    peak_rss_mb: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    workers: int = 1
    cpu_seconds: float = 0.0  # CPU time spent on the corpus (all workers together)
    startup_seconds: float = 0.0  # workers: from starting the processes to all of them loaded and warm

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def articles_per_cpu_s(self) -> float:
        """Articles per second of CPU time: the rate one free core would give, whatever else the machine runs."""
        return self.articles / self.cpu_seconds if self.cpu_seconds else 0.0

    @property
    def articles_per_s_with_startup(self) -> float:
        return self.articles / (self.seconds + self.startup_seconds) if self.seconds else 0.0

    @property
    def sentences_per_s(self) -> float:
        return self.sentences / self.seconds if self.seconds else 0.0

    def stage_share(self) -> dict[str, float]:
        total = sum(self.stage_seconds.values())
        return {k: v / total for k, v in self.stage_seconds.items()} if total else {}

    def to_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "articles_per_s": round(self.articles_per_s, 2),
                "articles_per_cpu_s": round(self.articles_per_cpu_s, 2),
                "articles_per_s_with_startup": round(self.articles_per_s_with_startup, 2),
                "sentences_per_s": round(self.sentences_per_s, 1),
                "stage_share": {k: round(v, 4) for k, v in self.stage_share().items()}}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def load_corpus(input_dir: str | Path) -> list[Article]:
    """The distinct articles under input_dir (unreadable files are left out)."""
    from eventlens.ingest import iter_articles

    if not Path(input_dir).exists():
        raise InputError("E101", path=str(input_dir))
    articles = [a for a in iter_articles([str(input_dir)]) if isinstance(a, Article) and a.text.strip()]
    if not articles:
        raise InputError("E102", path=str(input_dir), patterns="*.txt and other article files")
    return articles


def repeat(articles: list[Article], n: int) -> list[Article]:
    """The articles repeated (as fresh copies with numbered ids) to at least n."""
    out = []
    i = 0
    while len(out) < max(n, len(articles)):
        a = articles[i % len(articles)]
        out.append(dataclasses.replace(a, doc_id=f"{a.doc_id}#{i // len(articles)}", meta=dict(a.meta)))
        i += 1
    return out


def run(input_dir: str | Path = "examples", n: int = 2000, stage: str = "all", pipeline: Any = None,
        workers: int = 1) -> BenchResult:
    """Process the corpus of input_dir repeated to n articles, and measure. The corpus goes through
    `Pipeline.process_many`, in batches as `ingest` runs it; with workers > 1 in that many processes,
    started and warmed up before the clock."""
    if stage not in STAGES:
        raise ConfigError("E801", field="stage", why=f"'{stage}' is not one of {', '.join(STAGES)}")
    articles = load_corpus(input_dir)
    corpus = repeat(articles, n)
    if stage == "clean":
        return _run_clean(corpus, len(articles))

    from eventlens.pipeline import Pipeline

    t0 = time.perf_counter()
    pipeline = pipeline or Pipeline()
    if workers > 1:  # the workers load their own models; the parent only checks the settings
        return _run_parallel(pipeline, articles, corpus, time.perf_counter() - t0, workers)
    for a in articles:  # load every language's models, outside the clock
        list(pipeline.process_many([dataclasses.replace(a)]))
    load_seconds = time.perf_counter() - t0

    timings: dict[str, float] = {}
    sentences = events = failures = 0
    start, cpu = time.perf_counter(), time.process_time()
    for doc in pipeline.process_many(corpus, timings=timings):
        if isinstance(doc, Failure):  # counted; the bench measures speed, not correctness
            failures += 1
            continue
        sentences += len(doc.sentences)
        events += len(doc.events)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return BenchResult(stage=stage, articles=len(corpus), distinct=len(articles), sentences=sentences,
                       events=events, failures=failures, seconds=seconds, load_seconds=load_seconds,
                       peak_rss_mb=peak_rss_mb(), stage_seconds=timings, cpu_seconds=cpu)


def _run_parallel(pipeline: Any, articles: list[Article], corpus: list[Article], load_seconds: float,
                  workers: int) -> BenchResult:
    from eventlens.pipeline import WorkerPool, _chunks

    sentences = events = failures = 0
    t0 = time.perf_counter()
    with WorkerPool(pipeline.settings, workers, warm=[dataclasses.replace(a) for a in articles]) as pool:
        pool.wait_ready()
        start = time.perf_counter()
        for doc in pool.map(_chunks(corpus, 16)):
            if isinstance(doc, Failure):
                failures += 1
                continue
            sentences += len(doc.sentences)
            events += len(doc.events)
        seconds = time.perf_counter() - start
    return BenchResult(stage="all", articles=len(corpus), distinct=len(articles), sentences=sentences, events=events,
                       failures=failures, seconds=seconds, load_seconds=load_seconds,
                       peak_rss_mb=max(peak_rss_mb(), peak_children_rss_mb()), stage_seconds=pool.timings,
                       workers=workers, cpu_seconds=pool.cpu_seconds, startup_seconds=start - t0)


def peak_children_rss_mb() -> float:
    """Peak resident memory of the largest finished child process (a worker), in MiB."""
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _run_clean(corpus: list[Article], distinct: int) -> BenchResult:
    from eventlens.clean import clean

    failures = 0
    start = time.perf_counter()
    for a in corpus:
        try:
            clean(a)
        except Exception:
            failures += 1
    seconds = time.perf_counter() - start
    return BenchResult(stage="clean", articles=len(corpus), distinct=distinct, sentences=0, events=0,
                       failures=failures, seconds=seconds, load_seconds=0.0, peak_rss_mb=peak_rss_mb(),
                       stage_seconds={"clean": seconds})

