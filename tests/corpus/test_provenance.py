"""Quote provenance: verbatim, trimmed and altered reports group; different quotes don't."""

import random
import time

from saidwhat.corpus.provenance import (
    QuoteIndex,
    eligible,
    is_altered,
    normalise,
    same_quote,
    similarity,
    word_diff,
)

ORIGINAL = "“We will not back down from our commitment to the people of Ukraine,” "
QUOTE = "We will not back down from our commitment to the people of Ukraine"


def test_normalise_strips_case_punctuation_and_quote_marks():
    assert normalise("“We’ll see,” — he SAID. ‘Period.’") == ("well", "see", "he", "said", "period")
    assert normalise(ORIGINAL) == normalise(QUOTE.lower() + ".")


def test_only_direct_and_mixed_quotes_of_six_words():
    words = normalise(QUOTE)
    assert eligible("direct", words) and eligible("mixed", words)
    assert not eligible("indirect", words)
    assert not eligible("direct", normalise("Too short to track"))


def test_verbatim_trimmed_and_altered_are_the_same_quote():
    base = normalise(QUOTE)
    assert same_quote(base, normalise(QUOTE.upper() + "!"))
    assert similarity(base, normalise("back down from our commitment to the people")) == 1.0
    assert same_quote(base, normalise(QUOTE.replace("commitment", "promise")))
    assert not same_quote(base, normalise("We will back the people of Ukraine in their fight"))


def test_trimmed_quote_needs_six_words_to_count_as_contained():
    assert similarity(normalise(QUOTE), normalise("the people of Ukraine")) < 0.8


def test_index_groups_variants_and_separates_other_quotes():
    idx = QuoteIndex()
    g1 = idx.add(1, QUOTE)
    assert idx.add(2, QUOTE.replace("not", "never")) == g1
    assert idx.add(3, "back down from our commitment to the people") == g1
    assert idx.add(4, f"“{QUOTE},”") == g1
    other = idx.add(5, "The summit was constructive and our perspectives are divergent")
    assert other is not None and other != g1
    assert idx.add(6, "Too short") is None


def test_short_quote_with_one_word_changed_still_found():
    idx = QuoteIndex()
    g = idx.add(1, "There is no happiness in life")
    assert idx.add(2, "There is real happiness in life") == g
    assert idx.add(3, "Nothing here resembles that quote at all") != g
    g2 = idx.add(4, "we are going to hold them accountable for it")
    assert idx.add(5, "we are going to hold them responsible for it") == g2


def test_word_diff_marks_the_changed_words():
    diff = word_diff("We will not back down, ever.", "“We will never back down.”")
    ops = [(d.op, d.base, d.variant) for d in diff]
    assert ops == [
        ("equal", ("We", "will"), ("“We", "will")),
        ("replace", ("not",), ("never",)),
        ("equal", ("back", "down,"), ("back", "down.”")),
        ("delete", ("ever.",), ()),
    ]
    assert is_altered(diff)
    assert not is_altered(word_diff("We will win.", "“we will WIN”"))


def test_word_diff_insert():
    diff = word_diff("we will win", "we will surely win")
    assert [(d.op, d.variant) for d in diff] == [
        ("equal", ("we", "will")), ("insert", ("surely",)), ("equal", ("win",))]


def test_index_scales_incrementally():
    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(5000)]
    quotes = [" ".join(rng.choices(vocab, k=12)) for _ in range(5000)]
    idx = QuoteIndex()
    start = time.perf_counter()
    groups = [idx.add(i, q) for i, q in enumerate(quotes)]
    assert time.perf_counter() - start < 10
    assert len(set(groups)) == len(quotes)  # unrelated quotes never group
    altered = quotes[10].split()
    altered[5] = "changed"
    assert idx.add(99999, " ".join(altered)) == groups[10]
