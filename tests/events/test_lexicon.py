"""Trigger and context lexicons of every language: coverage, validation, lookups."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventlens.errors import DataError
from eventlens.events.lexicon import LANG_DIR, load_contexts, load_triggers
from eventlens.events.ontology import Ontology

LANGS = ("de", "en", "fr")
MIN_ENTRIES = 300
MIN_PER_TYPE = 15
# Verbs of saying are the claims stage's business, never event triggers on their own.
SPEECH = {"de": {"sagen", "erklären", "betonen", "mitteilen", "sprechen", "äußern", "meinen"},
          "en": {"say", "tell", "state", "add", "note", "speak", "remark"},
          "fr": {"dire", "déclarer", "affirmer", "ajouter", "souligner", "indiquer", "parler"}}


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


@pytest.fixture(scope="module")
def lexicons(onto):
    return {lang: load_triggers(lang, onto) for lang in LANGS}


@pytest.mark.parametrize("lang", LANGS)
def test_every_type_covered_and_enough_entries(lexicons, onto, lang):
    lex = lexicons[lang]
    assert len(lex.entries) >= MIN_ENTRIES, f"{lang}: only {len(lex.entries)} triggers"
    counts = {t: len(lex.by_type(t)) for t in onto.types}
    thin = {t: n for t, n in counts.items() if n < MIN_PER_TYPE}
    assert not thin, f"{lang}: too few triggers for {thin}"
    assert any(t.pos == "NOUN" and t.with_ for t in lex.entries), "light-verb constructions expected"


@pytest.mark.parametrize("lang", LANGS)
def test_no_plain_speech_verbs(lexicons, lang):
    for t in lexicons[lang].entries:
        assert not (t.lemma in SPEECH[lang] and not t.with_), f"{lang}:{t.line}: {t.lemma} is a verb of saying"


@pytest.mark.parametrize("lang", LANGS)
def test_verb_lemmas_are_lower_case(lexicons, lang):
    for t in lexicons[lang].entries:
        if t.pos == "VERB":
            assert t.lemma == t.lemma.lower(), f"{lang}:{t.line}: {t.lemma}"


@pytest.mark.parametrize(("lang", "lemma", "type_", "mode"), [
    ("de", "bombardieren", "ASSAULT", "aerial"),
    ("de", "vorwerfen", "ACCUSE", "allege"),
    ("de", "ablehnen", "REJECT", None),
    ("en", "bomb", "ASSAULT", "aerial"),
    ("en", "visit", "CONSULT", "visit"),
    ("en", "accuse", "ACCUSE", "allege"),
    ("fr", "bombarder", "ASSAULT", "aerial"),
    ("fr", "menacer", "THREATEN", None),
])
def test_known_triggers(lexicons, lang, lemma, type_, mode):
    hits = lexicons[lang].by_lemma(lemma)
    assert any(t.type == type_ and t.mode == mode for t in hits), hits


def test_light_verb_and_separable_entries(lexicons):
    de = lexicons["de"]
    sanction = [t for t in de.by_lemma("sanktion") if "verhängen" in t.with_]  # case-insensitive lookup
    assert sanction and sanction[0].type == "SANCTION" and sanction[0].actor == ("head_subj",)
    assert any(t.with_ == ("vor",) and t.type == "ACCUSE" for t in de.by_lemma("werfen"))
    assert any("leisten" in t.with_ and t.type == "AID" for t in de.by_lemma("Unterstützung"))
    assert any("mener" in t.with_ and t.type == "ASSAULT" for t in lexicons["fr"].by_lemma("frappe"))
    assert any("impose" in t.with_ and t.type == "SANCTION" for t in lexicons["en"].by_lemma("sanction"))


def test_trigger_fields_are_resolved(lexicons):
    t = next(t for t in lexicons["en"].by_lemma("bomb") if t.pos == "VERB")
    assert t.cameo == "195" and t.actor == ("subj",) and t.line > 0 and t.id.startswith("en:")
    meet = next(t for t in lexicons["en"].by_lemma("meet") if t.type == "CONSULT")
    assert meet.reciprocal


def test_ids_unique(lexicons):
    for lex in lexicons.values():
        ids = [t.id for t in lex.entries]
        assert len(ids) == len(set(ids))


def _write(tmp_path: Path, lang: str, body: str) -> Path:
    p = tmp_path / "triggers.yaml"
    p.write_text(f"schema: 1\nlang: {lang}\ntriggers:\n" + body, encoding="utf-8")
    return p


GOOD = "- {lemma: attack, pos: VERB, type: ASSAULT, actor: [subj], recipient: [obj]}\n"


@pytest.mark.parametrize(("bad", "field"), [
    ("- {lemma: attack, pos: VERB, type: ATTACK, actor: [subj]}\n", "type"),
    ("- {lemma: attack, pos: VERB, type: ASSAULT, mode: hover, actor: [subj]}\n", "mode"),
    ("- {lemma: attack, pos: VRB, type: ASSAULT, actor: [subj]}\n", "pos"),
    ("- {lemma: attack, pos: VERB, type: ASSAULT, actor: [subject]}\n", "actor"),
    ("- {lemma: attack, pos: VERB, type: ASSAULT, actor: [subj], recipient: [obl]}\n", "recipient"),
    ("- {lemma: attack, pos: VERB, type: ASSAULT, actor: [subj], contexts: [weather]}\n", "contexts"),
    ("- {lemma: attack, pos: VERB, type: ASSAULT, actor: [subj], reciprocal: maybe}\n", "reciprocal"),
    ("- {lemma: attack, pos: VERB, type: ASSAULT, actor: [subj], cameo: '999'}\n", "cameo"),
    ("- {lemma: attack, pos: VERB, type: ASSAULT, recipient: [obj]}\n", "actor"),
    ("- {lemma: attack, pos: VERB, type: ASSAULT, actr: [subj]}\n", "actr"),
    ("- {lemma: launch attack, pos: VERB, type: ASSAULT, actor: [subj]}\n", "lemma"),
    ("- {lemma: launch, pos: VERB, with: [air strike], type: ASSAULT, actor: [subj]}\n", "with"),
    ("- {lemma: call, pos: VERB, with: [off], type: REJECT, actor: [subj]}\n", "with"),
    ("- {lemma: meet, pos: VERB, with: [nsubj:demand], type: CONCEDE, actor: [subj]}\n", "with"),
    ("- {lemma: welcome, pos: VERB, with: [case:to], type: CONSULT, actor: [obj]}\n", "with"),
    ("- {lemma: send, pos: VERB, unless: [nsubj:signal], type: AID, actor: [subj]}\n", "unless"),
    (GOOD, "id"),  # the same entry twice
])
def test_malformed_entry_names_file_line_field(tmp_path, onto, bad, field):
    path = _write(tmp_path, "en", GOOD + bad)
    with pytest.raises(DataError) as err:
        load_triggers("en", onto, path=path)
    e = err.value
    assert e.path == str(path) and e.line == 5  # schema, lang, triggers:, first entry, then the bad one
    assert f"field '{field}'" in str(e)
    assert str(e).startswith(f"error[E501] {path}:5: ")


def test_multiline_entry_points_at_the_field_line(tmp_path, onto):
    body = "- lemma: attack\n  pos: VERB\n  type: ASSAULT\n  mode: hover\n  actor: [subj]\n"
    path = _write(tmp_path, "en", body)
    with pytest.raises(DataError) as err:
        load_triggers("en", onto, path=path)
    assert err.value.line == 7


def test_wrong_language_and_schema(tmp_path, onto):
    with pytest.raises(DataError, match="lang"):
        load_triggers("de", onto, path=_write(tmp_path, "en", GOOD))
    p = tmp_path / "x.yaml"
    p.write_text("lang: en\nschema: 1\ntriggers: []\n", encoding="utf-8")
    with pytest.raises(DataError, match="schema"):
        load_triggers("en", onto, path=p)


def test_yaml_syntax_error_names_line(tmp_path, onto):
    path = _write(tmp_path, "en", GOOD + "- {lemma: attack, pos: VERB\n")
    with pytest.raises(DataError) as err:
        load_triggers("en", onto, path=path)
    assert err.value.code == "E502" and err.value.line is not None


@pytest.mark.parametrize(("lang", "lemmas", "context"), [
    ("de", ["die", "Armee", "greifen", "mit", "Drohne", "an"], "military"),
    ("de", ["Sanktion", "gegen", "der", "Zentralbank"], "economic"),
    ("en", ["the", "foreign", "minister", "meet", "the", "ambassador"], "diplomatic"),
    ("en", ["a", "chemical", "weapon", "attack"], "cbrn"),
    ("fr", ["le", "organisation", "de", "défense", "de", "le", "droit", "de", "le", "homme"], "human_rights"),
    ("fr", ["le", "force", "armé", "russe"], "military"),
])
def test_contexts_for(lang, lemmas, context):
    assert context in load_contexts(lang).contexts_for(lemmas)


def test_contexts_for_nothing():
    assert load_contexts("en").contexts_for([]) == []
    assert load_contexts("en").contexts_for(["the", "cat", "sleep"]) == []


def test_german_compounds_take_the_context_of_their_last_part():
    de = load_contexts("de")
    assert de.contexts_for(["Flugabwehrrakete"]) == ["military"]
    assert de.contexts_for(["Kampfdrohne"]) == ["military"]
    assert de.contexts_for(["Handelskrieg"]) == ["economic"]  # listed itself: its own context wins
    assert de.contexts_for(["Großwetterlage"]) == []
    # English writes its compounds apart: no suffix matching there
    assert load_contexts("en").contexts_for(["antimissile"]) == []


def test_seed_sentence_splits_economic_support_from_missiles(process):
    doc = process("Russland habe Nordkorea wirtschaftliche Unterstützung und Flugabwehrraketen bereitgestellt, "
                  "sagte der Sicherheitsberater.", lang="de")
    aid = [e for e in doc.events if e.type == "AID"]
    assert sorted(c for e in aid for c in e.contexts[:1]) == ["economic", "military"]


@pytest.mark.parametrize(("lang", "text", "line", "named"), [
    ("en", "contexts:\n  military: [army]\n  weather: [rain]\n", 5, "weather"),
    ("de", "compound_heads: yes\ncontexts:\n  military: [Rakete]\n", 3, "compound_heads"),
])
def test_context_file_validation(tmp_path, lang, text, line, named):
    p = tmp_path / "contexts.yaml"
    p.write_text(f"schema: 1\nlang: {lang}\n{text}", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_contexts(lang, str(p))
    assert err.value.line == line and named in str(err.value)


def test_every_language_folder_has_both_files():
    for lang in LANGS:
        assert (LANG_DIR / lang / "triggers.yaml").exists()
        assert (LANG_DIR / lang / "contexts.yaml").exists()


@pytest.mark.parametrize("lang, text, actor, recipient", [
    ("de", "Die serbische Regierung hat Munition an die Ukraine verkauft.", "SRB", "UKR"),
    ("en", "France sold fighter jets to India last year.", "FRA", "IND"),
    ("fr", "La Russie a vendu des missiles à l'Iran.", "RUS", "IRN"),
])
def test_arms_sold_to_a_state_are_military_aid(process, lang, text, actor, recipient):
    aid = [e for e in process(text, lang=lang).events if e.type == "AID"]
    assert [(e.actors[0].code, e.recipients[0].code, e.contexts[:1]) for e in aid] == [(actor, recipient, ["military"])]


def test_a_plain_sale_is_no_event(process):
    assert [e.type for e in process("Germany sold more cars to China last year.", lang="en").events] == []


@pytest.mark.parametrize("lang, text, actor, recipient", [
    ("de", "An der Grenze zu Litauen wurden belarussische Einheiten zusammengezogen.", "BLR", "LTU"),
    ("en", "Russian troops were deployed to the Belarusian border on Monday.", "RUS", "BLR"),
])
def test_forces_moved_with_no_doer_named_are_their_states(process, lang, text, actor, recipient):
    # troops moved are their own state's: the passive's subject names the mobilising side
    mob = [e for e in process(text, lang=lang).events if e.type == "MOBILIZE"]
    assert [(e.actors[0].code, [m.code for m in e.recipients]) for e in mob] == [(actor, [recipient])]


def test_calls_by_someone_are_theirs(process):
    # the doer of an event noun may follow "by": the calls are Belarus's, whoever rejects them
    events = process("Germany on Monday rejected calls by the Belarusian government for economic aid.", lang="en").events
    assert [[m.code for m in e.actors] for e in events if e.type == "REQUEST"] == [["BLR"]]
