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


# The English news treebank: written in build_en.py's short notation, features derived from the Penn tags.

EN_SOURCE = """# id = t001
Russia Russia PROPN NNP supplied nsubj B-LOC
has have AUX VBZ supplied aux
supplied supply VERB VBN 0 root
North North PROPN NNP Korea compound B-LOC
Korea Korea PROPN NNP supplied obj I-LOC
with with ADP IN missiles case
missiles missile NOUN NNS supplied obl
. . PUNCT . supplied punct

# id = t002
Two two NUM CD soldiers nummod
soldiers soldier NOUN NNS killed nsubj:pass
were be AUX VBD killed aux:pass
killed kill VERB VBN said ccomp
, , PUNCT , killed punct
pro pro ADJ JJ Russian amod
- - PUNCT HYPH Russian punct
Russian Russian ADJ JJ officials amod B-MISC
officials official NOUN NNS said nsubj
said say VERB VBD 0 root
. . PUNCT . said punct
"""


def test_english_source_builds_features_and_text(training_script, tmp_path):
    build_en = training_script("treebank/build_en.py")
    src = tmp_path / "part.txt"
    src.write_text(EN_SOURCE, encoding="utf-8")
    sents = build_en.parse_source(src)
    inv = build_en.ewt_inventory()
    conllu = [build_en.to_conllu(s, build_en.heads(s), inv) for s in sents]
    assert "# text = Russia has supplied North Korea with missiles." in conllu[0]
    assert "# text = Two soldiers were killed, pro-Russian officials said." in conllu[1]
    rows = {line.split("\t")[1]: line.split("\t") for line in conllu[1].splitlines() if not line.startswith("#")}
    assert "Voice=Pass" in rows["killed"][5]  # a participle with aux:pass
    assert "Number=Plur" in rows["said"][5]  # a past verb agrees with its plural subject
    assert rows["Russian"][9] == "NE=B-MISC"
    assert build_en.build([src], write=False) == 0


def test_english_validator_names_the_line_of_each_problem(training_script, tmp_path, capsys):
    build_en = training_script("treebank/build_en.py")
    broken = EN_SOURCE.replace("soldiers soldier NOUN NNS killed nsubj:pass", "soldiers soldier NOUN NNS said nsubj")
    broken = broken.replace("missiles missile NOUN NNS supplied obl", "missiles missile NOUN NNS rockets obl")
    src = tmp_path / "broken.txt"
    src.write_text(broken.replace("Russian Russian ADJ JJ", "Russian Russian ADJ XX"), encoding="utf-8")
    import spacy

    assert build_en.build([src], write=False, tokenizer=spacy.blank("en").tokenizer) == 1
    report = capsys.readouterr().out
    assert "broken.txt:8: head 'rockets' is not a word of sentence t001" in report
    assert "broken.txt:21: 'said' has 2 nsubj dependents" in report
    assert "broken.txt:19: 'Russian': UPOS/XPOS ADJ/XX never occurs in EWT" in report
    assert "2 sentences, 3 problems" in report


def test_english_news_treebank_is_built_and_valid(training_script):
    """The committed CoNLL-U is what the sources build to, and the held-out part stays apart."""
    build_en = training_script("treebank/build_en.py")
    inv = build_en.ewt_inventory()
    built = []
    for path in sorted(build_en.SOURCES.glob("*.txt")):
        for sent in build_en.parse_source(path):
            hs = build_en.heads(sent)
            assert not build_en.check(sent, hs, inv), sent["id"]
            built.append(build_en.to_conllu(sent, hs, inv))
    train = (TREEBANK / "en_news.conllu").read_text(encoding="utf-8")
    dev = (TREEBANK / "en_news_dev.conllu").read_text(encoding="utf-8")
    assert train == "\n".join(b for k, b in enumerate(built) if k % 5 != 4) + "\n"
    assert dev == "\n".join(b for k, b in enumerate(built) if k % 5 == 4) + "\n"
    texts = [{line for line in t.splitlines() if line.startswith("# text")} for t in (train, dev)]
    assert len(texts[1]) >= 100 and not texts[0] & texts[1]
