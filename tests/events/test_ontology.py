"""The PLOVER ontology as shipped: types, modes, contexts, CAMEO lookup, and validation of its data files."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from eventlens.errors import DataError
from eventlens.events.ontology import DATA_DIR, Ontology

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.fixture(scope="module")
def onto() -> Ontology:
    return Ontology.load()


def test_sixteen_types_with_quad_classes(onto):
    assert set(onto.types) == PLOVER_TYPES
    assert onto.types["AID"].quad_class == "material_cooperation"
    assert onto.types["ACCUSE"].quad_class == "verbal_conflict"
    assert onto.types["ASSAULT"].quad_class == "material_conflict"
    assert onto.types["CONSULT"].quad_class == "verbal_cooperation"
    assert all(t.description for t in onto.types.values())
    assert onto.is_type("SANCTION") and not onto.is_type("DEMAND")


def test_modes_follow_the_manual(onto):
    assert onto.types["CONSULT"].modes == ["visit", "third-party", "multilateral", "phone"]
    assert "aerial" in onto.types["ASSAULT"].modes and "drone" in onto.types["ASSAULT"].modes
    assert onto.types["MOBILIZE"].modes == ["troops", "weapons", "police", "militia"]
    assert onto.types["REQUEST"].modes == onto.types["REJECT"].modes
    assert onto.types["AGREE"].modes == []


def test_contexts(onto):
    for name in ("military", "economic", "diplomatic", "cbrn", "humanitarian", "human_rights", "cyber"):
        assert name in onto.contexts
    assert len(onto.contexts) >= 37


@pytest.mark.parametrize(("args", "code"), [
    (("ASSAULT", "aerial", None), "195"),              # (type, mode) match
    (("AID", None, "military"), "072"),                # (type, no mode, context) exact match
    (("SANCTION", "discontinue", "economic"), "1621"),  # exact (type, mode, context)
    (("SANCTION", "discontinue", "cyber"), "162"),      # context unknown to the table: falls back to (type, mode)
    (("CONSULT", "visit", None), "042"),
    (("COERCE", "cyber", None), "170"),                # no row for the mode: the type's root code
    (("AGREE", None, None), "030"),
    (("NOPE", None, None), None),
])
def test_cameo_lookup(onto, args, code):
    assert onto.cameo(*args) == code


def test_cameo_lookup_follows_a_changed_table(tmp_path):
    # the lookup indexes the table once; a row added or a table replaced must still be seen
    onto = Ontology.load(_copy(tmp_path))
    assert onto.cameo("SANCTION", "discontinue", "economic") == "1621"
    row = next(r for r in onto.cameo_rows if r.code == "1621")
    onto.cameo_rows.append(replace(row, code="16", contexts=("economic",), line=0))
    assert onto.cameo("SANCTION", "discontinue", "economic") == "16"
    onto.cameo_rows = [r for r in onto.cameo_rows if r.type != "SANCTION"]
    assert onto.cameo("SANCTION", "discontinue", "economic") == onto.types["SANCTION"].cameo


def test_every_type_root_code_is_in_the_table(onto):
    codes = {r.code for r in onto.cameo_rows}
    assert all(t.cameo in codes for t in onto.types.values())
    assert len(codes) > 200


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "plover"
    shutil.copytree(DATA_DIR, folder)
    return folder


def test_bad_mode_in_cameo_table_names_file_line_field(tmp_path):
    folder = _copy(tmp_path)
    tsv = folder / "cameo_map.tsv"
    lines = tsv.read_text(encoding="utf-8").splitlines()
    idx = next(i for i, x in enumerate(lines) if x.startswith("042\t"))
    lines[idx] = lines[idx].replace("\tvisit\t", "\thover\t")
    tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        Ontology.load(folder)
    assert err.value.path.endswith("cameo_map.tsv")
    assert err.value.line == idx + 1
    assert "'mode'" in str(err.value) and "hover" in str(err.value)


def test_bad_quad_class_in_types_names_line(tmp_path):
    folder = _copy(tmp_path)
    yml = folder / "types.yaml"
    text = yml.read_text(encoding="utf-8")
    yml.write_text(text.replace("quad_class: material_conflict", "quad_class: kinetic", 1), encoding="utf-8")
    line = next(i for i, x in enumerate(yml.read_text(encoding="utf-8").splitlines(), 1) if "kinetic" in x)
    with pytest.raises(DataError) as err:
        Ontology.load(folder)
    assert err.value.line == line and "quad_class" in str(err.value)
    assert str(err.value).startswith("error[E501] ")


def test_missing_schema_line_is_rejected(tmp_path):
    folder = _copy(tmp_path)
    tsv = folder / "cameo_map.tsv"
    tsv.write_text("\n".join(tsv.read_text(encoding="utf-8").splitlines()[1:]) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="schema"):
        Ontology.load(folder)
