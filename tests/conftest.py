"""Shared test fixtures: hand-built records, a temporary store, a CLI runner, and the shared/example folders."""

from __future__ import annotations

import importlib
import importlib.util
import os
from pathlib import Path

import pytest

from eventlens.records import Article, CleanText, Document, Edit, Event, Mention, Sentence

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


def stages_ready() -> bool:
    """True once every pipeline stage package exposes its entry point (end-to-end tests need them)."""
    needed = {"eventlens.ingest": "iter_articles", "eventlens.clean": "clean", "eventlens.nlp": "analyse",
              "eventlens.actors": "resolve_actors", "eventlens.events": "code_events",
              "eventlens.claims": "attribute_claims"}
    for module, name in needed.items():
        if importlib.util.find_spec(module) is None:
            return False
        try:
            mod = importlib.import_module(module)
        except Exception:
            return False
        if not hasattr(mod, name):
            return False
    return True


def pytest_configure(config):
    config.addinivalue_line("markers", "pipeline: needs every pipeline stage (skipped while one is missing)")
    swap_candidate_pipeline(os.environ.get("EVENTLENS_TEST_PIPELINE", ""))


def swap_candidate_pipeline(spec: str) -> None:
    """EVENTLENS_TEST_PIPELINE=en=training/output/en/model-best runs the tests with a candidate pipeline in
    place of one language's shipped pack (as training/eval_with.py does for eval): which sentence tests a
    retrained parser breaks, before it is shipped. Unset, the shipped packs run."""
    if not spec:
        return
    lang, _, model = spec.rpartition("=")
    if not lang or not Path(model).is_dir():
        raise pytest.UsageError(f"EVENTLENS_TEST_PIPELINE={spec!r}: expected LANG=FOLDER with a spaCy pipeline")
    _load_training_script("eval_with.py").swap(lang, model)


def pytest_collection_modifyitems(config, items):
    marked = [item for item in items if item.get_closest_marker("pipeline")]
    if marked and not stages_ready():
        skip = pytest.mark.skip(reason="pipeline stages not all present yet")
        for item in marked:
            item.add_marker(skip)


def mention(text: str, code: str, start: int, *, sector: str | None = "GOV", kind: str = "state") -> Mention:
    return Mention(text=text, clean_start=start, clean_end=start + len(text), code=code, sector=sector,
                   name=text, kind=kind, start=start, end=start + len(text))


def build_document(doc_id: str = "doc-1", body: str | None = None, *, published: str | None = "2024-11-22",
                   events: list[dict] | None = None, path: str | None = None) -> Document:
    """A processed Document made by hand: one sentence per line of `body`, events as small dicts
    {"type", "actor": (text, code), "recipient": (text, code)|None, "status", "date", "source", "sentence"}."""
    body = body or ("Russia supplied North Korea with air-defence missiles, Seoul said on Friday.\n"
                    "Protesters gathered in Berlin.")
    article = Article(doc_id=doc_id, text=body, path=path or f"{doc_id}.txt", title="A title",
                      published=published, outlet="example.org", lang="en")
    clean = CleanText.identity(body)
    clean.removals.append(Edit(kind="navigation", start=0, end=0, text=""))
    clean.repairs.append(Edit(kind="glued_word", start=0, end=6, text="Russia", replacement="Russia"))
    sentences, pos = [], 0
    for i, line in enumerate(body.split("\n")):
        sentences.append(Sentence(index=i, clean_start=pos, clean_end=pos + len(line), text=line,
                                  start=pos, end=pos + len(line)))
        pos += len(line) + 1
    doc = Document(article=article, clean=clean, lang="en", lang_confidence=1.0, sentences=sentences)
    for spec in events if events is not None else [
            {"type": "AID", "actor": ("Russia", "RUS"), "recipient": ("North Korea", "PRK"),
             "source": {"text": "Seoul", "code": "KOR", "sector": "GOV", "name": "South Korea", "role": None},
             "date": {"value": "2024-11-22", "granularity": "day", "text": "Friday"}},
            {"type": "PROTEST", "actor": ("Protesters", "UNK"), "recipient": None, "sentence": 1,
             "location": {"name": "Berlin", "country": "DEU", "lat": 52.5, "lon": 13.4}}]:
        sent = sentences[spec.get("sentence", 0)]
        atext, acode = spec["actor"]
        a_at = body.find(atext, sent.start)
        actors = [mention(atext, acode, a_at)]
        recipients = []
        if spec.get("recipient"):
            rtext, rcode = spec["recipient"]
            recipients.append(mention(rtext, rcode, body.find(rtext, sent.start)))
        ev = Event(doc_id=doc_id, type=spec["type"], actors=actors, recipients=recipients, sentence=sent,
                   status=spec.get("status", "asserted"), source=spec.get("source"),
                   location=spec.get("location"), trigger_start=sent.start, trigger_end=sent.start + 3)
        if spec.get("date"):
            ev.date = spec["date"]
        doc.events.append(ev)
    return doc


@pytest.fixture
def make_document():
    return build_document


@pytest.fixture
def tmp_store(tmp_path):
    from eventlens.store import open_store

    store = open_store(tmp_path / "test.duckdb")
    yield store
    store.close()


@pytest.fixture
def cli():
    """Invoke the eventlens CLI in-process: cli(["events", "--db", path]) -> click Result."""
    from click.testing import CliRunner

    from eventlens.cli import main

    runner = CliRunner()

    def invoke(args: list[str], **kwargs):
        return runner.invoke(main, [str(a) for a in args], prog_name="eventlens", catch_exceptions=False, **kwargs)

    return invoke


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def pipeline():
    """One Pipeline for the whole session: language packs and dictionaries load once."""
    from eventlens.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def process(pipeline):
    """process(text, lang, published="2024-11-22") -> Document, through every stage."""

    def run(text: str, lang: str, published: str = "2024-11-22", doc_id: str = "t"):
        return pipeline.process(Article(doc_id=doc_id, text=text, lang=lang, published=published))

    return run


@pytest.fixture
def training_script():
    """Import a script of training/ (no package) from its file: training_script("treebank/validate.py")."""
    return _load_training_script


def _load_training_script(name: str):
    path = ROOT / "training" / name
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
