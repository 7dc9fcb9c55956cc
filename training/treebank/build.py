"""Expand the hand-written news treebank source (de_news.txt) into CoNLL-U (de_news.conllu).

    python training/treebank/build.py            # writes de_news.conllu next to this file, then validates it

The source is annotated by hand, one word a line, in a shorter notation than CoNLL-U so that heads and
features can be typed and checked by eye:

    FORM  LEMMA  UPOS  FEATS  HEAD  DEPREL  [ENTITY]

- LEMMA `=` means the lemma is the form itself.
- HEAD is the *form* of the head word (`form@2` for its second occurrence in the sentence), `0` for the root,
  so a head never has to be counted.
- FEATS is `_`, a literal UD feature string (anything containing `=`), or a shorthand (see `feats()`):
  `Dat.F.Sg` (case.gender.number; gender `-` for none), `def:Acc.M.Sg`, `ind:Nom.N.Sg`, `poss:Dat.F.Pl`,
  `prs3:Nom.M.Sg`, `rel:Nom.F.Sg`, `refl:Acc`, `3.Sg.Pres.Sub` (person.number.tense.mood, `.Pass` adds
  Voice=Pass), `part`, `inf`, `card`, `ord:Acc`, `neg`, `Pos`/`Cmp`/`Sup` (degree of a bare adjective).
  The expansions follow UD German-GSD's feature inventory (what the morphologizer learns from).
- ENTITY is `B-PER`, `I-ORG`, ... (PER, ORG, LOC, MISC); it goes into MISC as NE=..., read by spaCy's converter.
- A line `@am` announces a multiword token: the next two lines are its syntactic words (an + dem).
- `# id = ...` starts a sentence. Every 5th sentence (by position) goes to the held-out news dev set
  (de_news_dev.conllu, never trained on); `# split = train|dev` overrides that.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = {"Nom", "Acc", "Dat", "Gen"}
GENDERS = {"M": "Masc", "F": "Fem", "N": "Neut", "-": None}
NUMBERS = {"Sg": "Sing", "Pl": "Plur"}
NO_SPACE_BEFORE = set(",.;:!?)]“%") | {"...", "“"}
NO_SPACE_AFTER = set("([„")


def cgn(code: str) -> dict[str, str]:
    case, gender, number = code.split(".")
    if case not in CASES or gender not in GENDERS or number not in NUMBERS:
        raise ValueError(code)
    out = {"Case": case, "Number": NUMBERS[number]}
    if GENDERS[gender]:
        out["Gender"] = GENDERS[gender]
    return out


def feats(code: str, upos: str) -> str:
    if code == "_" or "=" in code:
        return code
    f: dict[str, str] = {}
    kind, _, rest = code.partition(":")
    if rest:
        if kind == "def":
            f = {**cgn(rest), "Definite": "Def", "PronType": "Art"}
        elif kind == "ind":
            f = {**cgn(rest), "Definite": "Ind", "NumType": "Card", "PronType": "Art"}
        elif kind == "poss":
            f = {**cgn(rest), "Person": "3", "Poss": "Yes", "PronType": "Prs"}
        elif kind == "dem":
            f = {**cgn(rest), "PronType": "Dem"}
        elif kind == "indef":
            f = {**cgn(rest), "PronType": "Ind"}
        elif kind == "prs3":
            f = {**cgn(rest), "Person": "3", "PronType": "Prs"}
        elif kind == "rel":
            f = {**cgn(rest), "PronType": "Dem,Rel"}
        elif kind == "refl":
            f = {"Case": rest, "Person": "3", "PronType": "Prs", "Reflex": "Yes"}
        elif kind == "ord":
            f = {"Case": rest, "Degree": "Pos", "NumType": "Ord"}
        else:
            raise ValueError(code)
    elif code in ("part", "inf", "part.Pass", "inf.Pass"):
        f = {"VerbForm": "Part" if code.startswith("part") else "Inf"}
        if code.endswith(".Pass"):
            f["Voice"] = "Pass"
    elif code == "card":
        f = {"NumType": "Card"}
    elif code == "neg":
        f = {"Polarity": "Neg"}
    elif code in ("Pos", "Cmp", "Sup"):
        f = {"Degree": code}
    elif re.fullmatch(r"[123]\.(Sg|Pl)\.(Pres|Past)\.(Ind|Sub)(\.Pass)?", code):
        person, number, tense, mood, *voice = code.split(".")
        f = {"Mood": mood, "Number": NUMBERS[number], "Person": person, "Tense": tense, "VerbForm": "Fin"}
        if voice:
            f["Voice"] = "Pass"
    elif code.count(".") == 2:
        f = cgn(code)
        if upos == "ADJ":
            f["Degree"] = "Pos"
    else:
        raise ValueError(code)
    return "|".join(f"{k}={v}" for k, v in sorted(f.items(), key=lambda kv: kv[0].lower()))


def parse_source(text: str) -> list[dict]:
    sents, cur = [], None
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if line.startswith("# id ="):
            cur = {"id": line.split("=", 1)[1].strip(), "split": None, "rows": [], "mwt": {}, "line": n}
            sents.append(cur)
            continue
        if line.startswith("# split ="):
            cur["split"] = line.split("=", 1)[1].strip()
            continue
        if line.startswith("#"):
            continue
        if line.startswith("@"):
            cur["mwt"][len(cur["rows"])] = line[1:]
            continue
        parts = line.split()
        if len(parts) not in (6, 7):
            raise SystemExit(f"de_news.txt:{n}: expected 6 or 7 fields, got {len(parts)}: {line}")
        cur["rows"].append(parts + [n])
    return sents


def to_conllu(sent: dict) -> str:
    rows = sent["rows"]
    forms = [r[0] for r in rows]
    index: dict[str, int] = {}
    seen: dict[str, int] = {}
    for i, form in enumerate(forms, start=1):
        seen[form] = seen.get(form, 0) + 1
        index[f"{form}@{seen[form]}"] = i
        if seen[form] == 1:
            index[form] = i
    # surface tokens (a multiword token is one surface token) and their spacing
    surface: list[tuple[str, list[int]]] = []
    i = 0
    while i < len(rows):
        if i in sent["mwt"]:
            surface.append((sent["mwt"][i], [i, i + 1]))
            i += 2
        else:
            surface.append((forms[i], [i]))
            i += 1
    space_after = []
    quote_open = False
    for k, (tok, _) in enumerate(surface):
        nxt = surface[k + 1][0] if k + 1 < len(surface) else None
        if tok == '"':
            quote_open = not quote_open
        glue = nxt is None or nxt in NO_SPACE_BEFORE or tok in NO_SPACE_AFTER
        glue = glue or (tok == '"' and quote_open) or (nxt == '"' and quote_open)
        space_after.append(not glue)
    text = "".join(tok + (" " if sp else "") for (tok, _), sp in zip(surface, space_after, strict=True)).strip()
    out = [f"# sent_id = {sent['id']}", f"# text = {text}"]
    for (tok, words), sp in zip(surface, space_after, strict=True):
        if len(words) == 2:
            out.append(f"{words[0] + 1}-{words[1] + 1}\t{tok}\t_\t_\t_\t_\t_\t_\t_\t{'_' if sp else 'SpaceAfter=No'}")
        for w in words:
            form, lemma, upos, fcode, head, deprel, *rest = rows[w]
            n = rest[-1]
            ent = rest[0] if len(rest) == 2 else None
            if head == "0":
                h = 0
            elif head in index:
                h = index[head]
            else:
                raise SystemExit(f"de_news.txt:{n}: head {head!r} is not a word of sentence {sent['id']}")
            try:
                fs = feats(fcode, upos)
            except ValueError:
                raise SystemExit(f"de_news.txt:{n}: bad feature code {fcode!r}") from None
            misc = []
            if ent:
                misc.append(f"NE={ent}")
            if len(words) == 1 and not sp:
                misc.append("SpaceAfter=No")
            out.append("\t".join([str(w + 1), form, form if lemma == "=" else lemma, upos, "_", fs, str(h), deprel,
                                  "_", "|".join(misc) or "_"]))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    src = HERE / "de_news.txt"
    sents = parse_source(src.read_text(encoding="utf-8"))
    blocks = {"train": [], "dev": []}
    for k, s in enumerate(sents):
        if s["split"] is None:  # every 5th sentence is held out, by position, unless marked
            s["split"] = "dev" if k % 5 == 4 else "train"
        blocks[s["split"]].append(to_conllu(s))
    (HERE / "de_news.conllu").write_text("\n".join(blocks["train"]) + "\n", encoding="utf-8")
    (HERE / "de_news_dev.conllu").write_text("\n".join(blocks["dev"]) + "\n", encoding="utf-8")
    print(f"{len(blocks['train'])} training sentences -> de_news.conllu, "
          f"{len(blocks['dev'])} held-out -> de_news_dev.conllu")
    from validate import main as validate

    return validate([str(HERE / "de_news.conllu"), str(HERE / "de_news_dev.conllu")])


if __name__ == "__main__":
    sys.exit(main())
