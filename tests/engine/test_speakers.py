"""Speaker resolution: names, aliases, pronouns, descriptions and groups within one article."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from saidwhat.engine.speakers import resolve_sources
from saidwhat.engine.speakers.mentions import (
    acronym,
    compatible_names,
    group_name,
    name_mentions,
)
from saidwhat.records import Speaker
from saidwhat.run.nlp import load

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SUMMIT = SHARED / "data" / "articles" / "biden-putin-summit.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load()


def span_of(doc: Doc, needle: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of `needle` in the doc text."""
    found = list(re.finditer(rf"\b{re.escape(needle)}\b", doc.text))[nth]
    span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
    assert span is not None
    return span


def resolve(nlp: Language, text: str, *sources: str | tuple[str, int]) -> list[Speaker | None]:
    """Parse `text` and resolve the given source mentions (text, or (text, occurrence))."""
    doc = nlp(text)
    spans = [span_of(doc, *(s if isinstance(s, tuple) else (s,))) for s in sources]
    return resolve_sources(doc, spans)


def names(speakers: list[Speaker | None]) -> list[str | None]:
    return [s.name if s else None for s in speakers]


def mention_texts(nlp: Language, text: str) -> list[str]:
    """The named mentions found in `text`, none of it quoted."""
    doc = nlp(text)
    return [m.text for m in name_mentions(doc, [False] * len(doc))]


# ---------------------------------------------------------------- helpers


def test_compatible_names() -> None:
    assert compatible_names(("biden",), ("joe", "biden"))
    assert compatible_names(("joe", "biden"), ("joe", "r.", "biden"))
    assert not compatible_names(("hillary", "clinton"), ("bill", "clinton"))
    assert not compatible_names(("donald", "trump"), ("donald", "trump", "jr"))
    assert compatible_names(("trump",), ("donald", "trump", "jr"))


def test_acronym() -> None:
    assert acronym("federal bureau of investigation".split()) == "fbi"
    assert acronym(["national", "rifle", "association"]) == "nra"


def test_group_name_strips_determiners(nlp: Language) -> None:
    doc = nlp("Some White House officials said so.")
    assert group_name(doc[0:4]) == ("White House officials", True)
    doc = nlp("Two senior officials said so.")
    assert group_name(doc[0:3]) == ("senior officials", False)


# ---------------------------------------------------------------- rule 1: name variants


def test_name_variants_cluster_to_fullest_form(nlp: Language) -> None:
    text = (
        "Joe Biden arrived in Geneva on Monday. President Biden said the talks would be hard. "
        "Mr. Biden said he was ready. Later, Biden said the summit went well."
    )
    out = resolve(nlp, text, "Joe Biden", "President Biden", "Mr. Biden", ("Biden", 3))
    assert names(out) == ["Joe Biden"] * 4
    assert {s.id for s in out if s} == {"joe-biden"}
    assert [s.resolved_by for s in out if s] == ["name", "alias", "alias", "alias"]
    assert all(s.type == "PERSON" for s in out if s)


def test_full_name_after_short_form(nlp: Language) -> None:
    text = "Biden spoke first. Then Joe Biden said the talks were over."
    out = resolve(nlp, text, "Biden", "Joe Biden")
    assert names(out) == ["Joe Biden", "Joe Biden"]
    assert [s.resolved_by for s in out if s] == ["alias", "name"]


def test_namesakes_stay_apart_bare_surname_goes_to_recent(nlp: Language) -> None:
    text = (
        "Bill Clinton campaigned in Ohio on Monday. Hillary Clinton said the economy was strong. "
        "Clinton said she would win the state."
    )
    out = resolve(nlp, text, "Bill Clinton", "Hillary Clinton", ("Clinton", 2))
    assert names(out) == ["Bill Clinton", "Hillary Clinton", "Hillary Clinton"]
    text = (
        "Hillary Clinton spoke first in Ohio. Later, Bill Clinton took the stage in Dayton. "
        "Clinton said the crowd was the largest of the campaign."
    )
    out = resolve(nlp, text, ("Clinton", 2))
    assert names(out) == ["Bill Clinton"]


# ---------------------------------------------------------------- rule 2: pronouns


def test_he_and_she_with_two_candidates(nlp: Language) -> None:
    text = (
        "Maria Lopez met John Smith on Tuesday in Washington. She said the talks went well. "
        "He said they did not."
    )
    out = resolve(nlp, text, "She", "He")
    assert names(out) == ["Maria Lopez", "John Smith"]
    assert [s.resolved_by for s in out if s] == ["pronoun", "pronoun"]


def test_gender_from_honorifics(nlp: Language) -> None:
    text = (
        "Ms. Alvarez and Mr. Okafor met in the capital on Monday. "
        "He said the deal was close. She said it was not."
    )
    out = resolve(nlp, text, "He", "She")
    assert names(out) == ["Okafor", "Alvarez"]


def test_pronoun_prefers_previous_speaker(nlp: Language) -> None:
    text = (
        "Putin said the meeting was constructive. He said both sides wanted to understand each "
        "other, and Biden was polite. He noted the treaty would be extended."
    )
    out = resolve(nlp, text, "Putin", "He", ("He", 1))
    assert names(out) == ["Putin", "Putin", "Putin"]


def test_pronoun_prefers_subject_of_its_sentence(nlp: Language) -> None:
    text = (
        "Biden said the talks were hard. Putin also criticized the US for its shootings: "
        "“You can hardly open your mouth,” he said."
    )
    out = resolve(nlp, text, "Biden", "he")
    assert names(out) == ["Biden", "Putin"]


def test_they_goes_to_group(nlp: Language) -> None:
    text = (
        "Joe Biden met Vladimir Putin on Wednesday. White House officials had briefed reporters "
        "before the meeting. They said no breakthroughs were expected."
    )
    out = resolve(nlp, text, "They")
    assert out[0] == Speaker("White House officials", "white-house-officials", "GROUP", "pronoun")


def test_it_goes_to_organisation(nlp: Language) -> None:
    text = "Acme Corp. reported higher profits on Monday. It said sales rose in Asia."
    out = resolve(nlp, text, "It")
    assert out[0] is not None and out[0].type == "ORG" and "Acme" in out[0].name


def test_pronoun_inside_quote_is_not_resolved(nlp: Language) -> None:
    text = "Smith spoke on Monday. “We will win,” Smith said."
    out = resolve(nlp, text, "We")
    assert out[0] is not None and out[0].resolved_by == "none"


# ---------------------------------------------------------------- rule 3: quotations


def test_name_inside_quote_is_never_antecedent(nlp: Language) -> None:
    text = (
        "Mark Jones spoke at the rally on Monday. He said the plan was flawed. "
        "“I told Barack Obama that the plan would fail.” He said he would vote against it."
    )
    out = resolve(nlp, text, "He", ("He", 1))
    assert names(out) == ["Mark Jones", "Mark Jones"]


# ---------------------------------------------------------------- rule 4: descriptions


def test_nationality_description_picks_the_right_leader(nlp: Language) -> None:
    text = (
        "Russian President Vladimir Putin met U.S. President Joe Biden in Geneva. "
        "Biden said the talks were good. The Russian leader said they were constructive."
    )
    out = resolve(nlp, text, "Biden", "The Russian leader")
    assert names(out) == ["Joe Biden", "Vladimir Putin"]
    assert out[1] is not None and out[1].resolved_by == "nominal"


def test_apposition_description(nlp: Language) -> None:
    text = (
        "Vladimir Putin, the Russian president, arrived late. Joe Biden was already there. "
        "Biden spoke first. The president said little."
    )
    out = resolve(nlp, text, "The president")
    assert names(out) == ["Vladimir Putin"]  # the one introduced as president
    text = (
        "Vladimir Putin, the Russian president, arrived late. Joe Biden, the American president, "
        "was already there. Biden spoke first. The Russian president said little."
    )
    assert names(resolve(nlp, text, "The Russian president")) == ["Vladimir Putin"]


def test_party_description(nlp: Language) -> None:
    text = (
        "Republican nominee Donald Trump and Democratic nominee Hillary Clinton met in "
        "St. Louis. Clinton said the economy was strong. The Republican nominee said it was weak."
    )
    out = resolve(nlp, text, "The Republican nominee")
    assert names(out) == ["Donald Trump"]


def test_title_and_party_in_parentheses(nlp: Language) -> None:
    text = (
        "Sen. Maria Lopez (D-Calif.), who leads the committee, opened the hearing. "
        "Rep. Tom Baker (R-Texas) disagreed with her. The Democratic senator said the bill "
        "would pass."
    )
    out = resolve(nlp, text, "The Democratic senator")
    assert names(out) == ["Maria Lopez"]


def test_company_description(nlp: Language) -> None:
    text = "Shares of Boeing fell on Monday. The company said demand was recovering."
    out = resolve(nlp, text, "The company")
    assert out[0] is not None and out[0].name == "Boeing" and out[0].resolved_by == "nominal"


def test_anonymous_groups(nlp: Language) -> None:
    text = (
        "Officials said the plan was dead. A source said talks continued. "
        "White House officials said nothing. Sources familiar with the matter said otherwise."
    )
    out = resolve(nlp, text, "Officials", "A source", "White House officials", "Sources")
    assert [(s.name, s.type, s.resolved_by) for s in out if s] == [
        ("Officials", "GROUP", "none"),
        ("source", "OTHER", "none"),  # one anonymous person, not a group, nobody named
        ("White House officials", "GROUP", "name"),
        ("Sources", "GROUP", "none"),
    ]


# ---------------------------------------------------------------- rule 5: organisations, places


def test_organisations_and_places(nlp: Language) -> None:
    text = (
        "The New York Post reported the story on Sunday. CNN said it could not confirm it. "
        "The Federal Bureau of Investigation declined to comment, but the FBI said later that "
        "Russia denied it."
    )
    out = resolve(nlp, text, "The New York Post", "CNN", "the FBI", "Russia")
    assert names(out) == ["New York Post", "CNN", "Federal Bureau of Investigation", "Russia"]
    assert [s.type for s in out if s] == ["ORG", "ORG", "ORG", "GPE"]
    assert out[2] is not None and out[2].resolved_by == "alias"


# ---------------------------------------------------------------- contract


def test_none_sources_stay_none(nlp: Language) -> None:
    doc = nlp("Biden said so. “Period.”")
    out = resolve_sources(doc, [span_of(doc, "Biden"), None])
    assert out[1] is None and out[0] is not None
    assert resolve_sources(doc, [None, None]) == [None, None]
    assert resolve_sources(doc, []) == []


def test_relative_pronoun_source(nlp: Language) -> None:
    text = "Sen. Bernie Sanders, who lost the primaries, said he would back the nominee."
    out = resolve(nlp, text, "who")
    assert names(out) == ["Bernie Sanders"]


def test_unresolvable_pronoun(nlp: Language) -> None:
    out = resolve(nlp, "He said it was over.", "He")
    assert out[0] == Speaker("He", "he", "OTHER", "none")


def test_linear_enough_on_long_article(nlp: Language) -> None:
    para = (
        "Joe Biden met Vladimir Putin in Geneva. He said the talks were good. "
        "White House officials said they were hopeful. The Russian president said little. "
    )
    doc = nlp(para * 60)
    sources = [t for t in doc if t.lower_ in ("he", "they") or t.text == "president"]
    spans = [doc[t.i : t.i + 1] for t in sources]
    start = time.perf_counter()
    out = resolve_sources(doc, spans)
    assert time.perf_counter() - start < 2.0
    assert all(s is not None for s in out)


# ---------------------------------------------------------------- the reference article

SUMMIT_SOURCES = [  # (context, mention within it, expected speaker name, resolved_by)
    ("The Russian president knew", "The Russian president", "Putin", "nominal"),
    ("Putin said there was", "Putin", "Putin", "name"),
    ("He said both sides", "He", "Putin", "pronoun"),
    ("he suggested", "he", "Putin", "pronoun"),
    ("Biden, speaking at", "Biden", "Biden", "name"),
    ("said Biden.", "Biden", "Biden", "name"),
    ("Biden continued", "Biden", "Biden", "name"),
    ("Putin told reporters", "Putin", "Putin", "name"),
    ("He said that Navalny", "He", "Putin", "pronoun"),
    ("Biden said, “I made", "Biden", "Biden", "name"),
    ("dead,” he said.", "he", "Putin", "pronoun"),
    ("Biden said he and Putin", "Biden", "Biden", "name"),
    ("Biden also said", "Biden", "Biden", "name"),
    ("Biden said.", "Biden", "Biden", "name"),
    ("Putin said he and Biden", "Putin", "Putin", "name"),
    ("And he said", "he", "Putin", "pronoun"),
    ("He noted", "He", "Putin", "pronoun"),
    ("Biden said this means", "Biden", "Biden", "name"),
    ("Putin also said that Russia", "Putin", "Putin", "name"),
    ("White House officials had", "White House officials", "White House officials", "name"),
    ("they didn’t expect", "they", "White House officials", "pronoun"),
    ("what Biden described", "Biden", "Biden", "name"),
    ("(Biden said he told", "Biden", "Biden", "name"),
    ("said he told then", "he", "Biden", "pronoun"),
]


@pytest.mark.skipif(not SUMMIT.exists(), reason="../shared not available")
def test_reference_article(nlp: Language) -> None:
    text = SUMMIT.read_text(encoding="utf-8")
    doc = nlp(text)
    spans = []
    for context, mention, _, _ in SUMMIT_SOURCES:
        start = text.index(context) + context.index(mention)
        span = doc.char_span(start, start + len(mention))
        assert span is not None
        spans.append(span)
    out = resolve_sources(doc, spans)
    got = [(s.name, s.resolved_by) if s else None for s in out]
    assert got == [(name, by) for _, _, name, by in SUMMIT_SOURCES]
    assert {s.type for s in out if s and s.name in ("Putin", "Biden")} == {"PERSON"}


# ---------------------------------------------------------------- further cases from PolNeAR


def test_coordinated_names_make_one_group(nlp: Language) -> None:
    text = "Charles Grassley and Patrick Leahy wrote the bill. Mr. Grassley and Mr. Leahy said so."
    out = resolve(nlp, text, "Mr. Grassley and Mr. Leahy")
    assert out[0] is not None
    assert (out[0].name, out[0].type) == ("Charles Grassley and Patrick Leahy", "GROUP")


def test_cataphora_when_nothing_comes_before(nlp: Language) -> None:
    text = "Back when he wrote his book, Mr. McKinley said that debt was a tool."
    assert names(resolve(nlp, text, "he")) == ["McKinley"]


def test_quoted_sentences_do_not_push_antecedents_away(nlp: Language) -> None:
    text = (
        "Rakeyia Scott filmed the encounter on her phone. "
        "“Don't shoot him. He has no weapon. He has no weapon. Don't shoot him. "
        "Don't you do it. He is not armed.” At this point she becomes upset."
    )
    assert names(resolve(nlp, text, "she")) == ["Rakeyia Scott"]


def test_campaign_of_a_person_is_an_organisation(nlp: Language) -> None:
    text = "Marco Rubio spoke in Miami. The Rubio campaign said the crowd was large."
    out = resolve(nlp, text, "The Rubio campaign")
    assert out[0] is not None and (out[0].name, out[0].type) == ("Rubio campaign", "ORG")


def test_specific_description_without_match_stays_unresolved(nlp: Language) -> None:
    text = (
        "Donald Trump attacked Hillary Clinton over her emails. The intelligence community's "
        "inspector general said some were classified."
    )
    out = resolve(nlp, text, "The intelligence community's inspector general")
    assert out[0] is not None and out[0].resolved_by == "none"


def test_group_names(nlp: Language) -> None:
    text = (
        "A number of other members of Congress objected. Officials at Homeland Security "
        "Investigations declined to comment. Twenty-seven states sued."
    )
    out = resolve(nlp, text, "A number of other members of Congress",
                  "Officials at Homeland Security Investigations", "Twenty-seven states")
    assert names(out) == ["members of Congress",
                          "Officials at Homeland Security Investigations", "states"]


def test_document_source_stays_the_document_named_with_its_author(nlp: Language) -> None:
    text = "The Pentagon released figures on Monday. A Pentagon memo said troops would stay."
    out = resolve(nlp, text, "A Pentagon memo")
    assert out[0] is not None and out[0].resolved_by == "nominal"
    assert (out[0].name, out[0].type) == ("Pentagon memo", "DOCUMENT")


def test_report_then_it(nlp: Language) -> None:
    text = "The report says that taxes rose. It also points out that spending fell."
    out = resolve(nlp, text, "The report", "It")
    assert [(s.name, s.resolved_by) for s in out if s] == [("report", "none"),
                                                           ("report", "pronoun")]


def test_pronoun_coordinated_with_a_name(nlp: Language) -> None:
    text = "Putin met Biden in Geneva. Later, Putin said he and Biden had agreed to talk again."
    out = resolve(nlp, text, "he and Biden")
    assert out[0] == Speaker("Putin and Biden", "putin-and-biden", "GROUP", "pronoun")


def test_us_is_a_country_not_a_pronoun(nlp: Language) -> None:
    text = "Russia and the US met in Geneva. For example, the US asked that Putin arrive first."
    out = resolve(nlp, text, ("the US", 1))
    assert out[0] is not None and (out[0].name, out[0].type) == ("US", "GPE")


def test_title_cased_role_in_headline_is_a_description(nlp: Language) -> None:
    text = "The Russian Leader Relishing The Spotlight\n\nPutin arrived first."
    out = resolve(nlp, text, "The Russian Leader")
    assert out[0] is not None and out[0].resolved_by == "none" and out[0].name != "Leader"


def test_name_in_fronted_phrase_is_not_the_antecedent(nlp: Language) -> None:
    text = (
        "Barack Obama lost the climate vote in 2010. In defeat, the president appeared cowed. "
        "Campaigning against Mitt Romney in 2012, he barely mentioned climate change."
    )
    assert names(resolve(nlp, text, "he")) == ["Barack Obama"]


def test_they_after_coordinated_people(nlp: Language) -> None:
    text = (
        "Barack Obama and Hillary Clinton withdrew the troops in 2011. "
        "They can't blame this on President Bush, critics said."
    )
    out = resolve(nlp, text, "They")
    assert out[0] is not None and out[0].name == "Barack Obama and Hillary Clinton"


def test_common_words_tagged_as_organisations_are_not_names(nlp: Language) -> None:
    text = (
        "Wells Fargo fired 5,300 employees. Bank executives were not punished. "
        "The bank said it had changed its sales practices."
    )
    out = resolve(nlp, text, "The bank")
    assert out[0] is not None and out[0].name == "Wells Fargo"


def test_the_campaign_of_the_person_just_named(nlp: Language) -> None:
    text = (
        "The Donald Trump campaign attacked. The Donald Trump campaign said so. The Trump "
        "campaign repeated it. Hillary Clinton plans a speech on Friday. The campaign says she "
        "will announce a national service program."
    )
    out = resolve(nlp, text, "The campaign")
    assert out[0] == Speaker("Clinton campaign", "clinton-campaign", "ORG",
                             "nominal")


def test_her_office_is_the_persons_office_but_the_budget_office_is_not(nlp: Language) -> None:
    text = (
        "Senator Maria Lopez said the bill would pass. Her office plans to publish a map. "
        "The Congressional Budget Office said costs would rise. The budget office said more."
    )
    out = resolve(nlp, text, "Her office", "The budget office")
    assert names(out)[0] == "Lopez's office"  # issue 10: the office, named as "Holcomb's office"
    assert names(out)[1] != "Lopez's office"


def test_title_cased_headline_is_not_an_organisation(nlp: Language) -> None:
    text = (
        "Senate Panel Advances Water Bill After Vote\n\n"
        "Senator Maria Lopez said the bill would pass. The panel said it would meet again."
    )
    found = mention_texts(nlp, text)
    assert not any("Advances" in t for t in found), found


def test_organisation_named_only_in_a_plain_first_paragraph_is_kept(nlp: Language) -> None:
    text = (
        "The Federal Bureau of Investigation opened an inquiry on Monday, and the mayor said it "
        "was overdue.\nThe inquiry will take months, officials said."
    )
    found = mention_texts(nlp, text)
    assert any("Federal Bureau of Investigation" in t for t in found), found
