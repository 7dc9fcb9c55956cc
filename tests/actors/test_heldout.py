"""The held-out actor set (tests/actors/mentions_heldout.tsv): written without looking at the resolver's
output and never tuned on. Its numbers are the honest measure; this test only guards its shape and a floor."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from score_gold import HELDOUT, read_gold, score  # noqa: E402


def test_heldout_set_shape():
    rows = read_gold(HELDOUT)
    per_lang = Counter()
    for lang, _, _, gold in rows:
        per_lang[lang] += len(gold)
    assert sum(per_lang.values()) >= 200
    assert all(per_lang[lang] >= 35 for lang in ("de", "en", "fr", "es", "it")), per_lang


def test_heldout_floor():
    result = score(path=HELDOUT)
    assert result["all"]["precision"] >= 0.9 and result["all"]["recall"] >= 0.9, result["all"]
