"""Every actor mention of the seed article resolves to the right actor (issue 5).

The article is fed raw (before cleaning) with a tokenizer-only German pipeline, so these checks hold
whatever the language pack adds."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from eventlens.actors import ActorDictionary, resolve_text

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "seed_article_de.txt"

# (text as found, code, sector) for every actor mention in the body, in order of appearance
EXPECTED = [
    ("Russland", "RUS", None), ("Nordkorea", "PRK", None), ("Moskaus", "RUS", "GOV"), ("Ukraine", "UKR", None),
    ("Seouls oberster Sicherheitsberater", "KOR", "GOV"),
    ("südkoreanischen Fernsehsender", "KOR", "MED"), ("SBS", "KOR", "MED"), ("Shin Won-sik", "KOR", "GOV"),
    ("Südkoreas nationaler Sicherheitsberater", "KOR", "GOV"), ("Russland", "RUS", None),
    ("Nordkorea", "PRK", None), ("Kremls", "RUS", "GOV"),
    ("Pjöngjang", "PRK", "GOV"), ("Moskau", "RUS", "GOV"), ("Ukraine", "UKR", None),
    ("Moskau", "RUS", "GOV"), ("Pjöngjang", "PRK", "GOV"),
    ("USA", "USA", None), ("Südkorea", "KOR", None), ("Norden", "PRK", None), ("Russland", "RUS", None),
    ("Ukraine", "UKR", None), ("Experten", "UNK", None), ("Kim Jong Un", "PRK", "GOV"),
    ("Pjönjangs", "PRK", "GOV"), ("Nordkorea", "PRK", None),
    ("Shin Won-sik", "KOR", "GOV"), ("SBS", "KOR", "MED"),
    ("Herr Shin", "KOR", "GOV"), ("Seoul", "KOR", "GOV"), ("Pjöngjang", "PRK", "GOV"),
    ("Experten", "UNK", None), ("Nordkorea", "PRK", None), ("Moskau", "RUS", "GOV"),
    ("Die beiden Verbündeten", "PRK", None), ("Die beiden Verbündeten", "RUS", None),
    ("beide Staaten", "PRK", None), ("beide Staaten", "RUS", None),
    ("Pjöngjang", "PRK", "GOV"), ("Ukraine", "UKR", None), ("Experten", "UNK", None),
    ("Nordkorea", "PRK", None), ("russischen", "RUS", None), ("China", "CHN", None), ("Quellen", "UNK", None),
    ("Russland", "RUS", None), ("Nordkorea", "PRK", None), ("Experten", "UNK", None),
    ("Sergej Lawrow", "RUS", "GOV"), ("Choe Son Hui", "PRK", "GOV"), ("Nordkorea", "PRK", None),
    ("Ukraine", "UKR", None), ("Russlands", "RUS", None),
    ("UN", "UN", "IGO"), ("Nordkorea", "PRK", None), ("Russland", "RUS", None), ("UN", "UN", "IGO"),
    ("Kim Jong Un", "PRK", "GOV"), ("Wladimir Putin", "RUS", "GOV"), ("Ukraine", "UKR", None),
    ("Herr Putin", "RUS", "GOV"), ("nordkoreanischer Truppen", "PRK", "MIL"), ("er", "RUS", "GOV"),
    ("Ukraine", "UKR", None), ("Nordkorea", "PRK", None), ("Russland", "RUS", None),
]


@pytest.fixture(scope="module")
def body() -> str:
    if not SEED.exists():
        pytest.skip("shared seed article not available")
    text = SEED.read_text(encoding="utf-8")
    start = text.index("Russland habe Nordkorea")
    end = text.index("bestätigte die Entsendung von Truppen jedoch nicht.") + 51
    body = text[start:end]
    # the "Lesen Sie auch:" teaser is another story's headline (the cleaner removes it); blank it out
    # so that offsets stay those of the raw text
    teaser = body.index("Lesen Sie auch:")
    teaser_end = body.index("\n\n", body.index("\n", teaser) + 1)
    return body[:teaser] + " " * (teaser_end - teaser) + body[teaser_end:]


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def test_every_seed_mention_resolves(body, dictionary):
    got = [(m.text, m.code, m.sector) for m in resolve_text(body, "de", "2024-11-22", dictionary)]
    assert got == EXPECTED


def test_offsets_point_at_the_mention(body, dictionary):
    for m in resolve_text(body, "de", "2024-11-22", dictionary):
        assert body[m.start:m.end] == m.text
        assert m.sentence >= 0


def test_persons_carry_role_and_wikidata(body, dictionary):
    ms = resolve_text(body, "de", "2024-11-22", dictionary)
    by_text = {m.text: m for m in ms}
    assert by_text["Wladimir Putin"].role == "president" and by_text["Wladimir Putin"].wikidata == "Q7747"
    assert by_text["Sergej Lawrow"].role == "foreign minister"
    assert by_text["Herr Shin"].how == "coreference" or by_text["Herr Shin"].name == "Shin Won-sik"
    assert by_text["er"].kind == "pronoun" and by_text["er"].name == "Vladimir Putin"
    counts = Counter(m.code for m in ms)
    assert counts["PRK"] > counts["KOR"] > 0


def test_unknown_names_get_their_state_from_the_role_phrase():
    """Without the office-holder table, role phrases alone give the persons their state."""
    bare = ActorDictionary.load()
    for key in ("Shin Won-sik", "Choe Son Hui"):
        bare.persons.pop(key)
    text = ("Bei einem Treffen erklärte der Chef der nordkoreanischen Diplomatie Choe Son Hui, dass "
            "Nordkorea an der Seite Russlands stehe. Südkoreas nationaler Sicherheitsberater Shin Won-sik "
            "widersprach. Herr Shin sagte, er habe Beweise.")
    idx = bare.index("de")
    for key in list(idx.folded):
        if key[:1] in (("shin",), ("choe",)):
            del idx.folded[key]
    ms = resolve_text(text, "de", "2024-11-22", bare)
    got = {(m.text, m.code, m.sector, m.role) for m in ms}
    assert ("Choe Son Hui", "PRK", "GOV", "foreign minister") in got
    assert ("Shin Won-sik", "KOR", "GOV", "national security adviser") in got
    assert ("Herr Shin", "KOR", "GOV", "national security adviser") in got
    assert ("er", "KOR", "GOV", "national security adviser") in got
