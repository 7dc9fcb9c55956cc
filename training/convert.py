"""Convert the shared open data into spaCy training corpora (DocBin files).

    python training/convert.py de --data ../shared/data --out training/corpus/de
    python training/convert.py en --data ../shared/data --out training/corpus/en
    python training/convert.py fr --data ../shared/data --out training/corpus/fr

Held-out splits are chosen by sentence position (deterministic, no randomness), so a rerun gives the same
files. German: every 6th sentence of UD German-GSD dev and of German-PUD is held out (about 300 sentences,
never trained on); the held-out PUD sentences are held out of UNER German-PUD too, plus every 7th GermEval
sentence. English: UD English-EWT train is trained on, EWT dev evaluates; every 3rd UNER EWT dev sentence
is held out for NER. Entity labels are mapped to PER, ORG, LOC, MISC (GermEval *deriv/*part dropped).

Writes train.spacy and dev.spacy (parser+tagger docs and NER docs together; a doc lacking a layer leaves
it missing, so spaCy neither trains nor scores it there) and dev_ud.spacy / dev_ner.spacy separately.
Multiword tokens stay whole ("zum", "du": spaCy's --merge-subtokens), so scores are on surface tokens, as
spaCy reports them for its own pipelines.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.training.converters import conllu_to_docs

LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC", "MISC": "MISC"}
NO_SPACE_BEFORE = set(",.;:!?)]}“'%") | {"...", "“", "”"}
NO_SPACE_AFTER = set("([{„") | {"„"}


def read_blocks(path: Path) -> list[list[str]]:
    blocks: list[list[str]] = []
    cur: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    blocks.append(cur)
                cur = []
            else:
                cur.append(line)
    if cur:
        blocks.append(cur)
    return blocks


def ud_docs(blocks: list[list[str]], nlp, n_sents: int = 10, merge: bool = False) -> list[Doc]:
    """UD sentences as docs of `n_sents` sentences. With `merge`, multiword tokens ("zum" = "zu dem",
    "du" = "de le") stay one token as the tokenizer sees them (spaCy's --merge-subtokens)."""
    text = "\n\n".join("\n".join(b) for b in blocks) + "\n"
    docs = list(conllu_to_docs(text, n_sents=n_sents, no_print=True, merge_subtokens=merge))
    # conllu_to_docs uses its own Vocab; re-home into the language's vocab
    return [Doc(nlp.vocab).from_bytes(d.to_bytes()) for d in docs]


def dative_objects_as_iobj(blocks: list[list[str]]) -> tuple[list[list[str]], int]:
    """Relabel bare dative arguments of a verb (obl:arg, no preposition) as iobj.

    German-GSD and German-PUD mark the dative object ("Er gab *dem Mann* das Buch") as obl:arg; the UD
    guidelines and German-HDT call it iobj, and the event coder reads recipients from iobj. The noun's own
    Case feature decides, or its determiner's when the noun has none."""
    out, changed = [], 0
    for block in blocks:
        rows = [line.split("\t") for line in block]
        words = {r[0]: r for r in rows if len(r) == 10 and r[0].isdigit()}
        kids: dict[str, list[list[str]]] = {}
        for r in words.values():
            kids.setdefault(r[6], []).append(r)
        for r in words.values():
            if r[7] != "obl:arg" or r[3] not in ("NOUN", "PROPN", "PRON"):
                continue
            head = words.get(r[6])
            if head is None or head[3] not in ("VERB", "AUX"):
                continue
            children = kids.get(r[0], [])
            if any(c[7] == "case" for c in children):
                continue
            feats = r[5] if "Case=" in r[5] else next((c[5] for c in children if c[7] == "det"), "")
            if "Case=Dat" in feats:
                r[7] = "iobj"
                changed += 1
        out.append(["\t".join(r) for r in rows])
    return out, changed


def guess_spaces(words: list[str]) -> list[bool]:
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in NO_SPACE_BEFORE and w not in NO_SPACE_AFTER)
    return spaces


def ner_doc(nlp, rows: list[tuple[str, str]]) -> Doc:
    """A doc with tokens and entities only (tags, lemmas and heads stay missing)."""
    words = [w for w, _ in rows]
    doc = Doc(nlp.vocab, words=words, spaces=guess_spaces(words))
    ents, start, label = [], None, None
    for i, (_, tag) in enumerate(rows + [("", "O")]):
        prefix, _, kind = tag.partition("-")
        if start is not None and (prefix != "I" or LABELS.get(kind) != label):
            ents.append(Span(doc, start, i, label=label))
            start = None
        if prefix == "B" and kind in LABELS:
            start, label = i, LABELS[kind]
    doc.set_ents(ents, default="outside")
    doc[0].is_sent_start = True
    return doc


def iob2_rows(blocks: list[list[str]], tag_col: int) -> list[list[tuple[str, str]]]:
    out = []
    for b in blocks:
        rows = []
        for line in b:
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            rows.append((cols[1], cols[tag_col]))
        if rows:
            out.append(rows)
    return out


def group(docs: list[Doc], n: int) -> list[Doc]:
    return [Doc.from_docs(docs[i:i + n]) for i in range(0, len(docs), n)]


def save(docs: list[Doc], path: Path) -> int:
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    db.to_disk(path)
    return len(docs)


def split(items: list, every: int) -> tuple[list, list]:
    """(kept for training, held out): every `every`-th item (positions 0, every, 2*every, ...) is held out."""
    return ([x for i, x in enumerate(items) if i % every], [x for i, x in enumerate(items) if i % every == 0])


NEWS = Path(__file__).resolve().parent / "treebank"


def news_part(block: list[str]) -> int | None:
    """The part number of a treebank sentence, from its id: "e29-014" -> 29; the first parts wrote it
    without the dash ("e1001" -> 1)."""
    for line in block:
        m = re.match(r"# sent_id = [a-z]*(\d+)-\d+$", line) or re.match(r"# sent_id = [a-z]*(\d+)\d{3}$", line)
        if m:
            return int(m.group(1))
    return None


def add_news(nlp, out: Path, news: Path | None, news_dev: Path, repeat: int, with_ner: bool,
             extra: dict, through: int | None = None) -> tuple[list[Doc], list]:
    """Our own news treebank: its training part as docs (`repeat` times) and its held-out part written to
    dev_news.spacy (scored separately, never trained on). With `through`, only the parts up to that number
    are trained on (the parts a shipped pack was trained with; every held-out sentence is still scored).
    Records the counts in `extra`."""
    dev_blocks = read_blocks(news_dev) if news_dev.exists() else []
    docs: list[Doc] = []
    if news:
        news_blocks = read_blocks(news)
        if through is not None:
            news_blocks = [b for b in news_blocks if (news_part(b) or 0) <= through]
            extra["news_through_part"] = through
        held_out = {line for b in dev_blocks for line in b if line.startswith("# text")}
        if any(line in held_out for b in news_blocks for line in b):
            raise SystemExit(f"{news}: shares a sentence with the held-out {news_dev.name}")
        docs = ud_docs(news_blocks, nlp, merge=True)
        if not with_ner:  # lever: entities learnt from the public NER data only (the treebank's left missing)
            for doc in docs:
                doc.set_ents([], default="missing")
            extra["news_ner"] = False
        docs = docs * repeat
        extra.update(news_train_sents=len(news_blocks), news_repeat=repeat)
    if dev_blocks:
        out.mkdir(parents=True, exist_ok=True)
        save(ud_docs(dev_blocks, nlp, merge=True), out / "dev_news.spacy")
        extra["news_dev_sents"] = len(dev_blocks)
    return docs, dev_blocks


def convert_de(data: Path, out: Path, english: int = 0, news: Path | None = None, news_repeat: int = 1,
               silver: Path | None = None, news_ner: bool = True) -> dict:
    nlp = spacy.blank("de")
    gsd, n_gsd = dative_objects_as_iobj(read_blocks(data / "ud/de_gsd/de_gsd-ud-dev.conllu"))
    pud, n_pud = dative_objects_as_iobj(read_blocks(data / "ud/de_pud/de_pud-ud-all.conllu"))
    gsd_tr, gsd_dev = split(gsd, 6)
    pud_tr, pud_dev = split(pud, 6)
    uner = iob2_rows(read_blocks(data / "ner/de_uner_pud/de_pud-ud-all.iob2"), 2)
    if len(uner) != len(pud):
        raise SystemExit("UNER German-PUD and UD German-PUD differ in sentence count")
    uner_tr, uner_dev = split(uner, 6)  # same positions as the PUD treebank split
    germ = iob2_rows(read_blocks(data / "ner/de_germeval2014/NER-de-dev.tsv"), 2)
    germ_tr, germ_dev = split(germ, 7)
    ner_tr = group([ner_doc(nlp, r) for r in germ_tr + uner_tr], 5)
    ner_dev = group([ner_doc(nlp, r) for r in germ_dev + uner_dev], 5)
    extra: dict = {}
    if english:  # lever: the first N sentences of UD English-EWT train join the German treebank
        ner_tr += ud_docs(read_blocks(data / "ud/en_ewt/en_ewt-ud-train.conllu")[:english], nlp, merge=True)
        extra["english_train_sents"] = english
    news_tr, _ = add_news(nlp, out, news, NEWS / "de_news_dev.conllu", news_repeat, news_ner, extra)
    ner_tr += news_tr
    if silver:  # lever: self-training - our own raw sentences as parsed by two agreeing models (selftrain.py)
        silver_docs = list(DocBin().from_disk(silver).get_docs(nlp.vocab))
        ner_tr += silver_docs
        extra["silver_sents"] = len(silver_docs)  # one sentence a doc
    return write(out, nlp, gsd_tr + pud_tr, gsd_dev + pud_dev, ner_tr, ner_dev, {"iobj_relabelled": n_gsd + n_pud,
        "ud_train_sents": len(gsd_tr) + len(pud_tr), "ud_dev_sents": len(gsd_dev) + len(pud_dev),
        "ner_train_sents": len(germ_tr) + len(uner_tr), "ner_dev_sents": len(germ_dev) + len(uner_dev), **extra})


def convert_en(data: Path, out: Path, news: Path | None = None, news_repeat: int = 1, news_ner: bool = True,
               news_through: int | None = None) -> dict:
    nlp = spacy.blank("en")
    train = read_blocks(data / "ud/en_ewt/en_ewt-ud-train.conllu")
    dev = read_blocks(data / "ud/en_ewt/en_ewt-ud-dev.conllu")
    uner = iob2_rows(read_blocks(data / "ner/en_uner_ewt/en_ewt-ud-dev.iob2"), 2)
    uner_tr, uner_dev = split(uner, 3)
    ner_tr = group([ner_doc(nlp, r) for r in uner_tr], 5)
    ner_dev = group([ner_doc(nlp, r) for r in uner_dev], 5)
    extra: dict = {}
    news_tr, _ = add_news(nlp, out, news, NEWS / "en_news_dev.conllu", news_repeat, news_ner, extra, news_through)
    return write(out, nlp, train, dev, ner_tr + news_tr, ner_dev, {
        "ud_train_sents": len(train), "ud_dev_sents": len(dev),
        "ner_train_sents": len(uner_tr), "ner_dev_sents": len(uner_dev), **extra})


def convert_fr(data: Path, out: Path) -> dict:
    nlp = spacy.blank("fr")
    dev = read_blocks(data / "ud/fr_gsd/fr_gsd-ud-dev.conllu")
    out.mkdir(parents=True, exist_ok=True)
    counts = {"ud_dev_sents": len(dev), "ud_dev_docs": save(ud_docs(dev, nlp, merge=True), out / "dev_ud.spacy")}
    (out / "counts.json").write_text(json.dumps(counts, indent=1))
    return counts


def write(out: Path, nlp, ud_train_blocks, ud_dev_blocks, ner_tr, ner_dev, counts: dict) -> dict:
    """Treebank docs keep multiword tokens merged, as the tokenizer sees them. (Unmerged, spaCy's converter
    glues the syntactic words into the text: "im" would read "indem", and a score on that text is wrong.)"""
    out.mkdir(parents=True, exist_ok=True)
    ud_tr = ud_docs(ud_train_blocks, nlp, merge=True)
    ud_dev = ud_docs(ud_dev_blocks, nlp, merge=True)
    counts = dict(counts)
    counts["train_docs"] = save(ud_tr + ner_tr, out / "train.spacy")
    counts["dev_docs"] = save(ud_dev + ner_dev, out / "dev.spacy")
    save(ud_dev, out / "dev_ud.spacy")
    save(ner_dev, out / "dev_ner.spacy")
    counts["train_words"] = sum(len(d) for d in ud_tr + ner_tr)
    (out / "counts.json").write_text(json.dumps(counts, indent=1))
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang", choices=["de", "en", "fr"])
    ap.add_argument("--data", default="../shared/data", type=Path)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--with-english", type=int, default=0, metavar="N",
                    help="de only: also train on the first N sentences of UD English-EWT train")
    ap.add_argument("--with-news", type=Path, metavar="CONLLU",
                    help="de, en: also train on our agency-news treebank (training/treebank/LANG_news.conllu)")
    ap.add_argument("--with-silver", type=Path, metavar="DOCBIN",
                    help="de only: also train on silver parses written by training/selftrain.py")
    ap.add_argument("--no-news-ner", dest="news_ner", action="store_false",
                    help="de, en: train no entities from the news treebank (public NER data only)")
    ap.add_argument("--news-repeat", type=int, default=1, metavar="K",
                    help="de, en: add the news treebank K times (it is small and in the target domain)")
    ap.add_argument("--news-through", type=int, metavar="N",
                    help="en: train only on the news treebank's parts 01..N (sentence ids eNN-...)")
    args = ap.parse_args(argv)
    out = args.out or Path(__file__).parent / "corpus" / args.lang
    if args.lang == "de":
        counts = convert_de(args.data, out, args.with_english, args.with_news, args.news_repeat,
                            args.with_silver, args.news_ner)
    elif args.lang == "en":
        counts = convert_en(args.data, out, args.with_news, args.news_repeat, args.news_ner, args.news_through)
    else:
        counts = convert_fr(args.data, out)
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
