"""The actor dictionary: shipped tables load fast and validate; user files add, override and fail clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from eventlens.actors import ActorDictionary, resolve_text
from eventlens.errors import DataError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


def test_dictionary_is_complete(dictionary):
    # load time is a number `eventlens bench` prints, not a timed test
    states = [a for a in dictionary.actors.values() if a.kind == "state"]
    assert len(states) >= 240
    assert sum(len(t) for t in dictionary.persons.values()) >= 1000


@pytest.mark.parametrize("lang,text,code", [
    ("de", "Großbritannien", "GBR"), ("de", "Russlands", "RUS"), ("de", "Weißrussland", "BLR"),
    ("en", "the UK", "GBR"), ("en", "South Korean", "KOR"), ("fr", "sud-coréenne", "KOR"),
    ("fr", "Royaume-Uni", "GBR"), ("es", "norcoreanos", "PRK"), ("it", "nordcoreane", "PRK"),
    ("de", "südkoreanischem", "KOR"), ("ru", "Россия", "RUS"), ("de", "IStGH", "ICC"),
    ("fr", "CPI", "ICC"), ("en", "Brussels", "EU"), ("de", "Kiew", "UKR"), ("en", "Kyiv", "UKR"),
    ("en", "Kiev", "UKR"), ("de", "Peking", "CHN"), ("fr", "l'Élysée", "FRA"),
])
def test_surface_forms(dictionary, lang, text, code):
    ms = resolve_text(text, lang, "2024-11-22", dictionary)
    assert ms and ms[-1].code == code


def test_acronyms_only_match_in_capitals(dictionary):
    assert [m.code for m in resolve_text("Tell us who is there.", "en", None, dictionary)] == []
    assert [m.code for m in resolve_text("The US and the WHO met.", "en", None, dictionary)] == ["USA", "WHO"]


def test_office_holders_resolve_as_of_the_date(dictionary):
    in_office = resolve_text("Präsident Yoon sagte", "de", "2024-05-01", dictionary)
    assert (in_office[0].code, in_office[0].sector, in_office[0].role) == ("KOR", "GOV", "president")
    later = resolve_text("Präsident Yoon sagte", "de", "2030-01-01", dictionary)
    assert later[0].code == "KOR" and later[0].sector is None and later[0].role == "former president"
    before = resolve_text("Yoon Suk Yeol sagte", "de", "2010-01-01", dictionary)
    assert before[0].role is None


def test_user_file_adds_and_overrides():
    d = ActorDictionary.load([str(ROOT / "examples" / "my_actors.yaml")])
    ms = resolve_text("Die Wagner-Gruppe und der Acme-Rüstungskonzern; Verteidigungsministerin Jane Example.",
                      "de", "2024-11-22", d)
    got = {(m.text, m.code, m.sector) for m in ms}
    assert ("Wagner-Gruppe", "RUS", "MIL") in got
    assert ("Acme-Rüstungskonzern", "ACME", "BUS") in got
    assert ("Jane Example", "GBR", "GOV") in got


@pytest.mark.parametrize("body,line,field", [
    ("schema: 1\noffice_holders:\n  - person: X Y\n    code: GBR\n    sector: GOVT\n", 3, "sector"),
    ("schema: 1\noffice_holders:\n  - person: X Y\n    code: GBR\n    start: 2024-13\n", 3, "start"),
    # a full date YAML would turn into a date object (and fail without a line) is checked like any other
    ("schema: 1\noffice_holders:\n  - person: X Y\n    code: GBR\n    start: 2024-13-45\n", 3, "start"),
    ("schema: 1\nactors:\n  FOO:\n    code: foo\n    name: Foo\n", 3, "FOO.code"),
    ("schema: 1\nactors:\n  FOO:\n    code: FOO\n", 3, "FOO.name"),
    ("schema: 2\n", 1, "schema"),
])
def test_bad_user_file_names_file_line_and_field(tmp_path, body, line, field):
    path = tmp_path / "mine.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError) as err:
        ActorDictionary.load([str(path)])
    assert err.value.path == str(path) and err.value.line == line
    assert f"'{field}'" in str(err.value)


def test_unparsable_user_file(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("schema: 1\nactors: [\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        ActorDictionary.load([str(path)])
    assert err.value.code == "E402" and str(path) in str(err.value)


def test_cli_prints_json_lines():
    from eventlens.cli import main

    result = CliRunner().invoke(main, ["actors", "resolve", "Moskau rüstet Nordkorea aus", "--lang", "de"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert '"code": "RUS"' in lines[0] and '"start": 0' in lines[0] and '"code": "PRK"' in lines[1]


def test_states_carry_wikidata_ids(dictionary):
    states = [a for a in dictionary.actors.values() if a.kind == "state"]
    assert sum(1 for a in states if a.wikidata) >= 193
    for code, qid in (("DEU", "Q183"), ("FRA", "Q142"), ("RUS", "Q159"), ("USA", "Q30"), ("PRK", "Q423"),
                      ("KOR", "Q884"), ("UKR", "Q212"), ("CHN", "Q148")):
        assert dictionary.actors[code].wikidata == qid
    ms = resolve_text("Nordkorea", "de", "2024-11-22", dictionary)
    assert ms[0].wikidata == "Q423"


@pytest.mark.pipeline
def test_a_state_glued_before_a_topic_noun_is_no_party(process):
    """'die Russland-Politik von Fico' names Russia as a topic; 'EU-Kommission' still names the EU."""
    doc = process("Zehntausende Menschen protestierten gegen die Russland-Politik von Ministerpräsident "
                  "Robert Fico. Die EU-Kommission schwieg.", "de", "2025-01-17")
    codes = [m.code for m in doc.mentions]
    assert "RUS" not in codes and "SVK" in codes and "EU" in codes


@pytest.mark.pipeline
def test_a_counterpart_belongs_to_the_other_state_of_its_sentence(process):
    """'son homologue Ahmed Attaf', received in Algiers by him: Algeria's, not unknown."""
    doc = process("Le chef de la diplomatie française, Jean-Noël Barrot, a été reçu dimanche à Alger par son "
                  "homologue Ahmed Attaf.", "fr", "2025-04-06")
    assert {m.text: m.code for m in doc.mentions}.get("Ahmed Attaf") == "DZA"


@pytest.mark.pipeline
def test_a_state_adjective_after_a_body_name_decides_its_state(process):
    """'l'Assemblée nationale sénégalaise' is Senegal's parliament, though France's has that name."""
    doc = process("L'Assemblée nationale sénégalaise a adopté mercredi une loi d'amnistie.", "fr", "2024-03-06")
    assert [m.code for m in doc.mentions] == ["SEN"]


@pytest.mark.pipeline
def test_an_adjective_after_two_coordinated_nouns_is_the_state_of_both(process):
    """'responsables et entreprises iraniens': the officials are Iranian too, and the sanction hits Iran."""
    doc = process("L'UE a sanctionné plusieurs responsables et entreprises iraniens.", "fr", "2024-10-18")
    codes = {m.text: m.code for m in doc.mentions}
    assert codes.get("responsables") == "IRN" and codes.get("entreprises iraniens") == "IRN"
    sanction = [e for e in doc.events if e.type == "SANCTION"]
    assert sanction and {m.code for m in sanction[0].recipients} == {"IRN"}


@pytest.mark.parametrize("lang, text, form", [
    ("de", "Die Staatsanwaltschaft hat Ermittlungen gegen zwei Oppositionspolitiker aufgenommen.", "Oppositionspolitiker"),
    ("en", "Prosecutors opened an investigation into two opposition politicians.", "opposition politicians"),
])
def test_a_role_word_with_no_name_after_it_is_still_people(dictionary, lang, text, form):
    """'gegen zwei Oppositionspolitiker': no one named, but a party all the same (UNK until a state is beside it)."""
    assert (form, "UNK") in [(m.text, m.code) for m in resolve_text(text, lang, dictionary=dictionary)]


@pytest.mark.pipeline
def test_a_bare_institution_belongs_to_the_state_the_story_is_set_in(process):
    """'Die Polizei' of a story about Georgia is Georgia's police, and what it does there is coded."""
    doc = process("In der georgischen Hauptstadt Tiflis protestierten erneut Zehntausende gegen die Regierung. "
                  "Die Polizei ging mit Wasserwerfern und Tränengas gegen die Menge vor.", "de", "2024-12-02")
    police = [m for m in doc.mentions if m.text == "Polizei"]
    assert police and police[0].code == "GEO" and police[0].sector == "COP"
    assault = [e for e in doc.events if e.type == "ASSAULT"]
    assert assault and [m.code for m in assault[0].actors] == ["GEO"]


@pytest.mark.pipeline
@pytest.mark.parametrize("lang, text", [
    ("en", "In Angola, Angolan troops shelled rebel positions on Monday. President Fernando Sontas later pardoned "
     "the rebel leaders."),
    ("de", "In Angola hat die angolanische Armee am Montag Stellungen der Rebellen beschossen. Präsident Fernando "
     "Sontas begnadigte später die Anführer der Rebellen."),
    ("fr", "En Angola, l'armée angolaise a bombardé lundi des positions rebelles. Le président Fernando Sontas a "
     "ensuite gracié les chefs rebelles."),
])
def test_an_office_holder_of_no_named_state_holds_it_in_the_state_the_story_is_set_in(process, lang, text):
    """'President Fernando Sontas', in a story about Angola and in no dictionary, is Angola's president."""
    doc = process(text, lang, "2024-05-06")
    assert {m.text: m.code for m in doc.mentions}.get("Fernando Sontas") == "AGO"
    concede = [e for e in doc.events if e.type == "CONCEDE"]
    assert concede and [m.code for m in concede[0].actors] == ["AGO"]


@pytest.mark.pipeline
def test_an_envoy_of_no_named_state_stays_unknown(process):
    """An ambassador is as likely a foreign one: the story's state does not make him its own."""
    doc = process("In Angola, Angolan troops shelled rebel positions on Monday. Ambassador John Mellor later met "
                  "the rebel leaders.", "en", "2024-05-06")
    assert {m.text: m.code for m in doc.mentions}.get("John Mellor") == "UNK"


@pytest.mark.pipeline
@pytest.mark.parametrize("lang,text", [
    # two states named as often: the story has no one home, and "the government" stays nobody's
    ("en", "Germany and France signed a treaty on Monday. The government said the talks went well."),
    # the institution's own city stands after it (Tokyo, not the story's home, whatever that is)
    ("de", "Nach Angaben der Regierung in Tokio hat Japan der Ukraine Generatoren übergeben."),
])
def test_no_home_state_where_the_story_has_none_or_the_text_names_it(process, lang, text):
    doc = process(text, lang)
    assert not [m for m in doc.mentions if m.how == "home"]


@pytest.mark.parametrize("lang,text,code", [
    ("en", "the Soviet Union", "RUS"), ("en", "Soviet troops", "RUS"), ("en", "Zaire", "COD"),
    ("en", "West Germany", "DEU"), ("en", "Yugoslav", "SRB"), ("en", "Czechoslovakia", "CZE"),
    ("en", "Rhodesia", "ZWE"), ("en", "Kampuchean", "KHM"), ("de", "die Sowjetunion", "RUS"),
    ("de", "die DDR", "DEU"), ("de", "jugoslawische", "SRB"), ("fr", "l'Union soviétique", "RUS"),
    ("fr", "la Yougoslavie", "SRB"), ("fr", "Zaïre", "COD"),
])
def test_historic_states_are_coded_as_their_successor(dictionary, lang, text, code):
    ms = resolve_text(text, lang, "1985-06-01", dictionary)
    assert ms and ms[-1].code == code


@pytest.mark.parametrize("text,code", [("Nairobi", "KEN"), ("Algiers", "DZA"), ("Bonn", "DEU"),
                                       ("Rangoon", "MMR"), ("Freetown", "SLE")])
def test_capitals_stand_for_their_government(dictionary, text, code):
    ms = resolve_text(text, "en", "1990-01-01", dictionary)
    assert [(m.code, m.sector) for m in ms] == [(code, "GOV")]


@pytest.mark.parametrize("lang,text,expected", [
    # a people with no state of its own: the one of its states the sentence names, else the first
    ("en", "The Mozambique government accepted demands from Shona rebels.",
     {"Mozambique government": "MOZ", "Shona rebels": "MOZ"}),
    ("en", "Shona rebels attacked.", {"Shona rebels": "ZWE"}),
    ("en", "Ibo traditional elders have demanded it from Hausa politicians.", {"Ibo": "NGA", "Hausa": "NGA"}),
    ("en", "Tamil rebels attacked the Sri Lankan army.", {"Tamil rebels": "LKA", "Sri Lankan army": "LKA"}),
    # a state word beside a people says where it lives (before it in English and German, after in French)
    ("en", "Bosnian Serbs demanded a truce.", {"Bosnian Serbs": "BIH"}),
    ("en", "Iraqi Kurds protested.", {"Iraqi Kurds": "IRQ"}),
    ("de", "Die bosnischen Serben forderten eine Waffenruhe.", {"bosnischen Serben": "BIH"}),
    ("fr", "Les Serbes bosniaques ont exigé une trêve.", {"Serbes bosniaques": "BIH"}),
    # "Kurds in Syria": the state they are said to be in
    ("en", "Kurds in Syria fled to Turkey.", {"Kurds": "SYR", "Turkey": "TUR"}),
    # "ethnic X": a community coded with the other state of its sentence
    ("en", "Serb forces killed three ethnic Albanians in southeastern Serbia.",
     {"Serb forces": "SRB", "Albanians": "SRB", "Serbia": "SRB"}),
    ("en", "Ethnic Albanians have sworn to fight near Macedonia's border.", {"Albanians": "MKD"}),
    ("en", "Albanian rebels attacked.", {"Albanian rebels": "ALB"}),
    # a people with a state of its own keeps it when the text does not place it
    ("en", "Serb forces shelled the town.", {"Serb forces": "SRB"}),
])
def test_peoples_are_coded_with_the_state_they_live_in(dictionary, lang, text, expected):
    got = {m.text: m.code for m in resolve_text(text, lang, "2000-01-01", dictionary)}
    assert {k: got.get(k) for k in expected} == expected


def test_bad_people_entry_names_the_field(tmp_path, monkeypatch):
    import eventlens.actors.dictionary as dmod

    data = tmp_path / "actors"
    data.mkdir()
    for f in dmod.DATA_DIR.iterdir():
        (data / f.name).write_bytes(f.read_bytes())
    (data / "peoples.yaml").write_text("schema: 1\npeoples:\n  KURDS: {name: Kurds, states: [XXX]}\n")
    monkeypatch.setattr(dmod, "DATA_DIR", data)
    with pytest.raises(DataError) as exc:
        ActorDictionary.load()
    assert "peoples.yaml" in str(exc.value) and "KURDS.states" in str(exc.value)


@pytest.mark.parametrize("lang,text,code", [
    ("en", "A roadside bombing near the town of Samarra", "IRQ"), ("en", "the government of Sindh province", "PAK"),
    ("en", "thwarted in Siberia", "RUS"), ("de", "Kämpfe in Tschetschenien", "RUS"), ("fr", "en Tchétchénie", "RUS"),
    ("en", "blocked streets in Hong Kong", "HKG"), ("en", "a terror group based in Trinidad", "TTO"),
    ("de", "Proteste in Hongkong", "HKG"),
])
def test_places_are_coded_with_their_state(dictionary, lang, text, code):
    ms = resolve_text(text, lang, "2000-01-01", dictionary)
    assert ms and ms[-1].code == code


@pytest.mark.parametrize("lang,text", [("en", "a human rights group protested"), ("en", "aid agencies said"),
                                       ("de", "eine Menschenrechtsorganisation kritisierte"),
                                       ("fr", "une ONG a dénoncé")])
def test_organisations_named_by_their_work_are_ngos(dictionary, lang, text):
    ms = resolve_text(text, lang, "2000-01-01", dictionary)
    assert [(m.code, m.sector) for m in ms] == [("UNK", "NGO")]


@pytest.mark.parametrize("lang,text", [("en", "its European common market partners"), ("de", "die EG"),
                                       ("fr", "le Marché commun")])
def test_the_common_market_is_the_eu(dictionary, lang, text):
    assert [m.code for m in resolve_text(text, lang, "1983-01-01", dictionary)] == ["EU"]


@pytest.mark.parametrize("text,code", [
    ("President Francois Mitterand gave a warm welcome.", "FRA"),   # one letter missing
    ("President Abdelaziz Bouteflicka threatened.", "DZA"),         # one letter added
    ("President Laurent Gbago spoke.", "CIV"),
])
def test_a_full_name_one_letter_off_is_the_person(dictionary, text, code):
    ms = resolve_text(text, "en", "2000-01-01", dictionary)
    assert [(m.code, m.how) for m in ms if m.kind == "person"] == [(code, "fuzzy")]


def test_a_misspelt_surname_alone_is_no_person(dictionary):
    assert resolve_text("Mark Johnsen said.", "en", "2000-01-01", dictionary) == []


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The rebel Kurdistan Workers' Party issued a declaration.", {"Kurdistan Workers' Party": ("TUR", "REB")}),
    ("en", "The Albanians of southern Serbia demand autonomy.", {"Albanians": ("SRB", "CVL")}),
    ("en", "Russians in Syria attacked.", {"Russians": ("RUS", "CVL")}),   # abroad, not living there
    ("en", "Kosovo Albanians protested.", {"Kosovo Albanians": ("XKX", "CVL")}),
    ("en", "The Albanian government protested.", {"Albanian government": ("ALB", "GOV")}),
    ("en", "Rebels in the Ivory Coast dismissed an appeal.", {"Rebels in the Ivory Coast": ("CIV", "REB")}),
    ("en", "Police seized weapons from Palestinian armed groups.", {"Palestinian armed groups": ("PSE", "REB")}),
    ("en", "Cairo's security chief has warned.", {"Cairo's security chief": ("EGY", "COP")}),
    ("en", "They asked the Montenegro Assembly.", {"Montenegro Assembly": ("MNE", "LEG")}),
])
def test_more_groups_resolve(dictionary, lang, text, expected):
    got = {m.text: (m.code, m.sector) for m in resolve_text(text, lang, "2000-01-01", dictionary)}
    assert {k: got.get(k) for k in expected} == expected


def test_a_name_may_start_with_a_lower_case_particle(dictionary):
    ms = resolve_text("the escape of 23 al-Qaida prisoners", "en", "2004-01-01", dictionary)
    assert [m.code for m in ms if m.text == "al-Qaida"] == ["ALQAEDA"]


@pytest.mark.pipeline
def test_a_generic_noun_used_as_an_adjective_is_nobody(process):
    """'an official protest': no unknown official lodges it; Serbia does."""
    doc = process("Serbia lodged an official protest with Albania today.", "en", "1990-01-01")
    assert [m.code for m in doc.mentions] == ["SRB", "ALB"]
    assert [(sorted(a.code for a in e.actors), e.type) for e in doc.events] == [(["SRB"], "ACCUSE")]  # a protest lodged with a government


@pytest.mark.pipeline
def test_words_a_role_absorbed_are_no_tagger_entity(process):
    """'Kyrgyz Prime Minister Nikolai Tanaev': the tagger's 'Kyrgyz Prime' is not a second, unknown party."""
    doc = process("Kyrgyz Prime Minister Nikolai Tanaev received a mission from the OSCE.", "en", "2000-01-01")
    assert "UNK" not in {m.code for m in doc.mentions if "Prime" in m.text}
    assert {m.text: m.code for m in doc.mentions}.get("Nikolai Tanaev") == "KGZ"


@pytest.mark.parametrize("text,code", [("the Washington Post said", "USA"), ("the official CTK news agency said", "CZE"),
                                       ("according to the Jerusalem Post", "ISR"), ("Ansa news agency reported", "ITA")])
def test_news_outlets_are_media_of_their_state(dictionary, text, code):
    ms = [m for m in resolve_text(text, "en", "2000-01-01", dictionary) if m.code != "UNK"]
    assert [(m.code, m.sector) for m in ms] == [(code, "MED")]


def test_a_month_after_a_role_is_no_name(dictionary):
    ms = resolve_text("if he is elected prime minister February 4", "en", "2000-01-01", dictionary)
    assert "February" not in {m.text for m in ms}


@pytest.mark.parametrize("text,code", [("President Omar El Bashir shortened the curfew.", "SDN"),
                                       ("Bashar el-Assad said.", "SYR")])
def test_the_arabic_article_may_be_written_al_or_el(dictionary, text, code):
    assert [m.code for m in resolve_text(text, "en", "2005-01-01", dictionary) if m.kind == "person"] == [code]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Dutch Foreign Minister Hans Van den Broek said.", {"Hans Van den Broek": ("NLD", "GOV")}),
    ("de", "Kommissionschefin Ursula von der Leyen sagte.", {"Ursula von der Leyen": ("EU", None)}),
    ("fr", "le président Mahamat Déby de la France a dit", {"Déby": ("TCD", None), "France": ("FRA", None)}),
    ("en", "workers of the Serbian Workers' Union stopped work", {"Serbian Workers' Union": ("SRB", "LAB")}),
    ("en", "shelling Albanian rebel-held territory", {"Albanian rebel": ("ALB", "REB")}),
    ("en", "Syrian officers ended mediation efforts.", {"Syrian officers": ("SYR", "MIL")}),
    ("en", "in U.S.-Soviet nuclear talks", {"U.S.": ("USA", None), "Soviet": ("RUS", None)}),
])
def test_names_with_particles_unions_and_hyphened_pairs(dictionary, lang, text, expected):
    got = {m.text: (m.code, m.sector) for m in resolve_text(text, lang, "2000-01-01", dictionary)}
    assert {k: got.get(k) for k in expected} == expected


@pytest.mark.pipeline
def test_a_generic_adjective_before_a_state_adjective_is_nobody(process):
    """'the official Armenian news agency': Armenia's media, not an Armenian official."""
    doc = process("Russia closed its borders, an editor at the official Armenian news agency said.", "en", "1990-01-01")
    assert ("ARM", "MED") in {(m.code, m.sector) for m in doc.mentions}
    assert ("ARM", "GOV") not in {(m.code, m.sector) for m in doc.mentions}


@pytest.mark.parametrize("text,code", [
    ("Forces for Defence of Democracy (FDD) insisted", "BDI"), ("the Syrian-backed Amal militia", "LBN"),
    ("members of MASSOB were jailed", "NGA"), ("the Kosovo Liberation Army attacked", "XKX"),
    ("Shining Path guerrillas attacked", "PER"), ("the Lord's Resistance Army attacked", "UGA"),
])
def test_armed_movements_are_coded_with_their_state(dictionary, text, code):
    ms = resolve_text(text, "en", "2000-01-01", dictionary)
    assert (code, "REB") in {(m.code, m.sector) for m in ms}


def test_a_group_name_that_is_also_a_first_name_needs_its_noun(dictionary):
    assert resolve_text("Amal Clooney said.", "en", "2000-01-01", dictionary) == []


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "U.N. officials said.", {"U.N. officials": ("UN", "IGO")}),
    ("en", "a mission of observers from the OSCE", {}),
    ("de", "UN-Diplomaten sagten am Montag.", {"UN-Diplomaten": ("UN", "IGO")}),
    ("fr", "des responsables de l'ONU ont dit", {"responsables de l'ONU": ("UN", "IGO")}),
    ("de", "Experten des Internationalen Währungsfonds", {"Internationalen Währungsfonds": ("IMF", "IGO")}),
])
def test_officials_of_a_body_are_the_body(dictionary, lang, text, expected):
    got = {m.text: (m.code, m.sector) for m in resolve_text(text, lang, "2024-11-22", dictionary)}
    assert {k: got.get(k) for k in expected} == expected


def test_an_article_before_a_name_stays_outside_it(dictionary):
    assert [m.text for m in resolve_text("en la Moncloa", "es", "2024-11-22", dictionary)] == ["Moncloa"]


def test_rsf_by_its_french_name(dictionary):
    ms = resolve_text("les Forces de soutien rapide ont tué", "fr", "2025-05-09", dictionary)
    assert [(m.code, m.sector) for m in ms] == [("SDN", "REB")]
