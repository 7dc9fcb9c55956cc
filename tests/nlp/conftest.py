"""Language pipelines are loaded once per test session (loading takes a second or two each)."""

from __future__ import annotations

import pytest

from eventlens.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp_by_lang():
    cache: dict = {}

    def get(lang: str):
        if lang not in cache:
            cache[lang] = load_nlp(lang)
        return cache[lang]

    return get


@pytest.fixture(scope="session")
def nlp_de(nlp_by_lang):
    return nlp_by_lang("de")


@pytest.fixture(scope="session")
def nlp_en(nlp_by_lang):
    return nlp_by_lang("en")


@pytest.fixture(scope="session")
def nlp_fr(nlp_by_lang):
    return nlp_by_lang("fr")
