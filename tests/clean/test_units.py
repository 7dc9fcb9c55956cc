"""Glued words, spacing, normalisation, data validation, language id, duplicates."""

from __future__ import annotations

import pytest

from eventlens.clean import NearDuplicateIndex, clean, detect_language, detect_paragraph_languages
from eventlens.clean.data import parse_patterns
from eventlens.errors import DataError
from eventlens.records import Article, content_hash


def _clean(text: str, lang: str = "de") -> str:
    return clean(Article(doc_id="t", text=text, lang=lang)).text


@pytest.mark.parametrize(("lang", "raw", "want"), [
    ("de", "Der Kanzler sprach mit derBundesregierung über Hilfe.", "mit der Bundesregierung"),
    ("de", "Soldaten, um zu helfen, cKampf gegen die Ukraine.", "helfen, Kampf gegen"),
    ("en", "The president met theMinister of Defence on Monday.", "the Minister of Defence"),
    ("fr", "Le président a rencontré leMinistre de la Défense lundi.", "le Ministre"),
    ("de", "Die Hilfe wurde geliefert.Das Ministerium bestätigte es.", "geliefert. Das Ministerium"),
    ("de", "Die Hilfe,die versprochen war, kam an.", "Hilfe, die versprochen"),
])
def test_glue_and_spacing_repaired(lang, raw, want):
    assert want in _clean(raw, lang)


@pytest.mark.parametrize(("lang", "raw"), [
    ("en", "McDonald said the new iPhone is sold on eBay and YouTube in the U.S. and the U.K. today."),
    ("de", "McDonald's verkauft das iPhone nicht, sagte Ursula von der Leyen in Berlin."),
    ("en", "Visit www.example.org/News or write to press@Example.org and see 3.5.Figures on page 2,5."),
    ("fr", "L'État a annoncé que l'OTAN et l'ONU avaient été informés."),
    ("en", "The PhD student met DeSantis and MacKenzie in the iOS lab."),
])
def test_names_and_camelcase_stay_whole(lang, raw):
    assert _clean(raw, lang) == raw


def test_normalisation_quotes_dashes_soft_hyphen_nfc_whitespace():
    raw = "Er sagte: „Wir\u00a0kommen“ \u2014 und ging.\u00ad Unter\u00adstützung für Cafe\u0301s\tund  mehr."
    out = _clean(raw)
    assert out == 'Er sagte: "Wir kommen" \u2013 und ging. Unterstützung für Cafés und mehr.'


def test_hard_wrapped_lines_joined_and_subheading_kept_apart():
    raw = ("Die Regierung hat am Montag neue Sanktionen gegen mehrere Unter-\n"
           "nehmen beschlossen, die Waffenteile an Russland geliefert haben\n"
           "sollen. Das teilte das Ministerium mit.\n"
           "\n"
           "Reaktionen\n"
           "Die Opposition begrüßte den Schritt, forderte aber weitere Maßnahmen.\n")
    out = _clean(raw)
    assert out.split("\n\n") == [
        "Die Regierung hat am Montag neue Sanktionen gegen mehrere Unternehmen beschlossen, die Waffenteile "
        "an Russland geliefert haben sollen. Das teilte das Ministerium mit.",
        "Reaktionen",
        "Die Opposition begrüßte den Schritt, forderte aber weitere Maßnahmen.",
    ]


def test_header_title_repeated_in_body_is_kept_once():
    text = "title: Gipfel in Rom\nlang: de\n\nGipfel in Rom\n\nGipfel in Rom\nDie Minister trafen sich.\n"
    a = Article(doc_id="t", text=text, title="Gipfel in Rom", lang="de", body_start=text.index("Gipfel in Rom\n\n"))
    ct = clean(a)
    assert ct.text == "Gipfel in Rom\n\nDie Minister trafen sich."
    assert ct.offsets[0] == a.body_start
    assert [e.kind for e in ct.removals] == ["repeated_title"]


def test_a_real_sentence_starting_like_boilerplate_is_kept():
    raw = ("Weiter sagte der Minister, die Lage sei ernst.\n\nShare prices fell sharply on Monday.\n\n"
           "Next week the ministers will meet again in Brussels.\n\nVon Berlin aus reiste er weiter nach Kiew.")
    out = _clean(raw, "de")
    assert out == raw


def test_bad_pattern_file_names_file_line_and_field(tmp_path):
    p = tmp_path / "boilerplate.yaml"
    p.write_text("schema: 1\npatterns:\n  - kind: teaser\n    pattern: '^ok'\n  - kind: teaser\n    pattern: '^(broken'\n")
    with pytest.raises(DataError) as info:
        parse_patterns(p)
    msg = str(info.value)
    assert str(p) in msg and ":5:" in msg and "'pattern'" in msg
    p.write_text("schema: 1\npatterns:\n  - kind: nonsense\n    pattern: '^x'\n")
    with pytest.raises(DataError, match="kind"):
        parse_patterns(p)
    p.write_text("patterns: []\n")
    with pytest.raises(DataError, match="schema"):
        parse_patterns(p)


@pytest.mark.parametrize(("text", "lang"), [
    ("Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen.", "de"),
    ("The government announced new sanctions against Russia on Monday.", "en"),
    ("Le gouvernement a annoncé lundi de nouvelles sanctions contre la Russie.", "fr"),
    ("El Gobierno anunció el lunes nuevas sanciones contra Rusia.", "es"),
    ("Il governo ha annunciato lunedì nuove sanzioni contro la Russia.", "it"),
])
def test_language_detection(text, lang):
    got, conf = detect_language(text)
    assert got == lang and 0.5 < conf <= 1.0


def test_language_detection_nothing_to_go_on():
    assert detect_language("  123 -- ") == ("und", 0.0)


def test_paragraph_languages():
    text = ("Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen.\n\n"
            "The government announced new sanctions against Russia on Monday, officials said.")
    paras = detect_paragraph_languages(text)
    assert [p[2] for p in paras] == ["de", "en"]
    assert text[paras[1][0]:paras[1][1]].startswith("The government")


def test_near_duplicates_and_exact_hash():
    story = ("The European Union agreed on Monday to impose new sanctions on Russian oil exports, diplomats "
             "said after a meeting of foreign ministers in Brussels that lasted six hours. The package includes a "
             "price cap on crude shipped by sea and a ban on insurance for tankers. Hungary had blocked the "
             "decision for weeks and only gave way after an exemption for pipeline oil was added. Ukraine's "
             "foreign minister welcomed the decision but said it came too late. Russia's foreign ministry "
             "called the sanctions illegal and promised a response.")
    edited = story.replace("six hours", "seven hours").replace("too late", "very late")
    other = "Thousands of people protested in Paris against the pension reform on Saturday, police said. " * 2
    idx = NearDuplicateIndex(threshold=0.6)
    assert idx.add("a", story) is None
    assert idx.add("b", other) is None
    assert idx.add("c", edited) == "a"
    assert content_hash(story) == content_hash("  " + story.upper().replace(" ", "\n "))
    assert content_hash(story) != content_hash(edited)


def test_runs_of_plain_characters_keep_their_offsets_beside_mapped_ones():
    from eventlens.clean import clean
    from eventlens.records import Article

    text = "Die  Regierung\u00a0hat  die Waf\u00adfen „geliefert“ – sagte er.\nNeue Zeile"
    ct = clean(Article(doc_id="runs", text=text))
    assert ct.text == 'Die Regierung hat die Waffen "geliefert" – sagte er. Neue Zeile'
    # each kept character maps to the original one it came from: the first of two spaces, the no-break
    # space, and the letters either side of the dropped soft hyphen
    assert [ct.offsets[i] for i in (3, 4, 13, 17, 18, 24, 25)] == [3, 5, 14, 18, 20, 26, 28]
    assert all(text[ct.offsets[i]] == ch for i, ch in enumerate(ct.text) if ch.isalnum())
