"""The actors stage: find who is named in a document and resolve each mention to a canonical actor.

    dictionary = ActorDictionary.load(["my_actors.yaml"])   # shipped tables + user files on top
    resolve_actors(doc, dictionary, pack)                    # fills doc.mentions
    resolve_text("Moskau rüstet Nordkorea aus", "de")        # the same on a plain string

See docs/actors.md for the data files and how to extend them.
"""

from __future__ import annotations

import bisect
import functools

from eventlens.actors.dictionary import Actor, ActorDictionary, fold
from eventlens.actors.plural import resolve_pairs
from eventlens.actors.resolve import Resolver, to_mention
from eventlens.records import Article, CleanText, Document, Mention, Sentence

__all__ = ["ActorDictionary", "Actor", "resolve_actors", "resolve_text", "default_dictionary", "fold"]


def resolve_actors(doc: Document, dictionary: ActorDictionary, pack) -> None:
    """Fill `doc.mentions` from `doc.nlp` (a spaCy Doc over `doc.clean.text`)."""
    if doc.nlp is None or doc.clean is None:
        doc.mentions = []
        return
    lang = getattr(pack, "code", None) or doc.lang or "en"
    text = doc.clean.text
    bounds = _sentence_bounds(doc)
    starts = [b[0] for b in bounds]

    def sent_of(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0) if starts else -1

    resolver = Resolver(dictionary, lang, doc.article.published)
    cands = resolver.run(doc.nlp, text, sent_of)
    mentions = []
    for c in cands:
        m = to_mention(c, resolver.words, text)
        m.start, m.end = doc.clean.to_original(m.clean_start, m.clean_end)
        m.sentence = sent_of(m.clean_start) if starts else -1
        mentions.append(m)
    doc.mentions = mentions
    doc.mentions = sorted(mentions + resolve_pairs(doc, pack), key=lambda m: (m.clean_start, m.clean_end))


def _sentence_bounds(doc: Document) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s.clean_start, s.clean_end) for s in doc.sentences]
    nlp_doc = doc.nlp
    try:
        return [(s.start_char, s.end_char) for s in nlp_doc.sents]
    except ValueError:  # no sentence boundaries set
        return [(0, len(doc.clean.text))]


@functools.cache
def default_dictionary() -> ActorDictionary:
    """The shipped dictionary, loaded once per process."""
    return ActorDictionary.load()


@functools.cache
def _blank(lang: str):
    import spacy

    try:
        nlp = spacy.blank(lang)
    except Exception:  # unknown language code: a multilingual tokenizer
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def resolve_text(text: str, lang: str, date: str | None = None, dictionary: ActorDictionary | None = None,
                 nlp=None) -> list[Mention]:
    """Resolve the actors of a plain string (offsets into `text`). Uses a tokenizer-only pipeline
    unless `nlp` is given."""
    from eventlens.lang import get_pack

    nlp = nlp or _blank(lang)
    article = Article(doc_id="text", text=text, published=date, lang=lang)
    doc = Document(article=article, clean=CleanText.identity(text), lang=lang)
    doc.nlp = nlp(text)
    doc.sentences = [Sentence(i, s.start_char, s.end_char, s.text, s.start_char, s.end_char)
                     for i, s in enumerate(doc.nlp.sents)]
    resolve_actors(doc, dictionary or default_dictionary(), get_pack(lang))
    return doc.mentions
