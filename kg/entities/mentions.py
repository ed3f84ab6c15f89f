"""Finding mentions of actors and places in a parsed document.

Three sources, in order of trust:

1. named entities of the NER (PERSON, ORG, GPE, LOC, FAC, NORP);
2. proper-noun phrases the NER missed ("former Minister of Emergency Situations
   Mirzo Ziyoev"): the head of a chain of ``compound`` proper nouns;
3. collective actors without a name ("Tajik officials", "special forces",
   "local rebels"), from ``kg/data/collectives.toml``.

Each mention gets a normalised ``name``: titles, a leading article and a trailing
possessive removed. Demonyms used as modifiers are not mentions: they become the
``country`` of the mention they modify.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..model import Document, Mention
from .dateline import find_dateline
from .link import load_gazetteer
from .lexicon import EntityLexicon, known_names, load_entity_lexicon, word_list

__all__ = ["NAME_LABELS", "find_mentions", "is_party_state", "normalise_name", "title_prefix_length"]

#: NER labels that can name an actor or a place.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "poss", "conj", "attr", "agent", "dative", "ROOT", "npadvmod", "oprd"}
)
_POSSESSIVE = re.compile(r"\s*['’]s?\Z")
_LEADING_ARTICLE = re.compile(r"\A(the|a|an)\s+", re.IGNORECASE)
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def normalise_name(text: str) -> str:
    """A name without a leading article, a trailing possessive or surrounding punctuation.

    >>> normalise_name("the CIS Institute")
    'CIS Institute'
    >>> normalise_name("Rahmon’s")
    'Rahmon'
    """
    text = " ".join(text.split())
    text = text.strip(" \"'“”‘’()[],.;:")
    text = _POSSESSIVE.sub("", text)
    text = _LEADING_ARTICLE.sub("", text)
    return text.strip(" \"'“”‘’()[],.;:-")


def title_prefix_length(words: list[str], titles: frozenset[str]) -> int:
    """How many leading words form a title ("President", "Prime Minister", "Mr").

    >>> title_prefix_length(["Prime", "Minister", "Tony", "Blair"], frozenset({"prime minister", "minister"}))
    2
    """
    longest = 0
    for n in range(1, min(4, len(words)) + 1):
        phrase = " ".join(w.lower().rstrip(".") for w in words[:n])
        if phrase in titles:
            longest = n
    if 0 < longest < len(words):
        return longest + title_prefix_length(words[longest:], titles)
    return longest if longest < len(words) else 0


def _is_demonym_modifier(tokens: Span, lex: EntityLexicon) -> bool:
    root = tokens.root
    if root.tag_ in ("NNS", "NNPS") or (root.text.endswith("s") and root.dep_ in _ARGUMENT_DEPS - {"ROOT"}):
        return False
    return root.dep_ in ("amod", "compound", "nmod", "npadvmod") or root.pos_ == "ADJ" or tokens.text.lower() in lex.demonyms


def _person_cue(span: Span, lex: EntityLexicon) -> bool:
    """A title before the name, or a role noun in apposition ("X, head of Y")."""
    doc = span.doc
    sent_start = span.sent.start
    for n in (3, 2, 1):
        if span.start - n >= sent_start:
            phrase = " ".join(t.lower_.rstrip(".") for t in doc[span.start - n : span.start])
            if phrase in lex.person_titles and phrase not in ("former", "deputy", "leader"):
                return True
    head = span.root
    if _victim(head) or _age_given(span) or _speaks_of_self(head) or _untagged_killer(head):
        return True
    if (span.start > 0 and doc[span.start - 1].lower_ in _KIN) or (head.dep_ == "appos" and head.head.lower_ in _KIN):
        return True  # "his wife Sandra", "daughter Larissa and stepson Sholto", "his wife, ex-model Sandra": a relative named
    for child in head.children:
        if child.dep_ == "appos" and _role_of(child, lex):
            return True
        if child.dep_ in ("nmod", "compound") and child.i < span.start and child.lower_ in lex.person_titles:
            return True
    if head.dep_ == "appos" and _role_of(head.head, lex):
        return True
    return False


def _untagged_killer(head: Token) -> bool:
    """A name the tagger left untyped that shoots or kills a named person: "Ruby fatally shot Oswald"."""
    verb = head.head
    if head.ent_type_ or head.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _VICTIM_VERBS:
        return False
    return any(c.dep_ == "dobj" and c.tag_ == "NNP" for c in verb.children)


def _age_given(span: Span) -> bool:
    """An age in commas after the name: "Ann Kray, 45, was charged"."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 2].text not in (",", ".", ";"):
        return False
    age = doc[end + 1].text
    return age.isdigit() and 1 <= int(age) <= 115


def _speaks_of_self(head: Token) -> bool:
    """The speaker goes on about himself or herself: "Kray said she would appeal"."""
    verb = head.head
    if head.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _SPEECH_VERBS:
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > head.i), None)
    if clause is None:
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in ("he", "she")


#: a US legislator's party and state after the name: "D-Mich.", "R-Texas", "I-Vt."
_PARTY_STATE = re.compile(r"^[DRI] ?- ?[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?$")


def is_party_state(text: str) -> bool:
    """A US legislator's party-and-state designation ("D-Mich.", "R - Texas")."""
    return bool(_PARTY_STATE.match(text))
_VICTIM_VERBS = word_list("victim_verbs")
_VICTIM_NOUNS = word_list("victim_nouns")
_SPEECH_VERBS = word_list("speech_verbs")


def _victim(head: Token) -> bool:
    """The one killed or shot: "Booth shot Lincoln", "Lincoln was assassinated", "the murder of X", "X's assassin"."""
    governor = head.head
    if head.dep_ in ("dobj", "nsubjpass") and governor.pos_ == "VERB" and governor.lemma_.lower() in _VICTIM_VERBS:
        return True
    if head.dep_ == "pobj" and governor.lower_ == "of" and governor.head.lemma_.lower() in _VICTIM_NOUNS:
        return True
    return head.dep_ == "poss" and governor.lemma_.lower() in _VICTIM_NOUNS


_ORG_NOUNS = word_list("organisation_nouns")
_NAME_STYLES = word_list("name_styles")
_OFFICE_STYLES = word_list("office_styles")
_MEMBER_FOR = word_list("members_for")
_DOCUMENT_WORDS = word_list("document_words")
_BROADCAST_WORDS = word_list("broadcast_words")
_EVENT_WORDS = word_list("event_words")
_UNIT_WORDS = word_list("unit_words")
_PEER_STYLES = word_list("peer_styles")
_POSTNOMINALS = frozenset(w.upper() for w in word_list("postnominals"))
_TITLE_QUALIFIERS = word_list("title_qualifiers")
_HYPHEN_PARTICLES = word_list("hyphen_particles")
_NOT_ACTORS = word_list("not_actor_abbreviations")
_KIN = word_list("kin_nouns")
_FAITHS = word_list("faiths")


def _names_a_text(tokens) -> bool:
    """Whether the words name a text ("the Police Bill", "the Immigration White Paper"): a word of
    `document_words`, whose entries may be two words long."""
    words = [t.lower_ for t in tokens]
    return any(w in _DOCUMENT_WORDS for w in words) or any(f"{a} {b}" in _DOCUMENT_WORDS for a, b in zip(words, words[1:]))


def _with_style(doc: Doc, start: int) -> int:
    """Start a person's span at a capitalised style written just before it ("President Kennedy", "Mrs Parks")."""
    if start > 0 and doc[start - 1].sent.start == doc[start].sent.start:
        style = doc[start - 1]
        qualified = start >= 2 and doc[start - 2].sent.start == style.sent.start and doc[start - 2].text[:1].isupper() and not doc[start - 2].is_sent_start
        if style.text[:1].isupper() and style.lower_.rstrip(".") in _NAME_STYLES and not (qualified and style.lower_ in _OFFICE_STYLES):
            return start - 1  # not "Soviet President X", "Senate President X": an office described, not a style
    return start


def _locative(span: Span) -> bool:
    """A place slot: after "in", "at" or "near", or the second name of "Town, County," (not a possessor)."""
    doc = span.doc
    start, end = span.start, span.end
    if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
        return False
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in _LOCATIVE_PREPS:
        return True
    if before is not None and before.lower_ == "from" and before.head.pos_ == "NOUN" and before.head.i < before.i:
        return True  # "a 25-year-old doctor from Bolton": where someone comes from (not "heard from Smith")
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "landing in Gyandzha or Shamkhor"
    if first.dep_ == "pobj" and first.head.lower_ in _LOCATIVE_PREPS and first.head.i < start:
        return True  # "in central Miami", "in Gyandzha or Shamkhor"
    if end + 1 < len(doc) and doc[end].lower_ in ("in", "near") and _known_region(doc, end + 1):
        return True  # "Shamkhor in Azerbaijan", "Pinedale in rural western New Mexico"
    if (
        before is not None
        and before.text == ","
        and start >= 2
        and doc[start - 2].pos_ == "PROPN"
        and (end >= len(doc) or doc[end].text in (",", ".", ";"))
    ):
        return True
    return _town_of(span)


_LOCATIVE_PREPS = ("in", "at", "near", "outside", "inside")


def _gazetteer_sizes(doc: Doc, start: int, longest: int, *, towns: int | None = None, dotted: bool = False) -> list[int]:
    """The lengths, longest first, of the names starting at token ``start`` (up to ``longest`` tokens)
    that the gazetteer knows as a country or a first-level region, and as a city when ``towns`` gives
    the smallest population that counts (0: any). With ``dotted``, a full stop the tokenizer split off
    belongs to a region's abbreviation ("Troy, Ind.")."""
    gazetteer = load_gazetteer()
    found = []
    for size in range(min(longest, len(doc) - start), 0, -1):
        stop = start + size
        name = doc[start:stop].text
        region = name + "." if dotted and stop < len(doc) and doc[stop].text == "." else name
        if gazetteer.country(name) or gazetteer.region(region) or (towns is not None and any(c.population >= towns for c in gazetteer.cities(name))):
            found.append(size)
    return found


def _known_region(doc: Doc, i: int) -> bool:
    """A country or a first-level region is named at token i, perhaps after lower-case modifiers ("rural western New Mexico")."""
    while i < len(doc) and doc[i].is_lower and doc[i].pos_ == "ADJ":
        i += 1
    return i < len(doc) and doc[i].text[:1].isupper() and bool(_gazetteer_sizes(doc, i, 3))


def _town_of(span: Span) -> bool:
    """The first name of "Town, County," ("Harwood, Milton Keynes,", "Hinckley, Leicestershire.")."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ in ("GPE", "LOC") and doc[end + 1].ent_iob_ == "B":
        after = doc[end + 1]
        while after.i + 1 < len(doc) and doc[after.i + 1].ent_iob_ == "I":
            after = doc[after.i + 1]
        return after.i + 1 >= len(doc) or doc[after.i + 1].text in (",", ".", ";")
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text[:1].isupper():
        # "HUNTINGTON, Ind.", "Troy, Mich. (AP)", "Woodhill, Milton Keynes,": a known region, country or
        # big town, then the end of the phrase
        for size in _gazetteer_sizes(doc, end + 1, 3, towns=100_000, dotted=True):
            after = end + 1 + size
            if after >= len(doc) or doc[after].text in (",", ".", ";", "("):
                return True
    return False


def _org_cue(span: Span) -> bool:
    """Apposition with a common noun for an organisation: "her new party, Veritas", "Veritas, the new party",
    or that noun right before the name: "messaging firm Mblox", "Aids charity the Terrence Higgins Trust"."""
    head = span.root
    nouns = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        nouns.append(head.head)
    if any(n.pos_ == "NOUN" and n.is_lower and n.lemma_.lower() in _ORG_NOUNS for n in nouns):
        return True
    return _kind_before(span.doc, span.start)


def _kind_before(doc: Doc, start: int) -> bool:
    """Whether a lower-case noun for a kind of organisation stands right before the name at ``start``
    ("research firm Informa", "voluntary body Alcohol Concern"; "the" may come between), and not
    at the end of another clause than the one the name is subject of ("told the group Smith was ...")."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0 or not doc[i].is_lower or doc[i].lower_ not in _ORG_NOUNS:
        return False
    name = doc[start]
    while name.head.i != name.i and start <= name.head.i < name.i + 6 and name.head.pos_ == "PROPN":
        name = name.head
    return name.dep_ not in ("nsubj", "nsubjpass") or doc[i].head.i == name.i


def _acronym(text: str) -> bool:
    """An organisation's initials: "ITN", "IHRC" (two to six capitals)."""
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


def _role_of(token: Token, lex: EntityLexicon) -> str | None:
    """The role a noun names ("head", "co-director"), joining hyphenated parts."""
    words = [token.lower_]
    left = token.i
    doc = token.doc
    while left >= 2 and doc[left - 1].text == "-":
        words.insert(0, doc[left - 2].lower_ + "-")
        left -= 2
    joined = "".join(words)
    compounds = [t.lower_ for t in token.lefts if t.dep_ == "compound"]
    # "chief executive", "general secretary": the parser may tag the first word an adjective
    modifiers = [t.lower_ for t in token.lefts if t.dep_ in ("compound", "amod")]
    whole = [" ".join([*compounds, token.lower_]), " ".join([*modifiers, token.lower_])]
    # else a tail of them, longest first: "CBI director general" is a "director general" of the CBI
    tails = [" ".join([*words_before[k:], token.lower_]) for words_before in (compounds, modifiers) for k in range(1, len(words_before))]
    for candidate in (joined, *whole, *tails, token.lemma_.lower()):
        if candidate in lex.roles:
            return candidate
    return None


def _country_of_modifiers(token: Token, lex: EntityLexicon) -> str | None:
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.lower_ in lex.demonyms:
            return lex.demonyms[child.lower_]
    return None


def _extend_hyphens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a span over hyphen-joined name parts the NER cut ("Kilroy" + "-Silk")."""
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_ and doc[start - 2].text[:1].isupper():
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        if doc[end + 1].text[:1].isupper():
            end += 2
        elif end + 3 < len(doc) and doc[end + 1].lower_ in _HYPHEN_PARTICLES and doc[end + 2].text == "-" and not doc[end + 1].whitespace_ and not doc[end + 2].whitespace_ and doc[end + 3].text[:1].isupper():
            end += 4  # "Stoke-on-Trent", "Stratford-upon-Avon"
        else:
            break
    return start, end


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop tokens that cannot start or end a name ("Later Mr Rahmon's", "Moazzam Begg - have")."""
    while start < end - 1 and not _article_in_name(doc[start:end]) and doc[start].pos_ in ("ADV", "ADP", "DET", "CCONJ", "SCONJ", "PRON", "PART", "VERB", "AUX", "PUNCT", "INTJ"):
        start += 1
    while end > start + 1 and (doc[end - 1].pos_ not in ("PROPN", "NOUN", "NUM", "ADJ") or doc[end - 1].is_punct):
        end -= 1
    for i in range(start + 1, end):
        if doc[i].text in ("-", "–", "—") and doc[i].whitespace_ and doc[i - 1].whitespace_:
            return start, i  # a dash set off by spaces ends the name
        if doc[i].text in ("(", "["):
            return _trim(doc, start, i)  # "the Party of the Democratic Revolution (PRD": the name ends at the bracket
    return start, end


def _role_tail(doc: Doc, start: int, end: int, lex: EntityLexicon) -> int:
    """How many words at the end of an organisation's span are a role held in it: "Labour MP", "Tory
    MPs", "Lib Dem leader", "Conservative Party Co-Chairman" (0: none)."""
    if end - start >= 4 and doc[end - 2].text == "-" and f"{doc[end - 3].lower_}-{doc[end - 1].lower_}" in lex.roles:
        return 3  # "Co-Chairman"
    if end - start >= 2 and end + 1 < len(doc) and doc[end].text == "-" and f"{doc[end - 1].lower_}-{doc[end + 1].lower_}" in lex.roles:
        return 1  # "Co" | "-Chairman": the tagger cut the role in two
    if end - start < 2 or not doc[end - 2].text[:1].isupper():
        return 0
    last = doc[end - 1].lower_
    role = last if last in lex.roles else last[:-1] if _plural_role(last, lex) else None
    if role is None or f"{doc[end - 2].lower_} {role}" in lex.roles | lex.person_titles:
        return 0  # "Deputy Prime Minister" is one title
    return 0 if any(t.lower_ in ("of", "for", "and", "&") for t in doc[start:end]) else 1  # "Office of the Deputy Prime Minister"


def _constituency(doc: Doc, start: int) -> bool:
    """Whether a name follows "MP for": a constituency, which is a place ("the Labour MP for Hove")."""
    if start >= 2 and doc[start - 1].lower_ in ("and", "&"):
        # "the MP for Sittingbourne and Sheppey": the second name of the seat
        before = doc[max(start - 6, 0) : start - 1]
        return any(t.lower_ == "for" and t.i > 0 and doc[t.i - 1].lower_ in _MEMBER_FOR for t in before)
    return start >= 2 and doc[start - 1].lower_ == "for" and doc[start - 2].lower_ in _MEMBER_FOR


def _name_follows(doc: Doc, i: int) -> bool:
    """A proper name starts at token i, perhaps after the full stop of an abbreviated title ("Lt. Ann Kray")."""
    if i < len(doc) and doc[i].text == "." and not doc[i - 1].whitespace_:
        i += 1
    return i < len(doc) and doc[i].tag_ == "NNP"


def _mention(doc: Doc, document: Document, start: int, end: int, label: str, lex: EntityLexicon, exact: bool = False, **extra) -> Mention | None:
    """The mention of tokens start..end; ``exact`` keeps the span as given (a dateline's source)."""
    if not extra.get("known") and not exact:
        start, end = _extend_hyphens(doc, start, end)
        start, end = _trim(doc, start, end)
        if end < len(doc) and doc[end].text == "." and end - start <= 2 and start > 0 and doc[start - 1].text == "," and load_gazetteer().region(doc[start:end].text + "."):
            end += 1  # "Troy, Mich.": the full stop of the abbreviation, split off at the end of a sentence
        if label == "PERSON":
            start = _with_style(doc, start)
        elif label in ("ORG", "PROPN") and (tail := _role_tail(doc, start, end, lex)):
            end -= tail  # "X, the Labour MP for Hove", "Conservative Party Co-Chairman X": the party, then a role in it
        elif (
            end - start > 1
            and doc[end - 1].lower_.rstrip(".") in lex.person_titles - {"general"}  # "Solicitor General" is one title
            and doc[end - 2].pos_ in ("PROPN", "NOUN")  # not "the Office of the Deputy Prime Minister"
            and _name_follows(doc, end)
        ):
            end -= 1  # "FAA Administrator Jane Garvey", "Coast Guard Lt. Ann Kray": the title belongs to the name after
    span = doc[start:end]
    if is_party_state(span.text):
        return None  # "Ann Kray, D-Mich.,": her party and state, not a name
    words = [t.text for t in span]
    cut = title_prefix_length(words, lex.person_titles | lex.roles)
    if cut and words[-1].lower() in lex.org_words | lex.place_words:
        cut = 0  # "the Ambassador Hotel", "Governor's Island": a name that starts with a title word
    if cut and any(w.lower().rstrip(".") in lex.person_titles for w in words[:cut]) and not extra.get("known"):
        extra["person_cue"] = True  # "Lord Carlile", "President Rahmon": the title is part of the span
    name_span = span[cut:] if cut else span
    if label in ("PERSON", "PROPN") and len(name_span) > 1 and name_span[-1].text in _POSTNOMINALS:
        name_span = name_span[:-1]  # "Ben Emmerson QC", "Tom McCabe MSP": letters after the name are in the span, not the name
    name = extra.pop("canonical", None) or normalise_name(name_span.text)
    if not name or not any(ch.isalpha() for ch in name):
        return None
    if all(w.lower().rstrip(".") in lex.person_titles | lex.roles or w in _POSTNOMINALS for w in name.split()) or name.lower() in lex.government_members | lex.government_leads:
        return None  # only titles ("Treasurer Lord", "Solicitor General"): no name
    if label in ("PERSON", "PROPN") and name.split()[-1].lower() in lex.person_titles | lex.roles and all(
        w.lower() in lex.person_titles | lex.roles | lex.portfolio_words or w.lower() in lex.demonyms for w in name.split()
    ):
        return None  # an office with its brief and nation ("Scottish Finance Minister, Tom McCabe"): no name
    if not extra.get("known") and name in known_names():
        # a known organisation the entity ruler missed ("the Law Lords' judgement")
        extra["known"], name = True, known_names()[name]
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        name=name,
        label=label,
        sent=_sent_index(span),
        token_start=start,
        token_end=end,
        in_headline=span.start_char < document.headline_end,
        **extra,
    )


def _sent_index(span: Span) -> int:
    return span.sent.start


def _is_country_name(text: str) -> bool:
    from .link import load_gazetteer

    return load_gazetteer().country(normalise_name(text)) is not None


# words that name a part of a known organisation after its name ("BBC Radio 4", "Labour HQ")
_SUB_BRANDS = word_list("sub_brands")


def _known_prefix(doc: Doc, start: int, end: int) -> str | None:
    """The canonical name of a known organisation that a longer name starts with ("BBC Radio 4" -> "BBC"),
    or ends with after a place ("London UKIP" -> "UK Independence Party")."""
    from .lexicon import known_names

    names = known_names()
    if end - start == 1:
        # "BBC2", "ITV1": a known name with a channel number
        match = re.fullmatch(r"(.+?)(\d+)", doc[start].text)
        return names.get(match.group(1)) if match else None
    for size in _gazetteer_sizes(doc, start, min(2, end - start - 1), towns=0):
        # "London UKIP": a place before a known name is a branch of it, the same actor
        if names.get(doc[start + size : end].text) and not names.get(doc[start : start + size].text):
            return names[doc[start + size : end].text]
    canonical = names.get(doc[start].text)
    if canonical is None:
        return None
    rest = [t for t in doc[start + 1 : end] if t.text not in ("'s", "’s", "'", "’")]
    if len(rest) <= 2 and not _names_a_text(rest) and not (rest and rest[-1].lower_ in _UNIT_WORDS):
        # "BBC Radio 4", "BBC News Online": a part of the organisation; "BNP Paribas" is another company,
        # and "the Commons trade committee" a body of its own
        if all(t.like_num or t.is_lower or t.lower_ in _SUB_BRANDS for t in rest):
            return canonical
    return None


def _party_before_brief(doc: Doc, start: int, end: int, lex: EntityLexicon) -> tuple[int, str] | None:
    """(end, canonical name) when a span is a known organisation followed by a brief and a role.

    "Labour Home Affairs spokesman", "Lib Dem Home Affairs spokesman": the NER takes the
    party and the brief as one name; the party is the actor, the brief is not.
    """
    if end >= len(doc) or doc[end].lower_ not in lex.member_roles | lex.person_titles:
        return None
    names = known_names()
    for n in (2, 1):
        if start + n >= end:
            continue
        name = " ".join(t.text for t in doc[start : start + n])
        if name in names and all(t.lower_ in lex.portfolio_words for t in doc[start + n : end] if not t.is_punct):
            return start + n, names[name]
    return None


def _is_portfolio(ent: Span, lex: EntityLexicon) -> bool:
    doc = ent.doc
    if ent.end >= len(doc):
        return False
    following = doc[ent.end].lower_
    if following not in lex.member_roles | lex.person_titles:
        return False
    words = [t for t in ent if not t.is_punct]
    if any(t.is_upper and len(t.text) > 1 for t in words):
        return False  # "FAA spokesman": an acronym is an organisation
    return all(t.lower_ in lex.portfolio_words for t in words)


def _joined_ents(doc: Doc) -> list[Span]:
    """NER entities, with a person split in two ("Treasurer Lord" + "Ashcroft") joined again."""
    ents = list(doc.ents)
    joined: list[Span] = []
    for ent in ents:
        if joined and ent.label_ == "PERSON" and joined[-1].label_ == "PERSON" and joined[-1].end == ent.start and not joined[-1].ent_id_:
            joined[-1] = Span(doc, joined[-1].start, ent.end, label=ent.label)
        else:
            joined.append(ent)
    return joined


def _known_place_at(doc: Doc, start: int, end: int) -> bool:
    """Whether the words from ``start`` (up to ``end``) are a place the gazetteer knows ("Batavia")."""
    return bool(_gazetteer_sizes(doc, start, end - start, towns=0))


def _portfolio(ent: Span) -> bool:
    """Whether an organisation's name is the brief of a capitalised office: "Secretary of State for Culture,
    Media and Sport", "Minister for Europe"."""
    doc, root = ent.doc, ent.root
    if ent.start >= 2 and doc[ent.start].lower_ == "state" and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ == "secretary":
        return True
    while root.dep_ == "conj":
        root = root.head
    office = root.head.head if root.dep_ == "pobj" and root.head.lower_ in ("for", "of") else None
    if office is not None and office.lower_ == "state" and office.dep_ == "pobj":
        office = office.head.head  # "Secretary of State for ..."
    return office is not None and office.text in ("Secretary", "Minister")


def _article_in_name(span: Span) -> bool:
    """"The Hague": a place whose own name starts with "The"."""
    return span[0].text == "The" and any(p.name.startswith("The ") for p in load_gazetteer().cities(span.text))


def _plural_role(word: str, lex: EntityLexicon) -> bool:
    """A role word in the plural ("MPs", "MEPs"): members named by their role, not a name."""
    word = word.lower()
    return word.endswith("s") and word[:-1] in lex.roles


def _an_idea(text: str) -> bool:
    """A faith or a creed named with a capital: "Islam", "Catholicism", "Thatcherism" (not "-ness":
    "Inverness", "Guinness")."""
    if " " in text:
        return False
    lower = text.lower()
    return lower in _FAITHS or (len(lower) > 6 and lower.endswith("ism"))


def _run_on(doc: Doc, end: int, lex: EntityLexicon) -> int:
    """The end of an organisation's name the tagger cut at its preposition: "the Commission | for Racial
    Equality", "the Association | of Chief Police Officers" (title-case words after "for"/"of")."""
    if end + 1 >= len(doc) or doc[end - 1].lower_ not in lex.org_words or doc[end].lower_ not in ("for", "of") or not doc[end + 1].is_title:
        return end
    stop = end + 1
    while stop < len(doc) and (doc[stop].is_title or (doc[stop].lower_ in ("and", "of", "the", "&") and stop + 1 < len(doc) and doc[stop + 1].is_title)):
        stop += 1
    if any(e.label_ in ("PERSON", "GPE") and e.start < stop and e.end > end for e in doc.ents):
        return end  # "the Council of Europe", "the head of John Smith's office": a place or a person, not more name
    return stop


def _listed_with_places(span: Span) -> bool:
    """A name in a list whose other names are mostly known places ("visits Manchester, Liverpool,
    Leicester, Dorset and Torbay"): a place too."""
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    members = [first] + [t for t in first.subtree if t.dep_ == "conj" and t.i != first.i]
    others = [t for t in members if not (span.start <= t.i < span.end)]
    if len(others) < 2:
        return False
    def known(t: Token) -> bool:
        start = min([t.i] + [c.i for c in t.lefts if c.dep_ == "compound"])  # "Milton Keynes"
        return (t.i + 1 - start) in _gazetteer_sizes(t.doc, start, t.i + 1 - start, towns=50_000)

    places = sum(1 for t in others if known(t))
    return places >= 2 and places * 3 >= len(others) * 2


def _city_modifier(doc: Doc, start: int, end: int) -> bool:
    """A big town named as the modifier of a common noun ("the Brighton conference", "Brighton nurse
    Marion Brown", "the Glasgow clubs"): a place, whatever the tagger says."""
    if end >= len(doc) or not doc[end].is_lower or doc[end].pos_ != "NOUN" or doc[start:end].root.head.i != end:
        return False
    if start > 0 and doc[start - 1].lower_.rstrip(".") in _NAME_STYLES:
        return False  # "Mr Lincoln's ..."
    return any(c.population >= 100_000 or c.capital for c in load_gazetteer().cities(doc[start:end].text))


def _place_list(doc: Doc, start: int, end: int) -> list[tuple[int, int]] | None:
    """The parts of a name the tagger ran over a list ("Bristol, Isle of Wight", "Doncaster, Hartlepool,
    North Tyneside", "Hartlepool and Stoke-on-Trent"): at least two parts are places the gazetteer
    knows whole and the others are capitalised names too; else None ("Trinidad and Tobago" is one place)."""
    seps = [t.i for t in doc[start:end] if t.text == "," or (t.lower_ == "and" and t.i > start)]
    if not seps or _gazetteer_sizes(doc, start, end - start, towns=0)[:1] == [end - start]:
        return None
    bounds = [start, *(c + 1 for c in seps)]
    parts = [_extend_hyphens(doc, a, b) for a, b in zip(bounds, seps + [end]) if b > a]
    parts = [(a, min(b, end)) for a, b in parts]
    known = [(a, b) for a, b in parts if (b - a) in _gazetteer_sizes(doc, a, b - a, towns=0)]
    if len(known) < 2 or any(not doc[a].text[:1].isupper() for a, b in parts):
        return None
    return parts


def _named_mentions(doc: Doc, document: Document, lex: EntityLexicon, covered: set[int]) -> Iterator[Mention]:
    for ent in _joined_ents(doc):
        if ent.label_ not in NAME_LABELS or any(i in covered for i in range(ent.start, ent.end)):
            continue
        if not ent.ent_id_ and not any(ch.isupper() for ch in ent.text):
            continue  # "grey jeans", "8.1bn": a name has a capital letter
        if ent.text.isupper() and ent.text.lower() in _NOT_ACTORS:
            continue  # "GMT", "EGM": abbreviations of things, not of actors
        if not ent.ent_id_ and _an_idea(ent.text):
            continue  # "Islam", "Thatcherism": a faith or a creed, not an actor
        if ent.label_ == "ORG" and _portfolio(ent):
            continue  # "the Secretary of State for Culture, Media and Sport": an office's brief, not an actor
        if len(ent) == 1 and _plural_role(ent.text, lex):
            continue  # "MPs", "MEPs": members named by their role, a collective (collectives.toml), not a name
        if ent.label_ == "PERSON" and len(ent) == 1 and ent[0].lower_ in _DOCUMENT_WORDS and ent.start > 0 and doc[ent.start - 1].dep_ == "compound" and doc[ent.start - 1].is_title:
            continue  # "the Police Bill": a bill, not a man called Bill
        if ent.label_ == "NORP" and _kind_before(doc, ent.start) and ent.text.lower() not in lex.demonyms:
            label = "ORG"  # "research firm Informa": the tagger took the name for a people
        elif ent.label_ == "NORP" and _is_country_name(ent.text):
            label = "GPE"  # "Tajikistan’s civil war": a country, whatever the tagger says
        elif ent.label_ == "NORP" or ent.text.lower() in lex.demonyms:
            if _is_demonym_modifier(ent, lex) or ent.text.lower() in lex.demonyms and ent.root.tag_ not in ("NNS", "NNPS") and not ent.text.endswith("s"):
                continue  # "Afghan", "Tajik": an attribute, not an actor
            label = "NORP"
        elif ent.label_ == "ORG" and len(ent) >= 3 and ent[-1].text in _POSTNOMINALS and all(t.tag_ == "NNP" for t in ent):
            label = "PERSON"  # "Guy Mansfield QC": letters after a name make it a person's
        else:
            label = ent.label_
        start = ent.start
        while start < ent.end and (doc[start].lower_ in ("the", "a", "an") or (doc[start].is_lower and doc[start].lower_ in _KIN)) and not _article_in_name(doc[start:ent.end]):
            start += 1  # "the", and "stepson" in "stepson Sholto"
        if start == ent.start and start > 0 and _article_in_name(doc[start - 1 : ent.end]):
            start -= 1  # "in The Hague"
        if start == ent.end:
            continue
        owner_end = ent.start
        if label == "PERSON":
            # "Manchester United's Alex Ferguson": the owner is no part of the person's name (and may be a name of its own)
            owner_end = max((t.i + 1 for t in doc[start : ent.end - 1] if t.lower_ in ("'s", "’s")), default=ent.start)
            start = max(start, owner_end)
        parts = _place_list(doc, start, ent.end) if not ent.ent_id_ else None
        if parts:
            # "Bristol, Isle of Wight", "Doncaster, Hartlepool, North Tyneside": the tagger joined a list of places
            for a, b in parts:
                mention = _mention(doc, document, a, b, "GPE", lex, locative=True)
                if mention is not None:
                    covered.update(range(a, b))
                    yield mention
            continue
        known = bool(ent.ent_id_)
        canonical_name = ent.ent_id_ or None
        if not known and doc[start].is_sent_start and doc[start].lower_ == "new" and known_names().get(doc[start + 1 : ent.end].text):
            # "New Metropolitan Police Commissioner X": a sentence-initial "New" before a known name is no part of it
            canonical_name = known_names()[doc[start + 1 : ent.end].text]
            start, known = start + 1, True
        end = ent.end
        if label == "PERSON" and not known:
            of = next((t.i for t in doc[start + 2 : end - 1] if t.lower_ == "of"), None)
            peer = doc[start].lower_ in _PEER_STYLES or (start > 0 and doc[start - 1].lower_ in _PEER_STYLES)
            if of is not None and not peer and doc[of - 1].lower_ not in lex.person_titles | _NAME_STYLES and _known_place_at(doc, of + 1, ent.end):
                end = of  # "Peggy Say of Batavia, N.Y.": the person, then where she is from (not "Lord Nicholls of Birkenhead")
        if label == "ORG" and end < len(doc) and doc[end - 1].lower_ in _TITLE_QUALIFIERS:
            # "the Office of the Deputy | Prime Minister": the office named in the organisation's name
            n = next((n for n in (3, 2, 1) if all(t.is_title for t in doc[end : end + n]) and " ".join(t.lower_ for t in doc[end : end + n]) in lex.person_titles | lex.roles), 0)
            end += n
        office = end > ent.end and doc[end - 1].lower_ in lex.person_titles | lex.roles  # an office's organisation, no person
        while (
            label == "ORG" and end < len(doc) and doc[end].tag_ == "NNP" and doc[end].ent_iob_ == "O" and doc[end].is_title
            and doc[end].dep_ == "compound" and doc[end].head.i > end and doc[end].lower_ not in lex.person_titles | lex.roles
            and doc[end].head.ent_type_ != "PERSON"  # "FAA Administrator Jane Garvey": a title of the name after
        ):
            end += 1  # "Fair Trials Abroad director X": the tagger stopped the name one word short
        if label == "ORG" and not known:
            end = _run_on(doc, end, lex)
        following = doc[end].lower_ if end < len(doc) else ""
        if not known and label in ("GPE", "LOC", "NORP", "ORG") and following in _UNIT_WORDS and doc[end].is_lower:
            end, label = end + 1, "ORG"  # "the Central Asia department": a unit, not a region
            following = doc[end].lower_ if end < len(doc) else ""
        place_cue = (
            (following in lex.place_words and end < len(doc) and doc[end].is_lower) or _town_of(doc[start:end]) or _constituency(doc, start)
            or _city_modifier(doc, start, end) or (label == "PERSON" and _listed_with_places(doc[start:end]))
        )
        party = _party_before_brief(doc, start, end, lex) if not known and label in ("ORG", "PERSON", "GPE", "NORP") else None
        if party is not None:
            # "Labour Home Affairs spokesman": the party, then its brief
            p_end, canonical = party
            mention = _mention(doc, document, start, p_end, "ORG", lex, known=True, canonical=canonical)
            if mention is not None:
                covered.update(range(start, p_end))
                yield mention
            continue
        if not known and label in ("ORG", "PERSON", "GPE") and _is_portfolio(ent, lex):
            continue  # "Home Affairs spokesman", "Defence Secretary": a brief, not an organisation
        if not known and label == "NORP" and not ent.text.endswith("s"):
            continue  # "the British": a nationality, not a group actor
        if not known and label != "PERSON" and doc[end - 1].lower_ in _EVENT_WORDS:
            continue  # "Holocaust Memorial Day", "the Gunpowder Plot": an event, not an actor
        if not known and label in ("ORG", "LAW", "WORK_OF_ART") and _names_a_text(doc[start:end]):
            continue  # "the Police Bill", "the European Convention on Human Rights": texts, not actors
        parent = _known_prefix(doc, start, end) if not known and label == "ORG" else None
        if parent is not None:
            known, label = True, "ORG"  # "BBC Radio 4", "BBC Two": part of the BBC
        mention = _mention(
            doc,
            document,
            start,
            end,
            label,
            lex,
            person_cue=_person_cue(ent, lex) and not office,
            org_cue=_org_cue(ent) or office,
            locative=_locative(doc[start:end]),
            known=known,
            canonical=canonical_name or parent or None,
            place_cue=place_cue,
        )
        if mention is None:
            continue
        # a person cut short ("Peggy Say | of Batavia") leaves the rest of the tagger's span to other names;
        # an organisation that ran on ("Fair Trials | Abroad") covers what it took
        person_cut = label == "PERSON" and mention.token_end < ent.end
        covered.update(range(owner_end, mention.token_end if person_cut else max(ent.end, mention.token_end)))
        yield mention


def _proper_noun_mentions(doc: Doc, document: Document, lex: EntityLexicon, covered: set[int]) -> Iterator[Mention]:
    for token in doc:
        if token.i in covered or token.idx < document.headline_end:
            continue
        # "ex-ITN political editor John Sergeant": initials before the role of a named person are who
        # employs them, though the tagger took them for an adjective
        role_head = (
            token.dep_ in ("compound", "nmod", "amod") and token.head.i > token.i and _acronym(token.text) and token.lower_ not in _NOT_ACTORS
            and _role_of(token.head, lex) is not None and _name_follows(doc, token.head.i + 1)
        )
        if token.tag_ not in ("NNP", "NNPS") and not role_head:
            continue
        if token.dep_ == "compound" and token.head.tag_ in ("NNP", "NNPS") and token.head.i > token.i:
            continue  # part of a longer name; its head starts the mention
        place_head = token.dep_ == "compound" and token.head.is_lower and token.head.lower_ in lex.place_words  # "at Harwood prison"
        if (token.dep_ not in _ARGUMENT_DEPS and not place_head and not role_head) or token.lower_ in _MONTHS or not token.text[:1].isupper():
            continue
        start = token.i
        while start > 0 and doc[start - 1].tag_ in ("NNP", "NNPS") and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i <= token.i and doc[start - 1].i not in covered:
            start -= 1
        words = [t.lower_ for t in doc[start : token.i + 1]]
        if all(w in lex.person_titles or w in lex.roles or _plural_role(w, lex) or w in lex.demonyms for w in words):
            continue  # "Minister", "MPs": a title or a plural role, no name
        if token.lower_ in lex.demonyms or (start == token.i and _an_idea(token.text)):
            continue
        if token.dep_ == "pobj" and token.head.head.lower_ in lex.person_titles | lex.roles:
            continue  # "Minister of Emergency Situations": a portfolio, not an actor
        run_on = _run_on(doc, token.i + 1, lex)  # "the Commission for Racial Equality" the tagger left untagged
        span = doc[start:run_on]
        if _names_a_text(span) or token.lower_ in _EVENT_WORDS | _BROADCAST_WORDS or (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _BROADCAST_WORDS):
            continue  # "Police Bill", "the Breakfast With Frost programme": a text or a broadcast, not an actor
        cue = _person_cue(span, lex)
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        place_cue = following is not None and following.is_lower and following.lower_ in lex.place_words  # "Harwood prison"
        place_cue = place_cue or _constituency(doc, start)
        end = token.i + 2 if place_head else run_on  # "Harwood prison": the place word is part of the name
        mention = _mention(doc, document, start, end, "PROPN", lex, person_cue=cue, org_cue=_org_cue(span) or run_on > token.i + 1 or role_head, locative=_locative(span), place_cue=place_cue)
        if mention is not None:
            covered.update(range(start, end))
            yield mention


# modifiers that make a "government" word something other than the national government
_NOT_NATIONAL = word_list("not_national")


_STATE_MODIFIERS = word_list("state_modifiers")


def _describes_a_name(token: Token) -> bool:
    """A singular noun in apposition to a proper name, or with one in apposition to it."""
    if token.dep_ == "appos" and token.head.pos_ == "PROPN":
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in token.children)


def _collective_mentions(doc: Doc, document: Document, lex: EntityLexicon, covered: set[int]) -> Iterator[Mention]:
    for token in doc:
        if token.i in covered or token.pos_ not in ("NOUN", "PROPN") or token.idx < document.headline_end:
            continue
        lemma = token.lemma_.lower()
        if token.dep_ in ("compound", "amod") and lex.collective_for(token.head.lemma_.lower()):
            continue  # "government" in "government forces": the head decides
        rules = lex.collective_for(lemma)
        if not rules:
            continue
        if any(c.dep_ == "compound" and c.i in covered and c.ent_type_ in ("ORG", "NORP", "PERSON") and c.lower_ not in lex.demonyms for c in token.children):
            continue  # "Taliban insurgents": the named organisation is the actor
        if token.tag_ == "NN" and _describes_a_name(token) and not _STATE_MODIFIERS & {c.lower_ for c in token.children} and not _country_of_modifiers(token, lex):
            continue  # "Ann Kray, a company official": one person's description (but "a senior Tajik official" serves a state)
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "nmod", "det", "poss")}
        country = _country_of_modifiers(token, lex)
        place_country = None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "of", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.ent_type_ in ("GPE", "LOC", "ORG"):
                        place_country = obj.text
        for rule in rules:
            if rule.needs:
                wanted = set(rule.needs)
                ok = bool(modifiers & wanted) or ("@demonym" in wanted and (country is not None or place_country is not None))
                if "@bare-plural" in wanted and token.tag_ in ("NNS", "NNPS") and not modifiers and not place_country:
                    ok = not any(c.dep_ in ("amod", "compound", "nmod", "det", "poss", "nummod", "prep") for c in token.children)
                if not ok:
                    continue
            if lemma in rule.strict and not (country or "the" in modifiers):
                continue
            before = {t.lower_ for t in doc[max(token.i - 2, 0) : token.i]}
            if rule.kind == "government" and ({t.lower_ for l in token.lefts for t in l.subtree} | before) & (_NOT_NATIONAL | lex.regional_qualifiers):
                continue  # "local government spokeswoman", "the shadow cabinet", "Welsh ministers": not the national government
            if rule.kind == "government" and not rule.needs and token.tag_ not in ("NNS", "NNPS"):
                # "the government", "Blair's government", "the Labour government" - not "a system of government"
                owner = token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i == token.i + 1  # "government plans"
                if not (modifiers - {"a", "an", "any", "no", "every", "each"}) and not place_country and not owner:
                    continue

            plural = token.tag_ in ("NNS", "NNPS") or _plural_role(token.text, lex)  # "MPs" tagged NNP
            if not plural and rule.kind == "group" and lemma not in ("townspeople", "people", "population", "community"):
                continue  # "a rebel", "the militant": one person, not the collective
            if rule.kind == "group" and rule.label == "fighters" and country is None:
                continue
            start = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("amod", "compound", "nmod") and c.i >= token.i - 3])
            label = "government" if rule.kind == "government" else rule.label
            if rule.label == "fighters":
                label = f"@{lemma}"  # "<demonym> fighters", named once the country is known
            mention = _mention(doc, document, start, token.i + 1, "COLLECTIVE", lex, country=country, collective=label)
            if mention is None:
                break
            if place_country and not country:
                mention = Mention(**{**mention.__dict__, "name": f"{mention.name} in {place_country}"})
            covered.add(token.i)
            yield mention
            break


def _dateline_mentions(doc: Doc, document: Document, lex: EntityLexicon, covered: set[int]) -> Iterator[Mention]:
    """The place and the source of a dateline ("DENVER (AP) --"): a place and an organisation, whatever the tagger says."""
    line = find_dateline(doc, document.headline_end)
    if line is None:
        return
    if line.colophon is not None:
        covered.update(range(*line.colophon))  # "in Serbo-Croatian 2000 GMT 8 Jun 94": a language, a time, a date
    for (start, end), label, cue in ((line.place, "GPE", "locative"), (line.source, "ORG", "org_cue")):
        mention = _mention(doc, document, start, end, label, lex, exact=label == "ORG", **{cue: True})
        if mention is not None:
            covered.update(range(start, end))
            yield mention


def find_mentions(doc: Doc, document: Document, lexicon: EntityLexicon | None = None) -> list[Mention]:
    """Every mention of an actor or place in ``doc``, ordered by position."""
    lex = lexicon or load_entity_lexicon()
    covered: set[int] = set()
    mentions = list(_dateline_mentions(doc, document, lex, covered))
    mentions += list(_named_mentions(doc, document, lex, covered))
    mentions += list(_proper_noun_mentions(doc, document, lex, covered))
    mentions += list(_collective_mentions(doc, document, lex, covered))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions
