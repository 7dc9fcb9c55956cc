"""Self-training lever: parse unannotated German text with several pipelines and keep, as silver training
data, what they all agree on.

    python training/selftrain.py MODEL [MODEL ...] [--text FILE ...] [--germeval ../shared/data]
                                 [--out training/corpus/silver_de.spacy]

Text: one sentence a line (default: training/treebank/de_news_raw.txt, sentences we wrote). A token's head
and relation are kept where every pipeline gives the same head and relation, its UPOS and features where
every pipeline agrees on them; everything else is left missing (spaCy does not train on missing values),
and lemmas and entities are always missing. `--whole` keeps only sentences agreed on completely.
Add the result to German training with `convert.py de --with-silver training/corpus/silver_de.spacy`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

HERE = Path(__file__).resolve().parent


def silver(docs: list[Doc], vocab, whole: bool) -> tuple[Doc | None, int]:
    """One silver doc from the same sentence parsed by each pipeline, and how many arcs it keeps."""
    first = docs[0]
    if any([t.text for t in d] != [t.text for t in first] for d in docs[1:]):
        return None, 0
    if any(len(list(d.sents)) != 1 for d in docs):
        return None, 0
    heads, deps, pos, morphs, arcs = [], [], [], [], 0
    for i, tok in enumerate(first):
        others = [d[i] for d in docs[1:]]
        same_arc = all(o.head.i == tok.head.i and o.dep_ == tok.dep_ for o in others)
        if same_arc:
            heads.append(tok.head.i)
            deps.append("ROOT" if tok.head.i == i else tok.dep_)
            arcs += 1
        else:
            heads.append(None)
            deps.append(None)  # missing: neither head nor relation is trained on
        pos.append(tok.pos_ if all(o.pos_ == tok.pos_ for o in others) else "")
        morphs.append(str(tok.morph) if all(str(o.morph) == str(tok.morph) for o in others) else None)
    if whole and arcs < len(first):
        return None, 0
    doc = Doc(vocab, words=[t.text for t in first], spaces=[bool(t.whitespace_) for t in first],
              heads=heads, deps=deps, pos=pos)
    for tok, m in zip(doc, morphs, strict=True):
        if m is not None:
            tok.set_morph(m)
    return doc, arcs


def germeval_text(data: Path) -> list[str]:
    """The GermEval 2014 sentences convert.py trains NER on, as plain text (the held-out ones are left out)."""
    sys.path.insert(0, str(HERE))
    from convert import guess_spaces, iob2_rows, read_blocks, split

    rows = iob2_rows(read_blocks(data / "ner/de_germeval2014/NER-de-dev.tsv"), 2)
    out = []
    for sent in split(rows, 7)[0]:
        words = [w for w, _ in sent]
        out.append("".join(w + (" " if sp else "") for w, sp in zip(words, guess_spaces(words), strict=True)).strip())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("models", nargs="+")
    ap.add_argument("--text", type=Path, nargs="+", default=[HERE / "treebank" / "de_news_raw.txt"])
    ap.add_argument("--out", type=Path, default=HERE / "corpus" / "silver_de.spacy")
    ap.add_argument("--whole", action="store_true", help="keep only sentences every pipeline parses alike")
    ap.add_argument("--germeval", type=Path, metavar="DATA",
                    help="also the text of the GermEval 2014 training sentences (never its held-out 1/7) "
                         "from DATA (../shared/data)")
    args = ap.parse_args(argv)
    lines = [s.strip() for f in args.text for s in f.read_text(encoding="utf-8").splitlines() if s.strip()]
    # de_news_raw.txt's sentences have since been annotated; those held out must not reach training even as text
    held_out = HERE / "treebank" / "de_news_dev.conllu"
    if held_out.exists():
        dev_texts = {ln[len("# text = "):].strip() for ln in held_out.read_text(encoding="utf-8").splitlines()
                     if ln.startswith("# text = ")}
        lines = [s for s in lines if s not in dev_texts]
    if args.germeval:
        lines += germeval_text(args.germeval)
    nlps = [spacy.load(m, exclude=["ner"]) for m in args.models]
    parsed = [list(nlp.pipe(lines)) for nlp in nlps]
    kept, arcs, tokens = [], 0, 0
    for docs in zip(*parsed, strict=True):
        doc, n = silver(list(docs), nlps[0].vocab, args.whole)
        if doc is not None and n:
            kept.append(doc)
            arcs += n
            tokens += len(doc)
    # one sentence a doc: with arcs missing, heads alone cannot mark where a grouped sentence starts
    grouped = kept
    args.out.parent.mkdir(parents=True, exist_ok=True)
    db = DocBin(store_user_data=False)
    for d in grouped:
        db.add(d)
    db.to_disk(args.out)
    print(json.dumps({"sentences": len(lines), "kept": len(kept), "tokens": tokens, "arcs_kept": arcs}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
