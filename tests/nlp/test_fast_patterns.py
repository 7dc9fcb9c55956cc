"""Large tokenizer patterns compiled with category letter classes match what spaCy's enumerated ranges match."""

from __future__ import annotations

import re

import pytest
from spacy.lang.char_classes import ALPHA, ALPHA_LOWER, ALPHA_UPPER

from eventlens.nlp.fast_patterns import LETTER, category_letters, fast_large_patterns

ELISION = "'’"
HYPHENS = "-–—‐‑"  # as in spaCy's French punctuation
# shaped like spaCy's French token-match alternatives: letter classes mixed with hyphens and elisions
FRENCH_LIKE = "(?iu)" + "|".join([
    f"(?:^[{ALPHA}]+[{HYPHENS}]la[{HYPHENS}](?:l[{ELISION}])?[{ALPHA}]+$)",
    f"(?:^r?é?entr[{ELISION}][{ALPHA_LOWER}][{HYPHENS}{ALPHA_LOWER}{ELISION}]*$)",
    f"(?:^prud[{ELISION}]hom[{ALPHA_LOWER}]+$)",
    r"(?:^a\[b[{al}]$)".replace("{al}", ALPHA_LOWER),  # an escaped bracket is no class
])
WORDS = ["Saint-la-Croix", "pet-la-l'air", "Ωμέγα-la-Ωμέγα", "abc-la-123", "x_y-la-z", "entr'ouvert",
         "Entr'Ouvert", "réentr'acte-bis", "prud'hommes", "PRUD'HOMMES", "prud'hom2", "a[bé", "a[b1",
         "porte-monnaie", "Straße-la-Weg", "États-la-Unis", ""]


def test_rewritten_pattern_matches_the_same_words():
    slow = re.compile(FRENCH_LIKE)
    fast = re.compile(category_letters(FRENCH_LIKE))
    assert ALPHA_LOWER not in fast.pattern and LETTER in fast.pattern
    for word in WORDS:
        a, b = slow.match(word), fast.match(word)
        assert (a and a.group()) == (b and b.group()), word


def test_case_sensitive_pattern_keeps_its_lower_and_upper_classes():
    pattern = f"^[{ALPHA_UPPER}][{ALPHA_LOWER}]+-[{ALPHA}]+$"
    rewritten = category_letters(pattern)
    assert ALPHA_UPPER in rewritten and ALPHA_LOWER in rewritten and ALPHA not in rewritten
    assert re.match(rewritten, "Jean-Luc") and not re.match(rewritten, "jean-Luc")


def test_only_large_patterns_inside_the_block_are_rewritten():
    small = f"(?i)[{ALPHA_LOWER}]+"
    large = "(?iu)" + "|".join(f"(?:^w{i}[{ALPHA_LOWER}]+$)" for i in range(40))
    with fast_large_patterns(min_length=len(large)):
        assert re.compile(small).pattern == small
        assert re.compile(large).pattern == category_letters(large)
    assert re.compile(large).pattern == large  # re.compile is itself again after the block


@pytest.mark.parametrize("text, word", [("C'est aujourd'hui que l'entr'acte commence.", "entr'acte"),
                                        ("Un cessez-le-feu à Saint-Étienne-du-Rouvray.", "Saint-Étienne-du-Rouvray")])
def test_french_pack_tokenizer_uses_the_fast_pattern(nlp_fr, text, word):
    token_match = nlp_fr.tokenizer.token_match.__self__
    assert ALPHA_LOWER not in token_match.pattern and LETTER in token_match.pattern
    assert word in [t.text for t in nlp_fr.tokenizer(text)]
