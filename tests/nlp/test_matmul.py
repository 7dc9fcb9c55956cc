"""The models' matrix products run on numpy's BLAS by default; blis stays available and gives the same analysis."""

from __future__ import annotations

import pytest

from eventlens.errors import ConfigError
from eventlens.nlp import load_nlp

TEXT = ("Russland hat Nordkorea nach Angaben aus Seoul Flugabwehrraketen geliefert. "
        "Die Regierung in Pjöngjang wies den Bericht am Freitag zurück.")


def _ops_of(nlp) -> set[bool]:
    """use_blis of every layer that multiplies through thinc's Ops (the tok2vec and the morphologizer)."""
    return {layer.ops.use_blis for name in ("tok2vec", "morphologizer")
            for layer in nlp.get_pipe(name).model.walk()}


def test_default_pipeline_multiplies_with_numpy(nlp_de):
    assert _ops_of(nlp_de) == {False}


def test_blis_gives_the_same_analysis(nlp_de):
    with_blis = load_nlp("de", matmul="blis")
    assert _ops_of(with_blis) == {True}
    ours, theirs = nlp_de(TEXT), with_blis(TEXT)
    assert [(t.text, t.pos_, t.dep_, t.head.i, t.lemma_) for t in ours] == \
           [(t.text, t.pos_, t.dep_, t.head.i, t.lemma_) for t in theirs]
    assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in theirs.ents]
    assert [(t.text, t.dep_) for t in ours if t.dep_ in ("nsubj", "iobj")] == \
        [("Russland", "nsubj"), ("Nordkorea", "iobj"), ("Regierung", "nsubj")]


def test_unknown_matmul_is_a_clear_error():
    with pytest.raises(ConfigError, match="matmul"):
        load_nlp("de", matmul="mkl")


def test_loading_caps_the_blas_threads(nlp_de):
    from threadpoolctl import threadpool_info

    pools = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert pools and all(p["num_threads"] == 1 for p in pools)
