"""spaCy components registered by eventlens.

- `eventlens_line_breaks`: a sentence never crosses a line break. The cleaner separates paragraphs with
  blank lines and keeps headings and bylines as lines of their own, often without final punctuation, so
  the first real token after a newline always opens a sentence. The component only sets sentence *starts*;
  everything else is left to the senter/parser (which respect preset starts).
- `eventlens_simplemma`: dictionary lemmas from simplemma, for languages without a trained lemmatizer.
  With `overwrite=false` it only fills tokens that have no lemma yet.
"""

from __future__ import annotations

from collections import Counter

import numpy
import simplemma
from spacy.attrs import DEP, HEAD, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# a sentence may end after one of these (closing quotes and brackets may follow the final stop)
FINAL = frozenset(".!?:;…") | frozenset("\"'“”„«»‹›)]")


def mark_line_starts(doc: Doc, only_after_punct: bool = False) -> Doc:
    """Open a sentence at every line start; with `only_after_punct`, forbid sentence starts inside a line
    unless the previous token ends in final punctuation (headlines and bylines have none, and statistical
    parsers like to split them). Works on the token arrays: it runs on every token of every document."""
    if len(doc) < 2:
        return doc
    rows = doc.to_array([ORTH, IS_SPACE, SENT_START])
    starts = rows[:, 2].astype("int32").tolist()  # SENT_START is 1, -1 or 0, stored unsigned
    text_of = doc.vocab.strings
    after_break = False
    prev_final = True  # is there no previous word, or does it end a sentence?
    for i, (orth, is_space, _) in enumerate(rows.tolist()):
        if is_space:
            if "\n" in text_of[orth]:
                after_break = True
            continue
        if i > 0 and after_break:
            starts[i] = 1
        elif only_after_punct and not prev_final:
            starts[i] = -1
        after_break = False
        final = _FINAL_ORTH.get(orth)
        if final is None:  # (a string is built for every read of the vocabulary: once a word is enough)
            if len(_FINAL_ORTH) >= 200_000:
                _FINAL_ORTH.clear()
            final = _FINAL_ORTH[orth] = text_of[orth][-1:] in FINAL
        prev_final = final
    doc.from_array([SENT_START], numpy.array(starts, dtype="int32").astype("uint64").reshape(-1, 1))
    return doc


# a word's hash (the same in every vocabulary) -> does it end in final punctuation
_FINAL_ORTH: dict[int, bool] = {}


class LineBreaks:
    def __init__(self, only_after_punct: bool):
        self.only_after_punct = only_after_punct

    def __call__(self, doc: Doc) -> Doc:
        return mark_line_starts(doc, self.only_after_punct)


@Language.factory("eventlens_line_breaks", default_config={"only_after_punct": False})
def make_line_breaks(nlp: Language, name: str, only_after_punct: bool) -> LineBreaks:
    return LineBreaks(only_after_punct)


class SimplemmaLemmatizer:
    """Dictionary lemmas. `exceptions` maps a lower-cased form, or `form/POS` where the part of speech
    decides ("'s/AUX" -> be, "'s/PART" stays), to its lemma; with `proper_forms`, a proper noun and a
    capitalised adjective inside a sentence ("Palestinian", "Iraqi") keep their form, as UD lemmatises them."""

    def __init__(self, lang: str, overwrite: bool, exceptions: dict[str, str] | None = None,
                 proper_forms: bool = False):
        self.lang = lang
        self.overwrite = overwrite
        self.exceptions = dict(exceptions or {})
        self.proper_forms = proper_forms
        # (form, POS, sentence start) -> lemma: all that `lemma` reads of a token. Words repeat across
        # documents, and the dictionary lookup costs more than reading these
        self._known: dict[tuple[str, str, bool | None], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        known = self._known
        for token in doc:
            if not self.overwrite and token.lemma != 0:
                continue
            key = (token.text, token.pos_, token.is_sent_start)
            lemma = known.get(key)
            if lemma is None:
                if len(known) >= 200_000:  # a vocabulary, not a corpus: start again rather than grow without end
                    known.clear()
                lemma = known[key] = self.lemma(token)
            token.lemma_ = lemma
        return doc

    def lemma(self, token) -> str:
        text = token.text
        if token.is_space or token.is_punct or token.like_num:
            return text
        low = text.lower()
        known = exception_for(token, self.exceptions)
        if known:
            return known
        capital = text[:1].isupper() and (not text.isupper() or len(text) == 1)
        if self.proper_forms and (token.pos_ == "PROPN" or (token.pos_ == "ADJ" and capital
                                                              and not token.is_sent_start)):
            return text
        if token.pos_ not in ("", "NOUN", "PROPN") and capital:
            text = low  # a capital on a non-noun only marks the start of a sentence
        try:
            return simplemma.lemmatize(text, lang=self.lang)
        except ValueError:  # simplemma does not know this language: keep the surface form
            return token.text

    def score(self, examples, **kwargs):
        return Scorer.score_token_attr(examples, "lemma", **kwargs)


def exception_for(token, table: dict[str, str]) -> str | None:
    """The lemma a pack's exception table gives a token: by `form/POS` first, then by form alone."""
    low = token.text.lower()
    return table.get(f"{low}/{token.pos_}") or table.get(low)


class LemmaExceptions:
    """A pack's exception table over the lemmas a pipeline's own lemmatizer gave (UD's conventions for
    contractions and pronouns: French "du" -> "de le", "il" -> "lui")."""

    def __init__(self, exceptions: dict[str, str]):
        self.exceptions = dict(exceptions)

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            known = exception_for(token, self.exceptions)
            if known:
                token.lemma_ = known
        return doc


@Language.factory("eventlens_lemma_exceptions", default_config={"exceptions": {}})
def make_lemma_exceptions(nlp: Language, name: str, exceptions: dict[str, str]) -> LemmaExceptions:
    return LemmaExceptions(exceptions)


@Language.factory("eventlens_simplemma",
                  default_config={"lang": "", "overwrite": False, "exceptions": {}, "proper_forms": False})
def make_simplemma(nlp: Language, name: str, lang: str, overwrite: bool, exceptions: dict[str, str],
                   proper_forms: bool) -> SimplemmaLemmatizer:
    return SimplemmaLemmatizer(lang or nlp.lang, overwrite, exceptions, proper_forms)


class EntityLabelMap:
    """Renames entity labels to the project set (PER, ORG, LOC, MISC); a label mapped to "" is dropped."""

    def __init__(self, mapping: dict[str, str]):
        self.mapping = dict(mapping)

    def __call__(self, doc: Doc) -> Doc:
        if not self.mapping or not doc.ents:
            return doc
        spans = []
        for ent in doc.ents:
            label = self.mapping.get(ent.label_, ent.label_)
            if label:
                spans.append(ent if label == ent.label_ else Span(doc, ent.start, ent.end, label=label))
        doc.ents = spans
        return doc


@Language.factory("eventlens_entity_labels", default_config={"mapping": {}})
def make_entity_labels(nlp: Language, name: str, mapping: dict[str, str]) -> EntityLabelMap:
    return EntityLabelMap(mapping)


NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


class DativeObjects:
    """German: a bare nominal argument of a verb that is dative is its indirect object (iobj).

    Rules over morphology and the parse, for what a parser trained on 1,500 sentences gets wrong:
    - an adjective hung on the verb as an argument right before a noun hung on the same verb
      ("wirtschaftliche/obj Unterstützung/iobj") modifies that noun, which takes its role;
    - an `obj`, `obl:arg` or `nsubj` without a preposition whose case (its determiner's, else its own) is
      dative, moved from an auxiliary to its verb where the parser hung it there;
    - a verb with two `obj`: UD allows one direct object, and with two full noun phrases German puts the
      dative first, so the first becomes iobj (unless it is the one marked accusative); likewise a verb with
      two `iobj` and no object: the second is the object ("hat Nordkorea ... Flugabwehrraketen/iobj
      geliefert"), unless only its article is dative;
    - a verb with two `nsubj`: UD allows one subject. The one marked nominative (else the first) stays;
      the other is an object: iobj when the verb already has a direct object, else obj;
    - a passive subject (`nsubj:pass`) beside a subject, or under the auxiliary haben, on a verb with no
      passive auxiliary ("Deutschland hat ... keine Marschflugkörper/nsubj:pass geliefert", "bestreitet, ein
      Gebäude/nsubj:pass getroffen zu haben"): the clause is active, so it is an object."""

    ARGUMENTS = frozenset({"nsubj", "obj", "iobj", "obl:arg"})

    def __call__(self, doc: Doc) -> Doc:
        for adj in doc:
            if adj.pos_ == "ADJ" and adj.dep_ in self.ARGUMENTS and not any(adj.children):
                noun = next((t for t in doc[adj.i + 1 : adj.i + 4] if t.pos_ not in ("ADJ", "ADV")), None)
                if noun is not None and noun.pos_ in NOMINAL and noun.head.i == adj.head.i and noun.i != adj.head.i:
                    noun.dep_, adj.dep_ = adj.dep_, "amod"
                    adj.head = noun
        for head in self._heads_of_two(doc, "nsubj"):
            subjects = [c for c in head.children if c.dep_ == "nsubj" and c.pos_ in NOMINAL and self._bare(c)]
            if len(subjects) == 2:
                nominative = [c for c in subjects if self._case(c) == "Nom"]
                keep = nominative[0] if len(nominative) == 1 else subjects[0]
                other = subjects[1] if keep is subjects[0] else subjects[0]
                has_obj = any(c.dep_ == "obj" for c in head.children)
                other.dep_ = "iobj" if has_obj or self._case(other) == "Dat" else "obj"
        for token in doc:
            if token.dep_ == "nsubj:pass" and token.pos_ in NOMINAL and self._bare(token):
                siblings = [c.dep_ for c in token.head.children]
                # the passive perfect takes sein ("getroffen worden sein"); with haben the clause is active
                active = "nsubj" in siblings or any(c.dep_ == "aux" and self._lemma(c) == "haben" for c in token.head.children)
                if active and "aux:pass" not in siblings:
                    token.dep_ = "obj" if "obj" not in siblings else "iobj"
            if token.dep_ in ("obj", "obl:arg", "nsubj") and token.pos_ in NOMINAL and self._bare(token):
                if self._case(token) == "Dat":
                    token.dep_ = "iobj"  # a subject is nominative: "dem Botschafter" never is one
                    if token.head.dep_ in ("aux", "aux:pass", "cop") and token.head.head.i != token.head.i:
                        token.head = token.head.head  # an auxiliary takes no arguments: the verb does
        for head in self._heads_of_two(doc, "obj"):
            objs = [c for c in head.children if c.dep_ == "obj" and c.pos_ in NOMINAL and self._bare(c)]
            if len(objs) == 2 and self._case(objs[0]) != "Acc":
                objs[0].dep_ = "iobj"
        for head in self._heads_of_two(doc, "iobj"):
            iobjs = [c for c in head.children if c.dep_ == "iobj" and c.pos_ in NOMINAL and self._bare(c)]
            if len(iobjs) == 2 and not any(c.dep_ == "obj" for c in head.children):
                # a giving verb's recipient comes before the thing given; an article can say otherwise
                later_dative = self._article_case(iobjs[1]) == "Dat" and self._article_case(iobjs[0]) != "Dat"
                iobjs[0 if later_dative else 1].dep_ = "obj"
        return doc

    @staticmethod
    def _heads_of_two(doc: Doc, label: str) -> list:
        """The tokens with two or more dependents labelled `label`, in order, from the parse arrays: the
        rules above need two, and reading every token's dependents costs more than the rest."""
        if not len(doc):
            return []
        want = doc.vocab.strings[label]
        deps = doc.to_array(DEP).tolist()
        heads = doc.to_array(HEAD).astype("int64").tolist()  # offsets from the token, stored unsigned
        count = Counter(i + rel for i, (rel, dep) in enumerate(zip(heads, deps, strict=True)) if dep == want)
        return [doc[i] for i in sorted(i for i, n in count.items() if n >= 2)]

    @staticmethod
    def _lemma(token) -> str:
        """The token's lemma (the dictionary lemmas are set after the rules run)."""
        return token.lemma_ or simplemma.lemmatize(token.lower_, lang="de")

    @staticmethod
    def _bare(token) -> bool:
        return not any(c.dep_ == "case" for c in token.children)

    @staticmethod
    def _article_case(token) -> str:
        """The case its determiner marks ("dem", "einen" are unambiguous where most noun forms are not)."""
        return next((c.morph.get("Case")[0] for c in token.children
                     if c.dep_ == "det" and len(c.morph.get("Case")) == 1), "")

    @classmethod
    def _case(cls, token) -> str:
        """The case of a noun phrase: its determiner's where it has one (the tagger guesses the noun's own),
        else the word's own."""
        case = token.morph.get("Case")
        return cls._article_case(token) or (case[0] if len(case) == 1 else "")


@Language.factory("eventlens_dative_objects")
def make_dative_objects(nlp: Language, name: str) -> DativeObjects:
    return DativeObjects()


class VerbRoots:
    """English: a finite verb the parser hung on its own object as a modifier ("Germany halted/amod
    deliveries/ROOT to Turkey", "The UN reduced/amod food supplies") is the clause's verb again.

    The sign is a subject before the modifier, hung on it or on the noun (a modifier takes no subject, and a
    noun takes one only as a predicate, with a copula: "X is a country"). The verb takes the noun's place in
    the tree, the noun becomes its object, and the subject and the clause's adverbials, punctuation and
    clauses move to the verb."""

    NOMINAL_DEPENDENTS = frozenset({"det", "nummod", "nmod:poss", "det:poss"})
    CLAUSE_POSITIONS = frozenset({"ROOT", "ccomp", "conj", "parataxis", "advcl", "xcomp"})
    CLAUSE_DEPS = frozenset({"nsubj", "nsubj:pass", "obl", "obl:tmod", "obl:unmarked", "nmod:tmod", "advmod",
                             "advcl", "ccomp", "parataxis", "punct", "aux", "aux:pass", "mark", "cc", "conj"})

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for noun in doc:
            if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ not in self.CLAUSE_POSITIONS or any(
                    c.dep_ in ("cop", "aux", "aux:pass") for c in noun.children):
                continue  # an argument of another verb, or a predicate ("we have/aux limited time")
            for verb in noun.children:
                # a determiner before it makes the word attributive ("you're the perverted old man")
                if verb.dep_ in ("amod", "compound") and verb.i < noun.i and self._finite(verb) and any(
                        c.dep_ == "nsubj" and c.i < verb.i for c in list(noun.children) + list(verb.children)) \
                        and not any(c.dep_ in self.NOMINAL_DEPENDENTS and c.i < verb.i for c in noun.children):
                    self._promote(verb, noun)
                    break
        return doc

    @staticmethod
    def _finite(verb) -> bool:
        return verb.pos_ == "VERB" and ("Fin" in verb.morph.get("VerbForm") or "Past" in verb.morph.get("Tense"))

    def _promote(self, verb, noun) -> None:
        moved = [c for c in noun.children if c.i != verb.i and c.dep_ in self.CLAUSE_DEPS
                 and (c.i < verb.i or c.dep_ not in ("nsubj", "aux", "aux:pass", "mark"))]
        if noun.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = noun.head, noun.dep_
        noun.head, noun.dep_ = verb, "obj"
        for child in moved:
            child.head = verb


@Language.factory("eventlens_verb_roots")
def make_verb_roots(nlp: Language, name: str) -> VerbRoots:
    return VerbRoots()


class ContentClauses:
    """A clause opened by a subordinating conjunction ("dass") is no relative clause: a relative clause opens
    with a relative pronoun. Where the parser calls one `acl:relcl`, it is a content clause: of the verb, as
    its `ccomp`, when it hangs on that verb's subject and follows the verb ("erklärte der Chef der Diplomatie,
    dass Nordkorea ... stehen werde"), and the verb has no other; else of the noun, as `acl` ("die Nachricht,
    dass ...").

    A clause with its finite verb second is no relative clause either: reported speech after the speaker
    ("sagte ... Sicherheitsberater Shin Won-sik, Russland habe Nordkorea ... geliefert"), hung on that
    subject, becomes the verb's `ccomp` in the same way.

    Likewise an infinitive opened by two markers ("um ... zu", "ohne ... zu") is an adverbial clause of the
    verb: where the parser hangs it on a noun of that verb ("begannen einen Hungerstreik, um ... zu
    fordern"), it moves to the verb as `advcl`."""

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for clause in doc:
            noun = clause.head
            if clause.dep_ in ("ccomp", "xcomp", "acl") and noun.pos_ in NOMINAL and noun.head.i != noun.i \
                    and noun.head.pos_ in ("VERB", "AUX") and noun.i < clause.i and sum(
                    c.dep_ == "mark" and c.i < clause.i for c in clause.children) >= 2:
                clause.head, clause.dep_ = noun.head, "advcl"
                continue
            if clause.dep_ != "acl:relcl":
                continue
            conjunction = any(c.dep_ == "mark" and c.pos_ == "SCONJ" and c.i < clause.i for c in clause.children)
            if not conjunction and not self._verb_second(clause):
                continue
            noun, verb = clause.head, clause.head.head
            if noun.dep_ == "nsubj" and verb.i < noun.i < clause.i and verb.pos_ in ("VERB", "AUX") \
                    and not any(c.dep_ == "ccomp" for c in verb.children):
                clause.head, clause.dep_ = verb, "ccomp"
            elif conjunction:
                clause.dep_ = "acl"
        return doc

    @staticmethod
    def _verb_second(clause) -> bool:
        """Is the clause a main clause, its finite verb second ("Russland habe Nordkorea ... geliefert")? A
        relative clause puts its finite verb last, after the rest of the clause."""
        children = [c for c in clause.children if c.dep_ not in ("punct", "cc")]
        finite = next((c for c in children if c.dep_ in ("aux", "aux:pass") and c.i < clause.i), None)
        if finite is not None:  # the auxiliary before its participle or infinitive
            return any(c.dep_ == "nsubj" and c.i < finite.i for c in children)
        # no auxiliary: the finite verb itself, with its subject before and its objects after it
        return any(c.dep_ == "nsubj" and c.i < clause.i for c in children) and any(
            c.dep_ in ("obj", "iobj") and c.i > clause.i for c in children)


@Language.factory("eventlens_content_clauses")
def make_content_clauses(nlp: Language, name: str) -> ContentClauses:
    return ContentClauses()


class AttributiveParticiples:
    """German: a participle between an article or numeral and its noun modifies the noun ("zwei inhaftierte
    deutsche Journalisten", "die verhängte Ausgangssperre"): a finite verb never stands there. Where the parser
    made it a verb, it becomes the noun's `amod`, the noun takes its place in the clause, and the article or
    numeral goes to the noun. Participle forms: tagged Part, or an adjective ending on a verb's stem (`-t`/`-en`
    plus an inflection) whose lemma differs from its form."""

    ENDINGS = ("te", "ten", "tes", "ter", "tem", "ene", "enen", "ener", "enes", "enem")
    OPENERS = frozenset({"DET", "NUM"})
    CLAUSE_RELATIONS = frozenset({"parataxis", "ccomp", "xcomp", "advcl", "conj", "acl", "acl:relcl", "csubj"})
    BY_CASE = {"Nom": "nsubj", "Acc": "obj", "Dat": "iobj"}

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for part in doc[1:]:
            if part.pos_ != "VERB" or not self._participle(part):
                continue
            opener = self._opener(part)
            noun = next((t for t in doc[part.i + 1 : part.i + 4] if t.pos_ != "ADJ"), None)
            if opener is None or noun is None or noun.pos_ != "NOUN":
                continue
            clause = part.head if part.head.i != part.i else None
            if noun.head.i == part.i:  # the noun was an argument of the "verb": it takes the verb's place
                if clause is None:
                    noun.head, noun.dep_ = noun, "ROOT"
                else:  # a clause relation the "verb" had becomes the argument its case says
                    role = part.dep_ if part.dep_ not in self.CLAUSE_RELATIONS else \
                        self.BY_CASE.get(DativeObjects._case(noun), "obj")
                    noun.head, noun.dep_ = clause, role
            elif part.is_ancestor(noun):
                continue
            for child in list(part.children):  # what follows the noun belongs to the clause ("hob ... auf")
                if child.i > noun.i and clause is not None:
                    child.head = clause
            part.head, part.dep_ = noun, "amod"
            opener.head, opener.dep_ = noun, "det" if opener.pos_ == "DET" else "nummod"
        return doc

    def _opener(self, part):
        """The article or numeral that opens the participle's phrase: right before it, or before the phrase
        the participle governs ("die [über Batumi] verhängte")."""
        doc = part.doc
        before = doc[part.i - 1]
        if before.pos_ in self.OPENERS:
            return before
        inner = [c for c in part.children if c.i < part.i and c.dep_ not in ("punct", "nsubj", "nsubj:pass")]
        start = min((c.left_edge.i for c in inner), default=part.i)
        if start < part.i and start > 0 and all(t.head.i == part.i or t.head.i in range(start, part.i)
                                                 for t in doc[start:part.i]):
            opener = doc[start - 1]
            return opener if opener.pos_ == "DET" else None
        return None

    def _participle(self, token) -> bool:
        if "Part" in token.morph.get("VerbForm"):
            return True
        return token.lower_.endswith(self.ENDINGS) and token.lemma_.lower() != token.lower_


@Language.factory("eventlens_attributive_participles")
def make_attributive_participles(nlp: Language, name: str) -> AttributiveParticiples:
    return AttributiveParticiples()


class FlatNames:
    """Grow a person entity over the adjacent words that the parser joined to it as parts of one name
    (`flat`, `flat:name`): "Kim Jong" + "Un", "Choe" + "Son Hui". A word already in another entity stays."""

    DEPS = frozenset({"flat", "flat:name"})

    def __call__(self, doc: Doc) -> Doc:
        if not doc.ents or not doc.has_annotation("DEP"):
            return doc
        taken = {t.i for e in doc.ents for t in e}
        spans = []
        for ent in doc.ents:
            start, end = ent.start, ent.end
            if ent.label_ not in ("PER", "PERSON"):  # only personal names are split by the parser
                spans.append(ent)
                continue
            while end < len(doc) and end not in taken and self._part_of(doc[end], start, end):
                end += 1
            while start > 0 and (start - 1) not in taken and self._part_of(doc[start - 1], start, end):
                start -= 1
            spans.append(ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label))
        doc.ents = spans
        return doc

    def _part_of(self, token, start: int, end: int) -> bool:
        if not token.text[:1].isupper():
            return False
        if token.dep_ in self.DEPS and start <= token.head.i < end:
            return True
        return any(c.dep_ in self.DEPS and start <= c.i < end for c in token.children)


@Language.factory("eventlens_flat_names")
def make_flat_names(nlp: Language, name: str) -> FlatNames:
    return FlatNames()


class ReportingSubjects:
    """English: a verb of saying with no subject, right after a comma ("..., Shin Won-sik told CNN"), takes the
    noun phrase between the comma and itself as its subject where the parser hung that phrase on a word of
    the clause before (as an apposition of "North Korea"): a finite verb of saying has a speaker, and a name
    between a comma and the verb is no apposition of the words before the comma when nothing closes it."""

    PHRASE_WORDS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})
    SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "expl"})

    def __init__(self, verbs: frozenset[str]):
        self.verbs = verbs

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for verb in doc:
            if verb.pos_ != "VERB" or "Fin" not in verb.morph.get("VerbForm") or not (
                    {verb.lemma_.lower(), verb.lower_} & self.verbs) or any(
                    c.dep_ in self.SUBJECTS for c in verb.children):
                continue
            phrase = self._phrase_before(verb)
            if phrase is None:
                continue
            inside = range(phrase.start, phrase.end)
            heads = [t for t in phrase if t.head.i not in inside or t.head.i == t.i]
            if len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN") and heads[0].head.i < phrase.start:
                heads[0].head, heads[0].dep_ = verb, "nsubj"
        return doc

    def _phrase_before(self, verb) -> Span | None:
        """The words between the nearest comma before the verb and the verb, if all may make a noun phrase
        (a hyphen inside a name too: "Won - sik")."""
        start = verb.i
        while start > 0 and (verb.doc[start - 1].pos_ in self.PHRASE_WORDS or verb.doc[start - 1].text in "-–"):
            start -= 1
        if start == verb.i or start == 0 or verb.doc[start - 1].text != ",":
            return None
        return verb.doc[start:verb.i]


@Language.factory("eventlens_reporting_subjects")
def make_reporting_subjects(nlp: Language, name: str) -> ReportingSubjects:
    from eventlens.lang import get_pack

    words = get_pack(nlp.lang).data("claims.yaml").get("speech_verbs") or []
    return ReportingSubjects(frozenset(w.lower() for w in words))


class CoordinatedInfinitives:
    """English: an infinitive with its own "to", coordinated after a verb that already has an infinitive
    complement ("agreed to resume flights and to restart patrols"), is the second of those complements: the
    parser hung it on the governing verb as a second act of its own. It becomes the first infinitive's `conj`."""

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for verb in doc:
            if verb.dep_ != "conj" or verb.pos_ != "VERB" or not self._to_infinitive(verb):
                continue
            head = verb.head
            first = [c for c in head.children if c.dep_ == "xcomp" and head.i < c.i < verb.i and self._to_infinitive(c)]
            if first and not self._to_infinitive(head):
                verb.head = first[-1]
        return doc

    @staticmethod
    def _to_infinitive(verb) -> bool:
        return any(c.dep_ == "mark" and c.lower_ == "to" and c.i < verb.i for c in verb.children)


@Language.factory("eventlens_coordinated_infinitives")
def make_coordinated_infinitives(nlp: Language, name: str) -> CoordinatedInfinitives:
    return CoordinatedInfinitives()


class NounContentClauses:
    """English: a "that" clause right after a verb's object, where that object is a noun that carries what is
    asked ("reiterated its demand that Israel ease restrictions"), completes the noun: the parser hung it on
    the verb as a second complement. It becomes the noun's `acl`. The nouns are those of the pack's trigger
    lexicon whose entries take the asked one from such a clause (recipient slot `ccomp_subj`)."""

    BETWEEN = frozenset({"advmod", "obl:unmarked", "obl:tmod", "npadvmod", "punct"})  # "its demand today that"

    def __init__(self, nouns: frozenset[str], complementizers: frozenset[str]):
        self.nouns, self.complementizers = nouns, complementizers

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for clause in doc:
            verb = clause.head
            if clause.dep_ != "ccomp" or verb.i == clause.i or verb.pos_ != "VERB":
                continue
            mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in self.complementizers
                         and c.pos_ != "PRON" and c.i == clause.left_edge.i), None)
            noun = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN" and c.i < clause.i
                         and self._lemmas(c) & self.nouns), None)
            if mark is None or noun is None:
                continue
            gap = doc[noun.right_edge.i + 1 : mark.i]
            if all(t.head.i == verb.i and t.dep_ in self.BETWEEN or t.head.i in range(gap.start, gap.end)
                   for t in gap):
                clause.head, clause.dep_ = noun, "acl"
        return doc

    @staticmethod
    def _lemmas(token) -> set[str]:
        """The word's lemma whichever lemmatizer runs later: rules run before the dictionary lemmas are set."""
        words = {token.lemma_.lower(), token.lower_}
        try:
            words.add(simplemma.lemmatize(token.lower_, lang=token.doc.lang_).lower())
        except ValueError:  # a language simplemma does not know
            pass
        return words


@Language.factory("eventlens_noun_content_clauses")
def make_noun_content_clauses(nlp: Language, name: str) -> NounContentClauses:
    from eventlens.events.coder import _resources
    from eventlens.events.ontology import Ontology

    # the coder's own (cached) lexicon and syntax hints: loaded once, whichever asks first
    lexicon, _, syntax = _resources(nlp.lang, Ontology.load())
    nouns = frozenset(t.lemma.lower() for t in lexicon.entries if t.pos == "NOUN" and "ccomp_subj" in t.recipient)
    return NounContentClauses(nouns, frozenset(syntax.complementizers))


class KnownPersons:
    """Name the office-holders of the actor data as persons wherever they are written out in full.

    A small NER model misses rare foreign names ("Choe Son Hui"), cuts them short ("Shin" of "Shin Won-sik")
    or calls them MISC; the actor data already knows them, spelled as each language writes them. A match
    replaces the entities it overlaps; names the data does not hold are left to the model."""

    def __init__(self, nlp: Language, names: list[str]):
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("PER", list(nlp.tokenizer.pipe(names)))

    def __call__(self, doc: Doc) -> Doc:
        found = [Span(doc, start, end, label="PER") for _, start, end in self.matcher(doc)]
        if not found:
            return doc
        found = filter_spans(found)
        covered = {t.i for span in found for t in span}
        kept = [e for e in doc.ents if not any(t.i in covered for t in e)]
        doc.ents = sorted(kept + found, key=lambda span: span.start)
        if doc.has_annotation("DEP"):
            for span in found:
                self._one_name(span)
        return doc

    @staticmethod
    def _one_name(span: Span) -> None:
        """A known full name is one noun phrase: where the parser split it between roles of one head ("Wang/
        nsubj:pass Yi/aux met": a rare name part read as an auxiliary), its first word takes the role the name
        plays and the other words hang on it as `flat`."""
        inside = range(span.start, span.end)
        outside = [t for t in span if t.head.i not in inside]
        heads = {t.head.i for t in outside}
        if len(outside) < 2 or len(heads) != 1 or any(t.head.i == t.i for t in span):
            return  # whole (one word hangs outside), or hung on several heads: no safe repair
        first, head = span[0], outside[0].head
        role = next((t.dep_ for t in outside if t.pos_ in ("PROPN", "NOUN")), outside[0].dep_)
        for t in span[1:]:
            if t.head.i not in inside:
                t.head, t.dep_ = first, "flat"
            if t.pos_ not in ("PROPN", "NOUN"):
                t.pos_, t.tag_ = "PROPN", "NNP" if span.doc.lang_ == "en" else t.tag_
                t.set_morph("Number=Sing")  # a name part has none of the verb features it was given
        first.head = head
        if role == "nsubj:pass" and not any(c.dep_ == "aux:pass" for c in head.children):
            role = "nsubj"  # the passive was read from the name part taken for its auxiliary
        first.dep_ = role


@Language.factory("eventlens_known_persons")
def make_known_persons(nlp: Language, name: str) -> KnownPersons:
    from eventlens.actors.dictionary import person_names

    return KnownPersons(nlp, person_names())


class KnownPlaces:
    """Name the countries, regions and cities of the places gazetteer as locations (LOC) where the model
    found no entity, or gave the very same words another label.

    A small NER model misses common place names it saw too rarely in training ("Kolumbien", "Irlands",
    "Leverkusen") and reads others as persons or organisations ("Griechenlands/PER"). The gazetteer's own
    guards decide what counts as a place (blocked homonyms, a cue before a small town, no first names). An
    entity that only overlaps the place is kept: "Bank of Japan" stays an organisation."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        from eventlens.claims.where import PLACES_KEY, find_places

        places = find_places(doc.text, self.lang)
        doc.user_data[PLACES_KEY] = places  # later stages place events with these instead of searching again
        if not places:
            return doc
        ents = {(e.start, e.end): e for e in doc.ents}
        taken = {t.i for e in doc.ents for t in e}
        changed = False
        for place in places:
            span = doc.char_span(place.start, place.end, label="LOC")
            if span is None:  # the place ends inside a token ("Russland-Politik"): not a name of its own
                continue
            same = ents.get((span.start, span.end))
            if same is not None:
                if same.label_ != "LOC":
                    ents[(span.start, span.end)] = span
                    changed = True
            elif not any(t.i in taken for t in span):
                ents[(span.start, span.end)] = span
                taken.update(t.i for t in span)
                changed = True
        if changed:
            doc.ents = sorted(ents.values(), key=lambda e: e.start)
        return doc


@Language.factory("eventlens_known_places")
def make_known_places(nlp: Language, name: str) -> KnownPlaces:
    return KnownPlaces(nlp.lang)
