"""Options shared by several commands, and the one bridge from command-line values to `Settings`."""

from __future__ import annotations

import datetime as dt

import click

from eventlens.errors import ConfigError
from eventlens.pipeline import Settings

db_option = click.option("--db", "db", default="eventlens.duckdb", show_default=True, metavar="PATH",
                         help="The DuckDB database file.")
lang_option = click.option("--lang", metavar="xx",
                           help="Force the language (de, en, fr, ...) instead of detecting it.")
published_option = click.option("--published", metavar="YYYY-MM-DD",
                                help="Publication date for articles whose header gives none.")
actors_option = click.option("--actors", "actor_files", multiple=True, metavar="FILE",
                             type=click.Path(dir_okay=False),
                             help="Extra actor file layered over the shipped dictionary (repeatable).")


classifier_option = click.option("--classifier/--no-classifier", "use_classifier", default=False,
                                 show_default=True,
                                 help="Also let the sentence classifier propose events the rules missed.")


def pipeline_options(f):
    """--lang, --published, --actors and --classifier, for every command that runs the pipeline."""
    return lang_option(published_option(actors_option(classifier_option(f))))


def settings_from(lang: str | None = None, published: str | None = None,
                  actor_files: tuple[str, ...] = (), use_classifier: bool = False) -> Settings:
    if lang is not None and not (len(lang) == 2 and lang.isalpha()):
        raise ConfigError("E801", field="lang", why=f"'{lang}' is not a two-letter language code (de, en, fr)")
    if published is not None:
        try:
            dt.date.fromisoformat(published)
        except ValueError:
            raise ConfigError("E801", field="published", why=f"'{published}' is not a date YYYY-MM-DD") from None
    return Settings(lang=lang.lower() if lang else None, published=published, actor_files=tuple(actor_files),
                    use_classifier=use_classifier)


def report_failures(failures: list) -> None:
    """One line per failed document on stderr."""
    for f in failures:
        click.echo(f.line(), err=True)
