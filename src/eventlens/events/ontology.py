"""The PLOVER event ontology: types, modes, contexts, and the CAMEO code closest to a coding.

Data lives in `eventlens/data/plover/` (`types.yaml`, `cameo_map.tsv`; origin and licence in SOURCE.md).
`Ontology.load()` reads and validates both once per process; a bad entry raises `DataError` naming the
file, the line and the field.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from eventlens.errors import DataError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "plover"
QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
CAMEO_COLUMNS = ("cameo", "type", "mode", "contexts", "label", "note")


@dataclass(frozen=True)
class TypeInfo:
    name: str
    description: str
    quad_class: str
    modes: list[str]
    requires_recipient: bool = False
    cameo: str | None = None  # the type's root CAMEO code


@dataclass(frozen=True)
class CameoRow:
    code: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    label: str
    line: int


@dataclass(eq=False)
class Ontology:
    types: dict[str, TypeInfo]
    contexts: set[str]
    context_descriptions: dict[str, str] = field(default_factory=dict)
    cameo_rows: list[CameoRow] = field(default_factory=list)
    # (the table it was built from, its length, (type, mode) -> rows): cameo() is asked for every event
    _rows_index: tuple = field(default=(None, 0, {}), repr=False)

    @classmethod
    def load(cls, folder: Path | str | None = None) -> Ontology:
        """The ontology shipped with eventlens (cached), or the one in `folder` (for tests)."""
        if folder is None:
            return _load_default()
        return _load(Path(folder))

    def is_type(self, name: str) -> bool:
        return name in self.types

    def is_mode(self, type_name: str, mode: str | None) -> bool:
        return mode is None or (type_name in self.types and mode in self.types[type_name].modes)

    def quad_class(self, type_name: str) -> str:
        return self.types[type_name].quad_class

    def cameo(self, type: str, mode: str | None = None, context: str | None = None) -> str | None:  # noqa: A002
        """The closest CAMEO code: exact (type, mode, context), else (type, mode), else the type's root code."""
        info = self.types.get(type)
        if info is None:
            return None
        table, size, index = self._rows_index
        if table is not self.cameo_rows or size != len(table):  # a table replaced or grown is indexed again
            index = {}
            for r in self.cameo_rows:
                index.setdefault((r.type, r.mode), []).append(r)
            self._rows_index = (self.cameo_rows, len(self.cameo_rows), index)
        rows = index.get((type, mode), [])
        if context is not None:
            exact = [r for r in rows if context in r.contexts]
            if exact:
                return _most_general(exact).code
        if mode is not None and rows:
            return _most_general(rows).code
        return info.cameo


def _most_general(rows: list[CameoRow]) -> CameoRow:
    # Shortest code first (a 3-digit category before its 4-digit children), then the fewest contexts,
    # then table order.
    return min(rows, key=lambda r: (len(r.code), len(r.contexts), r.line))


@functools.cache
def _load_default() -> Ontology:
    return _load(DATA_DIR)


def _load(folder: Path) -> Ontology:
    types, contexts = _load_types(folder / "types.yaml")
    onto = Ontology(types=types, contexts=set(contexts), context_descriptions=contexts)
    onto.cameo_rows = _load_cameo(folder / "cameo_map.tsv", onto)
    codes = {r.code for r in onto.cameo_rows}
    path = str(folder / "types.yaml")
    for info in types.values():
        if info.cameo is not None and info.cameo not in codes:
            raise DataError("E501", path=path, field="cameo", why=f"{info.name}: code {info.cameo} is not in cameo_map.tsv")
    return onto


def _key_lines(node: yaml.Node) -> dict[str, int]:
    """Line (1-based) of each key of a YAML mapping node."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def _child(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v
    return None


def _load_types(path: Path) -> tuple[dict[str, TypeInfo], dict[str, str]]:
    p = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except OSError as exc:
        raise DataError("E502", path=p, why=str(exc)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataError("E502", path=p, line=(mark.line + 1) if mark else None, why=str(exc)) from exc
    if not isinstance(data, dict) or data.get("schema") != 1:
        raise DataError("E501", path=p, line=1, field="schema", why="the file must start with 'schema: 1'")
    top = _key_lines(root)
    raw_types = data.get("types")
    if not isinstance(raw_types, dict) or not raw_types:
        raise DataError("E501", path=p, line=top.get("types"), field="types", why="must be a non-empty mapping")
    raw_ctx = data.get("contexts")
    if not isinstance(raw_ctx, dict) or not raw_ctx:
        raise DataError("E501", path=p, line=top.get("contexts"), field="contexts", why="must be a non-empty mapping")
    contexts = {str(k): str(v) for k, v in raw_ctx.items()}
    types_node = _child(root, "types")
    type_lines = _key_lines(types_node)
    types: dict[str, TypeInfo] = {}
    for name, entry in raw_types.items():
        line = type_lines.get(name)
        if not isinstance(name, str) or not name.isupper():
            raise DataError("E501", path=p, line=line, field="types", why=f"type name {name!r} must be upper case")
        if not isinstance(entry, dict):
            raise DataError("E501", path=p, line=line, field=name, why="must be a mapping")
        lines = _key_lines(_child(types_node, name))

        def bad(fld: str, why: str, _lines=lines, _line=line, _name=name) -> DataError:
            return DataError("E501", path=p, line=_lines.get(fld, _line), field=fld, why=f"{_name}: {why}")

        unknown = set(entry) - {"description", "quad_class", "modes", "requires_recipient", "cameo"}
        if unknown:
            raise bad(sorted(unknown)[0], "unknown field")
        desc = entry.get("description")
        if not isinstance(desc, str) or not desc.strip():
            raise bad("description", "must be a non-empty string")
        quad = entry.get("quad_class")
        if quad not in QUAD_CLASSES:
            raise bad("quad_class", f"must be one of {', '.join(QUAD_CLASSES)}")
        modes = entry.get("modes", [])
        if not isinstance(modes, list) or not all(isinstance(m, str) and m for m in modes):
            raise bad("modes", "must be a list of mode names")
        if len(set(modes)) != len(modes):
            raise bad("modes", "a mode is listed twice")
        req = entry.get("requires_recipient", False)
        if not isinstance(req, bool):
            raise bad("requires_recipient", "must be true or false")
        cameo = entry.get("cameo")
        if cameo is not None and not (isinstance(cameo, str) and cameo.isdigit()):
            raise bad("cameo", "must be a quoted string of digits")
        types[name] = TypeInfo(name, desc.strip(), quad, list(modes), req, cameo)
    return types, contexts


def _load_cameo(path: Path, onto: Ontology) -> list[CameoRow]:
    p = str(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError("E502", path=p, why=str(exc)) from exc
    if not lines or lines[0].strip() != "# schema: 1":
        raise DataError("E501", path=p, line=1, field="schema", why="the first line must be '# schema: 1'")
    rows: list[CameoRow] = []
    header_seen = False
    seen: set[str] = set()
    for n, raw in enumerate(lines, start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if not header_seen:
            if tuple(cells) != CAMEO_COLUMNS:
                raise DataError("E501", path=p, line=n, field="header", why=f"expected columns {', '.join(CAMEO_COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(CAMEO_COLUMNS):
            raise DataError("E501", path=p, line=n, field="columns", why=f"expected {len(CAMEO_COLUMNS)} tab-separated cells")
        code, typ, mode, ctx, label, _note = (c.strip() for c in cells)
        if not code.isdigit():
            raise DataError("E501", path=p, line=n, field="cameo", why=f"{code!r} is not a CAMEO code")
        if code in seen:
            raise DataError("E501", path=p, line=n, field="cameo", why=f"code {code} is listed twice")
        seen.add(code)
        if typ not in onto.types:
            raise DataError("E501", path=p, line=n, field="type", why=f"unknown PLOVER type {typ!r}")
        if mode and mode not in onto.types[typ].modes:
            raise DataError("E501", path=p, line=n, field="mode", why=f"{mode!r} is not a mode of {typ}")
        contexts = tuple(c.strip() for c in ctx.split(",") if c.strip())
        for c in contexts:
            if c not in onto.contexts:
                raise DataError("E501", path=p, line=n, field="contexts", why=f"unknown context {c!r}")
        rows.append(CameoRow(code, typ, mode or None, contexts, label, n))
    if not header_seen:
        raise DataError("E501", path=p, field="header", why="no header row")
    return rows
