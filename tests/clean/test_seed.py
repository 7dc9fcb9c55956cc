"""The seed article: headline once, no teaser, no navigation, no separators, glue repaired,
every other sentence intact (compared sentence by sentence)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventlens.clean import clean
from eventlens.ingest import iter_articles

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "seed_article_de.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")

HEADLINE = ("Krieg in der Ukraine: Moskau rüstet Nordkorea mit Waffen aus, um dessen militärische "
            "Unterstützung zu erhalten")
TEASER_HEADLINE = "die Herausforderungen der Entsendung nordkoreanischer Truppen nach Russland"


@pytest.fixture(scope="module")
def seed():
    article = next(iter(iter_articles([str(SEED)])))
    return article, clean(article)


def _sentences(text: str) -> list[str]:
    out = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = " ".join(para.split())
        out.extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])", para) if s)
    return out


def test_headline_kept_once_and_as_title(seed):
    _, ct = seed
    assert ct.title == HEADLINE
    assert ct.text.count("Moskau rüstet Nordkorea mit Waffen aus") == 1
    assert ct.text.startswith(HEADLINE + "\n\n")


def test_debris_removed(seed):
    _, ct = seed
    assert "Lesen Sie auch" not in ct.text
    assert TEASER_HEADLINE not in ct.text
    assert "PREV" not in ct.text and "NEXT" not in ct.text
    assert "IStGH" not in ct.text and "Vermissten" not in ct.text
    assert not any(line.strip() in {"-", "–"} for line in ct.text.split("\n"))


def test_glued_words_repaired(seed):
    _, ct = seed
    assert "Won-sikSüdkoreas" not in ct.text
    assert re.search(r"Shin Won-sik,? Südkoreas nationaler Sicherheitsberater", ct.text)
    assert "cKampf" not in ct.text and "helfen, Kampf gegen die Ukraine" in ct.text
    kinds = {e.kind for e in ct.repairs}
    assert {"glued_word", "stray_letter"} <= kinds


def test_every_other_sentence_intact(seed):
    article, ct = seed
    removed_lines = {
        HEADLINE, "-", "Lesen Sie auch:", "Krieg in der Ukraine: " + TEASER_HEADLINE,
        "PREV Diese Politik fordert Frankreich auf, das Urteil des IStGH nicht zu respektieren",
        "NEXT Die Suche nach den Vermissten geht weiter",
    }
    body_lines = [ln for ln in article.text.split("\n") if ln.strip() and ln.strip() not in removed_lines]
    expected = _sentences("\n".join(body_lines))
    expected = [s.replace("Won-sikSüdkoreas", "Won-sik Südkoreas").replace("cKampf", "Kampf")
                .replace("„", '"').replace("“", '"') for s in expected]
    got = _sentences(ct.text)
    assert got[0] == HEADLINE
    assert got[1:] == expected
    assert len(expected) >= 20


def test_every_clean_character_maps_back(seed):
    article, ct = seed
    assert len(ct.offsets) == len(ct.text) + 1
    for i, ch in enumerate(ct.text):
        orig = article.text[ct.offsets[i]]
        if ch.isalnum():
            assert orig == ch, (i, ch, orig)
    # a sentence in the cleaned text maps to the same sentence in the original
    k = ct.text.index("Diese Ankündigung erfolgt")
    end = ct.text.index("annähern.", k) + len("annähern.")
    a, b = ct.to_original(k, end)
    assert article.text[a:b] == ct.text[k:end]


def test_removals_point_into_the_original(seed):
    article, ct = seed
    for e in ct.removals + ct.repairs:
        assert article.text[e.start:e.end] == e.text
