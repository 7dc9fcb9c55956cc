"""Rendering helpers: evidence excerpts in whole words, party and source labels."""

from __future__ import annotations

from eventlens.cli.render import excerpt, party, source_label

SENTENCE = ("Des milliers d'agriculteurs ont manifesté lundi dans toute la France contre le projet d'accord "
            "commercial entre l'Union européenne et le Mercosur, a rapporté la presse.")


def record(trigger: str | None = None, source=None) -> dict:
    return {"evidence": {"sentence": SENTENCE, "trigger": {"text": trigger}}, "source": source}


def test_short_sentences_are_kept_whole():
    assert excerpt({"evidence": {"sentence": "Wang wies die Vorwürfe zurück."}}) == "Wang wies die Vorwürfe zurück."


def test_long_sentences_are_cut_at_word_boundaries_around_the_trigger():
    for trigger in (None, "manifesté", "rapporté"):
        text = excerpt(record(trigger))
        assert len(text) <= 92
        inner = text.strip("…")
        assert inner in SENTENCE
        start = SENTENCE.index(inner)
        assert start == 0 or SENTENCE[start - 1] == " "
        end = start + len(inner)
        assert end == len(SENTENCE) or SENTENCE[end] == " "
        if trigger:
            assert trigger in text


def test_labels():
    assert party([{"code": "USA"}, {"code": "KOR"}]) == "USA+KOR" and party([]) == "-"
    assert source_label(record()) == "MEDIA"
    assert source_label(record(source={"code": "KOR", "name": "South Korea"})) == "KOR (South Korea)"
    assert source_label(record(source={"code": "UNK", "text": "experts", "name": None})) == "UNK (experts)"
