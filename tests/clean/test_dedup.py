"""Near-duplicate detection on wire stories republished with small edits (tests/store/wire/)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eventlens.clean.dedup import (
    DEFAULT_THRESHOLD,
    NUM_PERM,
    SCHEME,
    NearDuplicateIndex,
    from_bytes,
    signature,
    similarity,
    to_bytes,
)

WIRE = Path(__file__).resolve().parents[1] / "store" / "wire"


def story(name: str) -> str:
    return (WIRE / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", ["en_korea", "de_bundeswehr", "fr_sahel"])
def test_republished_wire_story_is_linked_to_the_original(stem):
    """New headline, one added sentence, another outlet/byline line: still the same story."""
    index = NearDuplicateIndex()
    assert index.add(f"{stem}-original", story(f"{stem}_original")) is None
    found = index.query(story(f"{stem}_republished"))
    assert [doc_id for doc_id, _ in found] == [f"{stem}-original"]
    assert DEFAULT_THRESHOLD <= found[0][1] < 1.0
    assert index.add(f"{stem}-republished", story(f"{stem}_republished")) == f"{stem}-original"


def test_a_different_story_on_the_same_topic_is_not_linked():
    index = NearDuplicateIndex()
    index.add("korea-original", story("en_korea_original"))
    # same actors, same war, same week's news: a different article all the same
    assert index.query(story("en_korea_other_story")) == []
    assert index.add("korea-other", story("en_korea_other_story")) is None


def test_every_story_matches_only_its_own_versions():
    index = NearDuplicateIndex()
    links = {}
    for path in sorted(WIRE.glob("*.txt")):
        links[path.stem] = index.add(path.stem, path.read_text(encoding="utf-8"))
    assert {k: v for k, v in links.items() if v} == {
        "de_bundeswehr_republished": "de_bundeswehr_original",
        "en_korea_republished": "en_korea_original",
        "fr_sahel_republished": "fr_sahel_original",
    }


def test_signature_round_trips_through_bytes_and_is_deterministic():
    sig = signature(story("fr_sahel_original"))
    assert len(sig) == NUM_PERM and all(0 <= v < 2**32 for v in sig)
    blob = to_bytes(sig)
    assert len(blob) == 4 * NUM_PERM
    assert from_bytes(blob).tolist() == sig
    assert signature(story("fr_sahel_original")) == sig  # same text, same signature (stored ones stay valid)
    assert "affine32" in SCHEME


def test_index_rebuilt_from_stored_signatures_finds_the_same_links():
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(WIRE.glob("*_original.txt"))}
    stored = {doc_id: to_bytes(signature(text)) for doc_id, text in texts.items()}
    rebuilt = NearDuplicateIndex()
    for doc_id, blob in stored.items():
        rebuilt.insert(doc_id, from_bytes(blob))
    assert len(rebuilt) == 3 and "en_korea_original" in rebuilt
    got = rebuilt.match(signature(story("en_korea_republished")))
    assert got is not None and got[0] == "en_korea_original"
    assert rebuilt.match(signature(story("en_korea_other_story"))) is None


def test_ties_go_to_the_earlier_document_and_exclude_skips_self():
    text = story("de_bundeswehr_original")
    index = NearDuplicateIndex()
    index.add("first", text)
    index.add("second", text)  # an identical copy indexed later
    assert index.match(signature(text)) == ("first", 1.0)
    assert index.match(signature(text), exclude="first") == ("second", 1.0)


def test_similarity_and_bad_signature():
    a = np.arange(NUM_PERM)
    assert similarity(a, a) == 1.0 and similarity(a, a + 1) == 0.0
    with pytest.raises(ValueError, match="expected 128"):
        NearDuplicateIndex().insert("short", [1, 2, 3])


def test_short_and_empty_texts_do_not_crash():
    index = NearDuplicateIndex()
    assert index.add("empty", "") is None
    assert index.add("short", "Kurz.") is None
    assert index.add("short-again", "Kurz.") == "short"
