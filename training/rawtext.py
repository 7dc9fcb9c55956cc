"""Build the raw-text corpus (JSONL, one {"text": ...} per paragraph) that `spacy pretrain` reads.

    python training/rawtext.py --corpus training/corpus/de --out training/corpus/de/raw.jsonl

It joins the news articles we wrote ourselves (`training/rawtext/<lang>_*.txt`: a headline line, paragraphs
one per line, articles separated by a `###` line) with the text of the corpus's training docs (train.spacy),
so nothing held out is ever seen, not even as raw text.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import spacy
from spacy.tokens import DocBin

HERE = Path(__file__).resolve().parent


def article_paragraphs(path: Path) -> list[str]:
    """Headlines and paragraphs of one articles file, in order; separators and blank lines dropped."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and line != "###"]


def training_texts(corpus: Path, lang: str) -> list[str]:
    nlp = spacy.blank(lang)
    return [doc.text for doc in DocBin().from_disk(corpus / "train.spacy").get_docs(nlp.vocab)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", default="de")
    ap.add_argument("--corpus", type=Path, required=True, help="a convert.py output folder (its train.spacy)")
    ap.add_argument("--articles", type=Path, nargs="*", help="default: training/rawtext/<lang>_*.txt")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    articles = args.articles if args.articles is not None else sorted((HERE / "rawtext").glob(f"{args.lang}_*.txt"))
    texts = [p for path in articles for p in article_paragraphs(path)]
    n_articles = len(texts)
    texts += training_texts(args.corpus, args.lang)
    with args.out.open("w", encoding="utf-8") as out:
        for text in texts:
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    words = sum(len(t.split()) for t in texts)
    print(f"{args.out}: {len(texts)} texts ({n_articles} from {len(articles)} article files), {words} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
