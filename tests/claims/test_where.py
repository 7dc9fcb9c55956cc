"""Place: the offline gazetteer on German, English and French text."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventlens.claims import where
from eventlens.claims.where import find_places, place_for_country
from eventlens.errors import DataError


def names(text: str, lang: str) -> list[tuple[str, str, str | None, str]]:
    return [(m.text, m.name, m.country, m.kind) for m in find_places(text, lang)]


def test_german_exonyms_genitive_and_countries() -> None:
    text = "Die Achse Moskau-Pjöngjang: Kiew meldet, Moskaus Truppen seien aus Nordkorea in die Region Kursk verlegt."
    got = names(text, "de")
    assert got == [
        ("Moskau", "Moscow", "RUS", "city"),
        ("Pjöngjang", "Pyongyang", "PRK", "city"),
        ("Kiew", "Kyiv", "UKR", "city"),
        ("Moskaus", "Moscow", "RUS", "city"),
        ("Nordkorea", "North Korea", "PRK", "country"),
        ("Region Kursk", "Kursk Oblast", "RUS", "region"),
    ]
    for m in find_places(text, "de"):
        assert text[m.start:m.end] == m.text


def test_french_exonyms_and_multiword_names() -> None:
    got = names("Des frappes sur Kiev et Moscou ; Pékin et la Corée du Nord, les États-Unis et la bande de Gaza.",
                "fr")
    assert got == [
        ("Kiev", "Kyiv", "UKR", "city"), ("Moscou", "Moscow", "RUS", "city"), ("Pékin", "Beijing", "CHN", "city"),
        ("Corée du Nord", "North Korea", "PRK", "country"), ("États-Unis", "United States", "USA", "country"),
        ("bande de Gaza", "Gaza Strip", "PSE", "region"),
    ]


def test_english_places_with_coordinates() -> None:
    got = find_places("Talks in Geneva between the US and Russia ended near the Black Sea.", "en")
    assert [(m.name, m.country) for m in got] == [("Geneva", "CHE"), ("United States", "USA"), ("Russia", "RUS"),
                                                  ("Black Sea", None)]
    geneva = got[0]
    assert abs(geneva.lat - 46.2) < 0.1 and abs(geneva.lon - 6.15) < 0.1


def test_common_words_and_first_names_are_not_places() -> None:
    assert find_places("Auch dabei: Essen und Morgen, Ende und Anfang.", "de") == []
    assert find_places("It may split; a nice orange bar. Most can come.", "en") == []
    assert names("George Bush met Martin Schulz.", "en") == []


def test_small_towns_need_a_locative_cue() -> None:
    assert names("Kämpfe um Pokrowsk", "de") == [("Pokrowsk", "Pokrovsk", "UKR", "city")]
    assert names("Russian forces near Kurakhove", "en")[0][1:3] == ("Kurakhove", "UKR")
    assert names("Kurakhove", "en") == []  # a small town alone could be anything


def test_unaccented_spelling() -> None:
    assert names("aux Etats-Unis", "fr") == [("Etats-Unis", "United States", "USA", "country")]


def test_place_for_country_gives_centroid() -> None:
    prk = place_for_country("PRK")
    assert (prk.name, prk.country, prk.kind) == ("North Korea", "PRK", "country")
    assert 38 < prk.lat < 42 and 124 < prk.lon < 130
    fra = place_for_country("FRA")  # mainland, not pulled into the Atlantic by French Guiana
    assert 44 < fra.lat < 49 and 0 < fra.lon < 5
    unknown = place_for_country("ZZZ")
    assert unknown.lat is None and unknown.country == "ZZZ"


def test_gazetteer_loads_once() -> None:
    # load time is a number `eventlens bench` prints, not a timed test
    where._gazetteer.cache_clear()
    first = where._gazetteer()
    assert where._gazetteer() is first
    assert where._gazetteer.cache_info().misses == 1


def test_bad_table_names_file_line_and_field(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("countries.tsv", "cities.tsv", "countries_extra.yaml", "regions.yaml", "language_rules.yaml",
                 "exonyms.yaml"):
        (tmp_path / name).write_text((where.PLACES_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / "cities.tsv"
    lines = bad.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace("\texonym\t", "\tguess\t")
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(where, "PLACES_DIR", tmp_path)
    where._gazetteer.cache_clear()
    try:
        with pytest.raises(DataError) as err:
            where._gazetteer()
        assert "cities.tsv:6" in str(err.value) and "source" in str(err.value)
    finally:
        monkeypatch.undo()
        where._gazetteer.cache_clear()
