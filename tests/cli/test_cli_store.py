"""The CLI over a store filled with hand-built documents: events, show, help and error translation."""

from __future__ import annotations

import json

import click
import pytest

from eventlens.cli import COMMANDS, main
from eventlens.errors import InputError
from eventlens.store import open_store


@pytest.fixture
def db(tmp_path, make_document):
    path = tmp_path / "cli.duckdb"
    with open_store(path) as store:
        store.ingest(make_document())
        store.ingest(make_document(doc_id="doc-2", body="France accused Iran of enriching uranium.",
                                   published="2024-12-01",
                                   events=[{"type": "ACCUSE", "actor": ("France", "FRA"),
                                            "recipient": ("Iran", "IRN"), "status": "asserted"}]))
    return path


def test_every_command_has_help_with_an_example(cli):
    without = []
    for name in main.commands:
        result = cli([name, "--help"])
        assert result.exit_code == 0, name
        body = result.output.split("\n", 1)[1]  # past the "Usage:" line
        if f"eventlens {name} " not in body:
            without.append(name)
    assert not without, f"--help shows no runnable example for: {', '.join(without)}"
    assert list(main.commands)[: len(COMMANDS)] == COMMANDS


def test_events_table(cli, db):
    result = cli(["events", "--db", db])
    assert result.exit_code == 0
    assert "RUS -> AID -> PRK" in result.output and "FRA -> ACCUSE -> IRN" in result.output
    assert "KOR (South Korea)" in result.output and "MEDIA" in result.output  # source column


def test_events_filters_and_jsonl(cli, db):
    result = cli(["events", "--db", db, "--actor", "FRA", "--format", "jsonl"])
    lines = result.output.splitlines()
    assert result.exit_code == 0 and len(lines) == 1
    record = json.loads(lines[0])
    assert record["type"] == "ACCUSE" and record["recipients"][0]["code"] == "IRN"
    report = cli(["events", "--db", db, "--since", "2024-11-30", "--date-field", "report", "--format", "json"])
    assert [r["doc_id"] for r in json.loads(report.output)] == ["doc-2"]


def test_show_document_and_cleaning(cli, db):
    result = cli(["show", "doc-1", "--db", db, "--cleaning"])
    assert result.exit_code == 0
    assert "cleaned text" in result.output and "glued_word" in result.output and "AID" in result.output
    as_json = json.loads(cli(["show", "doc-2", "--db", db, "--format", "json"]).output)
    assert as_json["events"][0]["type"] == "ACCUSE" and "removals" not in as_json


def test_errors_are_one_line_with_usage_exit_code(cli, db, tmp_path):
    missing = cli(["events", "--db", tmp_path / "nope.duckdb"])
    assert missing.exit_code == 2
    assert missing.output.strip().startswith("error[E701]") and len(missing.output.strip().splitlines()) == 1
    bad_date = cli(["events", "--db", db, "--since", "last week"])
    assert bad_date.exit_code == 2 and "error[E801]" in bad_date.output and "since" in bad_date.output
    unknown = cli(["show", "nope", "--db", db])
    assert unknown.exit_code == 2 and "doc-1" in unknown.output


def test_unexpected_errors_and_debug(cli):
    @click.command("boom")
    def boom():
        raise RuntimeError("kaput")

    @click.command("bad-input")
    def bad_input():
        raise InputError("E104", path="x.txt")

    main.add_command(boom)
    main.add_command(bad_input)
    try:
        plain = cli(["boom"])
        assert plain.exit_code == 1 and "Traceback" not in plain.output
        assert "error[E000] internal error: RuntimeError('kaput')" in plain.output
        debug = cli(["--debug", "boom"])
        assert "Traceback" in debug.output
        failed = cli(["bad-input"])
        assert failed.exit_code == 1 and failed.output.strip() == \
            "error[E104] x.txt: empty article: no text after the header"
    finally:
        main.commands.pop("boom")
        main.commands.pop("bad-input")


def test_eval_needs_a_gold_file_or_plover(cli):
    result = cli(["eval"])
    assert result.exit_code == 2 and "error[E801]" in result.output
