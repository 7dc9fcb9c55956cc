"""Expand the hand-written English news treebank (en_news/*.txt) into CoNLL-U and check every sentence.

    python training/treebank/build_en.py              # writes en_news.conllu + en_news_dev.conllu, validates
    python training/treebank/build_en.py --check F    # validates one source file only, writes nothing

The source is one word a line, in the German treebank's short notation (build.py), with the Penn tag
in place of the feature shorthand, because English features follow from the tag:

    FORM  LEMMA  UPOS  XPOS  HEAD  DEPREL  [ENTITY]

- LEMMA `=` means the lemma is the form itself.
- HEAD is the head word's *form* (`form@2` for its second occurrence), `0` for the root.
- ENTITY is `B-PER`, `I-ORG`, ... (PER, ORG, LOC, MISC), written to MISC as NE=...
- `# id = ...` starts a sentence; every 5th sentence (by position over all files, sorted by name) is held
  out as the English news dev set (en_news_dev.conllu), never trained on.

Features are not typed: each word gets the features UD English-EWT train gives most often to its
(UPOS, XPOS, lower-cased form), else to its (UPOS, XPOS); a finite verb takes Number and Person from its
subject, and a participle with an `aux:pass` dependent gets Voice=Pass, as in EWT. Conventions are EWT's
(v2.13+: `nmod:desc` for titles, `flat` inside names, `obl:unmarked` for bare time nouns, `nmod:poss`).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "en_news"
EWT = HERE.parents[1] / ".." / "shared" / "data" / "ud" / "en_ewt" / "en_ewt-ud-train.conllu"
NO_SPACE_BEFORE = set(",.;:!?)]”%") | {"...", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", "’s"}
NO_SPACE_AFTER = set("([“$")
ENTITY = re.compile(r"[BI]-(PER|ORG|LOC|MISC)")
# relations that may not have dependents of their own, beyond these (UD's few exceptions)
FUNCTION_RELS = {"aux", "aux:pass", "cop", "case", "mark", "det", "cc"}
FUNCTION_CHILD_OK = {"fixed", "punct", "conj", "cc", "advmod", "goeswith", "reparandum"}
ONE_PER_HEAD = {"nsubj", "nsubj:pass", "obj", "iobj", "csubj"}


class SourceError(Exception):
    pass


def ewt_inventory(path: Path = EWT) -> dict:
    """What EWT train uses: relations, (UPOS, XPOS) pairs, and the commonest features per tag and form."""
    by_form: dict[tuple, Counter] = defaultdict(Counter)
    by_tag: dict[tuple, Counter] = defaultdict(Counter)
    deprels, pairs = set(), set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 10 or not cols[0].isdigit():
                continue
            upos, xpos, fs, rel = cols[3], cols[4], cols[5], cols[7]
            by_form[(upos, xpos, cols[1].lower())][fs] += 1
            by_tag[(upos, xpos)][fs] += 1
            deprels.add(rel)
            pairs.add((upos, xpos))
    return {"deprels": deprels, "pairs": pairs,
            "by_form": {k: c.most_common(1)[0][0] for k, c in by_form.items()},
            "by_tag": {k: c.most_common(1)[0][0] for k, c in by_tag.items()}}


def parse_source(path: Path) -> list[dict]:
    sents, cur = [], None
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if line.startswith("# id ="):
            cur = {"id": line.split("=", 1)[1].strip(), "rows": [], "where": f"{path.name}:{n}"}
            sents.append(cur)
        elif not line or line.startswith("#"):
            continue
        elif cur is None:
            raise SourceError(f"{path.name}:{n}: a word before the first '# id ='")
        else:
            parts = line.split()
            if len(parts) not in (6, 7):
                raise SourceError(f"{path.name}:{n}: expected 6 or 7 fields, got {len(parts)}: {line}")
            cur["rows"].append(parts + [f"{path.name}:{n}"])
    return sents


def heads(sent: dict) -> list[int]:
    forms = [r[0] for r in sent["rows"]]
    index: dict[str, int] = {}
    seen: Counter = Counter()
    for i, form in enumerate(forms, start=1):
        seen[form] += 1
        index[f"{form}@{seen[form]}"] = i
        index.setdefault(form, i)
    out = []
    for r in sent["rows"]:
        if r[4] == "0":
            out.append(0)
        elif r[4] in index:
            out.append(index[r[4]])
        else:
            raise SourceError(f"{r[-1]}: head {r[4]!r} is not a word of sentence {sent['id']}")
    return out


def spacing(forms: list[str], xposes: list[str]) -> list[bool]:
    """Space after each token, as news text is written (no space inside "pro-Russian", before "'s")."""
    out, quote_open = [], False
    for k, tok in enumerate(forms):
        nxt = forms[k + 1] if k + 1 < len(forms) else None
        if tok == '"':
            quote_open = not quote_open
        glue = nxt is None or nxt in NO_SPACE_BEFORE or tok in NO_SPACE_AFTER
        glue = glue or xposes[k] == "HYPH" or (nxt is not None and xposes[k + 1] == "HYPH")
        glue = glue or (tok == '"' and quote_open) or (nxt == '"' and quote_open)
        out.append(not glue)
    return out


def subject_agreement(k: int, rows: list, hs: list[int]) -> dict[str, str]:
    """Number and Person of the subject of word k (or of the verb it is an auxiliary or copula of)."""
    verb = hs[k] - 1 if rows[k][5] in ("aux", "aux:pass", "cop") and hs[k] else k
    for j, r in enumerate(rows):
        if hs[j] - 1 == verb and r[5] in ("nsubj", "nsubj:pass", "expl"):
            if r[3] in ("NNS", "NNPS"):
                return {"Number": "Plur", "Person": "3"}
            if r[3] == "PRP":
                low = r[0].lower()
                person = "1" if low in ("i", "we") else "2" if low == "you" else "3"
                number = "Plur" if low in ("we", "they") else "Sing"
                return {"Number": number, "Person": person} if low != "you" else {"Person": "2"}
            has_conj = any(hs[m] - 1 == j and rows[m][5] == "conj" for m in range(len(rows)))
            return {"Number": "Plur" if has_conj else "Sing", "Person": "3"}
    return {}


def features(k: int, rows: list, hs: list[int], inv: dict) -> str:
    form, _, upos, xpos = rows[k][:4]
    fs = inv["by_form"].get((upos, xpos, form.lower()), inv["by_tag"].get((upos, xpos), "_"))
    feats = dict(p.split("=", 1) for p in fs.split("|")) if fs != "_" else {}
    if xpos in ("VBD", "VBP", "VBZ") and "Mood" in feats:
        agree = subject_agreement(k, rows, hs)
        if xpos == "VBZ":
            agree = {"Number": "Sing", "Person": "3"}
        if agree:
            feats.pop("Number", None)
            feats.update(agree)
    if xpos == "VBN":
        passive = any(hs[j] - 1 == k and r[5] == "aux:pass" for j, r in enumerate(rows))
        feats = {"Tense": "Past", "VerbForm": "Part", **({"Voice": "Pass"} if passive else {})}
    return "|".join(f"{a}={v}" for a, v in sorted(feats.items(), key=lambda kv: kv[0].lower())) or "_"


def check(sent: dict, hs: list[int], inv: dict, tokenizer=None) -> list[str]:
    rows, errs = sent["rows"], []
    if sum(1 for h in hs if h == 0) != 1:
        errs.append(f"{sent['where']}: {sent['id']} needs exactly one root")
    for k, r in enumerate(rows):
        form, _, upos, xpos, _, rel, *rest = r
        at = r[-1]
        if "@" in form or "@" in r[1]:
            errs.append(f"{at}: {form!r}: '@n' belongs in the HEAD column only, not in a form or lemma")
        if (upos, xpos) not in inv["pairs"]:
            errs.append(f"{at}: {form!r}: UPOS/XPOS {upos}/{xpos} never occurs in EWT")
        if rel not in inv["deprels"]:
            errs.append(f"{at}: {form!r}: relation {rel!r} is not used in EWT")
        if (hs[k] == 0) != (rel == "root"):
            errs.append(f"{at}: {form!r}: root must have head 0 and relation root")
        if len(rest) == 2 and not ENTITY.fullmatch(rest[0]):
            errs.append(f"{at}: {form!r}: bad entity tag {rest[0]!r}")
        if len(rest) == 2 and rest[0].startswith("I-"):
            prev = rows[k - 1] if k else None
            if prev is None or len(prev) != 8 or prev[6][2:] != rest[0][2:]:
                errs.append(f"{at}: {form!r}: {rest[0]} does not continue an entity of the same label")
        seen, node = set(), k
        while hs[node]:  # no cycles
            if node in seen:
                errs.append(f"{at}: {form!r}: its heads form a cycle")
                break
            seen.add(node)
            node = hs[node] - 1
    for h in range(len(rows)):
        kids = [rows[j][5] for j in range(len(rows)) if hs[j] - 1 == h]
        for rel in ONE_PER_HEAD:
            if kids.count(rel) > 1:
                errs.append(f"{rows[h][-1]}: {rows[h][0]!r} has {kids.count(rel)} {rel} dependents")
        if rows[h][5] in FUNCTION_RELS and any(rel not in FUNCTION_CHILD_OK for rel in kids):
            errs.append(f"{rows[h][-1]}: function word {rows[h][0]!r} ({rows[h][5]}) has dependents {kids}")
    if tokenizer is not None:
        forms = [r[0] for r in rows]
        text = text_of(forms, [r[3] for r in rows])
        got = [t.text for t in tokenizer(text)]
        if got != forms:
            first = next(i for i, (a, b) in enumerate(zip(got + [""], forms + [""], strict=False)) if a != b)
            errs.append(f"{sent['where']}: {sent['id']}: spaCy splits the text as {got} (first difference at "
                        f"token {first + 1})")
    return errs


def text_of(forms: list[str], xposes: list[str]) -> str:
    return "".join(f + (" " if sp else "") for f, sp in zip(forms, spacing(forms, xposes), strict=True)).strip()


def to_conllu(sent: dict, hs: list[int], inv: dict) -> str:
    rows = sent["rows"]
    forms, xposes = [r[0] for r in rows], [r[3] for r in rows]
    out = [f"# sent_id = {sent['id']}", f"# text = {text_of(forms, xposes)}"]
    for k, (r, sp) in enumerate(zip(rows, spacing(forms, xposes), strict=True)):
        form, lemma, upos, xpos, _, rel, *rest = r
        misc = ([f"NE={rest[0]}"] if len(rest) == 2 else []) + ([] if sp else ["SpaceAfter=No"])
        out.append("\t".join([str(k + 1), form, form if lemma == "=" else lemma, upos, xpos,
                              features(k, rows, hs, inv), str(hs[k]), rel, "_", "|".join(misc) or "_"]))
    return "\n".join(out) + "\n"


def build(files: list[Path], write: bool, tokenizer=None) -> int:
    inv = ewt_inventory()
    blocks: dict[str, list[str]] = {"train": [], "dev": []}
    errors, ids, n = [], set(), 0
    texts: dict[str, str] = {}  # a sentence written twice could land in training and in the held-out part
    for path in files:
        try:
            sents = parse_source(path)
        except SourceError as err:
            errors.append(str(err))
            continue
        for sent in sents:
            if sent["id"] in ids:
                errors.append(f"{sent['where']}: duplicate id {sent['id']}")
            ids.add(sent["id"])
            n += 1
            try:
                hs = heads(sent)
            except SourceError as err:
                errors.append(str(err))
                continue
            errors += check(sent, hs, inv, tokenizer)
            conllu = to_conllu(sent, hs, inv)
            text = conllu.splitlines()[1]
            if text in texts:
                errors.append(f"{sent['where']}: {sent['id']} repeats the sentence of {texts[text]}")
            texts.setdefault(text, sent["id"])
            blocks["dev" if n % 5 == 0 else "train"].append(conllu)
    for e in errors:
        print(e)
    print(f"{n} sentences, {len(errors)} problems")
    if write and not errors:
        (HERE / "en_news.conllu").write_text("\n".join(blocks["train"]) + "\n", encoding="utf-8")
        (HERE / "en_news_dev.conllu").write_text("\n".join(blocks["dev"]) + "\n", encoding="utf-8")
        print(f"{len(blocks['train'])} training sentences -> en_news.conllu, "
              f"{len(blocks['dev'])} held out -> en_news_dev.conllu")
    return 1 if errors else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", type=Path, nargs="+", help="validate these source files only")
    ap.add_argument("--no-tokenizer", action="store_true", help="skip the comparison with spaCy's tokenizer")
    args = ap.parse_args(argv)
    tokenizer = None
    if not args.no_tokenizer:
        import spacy

        tokenizer = spacy.blank("en").tokenizer
    if args.check:
        return build(args.check, write=False, tokenizer=tokenizer)
    return build(sorted(SOURCES.glob("*.txt")), write=True, tokenizer=tokenizer)


if __name__ == "__main__":
    sys.exit(main())
