"""The analyse stage: sentences, tokens, lemmas, POS, morphology, dependencies and entities.

    nlp = load_nlp("de")      # a spaCy Language (installed official > shipped in the pack > fallback)
    analyse(document, nlp)    # fills document.nlp (spaCy Doc over the cleaned text) and document.sentences

Nothing is cached here: the caller (`eventlens.pipeline.Pipeline`) keeps one Language per language.
"""

from __future__ import annotations

import logging
import weakref
from contextlib import contextmanager

import spacy
from spacy.language import Language
from thinc.api import use_ops

from eventlens.errors import ConfigError, EventlensError, PackError
from eventlens.nlp import components  # noqa: F401  (registers the eventlens_* spaCy components)
from eventlens.nlp.fast_patterns import fast_large_patterns
from eventlens.nlp.packs import RULES, PackChoice, choose
from eventlens.records import CleanText, Document, Sentence

log = logging.getLogger(__name__)

__all__ = ["load_nlp", "load_choice", "limit_math_threads", "analyse", "choose", "PackChoice", "sentences_of"]


# Matrix-product libraries the models can run on: "numpy" is numpy's own BLAS (OpenBLAS in the wheels),
# "blis" is thinc's default.
MATMUL = ("numpy", "blis")


def load_nlp(lang: str, matmul: str = "numpy", math_threads: int | None = 1) -> Language:
    """Load the pipeline for `lang`. A language without a pipeline gets the fallback, with a warning.
    `math_threads` caps the BLAS threads (None leaves the library's default; see limit_math_threads)."""
    if math_threads is not None:
        limit_math_threads(math_threads)
    return load_choice(choose(lang), matmul=matmul)


def limit_math_threads(threads: int) -> None:
    """Cap the BLAS thread pools loaded so far (numpy's OpenBLAS among them), process-wide. A sentence is a
    small matrix: a second thread mostly spins, and burns a core that a worker process could use (with two
    OpenBLAS threads on two cores the packs parsed at a third of their one-thread speed)."""
    import numpy  # noqa: F401  (loads the BLAS the models use, so that the limit reaches it)
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads)


@contextmanager
def _matmul_backend(matmul: str):
    """Models built inside the block multiply matrices with `matmul`. Most of the pipelines' time is in
    matrix products (the tok2vec layers and the parser's first layer); on the 2-core AMD machine we
    measure on, blis's kernels ran at a third of OpenBLAS's speed (33 against 95 GFLOP/s for
    1000x288 @ 288x288), which made the whole analysis about 35 % slower. The results differ only in
    float rounding."""
    if matmul not in MATMUL:
        raise ConfigError("E801", field="matmul", why=f"'{matmul}' is not one of {', '.join(MATMUL)}")
    with use_ops("numpy", use_blis=(matmul == "blis")):
        yield


def load_choice(choice: PackChoice, matmul: str = "numpy") -> Language:
    """Build the pipeline a PackChoice names, with the pack's additions (line-break rule, entity label map,
    dictionary lemmas) around the statistical components. `matmul` picks the library for the models'
    matrix products (see MATMUL)."""
    lang = choice.lang
    if choice.source == "fallback":
        log.warning("error[E301] %s: processing with tokens, rule-based sentences and simplemma lemmas only",
                    choice.reason)
        nlp = _fallback(lang)
    else:
        try:
            with fast_large_patterns(), _matmul_backend(matmul):  # French: 2.5 s of regex compiling otherwise
                nlp = spacy.load(choice.name if choice.source == "installed" else choice.path)
        except (OSError, ValueError, KeyError) as exc:
            raise PackError("E302", path=choice.path, lang=lang, why=str(exc).splitlines()[0]) from exc
        _add_line_breaks(nlp)
        if choice.ner_labels and "ner" in nlp.pipe_names:  # the rules below see the project's labels
            nlp.add_pipe("eventlens_entity_labels", after="ner", config={"mapping": choice.ner_labels})
        for rule in choice.rules:  # rules read the parse and the entities, so they run after both
            if "parser" in nlp.pipe_names:
                nlp.add_pipe(RULES[rule])
        if choice.lemmas == "simplemma":
            if "trainable_lemmatizer" in nlp.pipe_names:
                nlp.disable_pipe("trainable_lemmatizer")  # its lemmas would be overwritten anyway
            nlp.add_pipe("eventlens_simplemma", config={"lang": lang, "overwrite": True,
                                                        "exceptions": choice.lemma_exceptions,
                                                        "proper_forms": choice.lemma_proper_forms})
        elif choice.lemma_exceptions:  # the pipeline's own lemmas, with the pack's exceptions over them
            nlp.add_pipe("eventlens_lemma_exceptions", config={"exceptions": choice.lemma_exceptions})
    nlp.meta.setdefault("eventlens", {})
    nlp.meta["eventlens"].update({"lang": lang, "source": choice.source, "name": choice.name})
    if choice.source == "fallback":
        nlp.meta["eventlens"]["warning"] = (
            f"E301 {choice.reason}: processing with tokens, rule-based sentences and simplemma lemmas only")
    return nlp


def _fallback(lang: str) -> Language:
    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError, EventlensError):
        nlp = spacy.blank("xx")
    except Exception:  # spaCy raises a bare ValueError/ImportError variant for unknown codes
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("eventlens_line_breaks")
    nlp.add_pipe("eventlens_simplemma", config={"lang": lang, "overwrite": True})
    return nlp


def _add_line_breaks(nlp: Language) -> None:
    """Put the line-break rule where it is respected: before the parser, or after the senter."""
    names = nlp.pipe_names
    if "parser" in names:
        nlp.add_pipe("eventlens_line_breaks", before="parser", config={"only_after_punct": True})
    elif "senter" in names:
        nlp.add_pipe("eventlens_line_breaks", after="senter", config={"only_after_punct": True})
    else:
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("eventlens_line_breaks")
    if "senter" in nlp.disabled and "parser" not in names:
        nlp.enable_pipe("senter")


def analyse(doc: Document, nlp: Language, parsed=None) -> None:
    """Run `nlp` over the cleaned text; fill `doc.nlp` and `doc.sentences` (with original offsets).
    `parsed` is the spaCy Doc of that text when a batch (`nlp.pipe`) has already made it."""
    if doc.clean is None:
        doc.clean = CleanText.identity(doc.article.text, doc.article.body_start)
    text = doc.clean.text
    if len(text) >= nlp.max_length:
        nlp.max_length = len(text) + 1
    info = _eventlens_meta(nlp)
    if info.get("warning"):
        doc.warnings.append(info["warning"])
    doc.nlp = parsed if parsed is not None else nlp(text)
    doc.sentences = sentences_of(doc.nlp, doc.clean)


# Language -> its meta["eventlens"] dict (the same object, so that changes to it show): spaCy rebuilds the
# whole meta (about 0.1 ms) each time it is read
_EVENTLENS_META: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _eventlens_meta(nlp: Language) -> dict:
    info = _EVENTLENS_META.get(nlp)
    if info is None:
        info = nlp.meta.get("eventlens")
        if info is None:
            return {}
        _EVENTLENS_META[nlp] = info
    return info


def sentences_of(sdoc, clean: CleanText) -> list[Sentence]:
    """Sentences of a parsed Doc, trimmed of surrounding whitespace; whitespace-only ones are skipped."""
    out: list[Sentence] = []
    for sent in sdoc.sents:
        # only the first and the last word are needed: found from either end, not by listing every token
        first = next((t for t in sent if not t.is_space), None)
        if first is None:
            continue
        last = next(sdoc[i] for i in range(sent.end - 1, first.i - 1, -1) if not sdoc[i].is_space)
        cs = first.idx
        ce = last.idx + len(last.text)
        start, end = clean.to_original(cs, ce)
        out.append(Sentence(index=len(out), clean_start=cs, clean_end=ce, text=clean.text[cs:ce],
                            start=start, end=end))
    return out
