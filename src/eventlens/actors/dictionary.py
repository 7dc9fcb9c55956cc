"""The actor dictionary: canonical actors and the surface forms that name them, per language.

Shipped tables (data/actors/) hold the language-neutral part: states (CLDR names), international
bodies, non-state groups, office-holders with tenures. Language packs (lang/<xx>/actors.yaml) hold
the surface part: short forms, inflections, demonyms, capital metonyms, role nouns, sector nouns,
generic nouns, pronouns. User files (`--actors my.yaml`) are layered on top and may add or override
actors and forms; see docs/actors.md.

Everything is compiled into one index per language: a mapping from a tuple of normalised words to
the `Form`s it may stand for. Loading validates every entry and raises `DataError` naming the file,
the line and the field.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from eventlens.errors import DataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
LANGS = ("de", "en", "fr", "es", "it")
SECTORS = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "CVL", "MED", "BUS", "IGO", "NGO", "COP", "SPY", "EDU",
           "REL", "HLH", "ELI", "LAB", "AGR", "REF", "CRM", "UAF", "MNC", "PTY", None}
KINDS = {"state", "igo", "person", "group", "generic", "pronoun"}
_SPLIT = re.compile(r"[\s\-\u2010\u2011\u2013]+")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,16}$")
_QID = re.compile(r"^Q\d+$")


@functools.lru_cache(maxsize=65536)  # called for every word of every document; words repeat
def fold(text: str) -> str:
    """Case- and accent-insensitive key of a word: 'Pjöngjang' -> 'pjongjang', 'Straße' -> 'strasse'."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).replace("\u2019", "'")


def split_words(form: str) -> list[str]:
    """Words of a surface form, split the way resolution splits text (spaces and hyphens)."""
    return [w for w in _SPLIT.split(form.strip()) if w]


_ELISION = re.compile(r"^([^\W\d_]{1,2}['’])(\w.*)$")  # d'Orsay, l'Intérieur
_POSSESSIVE = re.compile(r"^(\w.*?)(['’]s)$")  # People's
_PLURAL_POSSESSIVE = re.compile(r"^(\w.*s)(['’])$")  # Workers' (the tokenizer splits the apostrophe off)


def token_variants(words: list[str]) -> list[list[str]]:
    """The words, and the same words split as tokenizers split elisions and possessives."""
    split: list[str] = []
    for w in words:
        m = _ELISION.match(w) or _POSSESSIVE.match(w) or _PLURAL_POSSESSIVE.match(w)
        split.extend(m.groups() if m else (w,))
    return [words, split] if split != words else [words]


def is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


@dataclass(frozen=True)
class Actor:
    """A canonical actor. For office-holders one Actor per tenure (start/end are ISO dates)."""

    key: str  # identity: the entry id (state code, body id, person name)
    code: str
    name: str
    kind: str  # state | igo | group | person
    sector: str | None = None
    wikidata: str | None = None
    role: str | None = None
    start: str | None = None
    end: str | None = None
    state: str | None = None  # for groups: where they are based (informational)


@dataclass(frozen=True)
class Form:
    """One surface form and what it stands for.

    category: name | adjective | metonym | person | person_short | role | sector | generic | pronoun
              | direction
    """

    category: str
    actors: tuple[Actor, ...] = ()  # several for persons with several tenures
    sector: str | None = None
    role: str | None = None
    proper: bool = False  # needs a capital initial in the text
    pattern: tuple[str, ...] = ()  # role patterns with a {STATE} slot
    exact: str | None = None  # lower-case surface that must match with its accents ("él", not "el")
    people: str | None = None  # an ethnic or national group (peoples.yaml id); actors: the states it lives in


@dataclass(frozen=True)
class People:
    """An ethnic or national group: the states it lives in (the first where the news mostly places it) and,
    for a people with a state of its own, that state (its members are coded with it unless the text says
    where they live)."""

    key: str
    name: str
    states: tuple[str, ...]
    nation: str | None = None


@dataclass
class LangData:
    """Per-language settings that are not forms (read by the resolver)."""

    determiners: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    pronoun_skip_next: set[str] = field(default_factory=set)
    modifier_regex: re.Pattern | None = None
    role_state_connectors: set[str] = field(default_factory=set)
    direction_blockers: set[str] = field(default_factory=set)
    skip_words: set[str] = field(default_factory=set)  # possessive markers and the like
    topic_heads: set[str] = field(default_factory=set)  # "Russland-Politik": the state is a topic, no party
    shared_adjective_joins: set[str] = field(default_factory=set)  # "responsables et entreprises iraniens"
    body_references: set[str] = field(default_factory=set)  # "the group", "the bloc": the body named last
    holder_participles: set[str] = field(default_factory=set)  # "Pakistani-administered Kashmir": the holder's
    minority_markers: set[str] = field(default_factory=set)  # "ethnic Albanians": a community, not the state
    foreign_markers: set[str] = field(default_factory=set)  # "foreign journalists": nobody's own where they are
    adjectives_follow: bool = False  # the state adjective comes after its noun ("les Serbes bosniaques")
    calendar_words: set[str] = field(default_factory=set)  # months and weekdays: capitalised, never a name
    name_particles: set[str] = field(default_factory=set)  # lower-case words inside names ("van", "bin")
    name_particles_after: set[str] = field(default_factory=set)  # only right after one of those ("van den")
    slot_patterns: list[Form] = field(default_factory=list)


class Index:
    """Lookup of word tuples for one language: folded keys, plus exact keys for acronyms."""

    def __init__(self) -> None:
        self.folded: dict[tuple[str, ...], list[Form]] = {}
        self.exact: dict[tuple[str, ...], list[Form]] = {}
        self.max_len = 1
        self.fuzzy: dict[str, set[str]] = {}  # deletion neighbourhood of long proper single words
        # full names of persons with one word masked ("francois", "*"): misspelt names ("Francois Mitterand")
        self.person_masks: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        # first word of a key -> the key lengths that start with it, longest first: the resolver tries only
        # those lengths at a position instead of every length up to max_len
        self.lengths: dict[str, tuple[int, ...]] = {}

    def add(self, surface: str, form: Form) -> None:
        words = split_words(surface)
        if not words:
            return
        for variant in token_variants(words):
            if all(is_acronym(w) for w in variant) and any(c.isalpha() for c in surface):
                table, key = self.exact, tuple(variant)
            else:
                table, key = self.folded, tuple(fold(w) for w in variant)
            bucket = table.setdefault(key, [])
            if form not in bucket:
                bucket.append(form)
            self.max_len = max(self.max_len, len(key))
            known = self.lengths.get(key[0], ())
            if len(key) not in known:
                self.lengths[key[0]] = tuple(sorted((*known, len(key)), reverse=True))

    def build_fuzzy(self) -> None:
        for key, forms in self.folded.items():
            if len(key) == 1 and len(key[0]) >= 7 and any(
                    f.proper and f.category in ("name", "metonym") for f in forms):
                word = key[0]
                for i in range(len(word)):
                    self.fuzzy.setdefault(word[:i] + word[i + 1:], set()).add(word)

        for key, forms in self.folded.items():
            if 2 <= len(key) <= 4 and any(f.category == "person" for f in forms):
                for j in range(len(key)):
                    if len(key[j]) >= 5:
                        self.person_masks.setdefault(key[:j] + ("*",) + key[j + 1:], set()).add(key)

    def fuzzy_person(self, keys: tuple[str, ...]) -> tuple[str, ...] | None:
        """The full name of a person that `keys` spells with one word one letter off ("Abdelaziz Bouteflicka",
        "Laurent Gbago"), if there is exactly one: the other words must match exactly."""
        if keys in self.folded:
            return None
        near = set()
        for j in range(len(keys)):
            for key in self.person_masks.get(keys[:j] + ("*",) + keys[j + 1:], ()):
                if _one_edit(keys[j], key[j]):
                    near.add(key)
        return near.pop() if len(near) == 1 else None

    def fuzzy_lookup(self, word: str) -> str | None:
        """The dictionary word one edit away from `word` (length >= 7), if there is exactly one."""
        if len(word) < 7 or (word,) in self.folded:
            return None
        near = set(self.fuzzy.get(word, ()))  # word lacks one letter
        for i in range(len(word)):
            shorter = word[:i] + word[i + 1:]
            if (shorter,) in self.folded:
                near.add(shorter)  # word has one letter too many
            near |= self.fuzzy.get(shorter, set())  # one letter replaced (or two edits: checked below)
        near = {w for w in near if _one_edit(word, w) and self.folded[(w,)][0].proper}
        return near.pop() if len(near) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


class ActorDictionary:
    """All actors and their surface forms. Build with `ActorDictionary.load()`."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.persons: dict[str, list[Actor]] = {}  # person name -> tenures
        self.pairs: list[tuple[str, str]] = []  # (north, south)
        self.raw: dict[str, dict[str, Any]] = {}  # lang -> parsed actors.yaml
        self.indexes: dict[str, Index] = {}
        self.lang_data: dict[str, LangData] = {}
        self._neutral: list[tuple[str, Form]] = []  # forms for every language
        self._group_state: dict[str, str] = {}  # a group's own code -> the state it is coded with
        self.peoples: dict[str, People] = {}
        self._by_lang: dict[str, list[tuple[str, Form]]] = {}
        self.files: list[str] = []

    # -- loading -------------------------------------------------------------------------------

    @classmethod
    def load(cls, extra_files: Sequence[str] = ()) -> ActorDictionary:
        d = cls()
        d._load_states(DATA_DIR / "states.tsv")
        d._load_wikidata(DATA_DIR / "states_wikidata.tsv")
        d._load_bodies(DATA_DIR / "igos.yaml", "bodies", "igo", "IGO")
        d._load_bodies(DATA_DIR / "groups.yaml", "groups", "group", "REB")
        d._load_bodies(DATA_DIR / "state_bodies.yaml", "bodies", "group", "GOV")
        d._load_pairs(DATA_DIR / "divided_states.yaml")
        d._load_peoples(DATA_DIR / "peoples.yaml")
        d._load_places(DATA_DIR / "places.yaml")
        d._load_persons(DATA_DIR / "office_holders.tsv")
        for lang_dir in sorted(p for p in LANG_DIR.iterdir() if (p / "actors.yaml").exists()):
            d._load_lang(lang_dir / "actors.yaml")
        for extra in extra_files:
            d._load_user(Path(extra))
        d._build()
        return d

    def _load_states(self, path: Path) -> None:
        self.files.append(str(path))
        for line_no, row in _read_tsv(path, ("code", "alpha2", "name_en")):
            code = row["code"]
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise DataError("E401", path=str(path), line=line_no, field="code", why=f"not alpha-3: {code!r}")
            self.actors[code] = Actor(key=code, code=code, name=_main_name(row["name_en"]), kind="state")
            for col, value in row.items():
                if col.startswith("name_") and value:
                    lang = col[5:]
                    for name in _name_variants(value):
                        self._by_lang.setdefault(lang, []).append(
                            (name, Form("name", (self.actors[code],), proper=True)))

    def _load_wikidata(self, path: Path) -> None:
        if not path.exists():
            return
        self.files.append(str(path))
        for line_no, row in _read_tsv(path, ("code", "wikidata")):
            code, qid = row["code"], row["wikidata"]
            if code not in self.actors:
                raise DataError("E401", path=str(path), line=line_no, field="code", why=f"unknown state {code!r}")
            if not _QID.match(qid):
                raise DataError("E401", path=str(path), line=line_no, field="wikidata", why=f"not a Q-id: {qid!r}")
            self.actors[code] = replace(self.actors[code], wikidata=qid)

    def _load_bodies(self, path: Path, top: str, kind: str, default_sector: str) -> None:
        self.files.append(str(path))
        data, lines = _read_yaml(path)
        entries = data.get(top)
        if not isinstance(entries, dict):
            raise DataError("E401", path=str(path), field=top, why="must be a mapping of id -> entry")
        for key, entry in entries.items():
            self._add_body(path, lines.get(str(key)), str(key), entry, kind, default_sector)

    def _add_body(self, path: Path, line: int | None, key: str, entry: Any, kind: str,
                  default_sector: str) -> None:
        if not isinstance(entry, dict):
            raise DataError("E401", path=str(path), line=line, field=key, why="entry must be a mapping")
        name = entry.get("name")
        if not isinstance(name, str) or not name:
            raise DataError("E401", path=str(path), line=line, field=f"{key}.name", why="missing or empty")
        code = entry.get("code", key)
        if not isinstance(code, str) or not _CODE.match(code):
            raise DataError("E401", path=str(path), line=line, field=f"{key}.code", why=f"bad code {code!r}")
        sector = entry.get("sector", default_sector)
        if sector not in SECTORS:
            raise DataError("E401", path=str(path), line=line, field=f"{key}.sector", why=f"unknown {sector!r}")
        qid = entry.get("wikidata")
        if qid is not None and not (isinstance(qid, str) and _QID.match(qid)):
            raise DataError("E401", path=str(path), line=line, field=f"{key}.wikidata", why=f"not a Q-id: {qid!r}")
        forms = entry.get("forms", [])
        if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
            raise DataError("E401", path=str(path), line=line, field=f"{key}.forms", why="must be a list of strings")
        state = entry.get("state")
        if kind == "group" and isinstance(state, str) and state:
            # GOLD_FORMAT: a sub-state actor takes its state's code; the sector and name say which part
            self._group_state[code] = self._group_state[key] = state
            code = state
        actor = Actor(key=key, code=code, name=name, kind=kind, sector=sector, wikidata=qid, state=state)
        self.actors[key] = actor
        for f in forms:
            self._neutral.append((f, Form("name", (actor,), proper=True)))

    def _load_pairs(self, path: Path) -> None:
        self.files.append(str(path))
        data, _ = _read_yaml(path)
        for i, pair in enumerate(data.get("pairs", []) or []):
            if not isinstance(pair, dict) or pair.get("north") not in self.actors or pair.get("south") not in self.actors:
                raise DataError("E401", path=str(path), field=f"pairs[{i}]", why="needs known north and south codes")
            self.pairs.append((pair["north"], pair["south"]))

    def _load_peoples(self, path: Path) -> None:
        self.files.append(str(path))
        data, lines = _read_yaml(path)
        entries = data.get("peoples")
        if not isinstance(entries, dict):
            raise DataError("E401", path=str(path), field="peoples", why="must be a mapping of id -> entry")
        for key, entry in entries.items():
            key, line = str(key), lines.get(str(key))
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"]:
                raise DataError("E401", path=str(path), line=line, field=f"{key}.name", why="missing or empty")
            states = entry.get("states")
            if not isinstance(states, list) or not states or not all(s in self.actors for s in states):
                raise DataError("E401", path=str(path), line=line, field=f"{key}.states",
                                why="must be a non-empty list of known state codes")
            nation = entry.get("nation")
            if nation is not None and nation not in states:
                raise DataError("E401", path=str(path), line=line, field=f"{key}.nation",
                                why="must be one of the people's states")
            self.peoples[key] = People(key, entry["name"], tuple(states), nation)

    def _load_places(self, path: Path) -> None:
        """Cities and regions: a name of the state they lie in (PLOVER codes a place by its state)."""
        self.files.append(str(path))
        data, lines = _read_yaml(path)
        for code, forms in self._code_map(path, lines, data, "places").items():
            if self.actors[code].kind != "state":
                raise DataError("E401", path=str(path), line=lines.get(code), field=f"places.{code}",
                                why="not a state code")
            for f in forms:
                self._neutral.append((f, Form("name", (self.actors[code],), proper=True)))

    def _load_persons(self, path: Path) -> None:
        self.files.append(str(path))
        for line_no, row in _read_tsv(path, ("person", "code", "sector", "role", "start", "end")):
            self._add_person(path, line_no, row)

    def _add_person(self, path: Path, line_no: int | None, row: dict[str, Any]) -> None:
        def bad(fld: str, why: str) -> DataError:
            return DataError("E401", path=str(path), line=line_no, field=fld, why=why)

        person = (row.get("person") or "").strip()
        if not person:
            raise bad("person", "missing")
        code = (row.get("code") or "").strip()
        if not _CODE.match(code):
            raise bad("code", f"bad code {code!r}")
        code = self._group_state.get(code, code)  # a group's leader is coded like the group
        sector = (row.get("sector") or "").strip() or None
        if sector not in SECTORS:
            raise bad("sector", f"unknown sector {sector!r}")
        start, end = (str(row.get("start") or "").strip() or None), (str(row.get("end") or "").strip() or None)
        for fld, value in (("start", start), ("end", end)):
            if value is not None and not _valid_date(value):
                raise bad(fld, f"not an ISO date: {value!r}")
        if start and end and _norm_date(end) < _norm_date(start):
            raise bad("end", "ends before it starts")
        qid = (row.get("wikidata") or "").strip() or None
        if qid is not None and not _QID.match(qid):
            raise bad("wikidata", f"not a Q-id: {qid!r}")
        actor = Actor(key=person, code=code, name=person, kind="person", sector=sector, wikidata=qid,
                      role=(row.get("role") or "").strip() or None, start=start, end=end)
        self.persons.setdefault(person, []).append(actor)
        aliases = _listify(row.get("aliases"))
        shorts = _listify(row.get("short"))
        aliases += [v for a in [person, *aliases] for v in _article_variants(a) if v not in aliases and v != person]
        shorts += [v for a in shorts for v in _article_variants(a) if v not in shorts]
        for alias in [person, *aliases]:
            self._neutral.append((alias, Form("person", (actor,), proper=True)))
        if not shorts:  # default: the last word of the name ("Putin"); "-" means none
            shorts = [split_words(person)[-1]]
        shorts = [s for s in shorts if s != "-"]
        for short in shorts:
            self._neutral.append((short, Form("person_short", (actor,), proper=True)))

    def _load_lang(self, path: Path) -> None:
        self.files.append(str(path))
        data, lines = _read_yaml(path)
        lang = data.get("lang")
        if not isinstance(lang, str) or not lang.isalpha():
            raise DataError("E401", path=str(path), line=lines.get("lang"), field="lang", why="missing language code")
        self.raw[lang] = data
        ld = self.lang_data.setdefault(lang, LangData())
        out = self._by_lang.setdefault(lang, [])

        def strings(name: str) -> list[str]:
            value = data.get(name, []) or []
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise DataError("E401", path=str(path), line=lines.get(name), field=name, why="must be a list of strings")
            return value

        ld.determiners = {fold(w) for w in strings("determiners")}
        ld.titles = {fold(w) for w in strings("titles")}
        ld.pronoun_skip_next = {fold(w) for w in strings("pronoun_skip_next")}
        ld.role_state_connectors = {fold(w) for w in strings("role_state_connectors")}
        ld.direction_blockers = {fold(w) for w in strings("direction_blockers")}
        ld.skip_words = {fold(w) for w in strings("skip_words")}
        ld.topic_heads = {fold(w) for w in strings("topic_heads")}
        ld.shared_adjective_joins = {fold(w) for w in strings("shared_adjective_joins")}
        ld.holder_participles = {fold(w) for w in strings("holder_participles")}
        ld.body_references = {fold(w) for w in strings("body_references")}
        ld.minority_markers = {fold(w) for w in strings("minority_markers")}
        ld.foreign_markers = {fold(w) for w in strings("foreign_markers")}
        ld.calendar_words = {fold(w) for w in strings("calendar_words")}
        ld.name_particles = {fold(w) for w in strings("name_particles")}
        ld.name_particles_after = {fold(w) for w in strings("name_particles_after")}
        ld.adjectives_follow = bool(data.get("adjectives_follow", False))
        if data.get("modifier_regex"):
            try:
                ld.modifier_regex = re.compile(str(data["modifier_regex"]))
            except re.error as exc:
                raise DataError("E401", path=str(path), line=lines.get("modifier_regex"),
                                field="modifier_regex", why=str(exc)) from exc
        for pron in strings("pronouns"):
            accented = fold(pron) != pron.lower()
            out.append((pron, Form("pronoun", exact=pron.lower() if accented else None)))
        directions = data.get("directions", {}) or {}
        for side in ("north", "south"):
            for w in directions.get(side, []) or []:
                out.append((w, Form("direction", role=side, proper=True)))

        infl = data.get("inflection", {}) or {}
        gen_suffix = infl.get("genitive_suffix")
        gen_skip = tuple(infl.get("genitive_skip_endings", []) or [])
        adj_endings = _endings(path, lines, data, "adjective_endings")
        noun_endings = _endings(path, lines, data, "noun_endings")

        def proper_forms(form: str) -> list[str]:
            forms = [form]
            if gen_suffix and not is_acronym(form) and not form.endswith(gen_skip):
                forms.append(form + gen_suffix)
            return forms

        # names of states, and their inflections (genitive of CLDR names too)
        cldr_names = [x for x in out if x[1].category == "name"]
        for name, form in cldr_names:
            for variant in proper_forms(name)[1:]:
                out.append((variant, form))
        # historic_*: states that no longer exist ("Soviet Union", "Zaire"), coded as their successor state
        for top in ("states", "historic_states"):
            for code, forms in self._code_map(path, lines, data, top).items():
                for f in forms:
                    for v in proper_forms(f):
                        out.append((v, Form("name", (self.actors[code],), proper=True)))
        for top in ("demonyms", "historic_demonyms"):
            for code, forms in self._code_map(path, lines, data, top).items():
                for f in forms:
                    for v in _inflect(f, adj_endings):
                        out.append((v, Form("adjective", (self.actors[code],))))
        peoples = data.get("peoples", {}) or {}
        if not isinstance(peoples, dict):
            raise DataError("E401", path=str(path), line=lines.get("peoples"), field="peoples", why="must be a mapping")
        for key, forms in peoples.items():
            people = self.peoples.get(str(key))
            if people is None:
                raise DataError("E401", path=str(path), line=lines.get(str(key), lines.get("peoples")),
                                field=f"peoples.{key}", why="unknown people (data/actors/peoples.yaml)")
            if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
                raise DataError("E401", path=str(path), line=lines.get(str(key)), field=f"peoples.{key}",
                                why="must be a list of strings")
            states = tuple(self.actors[c] for c in people.states)
            for f in forms:  # inflected like demonyms: "Kurd", "Kurds", "Kurdish"; "kurdische", "Kurden"
                for v in _inflect(f, adj_endings):
                    out.append((v, Form("adjective", states, people=people.key)))
        for code, forms in self._code_map(path, lines, data, "metonyms", allow_sector=True).items():
            for f, sector in forms:
                for v in proper_forms(f):
                    actor = self.actors[code]  # a seat stands for a state's government, or for the body itself
                    default = "GOV" if actor.kind == "state" else actor.sector
                    out.append((v, Form("metonym", (actor,), sector=sector or default, proper=True)))
        for top in ("bodies", "groups"):
            for key, forms in self._code_map(path, lines, data, top).items():
                actor = self.actors[key]
                for f in forms:
                    for v in proper_forms(f) if actor.kind == "group" else [f]:
                        out.append((v, Form("name", (actor,), proper=f[:1].isupper())))

        for i, entry in enumerate(data.get("roles", []) or []):
            where = f"roles[{i}]"
            forms, sector = _entry_forms(path, lines.get("roles"), where, entry)
            role = entry.get("role")
            if not isinstance(role, str) or not role:
                raise DataError("E401", path=str(path), line=lines.get("roles"), field=f"{where}.role", why="missing")
            for f in forms:
                if "{STATE}" in f:
                    ld.slot_patterns.append(Form("role", role=role, sector=sector,
                                                 pattern=tuple("{STATE}" if w == "{STATE}" else fold(w)
                                                               for w in split_words(f))))
                else:
                    for v in _inflect(f, noun_endings) if len(split_words(f)) == 1 else [f]:
                        out.append((v, Form("role", role=role, sector=sector)))
        sectors = data.get("sectors", {}) or {}
        if not isinstance(sectors, dict):
            raise DataError("E401", path=str(path), line=lines.get("sectors"), field="sectors", why="must be a mapping")
        for sector, forms in sectors.items():
            if sector not in SECTORS:
                raise DataError("E401", path=str(path), line=lines.get("sectors"), field=f"sectors.{sector}",
                                why="unknown sector")
            for f in forms or []:
                out.append((str(f), Form("sector", sector=sector)))
        for i, entry in enumerate(data.get("generic", []) or []):
            forms, sector = _entry_forms(path, lines.get("generic"), f"generic[{i}]", entry)
            for f in forms:
                out.append((f, Form("generic", sector=sector)))

    def _code_map(self, path: Path, lines: dict[str, int], data: dict, top: str,
                  allow_sector: bool = False) -> dict[str, list]:
        value = data.get(top, {}) or {}
        if not isinstance(value, dict):
            raise DataError("E401", path=str(path), line=lines.get(top), field=top, why="must be a mapping")
        out: dict[str, list] = {}
        for code, forms in value.items():
            code = str(code)
            line = lines.get(code, lines.get(top))
            if code not in self.actors:
                raise DataError("E401", path=str(path), line=line, field=f"{top}.{code}", why="unknown actor code")
            if not isinstance(forms, list):
                raise DataError("E401", path=str(path), line=line, field=f"{top}.{code}", why="must be a list")
            items = []
            for f in forms:
                if isinstance(f, str):
                    items.append((f, None) if allow_sector else f)
                elif allow_sector and isinstance(f, dict) and isinstance(f.get("form"), str):
                    if f.get("sector") not in SECTORS:
                        raise DataError("E401", path=str(path), line=line, field=f"{top}.{code}.sector",
                                        why=f"unknown sector {f.get('sector')!r}")
                    items.append((f["form"], f.get("sector")))
                else:
                    raise DataError("E401", path=str(path), line=line, field=f"{top}.{code}",
                                    why=f"bad form {f!r}")
            out[code] = items
        return out

    def _load_user(self, path: Path) -> None:
        """A user file: `actors` (new or overriding actors with forms) and `office_holders`."""
        if not path.exists():
            raise DataError("E402", path=str(path), why="no such file")
        self.files.append(str(path))
        data, lines = _read_yaml(path)
        if data.get("schema") != 1:
            raise DataError("E401", path=str(path), line=lines.get("schema"), field="schema", why="must be 1")
        for key, entry in (data.get("actors", {}) or {}).items():
            line = lines.get(str(key))
            if not isinstance(entry, dict):
                raise DataError("E401", path=str(path), line=line, field=str(key), why="entry must be a mapping")
            kind = entry.get("kind", "group")
            if kind not in KINDS:
                raise DataError("E401", path=str(path), line=line, field=f"{key}.kind", why=f"unknown kind {kind!r}")
            self._add_body(path, line, str(key), entry, kind, entry.get("sector", "GOV"))
            for lang, forms in (entry.get("names", {}) or {}).items():
                if not isinstance(forms, list):
                    raise DataError("E401", path=str(path), line=line, field=f"{key}.names.{lang}", why="must be a list")
                for f in forms:
                    self._by_lang.setdefault(str(lang), []).append(
                        (str(f), Form("name", (self.actors[str(key)],), proper=True)))
        holders = data.get("office_holders", []) or []
        if not isinstance(holders, list):
            raise DataError("E401", path=str(path), line=lines.get("office_holders"), field="office_holders",
                            why="must be a list")
        for i, row in enumerate(holders):
            if not isinstance(row, dict):
                raise DataError("E401", path=str(path), line=lines.get("office_holders"),
                                field=f"office_holders[{i}]", why="must be a mapping")
            row = dict(row)
            for k in ("aliases", "short"):
                if isinstance(row.get(k), list):
                    row[k] = "|".join(row[k])
            row["start"], row["end"] = _str_date(row.get("start")), _str_date(row.get("end"))
            self._add_person(path, _item_line(path, "office_holders", i), row)

    def _build(self) -> None:
        def current(form: Form) -> Form:  # a user file may have overridden the actor a form names
            if form.actors and form.actors[0].kind != "person" and form.actors[0].key in self.actors:
                return replace(form, actors=(self.actors[form.actors[0].key],))
            return form

        self._neutral = [(s, current(f)) for s, f in self._neutral]
        self._by_lang = {lang: [(s, current(f)) for s, f in forms] for lang, forms in self._by_lang.items()}
        for lang in sorted(set(self._by_lang) | set(LANGS)):
            idx = Index()
            infl = (self.raw.get(lang, {}) or {}).get("inflection", {}) or {}
            gen, gen_skip = infl.get("genitive_suffix"), tuple(infl.get("genitive_skip_endings", []) or [])
            # user and later entries win: forms added later are put first in their bucket
            for surface, form in reversed(self._neutral + self._by_lang.get(lang, [])):
                idx.add(surface, form)
                if gen and form.category in ("person", "person_short") and not surface.endswith(gen_skip):
                    idx.add(surface + gen, form)  # "Selenskyjs Büroleiter"
            idx.build_fuzzy()
            self.indexes[lang] = idx
            self.lang_data.setdefault(lang, LangData())

    # -- queries -------------------------------------------------------------------------------

    def index(self, lang: str) -> Index:
        if lang not in self.indexes:
            idx = Index()
            for surface, form in reversed(self._neutral):
                idx.add(surface, form)
            self.indexes[lang] = idx
            self.lang_data.setdefault(lang, LangData())
        return self.indexes[lang]

    def lookup(self, text: str, lang: str = "en") -> list[Form]:
        """Forms a surface string may stand for (for tests and the CLI)."""
        idx = self.index(lang)
        words = split_words(text)
        return idx.exact.get(tuple(words), []) + idx.folded.get(tuple(fold(w) for w in words), [])

    def tenure(self, tenures: Iterable[Actor], date: str | None) -> Actor:
        """The tenure of a person at `date`; outside every tenure, the person without office."""
        tenures = list(tenures)
        if date is None:
            return max(tenures, key=lambda a: (a.end is None, _norm_date(a.start or "0000")))
        d = _norm_date(date)
        for a in tenures:
            if _norm_date(a.start or "0000") <= d and (a.end is None or d < _norm_date(a.end, end=True)):
                return a
        earlier = [a for a in tenures if a.end and _norm_date(a.end, end=True) <= d]
        if earlier:
            last = max(earlier, key=lambda a: _norm_date(a.end))
            return replace(last, sector=None, role=f"former {last.role}" if last.role else None)
        return replace(tenures[0], sector=None, role=None)

    def in_office(self, tenures: Iterable[Actor], date: str | None) -> bool:
        tenures = list(tenures)
        if date is None:
            return any(a.end is None for a in tenures)
        d = _norm_date(date)
        return any(_norm_date(a.start or "0000") <= d and (a.end is None or d < _norm_date(a.end, end=True))
                   for a in tenures)


# -- helpers -----------------------------------------------------------------------------------


def person_names(path: Path | None = None) -> list[str]:
    """Full names (and their written variants) of the office-holders file: two words or more, since a lone
    surname ("May", "Kim") is too often something else to be called a person without context."""
    names: dict[str, None] = {}  # ordered and without repeats (a person holds several offices)
    for _, row in _read_tsv(path or DATA_DIR / "office_holders.tsv", ("person", "code")):
        for name in [row["person"], *_listify(row.get("aliases"))]:
            if len(split_words(name)) > 1:
                names[name] = None
    return list(names)


_ARTICLE = re.compile(r"(?<!\w)([AaEe])l(?=[-\s]\w)")


def _article_variants(name: str) -> list[str]:
    """The Arabic article is written al- or el- ("Omar al-Bashir", "Omar El Bashir"): the other spelling."""
    swap = {"a": "e", "A": "E", "e": "a", "E": "A"}
    variant = _ARTICLE.sub(lambda m: swap[m.group(1)] + "l", name)
    return [variant] if variant != name else []


def _valid_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        _dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _norm_date(value: str, end: bool = False) -> str:
    if len(value) == 4:
        return value + ("-12-31" if end else "-01-01")
    if len(value) == 7:
        return value + ("-31" if end else "-01")
    return value


def _str_date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _listify(value: Any) -> list[str]:
    if value is None:
        return []
    return [v.strip() for v in str(value).split("|") if v.strip()]


def _main_name(cldr: str) -> str:
    return re.sub(r"\s*\(.*\)", "", cldr).strip()


def _name_variants(cldr: str) -> list[str]:
    out = [cldr]
    m = re.match(r"^(.*?)\s*\((.*)\)$", cldr)
    if m:
        out = [m.group(1).strip(), m.group(2).strip()]
    return [o for o in out if o]


def _endings(path: Path, lines: dict[str, int], data: dict, name: str) -> dict[str, list[str]]:
    value = data.get(name, {"": [""]}) or {"": [""]}
    if not isinstance(value, dict) or not all(isinstance(v, list) for v in value.values()):
        raise DataError("E401", path=str(path), line=lines.get(name), field=name,
                        why="must map a base ending to a list of endings")
    return {str(k): [str(e) for e in v] for k, v in value.items()}


def _inflect(base: str, endings: dict[str, list[str]]) -> list[str]:
    """All forms of `base` under the ending rules: the longest matching key is replaced by each ending."""
    keys = sorted((k for k in endings if base.endswith(k)), key=len, reverse=True)
    if not keys:
        return [base]
    stem = base[: len(base) - len(keys[0])] if keys[0] else base
    return [base] + [stem + e for e in endings[keys[0]] if stem + e != base]


def _entry_forms(path: Path, line: int | None, where: str, entry: Any) -> tuple[list[str], str | None]:
    if not isinstance(entry, dict):
        raise DataError("E401", path=str(path), line=line, field=where, why="must be a mapping")
    forms = entry.get("forms")
    if not isinstance(forms, list) or not forms or not all(isinstance(f, str) for f in forms):
        raise DataError("E401", path=str(path), line=line, field=f"{where}.forms", why="must be a non-empty list")
    sector = entry.get("sector")
    if sector not in SECTORS:
        raise DataError("E401", path=str(path), line=line, field=f"{where}.sector", why=f"unknown {sector!r}")
    return forms, sector


def _read_tsv(path: Path, required: Sequence[str]) -> Iterable[tuple[int, dict[str, str]]]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError("E402", path=str(path), why=str(exc)) from exc
    lines = text.splitlines()
    if not lines or "schema: 1" not in lines[0]:
        raise DataError("E401", path=str(path), line=1, field="schema", why="first line must state 'schema: 1'")
    header_no = next((i for i, ln in enumerate(lines) if ln and not ln.startswith("#")), None)
    if header_no is None:
        return
    header = lines[header_no].split("\t")
    for col in required:
        if col not in header:
            raise DataError("E401", path=str(path), line=header_no + 1, field=col, why="column missing")
    for i, ln in enumerate(lines[header_no + 1:], start=header_no + 2):
        if not ln.strip() or ln.startswith("#"):
            continue
        cells = next(csv.reader([ln], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) > len(header):
            raise DataError("E401", path=str(path), line=i, field=header[-1], why="too many columns")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
        for col in required:
            if col in ("code", "person", "wikidata") and not row.get(col):
                raise DataError("E401", path=str(path), line=i, field=col, why="empty")
        yield i, row


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when present: much faster
    """Safe YAML that keeps dates as text: our own check then names the field of a bad one
    ("2024-13-45") instead of the YAML library failing without a line."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _read_yaml(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """Parse a YAML mapping; also return the line of each mapping key (first occurrence) for messages."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError("E402", path=str(path), why=str(exc)) from exc
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError("E402", path=str(path), line=(mark.line + 1) if mark else None,
                        why=str(getattr(exc, "problem", exc))) from exc
    if not isinstance(data, dict):
        raise DataError("E402", path=str(path), why="top level must be a mapping")
    if data.get("schema") != 1:
        raise DataError("E401", path=str(path), line=1, field="schema", why="must be 1")
    lines: dict[str, int] = {}
    for i, ln in enumerate(text.splitlines(), start=1):
        m = re.match(r"^\s*([^\s#:][^:]*?):(\s|$)", ln)
        if m:
            lines.setdefault(m.group(1).strip().strip("'\""), i)
    return data, lines


def _item_line(path: Path, top: str, index: int) -> int | None:
    """Line of the index-th `- ` item under a top-level key (for messages about list entries)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    inside, count = False, -1
    for i, ln in enumerate(lines, start=1):
        if re.match(rf"^{re.escape(top)}:", ln):
            inside = True
            continue
        if inside:
            if ln and not ln[0].isspace() and not ln.startswith("-") and not ln.startswith("#"):
                break
            if ln.lstrip().startswith("- "):
                count += 1
                if count == index:
                    return i
    return None
