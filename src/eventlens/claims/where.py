"""Place: find place names in a text and resolve them to a country and coordinates (offline gazetteer).

First version: the API only; the gazetteer follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    name: str
    country: str | None  # ISO 3166-1 alpha-3
    lat: float | None
    lon: float | None
    kind: str  # city | country | region

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country, "lat": self.lat,
                "lon": self.lon, "kind": self.kind, "start": self.start, "end": self.end}


def find_places(text: str, lang: str) -> list[PlaceMention]:
    return []


def place_for_country(iso3: str) -> PlaceMention:
    return PlaceMention(0, 0, "", iso3, iso3, None, None, "country")
