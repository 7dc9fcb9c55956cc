"""The whole path through the CLI on real articles: extract, ingest (twice, and with bad files), eval, bench."""

from __future__ import annotations

import json
import shutil

import pytest

pytestmark = pytest.mark.pipeline

CONTRACT_KEYS = {"event_id", "doc_id", "type", "mode", "contexts", "cameo", "actors", "recipients", "source",
                 "status", "date", "location", "evidence", "confidence"}


@pytest.fixture(scope="module")
def articles(examples_dir):
    found = sorted(examples_dir.glob("*.txt"))
    if not found:
        pytest.skip("no bundled example articles yet")
    return found


def test_extract_jsonl_follows_the_contract(cli, articles):
    result = cli(["extract", *articles, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records, "the bundled examples yield events"
    texts = {p.stem: p.read_text(encoding="utf-8") for p in articles}
    for r in records:
        assert CONTRACT_KEYS <= r.keys()
        assert r["status"] in {"asserted", "alleged", "denied", "not_confirmed", "hypothetical", "future", "negated"}
        ev = r["evidence"]
        assert 0 <= ev["start"] < ev["end"] <= len(texts[r["doc_id"]])
    assert {r["doc_id"][:2] for r in records} >= {"de", "en", "fr"}


def test_extract_reads_stdin(cli):
    text = "Germany accused Russia of a cyberattack on its parliament, the government said on Friday.\n"
    result = cli(["extract", "-", "--lang", "en", "--published", "2024-11-22", "--format", "json"], input=text)
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_ingest_twice_changes_nothing(cli, articles, tmp_path):
    db = tmp_path / "e.duckdb"
    first = cli(["ingest", *articles, "--db", db])
    assert first.exit_code == 0, first.output
    events = cli(["events", "--db", db, "--format", "jsonl"]).stdout
    second = cli(["ingest", *articles, "--db", db])
    assert second.exit_code == 0 and f"0 stored (0 events), {len(articles)} already stored" in second.output
    assert cli(["events", "--db", db, "--format", "jsonl"]).stdout == events
    table = cli(["events", "--db", db])
    assert "->" in table.stdout


def test_bad_files_are_reported_and_skipped(cli, articles, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    shutil.copy(articles[0], folder / articles[0].name)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "nothing").mkdir()
    db = tmp_path / "b.duckdb"
    result = cli(["ingest", folder, tmp_path / "missing.txt", tmp_path / "nothing", "--db", db])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error[")]
    assert len(errors) == 4
    for name, code in [("empty.txt", "E104"), ("binary.txt", "E103"), ("missing.txt", "E101"), ("nothing", "E102")]:
        assert any(name in line and code in line for line in errors), (name, errors)
    assert "1 stored" in result.stderr
    assert cli(["show", articles[0].stem, "--db", db]).exit_code == 0


def test_eval_on_the_bundled_examples(cli, examples_dir):
    gold = examples_dir / "gold.jsonl"
    if not gold.exists():
        pytest.skip("no bundled gold file yet")
    result = cli(["eval", gold, examples_dir, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    print("bundled examples:", report["micro"], report["matched_accuracy"])  # shown with pytest -s
    assert report["micro"]["gold"] > 0 and report["micro"]["tp"] > 0
    assert not report["failed_documents"]


def test_seed_article_scores_and_ignores_boilerplate(cli, shared_dir):
    seed = shared_dir / "seed"
    result = cli(["eval", seed / "seed_gold.jsonl", seed, "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    print("seed:", report["micro"], report["by_document"])
    assert report["micro"]["f1"] >= 0.5
    extracted = cli(["extract", seed / "seed_article_de.txt", "--published", "2024-11-22", "--format", "jsonl"])
    codes = {e["code"] for line in extracted.stdout.splitlines() for r in [json.loads(line)]
             for e in r["actors"] + r["recipients"]}
    assert not codes & {"FRA", "ICC"}, "the PREV/NEXT navigation line must not yield events"


def test_bench_prints_numbers(cli, examples_dir):
    result = cli(["bench", examples_dir, "--n", "12", "--format", "json"])
    assert result.exit_code == 0, result.output
    numbers = json.loads(result.stdout)
    assert numbers["articles"] >= 12 and numbers["articles_per_s"] > 0 and numbers["peak_rss_mb"] > 0
    assert set(numbers["stage_share"]) >= {"clean", "analyse", "events"}
