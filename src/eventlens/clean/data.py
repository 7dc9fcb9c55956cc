"""Loading and validating the cleaner's data files.

Boilerplate patterns live in `lang/<code>/boilerplate.yaml` (one per language) and in
`clean/data/common.yaml` (language-neutral lines such as separators). Glued-word exceptions live in
`clean/data/camelcase.yaml`. Every file starts with `schema: 1`; a bad entry raises DataError naming
the file, the line and the field.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eventlens.errors import DataError

DATA_DIR = Path(__file__).parent / "data"
LANG_DIR = Path(__file__).parent.parent / "lang"

KINDS = ("navigation", "teaser", "share", "cookie", "subscribe", "separator", "photo_credit", "byline",
         "comments", "advert", "related", "copyright", "timestamp", "newsletter")


@dataclass(frozen=True)
class LinePattern:
    kind: str
    regex: re.Pattern[str]
    next_line: bool  # the line after a match (e.g. a teaser's headline) goes too
    max_len: int  # longer lines never match (a real paragraph is never boilerplate)
    source: str  # file:line, for explanations

    def match(self, line: str) -> bool:
        return len(line) <= self.max_len and self.regex.search(line) is not None


class _LineLoader(yaml.SafeLoader):
    """A SafeLoader that records the line of each mapping under the key '__line__'."""

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def load_data_file(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError("E502", path=str(path), line=(mark.line + 1) if mark else None, why=str(exc)) from exc
    except OSError as exc:
        raise DataError("E502", path=str(path), why=exc.strerror or str(exc)) from exc
    if not isinstance(data, dict):
        raise DataError("E502", path=str(path), why="top level must be a mapping")
    if data.get("schema") != 1:
        raise DataError("E501", path=str(path), line=1, field="schema", why="must be 1")
    return data


def parse_patterns(path: Path) -> list[LinePattern]:
    data = load_data_file(path)
    entries = data.get("patterns")
    if not isinstance(entries, list):
        raise DataError("E501", path=str(path), field="patterns", why="must be a list")
    out = []
    for entry in entries:
        line = entry.get("__line__") if isinstance(entry, dict) else None
        if not isinstance(entry, dict):
            raise DataError("E501", path=str(path), field="patterns", why="each entry must be a mapping")
        unknown = set(entry) - {"kind", "pattern", "next_line", "max_len", "case_sensitive", "note", "__line__"}
        if unknown:
            raise DataError("E501", path=str(path), line=line, field=sorted(unknown)[0], why="unknown field")
        kind = entry.get("kind")
        if kind not in KINDS:
            raise DataError("E501", path=str(path), line=line, field="kind",
                            why=f"{kind!r} is not one of {', '.join(KINDS)}")
        pattern = entry.get("pattern")
        if not isinstance(pattern, str) or not pattern:
            raise DataError("E501", path=str(path), line=line, field="pattern", why="must be a non-empty string")
        if not pattern.startswith("^"):
            raise DataError("E501", path=str(path), line=line, field="pattern",
                            why="line patterns must be anchored with ^")
        flags = 0 if entry.get("case_sensitive", False) else re.IGNORECASE
        try:
            regex = re.compile(pattern, flags)
        except re.error as exc:
            raise DataError("E501", path=str(path), line=line, field="pattern", why=str(exc)) from exc
        for key in ("next_line", "case_sensitive"):
            if not isinstance(entry.get(key, False), bool):
                raise DataError("E501", path=str(path), line=line, field=key, why="must be true or false")
        max_len = entry.get("max_len", 160)
        if not isinstance(max_len, int) or max_len <= 0:
            raise DataError("E501", path=str(path), line=line, field="max_len", why="must be a positive integer")
        out.append(LinePattern(kind=kind, regex=regex, next_line=entry.get("next_line", False), max_len=max_len,
                               source=f"{path.parent.name}/{path.name}:{line}"))
    return out


@functools.cache
def boilerplate_patterns() -> tuple[LinePattern, ...]:
    """Patterns of every language plus the language-neutral ones (all apply to every text)."""
    files = [DATA_DIR / "common.yaml"] + sorted(LANG_DIR.glob("*/boilerplate.yaml"))
    patterns: list[LinePattern] = []
    for f in files:
        patterns.extend(parse_patterns(f))
    return tuple(patterns)


@functools.cache
def camelcase_words() -> frozenset[str]:
    """Words whose inner capital is part of the word (iPhone, McDonald): never split."""
    path = DATA_DIR / "camelcase.yaml"
    data = load_data_file(path)
    words = data.get("words")
    if not isinstance(words, list):
        raise DataError("E501", path=str(path), field="words", why="must be a list")
    for w in words:
        if not isinstance(w, str) or not w.strip():
            raise DataError("E501", path=str(path), field="words", why=f"bad entry {w!r}")
    return frozenset(words)
