"""Errors and the numbered message catalogue.

    EventlensError                 code, path, line; str() is "error[CODE] path:line: message"
     +-- InputError     E1xx       an input file or URL cannot be read (missing, binary, empty, encoding)
     +-- CleanError     E2xx       cleaning failed on a document
     +-- PackError      E3xx       a language pack is missing or incompatible
     +-- DataError      E4xx/E5xx  a data file (actors, lexicon, ontology) fails validation
     +-- ClaimError     E6xx
     +-- StoreError     E7xx       the database cannot be opened or written
     +-- ConfigError    E8xx       settings or command-line values are wrong
     +-- EvalError      E9xx       a gold file is malformed

Messages live in MESSAGES, keyed by code; every message says what failed and what to do next.
Only the CLI turns these into one-line messages on stderr.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "E101": "no such file or directory",
    "E102": "directory holds no articles (looked for {patterns})",
    "E103": "binary file, not an article (found {why})",
    "E104": "empty article: no text after the header",
    "E105": "cannot decode text: {why}",
    "E106": "file too large ({size} bytes, limit {limit}); split it into smaller files",
    "E107": "malformed record at line {line}: {why}",
    "E108": "unsupported input format: {why}",
    "E109": "cannot read: {why}",
    "E110": "fetch failed: {why}",
    "E111": "refused address: {why}",
    "E201": "cleaning failed: {why}",
    "E301": "no language pack for '{lang}'; processing with tokens and lemmas only",
    "E302": "language pack '{lang}' cannot be loaded: {why}",
    "E401": "invalid actor entry, field '{field}': {why}",
    "E402": "cannot parse actor file: {why}",
    "E501": "invalid lexicon entry, field '{field}': {why}",
    "E502": "cannot parse data file: {why}",
    "E701": "cannot open database: {why}",
    "E702": "cannot store document: {why}",
    "E801": "invalid setting '{field}': {why}",
    "E901": "invalid gold record at line {line}: {why}",
}


class EventlensError(Exception):
    code = "E000"

    def __init__(self, code: str, path: str | None = None, line: int | None = None, **fields: object):
        self.code = code
        self.path = path
        self.line = line
        self.fields = fields
        template = MESSAGES.get(code, "{why}")
        try:
            self.message = template.format(line=line, **fields)
        except (KeyError, IndexError):
            self.message = template + " " + repr(fields)
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"error[{self.code}] {where}{self.message}"


class InputError(EventlensError):
    pass


class CleanError(EventlensError):
    pass


class PackError(EventlensError):
    pass


class DataError(EventlensError):
    pass


class ClaimError(EventlensError):
    pass


class StoreError(EventlensError):
    pass


class ConfigError(EventlensError):
    pass


class EvalError(EventlensError):
    pass
