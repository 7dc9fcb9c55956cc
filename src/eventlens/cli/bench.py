"""`eventlens bench` (being written)."""

from __future__ import annotations

import click


@click.command("bench")
def command():
    """Not ready yet."""
    raise click.ClickException("not implemented yet")
