"""From mentions to actors: clustering within a document, deciding types, linking places.

The policy, in order:

* **clustering** — a full name, its surname and its titled forms are one actor
  ("President Imomali Rahmon", "Rahmon", "Rahmon’s"). A bare surname goes to the
  person the text means: the nearest preceding full mention with that surname
  ("Mr Begg" after "Azmat Begg" is the father, not the son). Acronyms join the long
  form whose initials they spell ("Afghanistan Analysts Network" / "AAN").
* **types by evidence** — every mention votes (its NER label), and stronger cues
  add weight: a title or role marks a person, an organisation word ("Institute",
  "Party") an organisation, a gazetteer country or a capital a place.
* **collective actors** — "Tajik officials", "authorities in Dushanbe", "special
  forces" are one ``Government of <country>``; "rebels", "militants" a Group.
  A capital or country that speaks or acts ("Dushanbe contends") is its government.
* **headline** — a name in the headline is kept only when the body confirms it
  or it is a known country or region; Title Case makes the NER unreliable there.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from ..model import Actor, Document, Mention
from .descriptors import link_descriptions, link_indefinites
from .lexicon import EntityLexicon, known_names, load_entity_lexicon, read_tsv, word_list
from .link import Gazetteer, Place, choose_place, fold, load_gazetteer
from .mentions import normalise_name

__all__ = ["DocumentActors", "resolve_actors", "slugify", "government_label"]

_NER_VOTES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Location", "LOC": "Location", "FAC": "Location", "NORP": "Group"}
_ACRONYM = re.compile(r"\A[A-Z][A-Z&]{1,6}\Z")
_STOP = frozenset({"of", "the", "and", "for", "in", "on", "at", "de", "&"})


def slugify(name: str) -> str:
    """A stable, IRI-safe slug of a canonical name.

    >>> slugify("Government of Tajikistan")
    'government-of-tajikistan'
    >>> slugify("Zoë O’Brien")
    'zoe-o-brien'
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:80].strip("-") or "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def government_label(place: Place | None) -> str:
    return f"Government of {place.name}" if place else "Government"


@lru_cache(maxsize=None)
def government_aliases(code: str | None) -> frozenset[str]:
    """The other names of a country's government: its nationality adjective and its abbreviations
    ("British government", "UK government"), so the node is found by the names news gives it."""
    if not code:
        return frozenset()
    gaz = load_gazetteer()
    adjective = next((form for form, c in read_tsv("demonyms.tsv", 2) if c == code), None)  # listed first: the adjective
    names = [adjective] if adjective else []
    names += [n for n in gaz.short_names(code) if n.isupper()]
    return frozenset(f"{n} government" for n in names)


@dataclass
class _Cluster:
    mentions: list[Mention] = field(default_factory=list)
    forced_type: str | None = None
    place: Place | None = None

    @property
    def names(self) -> set[str]:
        return {fold(m.name) for m in self.mentions}

    def full_names(self) -> set[str]:
        return {fold(m.name) for m in self.mentions if len(m.name.split()) > 1}

    def surnames(self) -> set[str]:
        return {n.split()[-1] for n in self.full_names()}


@dataclass
class DocumentActors:
    """The actors of one document and which tokens mention which actor."""

    document: Document
    actors: dict[str, Actor]
    by_token: dict[int, str]  # spaCy token index -> actor key
    country: str | None = None  # ISO code of the article's main country
    mention_count: int = 0
    country_weight: float = 0.0  # share of the article's place evidence pointing at ``country``
    country_evidence: float = 0.0  # that evidence itself: 1 for each time the country is named, less for its capital, towns, people
    described: frozenset[int] = frozenset()  # tokens of descriptions ("the home secretary"), not names

    def actor_at(self, i: int) -> str | None:
        return self.by_token.get(i)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _STOP and w[:1].isupper())


def _is_org_name(name: str, lex: EntityLexicon) -> bool:
    return any(w.lower().strip(".,") in lex.org_words for w in name.split())


def _metonym_country(m: Mention, doc: Doc, gaz: Gazetteer, lex: EntityLexicon) -> str | None:
    """ISO code when a place name acts as its government ("Dushanbe contends", "Britain says")."""
    if m.label not in ("GPE", "ORG", "LOC", "PROPN"):
        return None
    code = lex.metonyms.get(fold(m.name))
    if code is None:
        country = gaz.country(m.name)
        code = country.country_code if country else gaz.capital_country(m.name)
    if code is None:
        return None
    root = doc[m.token_start : m.token_end].root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in lex.metonymy_verbs:
        return code
    if root.dep_ == "pobj" and root.head.dep_ == "agent" and root.head.head.lemma_.lower() in lex.metonymy_verbs:
        return code  # "the move was welcomed by Beijing"
    if lex.metonyms.get(fold(m.name)) and root.dep_ in ("nsubj", "nsubjpass", "poss", "agent"):
        return code
    return None


def _context_countries(mentions: list[Mention], gaz: Gazetteer, lex: EntityLexicon, doc: Doc | None = None) -> tuple[dict[str, float], dict[str, float]]:
    """Each country's share of the article's place evidence, and the evidence itself (a country named counts 1)."""
    from .lexicon import known_organizations

    known = known_organizations()
    weights: Counter[str] = Counter()
    if doc is not None:
        # "a British terror suspect", "the Tajik authorities": nationality words point at a country too
        for token in doc:
            code = lex.demonyms.get(token.lower_) if token.text[:1].isupper() else None
            if code:
                weights[code] += 0.5
    for m in mentions:
        if m.known:
            country = known.get(m.name, ((), None))[1]
            if country:
                weights[country] += 1.0  # "Labour", "the Home Office": British politics
            continue
        if m.collective is not None:
            if m.country:
                weights[m.country] += 0.25
            continue
        country = gaz.country(m.name)
        if country:
            weights[country.country_code] += 1.0
            continue
        capital = gaz.capital_country(m.name)
        if capital:
            weights[capital] += 0.5
            continue
        cities = gaz.cities(m.name)
        if m.label in ("GPE", "LOC") and len({c.country_code for c in cities}) == 1:
            weights[cities[0].country_code] += 0.5
    total = sum(weights.values()) or 1.0
    return {code: w / total for code, w in weights.items()}, dict(weights)


_REGNAL = word_list("regnal_titles")
_SURNAME_STYLES = word_list("surname_styles")
_HYPHEN_PARTICLES = word_list("hyphen_particles")


def _double_barrelled(clusters: list[_Cluster], word: str, lex: EntityLexicon) -> _Cluster | None:
    """The one person cluster whose hyphenated surname starts with ``word`` ("kilroy" -> "kilroy-silk")."""
    found = [
        c
        for c in clusters
        if any("-" in s and s.split("-")[0] == word for s in c.surnames()) and not _is_org_name(" ".join(c.full_names()), lex)
    ]
    return found[0] if len(found) == 1 else None


def _cluster_named(mentions: list[Mention], lex: EntityLexicon) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_full: dict[str, _Cluster] = {}
    singles: dict[str, _Cluster] = {}
    body = [m for m in mentions if not m.in_headline]
    head = [m for m in mentions if m.in_headline]

    def nearest_with_surname(m: Mention, surname: str) -> _Cluster | None:
        best, best_dist = None, None
        for c in clusters:
            if surname not in c.surnames() or _is_org_name(" ".join(c.full_names()), lex):
                continue
            for other in c.mentions:
                if len(other.name.split()) < 2 or fold(other.name).split()[-1] != surname:
                    continue
                dist = m.start - other.start
                # preceding mentions first (any distance), then following ones
                key = (0, dist) if dist >= 0 else (1, -dist)
                if best_dist is None or key < best_dist:
                    best, best_dist = c, key
        return best

    for m in body:
        key = fold(m.name)
        words = key.split()
        if key in by_full:
            by_full[key].mentions.append(m)
            continue
        stems = [f"{key} {w}" for w in ("bay", "island", "islands", "camp", "province", "region")]
        longer = next((by_full[s] for s in stems if s in by_full), None)
        if longer is not None:  # "Guantanamo" after "Guantanamo Bay"
            longer.mentions.append(m)
            continue
        if len(words) == 1:
            target = nearest_with_surname(m, key) if not _ACRONYM.match(m.name) else None
            if target is None and _ACRONYM.match(m.name):
                target = next((c for c in clusters if any(_initials(n.name) == m.name for n in c.mentions if len(n.name.split()) > 1)), None)
            if target is None:
                target = singles.get(key)
            if target is None:
                target = _double_barrelled(clusters, key, lex)  # "Kilroy" for "Robert Kilroy-Silk"
            regnal = m.text.split()[0].lower().strip("-") in _REGNAL
            styled = m.text.split()[0].lower().rstrip(".") in _SURNAME_STYLES  # "Mr Howard" is a surname, not Howard Flight
            if target is None and m.label in ("PERSON", "PROPN") and not regnal and not styled:
                # a first name alone ("Robert") joins the one person whose full name starts with it
                # (not a monarch's or a pope's single name: "King Michael" is not Michael Ancram)
                firsts = [c for c in clusters if any(n.split()[0] == key for n in c.full_names()) and not _is_org_name(" ".join(c.full_names()), lex)]
                target = firsts[0] if len(firsts) == 1 else None
            if target is None:
                target = _Cluster()
                clusters.append(target)
                singles[key] = target
            target.mentions.append(m)
            continue
        # a full name: join the cluster of a bare surname seen before it, if any
        target = None
        last = words[-1]
        if last in lex.place_words or last in ("bay", "island", "islands", "camp"):
            # "Guantanamo Bay" after "Guantanamo": one place
            stem = " ".join(words[:-1])
            target = by_full.get(stem) or singles.get(stem)
            if target is not None:
                target.mentions.append(m)
                by_full[key] = target
                continue
        if last in singles and not _is_org_name(m.name, lex) and m.label in ("PERSON", "PROPN"):
            candidate = singles[last]
            if not candidate.full_names():
                target = candidate
        if target is None:
            acronym = next((c for k, c in singles.items() if _ACRONYM.match(c.mentions[0].name) and c.mentions[0].name == _initials(m.name)), None)
            target = acronym
        if target is None:
            target = _Cluster()
            clusters.append(target)
        target.mentions.append(m)
        by_full[key] = target

    for m in head:
        key = fold(m.name)
        target = by_full.get(key) or singles.get(key)
        if target is None and len(key.split()) == 1:
            target = next((c for c in clusters if key in c.surnames()), None) or _double_barrelled(clusters, key, lex)
        if target is None:
            target = next((c for c in clusters if key in c.names), None)
        if target is not None:
            target.mentions.append(m)
        else:
            clusters.append(_Cluster(mentions=[m]))
    return clusters


def _vote(cluster: _Cluster, gaz: Gazetteer, lex: EntityLexicon, context: dict[str, float]) -> str | None:
    votes: Counter[str] = Counter()
    names = {m.name for m in cluster.mentions}
    has_ner = False
    placelike = any(gaz.cities(n) or gaz.country(n) or gaz.region(n) for n in names | {m.text for m in cluster.mentions if m.text.endswith(".")})  # "DAYTON , Ohio": a dateline
    for m in cluster.mentions:
        weight = 0.5 if m.in_headline else 1.0
        if m.label in ("GPE", "LOC") and not placelike:
            weight *= 0.5  # a place tag the gazetteer cannot back ("leader of Veritas") weighs less than another tag
        if m.label in _NER_VOTES:
            votes[_NER_VOTES[m.label]] += weight
            has_ner = True
        if m.person_cue:
            votes["Person"] += 3.0
        if m.place_cue:
            votes["Location"] += 2.5
        if m.org_cue:
            votes["Organization"] += 3.0
    if any(m.known for m in cluster.mentions):
        votes["Organization"] += 6.0
    if any(_is_org_name(n, lex) for n in names):
        votes["Organization"] += 3.0
    if has_ner and all(_ACRONYM.match(n) for n in names) and not placelike and not any(m.place_cue for m in cluster.mentions):
        votes["Organization"] += 3.0  # "BAA", "PCS": an acronym names a body, not a person
    country = next((gaz.country(n) for n in names if gaz.country(n)), None)
    # a state abbreviation counts only as written, with its full stop ("Troy, Mich."; not "Mo Mowlam")
    written = sorted(names | {m.text for m in cluster.mentions if m.text.endswith(".")})
    region = next((gaz.region(n) for n in written if gaz.region(n)), None)
    if country or region:
        votes["Location"] += 4.0
        cluster.place = country or region
    else:
        cities = [c for n in names for c in gaz.cities(n)]
        # "Stockton-on-Tees": a name joined by "-on-" is a place's, never a person's
        hyphenated_place = any(w in _HYPHEN_PARTICLES for n in names for w in n.lower().split("-")[1:-1])
        person_only = any(m.label == "PERSON" for m in cluster.mentions) and not any(m.label in ("GPE", "LOC") or m.locative for m in cluster.mentions) and not hyphenated_place
        if cities and votes["Person"] < 3.0 and not person_only:
            place = choose_place(cities, context)
            # link only what the evidence supports: a capital, a big city, or a town of a country the article is about
            dominant = max(context.values(), default=0.0)
            strong = (
                place.capital
                or place.population >= 1_000_000
                or context.get(place.country_code, 0) >= 0.1
                or (place.population >= 100_000 and dominant < 0.3)
            )
            if strong:
                votes["Location"] += 3.0 if place.capital or place.population >= 500_000 else 1.5
                cluster.place = place
            elif votes["Location"] > 0:
                votes["Location"] += 0.5
    if any(n.split()[-1].lower() in lex.place_words for n in names if len(n.split()) > 1):
        votes["Location"] += 2.0
    if any(fold(n) in lex.demonyms for n in names):
        votes["Group"] += 3.0
    if not votes:
        return None
    if not has_ner and votes["Person"] < 3.0:
        # a proper noun the NER did not tag: keep it only with a cue or repeated use
        if len(cluster.mentions) < 2 and not (cluster.place or votes["Organization"] >= 3.0 or votes["Location"] >= 2.5):
            return None
        if not votes or max(votes.values()) < 1.0:
            votes["Person"] += 1.0
    order = ("Person", "Organization", "Location", "Group")
    best = max(order, key=lambda t: (votes[t], -order.index(t)))
    if best != "Location":
        cluster.place = None if not (country or region) or best in ("Person",) else cluster.place
        if best != "Location":
            cluster.place = None
    return best if votes[best] > 0 else None


def _common_word(cluster: _Cluster, lowercase_words: set[str]) -> bool:
    """A one-word "name" the article also writes in lower case ("Nasty", "Police") is a common word.

    Known organisations, places the gazetteer links and names with a title or role
    cue are kept.
    """
    names = {m.name for m in cluster.mentions}
    if any(len(n.split()) > 1 for n in names) or any(m.known or m.person_cue for m in cluster.mentions):
        return False
    return all(n.lower() in lowercase_words for n in names)


def _label(cluster: _Cluster, type_: str) -> str:
    if type_ == "Location" and cluster.place is not None and cluster.place.kind == "country":
        return cluster.place.name
    known = [m.name for m in cluster.mentions if m.known]
    if known:
        return Counter(known).most_common(1)[0][0]
    body = [m for m in cluster.mentions if not m.in_headline] or cluster.mentions
    counts = Counter(m.name for m in body)
    first = {}
    for m in body:
        first.setdefault(m.name, m.start)

    def rank(name: str):
        words = len(name.split())
        acronym = bool(_ACRONYM.match(name))
        return (not acronym, words if type_ != "Location" else 0, counts[name], -first[name])

    return max(counts, key=rank)


def resolve_actors(
    doc: Doc,
    document: Document,
    mentions: list[Mention],
    *,
    lexicon: EntityLexicon | None = None,
    gazetteer: Gazetteer | None = None,
) -> DocumentActors:
    """Cluster, type and link the mentions of one document into actors."""
    lex = lexicon or load_entity_lexicon()
    gaz = gazetteer or load_gazetteer()
    context, evidence = _context_countries([m for m in mentions if not m.in_headline], gaz, lex, doc)
    main_country = max(context, key=lambda c: (context[c], c)) if context else None

    actors: dict[str, Actor] = {}
    by_token: dict[int, str] = {}

    def add(key: str, label: str, type_: str, ms: list[Mention], place: Place | None = None, nationality: str | None = None, collective: bool = False) -> None:
        actor = actors.get(key)
        if actor is None:
            actor = actors[key] = Actor(key=key, label=label, type=type_, collective=collective)
        for m in ms:
            actor.aliases.add(m.name)
            surface = normalise_name(m.text)
            if surface and surface != m.name and not m.collective:
                actor.aliases.add(surface)
            actor.mentions += 1
            for i in range(m.token_start, m.token_end):
                by_token.setdefault(i, key)
        actor.documents.add(document.id)
        if place is not None:
            actor.geonames_id = place.geonames_id
            actor.lat, actor.long = place.lat, place.long
            if place.kind == "country":
                actor.country_code = place.country_code
            actor.parent = place.country_code if place.kind not in ("country", "continent") and place.country_code else None
        if nationality:
            actor.nationality = nationality

    def government(code: str | None, ms: list[Mention]) -> None:
        place = gaz.country_by_code(code) if code else None
        label = government_label(place)
        add(slugify(label), label, "Organization", ms, collective=True)
        if place is not None:
            actors[slugify(label)].nationality = place.country_code
            actors[slugify(label)].aliases |= government_aliases(place.country_code)

    named, collective, metonyms = [], [], []
    for m in mentions:
        if m.collective is not None:
            collective.append(m)
        elif not m.in_headline and _metonym_country(m, doc, gaz, lex):
            metonyms.append(m)
        else:
            named.append(m)

    lowercase_words = {t.lower_ for t in doc if t.is_lower and t.is_alpha}
    for cluster in _cluster_named(named, lex):
        if _common_word(cluster, lowercase_words):
            continue
        type_ = _vote(cluster, gaz, lex, context)
        if type_ is None:
            continue
        if all(m.in_headline for m in cluster.mentions) and cluster.place is None:
            continue
        label = _label(cluster, type_)
        nationality = None
        if type_ == "Group":
            code = next((lex.demonyms.get(fold(m.name)) for m in cluster.mentions if fold(m.name) in lex.demonyms), None)
            nationality = code
        add(slugify(label), label, type_, cluster.mentions, cluster.place if type_ == "Location" else None, nationality)

    for m in metonyms:
        government(_metonym_country(m, doc, gaz, lex), [m])

    for m in collective:
        if m.collective == "government":
            code = m.country
            for word in m.name.split()[:-1] if code is None else ():
                # "the US government" when the tagger left "US" untagged: the country is in the name
                country = gaz.country(word)
                code = country.country_code if country else lex.demonyms.get(word.lower())
                if code:
                    break
            if code is None and " in " in m.name:
                where = m.name.split(" in ", 1)[1]
                if where in known_names():
                    continue  # "foreign ministers of the EU": a union's, no one government's
                country = gaz.country(where)
                code = country.country_code if country else gaz.capital_country(where)
                if code is None:
                    place = choose_place(gaz.cities(where), context)
                    code = place.country_code if place else None
            government(code or main_country, [m])
            continue
        if m.collective.startswith("@"):
            demonym = next((w for w in m.text.split() if w.lower() in lex.demonyms), None)
            label = f"{demonym} {m.text.split()[-1].lower()}" if demonym else m.name
            add(slugify(label), label, "Group", [m], nationality=m.country, collective=True)
            continue
        place = gaz.country_by_code(main_country) if main_country else None
        label = f"{m.collective} ({place.name})" if place else m.collective
        add(slugify(label), label, "Group", [m], collective=True)

    # a plural demonym ("the Afghans") is the group of that nationality when there is one
    for key, actor in list(actors.items()):
        if actor.type == "Group" and actor.nationality and fold(actor.label) in lex.demonyms:
            other = next((k for k, a in actors.items() if k != key and a.type == "Group" and a.nationality == actor.nationality), None)
            if other:
                actors[other].aliases |= actor.aliases
                actors[other].mentions += actor.mentions
                for i, k in list(by_token.items()):
                    if k == key:
                        by_token[i] = other
                del actors[key]

    # "the Tory co-chairman" after "Tory co-chairman Liam Fox": the same person
    types = {k: a.type for k, a in actors.items()}
    linked = link_descriptions(doc, by_token, types, lex)
    # "..., a senior EU politician says. Javier Solana, EU foreign policy chief, says ...": the one named next
    linked.update({i: k for i, k in link_indefinites(doc, by_token, types, lex).items() if i not in linked})
    for i, key in sorted(linked.items()):
        by_token[i] = key
        if i - 1 not in linked or linked[i - 1] != key:
            actors[key].mentions += 1
    return DocumentActors(
        document=document,
        actors=actors,
        by_token=by_token,
        country=main_country,
        mention_count=len(mentions),
        country_weight=context.get(main_country, 0.0) if main_country else 0.0,
        country_evidence=evidence.get(main_country, 0.0) if main_country else 0.0,
        described=frozenset(linked),
    )
