"""`eventlens actors resolve TEXT`: the actors a text names, one JSON line per mention."""

from __future__ import annotations

import json

import click


@click.group("actors")
def command() -> None:
    """Look up actors: which states, bodies, groups and persons a text names.

    \b
    Example:
      eventlens actors resolve "Moskau warf Kiew vor, die Gespräche zu blockieren" --lang de
    """


@command.command("resolve")
@click.argument("text")
@click.option("--lang", default="de", show_default=True, help="Language of TEXT (de, en, fr, es, it).")
@click.option("--date", "date", default=None, metavar="YYYY-MM-DD",
              help="Publication date: office-holders are resolved as of this day.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(dir_okay=False),
              help="Your own actor file, layered over the shipped dictionary (repeatable).")
def resolve(text: str, lang: str, date: str | None, actor_files: tuple[str, ...]) -> None:
    """Print each actor mention found in TEXT with its canonical actor, as JSON lines.

    \b
    Example:
      eventlens actors resolve "Südkoreas Sicherheitsberater Shin Won-sik traf Lawrow" --date 2024-11-22
    """
    from eventlens.actors import ActorDictionary, resolve_text

    dictionary = ActorDictionary.load(actor_files)
    for m in resolve_text(text, lang, date, dictionary):
        click.echo(json.dumps({"text": m.text, "start": m.start, "end": m.end, "code": m.code,
                               "sector": m.sector, "name": m.name, "role": m.role, "wikidata": m.wikidata},
                              ensure_ascii=False))
