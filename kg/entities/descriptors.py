"""Definite descriptions that stand for a person the article has already titled.

News writing introduces a person once with a title ("Home Secretary Charles Clarke",
"Tory co-chairman Liam Fox", "Jane Roe, the party's treasurer") and later refers back to
them by the title alone ("the home secretary said", "the Tory co-chairman attacked ...").
This module links such descriptions to the person, within one document, when the
description points at exactly one person:

* a title registers itself and its shorter forms ("tory co-chairman" and "co-chairman"),
  except forms that drop a qualifier which changes the office ("shadow chancellor" does not
  register "chancellor"; "deputy leader" does not register "leader");
* an organisation inside the description must be one the person was titled with ("the
  Tory co-chairman" needs a "Tory ... co-chairman" introduction);
* a form shared by two persons ("leader" for two party leaders) resolves to nobody.

Only the description's own words are linked; organisation names inside it keep their actor.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc, Token

from .lexicon import EntityLexicon, word_list

__all__ = ["link_descriptions", "link_indefinites", "main_clause", "quoted_tokens"]

# words that change which office a title names: a shorter form without them is another office
_QUALIFIERS = word_list("title_qualifiers")
# words dropped when comparing descriptions
_SKIP = frozenset({"the", "a", "an", "'s", "’s", "former", "then"})
# name particles between a title and the name ("co-chairman Dr Liam Fox")
_HONORIFICS = word_list("honorifics")
_MAX_WORDS = 5
# a title with one of these is not the office the person holds now
_PAST = word_list("past_titles")
# "the prime minister's wife": a person named by a tie to the office holder
_KIN = word_list("kin_nouns")
_SPEECH_VERBS = word_list("speech_verbs")
# nouns for a person a lead sentence leaves unnamed ("a senior EU politician"), and roles news keeps anonymous
_PERSON_NOUNS = word_list("person_nouns")
_ANONYMOUS = word_list("anonymous_roles")


def _words(tokens: list[Token], by_token: dict[int, str]) -> tuple[tuple[str, ...], frozenset[str]]:
    words: list[str] = []
    orgs = set()
    glue = False
    for t in tokens:
        key = by_token.get(t.i)
        if key is not None:
            orgs.add(key)
            glue = False
            continue
        word = t.lower_.rstrip(".")
        if glue and words and (t.text == "-" or words[-1].endswith("-")):
            words[-1] += word  # "co-chairman" is one word, as in the lexicon
        elif t.lower_ not in _SKIP:
            words.append(word)
        glue = not t.whitespace_
    return tuple(words), frozenset(orgs)


def _is_title(words: tuple[str, ...], lex: EntityLexicon) -> bool:
    if not words:
        return False
    titles = lex.roles | lex.person_titles | lex.government_leads | lex.government_members
    titles = titles - _HONORIFICS - {"former", "deputy"}
    for n in range(1, min(len(words), 4) + 1):
        phrase = " ".join(words[-n:])
        if phrase in titles:
            return True
    return False


def _forms(words: tuple[str, ...], lex: EntityLexicon) -> list[tuple[str, ...]]:
    """The description and its shorter forms that still name the same office."""
    forms = []
    for start in range(len(words)):
        if start > 0 and words[start - 1] in _QUALIFIERS:
            break
        form = words[start:]
        if _is_title(form, lex):
            forms.append(form)
    return forms


def _introductions(doc: Doc, by_token: dict[int, str], persons: set[str]) -> list[tuple[str, list[Token]]]:
    """(person, title tokens) for "<title> <name>" and "<name>, the <title>"."""
    found = []
    for token in doc:
        key = by_token.get(token.i)
        if key not in persons or (token.i > 0 and by_token.get(token.i - 1) == key):
            continue
        # "<title> <name>": the words right before the mention
        j = token.i - 1
        while j >= 0 and doc[j].lower_.rstrip(".") in _HONORIFICS:
            j -= 1
        title: list[Token] = []
        while j >= 0 and len(title) < _MAX_WORDS:
            word = doc[j]
            joined = word.text == "-" and not word.whitespace_ and j > 0 and not doc[j - 1].whitespace_
            if word.lower_ in ("a", "an"):
                title = []  # "how good a prime minister X would make": not an office X holds
                break
            if (word.is_punct and not joined) or word.lower_ == "the" or by_token.get(j) in persons:
                break
            if word.pos_ in ("VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ", "NUM"):
                break
            title.insert(0, word)
            j -= 1
        if title:
            found.append((key, title))
    for token in doc:
        # "<name>, the <title> (of ...)": an apposition headed by a title noun
        key = by_token.get(token.i)
        if key not in persons:
            continue
        for child in token.children:
            if child.dep_ == "appos" and by_token.get(child.i) is None and child.pos_ == "NOUN":
                left = [t for t in child.lefts if t.dep_ in ("det", "compound", "amod", "nmod", "poss", "case") or t.text == "-"]
                tokens = [t for l in left for t in l.subtree] + [child]
                found.append((key, sorted(tokens, key=lambda t: t.i)))
    return found


def _description(doc: Doc, det: Token, by_token: dict[int, str], persons: set[str]) -> tuple[list[Token], tuple[str, ...], frozenset[str]] | None:
    """The singular noun phrase after a determiner, its words and the organisations in it, unless a name follows."""
    # nouns, adjectives and glued hyphens ("the Tory co-chairman")
    tokens: list[Token] = []
    for t in doc[det.i + 1 : det.i + 2 + _MAX_WORDS]:
        glued = t.text == "-" and not t.whitespace_ and not doc[t.i - 1].whitespace_
        if not (glued or t.pos_ in ("NOUN", "PROPN", "ADJ")):
            break
        tokens.append(t)
    if not tokens or len(tokens) > _MAX_WORDS or tokens[-1].tag_ in ("NNS", "NNPS"):
        return None
    after = tokens[-1].i + 1
    if any(by_token.get(t.i) in persons for t in tokens) or (after < len(doc) and by_token.get(after) in persons):
        return None  # "the Home Secretary Charles Clarke": the name is there
    words, orgs = _words(tokens, by_token)
    if after + 1 < len(doc) and doc[after].lower_ == "of" and doc[after + 1].i not in by_token and doc[after + 1].lower_ != "the":
        words += ("of", doc[after + 1].lower_)  # "the secretary of state" is not "the secretary"
    return tokens, words, orgs


def _protagonist_titles(doc: Doc, by_token: dict[int, str], all_persons: set[str], untitled: set[str], registry, lex: EntityLexicon) -> dict[tuple[str, ...], int]:
    """Register the office of an untitled person from the description that takes over from the name.

    News names a person and then varies the name with the office: "Gordon Brown has set out
    his plans. The chancellor said ...". A title nobody in the article was introduced with, as
    the subject of a sentence right after one whose subject is a person with no title of their
    own, is that person's title from there on. Each person takes one office this way, and each
    office one person. An office in an organisation counts too ("Mr Johnson said ... The
    Spectator editor told ..."); the organisation keeps its own actor, and later descriptions
    must name the same one.

    The office names the person only from that sentence on, and not at all when a sentence
    names the person and uses the office for someone else ("Mr Brown refused to deny claims
    the prime minister had reneged"). Returns the first token each registered form holds from.
    """
    sents = list(doc.sents)
    given: set[str] = set()
    since: dict[tuple[str, ...], int] = {}
    for n in range(1, len(sents)):
        sent = sents[n]
        det = sent[0]
        if det.lower_ != "the" or len(sent) < 3:
            continue
        found = _description(doc, det, by_token, all_persons)
        if found is None:
            continue
        tokens, words, orgs = found
        head = tokens[-1]
        if words in registry or not _is_title(words, lex) or any(w in _PAST for w in words):
            continue
        if not (head.dep_ in ("nsubj", "nsubjpass") or (head.dep_ == "poss" and head.head.dep_ in ("nsubj", "nsubjpass") and head.head.lower_ not in _KIN)):
            continue  # "The chancellor said", "The prime minister's spokesman said" (not "The prime minister's wife")
        if not _is_office(words, lex):
            continue  # "The businessman": an occupation names nobody in particular
        before = sents[n - 1]
        if n >= 2 and _carried_on(before, by_token):
            before = sents[n - 2]  # "Mr Blair said ... . That would cut numbers, he said. The prime minister ...": "he" carries the subject on
        quoted = quoted_tokens(before)
        subjects = {by_token.get(t.i) for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.i not in quoted} & all_persons
        if len(subjects) != 1 or not subjects <= untitled - given:
            continue  # one person the sentence before is about, with no title of their own
        if not any(by_token.get(t.i) in subjects for t in before if t.dep_ in ("nsubj", "nsubjpass") and main_clause(t.head)):
            continue  # the subject of the main clause, not of "Labour's claim that Michael Howard was planning cuts"
        person = subjects.pop()
        if any(_names_and_describes(sent, person, words, by_token) for sent in sents if sent.start != sents[n].start):
            continue
        given.add(person)
        for form in _forms(words, lex):
            registry[form][person] |= orgs
            since.setdefault(form, det.i)
    return since


def _carried_on(sent, by_token: dict[int, str]) -> bool:
    """Whether a sentence names no actor and its speaker is "he" or "she": it goes on with the
    person the sentence before it is about ('That would cut numbers, he said.')."""
    if any(t.i in by_token for t in sent):
        return False
    quoted = quoted_tokens(sent)
    return any(t.dep_ == "nsubj" and t.lower_ in ("he", "she") and t.i not in quoted and main_clause(t.head) for t in sent)


def main_clause(verb: Token) -> bool:
    """The sentence's root, or the reporting verb hung under it ("Orders were defied, Lord Falconer said")."""
    return verb.dep_ == "ROOT" or (verb.dep_ in ("ccomp", "parataxis") and verb.head.dep_ == "ROOT" and verb.lemma_.lower() in _SPEECH_VERBS)


def _names_and_describes(sent, person: str, words: tuple[str, ...], by_token: dict[int, str]) -> bool:
    """Whether ``sent`` names ``person`` and, outside quotes, also has "the" + the description ``words``
    (then the description is someone else: "Mr Brown refused to deny claims the prime minister had reneged")."""
    if not any(by_token.get(t.i) == person for t in sent):
        return False
    quoted = quoted_tokens(sent)
    n = len(words)
    for t in sent:
        if t.lower_ in ("the", "his", "her", "their") and t.i not in quoted and t.i + n < sent.end:
            span = sent.doc[t.i + 1 : t.i + 1 + n]
            if tuple(w.lower_ for w in span) == words and not any(w.i in by_token for w in span):
                return True
    return False


def _is_office(words: tuple[str, ...], lex: EntityLexicon) -> bool:
    """Whether a description ends in an office ("the chancellor", "the Tory leader"), not an occupation."""
    offices = lex.person_titles | lex.government_leads | lex.government_members | lex.lead_roles
    return any(" ".join(words[-n:]) in offices for n in range(1, min(len(words), 4) + 1))


def quoted_tokens(sent) -> set[int]:
    """Token indices inside quotation marks ('"Gordon Brown is a great chancellor," he said': not the subject of the story)."""
    inside, found = False, set()
    for t in sent:
        if t.text in ('"', "“", "”", "''", "``"):
            inside = t.text == "“" or (t.text != "”" and not inside)
            continue
        if inside:
            found.add(t.i)
    return found


def link_descriptions(doc: Doc, by_token: dict[int, str], types: dict[str, str], lex: EntityLexicon) -> dict[int, str]:
    """Token index -> person key for the definite descriptions that name one titled person."""
    persons = {k for k, t in types.items() if t == "Person"}
    registry: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    titled: set[str] = set()  # introduced with any title, a former one too
    for person, tokens in _introductions(doc, by_token, persons):
        words, orgs = _words(tokens, by_token)
        forms = _forms(words, lex)
        if forms:
            titled.add(person)
        if any(t.lower_ in _PAST for t in tokens):
            continue  # "former chancellor Jane Roe" is not "the chancellor"
        for form in forms:
            registry[form][person] |= orgs
    since = _protagonist_titles(doc, by_token, persons, persons - titled, registry, lex)
    if not registry:
        return {}
    linked: dict[int, str] = {}
    for det in doc:
        if det.lower_ not in ("the", "his", "her", "their", "its"):
            continue  # "the home secretary", "his chancellor", "its leader"
        found = _description(doc, det, by_token, persons)
        if found is None:
            continue
        tokens, words, orgs = found
        after = tokens[-1].i + 1
        candidates = registry.get(words)
        if not candidates or det.i < since.get(words, 0):
            continue  # an office a protagonist took over names them only from there on
        # "the leader of Labour": an organisation after the title must fit too
        if after < len(doc) and doc[after].lower_ == "of":
            for t in doc[after + 1 : after + 1 + _MAX_WORDS]:
                if t.is_punct or t.pos_ in ("VERB", "AUX"):
                    break
                if t.i in by_token:
                    orgs |= {by_token[t.i]}
        fitting = [p for p, known in candidates.items() if orgs <= known]
        if len(candidates) != 1 or len(fitting) != 1:
            continue
        for t in tokens:
            if t.i not in by_token:
                linked[t.i] = fitting[0]
    return linked


def link_indefinites(doc: Doc, by_token: dict[int, str], types: dict[str, str], lex: EntityLexicon) -> dict[int, str]:
    """Token index -> person key for an indefinite description the next sentence names.

    News leads with a description and names the person in the sentence after: "The
    government is naive, a senior EU politician says. Javier Solana, EU foreign policy chief,
    says ...". The description is linked when the next sentence brings in exactly one person
    not named before, as the subject of its main clause, and every capitalised word of the
    description (a party, a body: "EU") comes back there. Roles news keeps anonymous ("a
    spokesman", "an official") are never linked.
    """
    persons = {k for k, t in types.items() if t == "Person"}
    first: dict[str, int] = {}
    for i in sorted(by_token):
        first.setdefault(by_token[i], i)
    nouns = (lex.person_titles | _PERSON_NOUNS) - _ANONYMOUS - _HONORIFICS  # not occupations: "seeing a consultant"
    sents = list(doc.sents)
    linked: dict[int, str] = {}
    for sent, after in zip(sents, sents[1:]):
        for det in sent:
            head = det.head
            if det.lower_ not in ("a", "an") or det.dep_ != "det" or head.i < det.i or head.tag_ != "NN" or head.lower_ not in nouns:
                continue
            words = list(doc[det.i + 1 : head.i])
            if any(not (t.pos_ in ("ADJ", "NOUN", "PROPN") or t.text == "-") or by_token.get(t.i) in persons for t in words):
                continue
            if any(c.dep_ == "appos" for c in head.children) or (head.i + 1 < len(doc) and by_token.get(head.i + 1) in persons):
                continue  # "a Labour MP, Jane Roe": the name is there
            if not (head.dep_ in ("nsubj", "nsubjpass", "dobj") or (head.dep_ == "pobj" and head.head.lower_ == "by")):
                continue  # someone who does or undergoes something, not "return as a minister"
            subjects = {
                by_token[t.i]
                for t in after
                if by_token.get(t.i) in persons and first[by_token[t.i]] >= after.start and t.dep_ in ("nsubj", "nsubjpass") and main_clause(t.head)
            }
            newcomers = {by_token[t.i] for t in after if by_token.get(t.i) in persons and first[by_token[t.i]] >= after.start}
            if len(subjects) != 1 or len(newcomers) != 1:
                continue
            named = {t.lower_ for t in after}
            if any(t.text[:1].isupper() and t.lower_ not in named for t in words if t.i != sent.start):
                continue  # "a senior Tory" is not the Labour MP named next
            person = subjects.pop()
            for t in [*words, head]:
                if t.i not in by_token:
                    linked[t.i] = person
    return linked
