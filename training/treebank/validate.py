"""Check a CoNLL-U file's trees: one root, heads in range, no cycles, UD inventories, a few UD constraints.

    python training/treebank/validate.py training/treebank/de_news.conllu [...]

Exits 1 and lists each problem (sentence id, word, what is wrong) when any sentence fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
        "SCONJ", "SYM", "VERB", "X"}
# UD universal relations, plus the German subtypes used by German-GSD/PUD
DEPRELS = {"acl", "advcl", "advmod", "amod", "appos", "aux", "case", "cc", "ccomp", "clf", "compound", "conj",
           "cop", "csubj", "dep", "det", "discourse", "dislocated", "expl", "fixed", "flat", "goeswith", "iobj",
           "list", "mark", "nmod", "nsubj", "nummod", "obj", "obl", "orphan", "parataxis", "punct",
           "reparandum", "root", "vocative", "xcomp",
           "acl:relcl", "aux:pass", "cc:preconj", "compound:prt", "csubj:pass", "det:poss", "expl:pv",
           "flat:name", "nmod:poss", "nsubj:pass", "obl:agent", "obl:arg", "obl:tmod"}
FEATS = {"Case": {"Nom", "Acc", "Dat", "Gen"}, "Gender": {"Masc", "Fem", "Neut"}, "Number": {"Sing", "Plur"},
         "Person": {"1", "2", "3"}, "Tense": {"Pres", "Past"}, "Mood": {"Ind", "Sub", "Imp"},
         "VerbForm": {"Fin", "Inf", "Part"}, "Voice": {"Pass"}, "Definite": {"Def", "Ind"},
         "PronType": {"Art", "Prs", "Dem", "Rel", "Dem,Rel", "Ind", "Int", "Neg", "Tot"},
         "NumType": {"Card", "Ord"}, "Degree": {"Pos", "Cmp", "Sup"}, "Poss": {"Yes"}, "Reflex": {"Yes"},
         "Polarity": {"Neg"}, "Foreign": {"Yes"}}
FUNCTION = {"aux", "aux:pass", "cop", "case", "det", "mark", "cc"}
FUNCTION_KIDS = {"fixed", "flat", "conj", "cc", "punct", "advmod", "goeswith"}
CONTRACTIONS = {"am", "im", "zum", "zur", "vom", "beim", "ins", "ans", "aufs", "durchs", "fürs", "ums"}
ENT_LABELS = {"PER", "ORG", "LOC", "MISC"}
# relations that only fit certain parts of speech (UD constraints that catch typing slips)
ONLY = {"det": {"DET", "PRON"}, "case": {"ADP", "PART"}, "cc": {"CCONJ"}, "aux": {"AUX"}, "aux:pass": {"AUX"},
        "cop": {"AUX"}, "punct": {"PUNCT"}, "mark": {"SCONJ", "PART", "ADP"}, "nummod": {"NUM"}}


def sentences(path: Path):
    sid, text, rows = None, None, []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if rows:
                yield sid, text, rows
            sid, text, rows = None, None, []
        elif line.startswith("# sent_id ="):
            sid = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif not line.startswith("#"):
            rows.append(line.split("\t"))


def check(sid: str, text: str | None, rows: list[list[str]]) -> list[str]:
    errs = []
    if any(len(r) != 10 for r in rows):
        return [f"{sid}: a line without 10 tab-separated columns"]
    words = [r for r in rows if r[0].isdigit()]
    if [int(r[0]) for r in words] != list(range(1, len(words) + 1)):
        errs.append(f"{sid}: word ids are not 1..n")
        return errs
    n = len(words)
    heads = {}
    for r in words:
        wid, form, _lemma, upos, _x, feats, head, deprel, _d, misc = r
        at = f"{sid} word {wid} {form!r}"
        if upos not in UPOS:
            errs.append(f"{at}: UPOS {upos!r} not in UD")
        if deprel not in DEPRELS:
            errs.append(f"{at}: deprel {deprel!r} not in UD German")
        if not head.isdigit() or int(head) > n or int(head) == int(wid):
            errs.append(f"{at}: head {head!r} out of range")
            continue
        heads[int(wid)] = int(head)
        if (int(head) == 0) != (deprel == "root"):
            errs.append(f"{at}: head 0 and deprel root must go together")
        if deprel in ONLY and upos not in ONLY[deprel]:
            errs.append(f"{at}: {deprel} on a {upos}")
        if upos == "PUNCT" and deprel != "punct":
            errs.append(f"{at}: PUNCT attached as {deprel}")
        if feats != "_":
            names = []
            for kv in feats.split("|"):
                k, _, v = kv.partition("=")
                names.append(k)
                if k not in FEATS or v not in FEATS[k]:
                    errs.append(f"{at}: feature {kv!r} not in the inventory")
            if names != sorted(names, key=str.lower):
                errs.append(f"{at}: features not sorted")
        for part in misc.split("|"):
            if part.startswith("NE="):
                tag = part[3:]
                if tag[:2] not in ("B-", "I-") or tag[2:] not in ENT_LABELS:
                    errs.append(f"{at}: bad entity tag {tag!r}")
    in_mwt = set()
    for r in rows:
        if "-" in r[0]:
            a, b = (int(x) for x in r[0].split("-"))
            in_mwt.update(range(a, b + 1))
    for r in words:  # German contractions are multiword tokens (an + dem), never one syntactic word
        if r[1].lower() in CONTRACTIONS and int(r[0]) not in in_mwt:
            errs.append(f"{sid} word {r[0]} {r[1]!r}: a contraction must be a multiword token")
    # function words (aux, cop, case, det, mark, cc) take no dependents but these (UD guidelines)
    rel = {int(r[0]): r[7] for r in words}
    for r in words:
        h = heads.get(int(r[0]))
        if h and rel.get(h) in FUNCTION and r[7] not in FUNCTION_KIDS:
            errs.append(f"{sid} word {r[0]} {r[1]!r}: {r[7]} under a function word ({rel[h]})")
    for kind in (("nsubj", "nsubj:pass", "csubj", "csubj:pass"), ("obj",), ("iobj",)):
        per_head: dict[int, int] = {}
        for r in words:
            if r[7] in kind:
                per_head[int(r[6])] = per_head.get(int(r[6]), 0) + 1
        errs += [f"{sid} word {h}: more than one {kind[0]}" for h, c in per_head.items() if c > 1]
    roots = [w for w, h in heads.items() if h == 0]
    if len(roots) != 1:
        errs.append(f"{sid}: {len(roots)} roots")
    for w in heads:  # every word must reach the root without a cycle
        seen, cur = set(), w
        while cur != 0 and cur not in seen:
            seen.add(cur)
            cur = heads.get(cur, 0)
        if cur != 0:
            errs.append(f"{sid}: word {w} is in a cycle")
            break
    # entity spans: I- must continue a span of the same label
    prev = "O"
    for r in words:
        tag = next((p[3:] for p in r[9].split("|") if p.startswith("NE=")), "O")
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            errs.append(f"{sid} word {r[0]}: {tag} does not continue an entity")
        prev = tag
    if text is not None:
        surface, skip = [], set()
        for r in rows:
            if "-" in r[0]:
                a, b = (int(x) for x in r[0].split("-"))
                skip.update(range(a, b + 1))
                surface.append(r)
            elif r[0].isdigit() and int(r[0]) not in skip:
                surface.append(r)
        rebuilt = "".join(r[1] + ("" if "SpaceAfter=No" in r[9] else " ") for r in surface).strip()
        if rebuilt != text:
            errs.append(f"{sid}: # text does not match the tokens")
    return errs


def main(argv: list[str] | None = None) -> int:
    paths = [Path(p) for p in (argv if argv is not None else sys.argv[1:])]
    total, bad = 0, []
    for path in paths:
        for sid, text, rows in sentences(path):
            total += 1
            bad += check(sid or "?", text, rows)
    for e in bad:
        print(e)
    print(f"{total} sentences checked, {len(bad)} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
