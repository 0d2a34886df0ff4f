"""Name clusters of one article (engine/speakers/clusters.py): namesakes and bare surnames."""

import pytest
from spacy.language import Language

from saidwhat.engine.speakers.clusters import ArticleIndex
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
