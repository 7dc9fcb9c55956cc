"""The bench corpus: distinct articles repeated as fresh copies."""

from __future__ import annotations

import pytest

from eventlens.bench import BenchResult, repeat
from eventlens.errors import ConfigError
from eventlens.records import Article


def test_repeat_makes_fresh_numbered_copies():
    articles = [Article(doc_id="a", text="x"), Article(doc_id="b", text="y")]
    corpus = repeat(articles, 5)
    assert [a.doc_id for a in corpus] == ["a#0", "b#0", "a#1", "b#1", "a#2"]
    corpus[0].published = "2024-01-01"
    assert articles[0].published is None and corpus[2].published is None


def test_result_rates_and_shares():
    r = BenchResult(stage="all", articles=100, distinct=10, sentences=900, events=50, failures=0, seconds=4.0,
                    load_seconds=1.0, peak_rss_mb=500.0, stage_seconds={"clean": 1.0, "analyse": 3.0})
    assert r.articles_per_s == 25.0 and r.sentences_per_s == 225.0
    assert r.stage_share() == {"clean": 0.25, "analyse": 0.75}
    assert r.to_dict()["stage_share"]["analyse"] == 0.75


def test_unknown_stage_is_a_config_error(tmp_path):
    from eventlens.bench import run

    with pytest.raises(ConfigError, match="stage"):
        run(tmp_path, stage="everything")
