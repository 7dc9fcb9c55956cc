"""`eventlens analyse FILE`: show what the analysis stage sees (sentences, tokens, lemmas, POS, morphology,
dependencies, entities) for one article, as readable text or JSON."""

from __future__ import annotations

import json

import click

from eventlens.errors import ConfigError


def doc_to_dict(document, pipeline: dict | None = None) -> dict:
    sdoc = document.nlp
    sentences = []
    for s in document.sentences:
        span = sdoc.char_span(s.clean_start, s.clean_end, alignment_mode="expand")
        tokens = []
        for t in span:
            if t.is_space:
                continue
            tokens.append({"i": t.i - span.start, "text": t.text, "lemma": t.lemma_, "pos": t.pos_,
                           "morph": str(t.morph), "dep": t.dep_,
                           "head": (t.head.i - span.start) if t.head.i != t.i else None,
                           "clean_start": t.idx, "clean_end": t.idx + len(t.text)})
        ents = [{"text": e.text, "label": e.label_, "clean_start": e.start_char, "clean_end": e.end_char,
                 "start": document.clean.to_original(e.start_char, e.end_char)[0],
                 "end": document.clean.to_original(e.start_char, e.end_char)[1]}
                for e in span.ents]
        sentences.append({"index": s.index, "text": s.text, "start": s.start, "end": s.end,
                          "clean_start": s.clean_start, "clean_end": s.clean_end,
                          "tokens": tokens, "entities": ents})
    return {"doc_id": document.doc_id, "lang": document.lang, "pipeline": dict(pipeline or {}),
            "warnings": list(document.warnings), "sentences": sentences}


def render_text(data: dict) -> str:
    lines = [f"# {data['doc_id']}  lang={data['lang']}  pipeline={data['pipeline'].get('source', '?')}"
             f" ({data['pipeline'].get('name', '?')})"]
    lines += [f"! {w}" for w in data["warnings"]]
    for s in data["sentences"]:
        lines.append("")
        lines.append(f"[{s['index']}] {s['start']}-{s['end']}  {s['text']}")
        for t in s["tokens"]:
            head = "ROOT" if t["head"] is None else str(t["head"])
            lines.append(f"  {t['i']:>3}  {t['text']:<20} {t['lemma']:<20} {t['pos']:<6} {t['dep'] or '-':<12}"
                         f" {head:>4}  {t['morph']}")
        for e in s["entities"]:
            lines.append(f"  = {e['label']:<5} {e['text']}  [{e['start']}-{e['end']}]")
    return "\n".join(lines)


@click.command("analyse")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--lang", metavar="xx", help="Language of the article (default: declared or detected).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def command(file: str, lang: str | None, fmt: str) -> None:
    """Sentences, tokens, lemmas, POS, dependencies and entities of one article (the analysis stage).

    \b
    Example:
      eventlens analyse ../shared/seed/seed_article_de.txt --lang de
      eventlens analyse article.txt --lang en --format json
    """
    from eventlens.clean import clean, detect_language
    from eventlens.ingest import iter_articles
    from eventlens.nlp import analyse, load_nlp
    from eventlens.records import Document, Failure

    if lang is not None and not (len(lang) == 2 and lang.isalpha()):
        raise ConfigError("E801", field="lang", why=f"'{lang}' is not a two-letter language code")
    items = list(iter_articles([file], lang=lang.lower() if lang else None))
    failures = [x for x in items if isinstance(x, Failure)]
    for f in failures:
        click.echo(f.line(), err=True)
    out = []
    nlps: dict = {}
    for article in (x for x in items if not isinstance(x, Failure)):
        doc = Document(article=article)
        doc.clean = clean(article)
        if article.lang:
            doc.lang, doc.lang_confidence = article.lang, 1.0
        else:
            doc.lang, doc.lang_confidence = detect_language(doc.clean.text)
        if doc.lang not in nlps:
            nlps[doc.lang] = load_nlp(doc.lang)
        analyse(doc, nlps[doc.lang])
        info = {k: v for k, v in nlps[doc.lang].meta.get("eventlens", {}).items() if k != "warning"}
        data = doc_to_dict(doc, info)
        out.append(data)
    if fmt == "json":
        click.echo(json.dumps(out[0] if len(out) == 1 else out, ensure_ascii=False, indent=1))
    else:
        click.echo("\n\n".join(render_text(d) for d in out))
    if failures:
        raise SystemExit(1)
