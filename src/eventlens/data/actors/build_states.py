"""Regenerate states.tsv from the CLDR territory names that babel ships.

    python src/eventlens/data/actors/build_states.py > src/eventlens/data/actors/states.tsv

One row per ISO 3166-1 territory that has an alpha-3 code: the code, the alpha-2 code and the
CLDR display name in each language we read (plus Russian, for transliterated sources). Short
forms and inflections are language-pack data (lang/<xx>/actors.yaml), not part of this table.
"""

from __future__ import annotations

import sys

import babel
from babel import Locale
from babel.core import get_global

LANGS = ("en", "de", "fr", "es", "it", "ru")
# CLDR region codes that are groupings or institutions, not territories.
NOT_TERRITORIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
# Withdrawn alpha-3 codes that CLDR still lists as aliases of a current territory.
WITHDRAWN = {"BUR", "ZAR", "DDR", "FXX", "TMP", "YMD", "AAA"}
# Codes in use but not in ISO 3166-1 alpha-3 (CLDR has no alias for them).
EXTRA_ALPHA3 = {"XK": "XKX"}


def alpha3_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1 and alias not in WITHDRAWN:
            two = targets[0]
            if len(two) == 2 and two not in NOT_TERRITORIES:
                out.setdefault(two, alias)
    out.update(EXTRA_ALPHA3)
    return out


def main() -> None:
    locales = {lang: Locale(lang) for lang in LANGS}
    rows = []
    for two, three in alpha3_map().items():
        names = [locales[lang].territories.get(two, "") for lang in LANGS]
        if not names[0]:
            continue
        rows.append((three, two, *names))
    rows.sort()
    out = sys.stdout
    out.write(f"# schema: 1  source: CLDR via babel {babel.__version__}; see SOURCE.md\n")
    out.write("\t".join(("code", "alpha2", *(f"name_{lang}" for lang in LANGS))) + "\n")
    for row in rows:
        out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
