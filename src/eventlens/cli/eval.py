"""`eventlens eval` (being written)."""

from __future__ import annotations

import click


@click.command("eval")
def command():
    """Not ready yet."""
    raise click.ClickException("not implemented yet")
