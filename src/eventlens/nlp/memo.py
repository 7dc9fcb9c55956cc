"""What rules read from the words of one spaCy Doc, kept while that Doc is being worked on.

    known = doc_memo(doc)                       # a dict, empty for a Doc not seen last
    forms = known.get(("clause", a, b)) or ...  # keys name what is kept and of which words

Several triggers of a sentence, several entries of a trigger and several words of an entry ask the same
questions of the same clause; the answers last until another Doc is asked about. Only the last Doc is
kept (it is held, so its identity stays its own). A rule that changes the parse calls `forget()`.
"""

from __future__ import annotations

from typing import Any

_LAST: list = [None, {}]  # the last Doc asked about, and what was read from it


def doc_memo(doc: Any) -> dict:
    if _LAST[0] is not doc:
        _LAST[:] = [doc, {}]
    return _LAST[1]


def forget() -> None:
    """Drop what was read from the last Doc: a rule has re-tagged one of its words."""
    _LAST[:] = [None, {}]
