"""Which spaCy pipeline serves a language.

Order of preference, read from `lang/<code>/pack.toml`:
1. an official pipeline the user installed (`[pipeline] installed = [...]`, by package name),
2. the pipeline shipped in the pack (`[pipeline] shipped = "pipeline"`, a folder loaded by path),
3. a fallback: a blank pipeline with rule-based sentences and simplemma lemmas (reported as such).
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventlens.errors import DataError
from eventlens.lang import LANG_DIR, get_pack

SOURCES = ("installed", "shipped", "fallback")
# rule name in pack.toml -> spaCy factory
RULES = {"dative_objects": "eventlens_dative_objects", "flat_names": "eventlens_flat_names",
         "verb_roots": "eventlens_verb_roots", "content_clauses": "eventlens_content_clauses",
         "attributive_participles": "eventlens_attributive_participles",
         "known_persons": "eventlens_known_persons", "known_places": "eventlens_known_places",
         "reporting_subjects": "eventlens_reporting_subjects",
         "coordinated_infinitives": "eventlens_coordinated_infinitives",
         "noun_content_clauses": "eventlens_noun_content_clauses"}


@dataclass
class PackChoice:
    lang: str
    source: str  # installed | shipped | fallback
    name: str  # package name or folder path
    path: str | None  # folder of the pipeline, if on disk
    ner_labels: dict[str, str] = field(default_factory=dict)
    scores: dict[str, Any] = field(default_factory=dict)
    reason: str = ""  # why the fallback was chosen
    lemmas: str = ""  # "simplemma": dictionary lemmas replace the statistical ones
    rules: list[str] = field(default_factory=list)  # rule components run after the parser
    lemma_exceptions: dict[str, str] = field(default_factory=dict)  # lower-cased form (or form/POS) -> lemma
    lemma_proper_forms: bool = False  # dictionary lemmas: proper nouns and adjectives keep their form

    def as_dict(self) -> dict[str, Any]:
        return {"lang": self.lang, "source": self.source, "name": self.name, "path": self.path,
                "scores": self.scores, "ner_labels": self.ner_labels, "lemmas": self.lemmas or None,
                "rules": self.rules,
                "reason": self.reason or None}


def _pack_config(lang: str) -> tuple[dict[str, Any], Path | None]:
    pack = get_pack(lang)
    if not pack.exists or not pack.config:
        return {}, None
    path = pack.folder / "pack.toml"
    cfg = pack.config
    if cfg.get("schema") != 1:
        raise DataError("E502", path=str(path), why="field 'schema': expected 1")
    pipe = cfg.get("pipeline", {})
    if not isinstance(pipe, dict):
        raise DataError("E502", path=str(path), why="field 'pipeline': expected a table")
    installed = pipe.get("installed", [])
    if not isinstance(installed, list) or not all(isinstance(x, str) for x in installed):
        raise DataError("E502", path=str(path), why="field 'pipeline.installed': expected a list of names")
    shipped = pipe.get("shipped")
    if shipped is not None and not isinstance(shipped, str):
        raise DataError("E502", path=str(path), why="field 'pipeline.shipped': expected a folder name")
    labels = pipe.get("ner_labels", {})
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise DataError("E502", path=str(path), why="field 'pipeline.ner_labels': expected label = \"LABEL\"")
    if pipe.get("lemmas", "") not in ("", "simplemma"):
        raise DataError("E502", path=str(path), why="field 'pipeline.lemmas': expected \"simplemma\" or nothing")
    rules = pipe.get("rules", [])
    if not isinstance(rules, list) or any(r not in RULES for r in rules):
        raise DataError("E502", path=str(path), why=f"field 'pipeline.rules': expected names from {sorted(RULES)}")
    bad = sorted({v for v in labels.values() if v not in ("", "PER", "ORG", "LOC", "MISC")})
    if bad:
        raise DataError("E502", path=str(path), why=f"field 'pipeline.ner_labels': unknown target {bad[0]}")
    return pipe, pack.folder


def _measured(lang: str) -> dict[str, Any]:
    """The [scores] table of pack.toml: our dev scores of the pipeline as eventlens loads it."""
    scores = get_pack(lang).config.get("scores", {})
    return dict(scores) if isinstance(scores, dict) else {}


def _exceptions(pipe: dict[str, Any], folder: Path | None) -> dict[str, str]:
    name = pipe.get("lemma_exceptions")
    if not name or folder is None:
        return {}
    return read_lemma_exceptions(folder / name)


def read_lemma_exceptions(path: Path) -> dict[str, str]:
    """A TSV of `form<TAB>lemma` lines (form may be `form/POS`) after a first line `schema: 1`; # starts a
    comment line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError("E502", path=str(path), why=str(exc)) from exc
    if not lines or lines[0].strip() != "schema: 1":
        raise DataError("E502", path=str(path), line=1, why="field 'schema': first line must be 'schema: 1'")
    table: dict[str, str] = {}
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 2 or not cols[0].strip() or not cols[1].strip():
            raise DataError("E502", path=str(path), line=n, why="field 'lemma': expected form<TAB>lemma")
        form, _, pos = cols[0].strip().partition("/")  # "'s/AUX": only where the tagger says AUX
        table[form.lower() + (f"/{pos.upper()}" if pos else "")] = cols[1].strip()
    return table


def _package_dir(name: str) -> str | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return list(spec.submodule_search_locations)[0]


def read_scores(pipeline_dir: str | Path) -> dict[str, Any]:
    """Dev scores recorded in a pipeline's meta.json (ours: `eventlens.dev_scores`; spaCy's: `performance`)."""
    meta = Path(pipeline_dir) / "meta.json"
    if not meta.exists():
        # installed packages keep the pipeline one folder down (<package>/<package>-<version>/)
        found = sorted(Path(pipeline_dir).glob("*/meta.json"))
        if not found:
            return {}
        meta = found[0]
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    ours = data.get("eventlens", {}).get("dev_scores")
    if ours:
        return ours
    perf = data.get("performance", {})
    keep = ("token_acc", "sents_f", "pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "ents_f")
    return {k: perf[k] for k in keep if k in perf}


def choose(lang: str) -> PackChoice:
    """The pipeline that `load_nlp(lang)` will load, without loading it."""
    pipe, folder = _pack_config(lang)
    labels = dict(pipe.get("ner_labels", {}))
    measured = _measured(lang)
    for name in pipe.get("installed", []):
        where = _package_dir(name)
        if where:
            return PackChoice(lang, "installed", name, where, labels, measured or read_scores(where),
                              lemmas=pipe.get("lemmas", ""), rules=list(pipe.get("rules", [])),
                              lemma_proper_forms=bool(pipe.get("lemma_proper_forms", False)),
                              lemma_exceptions=_exceptions(pipe, folder))
    shipped = pipe.get("shipped")
    if shipped and folder is not None:
        where = folder / shipped
        if (where / "config.cfg").exists():
            return PackChoice(lang, "shipped", str(where), str(where), labels, measured or read_scores(where),
                              lemmas=pipe.get("lemmas", ""), rules=list(pipe.get("rules", [])),
                              lemma_proper_forms=bool(pipe.get("lemma_proper_forms", False)),
                              lemma_exceptions=_exceptions(pipe, folder))
    if folder is None:
        reason = f"no language pack for '{lang}'"
    else:
        reason = f"language pack '{lang}' has no installed or shipped pipeline"
    return PackChoice(lang, "fallback", f"blank:{lang}", None, {}, {}, reason)


def shipped_choice(lang: str, path: str | Path) -> PackChoice:
    """The pack's shipped-pipeline settings applied to a pipeline folder elsewhere (training output)."""
    pipe, folder = _pack_config(lang)
    return PackChoice(lang, "shipped", str(path), str(path), dict(pipe.get("ner_labels", {})),
                      read_scores(path), lemmas=pipe.get("lemmas", ""), rules=list(pipe.get("rules", [])),
                      lemma_proper_forms=bool(pipe.get("lemma_proper_forms", False)),
                      lemma_exceptions=_exceptions(pipe, folder))


def all_choices() -> list[PackChoice]:
    return [choose(code) for code in sorted(p.name for p in LANG_DIR.iterdir()
                                             if p.is_dir() and (p / "pack.toml").exists())]
