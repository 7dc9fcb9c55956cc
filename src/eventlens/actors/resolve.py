"""Find actor mentions in a document and resolve each to a canonical actor.

The passes, in order (each works on the candidates the previous ones left):

  1. words      spaCy tokens, split further at hyphens and at glued words ("UN-Sanktionen" -> UN,
                Sanktionen; "sikSüdkoreas" -> sik, Südkoreas)
  2. dictionary longest match of word tuples (surface forms, then lemmas), then one-edit fuzzy
                matching of long capitalised names
  3. roles      role nouns with a state beside them and a name after (or before) them
                ("Südkoreas nationaler Sicherheitsberater Shin Won-sik" -> KOR GOV)
  4. sectors    sector nouns beside a state word ("die russische Armee" -> RUS MIL); generic nouns
                ("Experten") become UNK (marked "foreign" where a word says so: "ausländische Journalisten");
                a bare "die Polizei", and a person given an office but no state ("President X"), the state
                the story is set in, if it has one
  5. directions "der Norden" -> the northern state of a pair on stage
  6. references short names and honorifics of persons already named ("Herr Shin", "Shin")
  7. pronouns   "er"/"he"/"il" -> the only person named just before
  8. entities   the pack's PER/ORG entities that nothing above explained (UNK)
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.attrs import IDX, IS_SPACE, IS_STOP, LEMMA, ORTH, POS, SPACY
from spacy.parts_of_speech import NAMES as POS_NAMES

from eventlens.actors.dictionary import Actor, ActorDictionary, Form, Index, LangData, fold, split_words
from eventlens.records import Mention

_HYPHENS = "-\u2010\u2011\u2013"
_PARTS = re.compile(r"[^\-\u2010\u2011\u2013]+")
_CAMEL = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ][a-zß-ÿ])")
_CUT = re.compile(r"[\-\u2010\u2011\u2013]|(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ][a-zß-ÿ])")  # a hyphen or a glued capital
_PRIORITY = {"name": 0, "metonym": 1, "person": 2, "adjective": 3, "role": 4, "generic": 5, "sector": 6,
             "direction": 7, "pronoun": 8, "person_short": 9}
STATEISH = ("name", "metonym", "adjective")
# a state's own institutions: named bare ("die Polizei", "the government") in a story set in one state, they are its
HOME_SECTORS = frozenset({"GOV", "COP", "MIL", "LEG", "JUD", "OPP"})
# offices held towards other states or bodies: named without a state, their holder is as likely a foreigner
ROLES_ABROAD = frozenset({"ambassador", "counterpart", "secretary-general", "spokesperson"})


@dataclass
class Word:
    text: str
    key: str
    lemma: str | None
    start: int  # offsets in the cleaned text
    end: int
    joined: bool  # glued to the previous word (hyphen or missing space)
    closed: bool = False  # a function word (stop word, or a tagged non-adjective)
    pos: str = ""  # the tagger's part of speech, where the pack has a tagger

    @functools.cached_property  # asked several times a word by the passes; a Word never changes
    def titlecase(self) -> bool:
        return self.text[:1].isupper() and any(c.islower() for c in self.text)


@dataclass
class Cand:
    a: int  # word range [a, b)
    b: int
    cat: str
    actor: Actor | None = None
    sector: str | None = None
    role: str | None = None
    kind: str = "state"
    how: str = "dictionary"
    name: str | None = None
    code: str | None = None
    state: Cand | None = None  # for role candidates from a {STATE} pattern
    people: str | None = None  # an ethnic or national group (peoples.yaml id); actor: the state chosen for it
    generic: Form | None = None  # a role word's entry as a generic noun too ("Oppositionspolitiker")

    @property
    def stateish(self) -> bool:
        return self.cat in STATEISH and self.actor is not None and self.actor.kind in ("state", "igo", "group")


def words_of(nlp_doc) -> list[Word]:
    """The words resolution works on: tokens split at hyphens and glued capitals."""
    words: list[Word] = []
    glue_next = False
    # the token attributes as one array: a Token object, and a string for every attribute read, cost more
    # than the rest of the loop
    strings = nlp_doc.vocab.strings
    rows = nlp_doc.to_array([ORTH, SPACY, IS_SPACE, IDX, LEMMA, POS, IS_STOP]).tolist() if len(nlp_doc) else []
    for i, (orth, space, is_space, idx, lemma_id, pos_id, is_stop) in enumerate(rows):
        if is_space:
            continue
        text = strings[orth]
        prev_glued = i > 0 and not rows[i - 1][1]
        if text and not text.strip(_HYPHENS):  # nothing but hyphens (one C call, not a loop a word)
            if prev_glued and not space:
                glue_next = True
                continue
        joined_tok = glue_next or (prev_glued and words and words[-1].end == idx
                                   and text[:1].isalnum() and words[-1].text[-1:].isalnum())
        glue_next = False
        pieces: list[tuple[int, str]] = [(0, text)] if text else []
        if len(text) > 1 and _CUT.search(text):  # most words have nothing to split
            parts = [(m.start(), m.group()) for m in _PARTS.finditer(text)] or [(0, text)]
            pieces = []
            for off, part in parts:
                cuts = [0] + [m.start() for m in _CAMEL.finditer(part)] + [len(part)]
                for x, y in zip(cuts, cuts[1:], strict=False):
                    if y > x:
                        pieces.append((off + x, part[x:y]))
        tok_lemma, pos = strings[lemma_id], POS_NAMES[pos_id]
        lemma = fold(tok_lemma) if len(pieces) == 1 and tok_lemma and tok_lemma != text else None
        closed = bool(is_stop) or (pos not in ("", "ADJ", "ADV", "X") and pos is not None)
        for j, (off, piece) in enumerate(pieces):
            start = idx + off
            words.append(Word(piece, fold(piece), lemma, start, start + len(piece), joined_tok if j == 0 else True,
                              closed, pos or ""))
    return words


class Resolver:
    """Resolution of one document; holds the per-document state of the passes."""

    def __init__(self, dictionary: ActorDictionary, lang: str, date: str | None):
        self.d = dictionary
        self.lang = lang
        self.date = date
        self.idx: Index = dictionary.index(lang)
        self.ld: LangData = dictionary.lang_data.get(lang, LangData())
        self.asked: set[str] = set()  # persons a choice between several looked at (see `run`)

    # -- pass 2: dictionary -------------------------------------------------------------------

    def _forms_at(self, words: list[Word], i: int, n: int) -> list[Form]:
        span = words[i:i + n]
        forms = list(self.idx.exact.get(tuple(w.text for w in span), []))
        first = span[0].text
        # a name may start with a lower-case particle: "al-Qaida", "el-Sisi"
        capital = first[:1].isupper() or (n > 1 and len(first) <= 3 and span[1].text[:1].isupper()
                                          and span[0].key not in self.ld.determiners)
        for f in self.idx.folded.get(tuple(w.key for w in span), []):
            if not f.proper or capital:
                forms.append(f)
        if not forms and n == 1 and span[0].lemma:
            forms = [f for f in self.idx.folded.get((span[0].lemma,), []) if not f.proper]
        if any(f.exact for f in forms):  # accents that tell words apart: Spanish "él" (he), "el" (the)
            lower = " ".join(w.text.lower() for w in span)
            forms = [f for f in forms if not f.exact or f.exact == lower]
        return forms

    def match(self, words: list[Word]) -> list[Cand]:
        cands: list[Cand] = []
        i, n = 0, len(words)
        lengths = self.idx.lengths
        while i < n:
            w = words[i]
            # only lengths of keys that start with this word (exact text, folded, or its lemma) can match
            tried = set(lengths.get(w.key, ())) | set(lengths.get(w.text, ()))
            if w.lemma:
                tried.add(1)
            # most words start no key: nothing to sort
            for length in sorted((k for k in tried if k <= n - i), reverse=True) if tried else ():
                forms = self._forms_at(words, i, length)
                if forms:
                    cand = self._choose(forms, i, i + length)
                    after = words[i + length] if i + length < n else None
                    if after is not None and after.joined and after.key in self.ld.topic_heads:
                        cand = None  # "die Russland-Politik von Fico": Russia is what the policy is about
                    if cand is not None:
                        cands.append(cand)
                        i += length
                        break
            else:
                w = words[i]
                person = self._fuzzy_person(words, i)
                if person is not None:
                    cands.append(person)
                    i = person.b
                    continue
                if w.titlecase and len(w.key) >= 7:
                    near = self.idx.fuzzy_lookup(w.key)
                    if near:
                        forms = [f for f in self.idx.folded[(near,)] if f.proper and f.category in ("name", "metonym")]
                        cand = self._choose(forms, i, i + 1) if forms else None
                        if cand is not None:
                            cand.how = "fuzzy"
                            cands.append(cand)
                i += 1
        return cands

    def _fuzzy_person(self, words: list[Word], i: int) -> Cand | None:
        """A person's full name written with one word one letter off, the other words exact."""
        if not words[i].titlecase:
            return None
        for n in (3, 2):
            span = words[i:i + n]
            if len(span) < n or not all(w.titlecase for w in span):
                continue
            key = self.idx.fuzzy_person(tuple(w.key for w in span))
            if key is not None:
                forms = [f for f in self.idx.folded[key] if f.category == "person"]
                cand = self._choose(forms, i, i + n) if forms else None
                if cand is not None:
                    cand.how = "fuzzy"
                    return cand
        return None

    def _choose(self, forms: list[Form], a: int, b: int) -> Cand | None:
        forms = sorted(forms, key=lambda f: _PRIORITY.get(f.category, 99))
        f = forms[0]
        if f.category in ("person", "person_short"):
            persons = {}
            for g in forms:
                if g.category == f.category:
                    for actor in g.actors:
                        persons.setdefault(actor.key, []).append(actor)
            key = self._pick_person(persons, f.category == "person")
            if key is None:
                return None
            actor = self.d.tenure(self.d.persons.get(key, persons[key]), self.date)
            return Cand(a, b, "person", actor=actor, sector=actor.sector, role=actor.role, kind="person",
                        name=actor.name, code=actor.code)
        if f.people is not None:  # the state is chosen by the sentence (pass 2b); the first until then
            people = self.d.peoples[f.people]
            actor = self.d.actors[people.nation or people.states[0]]
            return Cand(a, b, f.category, actor=actor, sector="CVL", kind="state", name=people.name,
                        code=actor.code, people=people.key)
        actor = f.actors[0] if f.actors else None
        if actor is not None:
            sector = f.sector if f.sector is not None else actor.sector
            return Cand(a, b, f.category, actor=actor, sector=sector, kind=actor.kind, name=actor.name,
                        code=actor.code)
        generic = next((g for g in forms if g.category == "generic"), None) if f.category == "role" else None
        return Cand(a, b, f.category, sector=f.sector, role=f.role, generic=generic)

    def _pick_person(self, persons: dict[str, list[Actor]], full: bool) -> str | None:
        if len(persons) == 1:  # the tenure decides the role, or "former ..." outside it
            return next(iter(persons))
        self.asked.update(persons)
        seen = [k for k in persons if k in self.seen_persons]
        if len(seen) == 1:
            return seen[0]
        active = [k for k in persons if self.d.in_office(self.d.persons.get(k, persons[k]), self.date)]
        if len(active) == 1:
            return active[0]
        if full and persons:
            return next(iter(persons))
        return None

    # -- pass 2b: communities -------------------------------------------------------------------

    def communities(self, words: list[Word], cands: list[Cand], sent_of) -> list[Cand]:
        """Ethnic and national groups are coded with the state they live in, as PLOVER codes them:
        "Bosnian Serbs" -> BIH (the state word that qualifies the people), "Kurds in Syria" -> SYR (the
        state they are said to be in), "ethnic Albanians ... Macedonia" -> MKD (a community named as ethnic
        lives outside its own state: the nearest other state of the sentence), "Shona rebels" with
        Mozambique in the sentence -> MOZ (a people with no state of its own: the nearest of its states
        the sentence names, else the first)."""
        cands = self._qualified_peoples(words, sorted(cands, key=lambda c: c.a))
        states = [c for c in cands if c.stateish and c.actor.kind == "state" and c.people is None]
        for k, c in enumerate(cands):
            marked = c.a > 0 and words[c.a - 1].key in self.ld.minority_markers
            if c.cat != "adjective" or not (c.people or marked) or c.how == "qualified":
                continue
            s = sent_of(words[c.a].start)
            near = sorted((o for o in states if o is not c and sent_of(words[o.a].start) == s),
                          key=lambda o: abs(o.a - c.a))
            people = self.d.peoples.get(c.people) if c.people else None
            code = self._state_after(words, c, cands[k + 1] if k + 1 < len(cands) else None) if people else None
            if code is not None and people.nation and code not in people.states:
                code = None  # "Russians in Syria": abroad, not a community living there
            if code is None and marked:
                own = c.code
                code = next((o.code for o in near if o.code != own), None)
            if code is None and people is not None and people.nation is None:
                code = next((o.code for o in near if o.code in people.states), None)
            if code is not None:
                c.actor, c.code, c.sector = self.d.actors[code], code, "CVL"
            elif marked:
                c.sector = "CVL"
        return cands

    def _qualified_peoples(self, words: list[Word], cands: list[Cand]) -> list[Cand]:
        """A state word right beside a people names where it lives: "Bosnian Serbs", "Iraqi Kurds"
        (before it; after it where adjectives follow their noun: "les Serbes bosniaques")."""
        out: list[Cand] = []
        k = 0
        while k < len(cands):
            x = cands[k]
            y = cands[k + 1] if k + 1 < len(cands) else None
            if y is not None and x.b == y.a and not words[y.a].joined:
                people, state = (x, y) if self.ld.adjectives_follow else (y, x)
                if (people.people and state.people is None and state.stateish and state.actor.kind == "state"
                        and state.cat in ("name", "adjective")):
                    out.append(Cand(x.a, y.b, "adjective", actor=state.actor, sector="CVL", kind="state",
                                    how="qualified", name=self.d.peoples[people.people].name, code=state.code,
                                    people=people.people))
                    k += 2
                    continue
            out.append(x)
            k += 1
        return out

    def _state_after(self, words: list[Word], c: Cand, nxt: Cand | None) -> str | None:
        """"Kurds in Syria", "Albanians of southern Serbia": the state named after a connector and at most
        two modifiers."""
        if nxt is None or not nxt.stateish or nxt.actor.kind != "state" or nxt.people or nxt.cat == "adjective":
            return None
        gap = words[c.b:nxt.a]
        if not gap or gap[0].key not in self.ld.role_state_connectors or len(gap) > 3:
            return None
        if all(w.key in self.ld.determiners or not w.closed for w in gap[1:]):
            return nxt.code
        return None

    # -- pass 3: roles ------------------------------------------------------------------------

    def _is_modifier(self, w: Word) -> bool:
        if w.key in self.ld.skip_words:
            return True
        return not w.closed and bool(self.ld.modifier_regex and self.ld.modifier_regex.match(w.text))

    def slot_roles(self, words: list[Word], cands: list[Cand]) -> list[Cand]:
        if not self.ld.slot_patterns:
            return cands
        by_start = {c.a: c for c in cands}
        out = list(cands)
        for form in self.ld.slot_patterns:
            for i in range(len(words)):
                j, state = i, None
                for item in form.pattern:
                    if item == "{STATE}":
                        c = by_start.get(j)
                        if c is None or not c.stateish:
                            break
                        state, j = c, c.b
                    elif j < len(words) and words[j].key == item:
                        j += 1
                    else:
                        break
                else:
                    inside = [c for c in out if c.a >= i and c.b <= j]
                    if any(c.a < i < c.b or c.a < j < c.b for c in out):
                        continue
                    out = [c for c in out if c not in inside]
                    out.append(Cand(i, j, "role", sector=form.sector, role=form.role, state=state))
        return sorted(out, key=lambda c: c.a)

    def _name_after(self, words: list[Word], p: int, taken: set[int]) -> tuple[int, int] | None:
        if p < len(words) and words[p].text == ",":
            p += 1
        q = p
        while q < len(words) and q - p < 5 and q not in taken and words[q].key not in self.ld.calendar_words:
            w = words[q]
            if w.titlecase or (q > p and w.joined and w.text.isalpha()):
                q += 1
            elif (q > p and q + 1 < len(words) and q + 1 not in taken
                  and (w.key in self.ld.name_particles
                       or (w.key in self.ld.name_particles_after and words[q - 1].key in self.ld.name_particles))
                  and (words[q + 1].titlecase or words[q + 1].key in self.ld.name_particles_after)):
                q += 1  # "Hans van den Broek", "Osama bin Laden", "Ursula von der Leyen"
            else:
                break
        while q > p and (words[q - 1].key in self.ld.name_particles  # a particle only inside the name
                         or words[q - 1].key in self.ld.name_particles_after):
            q -= 1
        if q == p or words[p].key in self.ld.determiners:
            return None
        return p, q

    def _name_before(self, words: list[Word], p: int, taken: set[int]) -> tuple[int, int] | None:
        q = p
        if q > 0 and words[q - 1].text == ",":
            q -= 1
        end = q
        while q > 0 and end - q < 4 and (q - 1) not in taken and words[q - 1].key not in self.ld.calendar_words:
            w = words[q - 1]
            if w.titlecase or (w.joined and w.text.isalpha() and q - 1 > 0):
                q -= 1
            else:
                break
        while q < end and not words[q].titlecase:
            q += 1
        if end - q < 2:
            return None
        return q, end

    def _complement_end(self, words: list[Word], p: int, starts: set[int]) -> int:
        """The end of a role's complement before the name ("de Exteriores, ", "des Affaires étrangères ").

        Only connectors, capitalised words and words after those, at most four, and a final comma."""
        q, prev_ok = p, True
        while q < len(words) and q - p < 4 and q not in starts:
            w = words[q]
            if w.key in self.ld.role_state_connectors or w.key in self.ld.determiners or w.titlecase:
                prev_ok = True
            elif prev_ok and w.text.isalpha() and q > p:
                prev_ok = False
            else:
                break
            q += 1
        if q < len(words) and words[q].text == ",":
            q += 1
        return q

    def roles(self, words: list[Word], cands: list[Cand]) -> list[Cand]:
        cands = sorted(cands, key=lambda c: c.a)
        self.linked_roles: set[int] = set()  # starts of roles that name a person after them
        removed: set[int] = set()  # ids of candidates absorbed
        added: list[Cand] = []
        by_end = {c.b: c for c in cands}
        by_start = {c.a: c for c in cands}
        taken = {k for c in cands for k in range(c.a, c.b)}
        for r in cands:
            if r.cat != "role":
                continue
            state, p = r.state, r.b
            if state is None:
                k, skipped = r.a, 0
                while k > 0 and skipped < 2 and (k - 1) not in taken and self._is_modifier(words[k - 1]):
                    k, skipped = k - 1, skipped + 1
                left = by_end.get(k)
                if left is not None and left.stateish and id(left) not in removed:
                    state = left
            if state is None:
                k = r.b
                while k < len(words) and k - r.b < 2 and words[k].key in self.ld.role_state_connectors:
                    k += 1
                right = by_start.get(k)
                if right is not None and right.stateish and id(right) not in removed:
                    state, p = right, right.b
            person = by_start.get(p) or (by_start.get(p + 1) if p < len(words) and words[p].text == "," else None)
            if person is None or person.cat != "person":  # "la ministra alemana de Exteriores, Annalena Baerbock"
                q = self._complement_end(words, p, set(by_start))
                if q > p and by_start.get(q) is not None and by_start[q].cat == "person":
                    person = by_start[q]
            removed.add(id(r))
            if person is not None and person.cat == "person":
                self.linked_roles.add(r.a)
                if state is not None:
                    removed.add(id(state))
                continue
            span = self._name_after(words, p, taken)
            if span is None and state is not None and state.b <= r.a:
                span = self._name_before(words, state.a, taken)
            if span is not None:
                name = " ".join(_join_words(words[span[0]:span[1]]))
                code = state.code if state is not None else "UNK"
                added.append(Cand(span[0], span[1], "person", sector=_role_sector(r, state), role=r.role, kind="person",
                                  how="role", name=name, code=code))
                taken.update(range(*span))
                if state is not None:
                    removed.add(id(state))
            elif state is not None:
                a, b = min(state.a, r.a), max(state.b, r.b)
                added.append(Cand(a, b, "person", sector=_role_sector(r, state), role=r.role, kind="person", how="role",
                                  code=state.code, name=None))
                removed.add(id(state))
            elif r.generic is not None:  # "Ermittlungen gegen zwei Oppositionspolitiker": no one named, people all the same
                added.append(Cand(r.a, r.b, "generic", sector=r.generic.sector))
        return sorted([c for c in cands if id(c) not in removed] + added, key=lambda c: c.a)

    # -- pass 4: sectors and generic nouns ----------------------------------------------------

    def sectors(self, words: list[Word], cands: list[Cand]) -> list[Cand]:
        # "an official protest", "the official Armenian news agency": a generic noun tagged as an adjective is nobody
        cands = sorted((c for c in cands if not (c.cat == "generic" and c.b - c.a == 1 and words[c.a].pos == "ADJ")),
                       key=lambda c: c.a)
        out: list[Cand] = []
        used: set[int] = set()
        for i, x in enumerate(cands):
            if x.cat not in ("sector", "generic") or id(x) in used:
                continue
            partner = None
            if i > 0:
                y = cands[i - 1]
                gap = range(y.b, x.a)
                if (y.stateish and self._partner_kind(x, y) and id(y) not in used and len(gap) <= 1
                        and all(self._is_modifier(words[k]) for k in gap)):
                    partner = y
            if partner is None and i + 1 < len(cands):
                y = cands[i + 1]
                gap = range(x.b, y.a)
                # "rebels in the Ivory Coast": connectors, and an article after the first of them
                if (y.stateish and self._partner_kind(x, y) and y.cat != "metonym" and len(gap) <= 2
                        and all(words[k].key in self.ld.role_state_connectors
                                or (k > x.b and words[k].key in self.ld.determiners and y.cat == "name")
                                for k in gap)):
                    partner = y
            shared = None
            if partner is None and i + 2 < len(cands):
                partner = shared = self._shared_adjective(words, x, cands[i + 1], cands[i + 2])
            if partner is not None:
                used.update((id(x), id(partner)))
                # a shared adjective also serves the noun next to it: the first noun's mention is itself
                a, b = (x.a, x.b) if shared else (min(x.a, partner.a), max(x.b, partner.b))
                # people of a body keep the body's sector ("UN officials": the UN, IGO)
                sector = partner.sector if partner.kind != "state" else x.sector or partner.sector
                out.append(Cand(a, b, "name", actor=partner.actor, sector=sector,
                                kind=partner.kind, how="sector", name=partner.name, code=partner.code))
        # "the Russian foreign ministry spokeswoman Maria Zakharova": the phrase describes the person
        linked = getattr(self, "linked_roles", set())
        out = [c for c in out if not (c.how == "sector" and c.b in linked)]
        home = self._story_state(cands)
        starts = {c.a for c in cands}
        for x in cands:
            if id(x) in used:
                continue
            if x.cat == "generic":
                out.append(Cand(x.a, x.b, "generic", sector=x.sector, kind="generic", code="UNK",
                                how="foreign" if self._foreign(words, x) else "dictionary"))
            elif x.cat != "sector":
                out.append(self._home_office(x, home))
            elif home is not None and x.sector in HOME_SECTORS and self._bare(words, x, starts):
                out.append(Cand(x.a, x.b, "name", actor=home, sector=x.sector, kind="state", how="home",
                                name=home.name, code=home.code))
        out = sorted(out, key=lambda c: c.a)
        # a state's adjective before one of its own bodies is part of the name: "die iranischen Revolutionsgarden"
        merged: list[Cand] = []
        for c in out:
            prev = merged[-1] if merged else None
            if (prev is not None and prev.cat == "adjective" and prev.b == c.a and c.kind == "group"
                    and c.actor is not None and c.code == prev.code):
                merged[-1] = replace(c, a=prev.a)
            else:
                merged.append(c)
        return merged

    def _foreign(self, words: list[Word], x: Cand) -> bool:
        """Is a generic noun marked as foreign or international ("foreign journalists", "une organisation
        humanitaire internationale"), by the word before it or (where adjectives follow) after it?"""
        near = [x.a - 1] + ([x.b] if self.ld.adjectives_follow else [])
        return any(0 <= k < len(words) and words[k].key in self.ld.foreign_markers for k in near)

    @staticmethod
    def _home_office(x: Cand, home: Actor | None) -> Cand:
        """A person given a state office but no state ("President Dos Santos", "Judge Rivera"), in a story set in
        one state, holds that state's office, as a bare "the police" there is its police."""
        if (home is None or x.cat != "person" or x.how != "role" or x.code != "UNK" or x.sector not in HOME_SECTORS
                or x.role in ROLES_ABROAD):
            return x
        return replace(x, code=home.code)

    def _bare(self, words: list[Word], x: Cand, starts: set[int]) -> bool:
        """Is a sector noun named on its own: an article before it ("die Polizei", "the government"), no actor
        word after it ("government officials") and no state phrase after it ("der Regierung in Tokio")?"""
        return (x.a > 0 and words[x.a - 1].key in self.ld.determiners and x.b not in starts
                and (x.b >= len(words) or words[x.b].key not in self.ld.role_state_connectors))

    def _story_state(self, cands: list[Cand]) -> Actor | None:
        """The state a story is set in: the one its states and persons name at least twice, and at least twice
        as often as any other. A story of two states ("Berlin and Beijing ...") has none."""
        counts = Counter(c.code for c in cands if c.code and c.cat in ("name", "metonym", "adjective", "person")
                         and self.d.actors.get(c.code) is not None and self.d.actors[c.code].kind == "state")
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
            return None
        return self.d.actors[ranked[0][0]]

    @staticmethod
    def _partner_kind(x: Cand, y: Cand) -> bool:
        """A sector noun belongs to a state beside it; a generic noun for people also to an international body
        ("UN officials", "observers from the OSCE": the body's people, not an unknown party)."""
        return y.kind == "state" or (x.cat == "generic" and x.sector is not None and y.kind == "igo")

    def _shared_adjective(self, words: list[Word], x: Cand, y: Cand, z: Cand) -> Cand | None:
        """"responsables et entreprises iraniens": where the adjective follows its nouns, one adjective after
        two coordinated nouns is the state of both; the first noun takes it as the second does."""
        joins = self.ld.shared_adjective_joins
        if (joins and y.cat in ("sector", "generic") and z.cat == "adjective" and z.stateish
                and z.kind == "state" and z.a == y.b and y.a == x.b + 1 and words[x.b].key in joins):
            return z
        return None

    # -- pass 5: "the North" ------------------------------------------------------------------

    def directions(self, words: list[Word], cands: list[Cand]) -> list[Cand]:
        present = {c.code for c in cands if c.code}
        pairs = [p for p in self.d.pairs if p[0] in present or p[1] in present]
        out = []
        for c in cands:
            if c.cat != "direction":
                out.append(c)
                continue
            if len(pairs) != 1 or not self._after_determiner(words, c.a):
                continue
            code = pairs[0][0] if c.role == "north" else pairs[0][1]
            actor = self.d.actors[code]
            out.append(Cand(c.a, c.b, "name", actor=actor, kind="state", how="direction", name=actor.name,
                            code=code))
        return out

    def _after_determiner(self, words: list[Word], a: int) -> bool:
        k = a - 1
        while k >= 0 and a - k <= 4:
            w = words[k]
            if w.key in self.ld.determiners:
                return k == 0 or words[k - 1].key not in self.ld.direction_blockers
            if not (w.text.isalpha() and w.text[:1].islower()) or w.key in self.ld.direction_blockers:
                return False
            k -= 1
        return False

    # -- pass 6: short references to persons already named ------------------------------------

    def references(self, words: list[Word], cands: list[Cand]) -> list[Cand]:
        taken = {k for c in cands for k in range(c.a, c.b)}
        named = sorted((c for c in cands if c.kind == "person" and c.name), key=lambda c: c.a)
        added = []
        for k, w in enumerate(words):
            if k in taken or not w.titlecase or len(w.key) < 3:
                continue
            before = [c for c in named if c.b <= k]
            owners = {c.name: c for c in before if w.key in _name_keys(c.name)}
            if len(owners) == 1:
                src = next(iter(owners.values()))
                added.append(replace(src, a=k, b=k + 1, how="coreference", state=None))
                taken.add(k)
        bodies = sorted((c for c in cands if c.actor is not None and c.actor.kind == "igo"), key=lambda c: c.a)
        for k, w in enumerate(words):
            # "the group", "the bloc": a definite noun for a body stands for the body named last before it
            if k in taken or k == 0 or w.key not in self.ld.body_references or words[k - 1].key not in self.ld.determiners:
                continue
            before = [c for c in bodies if c.b <= k]
            if before:
                added.append(replace(before[-1], a=k, b=k + 1, how="coreference", state=None))
                taken.add(k)
        out = sorted(cands + added, key=lambda c: c.a)
        taken = {k for c in out for k in range(c.a, c.b)}
        for c in out:  # honorifics belong to the name: "Herr Shin", "Mr Lavrov"
            if c.kind == "person" and c.a > 0 and words[c.a - 1].key in self.ld.titles and (c.a - 1) not in taken:
                c.a -= 1
        return out

    # -- pass 7: pronouns ---------------------------------------------------------------------

    def pronouns(self, words: list[Word], cands: list[Cand], sent_of) -> list[Cand]:
        out = []
        for c in cands:
            if c.cat != "pronoun":
                out.append(c)
                continue
            if c.b < len(words) and words[c.b].key in self.ld.pronoun_skip_next:
                continue
            s = sent_of(words[c.a].start)
            ante = None
            for sent in (s, s - 1):
                persons = [p for p in cands if p.kind == "person" and p.code and p.a < c.a
                           and sent_of(words[p.a].start) == sent]
                names = {p.name or p.code for p in persons}
                if len(names) == 1:
                    ante = persons[-1]
                    break
                if names:
                    break
            if ante is not None:
                out.append(replace(ante, a=c.a, b=c.b, kind="pronoun", how="coreference", state=None))
        return out

    # -- pass 4b: bodies named after their adjective ---------------------------------------------

    def foreign_bodies(self, words: list[Word], cands: list[Cand]) -> list[Cand]:
        """"l'Assemblée nationale sénégalaise": a body's name that one state uses, followed by another
        state's adjective, is that state's body (the adjective wins over the language of the name)."""
        by_start = {c.a: c for c in cands}
        drop: set[int] = set()
        for c in cands:
            adj = by_start.get(c.b)
            if (c.cat in ("name", "metonym") and c.actor is not None and c.actor.kind == "state" and adj is not None
                    and adj.cat == "adjective" and adj.code and adj.code != c.code and id(c) not in drop
                    and not words[adj.a].joined):  # "U.S.-Soviet talks": two parties, not a Soviet U.S.
                c.code, c.name, c.b = adj.code, adj.name, adj.b
                drop.add(id(adj))
        return [c for c in cands if id(c) not in drop]

    # -- pass 7b: counterparts -----------------------------------------------------------------

    def counterparts(self, words: list[Word], cands: list[Cand], sent_of) -> list[Cand]:
        """"reçu à Alger par son homologue Ahmed Attaf": a counterpart of no named state belongs to the one
        other state its sentence names besides the party it is the counterpart of (the person named before
        it, else the sentence's first party)."""
        for c in cands:
            if c.cat != "person" or c.role != "counterpart" or c.code not in (None, "UNK"):
                continue
            s = sent_of(words[c.a].start)
            same = [o for o in cands if o is not c and o.code and o.code != "UNK" and o.cat not in
                    ("role", "sector", "direction", "pronoun") and sent_of(words[o.a].start) == s]
            persons = [o for o in same if o.b <= c.a and o.cat == "person"]
            partner = persons[-1] if persons else (same[0] if same and same[0].b <= c.a else None)
            if partner is None:
                continue
            others = {o.code for o in same} - {partner.code}
            if len(others) == 1:
                c.code = next(iter(others))
        return cands

    # -- pass 8: entities ---------------------------------------------------------------------

    def entities(self, nlp_doc, words: list[Word], cands: list[Cand]) -> list[Cand]:
        ents = getattr(nlp_doc, "ents", ())
        if not ents:
            return cands
        starts = [w.start for w in words]
        # words the dictionary explained, also those a role or a sector noun absorbed ("Kyrgyz Prime Minister X":
        # a tagger's entity "Kyrgyz Prime" is no one else)
        taken = {k for c in cands for k in range(c.a, c.b)} | getattr(self, "matched", set())
        added = []
        for ent in ents:
            label = ent.label_.upper()
            a = bisect.bisect_left(starts, ent.start_char)
            b = bisect.bisect_left(starts, ent.end_char)
            if a >= b or any(k in taken for k in range(a, b)):
                continue
            holder = self._holder(words, cands, a)
            if holder is not None:  # "Pakistani-administered Kashmir": ground a state holds, whatever the tagger saw
                added.append(Cand(a, b, "entity", kind="state", how="held", name=ent.text, code=holder.code))
                taken.update(range(a, b))
                continue
            if label not in ("PER", "PERSON", "ORG"):
                continue
            if all(w.key in self.ld.calendar_words or not w.text.isalpha() for w in words[a:b]):
                continue  # "Sunday", "June 5": a tagger's date, nobody
            kind = "person" if label in ("PER", "PERSON") else "group"
            added.append(Cand(a, b, "entity", kind=kind, how="entity", name=ent.text, code="UNK"))
            taken.update(range(a, b))
        return sorted(cands + added, key=lambda c: c.a)

    def _holder(self, words: list[Word], cands: list[Cand], a: int) -> Cand | None:
        """The state named by a hyphened adjective before a participle of holding, right before word `a`
        ("Pakistani-administered", "Russian-occupied"): the name after it is a territory that state holds."""
        if a < 2 or words[a - 1].key not in self.ld.holder_participles or not words[a - 1].joined:
            return None
        return next((c for c in cands if c.b == a - 1 and c.stateish and c.actor.kind == "state" and c.code), None)

    # -- all passes ---------------------------------------------------------------------------

    def run(self, nlp_doc, text: str, sent_of) -> list[Cand]:
        words = words_of(nlp_doc)
        self.seen_persons: set[str] = set()
        cands = self.match(words)
        self.seen_persons = {c.actor.key for c in cands if c.cat == "person" and c.actor is not None}
        # short names may now resolve through persons named in full. Only a choice between several persons
        # reads seen_persons: where none of theirs was seen, a second pass would choose all as the first did
        if self.seen_persons & self.asked:
            cands = self.match(words)
        self.matched = {k for c in cands for k in range(c.a, c.b)}
        cands = self.communities(words, cands, sent_of)
        cands = self.slot_roles(words, cands)
        cands = self.roles(words, cands)
        cands = self.sectors(words, cands)
        cands = self.foreign_bodies(words, cands)
        cands = self.directions(words, cands)
        cands = self.references(words, cands)
        cands = self.pronouns(words, cands, sent_of)
        cands = self.counterparts(words, cands, sent_of)
        cands = self.entities(nlp_doc, words, cands)
        self.words = words
        return [c for c in cands if c.code and c.cat not in ("role", "sector", "direction", "pronoun")]


def _role_sector(role: Cand, state: Cand | None) -> str | None:
    """A role inside a state takes the role's sector; inside a body or group, the body's."""
    if state is not None and state.kind != "state":
        return state.sector
    return role.sector


def _join_words(words: list[Word]) -> list[str]:
    out: list[str] = []
    for w in words:
        if out and w.joined:
            out[-1] += "-" + w.text
        else:
            out.append(w.text)
    return out


def _name_keys(name: str | None) -> set[str]:
    parts = split_words(name or "")
    keys = set()
    for p in (parts[:1] + parts[-1:]):
        if p[:1].isupper() and len(p) >= 3:
            keys.add(fold(p))
    return keys


def to_mention(c: Cand, words: list[Word], text: str) -> Mention:
    start, end = words[c.a].start, words[c.b - 1].end
    actor = c.actor
    kind = c.kind if c.kind in ("state", "igo", "person", "group", "generic", "pronoun") else "group"
    return Mention(text=text[start:end], clean_start=start, clean_end=end, code=c.code or "UNK",
                   sector=c.sector, name=c.name, wikidata=actor.wikidata if actor else None,
                   role=c.role, kind=kind, how=c.how)
