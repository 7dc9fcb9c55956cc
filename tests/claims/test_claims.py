"""Source, status, date and place of events, on real sentences through the whole pipeline."""

from __future__ import annotations

import pytest

from eventlens.claims.cues import load_cues
from eventlens.errors import DataError
from eventlens.lang import LanguagePack

pytestmark = pytest.mark.pipeline


def only(doc, etype):
    found = [e for e in doc.events if e.type == etype]
    assert len(found) == 1, [e.to_dict() for e in doc.events]
    return found[0]


@pytest.mark.parametrize("lang, text, etype, status", [
    ("de", "Russland könnte Nordkorea Zugang zu Öl und Gas verschaffen.", "AID", "hypothetical"),
    ("en", "Russia could send more troops to Belarus.", "AID", "hypothetical"),
    ("en", "Russia reportedly attacked Ukraine with drones.", "ASSAULT", "alleged"),
    ("de", "Russland soll die Ukraine mit Drohnen angegriffen haben.", "ASSAULT", "alleged"),
    ("en", "The European Union will impose new sanctions on Iran.", "SANCTION", "future"),
    ("en", "Russia did not attack Ukraine on Sunday.", "ASSAULT", "negated"),
    ("en", "Poland will not send troops to Ukraine, the prime minister said.", "AID", "negated"),
    ("en", "Serbia and Kosovo failed to reach an agreement in Brussels on Monday.", "AGREE", "negated"),
    # the plan belongs to the visit's purpose, not to the receiving, which happened
    ("en", "Kazakhstan's president on Tuesday received the Uzbek foreign minister in Astana for a visit aimed at "
           "deepening energy ties.", "CONSULT", "asserted"),
    # a "not" of another verb in the clause leaves the promise alone
    ("en", "Hungary will send aid to Ukraine but will not be rushed.", "AGREE", "future"),
    ("en", "Russia launched missile strikes on Ukraine on Tuesday.", "ASSAULT", "asserted"),
    ("fr", "La Russie pourrait attaquer l'Ukraine.", "ASSAULT", "hypothetical"),
    # reported speech shifts "will" to "would": a plan, not a possibility; unreported or hedged it stays one
    ("en", "The European Union said it would impose new sanctions on Iran.", "SANCTION", "future"),
    ("en", "NATO confirmed on Wednesday it would tighten the naval blockade of Libya.", "COERCE", "future"),
    ("en", "Russia would send more troops to Belarus if Minsk asked for them.", "AID", "hypothetical"),
    ("en", "Analysts said Russia would probably send more troops to Belarus.", "AID", "hypothetical"),
    # a plan in a clause of its own after the act is someone else's plan
    ("en", "The United States is providing intelligence to Ukraine, which is preparing a major offensive.", "AID",
     "asserted"),
    # a future word that qualifies another noun dates only that noun; one on the act's time phrase dates the act
    ("en", "President Yoweri Museveni has banned Ugandan opposition candidates from participating in the upcoming "
           "elections.", "COERCE", "asserted"),
    ("en", "Russia sends more troops to Belarus next week.", "AGREE", "future"),  # promised aid: AGREE
    # a phrase is read with the trigger in its place: "is opposed to" holds no "is to"
    ("en", "Israel is opposed to French mediation with Syria.", "REJECT", "asserted"),
    ("en", "Russia is to deliver missiles to North Korea.", "AGREE", "future"),
    # a negation on another coordinated verb is that verb's, unless the act shares its auxiliary
    ("en", "Vietnam is committed to opening up the economy but will not be rushed.", "AGREE", "asserted"),
    ("en", "Russia did not attack Ukraine and withdrew its troops.", "RETREAT", "asserted"),
    ("en", "Russia did not attack or invade Ukraine.", "ASSAULT", "negated"),
    # a plan the act is done to is no plan of the act
    ("en", "The United States backed the Ukrainian peace plan on Monday.", "SUPPORT", "asserted"),
    ("en", "The peace plan was backed by the United States on Monday.", "SUPPORT", "asserted"),
])
def test_status(process, lang, text, etype, status):
    assert only(process(text, lang), etype).status == status


def test_a_pledge_in_reported_speech_is_asserted_not_future(process):
    ev = only(process("Nordkorea werde an der Seite Russlands stehen, sagte Choe Son Hui.", "de"), "SUPPORT")
    assert ev.status == "asserted" and ev.source["code"] == "PRK"


def test_accused_act_is_alleged_and_sourced_to_the_accusers(process):
    doc = process("Die USA und Südkorea haben Nordkorea vorgeworfen, Russland mit Truppen zu helfen.", "de")
    acc = only(doc, "ACCUSE")
    assert acc.status == "asserted" and acc.source is None
    aid = only(doc, "AID")
    assert {m.code for m in aid.actors} == {"PRK"} and {m.code for m in aid.recipients} == {"RUS"}
    assert aid.status == "alleged"
    assert set(aid.source["codes"]) == {"USA", "KOR"}


@pytest.mark.parametrize("lang, text, etype, status", [
    ("en", "Canada handed over a suspected arms smuggler to the United States on Monday.", "COOPERATE", "asserted"),
    ("de", "Kanada hat einen mutmaßlichen Waffenschmuggler an die USA ausgeliefert.", "COOPERATE", "asserted"),
    ("fr", "Le Canada a extradé un trafiquant d'armes présumé vers les États-Unis.", "COOPERATE", "asserted"),
    # the hedge on the act's own word still makes it alleged
    ("en", "Ukraine condemned the alleged Russian attack on Kharkiv.", "ASSAULT", "alleged"),
])
def test_a_hedging_adjective_doubts_only_its_own_noun(process, lang, text, etype, status):
    assert only(process(text, lang), etype).status == status


def test_an_act_the_accusation_hangs_from_is_not_its_content(process):
    """Rejecting a statement that criticised X is the rejecter's own act, told by the outlet."""
    doc = process("China on Tuesday rejected a statement by EU foreign ministers that criticised Beijing's trade "
                  "practices.", "en")
    rejection = only(doc, "REJECT")
    assert rejection.status == "asserted" and rejection.source is None
    # the accusation in a relative clause on the object of a sanction's verb: the sanction is no charge
    doc = process("The European Union on Monday imposed sanctions on three Iranian firms it accused of shipping "
                  "drones to Russia.", "en")
    sanction = only(doc, "SANCTION")
    assert sanction.status == "asserted" and sanction.source is None


@pytest.mark.parametrize("lang, text, etype, code", [
    ("de", "Laut Südkorea hat Russland Nordkorea Raketen geliefert.", "AID", "KOR"),
    ("en", "According to Ukraine, Russia attacked Kharkiv with drones.", "ASSAULT", "UKR"),
    ("fr", "Selon la Corée du Sud, la Russie a livré des missiles à la Corée du Nord.", "AID", "KOR"),
    ("de", "Russland habe Nordkorea Raketen geliefert, sagte Seoul am Freitag.", "AID", "KOR"),
    ("de", "Russland könne Nordkorea Zugang zu Öl verschaffen, sagen Experten.", "AID", "UNK"),
    ("en", "Russia attacked Ukraine overnight, officials said.", "ASSAULT", "UNK"),
])
def test_source(process, lang, text, etype, code):
    ev = only(process(text, lang), etype)
    assert ev.source is not None and ev.source["code"] == code


def test_outlet_voice_has_no_source(process):
    assert only(process("Russia launched missile strikes on Ukraine.", "en"), "ASSAULT").source is None


def test_date_comes_from_the_event_clause_not_the_reporting_clause(process):
    doc = process("Russland habe Nordkorea Raketen geliefert, sagte Seoul am Freitag.", "de", "2024-11-22")
    assert only(doc, "AID").date["value"] is None
    doc = process("Russland hat Nordkorea im Juni Raketen geliefert.", "de", "2024-11-22")
    assert only(doc, "AID").date == {"value": "2024-06", "granularity": "month", "text": "im Juni"}


def test_relative_weekday_resolves_against_publication(process):
    ev = only(process("Russia launched missile strikes on Ukraine on Tuesday.", "en", "2024-11-22"), "ASSAULT")
    assert ev.date["value"] == "2024-11-19" and ev.date["granularity"] == "day"


def test_strike_location_defaults_to_the_target_state(process):
    ev = only(process("Russia launched missile strikes on Ukraine.", "en"), "ASSAULT")
    assert ev.location["country"] == "UKR"
    ev = only(process("The European Union imposed new sanctions on Iran.", "en"), "SANCTION")
    assert ev.location is None


def test_malformed_claims_file_names_file_and_field(tmp_path, monkeypatch):
    (tmp_path / "claims.yaml").write_text("schema: 1\nspeech_verbs: [say, 3]\n", encoding="utf-8")
    import eventlens.claims.cues as cues

    monkeypatch.setattr(cues, "get_pack", lambda code: LanguagePack(code, tmp_path))
    load_cues.cache_clear()
    try:
        with pytest.raises(DataError) as err:
            cues.load_cues("xx")
        assert "claims.yaml" in str(err.value) and "speech_verbs" in str(err.value)
    finally:
        load_cues.cache_clear()


def test_a_fronted_date_dates_the_main_clause_in_the_outlets_voice(process):
    ev = only(process("On 24 February 2025, the European Union imposed new sanctions on Russia.", "en",
                      "2025-03-14"), "SANCTION")
    assert ev.date["value"] == "2025-02-24"
    ev = only(process("Am Freitag, sagte Seoul, habe Russland Nordkorea Raketen geliefert.", "de", "2024-11-22"), "AID")
    assert ev.date["value"] is None  # Friday is when Seoul spoke


@pytest.mark.parametrize("lang, text, demand", [
    ("de", "Die ungarische Regierung hat die Forderung der EU-Kommission zurückgewiesen, ihr Gesetz "
           "zurückzunehmen.", "REQUEST"),
    ("en", "Iran rejected a U.S. request to halt uranium enrichment.", None),
])
def test_rejecting_a_demand_is_a_reject_and_the_demand_stands(process, lang, text, demand):
    """A REJECT of a demand, offer or proposal stays an event; only rejecting a claim denies."""
    doc = process(text, lang)
    assert [e.type for e in doc.events].count("REJECT") == 1, [e.to_dict() for e in doc.events]
    assert all(e.status == "asserted" for e in doc.events if e.type == demand)


@pytest.mark.parametrize("lang, text", [
    ("de", "Russland hat die Vorwürfe zurückgewiesen, Truppen nach Syrien geschickt zu haben."),
    ("en", "Russia rejected claims that it had sent troops to Syria."),
])
def test_rejecting_a_claim_denies_it_and_is_no_event_of_its_own(process, lang, text):
    doc = process(text, lang)
    assert "REJECT" not in [e.type for e in doc.events], [e.to_dict() for e in doc.events]
    assert only(doc, "AID").status == "denied"


@pytest.mark.pipeline
def test_rejecting_criticism_is_an_act_on_it_not_its_content(process):
    """'wies die Kritik aus Brüssel zurück': the rejection answers the criticism and is told by the outlet;
    it is neither alleged by the critics nor theirs."""
    doc = process("Kobachidse wies die Kritik aus Brüssel zurück und sprach von Einmischung in innere "
                  "Angelegenheiten.", "de", "2024-12-02")
    rejects = [e for e in doc.events if e.type == "REJECT"]
    assert [({m.code for m in e.actors}, {m.code for m in e.recipients}) for e in rejects] == [({"GEO"}, {"EU"})]
    assert rejects[0].status == "asserted" and rejects[0].source is None


def _planned(words, heads, deps, pos, lemmas, act: int, morphs=None) -> bool:
    """`_is_future` of the word at `act` in a hand-built parse, the rest of the sentence as its clause."""
    import spacy
    from spacy.tokens import Doc

    from eventlens.claims.cues import load_cues
    from eventlens.claims.status import _is_future
    from eventlens.records import Event, Sentence

    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, morphs=morphs)
    ev = Event(doc_id="t", type="AID", actors=[], recipients=[], sentence=Sentence(0, 0, len(doc.text), doc.text))
    return _is_future(doc[act], [t for t in doc if t.i != act], load_cues("en").group("future"), ev)


def test_a_bare_participle_after_the_act_plans_no_act_of_its_own():
    # "The US suspended a program aimed at peace": the parse hung "aimed" on the verb; it still qualifies the
    # program, so the suspension is no plan
    words = ["The", "US", "suspended", "a", "program", "aimed", "at", "peace"]
    morphs = ["", "", "Tense=Past|VerbForm=Fin", "", "", "Tense=Past|VerbForm=Part", "", ""]
    assert not _planned(words, [1, 2, 2, 4, 2, 2, 7, 5], ["det", "nsubj", "ROOT", "det", "obj", "advcl", "case", "obl"],
                        ["DET", "PROPN", "VERB", "DET", "NOUN", "VERB", "ADP", "NOUN"],
                        ["the", "US", "suspend", "a", "program", "aim", "at", "peace"], 2, morphs)
    # with an auxiliary of its own it is a clause that may plan ("the US is aiming to suspend")
    assert _planned(["The", "US", "aims", "to", "suspend", "aid"], [1, 2, 2, 4, 2, 4],
                    ["det", "nsubj", "ROOT", "mark", "xcomp", "obj"], ["DET", "PROPN", "VERB", "PART", "VERB", "NOUN"],
                    ["the", "US", "aim", "to", "suspend", "aid"], 4)


def test_a_plan_in_a_coordinated_clause_of_its_own_plans_nothing_of_the_act():
    # "The US is providing intelligence to Macedonia, which is preparing an offensive", parsed as a conjunct
    words = ["The", "US", "is", "providing", "intelligence", "which", "is", "preparing", "an", "offensive"]
    assert not _planned(words, [1, 3, 3, 3, 3, 7, 7, 3, 9, 7],
                        ["det", "nsubj", "aux", "ROOT", "obj", "nsubj", "aux", "conj", "det", "obj"],
                        ["DET", "PROPN", "AUX", "VERB", "NOUN", "PRON", "AUX", "VERB", "DET", "NOUN"],
                        ["the", "US", "be", "provide", "intelligence", "which", "be", "prepare", "an", "offensive"], 3)
