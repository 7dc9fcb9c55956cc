"""HTML pages, JSONL/CSV corpora and WARC crawls."""

from __future__ import annotations

from pathlib import Path

from eventlens.clean import clean
from eventlens.ingest import iter_articles
from eventlens.records import Article, Failure

FIX = Path(__file__).resolve().parents[1] / "fixtures"


def _split(items):
    items = list(items)
    return [x for x in items if isinstance(x, Article)], [x for x in items if isinstance(x, Failure)]


def test_html_main_text_and_metadata():
    (a,), fails = _split(iter_articles([str(FIX / "html" / "de_minister.html")]))
    assert not fails
    assert a.title == "Außenminister reist nach Paris"
    assert a.published == "2024-11-20"
    assert a.outlet == "Beispiel-Zeitung"
    assert a.lang == "de"
    assert a.meta["author"] == "Anna Muster"
    assert "Hilfe für die Ukraine" in a.text
    for debris in ("Wir verwenden Cookies", "Impressum", "Kanzler besucht Warschau", "Startseite"):
        assert debris not in a.text
    ct = clean(a)
    assert ct.title == "Außenminister reist nach Paris"
    assert ct.text.count("Außenminister reist nach Paris") == 1
    # the subheading stays a paragraph of its own
    assert "\n\nKritik aus der Opposition\n\n" in ct.text


def test_html_without_article_markup_still_gives_text():
    (a,), _ = _split(iter_articles([str(FIX / "html" / "en_no_article_tag.html")]))
    assert "Thousands of people protested" in a.text
    assert a.lang == "en"


def test_html_without_body_is_a_one_line_failure():
    path = str(FIX / "html" / "no_body.html")
    arts, (f,) = _split(iter_articles([path]))
    assert not arts and path in f.line() and "\n" not in f.line()


def test_deeply_nested_html_is_a_failure_not_a_crash(tmp_path):
    p = tmp_path / "nested.html"
    p.write_text("<html><body>" + "<div>" * 50000 + "<p>Text.</p>" + "</div>" * 50000 + "</body></html>")
    items = list(iter_articles([str(p)]))
    assert len(items) == 1
    if isinstance(items[0], Failure):
        assert str(p) in items[0].line()


def test_jsonl_corpus_records_and_bad_lines():
    arts, fails = _split(iter_articles([str(FIX / "corpus" / "articles.jsonl")]))
    by_id = {a.doc_id: a for a in arts}
    assert set(by_id) == {"wire-1", "wire-2", "articles-5"}
    assert by_id["wire-1"].published == "2024-10-01" and by_id["wire-1"].outlet == "Example Wire"
    assert by_id["wire-2"].lang == "fr" and by_id["wire-2"].published == "2024-10-02"
    assert "homologue français" in by_id["wire-2"].text
    assert sorted(f.code for f in fails) == ["E107", "E107"]
    assert any(":3" in f.path for f in fails) and any(":4" in f.path for f in fails)


def test_csv_corpus_with_multiline_field():
    arts, fails = _split(iter_articles([str(FIX / "corpus" / "articles.csv")]))
    assert [a.doc_id for a in arts] == ["csv-1", "csv-2"]
    assert arts[0].lang == "es" and arts[1].lang == "it"
    assert "su due righe" in arts[1].text
    assert len(fails) == 1 and fails[0].code == "E107"


def test_warc_reads_only_html_responses():
    arts, fails = _split(iter_articles([str(FIX / "warc" / "crawl.warc.gz")]))
    assert [a.url for a in arts] == ["https://example.org/news/1", "https://example.org/news/2"]
    assert arts[0].title == "Außenminister reist nach Paris"
    assert not fails


def test_not_a_warc_is_a_failure(tmp_path):
    p = tmp_path / "junk.warc"
    p.write_text("this is not a warc file\n")
    _, fails = _split(iter_articles([str(p)]))
    assert fails and str(p) in fails[0].line()
