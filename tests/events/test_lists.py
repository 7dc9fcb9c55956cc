"""Lists of names: a comma between like entities joins them, it does not end a clause."""

from __future__ import annotations

import pytest

from eventlens.events.clauses import list_commas

pytestmark = pytest.mark.pipeline


@pytest.mark.parametrize("lang, text", [
    ("de", "Frankreich, Deutschland und Italien verhängten Sanktionen gegen Russland."),
    ("de", "Litauen, Lettland und Estland kündigten Sanktionen gegen georgische Regierungsvertreter an."),
    ("en", "France, Germany and Italy imposed sanctions on Russia."),
    # parsed right (Allemagne and Italie are conjuncts of France): the named subject brings its conjuncts
    ("fr", "La France, l'Allemagne et l'Italie ont imposé des sanctions à la Russie."),
])
def test_every_listed_state_is_an_actor(process, lang, text):
    events = process(text, lang).events
    assert len(events) == 1
    first = text.split(",")[0].split()[-1].split("'")[-1]
    codes = {m.code for m in events[0].actors}
    assert len(codes) == 3, codes
    assert any(m.text == first for m in events[0].actors)


def test_only_commas_inside_a_list_of_like_names(process):
    doc = process("Merz sagte am Montag, Russland und China hätten die Sanktionen umgangen.", "de")
    assert list_commas(doc.nlp) == frozenset()  # a person, then two states: the comma ends the speech clause
    doc = process("Polen, Litauen und Lettland schlossen die Grenze.", "de")
    assert [doc.nlp[i].text for i in sorted(list_commas(doc.nlp))] == [","]
