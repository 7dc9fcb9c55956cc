"""Near-duplicate detection: the same wire story republished with small edits.

MinHash signatures over word 3-shingles of the normalised text, indexed with LSH (datasketch). The
store keeps one index per database session: `add` returns the id of an earlier near-duplicate (the
caller records a duplicate-of link; nothing is dropped). Exact duplicates are found earlier by
`Article.content_hash`.
"""

from __future__ import annotations

import re
import unicodedata

NUM_PERM = 128
SHINGLE = 3


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold())
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str, num_perm: int = NUM_PERM):
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, seed=1)
    m.update_batch([s.encode("utf-8") for s in shingles(text)])
    return m


def signature(text: str) -> list[int]:
    """The MinHash values as plain integers, for storing."""
    return [int(v) for v in minhash(text).hashvalues]


class NearDuplicateIndex:
    """An LSH index of documents; `threshold` is the estimated Jaccard similarity that counts."""

    def __init__(self, threshold: float = 0.8, num_perm: int = NUM_PERM):
        from datasketch import MinHashLSH

        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.hashes: dict[str, object] = {}

    def query(self, text: str) -> list[tuple[str, float]]:
        """Earlier documents similar to `text`, best first, as (doc_id, estimated Jaccard)."""
        m = minhash(text, self.num_perm)
        found = [(key, m.jaccard(self.hashes[key])) for key in self.lsh.query(m)]
        return sorted(found, key=lambda kv: (-kv[1], kv[0]))

    def add(self, doc_id: str, text: str) -> str | None:
        """Index a document; returns the id of the most similar earlier document, if any."""
        m = minhash(text, self.num_perm)
        found = sorted(((key, m.jaccard(self.hashes[key])) for key in self.lsh.query(m)),
                       key=lambda kv: (-kv[1], kv[0]))
        if doc_id not in self.hashes:
            self.lsh.insert(doc_id, m)
            self.hashes[doc_id] = m
        found = [kv for kv in found if kv[0] != doc_id]
        return found[0][0] if found else None

    def __len__(self) -> int:
        return len(self.hashes)
