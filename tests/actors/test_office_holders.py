"""Office-holders of earlier decades: news archives name them, and their state holds out of office too."""

from __future__ import annotations

import pytest

from eventlens.actors import ActorDictionary, resolve_text


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.mark.parametrize("text, date, code, sector", [
    ("Bill Clinton said", "1998-05-01", "USA", "GOV"),
    ("Robert Mugabe said", "1995-01-01", "ZWE", "GOV"),
    ("Helmut Kohl said", "2010-01-01", "DEU", None),
    ("President Suharto said", "1990-01-01", "IDN", "GOV"),
])
def test_office_holders_of_earlier_decades(dictionary, text, date, code, sector):
    found = resolve_text(text, "en", date, dictionary)
    assert (found[0].code, found[0].sector) == (code, sector)


def test_the_table_has_no_overlapping_tenures_in_one_office(dictionary):
    # one person, one role: tenures must not overlap (a typo in a date would make two at once)
    for tenures in dictionary.persons.values():
        by_role: dict[tuple, list] = {}
        for t in tenures:
            by_role.setdefault((t.code, t.role), []).append(t)
        for same in by_role.values():
            spans = sorted({(t.start or "", t.end or "9999") for t in same})  # a row repeated is harmless
            assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), same
