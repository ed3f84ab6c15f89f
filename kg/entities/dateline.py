"""Datelines: the place and the news source that open a wire story.

Two forms are read at the start of an article's body:

* ``SPRINGFIELD, Ill. (AP) --``: a place (and its region, and perhaps a date:
  ``Hefei, February 11 (XINHUA) --``) with the source in brackets, then a dash or the
  story; the source is active in both;
* ``Moscow ITAR-TASS``: a source line, a place the gazetteer knows followed by the
  name of a paper, agency or broadcaster and nothing else (no verb), or followed by
  the language of the source (``Madrid EFE in Spanish 1419 GMT``; the language, time,
  date and page after it name no actor). A monitoring service's source line may also
  come after a document code (``LD0506194194 Paris Radio France International in
  French``, ``40101006B Beijing CHINA DAILY``), wherever it is in the text.

:func:`find_dateline` returns the token spans of the place and of the source, or
``None``. The place is a place whatever the tagger says ("DENVER" is not a person),
the source an organisation, and the relation extractor states that the source is
active in the place (rule ``place.dateline``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from .lexicon import word_list
from .link import load_gazetteer

__all__ = ["Dateline", "find_dateline"]

_DASHES = {"-", "--", "—", "–", ":", "_"}
_OPENING = 80  # tokens of the body where a monitoring service's item code may stand
_DOCUMENT_CODE = re.compile(r"^(?:[A-Z]{2}\d{8,}|\d{7,}[A-Z]|\d{2}[A-Z]{2}\d{4}[A-Z])$")  # "LD0506194194", "40101006B", "94WE0015A": a monitoring service's item number


@lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    import pycountry

    return frozenset(language.name.lower() for language in pycountry.languages)
_MEDIA_WORDS = word_list("media_words")
_MONTHS = word_list("months")
_EDITORIAL_MARKS = word_list("editorial_marks")
_PARTICLES = word_list("name_particles")


@dataclass(frozen=True)
class Dateline:
    place: tuple[int, int]  # token span of the place
    source: tuple[int, int]  # token span of the source
    region: tuple[int, int] | None = None  # "Ill." of "SPRINGFIELD, Ill. (AP)"
    colophon: tuple[int, int] | None = None  # the rest of a source line: "in Serbo-Croatian 2000 GMT 8 Jun 94" (no actors)


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


def _shouting(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _body_start(doc: Doc, headline_end: int) -> int | None:
    for token in doc:
        if token.idx >= headline_end and not token.is_space:
            return token.i
    return None


def find_dateline(doc: Doc, headline_end: int = 0) -> Dateline | None:
    """The dateline that opens the body of ``doc``, if there is one.

    Mentions and relations both ask; the answer is kept in ``doc.user_data``.
    """
    key = ("actorkg.dateline", headline_end)
    if key not in doc.user_data:
        doc.user_data[key] = _find(doc, headline_end)
    return doc.user_data[key]


def _find(doc: Doc, headline_end: int) -> Dateline | None:
    start = _body_start(doc, headline_end)
    if start is None:
        return None
    found = _bracketed(doc, start) or _source_line(doc, start)
    if found is None:
        for token in doc[start : start + _OPENING]:
            if _DOCUMENT_CODE.match(token.text) and token.i + 1 < len(doc):
                found = _source_line(doc, token.i + 1)
                if found is not None:
                    break
    return found


def _name_run(doc: Doc, i: int, limit: int) -> int:
    """End of the run of capitalised tokens (and inner hyphens, dots, "of") starting at ``i``."""
    end = i
    while end < len(doc) and end - i < limit:
        text = doc[end].text
        if _capitalised(text) or (end > i and text in ("-", "&") and end + 1 < len(doc) and _capitalised(doc[end + 1].text)):
            end += 1
        else:
            break
    return end


def _date_at(doc: Doc, i: int) -> int:
    """End of a date written at token i ("February 11", "9 Feb"), or i when there is none."""
    if i + 1 < len(doc) and doc[i].lower_.rstrip(".") in _MONTHS and doc[i + 1].like_num:
        return i + 2
    if i + 1 < len(doc) and doc[i].like_num and doc[i + 1].lower_.rstrip(".") in _MONTHS:
        return i + 2
    return i


def _bracketed(doc: Doc, start: int) -> Dateline | None:
    """``PLACE [, REGION] [, DATE] ( SOURCE ) --`` ("Hefei, February 11 (XINHUA) --")."""
    if start + 3 < len(doc) and doc[start].text == "(" and doc[start + 2].text == ")" and doc[start + 1].lower_ in _EDITORIAL_MARKS:
        start += 3  # a monitoring service's "(Text)" or "(Excerpts)" before the story
    place_end = _name_run(doc, start, 4)
    if place_end == start:
        return None
    i = place_end
    region = None
    if i + 1 < len(doc) and doc[i].text == "," and _date_at(doc, i + 1) > i + 1:
        i = _date_at(doc, i + 1)
    elif i + 1 < len(doc) and doc[i].text == ",":
        region_end = _name_run(doc, i + 1, 3)
        if region_end == i + 1:
            return None
        region = (i + 1, region_end)
        i = region_end
        if i < len(doc) and doc[i].text == ".":
            i += 1  # "Ill ." as the corpus writes it
        if i + 1 < len(doc) and doc[i].text == ",":
            i = _date_at(doc, i + 1)  # "Troy, Mich., May 3 (AP)"
    if i >= len(doc) or doc[i].text != "(":
        return None
    source_end = _name_run(doc, i + 1, 4)
    if source_end == i + 1 or source_end >= len(doc) or doc[source_end].text != ")":
        return None
    after = source_end + 1
    if after < len(doc) and doc[after].text not in _DASHES and not _capitalised(doc[after].text):
        return None
    if not (_shouting(doc[start].text) or load_gazetteer().lookup(doc[start:place_end].text)):
        return None  # "Jane Roe (Labour) said": a name with a party, not a dateline
    return Dateline((start, place_end), (i + 1, source_end), region)


def _source_line(doc: Doc, start: int) -> Dateline | None:
    """``Place SOURCE``: a known place, then a news source's name, and no verb or the source's language."""
    sent = doc[start].sent
    gazetteer = load_gazetteer()
    for size in (3, 2, 1):
        place_end = start + size
        words = doc[start:place_end]
        if place_end >= sent.end or not _capitalised(words[0].text) or not _capitalised(words[-1].text):
            continue
        if not all(_capitalised(t.text) or t.lower_ in _PARTICLES for t in words):
            continue
        if not (gazetteer.cities(doc[start:place_end].text) or gazetteer.country(doc[start:place_end].text)):
            continue
        source_end = _name_run(doc, place_end, 6)
        if source_end == place_end:
            return None
        rest = doc[source_end : sent.end]
        said_in = rest[1].lower_ if len(rest) >= 2 else ""
        if len(rest) >= 4 and rest[2].text == "-":
            said_in = f"{said_in}-{rest[3].lower_}"  # "in Serbo-Croatian"
        language = len(rest) >= 2 and rest[0].lower_ == "in" and (said_in in _languages() or rest[1].lower_ in _languages())  # "in Spanish"
        verbs = [t for t in sent if t.pos_ in ("VERB", "AUX") and not (place_end <= t.i < source_end and _shouting(t.text))]  # "I KATHIMERINI" is no verb
        if not language and (verbs or (any(t.is_alpha for t in rest) and rest[:1].text != "(")):
            return None  # more words follow: a sentence, not a source line
        words = doc[place_end:source_end]
        if any(_shouting(t.text) for t in words) or any(t.lower_ in _MEDIA_WORDS for t in words):
            return Dateline((start, place_end), (place_end, source_end), colophon=(source_end, sent.end) if language else None)
        return None
    return None
