"""`eventlens packs`: which spaCy pipeline serves each language, where it comes from, and its dev scores."""

from __future__ import annotations

import json
import time

import click


@click.command("packs")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--load-times", is_flag=True,
              help="Also load each pipeline and report the seconds it took: as eventlens builds it (the first "
                   "load of that language in this process, as a worker pays it), then with plain spacy.load.")
def command(as_json: bool, load_times: bool) -> None:
    """List the language packs: pipeline, source (installed, shipped or fallback) and dev scores.

    \b
    Example:
      eventlens packs --json
      eventlens packs --load-times
    """
    from eventlens.nlp.packs import all_choices

    choices = [c.as_dict() for c in all_choices()]
    if load_times:
        for c, choice in zip(choices, all_choices(), strict=True):
            c["load_seconds"] = _load_seconds(choice)
    if as_json:
        click.echo(json.dumps(choices, ensure_ascii=False, indent=1))
        return
    for c in choices:
        scores = c["scores"] or {}
        shown = "  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                          for k, v in scores.items() if not isinstance(v, dict))
        click.echo(f"{c['lang']}  {c['source']:<9} {c['name']}")
        if "load_seconds" in c:
            click.echo("    load " + "  ".join(f"{k} {v:.2f} s" for k, v in c["load_seconds"].items()))
        if shown:
            click.echo(f"    {shown}")
        if c["reason"]:
            click.echo(f"    {c['reason']}")


def _load_seconds(choice) -> dict[str, float]:
    """Seconds to load the pipeline as eventlens builds it (first), and with plain spacy.load (a standard
    pipeline; it compiles the tokenizer patterns as written, see eventlens.nlp.fast_patterns)."""
    import spacy

    from eventlens.nlp import load_choice

    start = time.perf_counter()
    load_choice(choice)
    out = {"eventlens": round(time.perf_counter() - start, 3)}
    if choice.source != "fallback":
        start = time.perf_counter()
        spacy.load(choice.name if choice.source == "installed" else choice.path)
        out["spacy.load"] = round(time.perf_counter() - start, 3)
    return out
