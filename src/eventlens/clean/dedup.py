"""Near-duplicate detection: the same wire story republished with small edits.

MinHash signatures over word 3-shingles of the normalised text, indexed with LSH (datasketch). A
signature is 128 unsigned 32-bit integers; `to_bytes`/`from_bytes` turn it into the BLOB the store
keeps, so an index can be rebuilt from a database without the texts. `match` returns the earlier
document most similar to a new one (the caller records a duplicate-of link; nothing is dropped).
Exact duplicates are found before this, by `Article.content_hash`.

LSH only proposes candidates; a candidate counts when its estimated Jaccard similarity (the share of
equal MinHash values) reaches the threshold.

Hash values carry no trace of how they were made, and datasketch 2 changed its default permutation
scheme, so the scheme is named here explicitly and `SCHEME` (stored with each signature) changes whenever
anything that shapes a signature does: signatures of another scheme are recomputed, never compared.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np

NUM_PERM = 128
SHINGLE = 3
SEED = 1
PERMUTATION = "affine32"  # datasketch's permutation scheme
SCHEME = f"minhash-{PERMUTATION}-p{NUM_PERM}-s{SEED}-w{SHINGLE}"
# A republished wire story with a new headline, one added sentence and another outlet line keeps roughly
# 0.6-0.9 of its word 3-shingles; two different stories on the same topic share well under 0.2.
DEFAULT_THRESHOLD = 0.5


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str, num_perm: int = NUM_PERM):
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=SEED, scheme=PERMUTATION)
    m.update_batch([s.encode("utf-8") for s in shingles(text)])
    return m


def signature(text: str, num_perm: int = NUM_PERM) -> list[int]:
    """The MinHash values of `text` as plain integers."""
    return [int(v) for v in minhash(text, num_perm).hashvalues]


def to_bytes(sig: Sequence[int] | np.ndarray) -> bytes:
    """A signature as little-endian uint32 bytes (MinHash values are below 2**32)."""
    return np.asarray(sig, dtype="<u4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint64)


def similarity(a: Sequence[int] | np.ndarray, b: Sequence[int] | np.ndarray) -> float:
    """Estimated Jaccard similarity of the texts behind two signatures."""
    a, b = np.asarray(a, dtype=np.uint64), np.asarray(b, dtype=np.uint64)
    return float(np.count_nonzero(a == b)) / len(a)


class NearDuplicateIndex:
    """An LSH index of document signatures; `threshold` is the estimated Jaccard similarity that counts."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.signatures: dict[str, np.ndarray] = {}
        self.order: dict[str, int] = {}  # insertion rank: ties go to the earlier document

    def signature(self, text: str) -> np.ndarray:
        return np.asarray(minhash(text, self.num_perm).hashvalues, dtype=np.uint64)

    def insert(self, doc_id: str, sig: Sequence[int] | np.ndarray) -> None:
        """Index a signature (e.g. one read back from the store); a known doc_id is left as it is."""
        from datasketch import LeanMinHash

        if doc_id in self.signatures:
            return
        values = np.asarray(sig, dtype=np.uint64)
        if len(values) != self.num_perm:
            raise ValueError(f"signature of {doc_id} has {len(values)} values, expected {self.num_perm}")
        self.lsh.insert(doc_id, LeanMinHash(seed=SEED, hashvalues=values, scheme=PERMUTATION))
        self.signatures[doc_id] = values
        self.order[doc_id] = len(self.order)

    def candidates(self, sig: Sequence[int] | np.ndarray) -> list[tuple[str, float]]:
        """Indexed documents at or above the threshold, best first (earlier first on ties)."""
        from datasketch import LeanMinHash

        values = np.asarray(sig, dtype=np.uint64)
        found = []
        for key in self.lsh.query(LeanMinHash(seed=SEED, hashvalues=values, scheme=PERMUTATION)):
            sim = similarity(values, self.signatures[key])
            if sim >= self.threshold:
                found.append((key, round(sim, 4)))
        return sorted(found, key=lambda kv: (-kv[1], self.order[kv[0]]))

    def match(self, sig: Sequence[int] | np.ndarray, exclude: str | None = None) -> tuple[str, float] | None:
        """The most similar indexed document and its similarity, or None."""
        for key, sim in self.candidates(sig):
            if key != exclude:
                return key, sim
        return None

    # -- text conveniences -----------------------------------------------------------------------------

    def query(self, text: str) -> list[tuple[str, float]]:
        """Indexed documents similar to `text`, best first, as (doc_id, estimated Jaccard)."""
        return self.candidates(self.signature(text))

    def add(self, doc_id: str, text: str) -> str | None:
        """Index a document; returns the id of the most similar earlier document, if any."""
        sig = self.signature(text)
        found = self.match(sig, exclude=doc_id)
        self.insert(doc_id, sig)
        return found[0] if found else None

    def __len__(self) -> int:
        return len(self.signatures)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.signatures
