"""`eventlens train de|en|fr`: rebuild a language pack's pipeline from the shared open data.

Runs training/train.py of a source checkout (training is a developer task: the installed package ships
trained pipelines and never trains)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from eventlens.errors import ConfigError


@click.command("train")
@click.argument("lang", type=click.Choice(["de", "en", "fr"]))
@click.option("--data", metavar="DIR", help="Folder of the open training data (default: ../shared/data).")
@click.option("--steps", type=int, metavar="N", help="Override the number of training steps.")
@click.option("--no-ship", is_flag=True, help="Train and evaluate, but do not replace the shipped pipeline.")
def command(lang: str, data: str | None, steps: int | None, no_ship: bool) -> None:
    """Convert the open data, train the LANG pipeline on CPU, score it and ship it into the pack.

    \b
    Example:
      eventlens train de --data ../shared/data
    """
    script = Path(__file__).resolve().parents[3] / "training" / "train.py"
    if not script.exists():
        raise ConfigError("E801", field="train", why=f"{script} not found: training needs a source checkout")
    cmd = [sys.executable, str(script), lang]
    if data:
        cmd += ["--data", data]
    if steps:
        cmd += ["--steps", str(steps)]
    if no_ship:
        cmd.append("--no-ship")
    rc = subprocess.call(cmd)
    if rc:
        raise click.ClickException(f"training {lang} failed (exit {rc})")
