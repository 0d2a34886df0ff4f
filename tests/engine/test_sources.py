"""sources.py: the subject a cue's words are attributed to, and the mention that names it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat.engine.cues import find_cues
from saidwhat.engine.lexicon import load_lexicon
from saidwhat.engine.quotes import find_quotes, token_in_quote
from saidwhat.engine.sources import after_dateline, mention_span, source_for, subject_of
from saidwhat.settings import CueSettings, SourceSettings

LEXICON = load_lexicon(CueSettings())


def source_text(nlp: Language, text: str, lemma: str) -> str | None:
    """The source found for the cue with this lemma."""
    doc = nlp(text)
    cues = find_cues(doc, token_in_quote(doc, find_quotes(text)), LEXICON)
    cue = next(c for c in cues if doc[c.head].lemma_ == lemma)
    span = source_for(doc, cue, LEXICON)
    return span.text if span is not None else None


@pytest.mark.parametrize(
    "text, lemma, source",
    [
        ("The mayor said the budget was balanced.", "say", "The mayor"),
        ("The mayor ended the meeting by saying that the budget was balanced.", "say", "The mayor"),
        ("The mayor praised the council, saying that the budget was balanced.", "say", "The mayor"),
        ("The budget is balanced, according to the mayor.", "accord", "the mayor"),
        ("The plan was criticized by the mayor.", "criticize", "the mayor"),
    ],
)
def test_source_of_each_cue_shape(nlp: Language, text: str, lemma: str, source: str) -> None:
    assert source_text(nlp, text, lemma) == source


def test_agentless_passive_has_no_source(nlp: Language) -> None:
    doc = nlp("The mayor was accused of hiding the budget.")
    verb = next(t for t in doc if t.lemma_ == "accuse")
    assert subject_of(verb, LEXICON, SourceSettings()) is None


def test_of_two_subjects_the_one_next_to_the_verb(nlp: Language) -> None:
    doc = nlp('"One of the brightest members of the entire Congress," Lopez said in an interview.')
    verb = next(t for t in doc if t.lemma_ == "say")
    subject = subject_of(verb, LEXICON, SourceSettings())
    assert subject is not None and subject.text == "Lopez"


def test_mention_leaves_out_a_comma_set_participle(nlp: Language) -> None:
    doc = nlp("Trump, speaking to veterans in Virginia, said the system was rigged.")
    head = next(t for t in doc if t.text == "Trump")
    assert mention_span(head).text == "Trump"


def test_mention_keeps_an_apposition(nlp: Language) -> None:
    doc = nlp("Maria Lopez, the senator from Ohio, said the bill was dead.")
    head = next(t for t in doc if t.dep_ == "nsubj")
    assert mention_span(head).text == "Maria Lopez, the senator from Ohio"


def test_the_person_asked_is_not_the_asker(nlp: Language) -> None:
    text = "Trump, asked about the polls, said he was winning."
    assert source_text(nlp, text, "ask") is None
    assert source_text(nlp, text, "say") == "Trump"


def test_mention_leaves_out_a_comma_set_past_participle(nlp: Language) -> None:
    text = "The senator, pressed on the deadline, insisted that the bill would pass."
    assert source_text(nlp, text, "insist") == "The senator"


@pytest.mark.parametrize(
    "text, lemma, source",
    [
        ("Ann Lee was quoted calling the plan a failure.", "quote", "Ann Lee"),
        ("Ann Lee was quoted as saying the plan had failed.", "quote", "Ann Lee"),
        ("Ann Lee is said to believe that the plan failed.", "say", "Ann Lee"),
        ("The plan was said to be dead.", "say", None),
        ("It was said to be raining.", "say", None),
    ],
)
def test_the_subject_of_a_passive_report_is_quoted_only_with_words_of_its_own(
        nlp: Language, text: str, lemma: str, source: str | None) -> None:
    assert source_text(nlp, text, lemma) == source


def test_a_role_set_off_by_then_joins_the_name_before_it(nlp: Language) -> None:
    text = ("In a memo to the mayor, dated March 3, Mark Addison, then her deputy, said the "
            "plan would fail.")
    assert source_text(nlp, text, "say") == "Mark Addison, then her deputy"
    assert source_text(nlp, "Her deputy, then a clerk, said the plan would fail.",
                       "say") == "Her deputy, then a clerk"


@pytest.mark.parametrize(
    "text, source",
    [
        ("Even Dana Ortiz said the plan would fail.", "Dana Ortiz"),
        ("Only the mayor said the plan would fail.", "the mayor"),
    ],
)
def test_a_source_leaves_out_focus_words_and_datelines(nlp: Language, text: str,
                                                       source: str) -> None:
    assert source_text(nlp, text, "say") == source


def test_a_dateline_opening_a_span_is_skipped(nlp: Language) -> None:
    doc = nlp("BRANDON, Ore. (AP) — Dana Ortiz said the plan would fail.")
    head = next(t for t in doc if t.text == "Ortiz")
    assert doc[after_dateline(doc, 0, head.i)].text == "Dana"


def test_a_dash_inside_a_plain_source_is_no_dateline(nlp: Language) -> None:
    doc = nlp("The mayor — a critic of the plan — said it would fail.")
    head = next(t for t in doc if t.text == "mayor")
    assert after_dateline(doc, 0, head.i) == 0


def test_an_inverted_aside_inside_a_clause_is_said_by_the_subject_after_it(
        nlp: Language) -> None:
    text = "One of the most popular offerings so far, said the owners, is the Pick 6 pack."
    assert source_text(nlp, text, "say") == "the owners"
    assert source_text(nlp, "The bridge, the mayor said, will open.", "say") == "the mayor"
