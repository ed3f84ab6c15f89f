"""The pipeline's own component: sentence starts from the layout of news text."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_line_break_starts_a_sentence(nlp):
    sents = _sentences(nlp, "Kennedy questions trust of Blair\n\nLib Dem leader Charles Kennedy has said voters lack trust.")
    assert sents == ["Kennedy questions trust of Blair", "Lib Dem leader Charles Kennedy has said voters lack trust."]


@pytest.mark.parametrize(
    "text, sentence",
    [
        ("Tax to rise, say Tories\n\nNational Insurance will be raised if Labour wins, Michael Hartley has claimed.",
         "National Insurance will be raised if Labour wins, Michael Hartley has claimed."),
        ("Debate plan dropped, says Blair\n\nTony Blair has said he will not take part in a televised debate.",
         "Tony Blair has said he will not take part in a televised debate."),
        ("A poll said his former lover - Kimberly Quayle - acted vindictively.", "A poll said his former lover - Kimberly Quayle - acted vindictively."),
    ],
)
def test_no_sentence_starts_right_after_a_word_or_a_dash_on_the_same_line(nlp, text, sentence):
    assert sentence in _sentences(nlp, text)


def test_punctuation_still_ends_sentences(nlp):
    sents = _sentences(nlp, "Mr Hartley spoke first. The minister replied at length!")
    assert sents == ["Mr Hartley spoke first.", "The minister replied at length!"]
