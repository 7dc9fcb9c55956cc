"""Time: find date expressions in a text and resolve them against a reference (publication) date.

The resolver is a small hand-written parser over word tokens. Every word it knows (month and weekday
names, "letzten", "dernier", "ago", prepositions ...) comes from `lang/<code>/dates.yaml`; this module holds
only the grammar and the calendar arithmetic:

    expression := [since] [range-from] [preposition]* [part] [article]* core [range-to expression]
    core       := numeric date | weekday [, day month [year]] | day month [year] | month day [, year]
                | month [year | modifier | "letzten Jahres"] | year | relative day | modifier unit
                | unit modifier | ago-phrase

Values are ISO strings whose length tells the granularity: "2024-11-22" (day), "2024-W47" (ISO week),
"2024-11" (month), "2024" (year). A phrase that needs a reference date that is missing, or that names an
impossible day, keeps its text and gets value None: the resolver never guesses.

Direction: a weekday, a month or a day without a year resolves, for tense "past" (the default), to its
most recent occurrence up to and including the reference date, and for tense "future" to the next
occurrence after it ("diesen Freitag"/"this Friday" in the future also accepts the reference date itself).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventlens.errors import DataError
from eventlens.lang import get_pack, load_yaml

GRANULARITIES = ("day", "week", "month", "year", "season", "range")
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}  # first month; each lasts three months

_TOKEN = re.compile(r"\d+|[^\W\d_]+|\S")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2013": "–", "\u2014": "–"})


@dataclass
class DateMention:
    """A date expression found in a text. `start`/`end` are offsets into the text that was searched."""

    start: int
    end: int
    text: str
    value: str | None = None
    granularity: str | None = None  # day | week | month | year | range | None
    end_value: str | None = None  # the last value of a range
    modifier: str | None = None  # early | mid | late (part of the period), since (open range to reference)
    months: tuple[str, str] | None = None  # a season's first and last month ("2024-06", "2024-08")

    def to_dict(self) -> dict[str, Any]:
        """The `Event.date` form: value, granularity, text (and end/modifier where present)."""
        out: dict[str, Any] = {"value": self.value, "granularity": self.granularity, "text": self.text}
        if self.end_value is not None:
            out["end"] = self.end_value
        if self.modifier is not None:
            out["modifier"] = self.modifier
        if self.months is not None:
            out["months"] = list(self.months)
        return out


# --------------------------------------------------------------------------------------------- vocabulary

_SECTIONS_LIST = ("capitalised_only", "lowercase_only", "day_parts", "prepositions", "articles", "since",
                  "range_from", "range_to", "ago_before", "ago_after", "ordinal_suffixes", "day_of")


@dataclass
class _Vocab:
    path: str
    slash_order: str = "dmy"
    months: dict[tuple[str, ...], int] = field(default_factory=dict)
    abbreviations: set[tuple[str, ...]] = field(default_factory=set)
    weekdays: dict[tuple[str, ...], int] = field(default_factory=dict)
    relative_days: dict[tuple[str, ...], int] = field(default_factory=dict)
    units: dict[tuple[str, ...], str] = field(default_factory=dict)
    mod_before: dict[tuple[str, ...], str] = field(default_factory=dict)
    mod_after: dict[tuple[str, ...], str] = field(default_factory=dict)
    parts: dict[tuple[str, ...], str] = field(default_factory=dict)
    numbers: dict[tuple[str, ...], int | None] = field(default_factory=dict)
    lists: dict[str, dict[tuple[str, ...], bool]] = field(default_factory=dict)
    capitalised_only: set[str] = field(default_factory=set)
    lowercase_only: set[str] = field(default_factory=set)
    day_parts: tuple[str, ...] = ()
    day_part_table: dict[tuple[str, ...], str] = field(default_factory=dict)
    seasons: dict[tuple[str, ...], str] = field(default_factory=dict)
    weekend: dict[tuple[str, ...], bool] = field(default_factory=dict)
    context: frozenset[str] = frozenset()  # every word of the vocabulary: what may stand before a bare year
    lead_words: frozenset[str] = frozenset()  # last words of prepositions, articles, since and range words


def _norm(word: str) -> str:
    return word.translate(_APOSTROPHES).casefold()


def _phrase(words: str) -> tuple[str, ...]:
    return tuple(_norm(m.group()) for m in _TOKEN.finditer(str(words)))


def _line_of(path: str, needle: str) -> int | None:
    try:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if needle and needle in line:
                return n
    except OSError:
        return None
    return None


def _bad(path: str, fld: str, why: str, needle: str = "") -> DataError:
    return DataError("E501", path=path, line=_line_of(path, needle or fld), field=fld, why=why)


def _str_list(path: str, fld: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _bad(path, fld, "must be a list of non-empty strings", fld.split(".")[0] + ":")
    return value


def _numbered(path: str, fld: str, value: Any, low: int, high: int) -> dict[tuple[str, ...], int]:
    if not isinstance(value, dict):
        raise _bad(path, fld, f"must map numbers {low}..{high} to lists of names")
    out: dict[tuple[str, ...], int] = {}
    for key, names in value.items():
        if not isinstance(key, int) or not low <= key <= high:
            raise _bad(path, fld, f"key {key!r} is not a number from {low} to {high}", f"{key}:")
        for name in _str_list(path, f"{fld}.{key}", names):
            out[_phrase(name)] = key
    return out


def parse_vocab(data: dict[str, Any], path: str) -> _Vocab:
    """Validate one dates.yaml mapping and build its lookup tables."""
    if data.get("schema") != 1:
        raise _bad(path, "schema", "first key must be 'schema: 1'", "schema")
    v = _Vocab(path=path)
    order = data.get("slash_order", "dmy")
    if order not in ("dmy", "mdy"):
        raise _bad(path, "slash_order", "must be 'dmy' or 'mdy'")
    v.slash_order = order
    v.months = _numbered(path, "months", data.get("months", {}), 1, 12)
    abbr = _numbered(path, "month_abbreviations", data.get("month_abbreviations") or {}, 1, 12)
    v.months.update(abbr)
    v.abbreviations = set(abbr)
    v.weekdays = _numbered(path, "weekdays", data.get("weekdays", {}), 0, 6)
    rel = data.get("relative_days") or {}
    if not isinstance(rel, dict):
        raise _bad(path, "relative_days", "must map words to day offsets")
    for word, offset in rel.items():
        if not isinstance(offset, int):
            raise _bad(path, f"relative_days.{word}", "offset must be a whole number of days", str(word))
        v.relative_days[_phrase(word)] = offset
    units = data.get("units") or {}
    if not isinstance(units, dict):
        raise _bad(path, "units", "must map day/week/month/year to words")
    for unit, words in units.items():
        if unit not in ("day", "week", "month", "year"):
            raise _bad(path, f"units.{unit}", "unit must be day, week, month or year", f"{unit}:")
        for w in _str_list(path, f"units.{unit}", words):
            v.units[_phrase(w)] = unit
    mods = data.get("modifiers") or {}
    if not isinstance(mods, dict):
        raise _bad(path, "modifiers", "must map last/this/next to before/after word lists")
    for kind, where in mods.items():
        if kind not in ("last", "this", "next") or not isinstance(where, dict):
            raise _bad(path, f"modifiers.{kind}", "must be last, this or next with before/after lists", f"{kind}:")
        for w in _str_list(path, f"modifiers.{kind}.before", where.get("before")):
            v.mod_before[_phrase(w)] = kind
        for w in _str_list(path, f"modifiers.{kind}.after", where.get("after")):
            v.mod_after[_phrase(w)] = kind
    parts = data.get("period_parts") or {}
    if not isinstance(parts, dict):
        raise _bad(path, "period_parts", "must map early/mid/late to word lists")
    for kind, words in parts.items():
        if kind not in ("early", "mid", "late"):
            raise _bad(path, f"period_parts.{kind}", "must be early, mid or late", f"{kind}:")
        for w in _str_list(path, f"period_parts.{kind}", words):
            v.parts[_phrase(w)] = kind
    nums = data.get("numbers") or {}
    if not isinstance(nums, dict):
        raise _bad(path, "numbers", "must map number words to whole numbers (or null for 'several')")
    for word, n in nums.items():
        if n is not None and not isinstance(n, int):
            raise _bad(path, f"numbers.{word}", "must be a whole number or null", str(word))
        v.numbers[_phrase(str(word))] = n
    for name in _SECTIONS_LIST:
        v.lists[name] = {_phrase(w): True for w in _str_list(path, name, data.get(name))}
    v.capitalised_only = {_norm(w) for w in _str_list(path, "capitalised_only", data.get("capitalised_only"))}
    v.lowercase_only = {_norm(w) for w in _str_list(path, "lowercase_only", data.get("lowercase_only"))}
    v.day_parts = tuple(sorted((_norm(w) for w in _str_list(path, "day_parts", data.get("day_parts"))),
                               key=len, reverse=True))
    v.day_part_table = {_phrase(p): p for p in v.day_parts}
    seasons = data.get("seasons") or {}
    if not isinstance(seasons, dict):
        raise _bad(path, "seasons", "must map spring/summer/autumn/winter to word lists")
    for name, words in seasons.items():
        if name not in SEASONS:
            raise _bad(path, f"seasons.{name}", "must be spring, summer, autumn or winter", f"{name}:")
        for w in _str_list(path, f"seasons.{name}", words):
            v.seasons[_phrase(w)] = name
    v.weekend = {_phrase(w): True for w in _str_list(path, "weekend", data.get("weekend"))}
    tables = [v.months, v.weekdays, v.relative_days, v.units, v.mod_before, v.mod_after, v.parts, v.seasons,
              *v.lists.values()]
    v.context = frozenset(word for table in tables for key in table for word in key)
    v.lead_words = frozenset(key[-1] for name in ("prepositions", "articles", "since", "range_from", "range_to")
                             for key in v.lists[name] if key)
    return v


@functools.cache
def _vocab(lang: str) -> _Vocab:
    pack = get_pack(lang)
    p = pack.path("dates.yaml")
    if p is None:
        return _Vocab(path="<none>")
    return parse_vocab(load_yaml(p), str(p))


# --------------------------------------------------------------------------------------------- calendar

def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def _week_value(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _weekday_date(wd: int, ref: dt.date, mode: str) -> dt.date:
    """mode: past (<= ref), future (> ref), last (< ref), next (> ref), this_future (>= ref)."""
    back = (ref.weekday() - wd) % 7
    if mode == "past":
        return ref - dt.timedelta(days=back)
    if mode == "last":
        return ref - dt.timedelta(days=back or 7)
    ahead = (wd - ref.weekday()) % 7
    if mode == "this_future":
        return ref + dt.timedelta(days=ahead)
    return ref + dt.timedelta(days=ahead or 7)


def _month_year(month: int, ref: dt.date, mode: str) -> int:
    """Year of a month named without one. mode: past, future, last, next."""
    if mode == "past":
        return ref.year if month <= ref.month else ref.year - 1
    if mode == "last":
        return ref.year if month < ref.month else ref.year - 1
    if mode == "future":
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month > ref.month else ref.year + 1


def _day_year(month: int, day: int, ref: dt.date, mode: str) -> int:
    if mode in ("past", "last"):
        return ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    return ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1


def _unit_value(unit: str, ref: dt.date, shift: int) -> tuple[str, str]:
    if unit == "day":
        return (ref + dt.timedelta(days=shift)).isoformat(), "day"
    if unit == "week":
        return _week_value(ref + dt.timedelta(weeks=shift)), "week"
    if unit == "month":
        y, m = _shift_month(ref.year, ref.month, shift)
        return f"{y:04d}-{m:02d}", "month"
    return f"{ref.year + shift:04d}", "year"


# --------------------------------------------------------------------------------------------- parser

@dataclass
class _Tok:
    text: str
    low: str
    start: int
    end: int


@dataclass
class _Hit:
    """What the parser recognised: a resolved value (or None) over tokens [i, j)."""

    j: int
    value: str | None
    granularity: str | None
    end_value: str | None = None
    modifier: str | None = None
    bare_day: int | None = None  # a lone day number ("vom 3." in "vom 3. bis 5. März")
    ymd: tuple[int | None, int | None] | None = None  # (year, month) of a day-level date, for ranges
    day_of_month: int | None = None
    year_given: bool = False  # the year was written, not inferred
    months: tuple[str, str] | None = None  # a season's first and last month


_FIRST_WORDS: dict[int, tuple[dict, int, frozenset[str], int]] = {}


def _first_words(table: dict[tuple[str, ...], Any]) -> frozenset[str]:
    """The words that keys of a phrase table start with."""
    return _table_words(table)[0]


def _table_words(table: dict[tuple[str, ...], Any]) -> tuple[frozenset[str], int]:
    """The words that keys of a phrase table start with, and the length of its longest key, kept per table
    (the table is held, so its id stays its own; a table that grew since is read again)."""
    known = _FIRST_WORDS.get(id(table))
    if known is None or known[0] is not table or known[1] != len(table):
        known = (table, len(table), frozenset(k[0] for k in table if k), max(map(len, table), default=0))
        if table:  # a throw-away empty default is not worth keeping
            _FIRST_WORDS[id(table)] = known
    return known[2], known[3]


class _Parser:
    def __init__(self, text: str, vocab: _Vocab, ref: dt.date | None, tense: str | None):
        self.text = text
        self.v = vocab
        self.ref = ref
        self.future = tense == "future"
        self.toks = [_Tok(m.group(), _norm(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        v = vocab
        # the words the core forms of a date can begin with (numbers and weekday compounds aside)
        self.core_firsts = frozenset().union(*(_first_words(t) for t in (
            v.mod_before, v.weekdays, v.months, v.units, v.seasons, v.weekend, v.relative_days, v.numbers,
            v.lists.get("ago_before", {}))))

    # -- token helpers
    def phrase(self, i: int, table: dict[tuple[str, ...], Any]) -> tuple[int, Any] | None:
        """Longest entry of `table` starting at token i, as (end index, value); tokens must be adjacent
        or separated by spaces only."""
        toks = self.toks
        if i >= len(toks):
            return None
        firsts, longest = _table_words(table)
        if toks[i].low not in firsts:
            return None  # most tokens start no entry: skip building the keys
        best = None
        key: tuple[str, ...] = ()
        for n in range(1, min(longest, 5) + 1):  # no key is longer than the table's longest
            if i + n > len(toks):
                break
            if n > 1 and self.text[toks[i + n - 2].end:toks[i + n - 1].start].strip():
                break
            key += (toks[i + n - 1].low,)
            if key in table and self._case_ok(toks[i:i + n]):
                best = (i + n, table[key])
        return best

    def _case_ok(self, toks: list[_Tok]) -> bool:
        if len(toks) != 1:
            return True
        t = toks[0]
        if t.low in self.v.capitalised_only and not t.text[:1].isupper():
            return False
        return not (t.low in self.v.lowercase_only and not t.text.islower())

    def lst(self, i: int, name: str) -> int | None:
        hit = self.phrase(i, self.v.lists.get(name, {}))
        return hit[0] if hit else None

    def tok(self, i: int) -> _Tok | None:
        return self.toks[i] if i < len(self.toks) else None

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i."""
        if i <= 0 or i >= len(self.toks):
            return ""
        return self.text[self.toks[i - 1].end:self.toks[i].start]

    def is_punct(self, i: int, chars: str) -> bool:
        t = self.tok(i)
        return t is not None and t.text in chars

    def number(self, i: int, low: int, high: int, width: tuple[int, ...] = (1, 2)) -> int | None:
        t = self.tok(i)
        if t is None or not t.text.isdigit() or len(t.text) not in width:
            return None
        n = int(t.text)
        return n if low <= n <= high else None

    def skip_comma(self, i: int) -> int:
        return i + 1 if self.is_punct(i, ",") else i

    # -- day numbers: "22." / "22nd" / "1er" / "22"
    def day(self, i: int) -> tuple[int, int] | None:
        d = self.number(i, 1, 31)
        if d is None:
            return None
        j = i + 1
        t = self.tok(j)
        if t is not None and not self.gap(j):
            k = self.lst(j, "ordinal_suffixes")
            if k is not None:
                # a following digit means "22.11." style, handled as numeric
                if not (t.text == "." and self.tok(k) is not None and self.tok(k).text.isdigit()
                        and not self.gap(k)):
                    j = k
            elif t.text.isalpha() or t.text.isdigit():
                return None  # "22km", "1990s"
        return d, j

    def year(self, i: int) -> tuple[int, int] | None:
        t = self.tok(i)
        if t is None or not t.text.isdigit() or len(t.text) != 4:
            return None
        y = int(t.text)
        if not 1900 <= y <= 2099:
            return None
        nxt = self.tok(i + 1)
        if nxt is not None and not self.gap(i + 1) and (nxt.text.isalnum() or (
                nxt.text in ".," and self.tok(i + 2) is not None and self.tok(i + 2).text.isdigit()
                and not self.gap(i + 2))):
            return None  # "2024er", "2.024,5", "2024.5"
        prev = self.tok(i - 1) if i > 0 else None
        if prev is not None and not self.gap(i) and prev.text in ".,:/" and i > 1 and self.toks[i - 2].text.isdigit():
            return None
        return y, i + 1

    def month(self, i: int) -> tuple[int, int] | None:
        hit = self.phrase(i, self.v.months)
        if hit is None:
            return None
        j, m = hit
        key = tuple(t.low for t in self.toks[i:j])
        if key in self.v.abbreviations and self.is_punct(j, ".") and not self.gap(j):
            j += 1
        return m, j

    def weekday(self, i: int) -> tuple[int, int, str | None] | None:
        hit = self.phrase(i, self.v.weekdays)
        if hit is not None:
            j, wd = hit
            part = self.phrase(j, self.v.day_part_table)
            if part is not None:
                j = part[0]
            return wd, j, None
        t = self.tok(i)
        if t is None or not t.text.isalpha():
            return None
        for part in self.v.day_parts:  # German compounds: "Montagabend"
            if t.low.endswith(part) and (t.low[: -len(part)],) in self.v.weekdays:
                return self.v.weekdays[(t.low[: -len(part)],)], i + 1, part
        return None

    # -- main entry
    def parse_at(self, i: int) -> _Hit | None:
        since = self.lst(i, "since")
        if since is not None:
            inner = self.parse_range_or_single(since)
            if inner is not None and inner.value is not None:
                end = self.ref.isoformat() if self.ref else None
                return _Hit(inner.j, inner.value, "range", end_value=end, modifier="since")
            if inner is not None:
                return _Hit(inner.j, None, None, modifier="since")
            return None
        return self.parse_range_or_single(i)

    def parse_range_or_single(self, i: int) -> _Hit | None:
        k = self.lst(i, "range_from")
        if k is not None:
            first = self.parse_single(k, allow_bare_day=True)
            if first is not None:
                to = self.lst(first.j, "range_to")
                if to is not None:
                    to2 = self.lst(to, "articles")
                    second = self.parse_single(to2 if to2 is not None else to)
                    if second is None and to2 is not None:
                        second = self.parse_single(to)
                    if second is not None:
                        return self.make_range(first, second)
        first = self.parse_single(i, allow_bare_day=True)
        if first is None:
            return None
        if first.bare_day is not None or first.granularity == "day":
            to = self.lst(first.j, "range_to")
            # only tight connectors ("3.-5. März", "3 bis 5 March") without a range-from word
            if to is not None and self.tok(first.j).low in ("-", "–", "bis", "au", "to", "until"):
                second = self.parse_single(to)
                if second is not None and second.granularity == "day":
                    return self.make_range(first, second)
        if first.bare_day is not None:
            return None
        return first

    def make_range(self, first: _Hit, second: _Hit) -> _Hit:
        if first.bare_day is not None:
            if second.ymd is None or second.value is None:
                return _Hit(second.j, None, "range")
            y, m = second.ymd
            start = _safe_date(y, m, first.bare_day) if y and m else None
            if start is None:
                return _Hit(second.j, None, "range")
            return _Hit(second.j, start.isoformat(), "range", end_value=second.value)
        if (first.granularity == "day" and not first.year_given and second.year_given and first.ymd
                and second.ymd and first.day_of_month):
            # "from March 3 to March 5, 2023": the written year belongs to both ends
            start = _safe_date(second.ymd[0], first.ymd[1], first.day_of_month)
            return _Hit(second.j, start.isoformat() if start else None, "range", end_value=second.value)
        return _Hit(second.j, first.value, "range", end_value=second.value)

    def parse_single(self, i: int, allow_bare_day: bool = False) -> _Hit | None:
        # optional prepositions and a part ("Anfang", "early", "fin") before the core
        j = i
        for _ in range(2):
            k = self.lst(j, "prepositions")
            if k is None:
                break
            j = k
        part = self.phrase(j, self.v.parts)
        if part is not None:
            core = self.parse_core(part[0], allow_bare_day=False)
            if core is None:  # "Anfang des Jahres", "the end of the month": the current one
                a = self.lst(part[0], "articles")
                core = self.relative_unit(a if a is not None else part[0], default="this")
            if core is not None and core.granularity in ("month", "year", "week"):
                core.modifier = part[1]
                return core
        core = self.parse_core(j, allow_bare_day)
        if core is None and j != i:
            core = self.parse_core(i, allow_bare_day)
        return core

    def parse_core(self, i: int, allow_bare_day: bool = False) -> _Hit | None:
        j = i
        arts = self.lst(j, "articles")
        if arts is not None and self.phrase(arts, self.v.mod_before) is not None:
            arts = None  # "das diesen Freitag": a relative pronoun, not part of the date
        starts = [k for k in ((j,) if arts is None else (j, arts)) if self.may_start_core(k)]
        for fn in (self.numeric, self.weekday_date, self.day_month, self.month_day, self.relative_unit,
                   self.month_phrase, self.season_phrase, self.weekend_phrase, self.year_phrase, self.relative_day,
                   self.weekday_phrase, self.ago) if starts else ():
            for k in starts:
                hit = fn(k)
                if hit is not None:
                    return hit
        if allow_bare_day:
            d = self.day(j)
            if d is not None:
                return _Hit(d[1], None, None, bare_day=d[0])
        return None

    def may_start_core(self, i: int) -> bool:
        """Can one of the core forms begin at token i? Each begins with a number or with a word of one of
        the tables: where token i is neither, none need be tried."""
        t = self.tok(i)
        return t is not None and (t.low in self.core_firsts or t.text.isdigit() or self.weekday(i) is not None)

    # -- core forms
    def numeric(self, i: int) -> _Hit | None:
        t = self.tok(i)
        if t is None or not t.text.isdigit():
            return None
        m = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)|(\d{1,2})([./])(\d{1,2})\5(\d{4}|\d{2})?(?![\d/])"
                       ).match(self.text, t.start)
        if m is None:
            return None
        if m.group(1):
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            a, b = int(m.group(4)), int(m.group(6))
            sep, ys = m.group(5), m.group(7)
            if sep == "/" and ys is None:
                return None  # "3/4" is a fraction more often than a date
            if sep == "." and ys is None and self.text[m.end():m.end() + 1].isdigit():
                return None
            d, mo = (a, b)
            if sep == "/" and (self.v.slash_order == "mdy" and a <= 12 or b > 12):
                d, mo = b, a
            if ys is None:
                y = None
            else:
                y = int(ys)
                if len(ys) == 2:
                    y += 2000 if y < 70 else 1900
        end = m.end()
        if m.group(4) and m.group(7) is None and self.text[end - 1] != ".":
            return None
        j = i
        while j < len(self.toks) and self.toks[j].end <= end:
            j += 1
        return self.resolve_day(j, y, mo, d, None, None)

    def resolve_day(self, j: int, y: int | None, mo: int, d: int, wd: int | None, mode: str | None) -> _Hit:
        if not 1 <= mo <= 12:
            return _Hit(j, None, None)
        given = y is not None
        if y is None:
            if self.ref is None:
                return _Hit(j, None, "day", ymd=(None, mo))
            m = mode or ("future" if self.future else "past")
            y = _day_year(mo, d, self.ref, m)
            if wd is not None and _safe_date(y, mo, d) and _safe_date(y, mo, d).weekday() != wd:
                for other in (y - 1, y + 1):
                    cand = _safe_date(other, mo, d)
                    if cand is not None and cand.weekday() == wd:
                        y = other
                        break
        day = _safe_date(y, mo, d)
        if day is None:
            return _Hit(j, None, None)
        return _Hit(j, day.isoformat(), "day", ymd=(y, mo), day_of_month=d, year_given=given)

    def weekday_date(self, i: int) -> _Hit | None:
        """'diesen Freitag, den 22. November', 'Friday, November 22, 2024', 'vendredi 22 novembre'."""
        k = self.phrase(i, self.v.mod_before)
        j = k[0] if k is not None else i
        wd = self.weekday(j)
        if wd is None:
            return None
        j = self.skip_comma(wd[1])
        a = self.lst(j, "articles")
        for start in ((a, j) if a is not None else (j,)):
            hit = self.day_month(start, wd=wd[0]) or self.month_day(start, wd=wd[0])
            if hit is not None:
                return hit
        return None

    def day_month(self, i: int, wd: int | None = None) -> _Hit | None:
        d = self.day(i)
        if d is None:
            return None
        j = d[1]
        of = self.lst(j, "day_of")
        if of is not None and self.month(of) is not None:
            j = of
        mo = self.month(j)
        if mo is None:
            return None
        j = mo[1]
        y = None
        yk = self.year(self.skip_comma(j))
        if yk is not None:
            y, j = yk
        return self.resolve_day(j, y, mo[0], d[0], wd, None)

    def month_day(self, i: int, wd: int | None = None) -> _Hit | None:
        mo = self.month(i)
        if mo is None:
            return None
        d = self.day(mo[1])
        if d is None:
            return None
        j = d[1]
        y = None
        yk = self.year(self.skip_comma(j))
        if yk is not None:
            y, j = yk
        return self.resolve_day(j, y, mo[0], d[0], wd, None)

    def month_phrase(self, i: int) -> _Hit | None:
        """'Juni', 'June 2024', 'juin dernier', 'im Juni letzten Jahres', 'in June last year'."""
        k = self.phrase(i, self.v.mod_before)
        j = k[0] if k is not None else i
        mo = self.month(j)
        if mo is None:
            return None
        m, j = mo
        mode = k[1] if k is not None else None
        if mode == "this":
            mode = None
        yk = self.year(j)
        if yk is not None:
            return _Hit(yk[1], f"{yk[0]:04d}-{m:02d}", "month")
        after = self.phrase(j, self.v.mod_after)
        if after is not None and mode is None:
            mode, j = after[1], after[0]
        # "im Juni letzten Jahres", "in June last year", "en juin de l'année dernière"
        rel = self.relative_unit(self.lst(j, "articles") or j, only="year")
        if rel is None and self.lst(j, "articles") is not None:
            rel = self.relative_unit(j, only="year")
        if rel is not None and rel.value is not None:
            return _Hit(rel.j, f"{rel.value}-{m:02d}", "month")
        if rel is not None:
            return _Hit(rel.j, None, "month")
        if self.ref is None:
            return _Hit(j, None, "month")
        if mode is None:
            mode = "future" if self.future else "past"
        return _Hit(j, f"{_month_year(m, self.ref, mode):04d}-{m:02d}", "month")

    def year_phrase(self, i: int) -> _Hit | None:
        """A year on its own needs a date context: a preposition, article or date word before it ("im Jahr
        2022", "in 2024", "seit 2022"), or the start of the text or of a clause. A number after a name
        ("Mirage 2000") or after a quantity ("mehr als 2000") names a thing or counts, and is no date."""
        yk = self.year(i)
        if yk is None:
            return None
        prev = self.tok(i - 1) if i > 0 else None
        if prev is not None and prev.low not in self.v.context and not (prev.text in ",;:(—–" and self.gap(i)):
            return None
        return _Hit(yk[1], f"{yk[0]:04d}", "year")

    def season_phrase(self, i: int) -> _Hit | None:
        """'im Sommer', 'last winter', 'cet automne', 'l'été dernier', 'im Frühjahr 2023': a season, given as
        its year (the year it begins) with its first and last month. The word must follow a date word
        (preposition, article, modifier) or be followed by a year or modifier ("été" is also a participle)."""
        found = self.modified(i, self.v.seasons)
        if found is None:
            return None
        j, name, mode = found
        prev = self.tok(i - 1) if i > 0 else None
        yk = self.year(j) if mode is None else None
        rel = None
        if yk is None and mode is None:  # "im Sommer letzten Jahres", "in the summer of last year"
            a = self.lst(j, "articles") or self.lst(j, "day_of")
            rel = self.relative_unit(a if a is not None else j, only="year")
            if rel is not None:
                j = rel.j
        if mode is None and yk is None and rel is None and (prev is None or prev.low not in self.v.lead_words):
            return None
        first = SEASONS[name]
        if yk is not None:
            return self._season(yk[1], yk[0], first, written=True)
        if rel is not None:
            return self._season(j, int(rel.value[:4]), first) if rel.value else _Hit(j, None, "season")
        if self.ref is None:
            return _Hit(j, None, "season")
        ref = self.ref
        starts = [dt.date(y, first, 1) for y in range(ref.year - 2, ref.year + 2)]

        def end_of(start: dt.date) -> dt.date:
            y, m = _shift_month(start.year, start.month, 3)
            return dt.date(y, m, 1) - dt.timedelta(days=1)

        current = [s for s in starts if s <= ref <= end_of(s)]
        if mode == "last":
            start = max(s for s in starts if end_of(s) < ref)
        elif mode == "next":
            start = min(s for s in starts if s > ref)
        elif current and (mode == "this" or self.future):
            start = current[0]
        elif self.future:
            start = min(s for s in starts if s > ref)
        else:
            start = max(s for s in starts if s <= ref)
        return self._season(j, start.year, first)

    def _season(self, j: int, year: int, first: int, written: bool = False) -> _Hit:
        """A season's year and months. A winter that the text does not give a year spans two calendar years,
        so it has no single year value (its months are kept)."""
        ly, lm = _shift_month(year, first, 2)
        months = (f"{year:04d}-{first:02d}", f"{ly:04d}-{lm:02d}")
        value = f"{year:04d}" if written or ly == year else None
        return _Hit(j, value, "season", months=months)

    def modified(self, i: int, table: dict[tuple[str, ...], Any]) -> tuple[int, Any, str | None] | None:
        """An entry of `table` with a modifier before or after it ("letztes Wochenende", "le week-end
        dernier"): (end index, the entry's value, last/this/next or None)."""
        k = self.phrase(i, self.v.mod_before)
        hit = self.phrase(k[0] if k is not None else i, table)
        if hit is None:
            return None
        (j, value), mode = hit, (k[1] if k is not None else None)
        after = self.phrase(j, self.v.mod_after)
        if after is not None and mode is None:
            mode, j = after[1], after[0]
        return j, value, mode

    def weekend_phrase(self, i: int) -> _Hit | None:
        """'am Wochenende', 'last weekend', 'le week-end dernier': Saturday to Sunday. Without a modifier (or
        with 'this') the latest weekend up to the reference date, or in the future the next one."""
        found = self.modified(i, self.v.weekend)
        if found is None:
            return None
        j, _, mode = found
        if self.ref is None:
            return _Hit(j, None, "range")
        ref = self.ref
        saturday = ref - dt.timedelta(days=(ref.weekday() - 5) % 7)  # the latest Saturday on or before ref
        if mode == "last" and ref.weekday() >= 5:
            saturday -= dt.timedelta(weeks=1)
        elif mode == "next" or (mode != "last" and self.future and saturday < ref) or (
                mode == "this" and ref.weekday() < 5 and self.future):
            saturday += dt.timedelta(weeks=1)
        return _Hit(j, saturday.isoformat(), "range", end_value=(saturday + dt.timedelta(days=1)).isoformat())

    def relative_day(self, i: int) -> _Hit | None:
        hit = self.phrase(i, self.v.relative_days)
        if hit is None:
            return None
        j, offset = hit
        part = self.phrase(j, self.v.day_part_table)
        if part is not None:
            j = part[0]
        if self.ref is None:
            return _Hit(j, None, "day")
        return _Hit(j, (self.ref + dt.timedelta(days=offset)).isoformat(), "day")

    def weekday_phrase(self, i: int) -> _Hit | None:
        k = self.phrase(i, self.v.mod_before)
        j = k[0] if k is not None else i
        wd = self.weekday(j)
        if wd is None:
            return None
        j = wd[1]
        mode = k[1] if k is not None else None
        after = self.phrase(j, self.v.mod_after)
        if after is not None and mode is None:
            mode, j = after[1], after[0]
            part = self.phrase(j, self.v.day_part_table)  # "mardi dernier au soir" is rare
            if part is not None:
                j = part[0]
        if self.ref is None:
            return _Hit(j, None, "day")
        if mode == "this":
            mode = "this_future" if self.future else "past"
        elif mode is None:
            mode = "future" if self.future else "past"
        return _Hit(j, _weekday_date(wd[0], self.ref, mode).isoformat(), "day")

    def relative_unit(self, i: int, only: str | None = None, default: str | None = None) -> _Hit | None:
        """'letzten Monat', 'last week', 'la semaine dernière', 'l'an dernier', 'dieses Jahr', 'des Jahres'."""
        k = self.phrase(i, self.v.mod_before)
        j = k[0] if k is not None else i
        u = self.phrase(j, self.v.units)
        if u is None:
            return None
        j, unit = u
        if unit == "day" or (only and unit != only):
            return None
        mode = k[1] if k is not None else None
        after = self.phrase(j, self.v.mod_after)
        if mode is None:
            if after is None and default is None:
                return None
            if after is None:
                after = (j, default)
            mode, j = after[1], after[0]
        elif after is not None and after[1] == mode:  # "ce mois-ci"
            j = after[0]
        if self.ref is None:
            return _Hit(j, None, unit)
        shift = {"last": -1, "this": 0, "next": 1}[mode]
        value, gran = _unit_value(unit, self.ref, shift)
        return _Hit(j, value, gran)

    def ago(self, i: int) -> _Hit | None:
        """'vor drei Tagen', 'two weeks ago', 'il y a deux mois'."""
        k = self.lst(i, "ago_before")
        j = k if k is not None else i
        n: int | None
        t = self.tok(j)
        if t is not None and t.text.isdigit() and len(t.text) <= 3:
            n, j = int(t.text), j + 1
        else:
            hit = self.phrase(j, self.v.numbers)
            if hit is None:
                return None
            j, n = hit
        u = self.phrase(j, self.v.units)
        if u is None:
            return None
        j, unit = u
        if k is None:
            k2 = self.lst(j, "ago_after")
            if k2 is None:
                return None
            j = k2
        if self.ref is None or n is None:
            return _Hit(j, None, None)
        if unit == "day":
            return _Hit(j, (self.ref - dt.timedelta(days=n)).isoformat(), "day")
        value, gran = _unit_value(unit, self.ref, -n)
        return _Hit(j, value, gran)


def _as_date(reference: dt.date | dt.datetime | str | None) -> dt.date | None:
    if reference is None:
        return None
    if isinstance(reference, dt.datetime):
        return reference.date()
    if isinstance(reference, dt.date):
        return reference
    try:
        return dt.date.fromisoformat(str(reference)[:10])
    except ValueError:
        return None


@functools.cache
def _starters(lang: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Words a date expression can begin with (first words of every vocabulary table), and weekday
    names that begin compounds ("Montagabend"): parsing is tried only at these tokens and at numbers."""
    v = _vocab(lang)
    words: set[str] = set()
    tables = [v.months, v.weekdays, v.relative_days, v.units, v.mod_before, v.mod_after, v.parts, v.numbers,
              v.day_part_table, dict.fromkeys(v.abbreviations), v.seasons, v.weekend, *v.lists.values()]
    for table in tables:
        words.update(key[0] for key in table if key)
    return frozenset(words), tuple(key[0] for key in v.weekdays if key)


def find_dates(text: str, lang: str, reference: dt.date | None, tense: str | None = None) -> list[DateMention]:
    """Every date expression in `text`, left to right, longest match first, never overlapping."""
    p = _Parser(text, _vocab(lang), _as_date(reference), tense)
    starters, weekday_stems = _starters(lang)
    out: list[DateMention] = []
    i = 0
    while i < len(p.toks):
        low = p.toks[i].low
        if low not in starters and not low[:1].isdigit() and not low.startswith(weekday_stems):
            i += 1
            continue
        hit = p.parse_at(i)
        if hit is None or hit.j <= i:
            i += 1
            continue
        start, end = p.toks[i].start, p.toks[hit.j - 1].end
        out.append(DateMention(start, end, text[start:end], hit.value, hit.granularity, hit.end_value,
                               hit.modifier, hit.months))
        i = hit.j
    return out


def resolve_date(phrase: str, lang: str, reference: dt.date | None, tense: str | None = None) -> DateMention | None:
    """The date that the whole of `phrase` (or, failing that, its longest date expression) names."""
    found = find_dates(phrase, lang, reference, tense)
    if not found:
        return None
    return max(found, key=lambda m: (m.end - m.start, m.value is not None))


# --------------------------------------------------------------------------------------------- publication

_PUB_PATTERNS = (
    re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s*(?:um\s*)?\d{1,2}[:.]\d{2})?"),
    re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2})?"),
)


def publication_date_from_text(text: str) -> str | None:
    """The first date with a day, month and year in `text` (an article head), as YYYY-MM-DD."""
    head = text[:3000]
    best: tuple[int, str] | None = None
    for pat in _PUB_PATTERNS:
        m = pat.search(head)
        if m is None:
            continue
        a, b, c = (int(g) for g in m.groups()[:3])
        day = _safe_date(c, b, a) if pat is _PUB_PATTERNS[0] else _safe_date(a, b, c)
        if day is not None and (best is None or m.start() < best[0]):
            best = (m.start(), day.isoformat())
    for lang in ("en", "de", "fr"):
        for mention in find_dates(head, lang, None):
            if mention.granularity == "day" and mention.value and len(mention.value) == 10:
                if best is None or mention.start < best[0]:
                    best = (mention.start, mention.value)
                break
    return best[1] if best else None


__all__ = ["DateMention", "find_dates", "resolve_date", "publication_date_from_text", "GRANULARITIES"]
