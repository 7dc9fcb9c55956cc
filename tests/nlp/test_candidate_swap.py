"""EVENTLENS_TEST_PIPELINE swaps one language's pipeline for a candidate folder, and says so when it cannot."""

from __future__ import annotations

import pytest
from tests.conftest import swap_candidate_pipeline


def test_a_bad_candidate_is_a_usage_error(tmp_path):
    with pytest.raises(pytest.UsageError, match="LANG=FOLDER"):
        swap_candidate_pipeline(f"en={tmp_path / 'missing'}")
    with pytest.raises(pytest.UsageError):
        swap_candidate_pipeline(str(tmp_path))  # no language named


def test_a_candidate_replaces_only_its_own_language(monkeypatch, tmp_path):
    import eventlens.nlp as nlp_mod

    monkeypatch.setattr(nlp_mod, "choose", nlp_mod.choose)  # restored after the test
    swap_candidate_pipeline(f"en={tmp_path}")
    assert str(nlp_mod.choose("en").path) == str(tmp_path)
    assert str(nlp_mod.choose("de").path) != str(tmp_path)
