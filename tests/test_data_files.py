"""Every data file of the event ontology and the trigger/context lexicons states its schema and loads."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

SRC = Path(__file__).resolve().parents[1] / "src" / "eventlens"
EVENT_DATA = [SRC / "data" / "plover" / "types.yaml", SRC / "data" / "plover" / "cameo_map.tsv"]
EVENT_DATA += [SRC / "lang" / lang / name for lang in ("de", "en", "fr") for name in ("triggers.yaml", "contexts.yaml")]


@pytest.mark.parametrize("path", EVENT_DATA, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_event_data_file_states_schema_first(path):
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    if path.suffix == ".tsv":
        assert first == "# schema: 1"
    else:
        assert first == "schema: 1"
        data = yaml.safe_load(text)
        assert next(iter(data)) == "schema" and data["schema"] == 1


def test_plover_source_and_licence_documented():
    text = (SRC / "data" / "plover" / "SOURCE.md").read_text(encoding="utf-8")
    assert "CC BY-SA 4.0" in text and "Open Event Data Alliance" in text
