"""Name clusters of one article (engine/speakers/clusters.py): namesakes and bare surnames."""

import pytest
from spacy.language import Language

from saidwhat.engine.speakers.clusters import (
    ArticleIndex,
    Event,
    surnames_of_shaped_orgs,
    surnames_tagged_org,
)
from saidwhat.engine.speakers.mentions import NameMention
from saidwhat.run.nlp import load


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def surname_goes_to(nlp: Language, text: str, surname: str) -> list[str]:
    """The entity name each bare mention of a surname is clustered with, in text order."""
    index = ArticleIndex(nlp(text))
    return [index.entities[index.mention_entity[m.start]].name for m in index.mentions
            if m.tokens == (surname.lower(),)]


@pytest.mark.parametrize(("text", "surname", "expected"), [
    ("Hillary Clinton spoke in Ohio on Monday. Her husband, Bill Clinton, sat nearby in the "
     "front row. Clinton said the plan would work.", "Clinton", ["Hillary Clinton"]),
    ("Brent Bozell III leads the media group. Bozell was five then. His father, Brent "
     "Bozell, wrote the book. Bozell says the party must change.", "Bozell",
     ["Brent Bozell III", "Brent Bozell III"]),
    # named as a relative and nobody else: the surname is theirs
    ("Her husband, Bill Clinton, sat nearby in the front row. Clinton said the plan would "
     "work.", "Clinton", ["Bill Clinton"]),
    # named in their own right just before: the nearest still wins
    ("Hillary Clinton spoke in Ohio on Monday. Bill Clinton spoke in Iowa on Tuesday. Clinton "
     "said the plan would work.", "Clinton", ["Bill Clinton"]),
])
def test_a_namesake_named_only_as_a_relative_does_not_take_the_bare_surname(
        nlp: Language, text: str, surname: str, expected: list[str]) -> None:
    assert surname_goes_to(nlp, text, surname) == expected


@pytest.mark.parametrize(("text", "surname", "expected"), [
    # a painter named only in "a ... painting", long before: the spokesman is the one met
    ("The airport looked like a Hieronymus Bosch painting on Friday. Crowds filled every hall. "
     "Trains were late. Buses were full. Taxis were gone. Nobody knew why. The weather was "
     "bad. \"The system works,\" says Adam Bosch, a spokesman for the water department. "
     "Pipes were laid in 1917. Tunnels came later. The city grew fast. Water was scarce. Wells "
     "ran dry. Reservoirs were built. Bosch notes that gravity does the work.", "Bosch",
     ["Adam Bosch"]),
])
def test_a_namesake_named_only_as_a_modifier_does_not_take_the_bare_surname(
        nlp: Language, text: str, surname: str, expected: list[str]) -> None:
    assert surname_goes_to(nlp, text, surname) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the recogniser may call the bare surname an organisation: still the director
    ("The actor stars in J.C. Chandor's new film about a violent winter. For this role, "
     "Chandor asked his leading man to pick a time in history.", ["J.C. Chandor"]),
])
def test_a_surname_tagged_as_an_organisation_joins_the_person_named_in_full(
        nlp: Language, text: str, expected: list[str]) -> None:
    assert surname_goes_to(nlp, text, "Chandor") == expected


def mention(start: int, label: str, text: str) -> NameMention:
    """A name mention of `text` at `start`, its tokens the lowered words."""
    words = text.split()
    return NameMention(start, start + len(words), label, text, tuple(w.lower() for w in words))


def test_an_organisation_word_of_a_longer_name_is_no_surname() -> None:
    mentions = [mention(0, "PERSON", "Harold Ford"), mention(5, "ORG", "Ford Motor"),
                mention(9, "ORG", "Ford"), mention(12, "ORG", "Chandor")]
    assert surnames_tagged_org(mentions, {0: 0}) == {}
    mentions[1] = mention(5, "ORG", "General Motors")
    assert surnames_tagged_org(mentions, {0: 0}) == {2: 0}


def test_a_surname_joins_the_one_person_shaped_organisation_name_it_ends() -> None:
    mentions = [mention(0, "ORG", "Chandor"), mention(3, "ORG", "J.C. Chandor"),
                mention(9, "ORG", "Chandor")]
    assert surnames_of_shaped_orgs(mentions, {}) == {0: 1, 2: 1}
    # two such names end in it, or an organisation's name holds it: left alone
    assert surnames_of_shaped_orgs(mentions + [mention(12, "ORG", "Ann Chandor")], {}) == {}
    assert surnames_of_shaped_orgs(mentions + [mention(12, "ORG", "Chandor Research")],
                                   {}) == {}


def test_a_place_described_as_a_business_is_an_organisation(nlp: Language) -> None:
    index = ArticleIndex(nlp("Searchers looked for the missing jet of AirAsia, a budget "
                             "carrier, on Monday. The airline said it was sending staff to "
                             "Surabaya."))
    types = {e.name: e.type for e in index.entities}
    assert types == {"AirAsia": "ORG", "Surabaya": "GPE"}


def test_a_business_is_never_he_or_she() -> None:
    from saidwhat.engine.speakers.clusters import Entity
    from saidwhat.engine.speakers.pronouns import pronoun_may_refer

    airline = Entity(name="AirAsia", type="ORG", tokens=frozenset({"airasia"}))
    assert pronoun_may_refer("she", airline)  # an organisation may be a mistyped person
    airline.roles |= {"budget", "carrier"}
    assert not pronoun_may_refer("she", airline) and pronoun_may_refer("it", airline)
    boss = Entity(name="Tony Fernandes", type="ORG", tokens=frozenset({"tony", "fernandes"}))
    boss.roles |= {"airline", "boss"}
    assert pronoun_may_refer("he", boss)


def test_speaker_at_follows_the_speakers_as_they_are_added(nlp: Language) -> None:
    index = ArticleIndex(nlp("Tom Okafor said the talks were hard. Ben Cole agreed."))
    okafor = index.entity_named("Tom Okafor", "PERSON")
    cole = index.entity_named("Ben Cole", "PERSON")
    assert index.speaker_at() == {}
    index.speakers.append(Event(1, 0, okafor, 0))
    assert index.speaker_at() == {1: okafor}
    index.speakers.append(Event(8, 1, cole, 0))
    index.speakers.append(Event(1, 0, cole, 0))  # the same token resolved again: the latest wins
    assert index.speaker_at() == {1: cole, 8: cole}


def test_a_one_word_name_is_no_middle_word_of_a_name_given_later() -> None:
    from saidwhat.engine.speakers.clusters import middle_name_of_later

    chao, pian = mention(4, "PERSON", "Chao"), mention(90, "PERSON", "Rulan Chao Pian")
    assert middle_name_of_later(chao, pian)
    assert not middle_name_of_later(mention(95, "PERSON", "Chao"), pian)  # named in full first
    assert not middle_name_of_later(mention(4, "PERSON", "Pian"), pian)  # a surname


def test_a_name_used_long_before_a_namesake_with_it_in_the_middle_stays_apart(
        nlp: Language) -> None:
    text = ("Chao went to the United States in 1910 to study mathematics. Chao taught at "
            "Harvard later. His first daughter Rulan Chao Pian was a professor.")
    assert surname_goes_to(nlp, text, "Chao") == ["Chao", "Chao"]


def test_an_object_pronoun_gives_no_gender_to_its_own_clauses_subject(nlp: Language) -> None:
    from saidwhat.engine.speakers.clusters import own_clause_subject

    doc = nlp("Dara Quill filed three complaints against him in May.")
    him = next(t for t in doc if t.text == "him")
    subject = own_clause_subject(him)
    assert subject is not None and subject.text == "Quill"
    assert own_clause_subject(next(t for t in doc if t.text == "Dara")) is None
    index = ArticleIndex(doc)
    assert [e.gender for e in index.entities if e.name == "Dara Quill"] == [None]
    index = ArticleIndex(nlp("Dara Quill filed three complaints in May. He lost the case."))
    assert [e.gender for e in index.entities if e.name == "Dara Quill"] == ["m"]
    index = ArticleIndex(nlp("The paper listed the reports Dara Quill filed against him. "
                             "He denied them."))  # "He" is the "him" of the sentence before
    assert [e.gender for e in index.entities if e.name == "Dara Quill"] == [None]
