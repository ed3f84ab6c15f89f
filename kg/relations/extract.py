"""Typed relations from dependency parses, each with its evidence.

:func:`extract_relations` runs every pattern of the relation lexicon over a parsed
document whose actors are already resolved (:class:`~kg.entities.resolve.DocumentActors`).
Arguments are actor keys, never raw spans: a token maps to an actor when it lies
inside one of the actor's mentions, or through a pronoun ("they" in "Authorities say
they have detained ..."), a quantity ("99% of local people") or a coordination
("X and Y").

Each relation carries its sentence, offsets, rule id, confidence and modality:
``reported`` when a reporting verb attributes it to someone, ``hedged`` when a modal
or hedge word weakens it. A negated statement ("did not", "denied", "unlikely")
yields nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..entities.dateline import find_dateline
from ..entities.descriptors import main_clause, quoted_tokens
from ..entities.lexicon import first_name_sex, word_list
from ..entities.mentions import is_party_state
from ..entities.resolve import DocumentActors
from ..model import Evidence, Relation
from .lexicon import RelationLexicon, Rule, load_lexicon
from .sentiment import valence

__all__ = [
    "extract_relations",
    "normalise_date",
    # the clause checks every reader of a trigger applies (the patterns here, the pair classifier of pairs.py)
    "DocumentContext",
    "EVENT_PREDICATES",
    "event_date_of",
    "is_hedged",
    "is_negated",
    "reported_by",
    "sentence_evidence",
]

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "his", "hers"})
_PRONOUNS_PLURAL = frozenset({"they", "them", "their"})
_PRONOUNS_SPEAKER = frozenset({"i", "me", "my", "we", "us", "our"})
_QUANTITIES = word_list("quantities")  # these and the lists below: kg/data/wordlists.toml
_LIGHT_VERBS = word_list("light_verbs")
_MONTHS = {m: i for i, m in enumerate("january february march april may june july august september october november december".split(), 1)}
_ORG_HEADS = word_list("organisation_heads")
_MEMBER_HEADS = word_list("member_heads")
_UNARMED = word_list("unarmed_groups")
_PLAN_NOUNS = word_list("plan_nouns")
_CONDUCT = _PLAN_NOUNS | word_list("conduct_nouns")
_INSTRUMENTS = word_list("instruments")
_CHARGING = word_list("charging_verbs")
_ALLEGING = word_list("alleging_verbs")
_CAPTURING = word_list("capturing_verbs")
_CASE_NOUNS = word_list("case_nouns")
_UNDERSTATEMENTS = word_list("understatements")
_OBJECT_CONTROL = word_list("object_control_verbs")
_ADVERSARIES = word_list("adversary_nouns")
_AIMED = word_list("aimed_nouns")
_TITLE_ABBREVIATIONS = word_list("title_abbreviations")
_MALE = word_list("male_styles")
_REMOVAL_VERBS = word_list("removal_verbs")
_SPEECH_GIVING = word_list("speech_giving_verbs")
_FEMALE = word_list("female_styles")
_STYLES = _MALE | _FEMALE | word_list("surname_styles")  # words of address before a name ("Mr", "Sir", "Dr")
_PAST_OFFICE = word_list("past_office_words")
_FUTURE_OFFICE = word_list("future_office_words")
_OBLIGATIONS = word_list("obligation_modals")
_ROLE_VERBS = word_list("role_verbs")
_FINDING = word_list("finding_verbs")
_SEAT_WORDS = word_list("seat_words")
_ORG_KINDS = word_list("organisation_nouns")
_GOING_ON = word_list("going_on_words")
_ALLEGING_NOUNS = word_list("alleging_nouns")
_SERVING_VERBS = word_list("serving_verbs")
_FACING_VERBS = word_list("facing_verbs")
_ACTING = word_list("acting_verbs")
_ORDER_NOUNS = word_list("order_nouns")
_COURT_WORDS = word_list("court_words")
_ORDERING_VERBS = word_list("ordering_verbs")
_WOUNDING = word_list("wounding_verbs")
_DYING = word_list("dying_verbs")
_SPEAKING = word_list("speech_verbs")
_COMPASS = word_list("compass_words")
_KIND_NOUNS = word_list("kind_nouns")
_ORG_ANAPHORS = _KIND_NOUNS | word_list("org_anaphors")
_ANAPHOR_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})  # where a bare "the party" stands as an actor
_SITE_RULES = ("place.in", "place.address", "place.region-of")  # "Y in Z", "Y, Town, State": where a body is, said in passing
_CULPABLE = word_list("culpable")
_RECEIVING_VERBS = word_list("receiving_verbs")
_HOME_NOUNS = word_list("home_nouns")
_DWELLINGS = word_list("dwellings")
_SITES = word_list("site_nouns")
_REFUSING = word_list("refusing_verbs")
_ATTEMPTS = word_list("attempt_words")
_GOVERNMENT_HEADS = word_list("government_heads")
_MEMBER_BODIES = word_list("member_bodies")
_SPOKESPEOPLE = word_list("spokespeople")
_COUNSEL = word_list("counsel")
_HONORIFICS = word_list("honorifics")
_NAME_STYLES = word_list("name_styles")
_SUB_ROLE = word_list("sub_roles")
#: relations that are events or stances in time: they carry an event date and a reporter
EVENT_PREDICATES = frozenset({"accuses", "criticizes", "opposes", "threatens", "attacks", "kills", "detains", "alliedWith", "supports"})


@dataclass(frozen=True)
class _Arg:
    key: str
    direct: bool = True  # False when reached through a pronoun or a heuristic
    owner: bool = False  # stands for something it owns ("the ICC's unit")


class DocumentContext:
    """What the patterns need to know about one document."""

    def __init__(self, doc: Doc, actors: DocumentActors, lexicon: RelationLexicon):
        self.doc = doc
        self.actors = actors
        self.lex = lexicon
        self.types = {k: a.type for k, a in actors.actors.items()}
        self._plans: list[tuple[int, int, str]] | None = None  # plan-like nouns with an owner: (token, sentence start, owner)
        self._quote_speakers: dict[int, str] | None = None  # sentence start -> speaker of a quote sentence with no verb of saying
        self._appositives: dict[int, str | None] = {}  # token -> the name after its role phrase
        self._sexes: dict[str, str] | None = None  # person -> "m"/"f", from the styles written with the name

    def type_of(self, key: str) -> str:
        return self.types.get(key, "")

    # -- arguments ---------------------------------------------------------
    def args(self, token: Token | None, *, depth: int = 0) -> list[_Arg]:
        """The actors a token stands for (with its coordinated siblings)."""
        if token is None or depth > 3:
            return []
        found = self._arg(token)
        result = [found] if found else []
        for child in token.children:
            if child.dep_ == "conj":
                result += self.args(child, depth=depth + 1)
        seen, unique = set(), []
        for arg in result:
            if arg.key not in seen:
                seen.add(arg.key)
                unique.append(arg)
        return unique

    def _arg(self, token: Token) -> _Arg | None:
        key = self.actors.actor_at(token.i)
        if key:
            return _Arg(key)
        # "his predecessor as Cabinet Secretary, Lord Armstrong": the apposition names the actor
        for child in token.children:
            if child.dep_ == "appos":
                key = self.actors.actor_at(child.i)
                if key:
                    return _Arg(key)
        named = self.appositive_name(token)
        if not named and token.text == "-":
            # "The co-chairman of X, Y, said": the parser makes the hyphen the subject and the role its apposition
            named = next((self.appositive_name(c) for c in token.children if c.dep_ == "appos" and self.appositive_name(c)), None)
        if named:
            return _Arg(named)
        if token.pos_ == "NOUN" and token.is_lower and token.lower_ in _place_words():
            # "held in Belmarsh prison", "the Kunduz province": the named place the head word belongs to
            for child in token.children:
                key = self.actors.actor_at(child.i) if child.dep_ == "compound" else None
                if key and self.types.get(key) == "Location":
                    return _Arg(key)
        if token.pos_ == "NOUN":
            for prep in token.children:
                # "deputy minister for women Jacqui Smith accused ...": the parser hung the name under the brief
                if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
                    for obj in prep.children:
                        key = self.actors.actor_at(obj.i) if obj.dep_ == "pobj" else None
                        if key and self.types.get(key) == "Person" and any(c.dep_ == "compound" and c.is_lower and c.pos_ == "NOUN" for c in obj.children):
                            return _Arg(key)
                if prep.dep_ == "prep" and prep.lower_ in ("as", "of"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and not self.actors.actor_at(obj.i):
                            key = next((self.actors.actor_at(c.i) for c in obj.children if c.dep_ == "appos" and self.actors.actor_at(c.i)), None)
                            if key and self.types.get(key) == "Person":
                                return _Arg(key)
        lower = token.lower_
        if lower in _PRONOUNS_SPEAKER:
            key = self._speaker(token)
            return _Arg(key, direct=False) if key else None
        if lower in ("its",):
            return self._organisation_before(token)
        bare = token.dep_ in _ANAPHOR_SLOTS and token.tag_ == "NN" and all(c.dep_ in ("det", "prep", "relcl", "acl", "punct") for c in token.children)
        if (token.dep_ == "poss" or bare) and token.lemma_.lower() in _ORG_ANAPHORS and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # "the party's election chief X", "the charity's director, X", "in attacking the party he once
            # wanted to lead": the organisation named before with that word ("the Labour Party", "the
            # charity Oxfam"); none when the last two sentences name two ("defected from the
            # Conservatives to Labour ... the party's leadership")
            key = self._named_kind(token) if token.lower_ in _KIND_NOUNS else None
            if key:
                return _Arg(key, direct=False)
            previous = self.doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
            named = None
            for i, key in self._organisations_named(token.lower_, token.i, known_names=True):
                if named is None:
                    named = key
                elif key != named and i >= previous:
                    return None
                if i < previous:
                    break
            return _Arg(named, direct=False) if named else None
        if lower == "it" and token.dep_ in ("nsubj", "nsubjpass") and token.i == token.sent.start and token.sent.start > 0:
            # "Liberty said ... . It took up the case of six Roma": a sentence opening with "It" goes on
            # about the named organisation the sentence before was about
            for t in self.doc[token.sent.start - 1].sent:
                if t.dep_ in ("nsubj", "nsubjpass") and main_clause(t.head):
                    key = self.actors.actor_at(t.i)
                    actor = self.actors.actors.get(key) if key else None
                    if actor is not None and actor.type == "Organization" and not actor.collective:
                        return _Arg(key, direct=False)
            return None
        if lower in _PRONOUNS_PERSON or lower in _PRONOUNS_PLURAL:
            key = self._pronoun(token)
            return _Arg(key, direct=False) if key else None
        if lower in _QUANTITIES or token.like_num:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            inner = self._arg(obj)
                            if inner:
                                return _Arg(inner.key, direct=False)
        # a noun phrase that stands for the organisation that modifies it: "the Labour campaign", "Rahmon's government"
        plural_members = token.lemma_.lower() in _MEMBER_HEADS and (token.tag_ in ("NNS", "NNPS") or token.text.endswith("s"))
        if token.pos_ in ("NOUN", "PROPN") and (token.lemma_.lower() in _ORG_HEADS or plural_members):
            # "a spokesman for UKIP called on X to quit", "Ann Kray's spokesman said": the one it speaks for
            owners = ("Organization", "Group", "Person") if token.lemma_.lower() in _SPOKESPEOPLE else ("Organization", "Group")
            for child in token.children:
                if child.dep_ in ("compound", "poss") and child.i < token.i:
                    key = self.actors.actor_at(child.i)
                    if key and self.type_of(key) in owners:
                        return _Arg(key, direct=False)
            if token.lemma_.lower() in _SPOKESPEOPLE:
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ in ("for", "of"):
                        for obj in child.children:
                            key = self.actors.actor_at(obj.i) if obj.dep_ == "pobj" else None
                            if key and self.type_of(key) in owners:
                                return _Arg(key, direct=False)
        if token.pos_ == "NOUN" and token.is_lower and token.lower_ in _KIND_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            key = self._named_kind(token)
            if key:
                return _Arg(key, direct=False)
        return None

    def _organisations_named(self, word: str, before: int, *, known_names: bool = False) -> Iterator[tuple[int, str]]:
        """(token index, key) of the organisations named in the 400 tokens before ``before`` whose label
        has ``word`` ("party": the Labour Party), nearest first; with ``known_names``, or any other name
        a known organisation has ("the Liberal Democrat party")."""
        from ..entities.lexicon import known_organizations

        for i in range(before - 1, max(before - 400, -1), -1):
            key = self.actors.actor_at(i)
            if not key or self.type_of(key) != "Organization":
                continue
            label = self.actors.actors[key].label
            names = (label, *known_organizations().get(label, ((), None))[0]) if known_names else (label,)
            if any(word in name.lower().split() for name in names):
                yield i, key

    def _organisation_before(self, token: Token) -> _Arg | None:
        """The organisation "its" points back to: the one its own clause is about ("BAA reiterated its
        support"), else the one the previous sentence is about (its subject), else the nearest one."""
        clause = token.head.head if token.dep_ == "poss" else token.head
        while not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and clause.head.i != clause.i:
            clause = clause.head  # "Britain was placed to make ... because of its alliance": the clause with a subject
        for c in clause.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i:
                key = self.actors.actor_at(c.i)
                if key and self.type_of(key) in ("Organization", "Location"):
                    return _Arg(key, direct=False)
        start = token.sent.start
        previous = self.doc[start - 1].sent if start > 0 else None
        if previous is not None:
            for t in previous:
                if t.dep_ in ("nsubj", "nsubjpass"):
                    for sub in t.subtree:
                        key = self.actors.actor_at(sub.i)
                        if key and self.type_of(key) == "Organization":
                            return _Arg(key, direct=False)
                    if t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                        # "The party asserts ... Its leader": the last organisation whose name has that word
                        for _, key in self._organisations_named(t.lower_, t.i):
                            return _Arg(key, direct=False)
        for i in range(token.i - 1, max(token.sent.start - 40, -1), -1):
            key = self.actors.actor_at(i)
            if key and self.type_of(key) == "Organization":
                return _Arg(key, direct=False)
        return None

    def _named_kind(self, token: Token) -> str | None:
        """"the magazine" after "The Spectator magazine": the organisation last written with that kind noun."""
        for i in range(token.i - 1, 0, -1):
            if self.doc[i].lower_ == token.lower_ and self.doc[i].is_lower:
                key = self.actors.actor_at(i - 1)
                if key and self.type_of(key) == "Organization":
                    return key
        return None

    def quote_speaker(self, sent: Span) -> str | None:
        """Who speaks a sentence that is all quotation and names no speaker of its own.

        '"... first sentence. Second sentence," he said.' and 'X said: "First. Second."': the
        speaker named where the quotation opens or closes, in the sentence before or after.
        """
        if self._quote_speakers is None:
            self._quote_speakers = _quote_speakers(self)
        return self._quote_speakers.get(sent.start)

    def reporting_subject(self, sent: Span) -> str | None:
        """The actor that a verb of saying in ``sent`` has as subject ("X said", "he told")."""
        for t in sent:
            if t.lemma_.lower() in self.lex.reporting and t.pos_ in ("VERB", "AUX"):
                for c in t.children:
                    if c.dep_ == "nsubj":
                        args = self.args(c)
                        if args and self.type_of(args[0].key) in ("Person", "Organization", "Group"):
                            return args[0].key
        return None

    def appositive_name(self, token: Token) -> str | None:
        """"director of the Trust, Jane Roe, said": the person named after a role noun's phrase, however parsed."""
        if token.i not in self._appositives:  # asked for every token before every person: remember
            self._appositives[token.i] = self._appositive_name(token)
        return self._appositives[token.i]

    def _appositive_name(self, token: Token) -> str | None:
        from ..entities.lexicon import load_entity_lexicon

        if token.pos_ != "NOUN" or token.lower_ not in load_entity_lexicon().roles or self.actors.actor_at(token.i):
            return None
        subject = token
        if token.dep_ == "appos" and token.i >= 2 and token.head.i == token.i - 1 and token.head.text == "-":
            subject = token.head  # "The co-chairman of X, NAME, said": the parser splits "co-chairman" at its hyphen
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            return None
        verb = subject.head
        end = max(t.i for t in token.subtree) + 1
        doc = self.doc
        for i in range(token.i + 1, min(end, len(doc) - 2)):
            if doc[i].text != ",":
                continue
            key = self.actors.actor_at(i + 1)
            if not key or self.types.get(key) != "Person":
                continue
            last = i + 1
            while last + 1 < len(doc) and self.actors.actor_at(last + 1) == key:
                last += 1
            if last + 1 < len(doc) and doc[last + 1].text == "," and last + 2 < len(doc):
                after = doc[last + 2]
                if after.i == verb.i:
                    return key  # ", NAME ," right before the verb the role is the subject of
                if after.head.i == verb.i and after.dep_ in ("prep", "advmod", "npadvmod") and max(t.i for t in after.subtree) + 1 == verb.i:
                    return key  # ", NAME , on Saturday called ...": a time or manner between name and verb
        return None

    def earlier_plan_owner(self, token: Token) -> list[_Arg]:
        """The owner of the nearest earlier plan-like noun with one, at most three sentences back."""
        if self._plans is None:
            self._plans = []
            for t in self.doc:
                if t.lemma_.lower() in _PLAN_NOUNS:
                    owners = _own_owner(t, self, 1)
                    if owners:
                        self._plans.append((t.i, t.sent.start, owners[0].key))
        sentence_starts = sorted({t.sent.start for t in self.doc[max(token.sent.start - 200, 0) : token.sent.start + 1]})
        floor = sentence_starts[-4] if len(sentence_starts) >= 4 else 0
        for i, start, key in reversed(self._plans):
            if i < token.i and start >= floor and start < token.sent.start:
                return [_Arg(key, False)]
        return []

    def _speaker(self, token: Token) -> str | None:
        """Who "I" or "we" is: the subject of the reporting verb whose quote holds the pronoun,
        or the speaker of a quotation that runs over several sentences."""
        found = self._reporting_speaker(token)
        if found is None and token.lower_ in _PRONOUNS_SPEAKER and not any(t.lemma_.lower() in self.lex.reporting for t in token.sent):
            found = self.quote_speaker(token.sent)
        return found

    def _reporting_speaker(self, token: Token) -> str | None:
        node = token
        for head in _ancestors(token):
            if head.lemma_.lower() in self.lex.reporting and node.dep_ in ("ccomp", "parataxis", "dobj", "xcomp", "advcl"):
                for child in head.children:
                    if child.dep_ == "nsubj" and child.lower_ not in _PRONOUNS_SPEAKER:
                        key = self.actors.actor_at(child.i)
                        if key is None:
                            for sub in child.children:
                                if sub.dep_ == "appos" and self.actors.actor_at(sub.i):
                                    key = self.actors.actor_at(sub.i)
                        if key:
                            return key
                return None
            node = head
        return None

    def sex(self, key: str) -> str | None:
        """"m" or "f" when a style written with the person's name says so ("Mr Howard", "Ms Robinson"), or else
        its first name ("Sandra Gidley"), else None."""
        if self._sexes is None:
            found: dict[str, set[str]] = {}
            for i, k in self.actors.by_token.items():
                if i > 0 and self.actors.by_token.get(i - 1) == k and self.doc[i - 1].lower_.rstrip(".") not in _MALE | _FEMALE:
                    continue  # not the first word of a mention
                for j in (i - 1, i):
                    word = self.doc[j].lower_.rstrip(".") if j >= 0 else ""
                    if word in _MALE:
                        found.setdefault(k, set()).add("m")
                    elif word in _FEMALE:
                        found.setdefault(k, set()).add("f")
            self._sexes = {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
            # else the first name, when the lists know it for one sex only ("Michael Howard", "Sandra Gidley")
            for k, actor in self.actors.actors.items():
                words = actor.label.split()
                if k not in found and actor.type == "Person" and len(words) > 1 and (sex := first_name_sex(words[0])):
                    self._sexes[k] = sex
        return self._sexes.get(key)

    def _agrees(self, key: str, pronoun: Token) -> bool:
        sex = self.sex(key)
        lower = pronoun.lower_
        if sex is None or lower not in ("he", "him", "his", "himself", "she", "her", "hers", "herself"):
            return True
        return sex == ("m" if lower in ("he", "him", "his", "himself") else "f")

    def _pronoun(self, token: Token) -> str | None:
        """The actor a pronoun stands for: the first candidate, by the rules below in order, of the
        fitting type ("they": an organisation or group; "he", "she": a person), that is not excluded
        (the speaker, for "him" inside a quote; an object pronoun's own subject) and that agrees with
        a style written with its name ("Ms Robinson" is no "he")."""
        plural = token.lower_ in _PRONOUNS_PLURAL
        wanted = ("Organization", "Group") if plural else ("Person",)
        # "him" in a quote is not the speaker (in reported speech it may well be: "X said Y had made him leader")
        excluded = self._speaker(token) if token.lower_ in ("him", "her", "them") and token.i in _quoted(token.sent) else None
        small = token.dep_ == "nsubj" and token.head.dep_ in ("ccomp", "xcomp")  # "X made him deputy leader"
        if excluded is None and token.lower_ in ("him", "her", "them") and (token.dep_ in ("dobj", "dative", "pobj") or small):
            # "Roe called him a disappointment": an object pronoun is not its own verb's subject
            verb = token.head.head if token.dep_ == "pobj" or small else token.head
            # (the subject may be a role the name is in apposition with: "The chairman of X, Y, called him ...")
            excluded = next((a.key for c in verb.children if c.dep_ == "nsubj" and c.i != token.i for a in [self._arg(c)] if a), None)

        def fits(key: str | None) -> bool:
            return bool(key) and self.type_of(key) in wanted and key != excluded and self._agrees(key, token)

        # "Authorities say they have detained ...": the reporting subject
        head = token.head
        while head.dep_ in ("ccomp", "xcomp", "conj", "aux") and head.head.i != head.i:
            head = head.head
            for child in head.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i != token.i and fits(key := self.actors.actor_at(child.i)):
                    return key
        if token.lower_ == "them":
            # "X opposed the plans for ID cards, branding them ...": a nearer plural noun that names
            # no actor is what "them" stands for
            for i in range(token.i - 1, token.sent.start - 1, -1):
                key = self.actors.actor_at(i)
                if key and self.type_of(key) in wanted:
                    break
                if key is None and self.doc[i].tag_ == "NNS" and self.doc[i].dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
                    return None
        # otherwise the nearest preceding actor of a fitting type within two sentences
        sent = token.sent
        floor = sent.start
        prev = self.doc[sent.start - 1].sent if sent.start > 0 else None
        if prev is not None:
            floor = prev.start
        quoted = _quoted(sent)
        skip = quoted if token.i not in quoted else set()  # "'... the home secretary,' he said": not the speaker
        # a subject "he"/"she" opening its sentence continues the previous sentence's subject
        # ("Roe spoke ... about Mrs Doe. He hit back at ..."): centering, before recency
        if token.lower_ in ("he", "she") and token.dep_ in ("nsubj", "nsubjpass") and prev is not None:
            earlier = [i for i in range(sent.start, token.i) if self.type_of(self.actors.actor_at(i) or "") in wanted]
            if not earlier:
                for c in prev.root.children:
                    if c.dep_ in ("nsubj", "nsubjpass") and fits(key := self.actors.actor_at(c.i)):
                        return key
        # a possessive prefers the subject of its own sentence: "X was behind the general's death
        # and his men smuggled drugs" (his = X, not the general)
        if token.lower_ in ("his", "her"):
            for i in range(token.i - 1, sent.start - 1, -1):
                key = self.actors.actor_at(i)
                if self.doc[i].dep_ in ("nsubj", "nsubjpass") and i not in skip and fits(key):
                    return key
        for i in range(token.i - 1, floor - 1, -1):
            key = self.actors.actor_at(i)
            if i not in skip and fits(key):
                return key
        return None


_QUOTE_MARKS = ('"', "“", "”", "''", "``")


def _quote_speakers(ctx: "DocumentContext") -> dict[int, str]:
    """Sentence start -> speaker, for a sentence that opens with a quotation mark, names no speaker,
    and continues a quotation the previous sentence opened after "X said:" or ends one that the
    next sentence attributes ('..., he said').
    """
    sents = list(ctx.doc.sents)
    speakers: dict[int, str] = {}
    for n, sent in enumerate(sents):
        if not len(sent) or ctx.reporting_subject(sent):
            continue
        speaker = None
        if n > 0:
            before = sents[n - 1]
            marks = sum(1 for t in before if t.text in _QUOTE_MARKS)
            if marks % 2 == 1 and any(t.text == ":" for t in before):
                speaker = ctx.reporting_subject(before)  # 'X told Today: "First. <this>'
        own_marks = sum(1 for t in sent if t.text in _QUOTE_MARKS)
        if speaker is None and n > 0 and sent[0].text not in _QUOTE_MARKS and own_marks >= 2 and own_marks % 2 == 0:
            # 'The foreign secretary said ... . Law lords were "simply wrong" to ...': a sentence that quotes
            # words but names nobody saying them goes on with the speaker of the sentence before
            if not any(t.lemma_.lower() in ctx.lex.reporting | _FINDING for t in sent) and sum(1 for t in sents[n - 1] if t.text in _QUOTE_MARKS) % 2 == 0:
                speaker = ctx.reporting_subject(sents[n - 1])
        if speaker is None and sent[0].text in _QUOTE_MARKS and own_marks == 1 and n + 1 < len(sents):
            after = sents[n + 1]
            if len(after) > 1 and after[0].text in (",", '"', "”") or (len(after) and after[0].text in _QUOTE_MARKS):
                speaker = ctx.reporting_subject(after)  # '"<this> Second," X said.'
            elif sum(1 for t in after if t.text in _QUOTE_MARKS) == 1:
                closing = next(t for t in after if t.text in _QUOTE_MARKS)
                tail = after[closing.i - after.start + 1 :]
                if any(t.lemma_.lower() in ctx.lex.reporting for t in tail):
                    speaker = ctx.reporting_subject(after)  # '"<this> Second," X said.'
        if speaker:
            speakers[sent.start] = speaker
    return speakers


def _quoted(sent: Span) -> set[int]:
    """Token indices inside quotation marks in a sentence (an unclosed quote runs to its end)."""
    return quoted_tokens(sent)


def sentence_evidence(sent: Span) -> tuple[str, int, int]:
    """The sentence as evidence: its text without surrounding whitespace, and its character offsets in the document."""
    text = sent.text
    start = sent.start_char + (len(text) - len(text.lstrip()))
    end = sent.start_char + len(text.rstrip())
    return sent.doc.text[start:end], start, end


def _ancestors(token: Token) -> Iterator[Token]:
    while token.head.i != token.i:
        token = token.head
        yield token


def _conditional(trigger: Token) -> bool:
    """A clause under "if", "unless" or "whether" states no fact."""
    node = trigger
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
        if node.dep_ in ("ROOT", "ccomp", "parataxis") or node.head.i == node.i:
            return False
        node = node.head
    return False


def is_negated(trigger: Token, lex: RelationLexicon) -> bool:
    """No relation when the trigger, or a clause that governs it, is negated, denied or conditional."""
    if _conditional(trigger):
        return True
    if any(c.dep_ == "neg" or c.lower_ in lex.negations and c.dep_ in ("advmod", "det", "preconj") for c in trigger.children):
        return True
    node = trigger
    for head in [trigger, *_ancestors(trigger)]:
        # "Neither X nor Y were willing to ...", "No party backed him"
        for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
            if any(c.lower_ in ("neither", "no", "none") and c.dep_ in ("preconj", "det") for c in subject.children) or subject.lower_ in ("none", "nobody", "neither"):
                return True
        if head.i == trigger.i:
            continue
        relation = node.dep_
        if relation in ("relcl", "appos") or (relation == "acl" and node.tag_ == "VBN"):
            # "the sentence of X, who was convicted of murdering Y", "refused to free X, convicted of
            # killing Y": a relative clause, reduced or not, asserts on its own
            break
        if head.lemma_.lower() in lex.negating_heads and relation in ("ccomp", "xcomp", "dobj", "pobj", "acl", "advcl", "prep", "relcl", "nsubj", "csubj"):
            return True
        if relation in ("ccomp", "xcomp", "conj", "advcl", "acomp") and any(c.dep_ == "neg" for c in head.children):
            if relation != "conj" or head.pos_ in ("VERB", "AUX"):
                return True
        if relation in ("ROOT", "parataxis"):
            break
        node = head
    return False



def _attempted(trigger: Token) -> bool:
    """"tried to kill", "a plot to kill", "attempted murder", "an assassination attempt"."""
    if trigger.dep_ in ("xcomp", "acl") and trigger.head.lemma_.lower() in _ATTEMPTS:
        return True
    if any(c.lower_ in _ATTEMPTS and c.dep_ in ("amod", "compound") for c in trigger.children):
        return True
    return trigger.dep_ == "compound" and trigger.head.lemma_.lower() in _ATTEMPTS


def _refused(trigger: Token) -> bool:
    """"X would not back Y", "X refused to support Y": a stated refusal, not a denial or a condition."""
    if _conditional(trigger):
        return False
    if any(c.dep_ == "neg" for c in trigger.children):
        return True
    head = trigger.head
    if trigger.dep_ == "ccomp" and head.lemma_.lower() in ("think", "believe", "feel") and any(c.dep_ == "neg" for c in head.children):
        return True  # "I don't think you can rely on X"
    return trigger.dep_ == "xcomp" and head.lemma_.lower() in _REFUSING and not any(c.dep_ == "neg" for c in head.children)


def is_hedged(trigger: Token, lex: RelationLexicon) -> bool:
    """Whether the trigger's clause is only possible, likely or rumoured ("could", "may", "reportedly")."""
    chain = [trigger]
    owned = set()  # heads the trigger's phrase owns or names: "Chancellor Gordon Brown's report" is his, not hedged
    node = trigger
    for head in _ancestors(trigger):
        if node.dep_ in ("ccomp", "relcl", "parataxis", "ROOT"):
            break
        if node.dep_ in ("poss", "compound"):
            owned.add(head.i)
        chain.append(head)
        node = head
    for tok in chain:
        if tok.lemma_.lower() in lex.hedges and tok.i != trigger.i and tok.i not in owned and not (tok.pos_ == "VERB" and tok.lemma_.lower() in lex.reporting):
            return True  # "reports of a feud" (a verb of saying reports; it does not hedge)
        for child in tok.children:
            if child.dep_ in ("aux", "advmod", "auxpass", "amod") and (child.lower_ in lex.hedges or child.lemma_.lower() in lex.hedges):
                return True  # "could attack", "reportedly attacked", "the reported feud"
    return False


def _infinitive(token: Token) -> bool:
    """A "to" clause under a verb: "urged the Home Office to charge Y", "called on them to free Y"."""
    return token.dep_ == "xcomp" or (token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def _wished(trigger: Token, lex: RelationLexicon) -> bool:
    """Whether the trigger is what someone wants or urges done: "X urged Z to charge Y",
    "X called on Z to free or charge Y", "X called for the arrest of Y"."""
    node = trigger
    for head in _ancestors(trigger):
        infinitive = _infinitive(node)
        asked_for = node.dep_ == "pobj" and node.head.lower_ == "for"
        if head.lemma_.lower() in lex.wishes and (infinitive or (node.dep_ == "prep" and node.lower_ == "for")):
            return True
        if not (infinitive or asked_for or node.dep_ in ("conj", "prep")):
            return False
        node = head
    return False


def _alleged(trigger: Token) -> bool:
    """"X was charged with killing Y", "Z accused X of attacking Y": an event someone alleges."""
    node = trigger
    for head in _ancestors(trigger):
        if node.dep_ in ("ccomp", "relcl", "parataxis", "appos"):
            return False
        if head.lemma_.lower() in _ALLEGING:
            return True
        node = head
    return False


def reported_by(trigger: Token, ctx: DocumentContext, exclude: Iterable[str] = ()) -> tuple[str | None, bool]:
    """(speaker key, reported?) when a reporting verb governs the trigger."""
    node = trigger
    excluded = set(exclude)
    for head in _ancestors(trigger):
        if head.lemma_.lower() in ctx.lex.reporting and node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "dobj", "conj") or (
            node.dep_ == "ccomp" and head.lemma_.lower() in ctx.lex.reporting
        ):
            for child in head.children:
                if child.dep_ in ("nsubj", "agent") or (child.dep_ == "prep" and child.lower_ == "by"):
                    target = child
                    if child.dep_ in ("agent", "prep"):
                        target = next((c for c in child.children if c.dep_ == "pobj"), None)
                    args = ctx.args(target) if target is not None else []
                    for arg in args:
                        if arg.key not in excluded:
                            return arg.key, True
            return None, True
        node = head
    # "..., X said." with the trigger in the main clause of a quote
    root = trigger.sent.root
    inside_subject = any(trigger.i in {t.i for t in c.subtree} for c in root.children if c.dep_ in ("nsubj", "nsubjpass"))
    if root.lemma_.lower() in ctx.lex.reporting and root.i != trigger.i and not inside_subject:
        for child in root.children:
            if child.dep_ == "nsubj":
                for arg in ctx.args(child):
                    if arg.key not in excluded:
                        return arg.key, True
    return None, False


def normalise_date(text: str, article_date: str | None) -> str | None:
    """An ISO date for "July 24", "24 July 2012", "July 24, 2012"; the year from the article when absent.

    >>> normalise_date("July 24", "2012-07-30")
    '2012-07-24'
    >>> normalise_date("24 July 2012", None)
    '2012-07-24'
    >>> normalise_date("July 24", None) is None
    True
    """
    words = re.findall(r"[A-Za-z]+|\d+", text)
    month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
    numbers = [int(w) for w in words if w.isdigit()]
    day = next((n for n in numbers if 1 <= n <= 31), None)
    year = next((n for n in numbers if 1000 <= n <= 2999), None)
    if month is None or day is None:
        return None
    if year is None:
        if not article_date:
            return None
        a_year, a_month = int(article_date[:4]), int(article_date[5:7])
        year = a_year - 1 if month > a_month + 1 else a_year
    return f"{year:04d}-{month:02d}-{day:02d}"


def event_date_of(trigger: Token, article_date: str | None) -> str | None:
    """The date the trigger's clause gives ("on July 24"), normalised against the article's date."""
    for tok in [trigger, *trigger.children]:
        for sub in [tok, *tok.children]:
            if sub.ent_type_ == "DATE" and (sub.i == trigger.i or sub.head.i in (trigger.i, tok.i)):
                ent = next((e for e in trigger.doc.ents if e.start <= sub.i < e.end), None)
                if ent is not None:
                    date = normalise_date(ent.text, article_date)
                    if date:
                        return date
    return None


def _event_place(trigger: Token, ctx: DocumentContext) -> str | None:
    """The most specific place the trigger's clause puts the event in ("in Khorog" over "in Tajikistan")."""
    candidates = [trigger]
    candidates += [c for c in trigger.children if c.dep_ in ("npadvmod", "advmod", "prep")]
    # "On 24 July in Khorog, ...": the place hangs off the date
    candidates += [o for c in trigger.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    found: list[str] = []
    for tok in candidates:
        preps = [tok] if tok.dep_ == "prep" else [c for c in tok.children if c.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ not in ("in", "at", "near", "inside", "outside"):
                continue
            for obj in prep.children:
                key = ctx.actors.actor_at(obj.i) if obj.dep_ == "pobj" else None
                if key and ctx.type_of(key) == "Location" and key not in found:
                    found.append(key)
    if not found:
        return None
    countries = {k for k in found if ctx.actors.actors.get(k) is not None and ctx.actors.actors[k].country_code}
    specific = [k for k in found if k not in countries]
    return (specific or found)[0]


def _passive(verb: Token) -> bool:
    """A passive verb, or a participle with an agent ("the institute headed by X")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.i < verb.i and _passive(verb.head):
        return True  # "Y was shot and mortally wounded by X": the second verb shares the first one's passive
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)


def _verb_subjects(verb: Token, ctx: DocumentContext) -> list[_Arg]:
    passive = _passive(verb)
    if passive:
        for child in verb.children:
            if child.dep_ == "agent":
                return [a for obj in child.children if obj.dep_ == "pobj" for a in ctx.args(obj) or _instrument_user(obj, ctx)]
        if verb.lemma_.lower() in _REMOVAL_VERBS:
            # "Y was expelled from UKIP", "suspended from the party": the body Y is put out of
            return [_Arg(a.key, False) for a in _prep_args(verb, ("from",), ctx) if ctx.type_of(a.key) in ("Organization", "Group")]
        # "Y was murdered on the orders of X": who gave the order
        return [
            _Arg(a.key, False)
            for child in verb.children
            if child.dep_ == "prep" and child.lower_ in ("on", "under", "at")
            for order in child.children
            if order.dep_ == "pobj" and order.lemma_.lower() in _ORDER_NOUNS
            for a in _prep_args(order, ("of",), ctx)
        ]
    subjects = [a for c in verb.children if c.dep_ == "nsubj" for a in ctx.args(c)]
    if subjects:
        return subjects
    relative = any(c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which") for c in verb.children)
    if any(c.dep_ == "nsubj" for c in verb.children) and not (relative and verb.dep_ == "relcl"):
        return []
    if _infinitive(verb) and verb.head.i != verb.i and verb.head.lemma_.lower() in _OBJECT_CONTROL:
        # "X urged the Home Office to charge Y", "X called on the government to free Y": the object does it
        head = verb.head
        controllers = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i]
        controllers += [o for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < verb.i for o in c.children if o.dep_ == "pobj"]
        if controllers:
            return [_Arg(a.key, False) for c in controllers for a in ctx.args(c)]
    # "X threatened to attack Y", "X met and backed Y": the subject of the governing verb
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        head = verb.head
        if (
            verb.dep_ == "conj" and verb.tag_ == "VBD" and head.dep_ == "ccomp" and head.head.tag_ in ("VBD", "VBZ")
            and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
        ):
            # "X said Labour would set out plans and attacked Y": a past tense cannot share "would", so it
            # goes with the reporting verb, whatever the parser attached it to
            head = head.head
        return [_Arg(a.key, False) for a in _verb_subjects(head, ctx)]
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        found = ctx.args(verb.head)  # "X, now working for Y, said"
        if not found and not any(c.dep_ in ("dobj", "dative") and c.pos_ == "PRON" for c in verb.children):
            # "X unveiled a billboard accusing Y", "X opened with a speech criticising Y": the author
            # (not "X opposed the plans, branding them ...": "them" is the carrier itself)
            carrier = verb.head
            holder = carrier.head if carrier.dep_ in ("dobj", "pobj") else None
            if holder is not None and holder.dep_ == "prep" and carrier.dep_ == "pobj" and holder.lower_ in ("with", "in", "through"):
                holder = holder.head
            if holder is not None and holder.pos_ == "VERB" and (carrier.dep_ == "dobj" or holder is not carrier.head):
                found = [a for c in holder.children if c.dep_ == "nsubj" for a in ctx.args(c)]
        return [_Arg(a.key, False) for a in found]
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in _INSTRUMENTS and verb.head.dep_ in ("dobj", "nsubj", "nsubjpass"):
        # "X fired the shots that killed Y", "the bomb X planted killed Y"
        holder = verb.head.head
        return [_Arg(a.key, False) for c in holder.children if c.dep_ == "nsubj" for a in ctx.args(c)]
    if verb.dep_ == "relcl":
        head = verb.head
        found = ctx.args(head)
        if not found and head.dep_ in ("attr", "appos"):
            # "Booth was an actor who killed Lincoln", "Booth, an actor who killed Lincoln"
            holder = head.head
            found = ctx.args(holder) if head.dep_ == "appos" else [a for c in holder.children if c.dep_ == "nsubj" for a in ctx.args(c)]
        return [_Arg(a.key, False) for a in found]
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        # "X was convicted of killing Y", "a jury convicted X of killing Y", "X acted alone in killing Y"
        control = verb.head.head
        if control.pos_ == "ADJ" and control.dep_ in ("oprd", "acomp", "xcomp") and control.lower_ in _CULPABLE:
            control = control.head  # "X pleaded guilty to killing Y"
        if control.dep_ == "acl" and control.tag_ == "VBN":
            # "X, convicted of murdering Y", "X, the man convicted of killing Y"
            held = ctx.args(control.head)
            if not held and control.head.dep_ == "appos":
                held = ctx.args(control.head.head)
            return [_Arg(a.key, False) for a in held]
        objects = [a for c in control.children if c.dep_ == "dobj" for a in ctx.args(c)] if verb.head.lower_ != "by" else []
        if objects:
            # "a jury convicted X of killing Y" (not "X could save the South by killing Y")
            return [_Arg(a.key, False) for a in objects]
        return [_Arg(a.key, False) for a in _verb_subjects(control, ctx) or _passive_subjects(control, ctx)]
    return []


def _passive_subjects(verb: Token, ctx: "DocumentContext") -> list[_Arg]:
    found = [a for c in verb.children if c.dep_ == "nsubjpass" for a in ctx.args(c)]
    if not found and verb.dep_ == "relcl":
        found = ctx.args(verb.head)
    return found


def _instrument_user(token: Token, ctx: "DocumentContext") -> list[_Arg]:
    """Who used a weapon: "a bomb planted by X", "a bomb X planted", "the bullet that X fired"."""
    if token.lemma_.lower() not in _INSTRUMENTS:
        return []
    for clause in token.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            return [_Arg(a.key, False) for c in clause.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj" for a in ctx.args(o)]
        if clause.dep_ == "relcl":
            return [_Arg(a.key, False) for c in clause.children if c.dep_ == "nsubj" and c.lower_ not in ("that", "which") for a in ctx.args(c)]
    return []


def _verb_objects(verb: Token, rule: Rule, ctx: DocumentContext) -> list[_Arg]:
    passive = _passive(verb)
    objects: list[_Arg] = []
    for child in verb.children:
        if passive and child.dep_ == "nsubjpass":
            objects += ctx.args(child)
        elif not passive and child.dep_ in ("dobj", "dative") and not rule.prep_only:
            found = ctx.args(child)
            named = [a for c in child.children if c.dep_ == "appos" for a in ctx.args(c)]
            if named and all(ctx.actors.actors[a.key].collective for a in found):
                found = named  # "assassinated the British colonial minister, Lord Moyne": the one named
            objects += found
        elif child.dep_ == "prep" and child.lower_ in rule.preps:
            objects += [a for obj in child.children if obj.dep_ == "pobj" for a in ctx.args(obj)]
        elif child.dep_ == "prt":
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in rule.preps:
                    objects += [a for obj in prep.children if obj.dep_ == "pobj" for a in ctx.args(obj)]
    if passive and not objects and verb.dep_ == "acl":
        objects = ctx.args(verb.head)  # "the man held by police"
    if passive and not objects and verb.dep_ == "conj" and _passive(verb.head):
        # "Y was shot and mortally wounded by X": the first verb's subject
        objects = [a for c in verb.head.children if c.dep_ == "nsubjpass" for a in ctx.args(c)]
    if not objects and verb.dep_ == "relcl" and any(
        c.dep_ == ("nsubjpass" if passive else "dobj") and c.lower_ in ("who", "whom", "that", "which") for c in verb.children
    ):
        objects = [_Arg(a.key, False) for a in ctx.args(verb.head)]  # "Y, who was killed by X", "Y, whom X killed"
    if not objects and rule.deep_object:
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") or (child.dep_ == "prep" and child.lower_ in rule.preps):
                target = child if child.dep_ != "prep" else next((c for c in child.children if c.dep_ == "pobj"), None)
                if target is not None and (not rule.targets or target.lemma_.lower() in rule.targets or target.lower_ in rule.targets):
                    objects += [_Arg(a.key, False) for a in _owner(target, ctx)]
    return objects


def _defended(verb: Token, rule: Rule, ctx: "DocumentContext") -> list[_Arg]:
    """Whom a rebuttal stands up for: "rejected the criticism of Y", "hit back at Y's critics"."""
    found: list[_Arg] = []
    for child in verb.children:
        nouns = [child] if child.dep_ == "dobj" else []
        if child.dep_ == "prep" and child.lower_ in rule.preps:
            nouns = [o for o in child.children if o.dep_ == "pobj"]
        if child.dep_ == "prt":
            nouns = [o for p in child.children if p.dep_ == "prep" and p.lower_ in rule.preps for o in p.children if o.dep_ == "pobj"]
        for noun in nouns:
            lemma = noun.lemma_.lower()
            if lemma in _ADVERSARIES:
                found += [_Arg(a.key, False) for c in noun.children if c.dep_ == "poss" for a in ctx.args(c)]
            if lemma in _ADVERSARIES or lemma in _AIMED or noun.lower_ in _AIMED:
                # "critics of Y", "the criticism of Y", "the allegations against Y" ("the attacks of the Home Office": its own)
                preps = ("of", "against", "on") if lemma in _ADVERSARIES or lemma in ("criticism", "condemnation") else ("against", "on")
                found += [_Arg(a.key, False) for c in noun.children if c.dep_ == "prep" and c.lower_ in preps for o in c.children if o.dep_ == "pobj" for a in ctx.args(o)]
    return found


def _culprits(token: Token, ctx: "DocumentContext") -> tuple[list[_Arg], bool]:
    """Who a court, the police or the story holds to have done the deed a noun names, and whether it is only alleged.

    "X was convicted of Y's killing", "police charged X with the murder of Y", "X, sentenced
    to life for the murder of Y", "X was indicted on charges in the assassination of Y", "X is
    serving a sentence for the murder of Y", "X, the suspect in Y's assassination", "X was
    captured after the assassination of Y". Charges, arrests and suspicion allege; a
    conviction or a sentence asserts.
    """
    node, alleged = token, False
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.lower_ not in ("of", "for", "with", "in", "on", "after", "following"):
            break
        prep = node.head
        holder = prep.head
        lemma = holder.lemma_.lower()
        later = prep.lower_ in ("after", "following")
        if holder.pos_ == "VERB" and lemma in _ACTING and prep.lower_ == "in":
            return [_Arg(a.key, False) for c in holder.children if c.dep_ == "nsubj" for a in ctx.args(c)], False  # "X acted alone in the slaying of Y"
        if holder.pos_ == "VERB" and (lemma in _CAPTURING if later else lemma in _CHARGING):
            alleged = alleged or lemma in _ALLEGING or later
            subjects = [_Arg(a.key, False) for c in holder.children if c.dep_ in ("nsubjpass", "dobj") for a in ctx.args(c)]
            if not subjects and holder.dep_ == "acl" and holder.tag_ == "VBN":
                subjects = [_Arg(a.key, False) for a in ctx.args(holder.head)]  # "X, convicted of murdering Y"
            return subjects, alleged
        if holder.pos_ != "NOUN" or lemma not in _CASE_NOUNS or later:
            return [], False
        alleged = alleged or lemma in _ALLEGING_NOUNS
        node = holder
    if node is token:
        return [], False
    lemma = node.lemma_.lower()
    if node.dep_ == "appos":
        return [_Arg(a.key, False) for a in ctx.args(node.head)], alleged  # "X, the suspect in Y's murder"
    if node.dep_ == "attr" and node.head.lemma_ == "be":
        return [_Arg(a.key, False) for c in node.head.children if c.dep_ == "nsubj" for a in ctx.args(c)], alleged
    verb = node.head
    if node.dep_ == "dobj" and verb.lemma_.lower() in _SERVING_VERBS and lemma not in _ALLEGING_NOUNS:
        return [_Arg(a.key, False) for a in _verb_subjects(verb, ctx)], False  # "X is serving a sentence for ..."
    if node.dep_ == "dobj" and verb.lemma_.lower() in _FACING_VERBS and lemma in _ALLEGING_NOUNS:
        return [_Arg(a.key, False) for a in _verb_subjects(verb, ctx)], True  # "X faces charges in ..."
    return [], False


def _prep_args(token: Token, preps, ctx: "DocumentContext", *, owner: bool = False) -> list[_Arg]:
    """Actors that objects of the token's prepositions in ``preps`` stand for ("critical of X", "based in Z").

    With ``owner``, a non-actor object counts for the actor it belongs to ("attack on Y's plans").
    """
    return [
        a
        for c in token.children
        if c.dep_ in ("prep", "dative") and c.lower_ in preps
        for o in c.children
        if o.dep_ == "pobj"
        for a in (ctx.args(o) or (_owner(o, ctx) if owner else []))
    ]


def _conduct_owners(token: Token, preps, ctx: "DocumentContext") -> set[str]:
    """The actors whose conduct (a plan, a record, a system; not the actor itself) is the token's object,
    of one of ``preps`` or its direct object with "dobj": "Labour" in "an attack on Labour's plans",
    "attacked the Labour plans"; "Britain" in "an attack on the cost of Britain's asylum system"."""
    objects = [c for c in token.children if c.dep_ == "dobj"] if "dobj" in preps else []
    objects += [o for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ in preps for o in c.children if o.dep_ == "pobj"]
    return {a.key for o in objects if o.lemma_.lower() in _CONDUCT and not ctx.args(o) for a in _owner(o, ctx)}


def _owner(token: Token, ctx: "DocumentContext", depth: int = 2) -> list[_Arg]:
    """The actor a non-actor noun belongs to: "Blair's plans", "the plans of the government", "the way the government works".

    "The proposals" with no owner of their own are the plans last named with one, a few
    sentences back ("X's plans for control orders ... the Lib Dems also oppose the proposals").
    """
    if depth < 0:
        return []
    found = _own_owner(token, ctx, depth)
    if found or token.lemma_.lower() not in _PLAN_NOUNS or not any(c.dep_ == "det" and c.lower_ in ("the", "these", "this", "those") for c in token.children):
        return found
    return ctx.earlier_plan_owner(token)


def _own_owner(token: Token, ctx: "DocumentContext", depth: int) -> list[_Arg]:
    lemma = token.lemma_.lower()
    if lemma in _ADVERSARIES:
        return []  # "hit back at critics of Blair": the critics are not Blair's
    aimed = lemma in _AIMED or token.lower_ in _AIMED  # "rejected the criticism of Blair": "of" is the target
    for child in token.children:
        # "Blair's plans", "the Labour plans", "Tory claims" (a party adjective the tagger made a modifier)
        if child.dep_ in ("poss", "compound", "amod") and child.i < token.i:
            args = ctx.args(child)
            if args and (child.dep_ != "amod" or ctx.type_of(args[0].key) in ("Organization", "Person")):
                return args
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in (("by", "from") if aimed else ("of", "by", "from")):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    args = ctx.args(obj) or _owner(obj, ctx, depth - 1)
                    if args:
                        return args
        if child.dep_ == "acl" and child.tag_ == "VBN":
            # "the claims made on Monday by X"
            for agent in (c for c in child.children if c.dep_ == "agent"):
                args = [a for o in agent.children if o.dep_ == "pobj" for a in ctx.args(o)]
                if args:
                    return args
        if child.dep_ == "relcl":
            for sub in child.children:
                if sub.dep_ in ("nsubj", "nsubjpass"):
                    args = ctx.args(sub) or _owner(sub, ctx, depth - 1)
                    if args:
                        return args
    return []


def _demands(verb: Token, cues: frozenset[str]) -> bool:
    """Whether a verb of demand asks for one of ``cues``: "urged X to resign", "called for X's resignation"."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp", "advcl") and child.lemma_.lower() in cues:
            return True
        if child.dep_ in ("dobj", "pobj") and child.lemma_.lower() in cues:
            return True
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in cues:
                    return True
                # "called on X to resign": the infinitive hangs off X
                if any(sub.dep_ in ("xcomp", "acl", "relcl") and sub.lemma_.lower() in cues for sub in obj.children):
                    return True
        if child.dep_ == "dobj" and any(sub.dep_ in ("xcomp", "acl", "relcl") and sub.lemma_.lower() in cues for sub in child.children):
            return True
    return False


def _clauses(verb: Token, depth: int = 3) -> list[Token]:
    """The clauses a reporting verb introduces, through "said he thought that ..." chains."""
    found: list[Token] = []
    frontier = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
    while frontier and depth > 0:
        found += frontier
        frontier = [c for f in frontier for c in f.children if c.dep_ == "ccomp" and f.lemma_.lower() in ("think", "believe", "say", "feel", "suggest", "know", "fear", "insist", "claim")]
        depth -= 1
    return found


def _clause_cue(part: Token, excluded: set[int], cues: frozenset[str]) -> bool:
    """Whether a clause says one of ``cues`` of its subject: the clause's verb, a word under it, or
    one level deeper, outside the ``excluded`` coordinated clauses and not conditional; a
    preposition counts only after "be" ("X was behind the attack", not "lags behind")."""
    return any(
        (t.lemma_.lower() in cues or t.lower_ in cues)
        and not _conditional(t)
        and not _understated(t)
        and not any(c.dep_ in ("neg", "det") and c.lower_ in ("no", "not", "never") for c in t.children)  # "no friend of"
        and not (t.pos_ == "NOUN" and t.i != part.i and t.dep_ in ("nsubj", "nsubjpass", "compound"))  # "Cabinet allies intervened": who acts, not what is said of the subject
        and (t.pos_ != "ADP" or t.head.lemma_.lower() == "be")
        for t in part.subtree
        if t.i not in excluded and (t.i == part.i or t.head.i == part.i or t.head.head.i == part.i)
    )


def _judged(part: Token, excluded: set[int], polarity: str) -> bool:
    """Whether a clause judges its subject: an evaluative verb, predicate or adverb of ``polarity``.

    Looks at the clause's verb (active voice: "Y betrayed voters"), its predicate ("Y was
    reckless", "Y is a dangerous man") and manner ("Y acted irresponsibly"). A "not" on the
    word or the clause flips it ("Y is not wise" is negative), as VADER does.
    """
    clause_not = any(c.dep_ == "neg" for c in part.children)
    candidates: list[Token] = []
    if part.pos_ == "VERB" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in part.children):
        candidates.append(part)
    for child in part.children:
        if child.i in excluded:
            continue
        if child.dep_ in ("acomp", "attr", "oprd", "advmod", "xcomp"):
            candidates.append(child)
            candidates += [g for g in child.children if g.dep_ == "amod"]  # "a dangerous man"; not intensifiers ("pretty thin")
    for token in candidates:
        score = valence(token)
        if not score:
            continue
        if any(c.dep_ == "neg" for c in token.children) or (clause_not and token.i != part.i and token.head.i == part.i) or (clause_not and token.i == part.i):
            score *= -0.74
        elif _understated(token):
            score = -score  # "less than honest", "far from competent"
        if polarity == "negative" and score <= -1.3 and token.pos_ != "ADV":
            return True  # manner adverbs judge the act, not the actor ("fought racism aggressively")
        if polarity == "positive" and score >= 1.8 and token.pos_ in ("ADJ", "ADV"):
            return True
    return False


def _understated(token: Token) -> bool:
    """Whether the words just before ``token`` understate it: "less than honest", "anything but fair"."""
    before = token.doc[max(token.i - 2, 0) : token.i]
    return any(" ".join(t.lower_ for t in before[len(before) - n :]) in _UNDERSTATEMENTS for n in (1, 2))


def _condemned_owners(part: Token, excluded: set[int], things: frozenset[str], ctx: "DocumentContext") -> list[_Arg]:
    """Actors whose thing a clause damns with a modifier: "a failed Tory past", "Labour's disastrous record"."""
    found: list[_Arg] = []
    for noun in part.subtree:
        if noun.i in excluded or noun.pos_ != "NOUN" or noun.lemma_.lower() not in things or any(c.dep_ == "neg" for c in noun.children):
            continue
        if not any(c.dep_ == "amod" and valence(c) <= -1.3 and not _understated(c) for c in noun.children):
            continue
        found += [_Arg(a.key, False) for c in noun.children if c.dep_ in ("compound", "poss") for a in ctx.args(c)]
    return found


def _matches_lemma(token: Token, lemma: str) -> bool:
    words = lemma.split()
    if token.lemma_.lower() != words[0] and token.lower_ != words[0]:
        return False
    if len(words) == 1:
        return True
    rest = words[1:]
    following = [t.lower_ for t in token.doc[token.i + 1 : token.i + 1 + len(rest)]]
    near = {c.lower_ for c in token.children}
    # "shot X to death": the words of a phrase on the verb; "shot and mortally wounded X": on the verb joined to it
    near |= {g.lower_ for c in token.children if c.dep_ in ("prep", "conj") for g in c.children if g.dep_ in ("pobj", "advmod")}
    return following == rest or all(w in near for w in rest)


class _Extractor:
    def __init__(self, doc: Doc, actors: DocumentActors, lexicon: RelationLexicon):
        self.ctx = DocumentContext(doc, actors, lexicon)
        self.doc = doc
        self.document = actors.document
        self.relations: dict[tuple, Relation] = {}

    # -- emitting ------------------------------------------------------------
    def emit(self, rule: Rule, subjects: list[_Arg], objects: list[_Arg], trigger: Token, *, base: float | None = None, speaker: str | None = None, reported: bool | None = None, check_negation: bool = True, hedged: bool | None = None, verbal: bool = False) -> None:
        if not subjects or not objects:
            return
        lex = self.ctx.lex
        if check_negation and is_negated(trigger, lex):
            return
        if hedged is None:
            wished = _wished(trigger, lex)
            if (wished or _OBLIGATIONS & {c.lower_ for c in trigger.children if c.dep_ == "aux"}) and rule.predicate in ("memberOf", "leads") and not rule.presupposed:
                return  # "tried to recruit him as an agent", "hopes to lead the party", "Y rather than X should form the next government": no role yet
            hedged = is_hedged(trigger, lex) or wished or (rule.predicate in EVENT_PREDICATES and _alleged(trigger))
        if reported is None:
            speaker, reported = reported_by(trigger, self.ctx, exclude=())
        sentence, start, end = sentence_evidence(trigger.sent)
        event_date = event_date_of(trigger, self.document.date) if rule.predicate in EVENT_PREDICATES else None
        event_place = _event_place(trigger, self.ctx) if rule.predicate in EVENT_PREDICATES else None
        for s in subjects:
            for o in objects:
                if s.key == o.key:
                    continue
                if not rule.accepts(self.ctx.type_of(s.key), self.ctx.type_of(o.key)):
                    continue
                if rule.force is not None and (False if verbal else self._forceful(s.key, o.key)) != rule.force:
                    continue  # a verbal attack ("ministers attacked the Lib Dem plans") is never force
                if rule.predicate == "locatedIn" and self.ctx.type_of(o.key) != "Location":
                    continue
                confidence = base if base is not None else rule.confidence
                if not (s.direct and o.direct):
                    confidence *= 0.85
                if hedged:
                    confidence *= 0.8
                modality = "hedged" if hedged else ("reported" if reported else "asserted")
                attributed = speaker if speaker not in (s.key, None) or rule.pattern in ("claim", "judgement") else None
                if rule.pattern in ("claim", "judgement"):
                    attributed = s.key
                place = event_place if event_place not in (s.key, o.key) else None
                evidence = Evidence(
                    document=self.document.id,
                    sentence=sentence,
                    char_start=start,
                    char_end=end,
                    confidence=round(min(max(confidence, 0.0), 1.0), 2),
                    rule=rule.id,
                    modality=modality,
                    attributed_to=attributed,
                    event_date=event_date,
                    event_place=place,
                )
                key = (s.key, rule.predicate, o.key, start)
                old = self.relations.get(key)
                if old is None or old.evidence.confidence < evidence.confidence:
                    self.relations[key] = Relation(s.key, rule.predicate, o.key, evidence)

    def _forceful(self, subject: str, obj: str) -> bool:
        """Whether an "attack" by ``subject`` on ``obj`` is physical: unnamed collectives and groups,
        armed organisations ("the Taliban", "the Lanskoy militia"), or anyone attacking a place."""
        from ..entities.lexicon import load_entity_lexicon

        actor = self.ctx.actors.actors.get(subject)
        if actor is None:
            return False
        if self.ctx.type_of(obj) == "Location":
            return True
        if actor.collective or actor.type == "Group":
            return actor.label.split(" (")[0].lower() not in _UNARMED  # "MPs bombarded the minister with requests": words
        words = {w.strip(".,'’").lower() for w in actor.label.replace("-", " ").split()} | {actor.label.lower()}
        return actor.type == "Organization" and bool(words & load_entity_lexicon().armed_words)

    # -- patterns --------------------------------------------------------------
    def fatal_wounds(self) -> None:
        """"Y died after X shot him", "Y died when X stabbed her": the wounding killed."""
        rule = next((r for r in self.ctx.lex.by_pattern("verb") if r.predicate == "kills"), None)
        if rule is None:
            return
        for token in self.doc:
            death = token.head
            if token.dep_ != "advcl" or token.lemma_.lower() not in _WOUNDING or death.lemma_.lower() not in _DYING:
                continue
            if not any(c.dep_ == "mark" and c.lower_ in ("after", "when", "as") for c in token.children):
                continue
            victims = [a for c in death.children if c.dep_ == "nsubj" for a in self.ctx.args(c)]
            wounded = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            if not wounded or wounded[0].lower_ not in ("him", "her", "them") and not self.ctx.args(wounded[0]):
                continue
            self.emit(rule, _verb_subjects(token, self.ctx), victims, token)

    def verbs(self) -> None:
        triggers = self.ctx.lex.triggers("verb")
        for token in self.doc:
            if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBN", "VBG"):
                continue
            for rule in triggers.get(token.lemma_.lower(), ()) + triggers.get(token.lower_, ()):
                if not any(_matches_lemma(token, lemma) for lemma in rule.lemmas):
                    continue
                if rule.cues and not _demands(token, rule.cues):
                    continue
                if rule.predicate == "kills" and _attempted(token):
                    continue  # "X tried to kill Y": an attempt, not a killing
                if rule.refusal:
                    if _refused(token):
                        # "would not back" states a refusal; "would" hedges nothing here
                        firm = all(c.lower_ in ("would", "will", "wo", "'d", "'ll", "not", "n't", "never") for c in token.children if c.dep_ in ("aux", "neg"))
                        subjects = _verb_subjects(token, self.ctx)
                        if not subjects and any(c.dep_ == "auxpass" for c in token.children):
                            # "Labour cannot be trusted on crime, he said": the speaker refuses
                            speaker, _ = reported_by(token, self.ctx)
                            subjects = [_Arg(speaker, False)] if speaker else []
                        if not subjects and any(c.dep_ == "nsubj" and c.lower_ in ("you", "one") for c in token.children):
                            # "I don't think you can rely on X": the speaker of the generic "you"
                            speaker, _ = reported_by(token, self.ctx)
                            subjects = [_Arg(speaker, False)] if speaker else []
                        self.emit(rule, subjects, _verb_objects(token, rule, self.ctx), token, check_negation=False, hedged=False if firm else None)
                    continue
                if rule.form == "rebut":
                    self.emit(rule, _verb_subjects(token, self.ctx), _defended(token, rule, self.ctx), token)
                    continue
                subjects, objects = _verb_subjects(token, self.ctx), _verb_objects(token, rule, self.ctx)
                if rule.inverse:
                    subjects, objects = objects, subjects  # "the Trust hired X": X is the member
                verbal = self._aimed_at_conduct(rule, token, objects, ("dobj",))
                if verbal and rule.force:
                    continue  # "ministers attacked Lib Dem plans": words, even from a government
                self.emit(rule, subjects, [self._government_for(a) for a in objects] if verbal else objects, token, verbal=verbal)

    def adjectives(self) -> None:
        """"X has been critical of Y", "X, long opposed to Y", "X is loyal to Y"."""
        triggers = self.ctx.lex.triggers("adjective")
        for token in self.doc:
            # "appalled", "dismayed": participles the tagger may call verbs
            if token.pos_ != "ADJ" and not (token.pos_ == "VERB" and token.lower_ in triggers):
                continue
            for rule in dict.fromkeys(triggers.get(token.lemma_.lower(), ()) + triggers.get(token.lower_, ())):
                objects = _prep_args(token, rule.preps, self.ctx, owner=True)
                if not objects and "by" in rule.preps:
                    # "X was appalled by Y's decision" parsed as a passive
                    objects = [a for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj" for a in self.ctx.args(o) or _owner(o, self.ctx)]
                if not objects:
                    # "X was angry that Y had lied": whom the clause is about
                    for clause in (c for c in token.children if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
                        objects += [a for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for a in self.ctx.args(c) or _owner(c, self.ctx)]
                subjects: list[_Arg] = []
                head = token.head
                if token.dep_ in ("acomp", "oprd", "xcomp"):
                    subjects = _verb_subjects(head, self.ctx)
                    if not subjects and head.dep_ == "relcl":
                        subjects = [_Arg(a.key, False) for a in self.ctx.args(head.head)]
                elif token.dep_ in ("amod", "appos", "acl"):
                    subjects = [_Arg(a.key, False) for a in self.ctx.args(head)]
                elif token.pos_ == "VERB" or token.dep_ == "conj":
                    holder = token
                    while holder.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in holder.children):
                        holder = holder.head  # "she was shocked at ... and appalled that ..."
                    subjects = [a for c in holder.children if c.dep_ in ("nsubj", "nsubjpass") for a in self.ctx.args(c)]
                self.emit(rule, subjects, objects, token)
                break

    def nouns(self) -> None:
        triggers = self.ctx.lex.triggers("noun")
        for token in self.doc:
            if token.pos_ not in ("NOUN", "PROPN") and token.dep_ != "dobj":  # an object is a noun whatever its tag ("poured scorn")
                continue
            for rule in triggers.get(token.lemma_.lower(), ()):
                if rule.predicate == "kills" and _attempted(token):
                    continue  # "the attempted murder of Y", "an assassination attempt on Y"
                alleged = False
                owners = [a for c in token.children if c.dep_ == "poss" for a in self.ctx.args(c)]
                # "X's assassination of Y": with an "of" object the possessor did it ("her murder": it happened to her)
                doer = rule.possessor == "subject" or bool(_prep_args(token, rule.preps, self.ctx))
                subjects = owners if doer else []
                subjects += _prep_args(token, ("by",), self.ctx)
                if not subjects and token.dep_ == "dobj" and token.head.lemma_.lower() in _LIGHT_VERBS:
                    subjects = [_Arg(a.key, False) for a in _verb_subjects(token.head, self.ctx)]
                if not subjects and token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.pos_ == "VERB":
                    # "X opened the forum with an attack on Y"
                    subjects = [_Arg(a.key, False) for a in _verb_subjects(token.head.head, self.ctx)]
                if not subjects:
                    # "criticism from X"
                    subjects = _prep_args(token, ("from",), self.ctx)
                if not subjects and token.dep_ == "pobj" and token.head.lower_ == "to":
                    # "X pleaded guilty to the murder of Y", "X confessed to the killing of Y"
                    holder = token.head.head
                    if holder.pos_ == "ADJ" and holder.lower_ in _CULPABLE:
                        holder = holder.head
                    if holder.lemma_.lower() in ("plead", "confess", "admit", "own"):
                        subjects = [_Arg(a.key, False) for a in _verb_subjects(holder, self.ctx)]
                if not subjects:
                    # "X was convicted of Y's killing", "X is serving a sentence for the murder of Y"
                    subjects, alleged = _culprits(token, self.ctx)
                if not subjects and token.dep_ == "dobj" and token.head.lemma_.lower() in _ORDERING_VERBS:
                    subjects = [_Arg(a.key, False) for a in _verb_subjects(token.head, self.ctx)]  # "X ordered the killing of Y"
                holders = [token]
                if token.dep_ == "dobj" and token.head.lemma_.lower() in _LIGHT_VERBS:
                    holders.append(token.head)  # "voiced misgivings [about Y]" with the phrase on the verb
                for holder in holders:
                    objects = _prep_args(holder, rule.preps, self.ctx, owner=not rule.targets)
                    if not objects and rule.possessor == "object" and holder is token and not doer:
                        objects = owners  # "her murder", "his arrest": the one it happened to
                    if not objects and rule.possessor == "object" and holder is token:
                        # "the Kennedy slaying": a person named as a modifier is the one it happened to
                        objects = [a for c in token.children if c.dep_ == "compound" for a in self.ctx.args(c) if self.ctx.type_of(a.key) == "Person"]
                    if not objects and rule.predicate == "kills" and subjects:
                        # "X was convicted of murder in the death of Y"
                        objects = [a for c in holder.children if c.dep_ == "prep" and c.lower_ == "in"
                                   for d in c.children if d.dep_ == "pobj" and d.lemma_.lower() == "death"
                                   for a in _prep_args(d, ("of",), self.ctx)]
                    if not objects and rule.targets:
                        # with `targets`, only those belongings stand for their owner ("misgivings about Y's plans")
                        objects = [
                            _Arg(a.key, False)
                            for c in holder.children
                            if c.dep_ in ("prep", "dative") and c.lower_ in rule.preps
                            for o in c.children
                            if o.dep_ == "pobj" and (o.lemma_.lower() in rule.targets or o.lower_ in rule.targets)
                            for a in _owner(o, self.ctx)
                        ]
                    if objects:
                        break
                if not objects and rule.form == "that":
                    # "complaints from MPs that X had taken too long", "a complaint from the Lib Dems about how
                    # Labour uses its call centres": the subject of what is complained of
                    clauses = [c for c in token.children if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
                    clauses += [v for c in token.children if c.dep_ == "prep" and c.lower_ in rule.preps for v in c.children if v.dep_ == "pcomp" and v.pos_ in ("VERB", "AUX")]
                    # a named subject only: a pronoun there is too often the complainer ("his allegations that he gave her drugs")
                    objects = [_Arg(a.key, False) for c in clauses for n in c.children if n.dep_ in ("nsubj", "nsubjpass") and n.pos_ != "PRON" for a in self.ctx.args(n)]
                if not objects:
                    # "Y faced criticism from X", "Y came under attack from X"
                    verb = token.head.head if token.dep_ == "pobj" else token.head
                    if token.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in _RECEIVING_VERBS:
                        objects = [_Arg(a.key, False) for a in _verb_subjects(verb, self.ctx)]
                if rule.mutual:
                    between = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "between" for o in c.children if o.dep_ == "pobj"]
                    sides = self.ctx.args(between[0]) if between else []
                    if len(sides) >= 2:
                        subjects, objects = sides[:1], sides[1:]  # "the row between X and Y"
                    elif objects and not subjects:
                        # "X is locked in a dispute with Y", "X spoke amid rumours of a rift with Y": the clause's subject
                        holder = token
                        while holder.dep_ in ("pobj", "prep") and holder.head.i != holder.i:
                            holder = holder.head
                        if holder.pos_ in ("VERB", "AUX"):
                            subjects = [_Arg(a.key, False) for a in _verb_subjects(holder, self.ctx)]
                    self.emit(rule, objects, subjects, token)  # and Y with X
                verbal = self._aimed_at_conduct(rule, token, objects, rule.preps)
                if verbal and rule.force:
                    continue  # "an attack on the cost of Britain's asylum system": words, never force
                self.emit(rule, subjects, [self._government_for(a) for a in objects] if verbal else objects, token, hedged=True if alleged else None, verbal=verbal)

    def _aimed_at_conduct(self, rule: Rule, token: Token, objects: list[_Arg], preps) -> bool:
        """Whether an attack-like rule's objects are all owners of what the token's object names, a
        plan, record or system ("attacked Lib Dem plans"): then it is words, and a country stands for
        its government (its physical reading would make the country the target)."""
        return rule.force is not None and bool(objects) and {o.key for o in objects} <= _conduct_owners(token, preps, self.ctx)

    def _government_for(self, arg: _Arg) -> _Arg:
        """A country stands for its government when what it does is judged ("Britain's asylum system")."""
        actor = self.ctx.actors.actors.get(arg.key)
        if actor is None or self.ctx.type_of(arg.key) != "Location" or not actor.country_code:
            return arg
        return _Arg(self._government_of(actor.country_code), False)

    def claims(self) -> None:
        for rule in self.ctx.lex.by_pattern("claim"):
            if rule.form == "about":
                self._claims_about(rule)
                continue
            if rule.form in ("demand", "label"):
                continue
            for token in self.doc:
                if token.lemma_.lower() not in rule.lemmas or token.pos_ not in ("VERB", "AUX"):
                    continue
                speakers = self._said_by(token)
                if not speakers:
                    continue
                for clause in _clauses(token):
                    for part in [clause, *(c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]:
                        other_parts = {t.i for c in part.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
                        cue = _clause_cue(part, other_parts, rule.cues)
                        own_negation = any(c.dep_ == "neg" for c in part.children)
                        if cue and is_negated(part, self.ctx.lex):
                            continue
                        if not cue and rule.polarity:
                            # "X said Y's plans were inadequate", "X said Y is not wise": VADER-rated words;
                            # the clause's own "not" flips them, a denial or condition above it cancels
                            denied = is_negated(part, self.ctx.lex) and not own_negation
                            cue = not denied and _judged(part, other_parts, rule.polarity)
                        if not cue:
                            if rule.polarity == "negative" and not is_negated(part, self.ctx.lex) and not own_negation:
                                # "X says the plan offers a return to a failed Tory past": a damning word on what Y owns
                                marked = [a for a in _condemned_owners(part, other_parts, rule.targets, self.ctx) if a.key not in {s.key for s in speakers}]
                                self.emit(rule, speakers, marked, token, speaker=speakers[0].key, reported=True)
                            continue
                        subjects_of = [c for c in part.children if c.dep_ in ("nsubj", "nsubjpass")] or [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                        accused = [a for c in subjects_of for a in self.ctx.args(c) or _owner(c, self.ctx)]
                        self.emit(rule, speakers, accused, token, speaker=speakers[0].key, reported=True)

    def _said_by(self, verb: Token) -> list[_Arg]:
        """Who says it: the reporting verb's subject; when the parser gave it none ("Welcoming the ruling,
        Ann Kray, chief executive of X, said ..."), a named speaker hung on the verb before it."""
        found = [a for c in verb.children if c.dep_ == "nsubj" for a in self.ctx.args(c)]
        if found or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            return found
        hung = [c for c in verb.children] + [g for c in verb.children if c.dep_ in ("csubj", "advcl") for g in c.children]
        return [
            _Arg(key)
            for c in hung
            if c.dep_ in ("npadvmod", "dep", "appos") and c.i < verb.i and (key := self.ctx.actors.actor_at(c.i)) and self.ctx.type_of(key) in ("Person", "Organization", "Group")
        ][:1]

    def _claims_about(self, rule: Rule) -> None:
        """"X said Labour's plans showed Y was terrified of scrutiny": a clause in a sour tone about its subject.

        The weakest reading of reported speech: no word of the clause need be a verdict on its
        subject, but the clause as a whole is clearly negative (a VADER-rated word of -1.9 or
        less, none of +1.5 or more), and the actor criticised is a subject (or its owner, or a
        "by" agent) on the way from a damning word up to the clause's verb. A positive twin was
        tried and left out: too many of its audit triples were wrong.
        """
        said: list[tuple[Token, list[_Arg], list[Token]]] = []
        for token in self.doc:
            if token.lemma_.lower() not in rule.lemmas or token.pos_ not in ("VERB", "AUX") or is_negated(token, self.ctx.lex):
                continue
            speakers = self._said_by(token)
            if speakers:
                # '... said: "A is so, and it is troubling that B ..."': the parser may hang the quote's second
                # clause on the reporting verb
                quoted = _quoted(token.sent)
                more = [c for c in token.children if c.dep_ == "conj" and c.i in quoted and c.pos_ in ("VERB", "AUX")]
                said.append((token, speakers, _clauses(token) + more))
        for sent in self.doc.sents:
            speaker = self.ctx.quote_speaker(sent)  # a quotation sentence whose speaker is named before or after
            if speaker is not None:
                said.append((sent.root, [_Arg(speaker, False)], [sent.root]))
        acts = {t for r in self.ctx.lex.by_pattern("claim") for t in r.targets}  # what an actor does or makes
        for token, speakers, clauses in said:
            for clause in clauses:
                if is_negated(clause, self.ctx.lex) or _conditional(clause):
                    continue
                rated = [(t, v) for t in clause.subtree if t.pos_ != "ADV" and not any(c.dep_ == "neg" for c in t.children) and (v := valence(t))]
                if not rated or any(c.dep_ == "neg" for c in clause.children) or min(v for _, v in rated) > -1.9 or max(v for _, v in rated) >= 1.5:
                    continue
                # who the clause is about: the subjects (or their owners, or "by" agents) of the verbs on the
                # way from each damning word up to the clause's verb ("his comments were offensive ... even if
                # Mr Blair asked": the comments, not Mr Blair)
                inside = {t.i for t in clause.subtree}
                targets: list[_Arg] = []
                for word in (t for t, v in rated if v <= -1.9):
                    path = [word] + [a for a in word.ancestors if a.i in inside]  # up to the clause's verb
                    for verb in path:
                        if any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children):
                            # "it was troubling that the government sought to deny entry": the clause "it" stands for
                            path += [c for c in verb.children if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
                        for c in verb.children:
                            if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON":
                                # or its owner: "Y's decision"; "the House of Lords decision" (a name before a plan
                                # noun, not "the terrible Labour defeat": what befell Labour)
                                owning = ("poss", "nmod", "compound") if c.lemma_.lower() in acts else ("poss",)
                                targets += self.ctx.args(c) or [a for g in c.children if g.dep_ in owning and g.i < c.i for a in self.ctx.args(g)]
                            elif c.dep_ == "agent":
                                targets += [a for o in c.children if o.dep_ == "pobj" for a in self.ctx.args(o)]
                speaker_keys = {a.key for a in speakers}
                targets = [_Arg(a.key, False) for a in targets if a.key not in speaker_keys]
                self.emit(rule, speakers, targets, token, speaker=speakers[0].key, reported=True)

    def headline_claim(self) -> None:
        """"Lords wrong on detainees - Straw": a headline that ends with a dash and a name is that
        actor's claim; a clearly negative claim about another actor named in it is criticism."""
        end = self.document.headline_end
        if not end:
            return
        head = [t for t in self.doc if t.idx < end and not t.is_space]
        dash = next((k for k in range(len(head) - 1, 0, -1) if head[k].text in ("-", "–", "—")), None)
        if dash is None or dash == len(head) - 1:
            return
        tail = head[dash + 1 :]
        if any(not (t.text[:1].isupper() or t.is_punct) for t in tail):
            return  # the tail is a name ("- Straw"), not "Tevez - an Argentine in Brazil"
        speaker = next((self.ctx.actors.actor_at(t.i) for t in tail if self.ctx.actors.actor_at(t.i)), None)
        if speaker is None:
            # a headline names people by surname: the one actor of the article that the tail names
            name = " ".join(t.text for t in tail if not t.is_punct)
            named = [k for k, a in self.ctx.actors.actors.items() if a.type in ("Person", "Organization", "Group") and (a.label == name or a.label.split()[-1] == name or name in a.aliases)]
            speaker = named[0] if len(named) == 1 else None
        if speaker is None:
            return
        claim = head[:dash]
        scores = [v for t in claim if (v := valence(t))]
        if not scores or min(scores) > -1.3 or max(scores) >= 1.5 or any(t.lower_ in ("not", "no", "never") for t in claim):
            return
        targets = [_Arg(k, False) for k in dict.fromkeys(self.ctx.actors.actor_at(t.i) for t in claim) if k and k != speaker]
        rule = next((r for r in self.ctx.lex.by_pattern("claim") if r.form == "about"), None)
        if rule is not None:
            self.emit(rule, [_Arg(speaker)], targets, claim[0], speaker=speaker, reported=True, check_negation=False)

    def quotations(self) -> None:
        """Judgements inside a quotation whose speaker is named in the sentence before or after."""
        rules = [r for r in self.ctx.lex.by_pattern("claim") if r.form is None and r.polarity]
        for sent in self.doc.sents:
            speaker = self.ctx.quote_speaker(sent)
            if speaker is None:
                continue
            root = sent.root
            for part in [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]:
                if _conditional(part):
                    continue
                other_parts = {t.i for c in part.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
                subjects = [c for c in part.children if c.dep_ in ("nsubj", "nsubjpass")]
                # only named actors (or what they own): a pronoun inside a quotation is too uncertain
                accused = [a for c in subjects for a in (self.ctx.args(c) if c.pos_ != "PRON" else []) or _owner(c, self.ctx)]
                accused = [a for a in accused if a.key != speaker and (a.direct or not subjects[0].pos_ == "PRON")]
                if not accused:
                    continue
                for rule in rules:
                    cue = _clause_cue(part, other_parts, rule.cues)
                    own_negation = any(c.dep_ == "neg" for c in part.children)
                    if cue and own_negation:
                        continue
                    if cue or _judged(part, other_parts, rule.polarity):
                        self.emit(rule, [_Arg(speaker, False)], accused, part, speaker=speaker, reported=True, check_negation=False)
                        break

    def labels(self) -> None:
        """"X called Y a disappointment", "X described Y as arrogant": the complement is the verdict on Y."""
        for rule in self.ctx.lex.by_pattern("claim"):
            if rule.form != "label":
                continue
            for token in self.doc:
                if token.lemma_.lower() not in rule.lemmas or token.pos_ != "VERB" or is_negated(token, self.ctx.lex):
                    continue
                speakers = self._said_by(token)
                objects = [c for c in token.children if c.dep_ == "dobj"]
                # "called Y a disgrace"; "dubbed Y's proposals an abuse of power": a verdict on an actor's conduct is one on the actor
                targets = [a for c in objects for a in (self.ctx.args(c) or (_own_owner(c, self.ctx, 1) if c.lemma_.lower() in _CONDUCT else []))]
                complements = [c for c in token.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")]
                complements += [g for c in objects for g in c.children if g.dep_ == "appos"]  # the parser's "Y's plans, a shambles"
                complements += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "as" for o in c.children if o.dep_ in ("pobj", "amod", "acomp")]
                words = [w for c in complements for w in (c, *(g for g in c.children if g.dep_ in ("amod", "conj", "compound")))]
                scores = [3.0 if (w.lower_ in rule.cues or w.lemma_.lower() in rule.cues) else valence(w, nouns=True) for w in words]
                if rule.polarity == "negative":
                    verdict = any(v <= -1.3 for v in scores) and not any(v >= 1.8 for v in scores if v != 3.0)
                    verdict = verdict or any(w.lower_ in rule.cues or w.lemma_.lower() in rule.cues for w in words)
                else:
                    verdict = any(v >= 1.8 for v in scores) and not any(v <= -1.3 for v in scores)
                if verdict:
                    self.emit(rule, speakers, targets, token, speaker=speakers[0].key if speakers else None, reported=True)

    def demands(self) -> None:
        """"X said Y should apologise", "X says it is time for Y to resign": a demand on Y is criticism of Y."""
        for rule in self.ctx.lex.by_pattern("claim"):
            if rule.form != "demand":
                continue
            for token in self.doc:
                if token.lemma_.lower() not in rule.lemmas or token.pos_ not in ("VERB", "AUX") or is_negated(token, self.ctx.lex):
                    continue
                speakers = self._said_by(token)
                if not speakers:
                    continue
                for clause in _clauses(token):
                    for verb in clause.subtree:
                        if verb.pos_ not in ("VERB", "AUX") or not any(_matches_lemma(verb, cue) for cue in rule.cues):
                            continue
                        modal = any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in verb.children)
                        time_for = verb.dep_ in ("relcl", "acl") and verb.head.lemma_.lower() in ("time", "right")
                        if not (modal or time_for) or any(c.dep_ == "neg" for c in verb.children) or _conditional(verb):
                            continue
                        accused = [a for c in verb.children if c.dep_ == "nsubj" for a in self.ctx.args(c)]
                        self.emit(rule, speakers, accused, token, speaker=speakers[0].key, reported=True, check_negation=False)

    def judgements(self) -> None:
        rules = self.ctx.lex.by_pattern("judgement")
        for sent in self.doc.sents:
            # the cues of each rule, unless negated ("not important"); mixed verdicts give nothing
            words = {
                w
                for t in sent
                if not any(c.dep_ == "neg" for c in t.children) and not (t.i > sent.start and self.doc[t.i - 1].lower_ in ("not", "n't", "never"))
                for w in (t.lower_, t.lemma_.lower())
            }
            fired = [rule for rule in rules if words & rule.cues]
            if len({rule.predicate for rule in fired}) != 1:
                continue
            for rule in fired:
                for token in sent:
                    if token.lemma_.lower() not in rule.lemmas or token.pos_ not in ("VERB",):
                        continue
                    speakers = self._said_by(token)
                    speakers = [a for a in speakers if self.ctx.type_of(a.key) in ("Person", "Organization", "Group")]
                    targets = []
                    for t in sent:
                        if t.dep_ == "poss" and t.head.lemma_.lower() in rule.targets:
                            targets += self.ctx.args(t)
                    if speakers and targets:
                        self.emit(rule, speakers, targets, token, speaker=speakers[0].key, reported=True)

    def roles(self) -> None:
        from ..entities.lexicon import load_entity_lexicon

        elex = load_entity_lexicon()
        rules = {r.form: r for r in self.ctx.lex.by_pattern("role")}
        for token in self.doc:
            person = self.ctx.actors.actor_at(token.i)
            if not person or self.ctx.type_of(person) != "Person":
                continue
            if token.i + 1 < len(self.doc) and self.ctx.actors.actor_at(token.i + 1) == person:
                continue  # use the last token of the mention (its head)
            role_tokens = [c for c in token.children if c.dep_ == "appos"]
            # "Ann Kray, D-Mich., chairman of Y": the role hangs on the party-and-state designation
            role_tokens += [g for c in role_tokens if _designation(c) for g in c.children if g.dep_ == "appos"]
            if token.dep_ == "appos":
                role_tokens.append(token.head)
            # "director of the Trust, Jane Roe, said": a misparsed apposition
            role_tokens += [t for t in token.sent if t.i < token.i and self.ctx.appositive_name(t) == person and t not in role_tokens]
            role_tokens += [
                c
                for c in token.children
                if c.dep_ in ("compound", "nmod")
                and c.i < token.i
                # "the Lib Dems' President X": a style the name's span took in is still a role
                and (not self.ctx.actors.actor_at(c.i) or (self.ctx.actors.actor_at(c.i) == person and c.lower_.rstrip(".") in _NAME_STYLES))
            ]
            self._house(token, person, role_tokens, rules, elex)
            for role_token in role_tokens:
                role = _role_word(role_token, elex)
                if role is None:
                    continue
                form = _role_form(role, self.doc, role_token.i, elex)
                rule = rules.get(form)
                if rule is None:
                    continue
                orgs = self._role_orgs(role_token, person)
                allowed = ("Organization", "Group", "Location") if form == "leads" else ("Organization", "Group")
                orgs = [o for o in orgs if self.ctx.type_of(o.key) in allowed and not self._brief(o.key, role_token, elex) and not self._shadowed(o.key, role_token.i)]
                if role not in elex.place_heads:
                    orgs = [o for o in orgs if not self._scope(o.key)]  # "Yahoo's head of consumer services in the UK"
                orgs = list({o.key: o for o in reversed(orgs)}.values())[::-1]  # one per organisation, first kept
                unit = any(
                    c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.pos_ == "NOUN" and not self.ctx.args(o) for o in c.children)
                    for c in role_token.children
                )
                if orgs and form == "leads" and (orgs[0].owner or unit) and rules.get("member"):
                    # "head of the ICC's anti-corruption unit", "Yahoo's head of consumer services": a member, not the head
                    rule = rules["member"]
                if orgs:
                    self.emit(rule, [_Arg(person)], orgs[:1], role_token, check_negation=False, reported=False)
                    self._leader_lives_in(person, orgs[:1], role_token)
                    if len(orgs) > 1 and rules.get("member"):
                        self.emit(rules["member"], [_Arg(person)], orgs[1:2], role_token, base=rules["member"].confidence * 0.9, check_negation=False, reported=False)
            self._role_of_organisation_before(token, person, rules, elex)

    def _house(self, token: Token, person: str, role_tokens: list[Token], rules: dict, elex) -> None:
        """"X, an MEP for the East Midlands", "MEP X" (the title often inside the name's span): a member of the
        assembly the title names, when the article names it."""
        if not elex.houses or rules.get("house") is None:
            return
        start = token.i
        while start > 0 and self.ctx.actors.actor_at(start - 1) == person:
            start -= 1
        for title in [*self.doc[start : token.i], *role_tokens]:
            house = self._named_organisation(elex.houses[title.lower_]) if title.lower_ in elex.houses else None
            if house:
                self.emit(rules["house"], [_Arg(person)], [_Arg(house, False)], title, check_negation=False, reported=False)
                return

    def _named_organisation(self, label: str) -> str | None:
        """The organisation of the document with this label, if the article names it."""
        return next((k for k, a in sorted(self.ctx.actors.actors.items()) if a.label == label and a.type == "Organization"), None)

    def _scope(self, key: str) -> bool:
        """Whether an actor is a country or a region: before or after a business or military lead role
        it says where the role is held ("UK chief executive X", "head of services in the UK"), and only a
        head of state, government or town (`place_heads`) leads it. A town may be a club or a firm the
        tagger took for a place ("Liverpool manager X")."""
        from ..entities.link import load_gazetteer

        actor = self.ctx.actors.actors.get(key)
        if actor is None or actor.type != "Location":
            return False
        return bool(actor.country_code) or load_gazetteer().region(actor.label) is not None

    def _shadowed(self, org: str, role: int) -> bool:
        """Whether the organisation named just before the role at ``role`` follows "shadow": "Shadow Treasury
        chief secretary X" shadows the department for the opposition, and is no member of it."""
        for i in range(role - 1, max(role - 6, -1), -1):
            if self.ctx.actors.actor_at(i) == org:
                while i > 0 and self.ctx.actors.actor_at(i - 1) == org:
                    i -= 1
                return i > 0 and self.doc[i - 1].lower_ == "shadow"
        return False

    def _role_of_organisation_before(self, token: Token, person: str, rules: dict, elex) -> None:
        """"the co-chairman of the Conservative Party, Liam Fox, ...": read from the words, whatever
        the parse (which a hyphenated role or a clause around it often breaks)."""
        doc = self.doc
        start = token.i
        while start > 0 and self.ctx.actors.actor_at(start - 1) == person:
            start -= 1
        if start < 4 or doc[start - 1].text != "," or token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
            return  # ", NAME ," an apposition closed on both sides (not a list "of Labour, X and Y")
        org = self.ctx.actors.actor_at(start - 2)
        if not org or org == person or self.ctx.type_of(org) not in ("Organization", "Group"):
            return
        j = start - 2
        while j > 0 and self.ctx.actors.actor_at(j - 1) == org:
            j -= 1
        j -= 1
        if j > 0 and doc[j].lower_ == "the":
            j -= 1
        if j < 1 or doc[j].lower_ != "of":
            return
        role = _role_at(doc, j - 1, elex)
        if role is None or self.ctx.actors.actor_at(j - 1):
            return
        form = _role_form(role, doc, j - 1, elex)
        if rules.get(form):
            k = _before_role(j - 1, role)
            before = {t.lower_ for t in doc[max(k - 1, 0) : k + 1]}
            # "the ex-president of Bank of China, X": held once, or to be ("the incoming president"), less surely
            base = rules[form].confidence * (0.6 if before & (_PAST_OFFICE | _FUTURE_OFFICE) else 1.0)
            self.emit(rules[form], [_Arg(person)], [_Arg(org)], doc[j - 1], base=base, check_negation=False, reported=False)

    def government_titles(self) -> None:
        """"Home Secretary Charles Clarke": a member of the government of the article's country."""
        from ..entities.lexicon import load_entity_lexicon

        elex = load_entity_lexicon()
        rules = {r.form: r for r in self.ctx.lex.by_pattern("role")}
        doc = self.doc
        for start, person in self._mention_starts("Person"):
            country = self._article_country()
            i = start
            while i < len(doc) and self.ctx.actors.actor_at(i) == person and doc[i].lower_ in elex.person_titles | elex.roles:
                i += 1
            j = start - 1
            # the title may sit inside the mention ("Prime Minister Tony Blair") or just before it
            title_tokens = [t.lower_ for t in doc[start:i] if t.lower_ not in _STYLES]
            while j >= 0 and not title_tokens and doc[j].lower_ in _STYLES and not doc[j + 1].is_sent_start:
                j -= 1  # "Deputy Prime Minister Mr Prescott": the style stands between the office and the name
            if j >= 1 and not title_tokens and doc[j].text == "," and self._apposed(start, j - 1):
                j -= 1  # "The Higher Education Minister, Kim Howells, said"
            while (
                j >= 0 and len(title_tokens) < 4 and doc[j].lower_ not in ("mr", "mrs", "ms", "dr", "the", ",") and not doc[j].is_punct and not doc[j].is_space
                and not doc[j + 1].is_sent_start and (doc[j].pos_ not in ("VERB", "AUX") or doc[j].lower_ in elex.portfolio_words)  # "backed Chancellor X"; "shadow" may be tagged a verb
            ):
                if self.ctx.actors.actor_at(j):
                    break
                title_tokens.insert(0, doc[j].lower_)
                j -= 1
            # an actor right before the title owns it ("Tory leader X"): the role patterns read that;
            # a country there says whose government it is ("UK Foreign Secretary X")
            owned = j >= 0 and len(title_tokens) < 4 and bool(self.ctx.actors.actor_at(j))
            named_country = None
            if owned and (owner := self.ctx.actors.actors.get(self.ctx.actors.actor_at(j))) and owner.type == "Location" and owner.country_code and _is_country(owner.label):
                owned, named_country = False, owner.country_code
            past = bool(_PAST_OFFICE & set(title_tokens))
            if j >= 1 and doc[j].text == "-" and doc[j - 1].lower_ in _PAST_OFFICE:
                past, owned = True, False  # "Ex-Home Secretary X": held the office once
                j -= 1
            if not title_tokens or "shadow" in title_tokens or owned:
                continue
            qualifier = next((elex.demonyms.get(w) for w in title_tokens if elex.demonyms.get(w)), named_country)
            # "South African president X": a nationality the lexicon cannot place is not the article's country
            foreign = [t for t in doc[j + 1 : start] if t.text[:1].isupper() and t.lower_ not in elex.person_titles | elex.roles | elex.government_leads | elex.government_members | elex.portfolio_words]
            if qualifier is None and any(t.ent_type_ in ("NORP", "GPE") or t.lower_ in elex.demonyms for t in foreign):
                continue
            office = self._government_office(title_tokens, qualifier, country, rules, elex)
            if office is not None:
                form, country = office
                if named_country and form == "leads" and doc[j + 1].tag_ != "POS":
                    continue  # "US President X": the role patterns make X the head of the country named
                key = self._government_of(country)
                # a past office ("former foreign secretary X") is still a fact about X, held less surely
                base = rules[form].confidence * (0.6 if past else 0.8)
                self.emit(rules[form], [_Arg(person)], [_Arg(key, False)], doc[max(j + 1, 0)], base=base, check_negation=False, reported=False)

    def described_offices(self) -> None:
        """"Gordon Brown delivered his Budget. The chancellor told MPs ...": an office that names a person
        (a description the actor resolver linked to them) makes them part of that government too."""
        from ..entities.lexicon import load_entity_lexicon

        elex = load_entity_lexicon()
        rules = {r.form: r for r in self.ctx.lex.by_pattern("role")}
        main = self._article_country()
        done: set[str] = set()
        described = sorted(self.ctx.actors.described)
        for n, i in enumerate(described):
            if n + 1 < len(described) and described[n + 1] == i + 1 and self.ctx.actors.actor_at(i + 1) == self.ctx.actors.actor_at(i):
                continue  # the last word of the description
            person = self.ctx.actors.actor_at(i)
            if person in done or self.ctx.type_of(person) != "Person":
                continue
            start = i
            while start - 1 in self.ctx.actors.described and self.ctx.actors.actor_at(start - 1) == person:
                start -= 1
            words = [t.lower_ for t in self.doc[start : i + 1]]
            if "shadow" in words or _PAST_OFFICE & set(words):
                continue
            qualifier = next((elex.demonyms.get(w) for w in words if elex.demonyms.get(w)), None)
            office = self._government_office(words, qualifier, main, rules, elex)
            if office is not None:
                form, country = office
                done.add(person)
                self.emit(rules[form], [_Arg(person, False)], [_Arg(self._government_of(country), False)], self.doc[i], base=rules[form].confidence * 0.7, check_negation=False, reported=False)

    def described_roles(self) -> None:
        """"Mr Johnson said ... The Spectator editor told the programme ...": a description the actor
        resolver linked to a person, with an organisation before its role word, gives the person that
        role in the organisation, as "Spectator editor Boris Johnson" would."""
        from ..entities.lexicon import load_entity_lexicon

        elex = load_entity_lexicon()
        rules = {r.form: r for r in self.ctx.lex.by_pattern("role")}
        doc = self.doc
        for i in sorted(self.ctx.actors.described):
            person = self.ctx.actors.actor_at(i)
            role = _role_at(doc, i, elex)
            if role is None or self.ctx.type_of(person) != "Person":
                continue
            k = _before_role(i, role)
            steps = 0
            while k >= 0 and steps < 3 and k in self.ctx.actors.described and self.ctx.actors.actor_at(k) == person and doc[k].lower_ in elex.portfolio_words:
                k -= 1  # "the Tory home affairs spokesman": the brief between party and role
                steps += 1
            org = self.ctx.actors.actor_at(k) if k >= 0 else None
            if org is None or org == person or self.ctx.type_of(org) not in ("Organization", "Group"):
                continue
            form = _role_form(role, doc, i, elex)
            if rules.get(form):
                self.emit(rules[form], [_Arg(person, False)], [_Arg(org)], doc[i], base=rules[form].confidence * 0.85, check_negation=False, reported=False)

    def _article_country(self) -> str | None:
        """The country the article is about, when at least half of its place evidence points there."""
        return self.ctx.actors.country if self.ctx.actors.country_weight >= 0.5 else None

    def _government_office(self, words: list[str], qualifier: str | None, main: str | None, rules: dict, elex) -> tuple[str, str] | None:
        """("leads" or "member", ISO code) for the longest government office ``words`` end with, or None.

        The country is the nationality in the words, else the one country that has the office
        ("Foreign Secretary X" is British in a story about Indonesia), else ``main``.
        """
        own = next((elex.titles_own[p] for n in range(len(words)) if (p := " ".join(words[n:])) in elex.titles_own), None)
        if own is None and any(w in elex.regional_qualifiers or " ".join(words[n : n + 2]) in elex.regional_qualifiers for n, w in enumerate(words)):
            return None  # "Welsh Health Minister X": a devolved government's office, not the country's
        country = qualifier or own or main
        if not country:
            return None
        heads = elex.government_leads | elex.titles_heads.get(country, frozenset())  # "German Chancellor X" leads
        for n in range(len(words)):
            phrase = " ".join(words[n:])
            if phrase in elex.titles_regional:
                return None  # "First Minister X" heads a region's government
            form = "leads" if phrase in heads else "member" if phrase in elex.government_members else None
            if form is None or rules.get(form) is None:
                continue
            if qualifier is None and phrase in elex.titles_absent.get(country, frozenset()):
                return None  # "President X" in a British story: Britain has no president, so X is someone else's
            if qualifier is None and form == "leads" and self.ctx.actors.country_evidence < 1.5:
                # foreign leaders are named in passing: the head of the article's country needs a country
                # named more than once ("President X ... a Marine in Lebanon" does not make X Lebanon's)
                return None
            return form, country
        return None

    def _local_to_national(self, subject: str, place: str) -> bool:
        """Whether ``place`` is a town of the country whose government ``subject`` is, other than its capital:
        "unitary authorities at Bristol" are local bodies, not the British government in Bristol
        ("officials in Dushanbe" do stand for Tajikistan's government)."""
        from ..entities.link import load_gazetteer

        actor, where = self.ctx.actors.actors.get(subject), self.ctx.actors.actors.get(place)
        if actor is None or where is None or not actor.collective or not actor.label.startswith("Government") or not actor.nationality:
            return False
        gaz = load_gazetteer()
        if gaz.capital_country(where.label) == actor.nationality or gaz.country(where.label):
            return False
        region = gaz.region(where.label)
        return any(t.country_code == actor.nationality for t in gaz.cities(where.label)) or (region is not None and region.country_code == actor.nationality) or where.parent == actor.nationality

    def _government_of(self, country: str) -> str:
        """The key of the "Government of <country>" actor, made when the article has none yet."""
        from ..entities.link import load_gazetteer
        from ..entities.resolve import government_aliases, government_label, slugify
        from ..model import Actor

        label = government_label(load_gazetteer().country_by_code(country))
        key = slugify(label)
        if key not in self.ctx.actors.actors:
            self.ctx.actors.actors[key] = Actor(
                key=key, label=label, type="Organization", aliases=set(government_aliases(country)), documents={self.document.id}, collective=True, nationality=country
            )
            self.ctx.types[key] = "Organization"
        return key

    def _office_held(self, token: Token, subjects: list[_Arg], rules: dict, elex) -> None:
        """"X served as home secretary", "X was appointed chancellor": a government office with no body named."""
        words = [t for t in token.lefts if t.dep_ in ("compound", "amod")] + [token]
        lowered = [t.lower_ for t in words]
        if {"shadow", "former", "ex", "then", "acting"} & set(lowered):
            return
        qualifier = next((elex.demonyms.get(w) for w in lowered if elex.demonyms.get(w)), None)
        office = self._government_office(lowered, qualifier, self._article_country(), rules, elex)
        if office is not None:
            form, country = office
            self.emit(rules[form], subjects, [_Arg(self._government_of(country), False)], token, base=rules[form].confidence * 0.8, reported=False)

    def copular_roles(self) -> None:
        """"X is Y's deputy leader", "X, who became head of Y", "X served as spokesman for Y"."""
        from ..entities.lexicon import load_entity_lexicon

        elex = load_entity_lexicon()
        rules = {r.form: r for r in self.ctx.lex.by_pattern("role")}
        for token in self.doc:
            # "X made him deputy leader of Y": the role is a small clause with its own subject
            small = token.dep_ in ("ccomp", "xcomp") and any(c.dep_ == "nsubj" for c in token.children)
            if (token.dep_ not in ("attr", "oprd", "pobj") and not small) or token.pos_ != "NOUN":
                continue
            role = _role_at(self.doc, token.i, elex)
            if role is None:
                continue
            verb = token.head if token.dep_ != "pobj" else token.head.head
            if verb.lemma_.lower() not in _ROLE_VERBS or (token.dep_ == "pobj" and token.head.lower_ not in ("as", "for")):
                continue
            subjects = []
            # "X was named publisher of Y"; "the board named X publisher of Y"; "oust X as Y's leader": the one named
            named = token.dep_ == "oprd" or (token.dep_ == "pobj" and token.head.lower_ == "as" and any(c.dep_ == "dobj" for c in verb.children))
            holders = ("dobj",) if named and not _passive(verb) else ("nsubj", "nsubjpass")
            for child in token.children if small else ():
                if child.dep_ == "nsubj":
                    subjects += self.ctx.args(child)
            for child in verb.children if not small else ():
                if child.dep_ in holders:
                    if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                        subjects += self.ctx.args(verb.head)
                    else:
                        subjects += self.ctx.args(child)
            subjects = [a for a in subjects if self.ctx.type_of(a.key) == "Person"]
            form = _role_form(role, self.doc, token.i, elex)  # "deputy party leader" is a member
            allowed = ("Organization", "Group", "Location") if form == "leads" else ("Organization", "Group")
            orgs = [o for o in self._role_orgs(token, "") if self.ctx.type_of(o.key) in allowed]
            if subjects and not orgs and not is_negated(verb, self.ctx.lex):
                self._office_held(token, subjects, rules, elex)  # "X served as home secretary under Major"
            if subjects and orgs and rules.get(form):
                if form == "member" or self.ctx.type_of(orgs[0].key) != "Location":
                    self.emit(rules[form], subjects, orgs[:1], token, reported=False)

    def role_prefixes(self) -> None:
        """"Tory co-chairman Liam Fox", "Lib Dem home affairs spokesman Mark Oaten", "Amnesty's Kate Allen"."""
        from ..entities.lexicon import load_entity_lexicon

        elex = load_entity_lexicon()
        rules = {r.form: r for r in self.ctx.lex.by_pattern("role")}
        doc = self.doc
        titles = elex.person_titles | elex.roles
        for start, person in self._mention_starts("Person"):
            p = start
            while p < len(doc) and self.ctx.actors.actor_at(p) == person and doc[p].lower_.rstrip(".") in titles:
                p += 1  # titles inside the mention ("Treasurer Lord Ashcroft")
            j = p - 1
            title_at = None  # a title that is not a role: "Tory shadow chancellor Oliver Letwin"
            while j >= 0 and not _role_at(doc, j, elex):
                if doc[j].text == "." and j > 0 and not doc[j - 1].whitespace_ and doc[j - 1].lower_ in _TITLE_ABBREVIATIONS:
                    j -= 1  # "Capt. Hugh Madlock": the abbreviation's full stop, split off
                if doc[j].lower_.rstrip(".") not in elex.person_titles:
                    break
                if title_at is None and doc[j].lower_.rstrip(".") not in _HONORIFICS:
                    title_at = j
                j -= 1  # "Mr", "Lord", "Dr" between the role and the name
            if j >= 1 and doc[j].text == "," and _role_at(doc, j - 1, elex) and self._apposed(start, j - 1):
                j -= 1  # "The Tory finance spokesman, Brian Monteith, said": the role in apposition
            if j >= 1 and doc[j].lower_ in ("native", "resident", "-born", "born"):
                home = self.ctx.actors.actor_at(j - 1) or (self.ctx.actors.actor_at(j - 2) if doc[j - 1].text == "-" else None)
                native = next((r for r in self.ctx.lex.by_pattern("place") if r.form == "native"), None)
                if home and native and self.ctx.type_of(home) == "Location":
                    self.emit(native, [_Arg(person)], [_Arg(home)], doc[j], check_negation=False, reported=False)
                continue
            if j >= 1 and doc[j].text == "," and _role_at(doc, j - 1, elex) and doc[j - 1].tag_ == "NNS":
                j -= 1  # "two London Assembly members, Damien Hockney"
            if j < 0:
                continue
            role, r = _role_at(doc, j, elex), j
            if role is None and title_at is not None and (doc[j].is_lower or doc[j].lower_ in elex.portfolio_words or doc[j].lower_ in _COURT_WORDS or self.ctx.actors.actor_at(j)):
                role, r = doc[title_at].lower_.rstrip("."), title_at  # a member, whatever the office
                role = elex.abbreviations.get(role, role)  # "Ohio Gov. X": the governor
            if role is None:
                org = self.ctx.actors.actor_at(j)
                addressed = any(doc[x].lower_ in ("mr", "mrs", "ms", "miss") for x in range(j + 1, p))
                if org and org != person and self._known_org(org) and rules.get("member") and not addressed:
                    # "Tory Michael Howard", "Lib Dem Mark Oaten", "Tories A and B": a party name right
                    # before the person (or the list); not "told the Sunday Times Mr Campbell ..."
                    members = [_Arg(person)] + (self._listed_with(person, start) if doc[j].tag_ in ("NNS", "NNPS") or doc[j].lower_.endswith("s") else [])
                    self.emit(rules["member"], members, [_Arg(org)], doc[j], base=0.6, check_negation=False, reported=False)
                    continue
                if doc[j].text in ("'s", "’s") and j > 0:
                    org = self.ctx.actors.actor_at(j - 1)
                    if org and org != person and self.ctx.type_of(org) in ("Organization",) and rules.get("member"):
                        # "Labour's Robin Cook and Tony Wright"
                        members = [_Arg(person)] + self._listed_with(person, start)
                        self.emit(rules["member"], members, [_Arg(org)], doc[p], base=0.6, check_negation=False, reported=False)
                continue
            k = _before_role(r, role)
            if k >= 1 and doc[k].text == "-" and doc[k - 1].lower_ in ("ex", "former", "then"):
                k -= 2  # "Tory ex-minister X": a former office still tells the party
            steps = 0
            while k >= 0 and steps < 3 and (doc[k].lower_ in elex.portfolio_words or (doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"))) and not self.ctx.actors.actor_at(k):
                k -= 1
                steps += 1
            court = k
            while court >= 0 and r - court <= 4 and doc[court].lower_ in _COURT_WORDS and not self.ctx.actors.actor_at(court):
                court -= 1  # "U.S. Bankruptcy Judge X", "Ohio Supreme Court Justice X": the court between place and title
            org = self.ctx.actors.actor_at(k) if k >= 0 else None
            if org is None and k >= 0 and doc[k].lower_ == "its":
                owner = self.ctx._arg(doc[k])  # "said its chief executive, Sir Howard Newby"
                org = owner.key if owner else None
            place = self.ctx.actors.actor_at(court) if 0 <= court < k else None
            if org is None and place and place != person and self.ctx.type_of(place) == "Location" and doc[r].text[:1].isupper():
                # "U.S. Bankruptcy Judge X": the holder of a court's office in a place is active there
                office = next((rule for rule in self.ctx.lex.by_pattern("place") if rule.form == "office"), None)
                if office is not None:
                    self.emit(office, [_Arg(person)], [_Arg(place)], doc[r], check_negation=False, reported=False)
                continue
            if org and all(w.lower() in elex.portfolio_words for w in self.ctx.actors.actors[org].label.split()):
                # "Lib Dem Treasury spokesman": the department names the brief; the party before it employs
                b = k
                while b >= 0 and self.ctx.actors.actor_at(b) == org:
                    b -= 1
                party = self.ctx.actors.actor_at(b) if b >= 0 else None
                if party and party != person and self._known_org(party):
                    org = party
            plain = all(t.pos_ == "ADJ" for t in doc[k + 1 : r])  # "Iraqi interim leader", not "Kenyan opposition leader"
            if not org and k >= 0 and plain and role in elex.place_heads and elex.demonyms.get(doc[k].lower_) and rules.get("leads"):
                # "Iraqi interim leader X": the head of the country the demonym names
                code = elex.demonyms[doc[k].lower_]
                country = next((key for key, a in self.ctx.actors.actors.items() if a.type == "Location" and a.country_code == code), None)
                if country and _role_form(role, doc, r, elex) == "leads":
                    self.emit(rules["leads"], [_Arg(person)], [_Arg(country, False)], doc[r], base=rules["leads"].confidence * 0.8, check_negation=False, reported=False)
                continue
            brief = doc[k + 1 : r]  # the words between the role and what comes before ("Home affairs")
            shadow = any(t.lower_ == "shadow" for t in doc[k + 1 : r + 1])
            # '"...," said director X': the speaker introduced by a bare role
            introduced = False
            if not brief and k >= 0 and doc[k].lemma_.lower() in _SPEAKING:
                i = start
                while i < len(doc) and self.ctx.actors.actor_at(i) == person and not introduced:
                    introduced = doc[i].head.i == k and doc[i].dep_ == "nsubj"
                    i += 1
            first = r - (2 if "-" in role else 1 if " " in role else 0)
            office = role in elex.government_leads or role in elex.government_members
            if not org and not brief and k >= 0 and doc[k].lower_ in _GOING_ON and doc[r].is_lower and not (role in _SPOKESPEOPLE or shadow or office):
                # "The Liberal Democrats launched their platform, with leader X saying ...", "The Lib Dems
                # will have to fight to be heard. But leader X believes ...": the one party the sentence
                # (or, for a sentence opening "But"/"And", the sentence before) is about; a role, not a
                # title ("But Professor X said")
                sent = doc[r].sent
                here = self._known_orgs_in(sent.start, k)
                if not here and k == sent.start:
                    here = [key] if (key := self._previous_subject(doc[k])) and self._known_org(key) else []
                form = _role_form(role, doc, r, elex)
                if len(here) == 1 and here[0] != person and rules.get(form):
                    self.emit(rules[form], [_Arg(person)], [_Arg(here[0], False)], doc[r], base=rules[form].confidence * 0.7, check_negation=False, reported=False)
                continue
            if not org and doc[first].is_sent_start and doc[first].is_title and not (role in _SPOKESPEOPLE or shadow or introduced or office):
                # "The Hansard Society wants a debate. Chairman Lord Holme argued ...": a bare role opening
                # the sentence is held in the organisation the sentence before is about (not a party: news
                # turns from one party to its rival's people)
                org = self._previous_subject(doc[first])
                form = _role_form(role, doc, r, elex)
                if org and org != person and not self._known_org(org) and rules.get(form):
                    self.emit(rules[form], [_Arg(person)], [_Arg(org, False)], doc[r], base=rules[form].confidence * 0.7, check_negation=False, reported=False)
                continue
            if not org and (role in _SPOKESPEOPLE or shadow or introduced) and rules.get("quoted") and all(t.lower_ in elex.portfolio_words for t in brief):
                # "The Liberal Democrats say ... Home affairs spokesman Jane Roe told ...": the party just quoted,
                # or the one party named earlier in the same sentence ("The Tories ..., with shadow chancellor X")
                sent = doc[r].sent
                here = self._known_orgs_in(sent.start, k + 1)
                org = here[0] if len(here) == 1 else None if here else self._previous_subject(doc[r])
                if org and org != person:
                    self.emit(rules["quoted"], [_Arg(person)], [_Arg(org, False)], doc[r], check_negation=False, reported=False)
                continue
            if not org or org == person:
                continue
            if self._shadowed(org, r):
                continue
            form = _role_form(role, doc, r, elex)
            # "Vodafone's UK chief executive X" leads no country; "US President X" does, and a town may be a club the tagger took for a place ("Chelsea chief executive X")
            allowed = ("Organization", "Group", "Location") if form == "leads" and (role in elex.place_heads or not self._scope(org)) else ("Organization", "Group")
            if self.ctx.type_of(org) in allowed and rules.get(form):
                members = [_Arg(person)]
                if doc[r].tag_ in ("NNS", "NNPS"):
                    members += self._listed_with(person, start)  # "Railtrack managers A, B and C": the whole list
                self.emit(rules[form], members, [_Arg(org)], doc[r], check_negation=False, reported=False)
                if form == "leads":
                    self._leader_lives_in(person, [_Arg(org)], doc[r])  # "Ohio Gov. X" lives in Ohio
            elif self.ctx.type_of(org) == "Location" and form != "leads" and k == r - 1 and doc[r].text[:1].isupper():
                # "U.S. Attorney X", "Arizona Sen. X": a place's office puts its holder there (not a brief:
                # "Europe minister X")
                office = next((r for r in self.ctx.lex.by_pattern("place") if r.form == "office"), None)
                if office is not None:
                    self.emit(office, [_Arg(person)], [_Arg(org)], doc[r], check_negation=False, reported=False)

    def possessions(self) -> None:
        """"X's government" (X leads it), "X's union, the FDA" and "X, the government's reviewer" (X is a member)."""
        from ..entities.lexicon import load_entity_lexicon

        elex = load_entity_lexicon()
        rules = {r.form: r for r in self.ctx.lex.by_pattern("role")}
        agent_words = {w for r in self.ctx.lex.by_pattern("role") if r.form == "agent" for w in r.lemmas}
        support = next((r for r in self.ctx.lex.by_pattern("role") if r.form == "counsel"), None)
        for token in self.doc:
            key = self.ctx.actors.actor_at(token.i)
            owners = [a for c in token.children if c.dep_ == "poss" for a in self.ctx.args(c) if self.ctx.type_of(a.key) == "Person"]
            actor = self.ctx.actors.actors.get(key) if key else None
            shadow = any(c.lower_ in ("shadow", "former", "previous") for c in token.children)
            if owners and actor is not None and actor.collective and actor.type == "Organization" and token.lemma_.lower() in _GOVERNMENT_HEADS and not shadow:
                if rules.get("government"):
                    self.emit(rules["government"], owners[:1], [_Arg(key)], token, check_negation=False, reported=False)
                continue
            modifier = token.dep_ in ("compound", "amod", "nmod") or (token.i + 1 < len(self.doc) and self.doc[token.i + 1].pos_ == "NOUN")
            if owners and key and self._is_head(token, key) and self._known_org(key) and not actor.collective and not shadow and not modifier and rules.get("own-body"):
                # "Charles Kennedy has told voters his Liberal Democrats will offer ...": the party is his
                self.emit(rules["own-body"], owners[:1], [_Arg(key)], token, check_negation=False, reported=False)
                continue
            if key or token.pos_ != "NOUN":
                continue
            if token.lemma_.lower() in _COUNSEL and support is not None:
                # "his lawyer Louise Christian", "X's solicitor, Y": counsel stands by the client
                clients = [a for c in token.children if c.dep_ == "poss" for a in self.ctx.args(c) if self.ctx.type_of(a.key) in ("Person", "Group")]
                named = [a for a in (self.ctx.args(token.head) if token.dep_ in ("compound", "nmod") else []) if self.ctx.type_of(a.key) == "Person"]
                named += [a for c in token.children if c.dep_ == "appos" for a in self.ctx.args(c) if self.ctx.type_of(a.key) == "Person"]
                self.emit(support, named[:1], clients[:1], token, check_negation=False, reported=False)
                continue
            if owners and token.lemma_.lower() in _MEMBER_BODIES and rules.get("body"):
                bodies = [a for c in token.children if c.dep_ == "appos" for a in self.ctx.args(c) if self.ctx.type_of(a.key) == "Organization"]
                self.emit(rules["body"], owners[:1], bodies[:1], token, check_negation=False, reported=False)
                continue
            if token.dep_ == "appos" and rules.get("possessed") and token.lemma_.lower() not in agent_words and not _role_word(token, elex):
                persons = [a for a in self.ctx.args(token.head) if self.ctx.type_of(a.key) == "Person"]
                bodies = [a for c in token.children if c.dep_ == "poss" for a in self.ctx.args(c) if self.ctx.type_of(a.key) == "Organization"]
                if persons and bodies and token.tag_ == "NN":
                    self.emit(rules["possessed"], persons[:1], bodies[:1], token, check_negation=False, reported=False)

    def speaking_for(self) -> None:
        """"For the Conservatives, shadow education secretary X said ...": X speaks for (is a member of) the party.

        Also "Party leader X" after a sentence that names one party: that party.
        """
        from ..entities.lexicon import load_entity_lexicon

        roles = load_entity_lexicon().roles
        rule = next((r for r in self.ctx.lex.by_pattern("role") if r.form == "for"), None)
        party_rule = next((r for r in self.ctx.lex.by_pattern("role") if r.form == "quoted"), None)
        doc = self.doc
        for sent in doc.sents:
            first = sent[0] if sent[0].lower_ != "but" else (doc[sent.start + 1] if sent.start + 1 < sent.end else sent[0])
            if rule is not None and first.lower_ == "for" and first.dep_ == "prep":
                orgs = [a for o in first.children if o.dep_ == "pobj" for a in self.ctx.args(o) if self._known_org(a.key)]
                verb = first.head
                persons = [a for c in verb.children if c.dep_ == "nsubj" for a in self.ctx.args(c) if self.ctx.type_of(a.key) == "Person"]
                self.emit(rule, persons[:1], orgs[:1], first, check_negation=False, reported=False)
            if rule is not None:
                # "Jane Roe, for the Liberal Democrats, called on ...": the same, in apposition
                for t in sent:
                    if t.lower_ == "for" and t.i >= 2 and doc[t.i - 1].text == ",":
                        person = self.ctx.actors.actor_at(t.i - 2)
                        j = t.i + 1 + (doc[t.i + 1].lower_ == "the" if t.i + 1 < len(doc) else 0)
                        org = self.ctx.actors.actor_at(j) if j < len(doc) else None
                        end = j
                        while end < len(doc) and self.ctx.actors.actor_at(end) == org:
                            end += 1
                        if person and org and self.ctx.type_of(person) == "Person" and self._known_org(org) and end < len(doc) and doc[end].text == ",":
                            self.emit(rule, [_Arg(person)], [_Arg(org)], t, check_negation=False, reported=False)
            if party_rule is not None:
                for t in sent:
                    if t.lower_ == "party" and t.i + 1 < sent.end and doc[t.i + 1].lower_ in roles and (t.i == sent.start or not self.ctx.actors.actor_at(t.i - 1)):
                        person = next((self.ctx.actors.actor_at(i) for i in range(t.i + 2, min(t.i + 5, sent.end)) if self.ctx.type_of(self.ctx.actors.actor_at(i) or "") == "Person"), None)
                        parties = self._known_orgs_in(self.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start, sent.end)
                        if person and len(parties) == 1:
                            self.emit(party_rule, [_Arg(person)], [_Arg(parties[0], False)], t, check_negation=False, reported=False)

    def party_audiences(self) -> None:
        """"Tony Blair told Labour members ...", "the prime minister addressed a Labour Party gathering":
        whoever speaks to a party's members, supporters or conference belongs to that party."""
        rule = next((r for r in self.ctx.lex.by_pattern("role") if r.form == "audience"), None)
        if rule is None:
            return
        for verb in self.doc:
            if verb.lemma_.lower() not in rule.lemmas or verb.pos_ != "VERB" or is_negated(verb, self.ctx.lex):
                continue
            if any(c.dep_ == "xcomp" for c in verb.children):
                continue  # "told Labour supporters to vote Liberal Democrat": an appeal, perhaps to another party's voters
            speakers = [a for c in verb.children if c.dep_ == "nsubj" for a in self.ctx.args(c) if self.ctx.type_of(a.key) == "Person"]
            speech = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in rule.cues]
            through_speech = verb.lemma_.lower() in _SPEECH_GIVING
            if through_speech and not speech:
                continue  # "made a speech to ...", not "gave Labour members a pay rise"
            # the audience: told, addressed, or spoken to ("spoke to the Tory conference", "a speech at the Labour rally")
            audiences = [c for c in verb.children if c.dep_ in ("dobj", "dative") and not through_speech]
            audiences += [o for h in (verb, *speech) for p in h.children if p.dep_ == "prep" and p.lower_ in rule.preps for o in p.children if o.dep_ == "pobj"]
            for audience in audiences:
                if audience.lemma_.lower() not in rule.targets:
                    continue
                parties = [
                    a for c in audience.children if c.dep_ in ("compound", "poss", "amod", "nmod")
                    for a in self.ctx.args(c) if self._known_org(a.key)
                ]
                if speakers and len({a.key for a in parties}) == 1:
                    self.emit(rule, speakers[:1], parties[:1], verb, check_negation=False, reported=False)

    def _known_orgs_in(self, start: int, end: int) -> list[str]:
        """The known organisations (the parties and the like of ``organizations.tsv``) named in tokens
        ``start``..``end``, in order of first mention."""
        return [key for key in dict.fromkeys(self.ctx.actors.actor_at(i) for i in range(start, end)) if key and self._known_org(key)]

    def _previous_subject(self, token: Token) -> str | None:
        """The named organisation that is the subject of the sentence before ``token``'s."""
        start = token.sent.start
        if start == 0:
            return None
        for t in self.doc[start - 1].sent:
            if t.dep_ in ("nsubj", "nsubjpass"):
                for part in [t, *(c for c in t.children if c.dep_ == "compound")]:  # "Amnesty International UK"
                    key = self.ctx.actors.actor_at(part.i)
                    actor = self.ctx.actors.actors.get(key) if key else None
                    if actor is not None and actor.type == "Organization" and not actor.collective:
                        return key
        return None

    def one_of(self) -> None:
        """"one of the Harbour Six, Jane Roe" and "Jane Roe, one of the Harbour Six": a member."""
        rule = next((r for r in self.ctx.lex.by_pattern("role") if r.form == "one-of"), None)
        if rule is None:
            return
        doc = self.doc
        for token in doc:
            if token.lower_ != "one":
                continue
            bodies = [a for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj" for a in self.ctx.args(o)]
            bodies = [a for a in bodies if self.ctx.type_of(a.key) in ("Group", "Organization")]
            if not bodies:
                continue
            persons = [a for a in self.ctx.args(token.head) if token.dep_ == "appos" and self.ctx.type_of(a.key) == "Person"]
            persons = persons or [a for c in token.children if c.dep_ == "appos" for a in self.ctx.args(c) if self.ctx.type_of(a.key) == "Person"]
            if not persons:
                # "one of the X, NAME": the name right after the group's mention and a comma
                end = max((i for i in range(token.i, min(token.i + 9, len(doc))) if self.ctx.actors.actor_at(i) == bodies[0].key), default=None)
                if end is not None and end + 2 < len(doc) and doc[end + 1].text == ",":
                    key = self.ctx.actors.actor_at(end + 2)
                    if key and self.ctx.type_of(key) == "Person":
                        persons = [_Arg(key)]
            self.emit(rule, persons[:1], bodies[:1], token, check_negation=False, reported=False)

    def _apposed(self, name_start: int, role: int) -> bool:
        """Whether the name starting at ``name_start`` is in apposition to the role word at ``role``
        ("The Higher Education Minister, Kim Howells, said"; "its chief executive, Sir Howard Newby")."""
        token = self.doc[name_start]
        for _ in range(4):
            if token.dep_ == "appos" and token.head.i == role:
                return True
            if token.head.i == token.i or token.head.i <= role:
                return False
            token = token.head
        return False

    def _listed_with(self, person: str, start: int) -> list[_Arg]:
        """The persons coordinated with ``person``'s mention that starts at ``start`` ("A, B and C")."""
        head = next((t for t in self.doc[start : start + 6] if self.ctx.actors.actor_at(t.i) == person and self.ctx.actors.actor_at(t.head.i) != person), None)
        found: list[_Arg] = []
        frontier = [head] if head is not None else []
        while frontier:
            nxt = [c for t in frontier for c in t.children if c.dep_ == "conj"]
            found += [_Arg(k) for c in nxt if (k := self.ctx.actors.actor_at(c.i)) and self.ctx.type_of(k) == "Person" and k != person]
            frontier = nxt
        return found

    def _brief(self, org: str, role_token: Token, elex) -> bool:
        """Whether ``org`` only names the brief of a role that a party before it holds ("Lib Dem Treasury spokesman")."""
        if not all(w.lower() in elex.portfolio_words for w in self.ctx.actors.actors[org].label.split()):
            return False
        start = role_token.i - 1
        while start >= 0 and self.ctx.actors.actor_at(start) != org and role_token.i - start < 4:
            start -= 1
        while start >= 0 and self.ctx.actors.actor_at(start) == org:
            start -= 1
        party = self.ctx.actors.actor_at(start) if start >= 0 else None
        return bool(party and party != org and self._known_org(party))

    def _known_org(self, key: str) -> bool:
        from ..entities.lexicon import known_organizations

        actor = self.ctx.actors.actors.get(key)
        return actor is not None and actor.type == "Organization" and actor.label in known_organizations()

    def origins(self) -> None:
        """"X, of Y" / "X, from Y" / "X, 32, from Y": a person's organisation or home place."""
        rules = {r.form: r for r in self.ctx.lex.by_pattern("place")}
        doc = self.doc
        for end, person in self._mention_ends("Person"):
            i = end
            comma = i < len(doc) and doc[i].text == ","
            if comma:
                i += 1
                if i + 1 < len(doc) and doc[i].like_num and doc[i + 1].text == ",":
                    i += 2  # an age
            if i >= len(doc) or doc[i].lower_ not in ("of", "from"):
                continue
            prep = doc[i]
            i += 1
            while i < len(doc) and (doc[i].lower_ in ("the", "a") or doc[i].lower_ in _COMPASS):
                i += 1  # "from north London"
            if (named := _named_after_kind(doc, i, self.ctx)) is not None:
                i = named[1]  # "X, from human rights group Liberty"
            target = self.ctx.actors.actor_at(i) if i < len(doc) else None
            if not target or target == person:
                continue
            after = i
            while after < len(doc) and self.ctx.actors.actor_at(after) == target:
                after += 1
            owned = self.ctx.actors.actor_at(after + 1) if after + 1 < len(doc) and doc[after].lower_ in ("'s", "’s") else None
            if owned and owned != person and self.ctx.type_of(owned) == "Organization" and rules.get("from"):
                # "X of New York's Mount Sinai School": X belongs to the school (and is from New York)
                self.emit(rules["from"], [_Arg(person)], [_Arg(owned)], prep, check_negation=False, reported=False)
            kind = self.ctx.type_of(target)
            if not comma and not (kind in ("Location", "Organization") and prep.lower_ == "of") and not (kind == "Organization" and prep.lower_ == "from"):
                continue  # without a comma only "Senator X of Arizona", "Jo Park of Acme Labs", "Carl Ames from the Institute"
            if not comma and kind == "Organization" and doc[end - 1].head.lemma_.lower() in ("accuse", "convict", "suspect", "rob", "warn", "remind", "inform", "tell"):
                continue  # "accused X of ...": not an affiliation
            if not comma and _peerage(doc, person, self.ctx):
                continue  # "Lord Nicholls of Birkenhead": a title, not a home
            if kind == "Organization" and rules.get("from"):
                self.emit(rules["from"], [_Arg(person)], [_Arg(target)], prep, check_negation=False, reported=False)
            elif kind == "Location" and rules.get("origin") and prep.lower_ in rules["origin"].lemmas:
                self.emit(rules["origin"], [_Arg(person)], [_Arg(target)], prep, check_negation=False, reported=False)

    def _span_at(self, i: int) -> tuple[int, int]:
        """Token bounds of the mention (the run of one actor's tokens) that holds token i."""
        key, doc = self.ctx.actors.actor_at(i), self.doc
        start, end = i, i + 1
        while start > 0 and self.ctx.actors.actor_at(start - 1) == key:
            start -= 1
        while end < len(doc) and self.ctx.actors.actor_at(end) == key:
            end += 1
        return start, end

    def _first_token_in(self, key: str, start: int) -> Token | None:
        """The first token of an actor's mentions in the sentence whose evidence starts at ``start``."""
        tokens = (self.doc[i] for i, k in sorted(self.ctx.actors.by_token.items()) if k == key)
        return next((t for t in tokens if sentence_evidence(t.sent)[1] == start), None)

    def _mention_starts(self, type_: str) -> list[tuple[int, str]]:
        found, prev = [], None
        for i in range(len(self.doc)):
            key = self.ctx.actors.actor_at(i)
            if key and key != prev and self.ctx.type_of(key) == type_ and i not in self.ctx.actors.described:
                found.append((i, key))
            prev = key
        return found

    def _mention_ends(self, type_: str) -> list[tuple[int, str]]:
        found = []
        for i in range(len(self.doc)):
            key = self.ctx.actors.actor_at(i)
            nxt = self.ctx.actors.actor_at(i + 1) if i + 1 < len(self.doc) else None
            if key and key != nxt and self.ctx.type_of(key) == type_ and i not in self.ctx.actors.described:
                found.append((i + 1, key))
        return found

    def _leader_lives_in(self, person: str, orgs: list[_Arg], token: Token) -> None:
        """The governor of a state, the mayor of a city, the president of a country: the person is active there too."""
        rule = next((r for r in self.ctx.lex.by_pattern("place") if r.form == "leader"), None)
        places = [o for o in orgs if self.ctx.type_of(o.key) == "Location"]
        if rule is not None and places:
            self.emit(rule, [_Arg(person)], places, token, check_negation=False, reported=False)

    def affiliations(self) -> None:
        """"X at ORG", "X, an executive with ORG", "X, a professor at ORG": works for, without a role word."""
        rule = next((r for r in self.ctx.lex.by_pattern("role") if r.form == "at"), None)
        if rule is None:
            return
        for token in self.doc:
            person = self.ctx.actors.actor_at(token.i)
            if not person or self.ctx.type_of(person) != "Person" or not self._is_head(token, person):
                continue
            heads = [token] + [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN" and not self.ctx.actors.actor_at(c.i)]
            for head in heads:
                for prep in head.children:
                    if prep.dep_ != "prep" or prep.lower_ not in rule.lemmas or (head.i == token.i and prep.lower_ not in ("at",)):
                        continue
                    orgs = [a for o in prep.children if o.dep_ == "pobj" for a in self.ctx.args(o)]
                    orgs = [a for a in orgs if self.ctx.type_of(a.key) in ("Organization", "Group")]
                    self.emit(rule, [_Arg(person)], orgs[:1], prep, check_negation=False, reported=False)

    def agents(self) -> None:
        """Agent nouns: "X, Y's assassin", "the killer of Y, X", "X, a fierce critic of Y", "Y ally X", "X is Y's rival".

        Every rule of form ``agent`` names its nouns; the holder of the noun is the
        subject and its possessor or "of" object the object.
        """
        rules = [r for r in self.ctx.lex.by_pattern("role") if r.form == "agent"]
        for token in self.doc:
            lower, lemma = token.lower_, token.lemma_.lower()
            if self.ctx.actors.actor_at(token.i):
                continue  # part of a name ("Identification Friend or Foe")
            for rule in rules:
                if lower not in rule.lemmas and lemma not in rule.lemmas and lower.rstrip("s") not in rule.lemmas:
                    continue  # the tagger may call "assassin" a verb or a proper noun
                targets = [a for c in token.children if c.dep_ in ("poss", "compound") for a in self.ctx.args(c)]
                if not targets and token.dep_ == "compound":
                    targets = [a for c in token.head.children if c.dep_ == "poss" for a in self.ctx.args(c)]
                targets += [a for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj" for a in self.ctx.args(o)]
                before = token.i - 2 if token.i >= 2 and self.doc[token.i - 1].lower_ in ("'s", "’s") else token.i - 1
                previous = self.ctx.actors.actor_at(before) if before >= 0 else None
                if not targets and previous and self.ctx.type_of(previous) == "Person":
                    targets = [_Arg(previous, False)]  # "defended Kennedy assassin X": the parser lost the compound
                holders: list[_Arg] = []
                if token.dep_ == "appos":
                    holders = self.ctx.args(token.head)
                holders += [a for c in token.children if c.dep_ == "appos" for a in self.ctx.args(c)]
                if token.dep_ in ("attr",):
                    holders += [a for c in token.head.children if c.dep_ == "nsubj" for a in self.ctx.args(c)]
                following = self.ctx.actors.actor_at(token.i + 1) if token.i + 1 < len(self.doc) else None
                if following and (token.dep_ == "compound" or following not in {t.key for t in targets}):
                    holders.append(_Arg(following))  # "Kennedy assassin Lee Harvey Oswald", "Blair ally Alan Milburn"
                holders = [h for h in holders if h.key not in {t.key for t in targets}]
                # an agent noun states its relation by itself ("when called to examine Y's assassin, X, ...
                # he refused" does not deny it); only the copula can negate it ("X is not Y's rival")
                self.emit(rule, holders, targets, token, check_negation=token.dep_ == "attr")
                break

    def _role_orgs(self, role_token: Token, person: str) -> list[_Arg]:
        """Organisations a role noun belongs to: "head of Y (at Z)", "Y leader", "Y's spokesman"."""
        found: list[_Arg] = []
        modifiers: list[_Arg] = []
        for child in role_token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "at", "for", "with", "in"):
                before = len(found)
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    # "an engineer with the USDA's research service": the unit's owner when the unit has no name
                    args = self.ctx.args(obj) or [_Arg(a.key, False, True) for c in obj.children if c.dep_ == "poss" for a in self.ctx.args(c)]
                    for arg in args:
                        if arg.key != person:
                            found.append(arg)
                    # "head of the Department at the Institute": the larger body too
                    for sub in obj.children:
                        if sub.dep_ == "prep" and sub.lower_ in ("at", "of"):
                            for obj2 in sub.children:
                                if obj2.dep_ == "pobj":
                                    found += [a for a in self.ctx.args(obj2) if a.key != person]
                            if (named := _named_after_kind(self.doc, sub.i + 1, self.ctx)) and named[0] != person:
                                found.append(_Arg(named[0]))  # "head of policy at Aids charity the Terrence Higgins Trust"
                if len(found) == before and (named := _named_after_kind(self.doc, child.i + 1, self.ctx)) and named[0] != person:
                    found.append(_Arg(named[0]))  # "chairman of messaging firm Mblox"
            elif child.dep_ in ("compound", "poss", "nmod", "amod") and child.i < role_token.i:
                between = self.doc[child.i + 1 : role_token.i]
                if any(t.dep_ == "cc" or t.text in (",", ";") for t in between):
                    continue  # "Labour's record and party leader X": a misparse across a coordination
                modifiers += [a for a in self.ctx.args(child) if a.key != person]
        # "Middle East correspondent for the AP": the body a preposition names comes before a modifier
        return found + modifiers

    def allies(self) -> None:
        for rule in self.ctx.lex.by_pattern("ally"):
            for token in self.doc:
                if token.lower_ not in rule.lemmas and token.lemma_.lower() not in rule.lemmas:
                    continue
                if token.pos_ != "NOUN":
                    continue
                if any(c.dep_ == "poss" for c in token.children):
                    continue  # "his supporters in Westminster": whose allies they are, not where X turns
                partners = self._reach(token, ("in", "across", "from", "with", "among", "inside", "abroad"), depth=3)
                partners = [a for a in partners if self.ctx.type_of(a.key) in ("Person", "Organization", "Group", "Location")]
                head = token
                while head.dep_ in ("pobj", "prep", "dobj", "attr", "conj") and head.head.i != head.i:
                    head = head.head
                    if head.pos_ in ("VERB", "AUX"):
                        break
                subjects = _verb_subjects(head, self.ctx) if head.pos_ in ("VERB", "AUX") else []
                if not partners and head.pos_ in ("VERB", "AUX"):
                    partners = [a for a in self._reach(head, ("in", "across", "from", "inside"), depth=2) if self.ctx.type_of(a.key) != "Person"]
                self.emit(rule, subjects, partners, head if head.pos_ in ("VERB", "AUX") else token)

    def _reach(self, token: Token, preps: tuple[str, ...], depth: int) -> list[_Arg]:
        found: list[_Arg] = []
        if depth == 0:
            return found
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        args = self.ctx.args(obj)
                        found += args
                        if not args:
                            found += self._reach(obj, preps, depth - 1)
        return found

    def places(self) -> None:
        rules = {r.form: r for r in self.ctx.lex.by_pattern("place")}
        in_rules = [r for r in self.ctx.lex.by_pattern("place") if r.form == "in"]
        based_rules = [r for r in self.ctx.lex.by_pattern("place") if r.form == "based"]
        held_rules = [r for r in self.ctx.lex.by_pattern("place") if r.form == "held"]
        doc = self.doc
        # "DENVER (AP) --", "Moscow ITAR-TASS": the source of a dateline is active in its place
        rule = rules.get("dateline")
        line = find_dateline(doc, self.ctx.actors.document.headline_end) if rule else None
        if rule and line:
            source = self.ctx.actors.actor_at(line.source[0])
            places = [self.ctx.actors.actor_at(span[0]) for span in (line.place, line.region) if span]
            places = [_Arg(key) for key in dict.fromkeys(places) if key and key != source]
            if source and places:
                self.emit(rule, [_Arg(source)], places, doc[line.source[0]], check_negation=False, reported=False)
        for token in doc:
            key = self.ctx.actors.actor_at(token.i)
            # "Y in Z" and "Y, a think-tank in Z" for organisations and groups; "X District in Y Province";
            # "the East Kilbride seat in Lanarkshire": a place named before its head word
            subject = key if key and self._is_head(token, key) else None
            if subject is None and token.pos_ == "NOUN" and token.is_lower and (token.lower_ in _place_words() or token.lower_ in _SEAT_WORDS):
                subject = next((k for c in token.children if c.dep_ == "compound" and (k := self.ctx.actors.actor_at(c.i)) and self.ctx.type_of(k) == "Location"), None)
                if subject and _is_country(self.ctx.actors.actors[subject].label):
                    subject = None  # "the US camp in Cuba": a country before the head word says whose, not which place
            for rule in in_rules:
                if subject is None:
                    break
                heads = [token] + [c for c in token.children if c.dep_ == "appos" and not self.ctx.actors.actor_at(c.i)]
                preps = [c for head in heads for c in head.children]
                if token.dep_ == "pobj" and token.head.lower_ in ("at", "near"):
                    # "died at Shands Hospital in Gainesville": the parser hung "in Z" on the verb, right after the name
                    end = self._span_at(token.i)[1]
                    preps += [c for c in token.head.head.children if c.i == end]
                for child in preps:
                    if child.dep_ == "prep" and child.lower_ in rule.lemmas:
                        where = [a for o in child.children if o.dep_ == "pobj" for a in self.ctx.args(o) or self._named_area(o)]
                        where = [a for a in where if a.key != subject and not self._local_to_national(subject, a.key)]
                        self.emit(rule, [_Arg(subject)], where, child, check_negation=False, reported=False)
            # "X, a Boston lawyer": a place modifying the actor's apposition
            rule = rules.get("modifier")
            if rule and key and self._is_head(token, key) and self.ctx.type_of(key) in ("Person", "Organization", "Group"):
                for appos in (c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
                    where = [
                        _Arg(k)
                        for m in appos.children
                        if m.dep_ in ("compound", "nmod", "amod") and (k := self.ctx.actors.actor_at(m.i)) and self.ctx.type_of(k) == "Location"
                    ]
                    self.emit(rule, [_Arg(key)], where[:1], appos, check_negation=False, reported=False)
            if rule and key and self.ctx.type_of(key) == "Group" and token.pos_ == "NOUN" and self.ctx.actors.actors[key].collective:
                # "the Belmarsh detainees", "Kabul residents": a group named by where it is
                where = [_Arg(k) for m in token.children if m.dep_ == "compound" and (k := self.ctx.actors.actor_at(m.i)) and self.ctx.type_of(k) == "Location"]
                where = [a for a in where if not _is_country(self.ctx.actors.actors[a.key].label)]  # "UK citizens": a nationality
                self.emit(rule, [_Arg(key)], where[:1], token, check_negation=False, reported=False)
            if key and self._is_head(token, key) and self.ctx.type_of(key) == "Person":
                self._person_home(token, key, rules)
            if rules.get("native"):
                self._own_home(token, key, rules["native"])
            # "at her home in Z", "X's house in Z", "X's Buckinghamshire home": where a person lives
            rule = rules.get("home")
            if rule and token.lemma_.lower() in _DWELLINGS and token.pos_ == "NOUN":
                owners = [a for c in token.children if c.dep_ == "poss" for a in self.ctx.args(c)]
                where = [a for a in _prep_args(token, ("in", "at", "near"), self.ctx) if self.ctx.type_of(a.key) == "Location"]
                if owners and not where:
                    where = self._places_among(c for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i)
                self.emit(rule, owners, where[:1], token, check_negation=False, reported=False)
            # "X's headquarters in Z", "the offices of X in Z", "X's Rockville headquarters": where a body works
            rule = rules.get("site")
            if rule and token.lemma_.lower() in _SITES and token.pos_ == "NOUN":
                owners = [a for c in token.children if c.dep_ == "poss" for a in self.ctx.args(c)] or _prep_args(token, ("of",), self.ctx)
                where = _prep_args(token, ("in", "at", "near"), self.ctx) or [
                    _Arg(k) for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i and (k := self.ctx.actors.actor_at(c.i))
                ]
                where = [a for a in where if self.ctx.type_of(a.key) == "Location"]
                self.emit(rule, owners, where[:1], token, check_negation=False, reported=False)
            # "Zambia's Kafue River", "Russia's Foreign Ministry", "Serbia's province of Kosovo"
            rule = rules.get("possessive")
            if rule and key and token.dep_ == "poss" and self._is_head(token, key) and self.ctx.type_of(key) == "Location":
                owned = self.ctx.actors.actor_at(token.head.i)
                if owned is None and token.head.lemma_.lower() in _place_words():
                    owned = next((k for c in token.head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj" and (k := self.ctx.actors.actor_at(o.i))), None)
                collective = owned is not None and self.ctx.actors.actors[owned].collective
                if owned and owned != key and not collective and self.ctx.type_of(owned) in ("Location", "Organization", "Person"):
                    self.emit(rule, [_Arg(owned)], [_Arg(key)], token, check_negation=False, reported=False)
            # "X, based in Z", "X is situated in Z", "increasingly located in Z", "X was born in Z"
            for rule in based_rules:
                if not ((token.lemma_.lower() in rule.lemmas or token.lower_ in rule.lemmas) and token.pos_ in ("VERB", "ADJ", "AUX")):
                    continue
                where = _prep_args(token, tuple(rule.preps) or ("in", "at", "inside", "across"), self.ctx)
                if where:
                    subjects = [a for c in token.children if c.dep_ in _SUBJ for a in self.ctx.args(c)]
                    if not subjects and token.dep_ in ("acl", "amod", "appos", "advcl", "relcl", "prep"):
                        subjects = [_Arg(a.key, False) for a in self.ctx.args(token.head)]
                    if not subjects:
                        subjects = self._nearest_before(token)
                    self.emit(rule, subjects, where, token)
            # "X was detained in Z", "X was taken to Z", "his arrest in Z", "freed from Z": the captive was there
            for rule in held_rules:
                if token.lemma_.lower() not in rule.lemmas and token.lower_ not in rule.lemmas:
                    continue
                if any(c.dep_ == "prt" for c in token.children):
                    continue  # "take on X in Z", "hold up": another verb
                where = [a for a in _prep_args(token, rule.preps, self.ctx) if self.ctx.type_of(a.key) == "Location"]
                if where:
                    self.emit(rule, self._captives(token), where, token)
            # "the Central Asia Department at the CIS Institute": a unit of a larger organisation
            rule = rules.get("part")
            if rule and key and self.ctx.type_of(key) == "Organization" and self._is_head(token, key) and token.lower_ in rule.lemmas:
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ in ("at", "of", "within", "in"):
                        whole = [a for o in child.children if o.dep_ == "pobj" for a in self.ctx.args(o) if self.ctx.type_of(a.key) == "Organization"]
                        self.emit(rule, [_Arg(key)], whole, child, check_negation=False, reported=False)
            # "Hinckley, Leicestershire": a place in apposition to a larger place
            rule = rules.get("apposition")
            if rule and key and self.ctx.type_of(key) == "Location" and self._is_head(token, key):
                for child in token.children:
                    other = self.ctx.actors.actor_at(child.i)
                    if child.dep_ in ("appos", "npadvmod", "conj", "nmod") and other and other != key and self.ctx.type_of(other) == "Location":
                        lone = not any(c.dep_ == "cc" for c in token.children) and not any(c.dep_ == "conj" for c in child.children)
                        # "at Belmarsh prison, London, and Woodhill, Milton Keynes": in a list of pairs, an
                        # unknown place followed by a known town or region is placed in it
                        first = self._span_at(token.i)[0]
                        last = self._span_at(child.i)[1]
                        # the pair ends the list or is followed by "and" ("London, and Woodhill"), not by another name
                        closes = last + 1 >= len(doc) or doc[last].text != "," or doc[last + 1].lower_ in ("and", "or") or not doc[last + 1].text[:1].isupper()
                        paired = (
                            (first == 0 or doc[first - 1].text != ",")
                            and closes
                            and not self._known_place(key)
                            and self._known_place(other, big=True)
                        )
                        # "at Bristol, Isle of Wight and Stockton-on-Tees": a list of places, not a town and its county
                        listed = last + 1 < len(doc) and doc[last].lower_ in ("and", "or") and doc[last + 1].text[:1].isupper()
                        if child.i > token.i and doc[token.i + 1].text == "," and (child.dep_ != "conj" or lone or paired) and (not listed or paired):
                            self.emit(rule, [_Arg(key)], [_Arg(other)], child, check_negation=False, reported=False)

            # "the Coast Guard Training Center, Petaluma, Calif.": an organisation's address
            rule = rules.get("address")
            if rule and key and self.ctx.type_of(key) == "Organization" and self._is_head(token, key) and not any(c.dep_ == "cc" for c in token.children):
                end = self._span_at(token.i)[1]
                for child in token.children:
                    other = self.ctx.actors.actor_at(child.i)
                    if child.dep_ not in ("appos", "npadvmod") or not other or self.ctx.type_of(other) != "Location" or child.i < token.i:
                        continue
                    after = child.i + 1
                    closed = after >= len(doc) or doc[after].text in (",", ".", "(", ";", "--") or self.ctx.actors.actor_at(after) == other
                    if end < len(doc) and doc[end].text == "," and self.ctx.actors.actor_at(end + 1) == other and closed:
                        self.emit(rule, [_Arg(key)], [_Arg(other)], child, check_negation=False, reported=False)

    def _named_area(self, token: Token) -> list[_Arg]:
        """The place a common place word names through its modifier: "in Umbria province", "in the Afar district"."""
        if not token.is_lower or token.lemma_.lower() not in _place_words():
            return []
        return [
            _Arg(k)
            for c in token.children
            if c.dep_ in ("compound", "nmod", "amod") and c.i < token.i and (k := self.ctx.actors.actor_at(c.i)) and self.ctx.type_of(k) == "Location"
        ][:1]

    def _places_among(self, tokens, exclude: str | None = None) -> list[_Arg]:
        return [_Arg(k) for t in tokens if (k := self.ctx.actors.actor_at(t.i)) and k != exclude and self.ctx.type_of(k) == "Location"]

    def _own_home(self, token: Token, key: str | None, rule: Rule) -> None:
        """"in his native South Carolina", "X's Iowa hometown", "her hometown of Abbott": the owner comes from there."""
        where: list[_Arg] = []
        if key and self._is_head(token, key) and self.ctx.type_of(key) == "Location" and any(c.dep_ == "amod" and c.lower_ == "native" for c in token.children):
            where = [_Arg(key)]
        elif token.lemma_.lower() in _HOME_NOUNS and token.pos_ == "NOUN":
            where = self._places_among(m for m in token.children if m.dep_ in ("compound", "nmod", "amod"))
            if any(c.dep_ == "poss" for c in token.children):
                # "X's hometown of Abbott", "his hometown of Abbott"
                where += self._places_among(o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj")
            where = where[:1]
        if not where:
            return
        owners = [a for c in token.children if c.dep_ == "poss" for a in self.ctx.args(c)]
        owners = [a for a in owners if self.ctx.type_of(a.key) == "Person" and a.key != where[0].key]
        self.emit(rule, owners, where, token, check_negation=False, reported=False)

    def _person_home(self, token: Token, person: str, rules: dict[str, Rule]) -> None:
        """Where a person is from: "X, a Fargo native", "X, a technician from Z"."""
        for appos in (c for c in token.children if c.dep_ == "appos" and not self.ctx.actors.actor_at(c.i)):
            if appos.lower_ in _HOME_NOUNS and rules.get("native"):
                where = self._places_among((m for m in appos.children if m.dep_ in ("compound", "nmod", "amod")), person)
                # "X, a native of Shanghai", "X, a resident of Leeds"
                where += self._places_among((o for c in appos.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"), person)
                self.emit(rules["native"], [_Arg(person)], where[:1], appos, check_negation=False, reported=False)
            elif appos.pos_ == "NOUN" and rules.get("origin"):
                where = self._places_among((o for c in appos.children if c.dep_ == "prep" and c.lower_ == "from" for o in c.children if o.dep_ == "pobj"), person)
                self.emit(rules["origin"], [_Arg(person)], where[:1], appos, check_negation=False, reported=False)

    def regions(self) -> None:
        """"Acme Co. of Troy, Mich.": what is in a town is in the region the sentence places the town in."""
        rule = next((r for r in self.ctx.lex.by_pattern("place") if r.form == "region"), None)
        if rule is None:
            return
        within: dict[tuple[str, int], list[str]] = {}
        for (subject, predicate, obj, start), relation in self.relations.items():
            if predicate == "locatedIn" and relation.evidence.rule == "place.apposition":
                within.setdefault((subject, start), []).append(obj)
        if not within:
            return
        for (subject, predicate, obj, start), relation in list(self.relations.items()):
            if predicate != "locatedIn" or relation.evidence.rule in ("place.apposition", rule.id) or (obj, start) not in within:
                continue
            for region in within[(obj, start)]:
                trigger = self._first_token_in(region, start)
                if trigger is not None and region != subject:
                    base = min(rule.confidence, relation.evidence.confidence)
                    self.emit(rule, [_Arg(subject)], [_Arg(region)], trigger, base=base, check_negation=False, reported=False, hedged=relation.evidence.modality == "hedged")

    def workplaces(self) -> None:
        """"X of Brown University in Providence": who works for a body the same sentence places is active there."""
        rule = next((r for r in self.ctx.lex.by_pattern("place") if r.form == "workplace"), None)
        if rule is None:
            return
        sites: dict[tuple[str, int], list[tuple[str, Relation]]] = {}
        for (subject, predicate, obj, start), relation in self.relations.items():
            if predicate == "locatedIn" and relation.evidence.rule in _SITE_RULES:
                sites.setdefault((subject, start), []).append((obj, relation))
        if not sites:
            return
        for (subject, predicate, obj, start), relation in list(self.relations.items()):
            if predicate not in ("memberOf", "leads") or not relation.evidence.rule.startswith("role.") or self.ctx.type_of(subject) != "Person":
                continue
            for place, located in sites.get((obj, start), ()):
                trigger = self._first_token_in(place, start)
                if trigger is not None and place != subject:
                    base = min(rule.confidence, relation.evidence.confidence, located.evidence.confidence)
                    self.emit(rule, [_Arg(subject)], [_Arg(place)], trigger, base=base, check_negation=False, reported=False, hedged=relation.evidence.modality == "hedged")

    def _captives(self, token: Token) -> list[_Arg]:
        """Who a verb or noun of detention or transfer acts on: "detained X", "X was held", "X's arrest"."""
        if token.pos_ == "NOUN":
            return [a for c in token.children if c.dep_ == "poss" for a in self.ctx.args(c)]
        if token.pos_ not in ("VERB", "AUX"):
            return []
        found = [a for c in token.children if c.dep_ in ("dobj", "nsubjpass") for a in self.ctx.args(c)]
        if found:
            return found
        if token.dep_ in ("acl", "relcl") and token.tag_ == "VBN":
            return [_Arg(a.key, False) for a in self.ctx.args(token.head)]  # "the men held in Z"
        passive = any(c.dep_ == "auxpass" for c in token.children)
        if passive and token.dep_ in ("pcomp", "advcl", "conj", "xcomp"):
            # "X was taken to Z after being captured in W": the subject of the governing verb
            head = token.head.head if token.dep_ == "pcomp" else token.head
            return [_Arg(a.key, False) for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for a in self.ctx.args(c)]
        return []

    def _known_place(self, key: str, big: bool = False) -> bool:
        """A place the gazetteer links (with ``big``: a country, a region or a town of 100,000 or more)."""
        actor = self.ctx.actors.actors.get(key)
        if actor is None or actor.type != "Location" or not actor.geonames_id:
            return False
        if not big:
            return True
        from ..entities.link import load_gazetteer

        gazetteer = load_gazetteer()
        label = actor.label
        return bool(gazetteer.country(label) or gazetteer.region(label) or any(c.population >= 100_000 for c in gazetteer.cities(label)))

    def _is_head(self, token: Token, key: str) -> bool:
        return not (token.head.i != token.i and self.ctx.actors.actor_at(token.head.i) == key and token.head.i != token.i)

    def _nearest_before(self, token: Token) -> list[_Arg]:
        for i in range(token.i - 1, max(token.sent.start, token.i - 10) - 1, -1):
            key = self.ctx.actors.actor_at(i)
            if key and self.ctx.type_of(key) != "Location":
                return [_Arg(key, False)]
        return []

    def run(self) -> list[Relation]:
        self.verbs()
        self.fatal_wounds()
        self.adjectives()
        self.nouns()
        self.claims()
        self.demands()
        self.labels()
        self.quotations()
        self.headline_claim()
        self.judgements()
        self.roles()
        self.affiliations()
        self.agents()
        self.government_titles()
        self.described_offices()
        self.described_roles()
        self.copular_roles()
        self.role_prefixes()
        self.possessions()
        self.one_of()
        self.speaking_for()
        self.party_audiences()
        self.origins()
        self.allies()
        self.places()
        self.regions()
        self.workplaces()
        return sorted(self.relations.values(), key=lambda r: (r.evidence.char_start, r.subject, r.predicate, r.object))


def _place_words() -> frozenset[str]:
    from ..entities.lexicon import load_entity_lexicon

    return load_entity_lexicon().place_words


def _is_country(name: str) -> bool:
    from ..entities.link import load_gazetteer

    return bool(load_gazetteer().country(name))


def _peerage(doc: Doc, person: str, ctx: "DocumentContext") -> bool:
    """Whether a mention of ``person`` carries a peer's title (Lord, Baroness ...)."""
    peers = {"lord", "lady", "baroness", "baron", "viscount", "earl", "duke", "duchess", "marquess", "countess"}
    for i, token in enumerate(doc):
        if ctx.actors.actor_at(i) == person and token.lower_ in peers:
            return True
        if ctx.actors.actor_at(i) == person and i > 0 and doc[i - 1].lower_ in peers:
            return True
    return False


def _role_form(role: str, doc: Doc, i: int, lex) -> str:
    """``leads`` for a head of the organisation, ``member`` otherwise: "political editor" is not the editor."""
    if role not in lex.lead_roles:
        return "member"
    start = i - len(role.replace("-", " - ").split()) + 1
    if start > 0 and doc[start - 1].lower_ in _SUB_ROLE:
        return "member"
    for t in reversed(doc[max(start - 3, 0) : start]):
        if t.lower_ in ("deputy", "vice", "assistant"):
            return "member"  # "deputy Conservative chairman X" (the tagger may call "deputy" a verb)
        if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP"):
            break
    return "leads"


def _before_role(j: int, role: str) -> int:
    """The token before the role word(s) ending at ``j``: "co-chairman" is three tokens, "general secretary" two."""
    return j - (3 if "-" in role else 2 if " " in role else 1)


def _named_after_kind(doc: Doc, i: int, ctx: "DocumentContext") -> tuple[str, int] | None:
    """The organisation named after a description of its kind that starts at token ``i``, and where
    its name starts: "human rights group Liberty", "messaging firm Mblox", "Aids charity the
    Terrence Higgins Trust". The description is up to five words, none an actor's, ending in a
    lower-case kind of organisation (``organisation_nouns``); the parser's reading of it varies, so
    it is read from the words."""
    j = i
    while j < len(doc) and doc[j].lower_ in ("the", "a", "an"):
        j += 1
    start = j
    while j < len(doc) and j - start < 5 and ctx.actors.actor_at(j) is None and (doc[j].pos_ in ("NOUN", "ADJ", "PROPN", "VERB") or doc[j].text == "-"):
        j += 1
    if j == start or not doc[j - 1].is_lower or doc[j - 1].lower_ not in _ORG_KINDS:
        return None
    if j < len(doc) and doc[j].lower_ == "the":
        j += 1
    key = ctx.actors.actor_at(j) if j < len(doc) else None
    return (key, j) if key and ctx.type_of(key) == "Organization" else None


def _role_at(doc: Doc, j: int, lex) -> str | None:
    """The role word ending at token ``j`` ("spokesman", "co-chairman"), if any."""
    word = doc[j].lower_
    if j >= 2 and doc[j - 1].text == "-" and not doc[j - 1].whitespace_ and not doc[j - 2].whitespace_:
        joined = f"{doc[j - 2].lower_}-{word}"
        if joined in lex.roles:
            return joined
    if j >= 1 and f"{doc[j - 1].lower_} {word}" in lex.roles:
        return f"{doc[j - 1].lower_} {word}"
    if word in lex.roles:
        return word
    lemma = doc[j].lemma_.lower()
    return lemma if lemma in lex.roles and doc[j].pos_ == "NOUN" else None


def _designation(token: Token) -> bool:
    """The state of a party-and-state designation ("Mich." of "D-Mich.")."""
    return token.i >= 2 and is_party_state(token.doc[token.i - 2 : token.i + 1].text)


def _role_word(token: Token, lex) -> str | None:
    from ..entities.mentions import _role_of

    return _role_of(token, lex)


def extract_relations(doc: Doc, actors: DocumentActors, lexicon: RelationLexicon | None = None) -> list[Relation]:
    """Every relation the patterns find in one parsed document, in text order."""
    return _Extractor(doc, actors, lexicon or load_lexicon()).run()


def containment_relations(doc: Doc, actors: DocumentActors, gazetteer=None) -> list[Relation]:
    """``city akg:locatedIn country`` from the gazetteer, for the linked places of the document.

    Only countries the article names are linked to (no node is made for a country
    the text never mentions). The evidence is the sentence of the place's first
    mention; the rule is ``gazetteer``.
    """
    first: dict[str, int] = {}
    for i, key in sorted(actors.by_token.items()):
        first.setdefault(key, i)
    countries = {a.country_code: k for k, a in actors.actors.items() if a.type == "Location" and a.country_code}
    relations = []
    for key, actor in sorted(actors.actors.items()):
        if actor.type != "Location" or not actor.parent or actor.country_code or key not in first:
            continue
        country_key = countries.get(actor.parent)
        if country_key is None:
            continue  # the article does not name the country: no node the text never mentions
        if country_key == key:
            continue
        sentence, start, end = sentence_evidence(doc[first[key]].sent)
        evidence = Evidence(actors.document.id, sentence, start, end, 0.95, "gazetteer")
        relations.append(Relation(key, "locatedIn", country_key, evidence))
    return relations
