"""What the sentence classifier would add on the event gold sets, if the pipeline called it.

    python training/classifier/measure_eval.py [--threshold T]

Processes eval/events/<lang>/*.txt through the pipeline (rules only), then calls
`propose_events(doc, pack, ontology)` on each document, as the pipeline would after code_events, and
compares every proposal with the gold events of its document on (type, actor codes, recipient codes):
"true" matches a gold event the rules did not already find; "repeat" matches one they found; "false"
matches none. --threshold overrides the stored one, to see the trade-off.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from eventlens.events.classifier import load_model, propose_events  # noqa: E402
from eventlens.lang import get_pack  # noqa: E402
from eventlens.pipeline import Pipeline, Settings  # noqa: E402
from eventlens.records import Article  # noqa: E402


def key(type_: str, actors, recipients) -> tuple:
    return type_, frozenset(actors), frozenset(recipients)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float)
    args = ap.parse_args(argv)
    model = load_model()
    if args.threshold is not None:
        model = replace(model, threshold=args.threshold)
    pipe = Pipeline(Settings(use_classifier=False))
    totals = {}
    for lang in ("de", "en", "fr"):
        counts = {"gold": 0, "rule_true": 0, "proposed": 0, "true": 0, "repeat": 0, "false": 0}
        examples = []
        for line in (ROOT / "eval" / "events" / f"gold_{lang}.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            path = ROOT / "eval" / "events" / lang / rec["file"]
            text = path.read_text(encoding="utf-8")
            from eventlens.ingest.textfile import article_from_text

            article: Article = article_from_text(text, doc_id=rec["doc_id"], path=str(path), lang=lang,
                                                 published=rec.get("published"))
            doc = pipe.process(article)
            gold = {key(e["type"], e["actor"], e["recipient"]) for e in rec["events"]}
            found = {key(e.type, [m.code for m in e.actors], [m.code for m in e.recipients]) for e in doc.events}
            counts["gold"] += len(gold)
            counts["rule_true"] += len(gold & found)
            for ev in propose_events(doc, get_pack(lang), pipe.ontology, model):
                k = key(ev.type, [m.code for m in ev.actors], [m.code for m in ev.recipients])
                counts["proposed"] += 1
                verdict = "repeat" if k in gold and k in found else "true" if k in gold else "false"
                counts[verdict] += 1
                examples.append(f"{verdict:6} {ev.type:9} {ev.confidence:.2f} {rec['doc_id']}: "
                                f"{' '.join(ev.sentence.text.split())[:100]}")
        totals[lang] = counts
        print(f"{lang}: {counts}", file=sys.stderr)
        for ex in examples:
            print("   " + ex, file=sys.stderr)
    print(json.dumps({"threshold": model.threshold, "by_lang": totals}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
