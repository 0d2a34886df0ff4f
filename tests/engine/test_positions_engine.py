"""Positions: one small invented article per relation shape, through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from saidwhat.engine import positions as P
from saidwhat.records import Article, Position
from saidwhat.run.pipeline import annotate

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SUMMIT = SHARED / "data" / "articles" / "biden-putin-summit.txt"


def positions(nlp, text: str) -> list[Position]:
    """The positions saidwhat finds in a one-article text."""
    article = Article("t", text, title=text.split("\n")[0], body=((0, len(text)),))
    return list(annotate(nlp, article).positions)


def pairs(found: list[Position], relation: str) -> set[frozenset[str]]:
    """The last names of each agree/disagree pair."""
    return {frozenset(n.split()[-1] for n in (p.a or "", p.b or "")) for p in found
            if p.relation == relation}


def stances(found: list[Position]) -> set[tuple[str, str, str]]:
    """(source last name, polarity, target) of each stance."""
    return {((p.source or "").split()[-1], p.polarity or "", p.target or "") for p in found
            if p.relation == "stance"}


def test_explicit_agreement_between_two_speakers_on_a_topic(nlp):
    found = positions(nlp, "Trade talks\n\nMaria Lopez met Tom Becker on Monday. Lopez said she "
                           "and Becker agreed to cooperate on the issue of river pollution.")
    agree = [p for p in found if p.relation == "agree"]
    assert pairs(found, "agree") == {frozenset({"Lopez", "Becker"})}
    assert "river pollution" in agree[0].topic
    assert all(" and " not in (p.a or "") + (p.b or "") for p in found)


def test_explicit_divergence(nlp):
    found = positions(nlp, "Budget fight\n\nMayor Ann Kerr and councillor Joe Pratt met on "
                           "Tuesday. On the stadium, Kerr told reporters that she and Pratt had "
                           "starkly different positions.")
    assert pairs(found, "disagree") == {frozenset({"Kerr", "Pratt"})}
    assert "stadium" in next(p.topic for p in found if p.relation == "disagree")


def test_criticism_is_an_oppose_stance(nlp):
    found = positions(nlp, "Hearing\n\nSenator Dana Holt criticized Frank Miller, the bank's "
                           "chief executive, over the fake accounts scandal on Tuesday.")
    assert ("Holt", "oppose", "Frank Miller") in stances(found)


def test_endorsement_is_a_support_stance(nlp):
    found = positions(nlp, "Race\n\nGovernor Paul Ryder endorsed Kate Morgan for mayor on "
                           "Friday, ending weeks of speculation.")
    assert ("Ryder", "support", "Kate Morgan") in stances(found)


def test_denial_of_another_speakers_claim(nlp):
    found = positions(nlp, "Dispute\n\nLaura Chen, the company's founder, rejected the union's "
                           "claim that workers were underpaid.")
    assert any(s == "Chen" and pol == "oppose" and "claim" in t for s, pol, t in stances(found))


def test_evaluation_in_a_quote_is_a_stance(nlp):
    found = positions(nlp, "Row\n\n“Victor Hale is a disgusting fraud,” said Rita Moss, a "
                           "council member.")
    assert ("Moss", "oppose", "Victor Hale") in stances(found)


def test_derived_agreement_and_divergence(nlp):
    found = positions(nlp, "Vote\n\nSenator Amy Ford praised the harbour plan on Monday. "
                           "Senator Bill Grant also praised the harbour plan. Mayor Carl Dunn "
                           "criticized the harbour plan.")
    assert pairs(found, "agree") >= {frozenset({"Ford", "Grant"})}
    assert pairs(found, "disagree") >= {frozenset({"Ford", "Dunn"}), frozenset({"Grant", "Dunn"})}
    derived = [p for p in found if p.relation != "stance"]
    assert all(not p.explicit for p in derived)


def test_the_journalists_own_opinion_is_no_ones_stance(nlp):
    found = positions(nlp, "Editorial\n\nThe harbour plan is a disgraceful waste of money. "
                           "It is wrong for the city and a terrible idea.")
    assert found == []


def test_positions_evidence_spans_point_into_the_text(nlp):
    text = ("Vote\n\nSenator Amy Ford praised the harbour plan on Monday. Mayor Carl Dunn "
            "criticized the harbour plan.")
    for p in positions(nlp, text):
        s, e = p.evidence.spans[0]
        assert text[s:e] == p.evidence.text.split(" … ")[0]


def test_names_drop_titles_and_possessives():
    assert P.clean_name("Mr. Obama's") == "Obama"
    assert P.clean_name("Sen. Elizabeth Warren") == "Elizabeth Warren"


def test_derived_pairs_skip_mixed_holders_and_parts_of_a_side():
    from saidwhat.records import Mention

    ev = Mention("x", ((0, 1),))

    def st(src: str, target: str, pol: str) -> Position:
        return Position("stance", target, ev, source=src, target=target, polarity=pol)

    found = list(P.derived_pairs([
        st("Barack Obama", "the bill", "oppose"), st("Obama administration", "the bill", "oppose"),
        st("Terry Strada", "the bill", "support"), st("Ann Lee", "the bill", "support"),
        st("Ann Lee", "the bill", "oppose")], []))
    assert {frozenset((p.a, p.b)) for p in found} == {
        frozenset({"Barack Obama", "Terry Strada"}),
        frozenset({"Obama administration", "Terry Strada"})}


@pytest.mark.skipif(not SUMMIT.exists(), reason="needs ../shared")
def test_reference_article_agreements_and_divergences(nlp):
    text = SUMMIT.read_text(encoding="utf-8")
    found = positions(nlp, text)
    agree = [p for p in found if p.relation == "agree"]
    for topic in ("cyber", "climate change", "arms control"):
        assert any(topic in p.topic.lower() or topic in p.evidence.text.lower()
                   for p in agree if {p.a, p.b} == {"Putin", "Biden"}), topic
    disagree = [p for p in found if p.relation == "disagree" and {p.a, p.b} == {"Putin", "Biden"}]
    assert any("navalny" in p.topic.lower() for p in disagree)
    junk = text.index("Leave a Reply")
    assert all(p.evidence.start < junk for p in found)


def test_a_bare_surname_is_the_most_salient_person_of_that_name():
    names = P.Names()
    for name, weight in (("Ted Cruz", 2.0), ("Ted Cruz", 2.0), ("Heidi Cruz", 1.0)):
        names.add(name, None, weight)
    names.add("Cruz")
    assert names.resolve("Cruz")[0] == "Ted Cruz"
    assert names.resolve("Heidi Cruz")[0] == "Heidi Cruz"


def test_a_headline_name_is_cut_to_the_form_the_body_writes():
    assert P.body_form("Rip Donald Trump", "Donald Trump spoke.") == "Donald Trump"
    assert P.body_form("Maria Lopez", "Maria Lopez spoke.") == "Maria Lopez"


def test_an_interviewer_is_a_capitals_label_whose_turns_mostly_ask():
    from saidwhat.records import Attribution, Mention, Speaker

    def turn(label: str, name: str, said: str) -> Attribution:
        return Attribution("direct", "speech", Mention(said, ((0, 1),)), None,
                           Mention(label, ((0, 1),)), Speaker(name, name.lower()))

    atts = [turn("HOLT", "Lester Holt", "Is the plan a waste? Why?"),
            turn("KERR", "Tom Kerr", "The plan is good."),
            turn("HOLT", "Lester Holt", "Is Dunn a liar?"),
            turn("KERR", "Tom Kerr", "Is it? No. Dunn is great."),
            turn("Dean", "Howard Dean", "Coke user?"), turn("Dean", "Howard Dean", "Why?")]
    assert P.interviewers(atts) == {"Lester Holt"}


def test_a_speaker_that_names_no_one_takes_no_stance():
    from saidwhat.records import Speaker

    assert not P.named_source(Speaker("his advisers", "x", "GROUP"))
    assert not P.named_source(Speaker("In the scandal, people were charged fees", "x", "GROUP"))
    assert P.named_source(Speaker("Delegates", "x", "GROUP"))
    assert P.named_source(Speaker("Elizabeth Warren", "x"))
