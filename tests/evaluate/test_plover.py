"""The PLOVER gold-standard records, read as gold documents with today's type names and ISO codes."""

from __future__ import annotations

import pytest

from eventlens.evaluate.plover import intent_type, mapping, read_gsr, system_codes
from eventlens.evaluate.score import match, score_document


@pytest.fixture(scope="module")
def gsr(shared_dir):
    return read_gsr(shared_dir / "plover" / "PLOVER_GSR_CAMEO.json")


def test_records_become_one_event_documents(gsr):
    assert len(gsr) == 322  # the DOCUMENT record is skipped
    types = {d.events[0].type for d in gsr}
    assert not types & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}
    assert {"REQUEST", "ACCUSE", "ASSAULT"} <= types
    assert all(d.text and d.published for d in gsr)


def test_cameo_codes_become_iso(gsr):
    codes = {c for d in gsr for e in d.events for c in e.actor | e.recipient}
    assert "JPN" in codes and "JAP" not in codes and "ITL" not in codes
    tokyo = next(d for d in gsr if d.doc_id == "PLOVER-GSR01-AGREE-0002")
    assert tokyo.events[0].actor == {"IGO"} and tokyo.events[0].recipient == {"JPN"}


def test_system_igo_codes_are_generalised(gsr):
    tokyo = next(d for d in gsr if d.doc_id == "PLOVER-GSR01-AGREE-0002")
    record = {"type": "AGREE", "actors": [{"code": "APEC", "sector": None}], "recipients": [{"code": "JPN"}],
              "source": None, "status": "asserted", "date": {"value": None}, "location": None}
    assert not match(tokyo.events, [])  # sanity
    mapped = system_codes(record)
    assert mapped["actors"][0]["code"] == "IGO"
    assert score_document(tokyo, [mapped]).pairs == [(0, 0)]


@pytest.mark.parametrize("code, sector, expected", [
    ("AI", "NGO", "IGO"),  # the records write Amnesty International and the Red Cross as IGO
    ("ICRC", "NGO", "IGO"),
    ("NGO", "NGO", "NGO"),  # an unnamed "human rights group" stays NGO
    ("RUS", "GOV", "RUS"),
])
def test_system_codes_follow_the_records_for_international_bodies(code, sector, expected):
    record = {"type": "ACCUSE", "actors": [{"code": code, "sector": sector}], "recipients": []}
    assert system_codes(record)["actors"][0]["code"] == expected


@pytest.mark.parametrize("etype, status, expected", [
    ("AGREE", "negated", "REJECT"),  # cooperation said not to happen is a refusal in PLOVER
    ("ASSAULT", "negated", "ASSAULT"),
    ("AGREE", "asserted", "AGREE"),
])
def test_negated_cooperation_is_projected_as_reject(etype, status, expected):
    assert intent_type({"type": etype, "status": status}) == expected


def test_mapping_file_is_valid():
    m = mapping()
    assert m["schema"] == 1 and m["types"]["FIGHT"] == "ASSAULT"
