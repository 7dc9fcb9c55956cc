"""Score a pipeline as eventlens loads it (line-break rule, the pack's rules, dictionary lemmas), and the
contribution of each rule-based lever.

    python training/eval_pack.py de training/output/de/model-best [--corpus training/corpus/de]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def pack_scores(lang: str, model: str | None, corpus: Path, *, rules: bool = True, lemmas: bool = True) -> dict:
    """Scores of the pipeline as eventlens loads it (with the pack's rules and dictionary lemmas)."""
    sys.path.insert(0, str(ROOT / "src"))
    from spacy.tokens import DocBin
    from spacy.training import Example

    from eventlens.nlp import limit_math_threads, load_choice
    from eventlens.nlp.packs import choose, shipped_choice

    choice = choose(lang) if model is None else shipped_choice(lang, model)
    if not rules:
        choice.rules = []
    if not lemmas:
        choice.lemmas = ""
    limit_math_threads(1)  # per-core speed, as eventlens runs it
    nlp = load_choice(choice)
    out = {}
    for name in ("dev_ud", "dev_ner", "dev_news"):
        path = corpus / f"{name}.spacy"
        if not path.exists():
            continue
        refs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        scores = nlp.evaluate([Example(nlp.make_doc(d.text), d) for d in refs])
        if name == "dev_ud":
            out["words_per_cpu_s"] = cpu_speed(nlp, [d.text for d in refs])
        if name == "dev_ud":
            out.update({"uas": scores.get("dep_uas"), "las": scores.get("dep_las"), "upos": scores.get("pos_acc"),
                        "morph": scores.get("morph_acc"), "lemma": scores.get("lemma_acc"),
                        "sents_f": scores.get("sents_f")})
        elif name == "dev_ner":
            out.update({"ner_f": scores.get("ents_f"), "ner_p": scores.get("ents_p"), "ner_r": scores.get("ents_r")})
        else:  # our held-out agency-news sentences (training/treebank/de_news_dev.conllu)
            out.update({"news_uas": scores.get("dep_uas"), "news_las": scores.get("dep_las"),
                        "news_upos": scores.get("pos_acc"), "news_morph": scores.get("morph_acc"),
                        "news_lemma": scores.get("lemma_acc"), "news_ner_f": scores.get("ents_f")})
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in out.items()}



def cpu_speed(nlp, texts: list[str], rounds: int = 2) -> int:
    """Words per second of CPU time (one thread): the per-core throughput, unaffected by other processes."""
    import time

    words = 0
    start = time.process_time()
    for _ in range(rounds):
        for doc in nlp.pipe(texts, batch_size=64):
            words += sum(1 for t in doc if not t.is_space)
    return round(words / max(time.process_time() - start, 1e-9))


def lever_scores(lang: str, model: str, corpus: Path) -> dict:
    """as_loaded scores with each rule-based lever switched off in turn."""
    return {"without_rules": pack_scores(lang, model, corpus, rules=False),
            "without_dictionary_lemmas": pack_scores(lang, model, corpus, lemmas=False)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score a pipeline as eventlens loads it.")
    ap.add_argument("lang")
    ap.add_argument("model", help="pipeline folder; 'installed' for the pack's installed pipeline")
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--levers", action="store_true", help="also score with each lever switched off")
    args = ap.parse_args(argv)
    corpus = args.corpus or HERE / "corpus" / args.lang
    model = None if args.model == "installed" else args.model
    out = {"as_loaded": pack_scores(args.lang, model, corpus)}
    if args.levers and model:
        out["levers"] = lever_scores(args.lang, model, corpus)
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
