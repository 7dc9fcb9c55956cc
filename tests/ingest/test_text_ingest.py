"""Reading text files: header block, encodings, directories, stdin and bad input."""

from __future__ import annotations

import io
import sys

import pytest

from eventlens.ingest import iter_articles, read_bytes
from eventlens.records import Article, Failure

HEADER_ARTICLE = (
    "title: Minister trifft Amtskollegen in Paris\n"
    "url: https://example.org/a/1\n"
    "published: 2024-11-22\n"
    "outlet: Beispiel-Zeitung\n"
    "lang: de\n"
    "\n"
    "Der Außenminister traf am Freitag seinen französischen Amtskollegen in Paris.\n"
)


def _one(items):
    items = list(items)
    assert len(items) == 1, items
    return items[0]


def test_header_block_is_parsed_and_body_offset_set(tmp_path):
    p = tmp_path / "minister.txt"
    p.write_text(HEADER_ARTICLE, encoding="utf-8")
    a = _one(iter_articles([str(p)]))
    assert isinstance(a, Article)
    assert a.doc_id == "minister"
    assert a.title == "Minister trifft Amtskollegen in Paris"
    assert a.url == "https://example.org/a/1"
    assert a.published == "2024-11-22"
    assert a.outlet == "Beispiel-Zeitung"
    assert a.lang == "de"
    assert a.text[a.body_start:].startswith("Der Außenminister traf")


def test_header_id_overrides_file_stem_and_lang_option_overrides_header(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("id: story-42\nlang: fr\n\nLe ministre a rencontré son homologue.\n", encoding="utf-8")
    a = _one(iter_articles([str(p)], lang="de"))
    assert a.doc_id == "story-42"
    assert a.lang == "de"


def test_text_without_header_starting_with_colon_phrase(tmp_path):
    p = tmp_path / "krieg.txt"
    p.write_text("Krieg in der Ukraine: Moskau liefert Waffen\n\nRussland hat Raketen geliefert.\n", encoding="utf-8")
    a = _one(iter_articles([str(p)], published="2024-01-02"))
    assert a.body_start == 0 and a.title is None
    assert a.published == "2024-01-02"


def test_bad_published_date_is_a_warning_not_a_failure(tmp_path):
    p = tmp_path / "d.txt"
    p.write_text("published: yesterday\n\nThe minister resigned.\n", encoding="utf-8")
    a = _one(iter_articles([str(p)]))
    assert a.published is None
    assert "published" in a.meta["warnings"][0]


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_single_byte_encodings_are_detected(tmp_path, encoding):
    text = "Der Außenminister äußerte sich über die Lage in Köln – „schwierig“ sei sie, sagte er.\n" * 3
    if encoding == "latin-1":
        text = text.replace("–", "-").replace("„", '"').replace("“", '"')
    p = tmp_path / "enc.txt"
    p.write_bytes(text.encode(encoding))
    a = _one(iter_articles([str(p)]))
    assert isinstance(a, Article)
    assert a.text == text


def test_invalid_utf8_bytes_never_crash(tmp_path):
    good = "Die Regierung kündigte neue Sanktionen gegen Russland an. " * 40
    p = tmp_path / "broken.txt"
    p.write_bytes(good.encode("utf-8") + b"\xff\xfe\xc3(" + good.encode("utf-8"))
    a = _one(iter_articles([str(p)]))
    assert isinstance(a, Article)
    assert "Sanktionen" in a.text
    assert a.meta.get("warnings")


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda d: str(d / "missing.txt"), "E101"),
        (lambda d: (d / "empty_dir").mkdir() or str(d / "empty_dir"), "E102"),
        (lambda d: (d / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256))) and str(d / "img.txt"), "E103"),
        (lambda d: (d / "nul.txt").write_bytes(b"abc\x00\x00\x01\x02def" * 10) and str(d / "nul.txt"), "E103"),
        (lambda d: (d / "empty.txt").write_bytes(b"") or str(d / "empty.txt"), "E104"),
        (lambda d: (d / "blank.txt").write_text("  \n\n \t\n") and str(d / "blank.txt"), "E104"),
        (lambda d: (d / "header_only.txt").write_text("title: Nur Kopf\n\n") and str(d / "header_only.txt"), "E104"),
    ],
)
def test_bad_inputs_give_one_line_failures_naming_the_file(tmp_path, make, code):
    path = make(tmp_path)
    f = _one(iter_articles([path]))
    assert isinstance(f, Failure)
    assert f.code == code
    line = f.line()
    assert "\n" not in line and path in line
    assert line.startswith(f"error[{code}] ")


def test_too_large_file_is_refused(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"Ein Satz. " * 2000)
    f = _one(iter_articles([str(p)], max_bytes=1000))
    assert isinstance(f, Failure) and f.code == "E106"


def test_fixture_bad_inputs_in_a_batch_do_not_stop_it(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Die Polizei nahm in Berlin zwei Demonstranten fest.\n", encoding="utf-8")
    out = list(iter_articles([str(tmp_path / "nope.txt"), str(good), str(tmp_path / "nope2.txt")]))
    assert [type(x).__name__ for x in out] == ["Failure", "Article", "Failure"]


def test_directory_is_read_recursively_by_extension(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("Erster Text über ein Treffen.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Second text about a protest.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden\n", encoding="utf-8")
    ids = [a.doc_id for a in iter_articles([str(tmp_path)])]
    assert ids == ["two", "one"] or sorted(ids) == ["one", "two"]
    assert len(ids) == 2


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Le président a parlé.\n".encode())))
    a = _one(iter_articles(["-"]))
    assert a.doc_id == "stdin" and a.path == "-"


def test_read_bytes_sniffs_html():
    html = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>Un texte.</p></body></html>"
    items = list(read_bytes(html, name="page", doc_id="page"))
    assert len(items) == 1
