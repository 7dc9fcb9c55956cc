"""Event coding: PLOVER type, mode, contexts and participants for every sentence.

`code_events(doc, pack, ontology)` fills doc.events from the pack's trigger lexicon and the parse;
`merge_repeats(events)` keeps one record for an event an article repeats.
"""

from eventlens.events.coder import code_events, merge_repeats

__all__ = ["code_events", "merge_repeats"]
