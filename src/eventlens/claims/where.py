"""Place: find place names in a text and resolve them to a country and coordinates, offline.

The gazetteer lives in `eventlens/data/places/` (see SOURCE.md there): countries.tsv (CLDR names in
en/de/fr, centroid), cities.tsv (GeoNames cities of 15,000+ people, their foreign names for big cities,
and German/French exonyms), countries_extra.yaml (short forms such as "USA", "Britain"), regions.yaml
(areas and seas) and language_rules.yaml (per-language genitive endings and words that are never places).

Matching is on word tokens, longest name first, case-sensitive on the first letter (a city name written
in lower case is a common word). Where a name is shared, a country beats a region, a region beats a city,
an exonym beats a main name, a main name beats an alternate one, and a bigger city beats a smaller one.
Everything is indexed once per process (`functools.cache`).
"""

from __future__ import annotations

import functools
import importlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from eventlens.errors import DataError
from eventlens.lang import load_yaml

PLACES_DIR = Path(__file__).resolve().parent.parent / "data" / "places"
KINDS = ("city", "country", "region")

_TOKEN = re.compile(r"\d+|[^\W\d_]+|\S")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_RANK = {"country": 0, "region": 1, "exonym": 2, "main": 3, "alternate": 4}
_MAX_TOKENS = 6
_BIG_CITY = 1_000_000  # a name this big is a place even when a capitalised word follows ("Moskaus Truppen")


@dataclass
class PlaceMention:
    """A place named in a text. `start`/`end` are offsets into the searched text (0, 0 if not from text)."""

    start: int
    end: int
    text: str
    name: str  # canonical (English) name
    country: str | None  # ISO 3166-1 alpha-3; None for areas spanning several countries
    lat: float | None
    lon: float | None
    kind: str  # city | country | region

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country, "lat": self.lat,
                "lon": self.lon, "kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class _Entry:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    rank: int
    population: int = 0
    surface: str = ""  # the name as listed (for the not_places check)


@dataclass
class _Gazetteer:
    index: dict[tuple[str, ...], list[_Entry]] = field(default_factory=dict)
    countries: dict[str, _Entry] = field(default_factory=dict)
    genitive: dict[str, tuple[str, ...]] = field(default_factory=dict)
    blocked: dict[str, frozenset[str]] = field(default_factory=dict)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    small_city: int = 0
    firsts: set[str] = field(default_factory=set)  # first words of the keys: most tokens start no name
    # first word -> the lengths of the keys of two words or more that start with it: only those are looked up
    lengths: dict[str, set[int]] = field(default_factory=dict)
    singles: dict[tuple, _Entry | None] = field(default_factory=dict)  # see _single

    def add(self, surface: str, entry: _Entry) -> None:
        key = _key(surface)
        if key:
            self._add(key, entry)
        if not surface.isascii() and entry.rank < _RANK["main"]:  # "Etats-Unis"; not every GeoNames town
            plain = _key(_strip_accents(surface))
            if plain and plain != key:
                self._add(plain, entry)

    def _add(self, key: tuple[str, ...], entry: _Entry) -> None:
        self.index.setdefault(key, []).append(entry)
        self.firsts.add(key[0])
        if len(key) > 1:
            self.lengths.setdefault(key[0], set()).add(len(key))


def _norm(word: str) -> str:
    return word.translate(_APOSTROPHES).casefold()


def _key(name: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(_norm(name)))


def _strip_accents(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))


def _float(path: Path, line: int, fld: str, value: str) -> float | None:
    if value == "":
        return None
    try:
        return float(value)
    except ValueError:
        raise DataError("E501", path=str(path), line=line, field=fld, why=f"not a number: {value!r}") from None


def _read_tsv(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError("E502", path=str(path), why=str(exc)) from exc
    if not lines or lines[0].strip() != "# schema: 1":
        raise DataError("E502", path=str(path), line=1, why="first line must be '# schema: 1'")
    rows = []
    header_seen = False
    for n, line in enumerate(lines, 1):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != columns:
                raise DataError("E502", path=str(path), line=n, why=f"header must be {'/'.join(columns)}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise DataError("E501", path=str(path), line=n, field=columns[min(len(fields), len(columns) - 1)],
                            why=f"expected {len(columns)} tab-separated fields, found {len(fields)}")
        rows.append((n, dict(zip(columns, fields, strict=True))))
    return rows


def _yaml(name: str) -> tuple[Path, dict[str, Any]]:
    path = PLACES_DIR / name
    data = load_yaml(path)
    if data.get("schema") != 1:
        raise DataError("E501", path=str(path), line=1, field="schema", why="first key must be 'schema: 1'")
    return path, data


@functools.cache
def _gazetteer() -> _Gazetteer:
    gaz = _Gazetteer()
    # countries: CLDR names in three languages
    path = PLACES_DIR / "countries.tsv"
    cols = ("iso3", "iso2", "lat", "lon", "coords", "name_en", "names_de", "names_fr")
    for n, row in _read_tsv(path, cols):
        iso3 = row["iso3"]
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise DataError("E501", path=str(path), line=n, field="iso3", why=f"not a 3-letter code: {iso3!r}")
        entry = _Entry(row["name_en"], iso3, _float(path, n, "lat", row["lat"]), _float(path, n, "lon", row["lon"]),
                       "country", _RANK["country"])
        gaz.countries[iso3] = entry
        for surface in (row["name_en"], row["names_de"], row["names_fr"]):
            gaz.add(surface, entry)
    path, extra = _yaml("countries_extra.yaml")
    for lang, names in (extra.get("names") or {}).items():
        if not isinstance(names, dict):
            raise DataError("E501", path=str(path), field=f"names.{lang}", why="must map names to ISO3 codes")
        for surface, iso3 in names.items():
            if iso3 not in gaz.countries:
                raise DataError("E501", path=str(path), field=f"names.{lang}.{surface}",
                                why=f"unknown country code {iso3!r}")
            gaz.add(str(surface), gaz.countries[iso3])
    # regions
    path, regions = _yaml("regions.yaml")
    for k, reg in enumerate(regions.get("regions") or []):
        fld = f"regions[{k}]"
        if not isinstance(reg, dict) or not isinstance(reg.get("names"), list) or not reg.get("name"):
            raise DataError("E501", path=str(path), field=fld, why="needs name and a list of names")
        country = reg.get("country")
        if country is not None and country not in gaz.countries:
            raise DataError("E501", path=str(path), field=f"{fld}.country", why=f"unknown country {country!r}")
        try:
            lat, lon = float(reg["lat"]), float(reg["lon"])
        except (KeyError, TypeError, ValueError):
            raise DataError("E501", path=str(path), field=f"{fld}.lat", why="lat and lon must be numbers") from None
        entry = _Entry(str(reg["name"]), country, lat, lon, "region", _RANK["region"])
        for surface in reg["names"]:
            gaz.add(str(surface), entry)
    # cities
    path = PLACES_DIR / "cities.tsv"
    cols = ("name", "iso3", "lat", "lon", "population", "source", "geoname")
    for n, row in _read_tsv(path, cols):
        source = row["source"]
        if source not in ("main", "alternate", "exonym"):
            raise DataError("E501", path=str(path), line=n, field="source", why=f"unknown source {source!r}")
        entry = _Entry(row["geoname"], row["iso3"] or None, _float(path, n, "lat", row["lat"]),
                       _float(path, n, "lon", row["lon"]), "city", _RANK[source], int(row["population"] or 0),
                       surface=row["name"])
        gaz.add(row["name"], entry)
    for entries in gaz.index.values():
        entries.sort(key=lambda e: (e.rank, -e.population))
    # language rules
    path, rules = _yaml("language_rules.yaml")
    small = rules.get("small_city_population", 0)
    if not isinstance(small, int) or small < 0:
        raise DataError("E501", path=str(path), field="small_city_population", why="must be a whole number >= 0")
    gaz.small_city = small
    for lang, spec in (rules.get("languages") or {}).items():
        if not isinstance(spec, dict):
            raise DataError("E501", path=str(path), field=f"languages.{lang}", why="must be a mapping")
        for fld in ("genitive_suffixes", "not_places", "locative_cues"):
            if not isinstance(spec.get(fld) or [], list):
                raise DataError("E501", path=str(path), field=f"languages.{lang}.{fld}", why="must be a list")
        gaz.genitive[lang] = tuple(str(s) for s in spec.get("genitive_suffixes") or ())
        gaz.blocked[lang] = frozenset(_norm(str(w)) for w in spec.get("not_places") or ()) | _stop_words(lang)
        gaz.cues[lang] = frozenset(_norm(str(w)) for w in spec.get("locative_cues") or ())
    return gaz


def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for a language: function words that are also names of small towns."""
    try:
        module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    except ImportError:
        return frozenset()
    return frozenset(_norm(w) for w in getattr(module, "STOP_WORDS", ()))


def _lookup(gaz: _Gazetteer, key: tuple[str, ...], lang: str, first_upper: bool, cued: bool) -> _Entry | None:
    blocked = gaz.blocked.get(lang, frozenset())
    for entry in gaz.index.get(key, ()):
        if entry.kind == "city" and " ".join(key) in blocked:
            continue
        if entry.kind != "region" and not first_upper:
            continue  # "orange", "nice", "split": common words when written in lower case
        if entry.kind == "city" and entry.rank != _RANK["exonym"] and entry.population < gaz.small_city and not cued:
            continue  # a small town needs "in", "near", "la ville de" before it
        return entry
    return None


def _lookup_name(gaz: _Gazetteer, key: tuple[str, ...], lang: str, first_upper: bool, cued: bool,
                 suffixes: tuple[str, ...]) -> _Entry | None:
    """The place the words of key name, or, failing that, the words less a genitive ending on the last."""
    entry = _lookup(gaz, key, lang, first_upper, cued)
    last = key[-1]
    for suf in suffixes if entry is None else ():
        if last.endswith(suf) and len(last) > len(suf) + 2:
            entry = _lookup(gaz, key[:-1] + (last[: -len(suf)],), lang, first_upper, cued)
            if entry is not None:
                break
    return entry


def _single(gaz: _Gazetteer, word: str, lang: str, first_upper: bool, cued: bool, alpha: bool,
            suffixes: tuple[str, ...]) -> _Entry | None:
    """The place one word names (or, less a genitive ending, its stem), kept per word and setting: most
    words are looked up again and again, and most name no place."""
    key = (word, lang, first_upper, cued, alpha)
    if key in gaz.singles:
        return gaz.singles[key]
    entry = _lookup_name(gaz, (word,), lang, first_upper, cued, suffixes if alpha else ())
    if len(gaz.singles) >= 100_000:  # a vocabulary, not a corpus: start again rather than grow without end
        gaz.singles.clear()
    gaz.singles[key] = entry
    return entry


def find_places(text: str, lang: str) -> list[PlaceMention]:
    """Every place name in `text`, left to right, longest first, never overlapping."""
    gaz = _gazetteer()
    toks = [(m.group(), _norm(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    suffixes = gaz.genitive.get(lang, ())
    cues = gaz.cues.get(lang, frozenset())
    out: list[PlaceMention] = []
    i = 0
    while i < len(toks):
        if not toks[i][0][:1].isalpha():
            i += 1
            continue
        first = toks[i][1]
        if first not in gaz.firsts and not (first.endswith(suffixes) and any(
                first.endswith(s) and first[: -len(s)] in gaz.firsts for s in suffixes)):
            i += 1  # no name starts with this word (nor with it less a genitive ending)
            continue
        cued = i > 0 and toks[i - 1][1] in cues
        found = None
        # a longer key starts with the word itself (only the last word may lose a genitive ending): only the
        # lengths of the keys that start with it can match
        most = min(_MAX_TOKENS, len(toks) - i)
        longer = gaz.lengths.get(first)
        for n in sorted((k for k in longer if k <= most), reverse=True) if longer else ():
            span = toks[i:i + n]
            if any(text[a[3]:b[2]].strip() for a, b in zip(span, span[1:], strict=False)):
                continue  # tokens must be adjacent or separated by spaces only
            key = tuple(t[1] for t in span)
            entry = _lookup_name(gaz, key, lang, span[0][0][:1].isupper(), cued,
                                 suffixes if span[-1][0].isalpha() else ())
            if entry is not None:
                found = (n, entry)
                break
        if found is None:
            word = toks[i][0]
            entry = _single(gaz, first, lang, word[:1].isupper(), cued, word.isalpha(), suffixes)
            found = (1, entry) if entry is not None else None
        if found is None:
            i += 1
            continue
        n, entry = found
        if (entry.kind == "city" and n == 1 and entry.rank != _RANK["exonym"] and entry.population < _BIG_CITY
                and _name_follows(toks, i + 1, text)):
            i += 1  # "George Bush", "Martin Schulz": a first name, not a town
            continue
        start, end = toks[i][2], toks[i + n - 1][3]
        out.append(PlaceMention(start, end, text[start:end], entry.name, entry.country, entry.lat, entry.lon,
                                entry.kind))
        i += n
    return out


def _name_follows(toks: list[tuple[str, str, int, int]], j: int, text: str) -> bool:
    """A capitalised word right after (one space), as in a person's first and last name."""
    if j >= len(toks) or text[toks[j - 1][3]:toks[j][2]] != " ":
        return False
    word = toks[j][0]
    return word[:1].isupper() and word.isalpha() and not word.isupper()


# Doc.user_data key under which the known_places rule keeps the places of the whole text, found once
PLACES_KEY = "eventlens_places"


def places_in(nlp_doc, start: int, end: int, lang: str) -> list[PlaceMention]:
    """The places inside nlp_doc.text[start:end], offsets relative to start: those the analysis found in the
    whole text, else searched in that stretch alone."""
    found = nlp_doc.user_data.get(PLACES_KEY)
    if found is None:
        return find_places(nlp_doc.text[start:end], lang)
    return [replace(p, start=p.start - start, end=p.end - start) for p in found
            if start <= p.start and p.end <= end]


def place_for_country(iso3: str) -> PlaceMention:
    """The country itself as a place, at its centroid (coordinates None for an unknown code)."""
    entry = _gazetteer().countries.get(iso3.upper()) if iso3 else None
    if entry is None:
        return PlaceMention(0, 0, "", iso3, iso3 or None, None, None, "country")
    return PlaceMention(0, 0, "", entry.name, entry.country, entry.lat, entry.lon, "country")


__all__ = ["PlaceMention", "find_places", "places_in", "place_for_country", "KINDS", "PLACES_KEY"]
