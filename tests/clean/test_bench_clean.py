"""`bench_clean` and `eventlens bench --stage clean`: documents/s for text and for HTML input."""

from __future__ import annotations

import json

from eventlens.clean.bench import bench_clean, render_page
from eventlens.ingest import read_bytes
from eventlens.records import Article


def test_text_corpus_gets_text_and_rendered_html_figures(examples_dir):
    report = bench_clean([str(examples_dir)], min_docs=10)
    assert set(report) == {"text", "html"}
    assert report["text"]["docs"] >= 10 and report["text"]["docs_per_s"] > 0
    assert report["html"]["rendered"] is True and report["html"]["docs_per_s"] > 0


def test_rendered_page_extracts_back_to_the_article(examples_dir):
    path = sorted(examples_dir.glob("en_*.txt"))[0]
    (article,) = list(read_bytes(path.read_bytes(), name=path.name, doc_id="x"))
    page = render_page(article.text[article.body_start:], "en")
    (from_page,) = list(read_bytes(page, name="x.html", doc_id="x", kind="html"))
    assert isinstance(from_page, Article)
    body = [ln for ln in article.text[article.body_start:].splitlines() if ln.strip()]
    assert body[2] in from_page.text and "Section 7" not in from_page.text and "dataLayer" not in from_page.text


def test_html_folder_is_measured_as_html(tmp_path, examples_dir):
    src = sorted(examples_dir.glob("de_*.txt"))[0]
    (article,) = list(read_bytes(src.read_bytes(), name=src.name, doc_id="x"))
    (tmp_path / "page.html").write_bytes(render_page(article.text[article.body_start:], "de"))
    report = bench_clean([str(tmp_path)], min_docs=3)
    assert set(report) == {"html"} and "rendered" not in report["html"]


def test_cli_prints_both_formats(cli, examples_dir):
    result = cli(["bench", examples_dir, "--n", "10", "--stage", "clean"])
    assert result.exit_code == 0
    assert "text:" in result.output and "documents/s" in result.output and "html:" in result.output
    as_json = json.loads(cli(["bench", examples_dir, "--n", "10", "--stage", "clean", "--format", "json"]).output)
    assert as_json["by_format"]["html"]["docs_per_s"] > 0
