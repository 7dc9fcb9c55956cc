"""`eventlens packs`: which spaCy pipeline serves each language, where it comes from, and its dev scores."""

from __future__ import annotations

import json

import click


@click.command("packs")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def command(as_json: bool) -> None:
    """List the language packs: pipeline, source (installed, shipped or fallback) and dev scores.

    \b
    Example:
      eventlens packs --json
    """
    from eventlens.nlp.packs import all_choices

    choices = [c.as_dict() for c in all_choices()]
    if as_json:
        click.echo(json.dumps(choices, ensure_ascii=False, indent=1))
        return
    for c in choices:
        scores = c["scores"] or {}
        shown = "  ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                          for k, v in scores.items() if not isinstance(v, dict))
        click.echo(f"{c['lang']}  {c['source']:<9} {c['name']}")
        if shown:
            click.echo(f"    {shown}")
        if c["reason"]:
            click.echo(f"    {c['reason']}")
