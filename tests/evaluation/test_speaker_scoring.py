"""Speaker-resolution scoring: name matching, typed referents, anonymous sources."""

import pytest
from spacy.language import Language

from saidwhat.evaluation.gum import GumDocument, GumMention
from saidwhat.evaluation.speakers import (
    SpeakerScores,
    gum_targets,
    right_speaker,
    same_referent,
    score_polnear_document,
)
from saidwhat.records import Speaker
from saidwhat.run.nlp import load


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def test_a_surname_names_the_full_name_but_a_possessor_is_not_its_campaign() -> None:
    assert same_referent("Obama", "Barack Obama")
    assert same_referent("President Barack Obama", "Barack Obama")
    assert not same_referent("Clinton", "Clinton campaign")
    assert not same_referent("Jill Biden", "Joe Biden")


def test_a_person_is_never_the_organisation_the_gold_names() -> None:
    person = Speaker("Holcomb", "holcomb", "PERSON", "pronoun")
    assert not right_speaker(person, "Holcomb", "ORG")
    assert right_speaker(person, "Eric Holcomb", "PERSON")


def test_a_document_is_matched_on_its_name_before_what_follows_its_head() -> None:
    feature = Speaker("Daily Ledger's profile", "daily-ledger-profile", "DOCUMENT", "nominal")
    assert right_speaker(feature, "Daily Ledger profile by Jane Roe", "DOCUMENT")
    average = Speaker("Gallup average", "gallup-average", "DOCUMENT", "nominal")
    assert right_speaker(average, "Gallup average of polls", "DOCUMENT")
    assert not right_speaker(feature, "Daily Ledger editorial by Jane Roe", "DOCUMENT")
    survey = Speaker("Gallup survey of voters", "gallup-survey-of-voters", "DOCUMENT", "nominal")
    assert right_speaker(survey, "Gallup survey of voters", "DOCUMENT")
    assert not right_speaker(survey, "Gallup poll of voters", "DOCUMENT")
    ledger = Speaker("Daily Ledger", "daily-ledger", "ORG", "nominal")
    assert not right_speaker(ledger, "Daily Ledger profile by Jane Roe", "DOCUMENT")


def test_polnear_gold_counts_kinds_and_anonymous_sources_named(nlp: Language) -> None:
    text = ("Senator Dana Whitfield spoke on Monday. She said the bill would pass. "
            "A senior official said the vote was close.")
    doc = nlp(text)
    she = text.index("She")
    official = text.index("A senior official")
    gold = {"doc": "invented", "sources": [
        {"span": [she, she + 3], "kind": "pronoun", "referent": "Dana Whitfield",
         "referent_type": "PERSON"},
        {"span": [official, official + 17], "kind": "description", "referent": None,
         "referent_type": "ANONYMOUS"}]}
    scores = SpeakerScores()
    score_polnear_document(doc, gold, scores)
    assert scores.kind("pronoun").to_dict()["right"] == 1
    assert scores.kind("description").anonymous == 1
    assert scores.kind("description").anonymous_named == 0


def _gum(text: str, chains: list[tuple[str, int, int]]) -> GumDocument:
    """An invented GUM document: (mention text, occurrence, cluster) per gold mention."""
    mentions = []
    for needle, nth, cluster in chains:
        start = -1
        for _ in range(nth + 1):
            start = text.index(needle, start + 1)
        mentions.append(GumMention(start, start + len(needle), "object", cluster))
    return GumDocument("invented", text, tuple(sorted(mentions, key=lambda m: m.start)))


def test_a_capitalised_common_word_is_no_name_a_chain_can_be_resolved_to(
        nlp: Language) -> None:
    text = ("How to Keep Mice Out\nMice eat grain. If mice get in, the mice will nest.\n"
            "The Civil War began in 1861. The war lasted four years.")
    gold = _gum(text, [("Mice", 0, 1), ("Mice", 1, 1), ("mice", 0, 1), ("the mice", 0, 1),
                       ("The Civil War", 0, 2), ("The war", 0, 2)])
    targets = gum_targets(nlp(text), gold)
    # "Mice" is written "mice" too: a heading's capital, not a name; "Civil War" stays one
    # although "war" is written in lower case, since "civil" never is
    assert [(t.span.text, t.names) for t in targets] == [("The war", ("Civil War",))]


def test_a_parsed_gum_document_is_scored_with_the_ranker_asked_for(nlp: Language) -> None:
    from saidwhat.engine.speakers.ranker import Ranker
    from saidwhat.evaluation.speakers import score_gum_parsed

    text = "Ann Lee met Tom Okafor on Monday. She thanked him for the loan."
    gold = _gum(text, [("Ann Lee", 0, 1), ("Tom Okafor", 0, 2), ("She", 0, 1), ("him", 0, 2)])
    doc = nlp(text)
    seen: list[str] = []
    scores = SpeakerScores()
    done = score_gum_parsed(doc, gold, scores, ranker=None,
                            observe=lambda index, n, span: seen.append(span.text))
    assert seen == ["She", "him"]  # each target, at its place
    assert [(t.span.text, resolved, right) for t, resolved, right in done] == [
        ("She", True, True), ("him", True, True)]
    assert (scores.kind("pronoun").total, scores.kind("pronoun").right) == (2, 2)
    never = Ranker({"pronoun": {"bias": -9.0}}, {"pronoun": 0.5})  # resolves no pronoun
    done = score_gum_parsed(doc, gold, SpeakerScores(), ranker=never)
    assert [resolved for _, resolved, _ in done] == [False, False]
