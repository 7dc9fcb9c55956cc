"""The actor test set (tests/actors/mentions_gold.tsv): precision and recall of (span, code, sector)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from score_gold import read_gold, score  # noqa: E402


def test_gold_set_is_large_and_multilingual():
    rows = read_gold()
    assert sum(len(r[3]) for r in rows) >= 300
    assert {r[0] for r in rows} == {"de", "en", "fr", "es", "it"}


def test_precision_and_recall_at_least_095():
    result = score()
    assert result["all"]["precision"] >= 0.95, result
    assert result["all"]["recall"] >= 0.95, result
    for lang in ("de", "en", "fr", "es", "it"):
        assert result[lang]["recall"] >= 0.9, (lang, result[lang])
