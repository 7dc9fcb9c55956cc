"""Time: the date resolver on the temporal tables (de/en/fr) and on dates inside running text."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from eventlens.claims.when import DateMention, find_dates, publication_date_from_text, resolve_date
from eventlens.errors import DataError

HERE = Path(__file__).parent


def load_table(lang: str) -> list[dict[str, str]]:
    path = HERE / f"temporal_{lang}.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# schema: 1", f"{path.name}: first line must state the schema"
    body = [ln for ln in lines if not ln.startswith("#")]
    rows = list(csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE))
    for n, row in enumerate(rows, 2):
        assert row["phrase"] and row["granularity"] is not None, f"{path.name}: bad row {n}"
    return rows


def check(lang: str, row: dict[str, str]) -> tuple[bool, DateMention | None]:
    ref = None if row["reference"] == "-" else dt.date.fromisoformat(row["reference"])
    got = resolve_date(row["phrase"], lang, ref, row["tense"] or None)
    want_value = None if row["value"] == "-" else row["value"]
    want_gran = None if row["granularity"] == "-" else row["granularity"]
    want_end = row.get("end") or None
    ok = (got is not None and got.text == row["phrase"] and got.value == want_value
          and got.granularity == want_gran and got.end_value == want_end)
    return ok, got


@pytest.mark.parametrize("lang", ["de", "en", "fr"])
def test_temporal_table(lang: str) -> None:
    rows = load_table(lang)
    assert len(rows) >= 100
    failures = []
    for row in rows:
        ok, got = check(lang, row)
        if not ok:
            failures.append(f"{row['phrase']!r} ref={row['reference']} tense={row['tense'] or '-'}: want "
                            f"{row['value']}/{row['granularity']}/{row.get('end') or '-'}, got "
                            f"{got and (got.text, got.value, got.granularity, got.end_value)}")
    assert not failures, f"{len(failures)}/{len(rows)} wrong:\n" + "\n".join(failures)


REF = dt.date(2024, 11, 22)


def test_dates_in_running_german_text() -> None:
    text = ("In einem Interview mit dem Sender SBS, das diesen Freitag, den 22. November, ausgestrahlt wurde, "
            "sagte er, der Vertrag sei im Juni unterzeichnet worden; 10.000 Soldaten seien seit Oktober dort.")
    found = find_dates(text, "de", REF)
    assert [(m.text, m.value, m.granularity) for m in found] == [
        ("diesen Freitag, den 22. November", "2024-11-22", "day"),
        ("im Juni", "2024-06", "month"),
        ("seit Oktober", "2024-10", "range"),
    ]
    for m in found:
        assert text[m.start:m.end] == m.text


def test_offsets_in_english_and_french_text() -> None:
    text = "The talks, held on Tuesday in Geneva, follow a meeting in early October."
    found = find_dates(text, "en", REF)
    assert [(m.text, m.value) for m in found] == [("on Tuesday", "2024-11-19"), ("in early October", "2024-10")]
    assert found[1].modifier == "early"
    text = "Le traité, signé en juin, a été ratifié mardi dernier par le parlement."
    found = find_dates(text, "fr", REF)
    assert [(m.text, m.value) for m in found] == [("en juin", "2024-06"), ("mardi dernier", "2024-11-19")]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_month_only_never_gets_a_day() -> None:
    for lang, phrase in (("de", "im Juni"), ("en", "in June"), ("fr", "en juin"), ("de", "Anfang Oktober")):
        m = resolve_date(phrase, lang, REF)
        assert m is not None and m.granularity == "month" and len(m.value) == 7


def test_words_that_only_look_like_dates() -> None:
    assert find_dates("They may meet again.", "en", REF) == []
    assert find_dates("Troops march north.", "en", REF) == []
    assert find_dates("Am Morgen kamen mehr als 10.000 Soldaten.", "de", REF) == []
    assert find_dates("Der Preis stieg um 3,5 Prozent auf 1.250 Euro.", "de", REF) == []


def test_unresolvable_keeps_text() -> None:
    m = resolve_date("am Freitag", "de", None)
    assert m is not None and m.value is None and m.text == "am Freitag"
    m = resolve_date("31.02.2024", "de", REF)
    assert m is not None and m.value is None and m.text == "31.02.2024"


def test_unknown_language_still_reads_numeric_dates() -> None:
    assert [m.value for m in find_dates("Stand: 22.11.2024", "xx", None)] == ["2024-11-22"]


def test_to_dict_is_the_event_date_form() -> None:
    m = resolve_date("seit letztem Jahr", "de", REF)
    assert m.to_dict() == {"value": "2023", "granularity": "range", "text": "seit letztem Jahr",
                           "end": "2024-11-22", "modifier": "since"}


@pytest.mark.parametrize("text, want", [
    ("Stand: 22.11.2024 11:22 Uhr\nMoskau rüstet Nordkorea aus", "2024-11-22"),
    ("By Jane Doe | Nov. 22, 2024\nRussia armed North Korea", "2024-11-22"),
    ("Publié le 22 novembre 2024 à 11h22\nLa Russie", "2024-11-22"),
    ("Updated 2024-11-22T11:22:00Z", "2024-11-22"),
    ("Aktualisiert am Freitag\nohne Jahr", None),
])
def test_publication_date_from_text(text: str, want: str | None) -> None:
    assert publication_date_from_text(text) == want


def test_bad_vocabulary_names_file_and_field(tmp_path: Path) -> None:
    from eventlens.claims.when import parse_vocab
    from eventlens.lang import load_yaml

    bad = tmp_path / "dates.yaml"
    bad.write_text("schema: 1\nmonths:\n  13: [smarch]\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        parse_vocab(load_yaml(bad), str(bad))
    assert "dates.yaml:3" in str(err.value) and "months" in str(err.value)
    bad.write_text("months: {}\n", encoding="utf-8")
    with pytest.raises(DataError, match="schema"):
        parse_vocab(load_yaml(bad), str(bad))


@pytest.mark.parametrize("lang, text", [
    ("de", "Frankreich liefert Mirage 2000 an Indien."),
    ("de", "Mehr als 2000 Soldaten wurden verlegt."),
    ("en", "India flies Mirage 2000 jets."),
    ("fr", "L'Inde a reçu des Mirage 2000."),
    ("fr", "Le ministre a été arrêté."),  # "été" is a participle here, not the summer
])
def test_numbers_and_words_that_name_things_are_no_dates(lang, text):
    assert find_dates(text, lang, dt.date(2024, 11, 22)) == []


@pytest.mark.parametrize("lang, text, value", [
    ("de", "Im Jahr 2022 begann es.", "2022"),
    ("de", "2023 hat Russland Truppen verlegt.", "2023"),
    ("en", "In 2024, the talks failed.", "2024"),
    ("fr", "Depuis 2022, la guerre dure.", "2022"),
])
def test_years_in_a_date_context_stay_dates(lang, text, value):
    assert [d.value for d in find_dates(text, lang, dt.date(2024, 11, 22))] == [value]


def test_a_season_keeps_its_months():
    found = find_dates("im Sommer", "de", dt.date(2024, 11, 22))
    assert found[0].to_dict() == {"value": "2024", "granularity": "season", "text": "im Sommer",
                                  "months": ["2024-06", "2024-08"]}
