"""`eventlens clean FILE [--format text|json]`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventlens.cli import main

FIX = Path(__file__).resolve().parents[1] / "fixtures"


def test_clean_text_and_json(tmp_path):
    p = tmp_path / "a.txt"
    original = ("Gipfel in Rom\n\nGipfel in Rom\n-\nDie Ministerin traf ihren Amtskollegen.Das Treffen dauerte "
                "zwei Stunden.\n\nLesen Sie auch:\nStreit um den Haushalt\n")
    p.write_text(original, encoding="utf-8")
    r = CliRunner().invoke(main, ["clean", str(p)])
    assert r.exit_code == 0, r.output
    assert r.output == "Gipfel in Rom\n\nDie Ministerin traf ihren Amtskollegen. Das Treffen dauerte zwei Stunden.\n"
    r = CliRunner().invoke(main, ["clean", str(p), "--format", "json"])
    rec = json.loads(r.output)
    assert rec["title"] == "Gipfel in Rom" and rec["lang"] == "de"
    assert {e["kind"] for e in rec["removals"]} == {"repeated_title", "separator", "teaser"}
    assert [e["kind"] for e in rec["repairs"]] == ["spacing"]
    assert len(rec["offsets"]) == len(rec["text"]) + 1
    for e in rec["removals"]:
        assert original[e["start"]:e["end"]] == e["text"]


def test_clean_bad_file_one_line_error(tmp_path):
    r = CliRunner().invoke(main, ["clean", str(tmp_path / "missing.txt"), str(FIX / "html" / "de_minister.html")])
    assert r.exit_code == 1
    assert "error[E101]" in r.output and "missing.txt" in r.output
    assert "Außenminister reist nach Paris" in r.output
