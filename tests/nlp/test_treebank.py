"""The hand-written German news treebank stays valid UD, and its held-out part stays apart."""

from __future__ import annotations

from pathlib import Path

TREEBANK = Path(__file__).resolve().parents[2] / "training" / "treebank"


def test_news_treebank_is_valid(training_script):
    validate = training_script("treebank/validate.py")
    assert validate.main([str(TREEBANK / "de_news.conllu"), str(TREEBANK / "de_news_dev.conllu")]) == 0


def test_news_dev_sentences_are_never_training_sentences():
    def texts(name):
        return {line for line in (TREEBANK / name).read_text(encoding="utf-8").splitlines()
                if line.startswith("# text = ")}

    train, dev = texts("de_news.conllu"), texts("de_news_dev.conllu")
    assert len(train) >= 900 and len(dev) >= 200
    assert not train & dev


def test_validator_rejects_broken_trees(training_script):
    check = training_script("treebank/validate.py").check
    row = "{}\t{}\t{}\tNOUN\t_\t_\t{}\t{}\t_\t_"
    two_roots = [row.format(1, "A", "a", 0, "root").split("\t"), row.format(2, "B", "b", 0, "root").split("\t")]
    assert any("2 roots" in e for e in check("x", None, two_roots))
    cycle = [row.format(1, "A", "a", 2, "nsubj").split("\t"), row.format(2, "B", "b", 1, "obj").split("\t"),
             row.format(3, "C", "c", 0, "root").split("\t")]
    assert any("cycle" in e for e in check("y", None, cycle))
    bad_label = [row.format(1, "A", "a", 0, "root").split("\t"), row.format(2, "B", "b", 1, "subject").split("\t")]
    assert any("not in UD" in e for e in check("z", None, bad_label))
