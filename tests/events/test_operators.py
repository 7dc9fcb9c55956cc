"""Acts on acts: stopping, ending, preventing or allowing an act recodes it (events/operators.py)."""

from __future__ import annotations

import shutil

import pytest

from eventlens.errors import DataError
from eventlens.events.ontology import DATA_DIR, Ontology
from eventlens.events.operators import load_operators


def triples(doc):
    return {(e.type, frozenset(m.code for m in e.actors), frozenset(m.code for m in e.recipients)) for e in doc.events}


@pytest.mark.pipeline
@pytest.mark.parametrize("lang, text, expected", [
    # another party's act prevented: aimed at whoever was to do it
    ("en", "Belarusian police banned the planned demonstration by opposition supporters in Minsk.",
     ("COERCE", {"BLR"}, {"BLR"})),
    ("de", "Die belarussische Polizei verbot die geplante Kundgebung der Opposition in Minsk.",
     ("COERCE", {"BLR"}, {"BLR"})),
    ("fr", "La police biélorusse a interdit la manifestation de l'opposition à Minsk.", ("COERCE", {"BLR"}, {"BLR"})),
    # one's own act stopped or ended: aimed at whoever it was aimed at
    ("en", "The United States announced Wednesday it would prohibit all aid to Albanian rebels in Macedonia.",
     ("SANCTION", {"USA"}, {"ALB"})),
    ("de", "Die Bundesregierung setzte die Militärhilfe für die Türkei aus.", ("SANCTION", {"DEU"}, {"TUR"})),
    ("de", "Die Türkei stellte ihre Angriffe auf kurdische Stellungen im Irak ein.", ("RETREAT", {"TUR"}, {"IRQ"})),
    ("fr", "La Turquie a mis fin à ses frappes contre les positions kurdes en Irak.", ("RETREAT", {"TUR"}, {"IRQ"})),
    ("fr", "Israël a autorisé la livraison d'aide humanitaire à Gaza.", ("RETREAT", {"ISR"}, {"PSE"})),
    # an act or relation taken up again is that act; a joint one stays joint
    ("en", "Czechia and Albania have upgraded their diplomatic ties back up to ambassadorial level.",
     ("SUPPORT", {"CZE", "ALB"}, set())),
    ("en", "Serbia resumed talks with Kosovo on Monday.", ("CONSULT", {"SRB", "XKX"}, set())),
    ("fr", "Le Maroc a rétabli ses relations diplomatiques avec l'Iran.", ("SUPPORT", {"MAR", "IRN"}, set())),
    # the act in a clause the operator governs, hung on the operator's object by the parser
    ("en", "The Pakistani government allowed the opposition to hold a rally in Islamabad.",
     ("CONCEDE", {"PAK"}, {"PAK"})),
    # a joint act broken off is aimed at the other party; the partner may be named on the operating noun
    ("de", "Ministerpräsident Irakli Kobachidse beschloss, die Beitrittsgespräche mit der Europäischen Union "
           "auszusetzen.", ("SANCTION", {"GEO"}, {"EU"})),
    ("fr", "L'Allemagne a suspendu ses consultations gouvernementales avec Kigali.", ("SANCTION", {"DEU"}, {"RWA"})),
    # a standing relation is an act only when operated on
    ("en", "The United States suspended its strategic partnership with Georgia on Saturday.",
     ("SANCTION", {"USA"}, {"GEO"})),
    ("de", "Die Vereinigten Staaten hatten bereits am Samstag ihre strategische Partnerschaft mit Georgien ausgesetzt.",
     ("SANCTION", {"USA"}, {"GEO"})),
    ("fr", "Les États-Unis ont suspendu leur partenariat stratégique avec la Géorgie samedi.",
     ("SANCTION", {"USA"}, {"GEO"})),
    # an act ordered is the orderer's, aimed where the act is
    ("en", "The Turkish government ordered air strikes on Kurdish positions in northern Iraq.",
     ("ASSAULT", {"TUR"}, {"IRQ"})),
    ("de", "Der russische Präsident ordnete die Verlegung von Truppen an die ukrainische Grenze an.",
     ("MOBILIZE", {"RUS"}, {"UKR"})),
    ("fr", "Le président français a ordonné des frappes contre les positions de l'État islamique en Syrie.",
     ("ASSAULT", {"FRA"}, {"ISIS"})),
    ("en", "The IMF approved a new loan for Egypt on Friday.", ("AID", {"IMF"}, {"EGY"})),
    # supplies are goods until cut or resumed: then deliveries operated on
    ("en", "Russia cut gas supplies to Ukraine on Monday.", ("SANCTION", {"RUS"}, {"UKR"})),
    ("en", "Moscow resumed gas supplies to Moldova after a week.", ("AID", {"RUS"}, {"MDA"})),
    ("de", "Russland hat die Gasversorgung der Ukraine am Montag eingestellt.", ("SANCTION", {"RUS"}, {"UKR"})),
    ("fr", "La Russie a coupé l'approvisionnement en gaz de l'Ukraine lundi.", ("SANCTION", {"RUS"}, {"UKR"})),
    ("fr", "Moscou a repris l'approvisionnement de la Moldavie en gaz.", ("AID", {"RUS"}, {"MDA"})),
])
def test_an_act_operated_on_becomes_the_act_its_operator_makes(process, lang, text, expected):
    etype, actors, recipients = expected
    found = triples(process(text, lang))
    assert found == {(etype, frozenset(actors), frozenset(recipients))}, found


@pytest.mark.pipeline
def test_an_attack_prevented_is_no_attack(process):
    doc = process("Egyptian security forces foiled an attack by militants on the Israeli embassy in Cairo.", "en")
    assert "ASSAULT" not in {e.type for e in doc.events}, [e.to_dict() for e in doc.events]


@pytest.mark.pipeline
@pytest.mark.parametrize("text", [
    "The Security Council ended its visit to Sudan on Friday.",
    # negotiations carry their own CAMEO code (046), not mediation's (045), whose ending halts it
    "Serbia and Kosovo ended their negotiations in Brussels on Friday.",
])
def test_a_visit_that_ends_is_still_a_visit(process, text):
    doc = process(text, "en")
    assert {e.type for e in doc.events} == {"CONSULT"}, [e.to_dict() for e in doc.events]


def test_every_shipped_outcome_is_a_plover_type_and_mode():
    table = load_operators(Ontology.load())
    assert table.outcome("stop", "AID", None).type == "SANCTION"
    assert table.outcome("end", "COERCE", "curfew").type == "CONCEDE"  # easing a curfew is a concession
    assert table.outcome("end", "COERCE", "restrict", "191").type == "RETREAT"  # a CAMEO code's row wins
    assert table.outcome("end", "COERCE", "arrest").type == "CONCEDE"
    assert table.outcome("prevent", "ASSAULT", None).type is None  # the act did not happen
    assert table.outcome("end", "CONSULT", "visit") is None  # no row: the act stays as coded
    assert table.outcome("order", "ASSAULT", "aerial").type == "ASSAULT"  # 'same': every act stands


@pytest.mark.parametrize("entry, problem", [
    ("    AID: {type: GIVE}", "outcome"),
    ("    AID: {type: SANCTION, mode: bombing}", "mode"),
    ("    AIDE: drop", "PLOVER type"),
    ("    AID: {type: SANCTION, cameo: \"999\"}", "CAMEO"),
])
def test_a_bad_table_entry_names_the_file_and_the_problem(tmp_path, entry, problem):
    path = tmp_path / "operators.yaml"
    shutil.copy(DATA_DIR / "operators.yaml", path)
    path.write_text(path.read_text(encoding="utf-8") + f"  broken:\n{entry}\n", encoding="utf-8")
    with pytest.raises(DataError, match=problem) as err:
        load_operators(Ontology.load(), path)
    assert "operators.yaml" in str(err.value)


@pytest.mark.pipeline
def test_approving_another_partys_act_does_not_make_it_ones_own(process):
    doc = process("The United States approved Israel's strikes on Hezbollah positions in Lebanon.", "en")
    assert not any(e.type == "ASSAULT" and {m.code for m in e.actors} == {"USA"} for e in doc.events), [
        e.to_dict() for e in doc.events]


@pytest.mark.pipeline
@pytest.mark.parametrize("lang, text", [
    ("en", "The army received fresh supplies from Iran."),
    ("de", "Die Versorgung der Stadt mit Wasser ist schwierig."),
])
def test_supplies_merely_named_are_no_act(process, lang, text):
    doc = process(text, lang)
    assert not any(e.rule is not None and e.rule.lemma.lower() in ("supply", "versorgung") for e in doc.events), [
        e.to_dict() for e in doc.events]


@pytest.mark.pipeline
def test_a_standing_relation_named_is_no_act(process):
    doc = process("Germany and France praised their close partnership.", "en")
    assert "COOPERATE" not in {e.type for e in doc.events}, [e.to_dict() for e in doc.events]


@pytest.mark.pipeline
@pytest.mark.parametrize("lang, text", [
    ("en", "The United Nations withdrew its observers from Mali on Friday."),
    ("de", "Die Vereinten Nationen zogen ihre Beobachter aus Mali ab."),
    ("fr", "L'ONU a retiré ses observateurs du Mali."),
])
def test_withdrawing_observers_is_a_sanction_on_the_host(process, lang, text):
    # an international involvement ended (CAMEO 1662), not a military retreat
    assert ("SANCTION", frozenset({"UN"}), frozenset({"MLI"})) in triples(process(text, lang))


@pytest.mark.pipeline
@pytest.mark.parametrize("lang, text", [
    ("en", "The army lifted the curfew it had imposed on Batumi."),
    ("de", "Die Armee hob die über Batumi verhängte Ausgangssperre auf."),
    ("fr", "L'armée a levé le couvre-feu imposé à Batoumi."),
])
def test_easing_a_curfew_is_a_concession(process, lang, text):
    # the codebook's CONCEDE: "easing of administrative or legal restrictions ..., removing curfews"
    assert {e.type for e in process(text, lang).events} == {"CONCEDE"}


@pytest.mark.pipeline
@pytest.mark.parametrize("lang, text", [
    ("en", "The Arab League ended its mediation between Syria and Lebanon."),
    ("de", "Die Arabische Liga beendete ihre Vermittlung zwischen Syrien und dem Libanon."),
    ("fr", "La Ligue arabe a mis fin à sa médiation entre la Syrie et le Liban."),
])
def test_ending_ones_mediation_halts_it(process, lang, text):
    # CAMEO 165 "halt mediation": a SANCTION, though a visit or talks that end remain consultation
    assert triples(process(text, lang)) == {("SANCTION", frozenset({"ARL"}), frozenset({"SYR", "LBN"}))}


@pytest.mark.pipeline
def test_easing_a_military_blockade_is_a_retreat(process):
    # CAMEO 0872 "ease military blockade", where easing another restriction is a concession
    doc = process("The Israeli army eased the blockade of Gaza on Friday.", "en")
    assert triples(doc) == {("RETREAT", frozenset({"ISR"}), frozenset({"PSE"}))}


@pytest.mark.pipeline
@pytest.mark.parametrize("lang, text", [
    ("en", "The Pakistani government ordered police patrols in Karachi."),
    ("de", "Die pakistanische Regierung ordnete Patrouillen in Karachi an."),
    ("fr", "Le gouvernement pakistanais a ordonné des patrouilles à Karachi."),
])
def test_patrols_ordered_are_the_orderers_show_of_force(process, lang, text):
    # patrols are a police or military move short of force (MOBILIZE); the one who orders them makes it
    assert triples(process(text, lang)) == {("MOBILIZE", frozenset({"PAK"}), frozenset())}


@pytest.mark.pipeline
@pytest.mark.parametrize("lang, text", [
    ("en", "The Thai government lifted the emergency measures in Bangkok on Tuesday."),
    ("de", "Die thailändische Regierung hob die Notstandsmaßnahmen in Bangkok auf."),
    ("fr", "Le gouvernement thaïlandais a levé les mesures d'urgence à Bangkok."),
])
def test_emergency_measures_eased_are_a_concession(process, lang, text):
    assert triples(process(text, lang)) == {("CONCEDE", frozenset({"THA"}), frozenset({"THA"}))}


@pytest.mark.pipeline
def test_emergency_measures_merely_named_are_no_act(process):
    doc = process("The Thai government discussed the emergency measures in Bangkok on Tuesday.", "en")
    assert "COERCE" not in {e.type for e in doc.events}, [e.to_dict() for e in doc.events]


@pytest.mark.pipeline
def test_an_operator_the_tagger_took_for_an_adjective_still_operates(process):
    # "eased/ADJ emergency measures/ROOT": the parse lost the verb; the other act in the sentence stays
    doc = process("Serbia eased emergency measures on Wednesday in Montenegro province, the scene of ethnic violence "
                  "last March, as authorities in Croatia cracked down on Serbian nationalists.", "en")
    found = triples(doc)
    assert ("CONCEDE", frozenset({"SRB"}), frozenset({"MNE"})) in found, found
    assert any(t[0] == "COERCE" and t[1] == frozenset({"HRV"}) for t in found), found


@pytest.mark.pipeline
@pytest.mark.parametrize("lang, text", [
    ("en", "The army lifted the curfew it had imposed on Batumi."),
    ("fr", "Le président géorgien a levé le couvre-feu imposé après les émeutes."),
])
def test_a_curfew_eased_concedes_to_the_easing_states_own_people(process, lang, text):
    # no place named, or none the parse ties to the curfew: it weighed on the state's own people (X -> X)
    assert triples(process(text, lang)) == {("CONCEDE", frozenset({"GEO"}), frozenset({"GEO"}))}


@pytest.mark.pipeline
@pytest.mark.parametrize("lang, text", [
    ("en", "Nigerian teachers called off their strike on Thursday."),
    ("de", "Nigerianische Lehrer brachen ihren Streik am Donnerstag ab."),
    ("fr", "Les enseignants nigérians ont suspendu leur manifestation jeudi."),
])
def test_a_protest_called_off_concedes_to_the_protesters_own_state(process, lang, text):
    # easing dissent (CAMEO 082) is aimed where the protest was: with no target named, the protesters' state
    assert triples(process(text, lang)) == {("CONCEDE", frozenset({"NGA"}), frozenset({"NGA"}))}


@pytest.mark.pipeline
def test_the_half_of_a_hyphenated_word_operates_on_nothing(process):
    # "open-ended" says how long the strike may last, not that it ended
    doc = process("Dockers in Marseille began an open-ended strike against the French government on Monday.", "en")
    assert not {"CONCEDE", "RETREAT"} & {e.type for e in doc.events}, [e.to_dict() for e in doc.events]
