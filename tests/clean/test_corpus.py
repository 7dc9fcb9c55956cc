"""The cleaning corpus (tests/fixtures/cleaning): expected clean text per document, and line
precision/recall of removals over the whole corpus (printed; run with -s to see the numbers)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventlens.clean import clean
from eventlens.ingest import read_bytes
from eventlens.records import Article

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "cleaning"
DOCS = sorted(CORPUS.glob("*.ann"))
REPAIR = re.compile(r"\{\{(.*?)\|(.*?)\}\}")


@dataclass
class AnnLine:
    raw: str  # the input line
    expected: str  # the line after repairs
    debris: bool


def parse(path: Path) -> list[AnnLine]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        debris = line.startswith("~ ")
        body = line[2:] if debris else line
        out.append(AnnLine(REPAIR.sub(r"\1", body), REPAIR.sub(r"\2", body), debris))
    return out


def render(path: Path, lines: list[AnnLine]) -> bytes:
    raw = [ln.raw for ln in lines]
    if path.name.endswith(".html.ann"):
        content = [x for x in raw if x.strip()]
        lang = path.name[:2]
        body = f"<h1>{html.escape(content[0])}</h1>\n" + "\n".join(f"<p>{html.escape(x)}</p>" for x in content[1:])
        page = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(content[0])}'
                f'</title></head><body><header><nav><a href="/">Home</a> | <a href="/p">Politik</a> | '
                f'<a href="/w">World</a></nav></header><main><article>{body}</article></main>'
                f'<footer><p>Impressum | Datenschutz | Kontakt</p></footer></body></html>')
        return page.encode("utf-8")
    return ("\n".join(raw) + "\n").encode("utf-8")


def fold(s: str) -> str:
    s = re.sub(r"[\u201c\u201d\u201e\u00ab\u00bb]", '"', s)
    s = re.sub(r"[\u2018\u2019\u201a]", "'", s)
    s = re.sub(r"[\u2012-\u2015\u2212]", "\u2013", s)
    return " ".join(s.split())


def run_doc(path: Path) -> tuple[list[AnnLine], Article, str]:
    lines = parse(path)
    kind = "html" if path.name.endswith(".html.ann") else "text"
    (article,) = list(read_bytes(render(path, lines), name=path.name, doc_id=path.stem, kind=kind))
    assert isinstance(article, Article), article
    return lines, article, clean(article).text


def removed_flags(lines: list[AnnLine], clean_text: str) -> list[bool]:
    """For each non-blank annotated line, whether it is absent from the clean text (in order)."""
    folded = fold(clean_text)
    cursor = 0
    flags = []
    for ln in lines:
        if not ln.expected.strip():
            continue
        want = fold(ln.expected)
        pos = folded.find(want, cursor)
        if pos >= 0 and not folded[cursor:pos].strip():
            cursor = pos + len(want)
            flags.append(False)
        else:
            flags.append(True)
    return flags


# Known misses, kept visible: trafilatura drops a lone "Mehr zum Thema:" paragraph itself, so the
# teaser's headline after it is no longer recognisable as one.
KNOWN_MISSES = {"de03.html.ann"}


@pytest.mark.parametrize("path", [pytest.param(p, marks=pytest.mark.xfail(strict=True, reason="known miss"))
                                  if p.name in KNOWN_MISSES else p for p in DOCS], ids=[p.name for p in DOCS])
def test_document_cleans_to_expected_text(path):
    lines, _, text = run_doc(path)
    expected = " ".join(fold(ln.expected) for ln in lines if ln.expected.strip() and not ln.debris)
    assert fold(text) == expected


def test_corpus_size_and_languages():
    assert len(DOCS) >= 30
    assert {p.name[:2] for p in DOCS} == {"de", "en", "fr", "es", "it"}
    assert any(p.name.endswith(".html.ann") for p in DOCS) and any(p.name.endswith(".txt.ann") for p in DOCS)


def measure() -> dict[str, float]:
    tp = fp = fn = 0
    for path in DOCS:
        lines, _, text = run_doc(path)
        truth = [ln.debris for ln in lines if ln.expected.strip()]
        for want, got in zip(truth, removed_flags(lines, text), strict=True):
            tp += want and got
            fp += got and not want
            fn += want and not got
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"docs": len(DOCS), "debris_lines": tp + fn, "tp": tp, "fp": fp, "fn": fn,
            "precision": round(precision, 3), "recall": round(recall, 3)}


def test_removal_precision_recall():
    m = measure()
    print(f"\ncleaning corpus: {m}")
    assert m["precision"] >= 0.95 and m["recall"] >= 0.9
