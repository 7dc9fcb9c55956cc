"""Acts told beside another act that are not acts of the parties word order would give them: a joint act in
the passive with no party named, an act in a clause on a place, a statement another party acts on, an act an
effort only tries or a refusal turns down, an accusation told again by a participle (events/coder.py: _by_order,
_unmade_statements, _named_contents, _is_content, _restates; the clause openers and named contents in
lang/<xx>/syntax.yaml)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.pipeline


def coded(doc):
    return {(e.type, frozenset(m.code for m in e.actors), frozenset(m.code for m in e.recipients))
            for e in doc.events}


@pytest.mark.parametrize("lang, text", [
    ("en", "Sudan and the rebels have respected the truce signed in Doha in March."),
    ("fr", "Le Soudan et les rebelles ont respecté la trêve signée à Doha en mars."),
])
def test_a_joint_act_in_the_passive_names_no_parties_by_word_order(process, lang, text):
    """Who signed the truce is not said: the subject of the clause and the place are no signers."""
    assert "AGREE" not in {e.type for e in process(text, lang).events}, coded(process(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("en", "The treaty was signed by Russia and China on Monday."),
    ("fr", "Le traité a été signé par la Russie et la Chine lundi."),
])
def test_a_joint_act_in_the_passive_keeps_the_parties_named_as_agent(process, lang, text):
    assert ("AGREE", frozenset({"RUS", "CHN"}), frozenset()) in coded(process(text, lang))


@pytest.mark.parametrize("lang, text", [
    ("en", "Kenya lifted a curfew in Mombasa where twelve people were killed in riots last month."),
    ("fr", "Le Kenya a levé le couvre-feu à Mombasa où douze personnes ont été tuées lors d'émeutes le mois "
           "dernier."),
])
def test_an_act_in_a_clause_on_a_place_is_not_the_main_subjects(process, lang, text):
    """"where" opens a clause of its own: the riots there are not Kenya's."""
    doc = process(text, lang)
    assert "PROTEST" not in {e.type for e in doc.events}, coded(doc)
    assert "CONCEDE" in {e.type for e in doc.events}, coded(doc)


def test_a_reporting_verb_in_a_clause_on_the_event_does_not_source_it(process):
    doc = process("Kenya lifted a curfew in Mombasa where the city was reported calm on Sunday.", "en")
    lifted = [e for e in doc.events if e.type == "CONCEDE"]
    assert lifted and lifted[0].source is None, [e.source for e in lifted]  # the outlet's own voice


@pytest.mark.parametrize("lang, text", [
    ("en", "The United Nations rejected a call for peacekeepers to be sent to Haiti."),
    ("de", "Die Vereinten Nationen wiesen einen Aufruf zur Entsendung von Blauhelmen nach Haiti zurück."),
])
def test_a_statement_rejected_is_not_made_by_the_rejecter(process, lang, text):
    """The call is someone else's, unnamed: no REQUEST by the UN beside its REJECT."""
    doc = process(text, lang)
    assert {e.type for e in doc.events} == {"REJECT"}, coded(doc)


@pytest.mark.parametrize("text, maker, asked", [
    ("Hungary rejected a demand by the European Commission to withdraw the law.", "EU", "HUN"),
    # what the request asks for ("to question detainees") names no party to it: it was put to Kenya
    ("Kenya rejected a U.S. request to question detainees held in Mombasa.", "USA", "KEN"),
])
def test_a_statement_rejected_keeps_the_maker_its_phrase_names_and_was_put_to_the_rejecter(process, text, maker,
                                                                                            asked):
    assert ("REQUEST", frozenset({maker}), frozenset({asked})) in coded(process(text, "en"))


@pytest.mark.parametrize("lang, text", [
    ("en", "Japan halted economic aid to Serbia in line with Western efforts to end the fighting there."),
    ("en", "Turkey made an attempt to invade northern Syria last year."),
    ("fr", "La Turquie a fait une tentative d'envahir le nord de la Syrie."),
    ("de", "Die Türkei unternahm einen Versuch, den Norden Syriens anzugreifen."),
])
def test_an_act_only_tried_by_an_effort_is_not_coded(process, lang, text):
    """What an effort or attempt tries has not happened; the act beside it ("halted aid") stays."""
    types = {e.type for e in process(text, lang).events}
    assert not types & {"ASSAULT", "RETREAT"}, types


@pytest.mark.parametrize("lang, text", [
    ("en", "Kenya rejected a Ugandan proposal for signing a free trade agreement."),
    ("fr", "Le Kenya a rejeté une proposition ougandaise de signer un accord de libre-échange."),
])
def test_what_a_rejected_proposal_asks_is_not_done(process, lang, text):
    """The signing is what the refusal turns down, as an infinitive or (English) a gerund after "for"."""
    doc = process(text, lang)
    assert {e.type for e in doc.events} == {"REJECT"}, coded(doc)


@pytest.mark.parametrize("lang, text", [
    ("en", "Kenya lodged a protest with Uganda on Monday, charging its neighbour with arming rebels."),
    ("fr", "Le Kenya a élevé une protestation auprès de l'Ouganda lundi, accusant son voisin d'armer les rebelles."),
])
def test_an_accusation_added_by_a_participle_is_the_same_act(process, lang, text):
    """"..., charging its neighbour with": the protest told again, not a second ACCUSE at "its neighbour"."""
    accusations = [e for e in process(text, lang).events if e.type == "ACCUSE"]
    assert [({m.code for m in e.actors}, {m.code for m in e.recipients}) for e in accusations] == [
        ({"KEN"}, {"UGA"})]
