"""Run an `eventlens` command with the German pack's pipeline swapped for another folder, without touching
the shipped pack (used to score candidate pipelines on the seed and gold sets before shipping one).

    python training/eval_with.py training/output/de_news/model-best eval ../shared/seed/seed_gold.jsonl ../shared/seed
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def main(argv: list[str]) -> int:
    import eventlens.nlp as nlp_mod
    from eventlens.cli import main as cli
    from eventlens.nlp.packs import choose, shipped_choice

    model = argv[0]

    def swapped(lang: str):
        return shipped_choice(lang, model) if lang == "de" else choose(lang)

    nlp_mod.choose = swapped
    return cli.main(argv[1:], standalone_mode=False) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
