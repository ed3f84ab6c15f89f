"""Evaluative polarity of words, from the VADER sentiment lexicon.

VADER (Hutto & Gilbert, 2014; the ``vaderSentiment`` package) rates about 7,500 English
words from -4 (very negative) to +4 (very positive). actorkg uses it only to decide
whether what a speaker says about an actor is a criticism or praise ("X said Y's plans
were inadequate"), never to score whole texts.

News has many words that VADER rates negative because of their topic, not because they
judge anyone ("war", "terror", "killed", "arrested"). Those are listed in
``kg/data/sentiment.toml`` and count as neutral; so do nouns in general (the relation
lexicon names the evaluative nouns it wants, such as "disgrace" or "shambles"). The same file
rates a few verdicts of political argument VADER lacks ("not credible", "their sums do not add up").
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..errors import LexiconError

__all__ = ["valence", "load_valences"]

#: parts of speech whose VADER rating counts: evaluative adjectives, verbs and adverbs
_EVALUATIVE_POS = frozenset({"ADJ", "VERB", "ADV"})


@lru_cache(maxsize=1)
def load_valences() -> dict[str, float]:
    """Word -> VADER valence, without the words kg/data/sentiment.toml marks as topical, with the
    verdicts it adds ("credible", "add up")."""
    try:
        text = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        raise LexiconError("the VADER lexicon is missing: pip install vaderSentiment") from None
    skip = _neutral_words()
    table: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or " " in parts[0]:
            continue
        word = parts[0].lower()
        if word in skip:
            continue
        try:
            table[word] = float(parts[1])
        except ValueError:
            continue
    table.update(_supplement())  # the file's own ratings win
    return table


def valence(token: Token, *, nouns: bool = False) -> float:
    """The VADER valence of an evaluative token (0.0 for topical and unknown words, and for nouns
    unless ``nouns``: a noun judges only where the syntax makes it a verdict, "called him a disgrace")."""
    if token.pos_ not in _EVALUATIVE_POS and not (nouns and token.pos_ == "NOUN"):
        return 0.0
    table = load_valences()
    phrasal = next((f"{token.lemma_.lower()} {c.lower_}" for c in token.children if c.dep_ == "prt"), None)
    if phrasal in table:
        return table[phrasal]  # "their sums do not add up": the phrasal verb as a whole
    if token.lower_ not in table and token.lower_ in _neutral_words():
        return 0.0  # "shocked" is listed as a state, whatever VADER says of "shock"
    return table.get(token.lower_, table.get(token.lemma_.lower(), 0.0))


@lru_cache(maxsize=1)
def _sentiment_data() -> dict:
    """kg/data/sentiment.toml, read once."""
    try:
        return tomllib.loads(resources.files("kg").joinpath("data/sentiment.toml").read_text("utf-8"))
    except FileNotFoundError:
        raise LexiconError("missing data file kg/data/sentiment.toml") from None
    except tomllib.TOMLDecodeError as err:
        raise LexiconError(f"sentiment.toml: {err}") from None


@lru_cache(maxsize=1)
def _neutral_words() -> frozenset[str]:
    """The words kg/data/sentiment.toml marks as topical."""
    return frozenset(w.lower() for w in _sentiment_data().get("neutral", {}).get("words", []))


def _supplement() -> dict[str, float]:
    """Ratings kg/data/sentiment.toml adds for verdicts VADER lacks ("credible", "add up")."""
    try:
        return {w.lower(): float(v) for w, v in _sentiment_data().get("supplement", {}).items()}
    except (TypeError, ValueError):
        raise LexiconError("sentiment.toml: [supplement] ratings must be numbers") from None
