"""Mention rules of `engine/speakers/mentions.py` and `clusters.py`, on sentences written for
them: oaths name nobody, an emperor's title is no part of his name."""

import pytest
from resolving import span_of
from spacy.language import Language
from spacy.tokens import Span

from saidwhat.engine.speakers.clusters import ArticleIndex
from saidwhat.engine.speakers.mentions import oath
from saidwhat.evaluation.speakers import name_words, same_referent


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("I mean, for God's sake, he was only there one day.", "God", True),
    ("Thank God the storm passed before the game.", "God", True),
    ("Oh my God, she said, the roof is gone.", "God", True),
    ("In the story, God speaks to Moses from a burning bush.", "God", False),
])
def test_an_oath_names_nobody(nlp: Language, text: str, word: str, expected: bool) -> None:
    doc = nlp(text)
    assert oath(span_of(doc, word).root) is expected


def test_no_entity_from_an_oath(nlp: Language) -> None:
    doc = nlp("The Undertaker retired last year. I mean, for God's sake, he was only there "
              "one day a year.")
    assert "God" not in {e.name for e in ArticleIndex(doc).entities}


def test_an_emperors_title_is_no_part_of_his_name() -> None:
    assert name_words("Emperor Norton") == ["norton"]
    assert same_referent("Joshua Abraham Norton", "Emperor Norton")


def test_an_apposition_after_coordinated_names_describes_the_nearest(nlp: Language) -> None:
    doc = nlp("With the attention on front-runners Clinton, Trump and Cruz, the Texas senator "
              "leading the pack in Iowa, the others were on the defensive.")
    index = ArticleIndex(doc)
    clinton = next(e for e in index.entities if e.name == "Clinton")
    assert "senator" not in clinton.roles and "texas" not in clinton.roles



def test_a_slash_joins_two_names_into_one_modifier(nlp: Language) -> None:
    from saidwhat.engine.speakers.mentions import np_start

    doc = nlp("Both candidates gained ground among women in a New York Times/CBS News survey "
              "released last Thursday.")
    survey = next(t for t in doc if t.text == "survey")
    assert doc[np_start(survey) : survey.i + 1].text == "a New York Times/CBS News survey"


def test_an_age_noun_is_a_person_noun() -> None:
    from saidwhat.engine.speakers.mentions import is_person_noun

    assert is_person_noun("teen") and is_person_noun("teenager")
    assert not is_person_noun("teens'") and not is_person_noun("table")


def test_a_noun_of_what_someone_does_is_a_person_noun() -> None:
    from saidwhat.engine.speakers.mentions import is_person_noun

    assert is_person_noun("coroner") and is_person_noun("forecaster")
    assert not is_person_noun("computer") and not is_person_noun("paper")


def test_the_teen_is_the_girl_just_named(nlp: Language) -> None:
    from resolving import resolve

    text = ("Maria Lopez, 17, was arrested on Sunday, police said. The teen told "
            "reporters she had no regrets.")
    (teen,) = resolve(nlp, text, "The teen")
    assert teen.name == "Maria Lopez"


def test_a_person_name_ending_in_an_institution_is_the_institution(nlp: Language) -> None:
    doc = nlp("The Obama White House had long disliked the summits held at the lake house, "
              "and a former aide said so in March.")
    typed = {(e.name, e.type) for e in ArticleIndex(doc).entities}
    assert ("Obama White House", "ORG") in typed
    assert not any(type_ == "PERSON" for _, type_ in typed)


@pytest.mark.parametrize(("text", "name"), [
    ("“He will gain from this,” Commentary’s Noah Rothman tweeted Friday.", "Noah Rothman"),
    ("The New Republic’s Jeet Heer sees the essay as a return to old habits.", "Jeet Heer"),
    ("“We can win,” Harper’s Lucy Marsh wrote on Monday.", "Lucy Marsh"),
])
def test_a_journalist_named_after_the_outlets_possessive_is_the_person(
        nlp: Language, text: str, name: str) -> None:
    people = {e.name for e in ArticleIndex(nlp(text)).entities if e.type == "PERSON"}
    assert people == {name}


def test_an_organisations_possessive_before_no_first_name_keeps_the_name(nlp: Language) -> None:
    from saidwhat.engine.speakers.mentions import person_after_owner

    doc = nlp("McDonald’s Happy Meal sales rose.")
    ent = Span(doc, 0, 4, label="ORG")
    assert person_after_owner(ent) is ent
