"""quotes.py: pairing quote marks in raw text, robust to apostrophes and unbalanced marks."""

from __future__ import annotations

import random

import pytest
from spacy.language import Language

from saidwhat.engine.quotes import (
    Quote,
    find_quotes,
    paragraphs,
    quote_regions,
    span_text,
    token_in_quote,
)


def inner_texts(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


def check_invariants(text: str, quotes: list[Quote]) -> None:
    """Ordered, in-bounds, non-overlapping, non-empty quotes."""
    prev_end = 0
    for i, q in enumerate(quotes):
        assert 0 <= q.start <= q.inner_start < q.inner_end <= q.end <= len(text), (text, q)
        assert q.start >= prev_end, (text, quotes)
        prev_end = q.end
        if q.continues:
            assert i > 0 and not quotes[i - 1].closed, (text, quotes)


@pytest.mark.parametrize(
    "opening, closing",
    [
        ("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"),
        ("''", "''"), ("``", "''"), ("„", "“"), ("“", '"'),
    ],
)
def test_every_quote_style_pairs(opening: str, closing: str) -> None:
    text = f"The mayor said {opening}we will rebuild the bridge{closing} and left."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert text[q.inner_start : q.inner_end] == "we will rebuild the bridge"
    assert text[q.start : q.end] == f"{opening}we will rebuild the bridge{closing}"
    assert q.closed and not q.continues
    assert q.inner == (q.inner_start, q.inner_end)


def test_two_quotes_in_one_sentence() -> None:
    text = "She called it “fair” and the plan “overdue.”"
    assert inner_texts(text) == ["fair", "overdue."]


def test_apostrophes_outside_quotes_are_not_quotes() -> None:
    assert find_quotes("They don’t like Jones’ plan from the ’90s, or Smith's either.") == []


def test_apostrophe_inside_single_quoted_words() -> None:
    text = "‘I don’t like it,’ she said."
    assert inner_texts(text) == ["I don’t like it,"]


def test_possessive_apostrophe_inside_single_quotes() -> None:
    text = "‘I like Jones’ plan,’ she said."
    assert inner_texts(text) == ["I like Jones’ plan,"]


def test_decade_apostrophe_inside_single_quotes() -> None:
    text = "‘It was the ’90s,’ she said."
    assert inner_texts(text) == ["It was the ’90s,"]


def test_straight_apostrophe_inside_double_quotes() -> None:
    text = "She said “it's fine” and ‘ok’."
    assert inner_texts(text) == ["it's fine", "ok"]


def test_multi_sentence_quote_is_one_quote() -> None:
    text = "“The roads are bad. The bridges are worse. We will fix both,” she said."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert inner_texts(text) == ["The roads are bad. The bridges are worse. We will fix both,"]


def test_quote_continuing_over_paragraphs() -> None:
    text = "“The roads are bad. The bridges are worse.\n\n“We will fix both,” she said."
    quotes = find_quotes(text)
    assert len(quotes) == 2
    first, second = quotes
    assert first.closed is False
    assert second.continues is True and second.closed is True
    # a continued quote is not capped: it runs to its paragraph's end
    assert text[first.inner_start : first.inner_end] == "The roads are bad. The bridges are worse."


def test_three_paragraph_quote_chain() -> None:
    text = "“One thing.\n\n“Another thing.\n\n“The last thing,” he said."
    quotes = find_quotes(text)
    assert [q.continues for q in quotes] == [False, True, True]
    assert [q.closed for q in quotes] == [False, False, True]


def test_unclosed_quote_stops_at_its_first_sentence() -> None:
    text = "“The roads are bad. The bridges are worse.\n\nThe council meets on Monday. It votes."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert not q.closed and not q.continues
    assert text[q.inner_start : q.inner_end] == "The roads are bad."
    assert q.end <= text.index("\n")


def test_unclosed_quote_never_reaches_the_next_paragraph() -> None:
    text = "He said “we will see what happens\n\nThe council meets on Monday and votes on Friday."
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert quotes[0].end <= text.index("\n")
    assert text[quotes[0].inner_start : quotes[0].inner_end] == "we will see what happens"


def test_nested_single_inside_double() -> None:
    text = "“He told me ‘never again’ last year,” she said."
    assert inner_texts(text) == ["He told me ‘never again’ last year,"]


@pytest.mark.parametrize(
    "text",
    ['"""""', "“”", "“ “ ” ”", "", "‘’‘’", "«»«", "“", "”", "``''``", "“a “b” c”", "»x«"],
)
def test_texts_of_quote_marks_only(text: str) -> None:
    check_invariants(text, find_quotes(text))


def test_paragraphs_split_at_newlines() -> None:
    text = "One.\n\nTwo.\nThree.\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two.", "Three."]
    assert paragraphs("") == []


def test_quote_regions_include_marks() -> None:
    text = "A “b” c «d» e."
    assert [text[s:e] for s, e in quote_regions(text)] == ["“b”", "«d»"]


ALPHABET = ["“", "”", '"', "‘", "’", "«", "»", "''", "``", "„", "'", "\n", "\n\n", " ", ". ", ", "]
WORDS = ["we", "Smith", "don’t", "said", "It", "’90s", "Jones’", "A"]


def test_find_quotes_never_crashes_on_random_text() -> None:
    rng = random.Random(20261129)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET + WORDS) for _ in range(rng.randint(0, 40)))
        quotes = find_quotes(text)
        check_invariants(text, quotes)
        assert quote_regions(text) == [(q.start, q.end) for q in quotes]


@pytest.mark.parametrize("text, inside", [
    ("He said “we won” today.", ["we", "won"]),
    ("He said ‘we won’ today.", ["we", "won"]),
    ('He said "we won." Then left.', ["we", "won", "."]),
])
def test_token_in_quote_is_the_quoted_words_never_the_marks(
    nlp: Language, text: str, inside: list[str]
) -> None:
    doc = nlp(text)
    flags = token_in_quote(doc, find_quotes(text))
    assert [t.text for t in doc if flags[t.i]] == inside


def test_span_text_is_the_text_spacy_gives_a_span(nlp: Language) -> None:
    doc = nlp("The mayor said the harbour plan is late.  Is it?\n\nShe did not answer. ")
    spans = [*doc.sents, doc[1:3], doc[2:2], doc[len(doc) - 1:], doc[:]]
    assert [span_text(s) for s in spans] == [s.text for s in spans]
    assert span_text(doc[1:3]) == "mayor said"
