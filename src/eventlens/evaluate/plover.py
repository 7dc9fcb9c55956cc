"""The PLOVER gold-standard records as gold documents: one English sentence, one event each."""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from eventlens.errors import DataError, EvalError
from eventlens.evaluate.gold import PLOVER_TYPES, GoldDocument, GoldEvent

MAPPING_FILE = "plover_gsr.yaml"


@functools.cache
def mapping() -> dict[str, Any]:
    """The code and type mapping (plover_gsr.yaml), validated."""
    where = str(resources.files("eventlens.evaluate").joinpath(MAPPING_FILE))
    try:
        data = yaml.safe_load(resources.files("eventlens.evaluate").joinpath(MAPPING_FILE).read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise DataError("E502", path=where, why=str(exc)) from exc
    if not isinstance(data, dict) or data.get("schema") != 1:
        raise DataError("E502", path=where, why="first key must be 'schema: 1'")
    for key in ("types", "gold_codes"):
        if not isinstance(data.get(key), dict):
            raise DataError("E502", path=where, why=f"'{key}' must be a mapping")
    for old, new in data["types"].items():
        if new not in PLOVER_TYPES:
            raise DataError("E502", path=where, why=f"types.{old}: {new!r} is not a PLOVER type")
    for key in ("skip_types", "igo_codes", "ngo_sectors"):
        if not isinstance(data.get(key), list) or not all(isinstance(v, str) for v in data[key]):
            raise DataError("E502", path=where, why=f"'{key}' must be a list of strings")
    return data


def _gold_codes(entities: Any) -> frozenset[str]:
    if not isinstance(entities, list):  # the records write a missing target as ""
        return frozenset()
    remap = mapping()["gold_codes"]
    return frozenset(remap.get(e["code"], e["code"]) for e in entities if isinstance(e, dict) and e.get("code"))


def read_gsr(path: str | Path) -> list[GoldDocument]:
    """Gold documents from PLOVER_GSR_CAMEO.json (a JSON array of records)."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError("E901", path=str(path), why="no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError("E901", path=str(path), why=f"not a JSON array of PLOVER records ({exc})") from None
    if not isinstance(records, list):
        raise EvalError("E901", path=str(path), why="not a JSON array of PLOVER records")
    m = mapping()
    docs = []
    for n, rec in enumerate(records, 1):
        if not isinstance(rec, dict) or rec.get("event") in m["skip_types"]:
            continue
        etype = m["types"].get(rec.get("event"), rec.get("event"))
        if etype not in PLOVER_TYPES or not isinstance(rec.get("text"), str):
            raise EvalError("E901", path=str(path), line=n, why=f"record {rec.get('id')!r}: unknown event or no text")
        event = GoldEvent(type=etype, actor=_gold_codes(rec.get("source")), recipient=_gold_codes(rec.get("target")),
                          note=rec.get("eventText") or "", scored=())
        docs.append(GoldDocument(doc_id=rec.get("id") or f"record-{n}", file="", published=rec.get("date"),
                                 lang=rec.get("language") or "en", events=[event], text=rec["text"]))
    return docs


def system_codes(record: dict[str, Any]) -> dict[str, Any]:
    """A system event record with its actor codes generalised as the gold records code them (UN -> IGO)."""
    m = mapping()
    igo, ngo = set(m["igo_codes"]), set(m["ngo_sectors"])

    def general(entity: dict[str, Any]) -> dict[str, Any]:
        code = entity.get("code")
        if code in igo:
            code = "IGO"
        elif entity.get("sector") in ngo:
            code = "NGO"
        return {**entity, "code": code}

    return {**record, "type": intent_type(record), "actors": [general(a) for a in record.get("actors", [])],
            "recipients": [general(r) for r in record.get("recipients", [])]}


def intent_type(record: dict[str, Any]) -> str:
    """PLOVER codes a promise or offer to cooperate as AGREE, a stated intent to harm as THREATEN, and
    cooperation said not to happen as REJECT; our records keep the act's own type with status/tense future
    or status negated. Project them for this comparison."""
    from eventlens.events.ontology import Ontology

    etype = record["type"]
    quad = Ontology.load().quad_class(etype)
    if record.get("status") == "negated" and quad.endswith("cooperation"):
        return "REJECT"  # "will not accept refugees", "did not sign": PLOVER codes a refused cooperation
    if record.get("tense") != "future" and record.get("status") != "future":
        return etype
    if quad.endswith("cooperation"):
        return "AGREE"
    if quad == "material_conflict":
        return "THREATEN"
    return etype
