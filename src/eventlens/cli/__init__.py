"""The `eventlens` command line: a click group whose commands each live in their own module.

To add a command, write `eventlens/cli/<name>.py` defining a click command called `command`, and add its
module name to COMMANDS below. Errors are turned into one-line messages here and nowhere else:

    error[E104] examples/empty.txt: empty article: no text after the header

Exit codes: 0 all good, 1 some documents failed (or an unexpected error), 2 usage or configuration error.
"""

from __future__ import annotations

import importlib
import logging
import sys
import traceback

import click

from eventlens.errors import ConfigError, EvalError, EventlensError, StoreError

# Command modules, in the order `eventlens --help` lists them. One line per command.
COMMANDS = [
    "extract",
    "ingest",
    "events",
    "show",
    "eval",
    "bench",
    "actors",
    "clean",
    "fetch",
    "analyse", "packs", "train",
    "explain",
]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

# errors that mean "what you asked for cannot be done as asked", rather than "some input was bad"
USAGE_ERRORS = (ConfigError, EvalError, StoreError)


class EventlensGroup(click.Group):
    """A click group that lists commands in COMMANDS order and translates errors in one place."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except EventlensError as exc:
            _report(ctx, exc, str(exc))
            ctx.exit(EXIT_USAGE if isinstance(exc, USAGE_ERRORS) else EXIT_SOME_FAILED)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # a bug: one line, the traceback only with --debug
            _report(ctx, exc, f"error[E000] internal error: {exc!r} (run with --debug for the traceback)")
            ctx.exit(EXIT_SOME_FAILED)


def _report(ctx: click.Context, exc: BaseException, line: str) -> None:
    if (ctx.obj or {}).get("debug"):
        traceback.print_exception(exc, file=sys.stderr)
    click.echo(line, err=True)


@click.group(cls=EventlensGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.option("-v", "--verbose", is_flag=True, help="Log progress information to stderr.")
@click.version_option(package_name="eventlens")
@click.pass_context
def main(ctx: click.Context, debug: bool, verbose: bool) -> None:
    """Political event data (PLOVER) from news articles in German, English and French.

    \b
    Try:
      eventlens extract examples/en_starmer_zelensky.txt --format table
      eventlens ingest examples/*.txt --db eventlens.duckdb
      eventlens events --db eventlens.duckdb --actor RUS
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _register() -> None:
    for name in COMMANDS:
        module = importlib.import_module(f"eventlens.cli.{name}")
        main.add_command(module.command)


_register()
