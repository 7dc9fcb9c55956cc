"""Run an `eventlens` command with one pack's pipeline swapped for another folder, without touching the
shipped pack (used to score candidate pipelines on the seed and gold sets before shipping one). The first
argument is the folder (German), or LANG=FOLDER for another language.

    python training/eval_with.py training/output/de_news/model-best eval ../shared/seed/seed_gold.jsonl ../shared/seed
    python training/eval_with.py en=training/output/en_stage2/model-best eval --plover ../shared/plover/PLOVER_GSR_CAMEO.json
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))


def swap(target: str, model: str) -> None:
    """From now on, eventlens loads the pipeline in folder `model` for language `target` (also used by the
    tests' EVENTLENS_TEST_PIPELINE)."""
    import eventlens.nlp as nlp_mod
    from eventlens.nlp.packs import choose, shipped_choice

    nlp_mod.choose = lambda lang: shipped_choice(lang, model) if lang == target else choose(lang)


def main(argv: list[str]) -> int:
    from eventlens.cli import main as cli

    target, _, model = argv[0].rpartition("=")
    swap(target or "de", model)
    return cli.main(argv[1:], standalone_mode=False) or 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
