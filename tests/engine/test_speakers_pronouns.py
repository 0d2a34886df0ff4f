"""Pronoun antecedents (issue 10): the rules that decide who a he/she/they can refer to, each on
a small invented article."""


import pytest
from resolving import resolve
from spacy.language import Language

from saidwhat.engine.speakers.clusters import excerpt_paragraph
from saidwhat.run.nlp import load


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


EXCERPT = (
    "The Daily Ledger ran a long profile of a voter on Sunday. Jane Roe, its reporter, "
    "describes her.\n\n"
    '"Doris had voted in every election since 1970. She kept her ballots in a shoebox, and '
    "she knew every poll worker in town by name.\n\n"
    "“I never miss one,” she said, smiling at the clerk.\n")


def test_the_people_an_excerpt_narrates_are_antecedents(nlp: Language) -> None:
    (she,) = resolve(nlp, EXCERPT, ("she", 1))
    assert (she.name, she.resolved_by) == ("Doris", "pronoun")


@pytest.mark.parametrize(("para", "excerpt"), [
    ('"Doris had voted in every election. She kept her ballots in a shoebox.', True),
    ('"Doris had voted in every election. She called it a “duty” of hers."', True),
    ('"I have voted in every election. Doris knows it.', False),  # a speaker's own words
    ('"We met Doris in June. She was kind to you.', False),
    ('"Doris had voted in every election since 1970.', False),  # one sentence
    ('"Doris voted," the clerk said. "She always does.', False),  # speech and attribution
    ("Doris had voted in every election. She kept her ballots.", False),  # not quoted
])
def test_an_excerpt_is_quoted_third_person_narration_of_two_sentences(
        para: str, excerpt: bool) -> None:
    assert excerpt_paragraph(para) is excerpt


def test_a_pronoun_about_a_described_person_gives_no_gender_to_the_name(
        nlp: Language) -> None:
    text = ("Ottilie spoke to the new mayor, who began his speech by thanking the voters. "
            "“We love this town,” she said.")
    (she,) = resolve(nlp, text, "she")
    assert (she.name, she.resolved_by) == ("Ottilie", "pronoun")


def test_a_pronoun_closing_a_quote_its_own_sentence_introduced_is_that_subject(
        nlp: Language) -> None:
    from saidwhat.engine.speakers.clusters import ArticleIndex
    from saidwhat.engine.speakers.pronouns import _bound_in_clause, own_quote_introducer
    from saidwhat.engine.speakers.ranker import pronoun_candidates

    text = ("Tom Okafor said the talks had failed.\n\n"
            "Ben Cole also raised the budget: “We are broke,” he said. "
            "Ben Cole left. “We are broke,” he said.")
    doc = nlp(text)
    index = ArticleIndex(doc)
    cole = index.entity_named("Ben Cole", "PERSON")
    first, second = [t for t in doc if t.text == "he"]
    cands = pronoun_candidates(index, first, lambda p, e: True, _bound_in_clause)
    assert own_quote_introducer(index, first, cands) == cole
    assert own_quote_introducer(index, first, [c for c in cands if c[0] != cole]) is None
    later = pronoun_candidates(index, second, lambda p, e: True, _bound_in_clause)
    assert own_quote_introducer(index, second, later) is None  # introduced a sentence before
    out = resolve(nlp, text, "Tom Okafor", ("he", 0))
    assert [s.name for s in out] == ["Tom Okafor", "Ben Cole"]
