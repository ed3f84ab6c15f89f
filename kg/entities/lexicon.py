"""Loading the entity lexicons of ``kg/data`` (titles, roles, collectives, demonyms, metonyms).

This module is the only code that knows the file formats. Everything it returns
is immutable and cached, so the lexicons are read once per process.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..errors import LexiconError

__all__ = ["Collective", "EntityLexicon", "load_entity_lexicon", "known_organizations", "known_names", "read_tsv"]


@dataclass(frozen=True)
class Collective:
    """One ``[[collective]]`` rule of ``collectives.toml``."""

    kind: str  # "government" or "group"
    heads: frozenset[str]
    needs: frozenset[str]
    label: str | None = None
    strict: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EntityLexicon:
    person_titles: frozenset[str]
    lead_roles: frozenset[str]
    member_roles: frozenset[str]
    org_words: frozenset[str]
    place_words: frozenset[str]
    portfolio_words: frozenset[str]
    metonymy_verbs: frozenset[str]
    government_leads: frozenset[str]
    government_members: frozenset[str]
    collectives: tuple[Collective, ...]
    demonyms: dict[str, str | None]  # lower-cased form -> ISO code (None: no single country)
    metonyms: dict[str, str]  # lower-cased name -> ISO code
    abbreviations: dict[str, str] = field(default_factory=dict)  # "gov" -> "governor"
    armed_words: frozenset[str] = frozenset()  # names of organisations that can use force
    titles_absent: dict[str, frozenset[str]] = field(default_factory=dict)  # ISO code -> offices that country lacks
    titles_own: dict[str, str] = field(default_factory=dict)  # office only one country has -> its ISO code
    titles_heads: dict[str, frozenset[str]] = field(default_factory=dict)  # ISO code -> offices that head its government
    titles_regional: frozenset[str] = frozenset()  # offices of a region's government ("first minister")
    place_heads: frozenset[str] = frozenset()  # lead roles that can head a place ("president", "mayor")
    houses: dict[str, str] = field(default_factory=dict)  # member's title -> the assembly it sits in ("mep")
    regional_qualifiers: frozenset[str] = frozenset()  # "scottish", "welsh": a devolved government's office

    @property
    def roles(self) -> frozenset[str]:
        return self.lead_roles | self.member_roles

    def collective_for(self, lemma: str) -> tuple[Collective, ...]:
        return tuple(rule for rule in self.collectives if lemma in rule.heads)


def _data(name: str) -> str:
    try:
        return resources.files("kg").joinpath(f"data/{name}").read_text("utf-8")
    except FileNotFoundError:
        raise LexiconError(f"missing data file kg/data/{name}") from None


def _toml(name: str) -> dict:
    try:
        return tomllib.loads(_data(name))
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"kg/data/{name}: {err}") from None


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    lists = _toml("wordlists.toml").get("lists", {})
    return {name: frozenset(str(w).lower() for w in words) for name, words in lists.items()}


def word_list(name: str) -> frozenset[str]:
    """One named list of ``kg/data/wordlists.toml`` ("honorifics", "plan_nouns", ...)."""
    try:
        return _word_lists()[name]
    except KeyError:
        raise LexiconError(f"kg/data/wordlists.toml: missing list {name!r}") from None


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    """Lower-cased first name -> "m" or "f", from the name lists the coreferee package ships (drawn from
    US, French, German and Polish registers); a name on both lists is left out ("Robin", "Alex")."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("coreferee")  # found, not imported: importing it registers spaCy extensions
    if spec is None or not spec.submodule_search_locations:
        raise LexiconError("the first-name lists are missing: pip install coreferee")
    folder = Path(list(spec.submodule_search_locations)[0]) / "lang" / "common" / "data"
    try:
        male, female = ({line.strip().lower() for line in (folder / f"{kind}_names.dat").read_text("utf-8").splitlines() if line.strip()} for kind in ("male", "female"))
    except OSError as err:
        raise LexiconError(f"the first-name lists of coreferee are unreadable: {err}") from None
    return {**{n: "m" for n in male - female}, **{n: "f" for n in female - male}}


def first_name_sex(name: str) -> str | None:
    """"m" or "f" for a first name the lists know for one sex only ("Michael", "Sandra"), else None."""
    return _first_names().get(name.lower())


def read_tsv(name: str, min_fields: int = 2) -> list[list[str]]:
    """Rows of a tab-separated data file, comments (``#``) and blank lines skipped."""
    rows = []
    for number, line in enumerate(_data(name).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) < min_fields:
            raise LexiconError(f"kg/data/{name}:{number}: expected {min_fields} tab-separated fields")
        rows.append(fields)
    return rows


def _words(table: dict, section: str, key: str, source: str) -> frozenset[str]:
    try:
        values = table[section][key]
    except KeyError:
        raise LexiconError(f"kg/data/{source}: missing [{section}] {key}") from None
    return frozenset(str(v).lower() for v in values)


@lru_cache(maxsize=1)
def load_entity_lexicon() -> EntityLexicon:
    actors = _toml("actors.toml")
    rules = []
    for number, row in enumerate(_toml("collectives.toml").get("collective", []), start=1):
        kind = row.get("kind")
        if kind not in ("government", "group") or not row.get("heads"):
            raise LexiconError(f"kg/data/collectives.toml: collective #{number} needs kind government|group and heads")
        if kind == "group" and not row.get("label"):
            raise LexiconError(f"kg/data/collectives.toml: group collective #{number} needs a label")
        rules.append(
            Collective(
                kind=kind,
                heads=frozenset(h.lower() for h in row["heads"]),
                needs=frozenset(n.lower() for n in row.get("needs", [])),
                label=row.get("label"),
                strict=frozenset(s.lower() for s in row.get("strict", [])),
            )
        )
    demonyms = {form.lower(): (None if code == "-" else code) for form, code, *_ in read_tsv("demonyms.tsv")}
    metonyms = {name.lower(): code for name, code, *_ in read_tsv("metonyms.tsv")}
    return EntityLexicon(
        person_titles=_words(actors, "titles", "person", "actors.toml"),
        lead_roles=_words(actors, "roles", "leads", "actors.toml"),
        member_roles=_words(actors, "roles", "member", "actors.toml"),
        org_words=_words(actors, "organizations", "words", "actors.toml"),
        place_words=_words(actors, "places", "words", "actors.toml"),
        portfolio_words=_words(actors, "portfolios", "words", "actors.toml"),
        metonymy_verbs=_words(actors, "metonymy", "verbs", "actors.toml"),
        government_leads=_words(actors, "government_titles", "leads", "actors.toml"),
        government_members=_words(actors, "government_titles", "member", "actors.toml"),
        collectives=tuple(rules),
        demonyms=demonyms,
        metonyms=metonyms,
        abbreviations={k.lower(): str(v).lower() for k, v in actors.get("titles", {}).get("abbreviations", {}).items()},
        armed_words=_words(actors, "armed", "words", "actors.toml"),
        titles_absent={
            code.upper(): frozenset(t.lower() for t in titles)
            for code, titles in actors.get("government_titles", {}).get("absent", {}).items()
        },
        titles_heads={
            code.upper(): frozenset(t.lower() for t in titles)
            for code, titles in actors.get("government_titles", {}).get("heads", {}).items()
        },
        titles_own={
            t.lower(): code.upper() for code, titles in actors.get("government_titles", {}).get("own", {}).items() for t in titles
        },
        titles_regional=_words(actors, "government_titles", "regional", "actors.toml"),
        regional_qualifiers=_words(actors, "government_titles", "regional_qualifiers", "actors.toml"),
        place_heads=_words(actors, "roles", "place_heads", "actors.toml"),
        houses={title.lower(): str(body) for title, body in actors.get("roles", {}).get("houses", {}).items()},
    )


@lru_cache(maxsize=1)
def known_organizations() -> dict[str, tuple[tuple[str, ...], str | None]]:
    """``organizations.tsv``: canonical name -> (other names, ISO code of its country or None)."""
    table = {}
    for row in read_tsv("organizations.tsv", 1):
        canonical = row[0].strip()
        names = tuple(n.strip() for n in (row[1] if len(row) > 1 else "").split("|") if n.strip())
        country = row[2].strip() if len(row) > 2 and row[2].strip() else None
        table[canonical] = (names, country)
    return table


@lru_cache(maxsize=1)
def known_names() -> dict[str, str]:
    """Every name of ``organizations.tsv`` (canonical or other) -> its canonical name."""
    table: dict[str, str] = {}
    for canonical, (names, _) in known_organizations().items():
        for name in (canonical, *names):
            table.setdefault(name, canonical)
    return table
