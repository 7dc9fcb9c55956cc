"""Language packs: per-language data files plus at most a little code.

`get_pack("de")` returns the pack for a language code. A pack is a folder `lang/<code>/` with a
`pack.toml` (which spaCy pipeline to load) and data files with the same names in every language
(`triggers.yaml`, `claims.yaml`, `dates.yaml`, `boilerplate.yaml`, ...), so that a diff between
languages is meaningful. A language with no folder gets an empty pack (tokens and lemmas only).
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

import yaml

from eventlens.errors import DataError

LANG_DIR = Path(__file__).parent


class LanguagePack:
    def __init__(self, code: str, folder: Path | None):
        self.code = code
        self.folder = folder
        self.config: dict[str, Any] = {}
        if folder is not None and (folder / "pack.toml").exists():
            with open(folder / "pack.toml", "rb") as fh:
                self.config = tomllib.load(fh)

    @property
    def exists(self) -> bool:
        return self.folder is not None

    def path(self, name: str) -> Path | None:
        if self.folder is None:
            return None
        p = self.folder / name
        return p if p.exists() else None

    @functools.cache  # noqa: B019 - packs live for the whole process; their data never changes
    def data(self, name: str) -> dict[str, Any]:
        """A YAML data file of this pack, parsed; {} if the pack lacks it."""
        p = self.path(name)
        if p is None:
            return {}
        return load_yaml(p)

    def __repr__(self) -> str:
        return f"LanguagePack({self.code!r})"


_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present: much faster


def load_yaml(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_SAFE)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError("E502", path=str(path), line=(mark.line + 1) if mark else None, why=str(exc)) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DataError("E502", path=str(path), why="top level must be a mapping")
    return data


@functools.cache
def get_pack(code: str) -> LanguagePack:
    folder = LANG_DIR / code
    return LanguagePack(code, folder if folder.is_dir() and code.isalpha() else None)


def available_languages() -> list[str]:
    return sorted(p.name for p in LANG_DIR.iterdir() if p.is_dir() and (p / "pack.toml").exists())
