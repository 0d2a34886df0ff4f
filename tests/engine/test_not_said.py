"""Each rule of not_said.py on small invented articles: what it drops and what it keeps."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from saidwhat.engine.cues import Cue
from saidwhat.engine.drafts import Draft
from saidwhat.engine.not_said import (
    a_thing_seems,
    a_word_refers,
    act_as_subject,
    acts_on_object,
    appeal_for_information,
    asked_about,
    asks_for_someone_to,
    asks_someone_to,
    asks_the_reader,
    attempts_an_act,
    author_note,
    cannot_tell,
    colon_after_sentence_end,
    correction_notice,
    counted_in_a_question,
    cue_in_subject_clause,
    doubted_cue_on_object,
    first_piece,
    found_in_a_state,
    future_finding,
    headline_list,
    is_thing,
    knows_how_to,
    lets_suppose,
    list_after_a_doing,
    modal_chain,
    names_people,
    naming_participle,
    not_said,
    of_thing_pronoun,
    opens_a_bio,
    people_in_general,
    phones,
    points_at_a_question,
    possible_passive,
    shown_or_seen,
    supplies_something,
    teaser,
    tells_the_reader,
    thing_as_evidence,
    thing_does_something,
    ticker_colon,
    title_colon,
    writer_narrates,
)
from saidwhat.records import Article
from saidwhat.run import pipeline
from saidwhat.settings import AssemblySettings

S = AssemblySettings()


def draft_for(nlp: Language, text: str, cue_word: str, source: str | None, how: str,
              p: float) -> tuple:
    """The doc and a draft with the given cue word, source words, how and cue probability."""
    doc = nlp(text)
    head = next(t.i for t in doc if t.text == cue_word)
    span = None
    if source is not None:
        start = text.index(source)
        span = doc.char_span(start, start + len(source))
    content = ((doc[head].idx + len(cue_word) + 1, len(text.rstrip(".")),),)
    return doc, Draft(Cue(head, (head,), "speech", p), span, content, "speech", 1.0, how=how)


def contents(nlp: Language, text: str) -> list[str]:
    """The contents saidwhat finds in the text."""
    article = pipeline.annotate(nlp, Article("t", text, body=((0, len(text)),)))
    return [a.content.text for a in article.attributions]


# ------------------------------------------------------------------- thing_does_something


@pytest.mark.parametrize(("text", "source", "expected"), [
    ("The money found its way into the market.", "The money", True),
    ("This course introduces the records of the war.", "This course", True),
    ("It offers a small food menu.", "It", True),
    ("Maria Lopez found the letters in the attic.", "Maria Lopez", False),
    ("She found the letters in the attic.", "She", False),
])
def test_thing_subject_with_an_object_is_an_action(nlp: Language, text: str, source: str,
                                                    expected: bool) -> None:
    cue = text.split()[len(source.split())]
    doc, draft = draft_for(nlp, text, cue, source, "object", 0.3)
    assert thing_does_something(doc, draft, S) is expected


def test_a_likely_cue_or_a_clause_keeps_a_thing_subject(nlp: Language) -> None:
    doc, draft = draft_for(nlp, "The report criticized the plan.", "criticized", "The report",
                           "object", 0.8)
    assert not thing_does_something(doc, draft, S)  # the classifier is sure: a report speaks
    doc, draft = draft_for(nlp, "The report found that the plan failed.", "found", "The report",
                           "ccomp", 0.3)
    assert not thing_does_something(doc, draft, S)  # a reported clause, not an object
    doc, draft = draft_for(nlp, "The report found its way into the files.", "found",
                           "The report", "object", 0.3)
    assert thing_does_something(doc, draft, AssemblySettings(action_cue_probability=0.5))
    assert not thing_does_something(doc, draft, AssemblySettings(action_cue_probability=0.2))


def test_a_person_by_what_they_do_is_no_thing_acting(nlp: Language) -> None:
    doc, draft = draft_for(nlp, "The coroner declared his death a homicide.", "declared",
                           "The coroner", "object", 0.3)
    assert not thing_does_something(doc, draft, S)


def test_a_noun_for_people_acting_is_no_thing_acting(nlp: Language) -> None:
    doc, draft = draft_for(nlp, "The critics echoed the complaint.", "echoed", "The critics",
                           "object", 0.6)
    assert names_people(draft.source)
    assert not thing_does_something(doc, draft, S)  # people: the cue classifier decides
    doc, draft = draft_for(nlp, "The grants support programs for children.", "support",
                           "The grants", "object", 0.6)
    assert not names_people(draft.source)
    assert thing_does_something(doc, draft, S)  # a thing under a cue rated 0.6 < 0.7 acts
    assert not names_people(None)
    doc, draft = draft_for(nlp, "The report found its way into the files.", "found",
                           "The report", "object", 0.3)
    assert not names_people(draft.source)  # a document is judged as a thing


# ------------------------------------------------------------------- thing_as_evidence


@pytest.mark.parametrize(("text", "cue", "source", "p", "expected"), [
    ("The mobile apps allow people to report road hazards.", "allow", "The mobile apps", 0.35,
     True),
    ("These small fixes highlight how far the system has come.", "highlight",
     "These small fixes", 0.32, True),
    ("Ana Ruiz doubts that the fixes will last.", "doubts", "Ana Ruiz", 0.3, False),  # a person
    ("The report found that the fixes failed.", "found", "The report", 0.8, False),  # likely cue
])
def test_a_thing_under_a_doubted_cue_is_evidence_even_with_a_clause(
        nlp: Language, text: str, cue: str, source: str, p: float, expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, source, "ccomp", p)
    assert thing_as_evidence(doc, draft, S) is expected


def test_thing_as_evidence_reads_clauses_only_and_its_threshold_is_a_setting(
        nlp: Language) -> None:
    doc, draft = draft_for(nlp, "The mobile apps allow people to report road hazards.",
                           "allow", "The mobile apps", "object", 0.35)
    assert not thing_as_evidence(doc, draft, S)  # an object: thing_does_something's case
    doc, draft = draft_for(nlp, "The mobile apps allow people to report road hazards.",
                           "allow", "The mobile apps", "ccomp", 0.35)
    assert not thing_as_evidence(doc, draft, AssemblySettings(evidence_cue_probability=0.3))


# ------------------------------------------------------------------- doubted_cue_on_object


@pytest.mark.parametrize(("text", "cue", "source", "p", "expected"), [
    ("Omar mounted his donkey.", "mounted", "Omar", 0.3, True),  # a person acting
    ("They knew the difference between an adversary and an enemy.", "knew", "They", 0.35, True),
    ("The agency began issuing monthly outlooks.", "issuing", "The agency", 0.27, True),
    ("Senator Ruiz criticized the plan.", "criticized", "Senator Ruiz", 0.8, False),  # sure
    ("The mayor was critical of the plan.", "was", "The mayor", 0.2, False),  # a copula
])
def test_an_object_under_a_doubted_cue_is_an_action(nlp: Language, text: str, cue: str,
                                                     source: str, p: float,
                                                     expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, source, "object", p)
    assert doubted_cue_on_object(doc, draft, S) is expected


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("The mayor begged lawmakers to pass the bill before the session ends.", "begged", True),
    ("The governor implored residents to stay off the roads.", "implored", True),
    ("The report urged the city to hire more inspectors.", "urged", True),
    ("The mayor begged lawmakers for more time.", "begged", False),  # no infinitive
    ("The coach forced his players to run laps.", "forced", False),  # an act, not a request
    ("The coach asked to leave early.", "asked", False),  # no one asked
])
def test_asks_someone_to(nlp: Language, text: str, cue: str, expected: bool) -> None:
    doc = nlp(text)
    assert asks_someone_to(next(t for t in doc if t.text == cue)) is expected


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("The senator lobbied for Congress to loosen the lending rules.", "lobbied", True),
    ("The mayor called for lawmakers to pass the bill.", "called", True),
    ("The commuters waited for the bus to arrive.", "waited", False),  # no request verb
    ("The senator lobbied for more money.", "lobbied", False),  # no one asked to act
])
def test_asks_for_someone_to(nlp: Language, text: str, cue: str, expected: bool) -> None:
    doc = nlp(text)
    assert asks_for_someone_to(next(t for t in doc if t.text == cue)) is expected


def test_a_request_under_a_doubted_cue_is_no_action(nlp: Language) -> None:
    text = "Mayor Ana Ruiz begged lawmakers to pass the bill before the session ends."
    doc, draft = draft_for(nlp, text, "begged", "Mayor Ana Ruiz", "object", 0.3)
    assert not doubted_cue_on_object(doc, draft, S)
    text = "The governor implored residents to stay off the roads."
    doc, draft = draft_for(nlp, text, "implored", "The governor", "object", 0.2)
    assert not thing_does_something(doc, draft, S)  # 'the governor' is no thing acting
    doc, draft = draft_for(nlp, "The coach forced his players to run laps.", "forced",
                           "The coach", "object", 0.2)
    assert doubted_cue_on_object(doc, draft, S)


def test_a_clause_under_a_doubted_cue_stays_and_the_threshold_is_a_setting(
        nlp: Language) -> None:
    doc, draft = draft_for(nlp, "Omar mentioned that the road was closed.", "mentioned", "Omar",
                           "ccomp", 0.3)
    assert not doubted_cue_on_object(doc, draft, S)  # a reported clause carries its report
    doc, draft = draft_for(nlp, "Omar mounted his donkey.", "mounted", "Omar", "object", 0.3)
    assert not doubted_cue_on_object(doc, draft, AssemblySettings(object_cue_probability=0.2))


def test_a_person_acting_on_an_object_is_not_attributed(nlp: Language) -> None:
    assert contents(nlp, "Omar Haddad finally succeeded in laying a lasting cable in 1866."
                    ) == []
    assert contents(nlp, "Senator Ruiz criticized the plan on Tuesday.") == ["the plan"]


def test_is_thing(nlp: Language) -> None:
    doc = nlp("The grants from Comcast helped Maria Lopez and they thanked it.")
    assert is_thing(doc[0:2])  # the grants
    assert not is_thing(doc[5:7])  # Maria Lopez
    assert not is_thing(doc[8:9])  # they
    assert is_thing(doc[10:11])  # it
    assert not is_thing(None)


def test_trying_to_act_is_an_action_trying_to_say_stays(nlp: Language) -> None:
    assert contents(nlp, "Lopez is attempting to push a bill through the Senate.") == []
    assert contents(nlp, "Lopez tried to suggest that the bill would pass.") != []
    doc, draft = draft_for(nlp, "Lopez tried to open the door.", "tried", "Lopez", "object", 0.9)
    assert attempts_an_act(doc, draft, S)  # whatever the classifier says of 'tried'
    doc, draft = draft_for(nlp, "Lopez hoped to open the door.", "hoped", "Lopez", "object", 0.9)
    assert not attempts_an_act(doc, draft, S)  # only verbs of trying


def test_a_named_body_is_no_thing(nlp: Language) -> None:
    doc = nlp("The Obama administration argued that the bill is a bad idea.")
    assert not is_thing(doc[0:3])  # 'administration' is a common noun, but Obama's
    assert contents(nlp, "The Obama administration has attempted to make the case to members "
                    "of both parties that the bill is a bad idea.") != []


def test_narrated_actions_of_things_give_no_attribution(nlp: Language) -> None:
    text = ("The Riverside Foundation gave the library a grant on Monday. The money found its "
            "way into reading clubs. Mayor Ana Ruiz said the clubs would stay open all summer.")
    found = contents(nlp, text)
    assert "the clubs would stay open all summer" in found
    assert not any("its way" in c for c in found)


# ------------------------------------------------------------------- writer_narrates


@pytest.mark.parametrize(("text", "cue", "source", "how", "expected"), [
    ("I saw two police officers by the road.", "saw", "I", "object", True),
    ("We loved this little book.", "loved", "We", "object", True),
    ("You want to thank someone for it.", "want", "You", "xcomp", True),
    ("I hope the bridge opens soon.", "hope", "I", "ccomp", False),
    ("Maria Lopez saw two police officers by the road.", "saw", "Maria Lopez", "object", False),
])
def test_writer_narrating_an_object_is_no_attribution(nlp: Language, text: str, cue: str,
                                                       source: str, how: str,
                                                       expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, source, how, 0.9)
    assert writer_narrates(doc, draft, S) is expected


def test_first_person_prose_keeps_its_clauses_and_drops_its_actions(nlp: Language) -> None:
    text = ("I drove to the convention center on Monday. I saw two police officers by the "
            "road. I hope the city adds more parking next year.")
    found = contents(nlp, text)
    assert not any("officers" in c for c in found)
    assert "the city adds more parking next year" in found


# ------------------------------------------------------------------- shown_or_seen


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("The striker is seen stepping on the keeper's leg.", "seen", True),
    ("Attendees will be offered tours of the old mill.", "offered", True),
    ("The mayor was described as a tireless worker.", "described", False),
])
def test_agentless_passive_of_showing_is_description(nlp: Language, text: str, cue: str,
                                                      expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, None, "patient", 0.6)
    assert shown_or_seen(doc, draft, S) is expected
    doc, draft = draft_for(nlp, text, cue, None, "object", 0.6)
    assert not shown_or_seen(doc, draft, S)  # only the agentless passive reading


def test_seen_on_radar_gives_no_attribution(nlp: Language) -> None:
    text = ("The small plane left Riverside at noon. The plane was last seen on radar over the "
            "lake. Officials said the search would resume at dawn.")
    found = contents(nlp, text)
    assert not any("radar" in c for c in found)
    assert "the search would resume at dawn" in found


# ------------------------------------------------------------------- colon_after_sentence_end


def test_colon_closing_another_sentence_sets_off_no_content(nlp: Language) -> None:
    text = ("This series explores the small wonders of our town. Here is the third one:\n\n"
            "The water comes down from the hills through a tunnel dug in 1890.\n")
    doc = nlp(text)
    head = next(t.i for t in doc if t.text == "explores")
    start = text.index("The water")
    draft = Draft(Cue(head, (head,), "speech", 0.3), doc[0:2], ((start, len(text) - 1),),
                  "speech", 1.0, how="colon-paragraph")
    assert colon_after_sentence_end(doc, draft, S)
    assert not_said(doc, draft)
    assert not any("The water" in c for c in contents(nlp, text))


def test_colon_closing_the_cue_sentence_keeps_its_paragraph(nlp: Language) -> None:
    text = ("Sen. Maria Lopez met reporters on Monday at City Hall. Lopez spoke after the vote. "
            "She told reporters:\n\n"
            "We will rebuild the bridge before the winter comes.\n")
    doc = nlp(text)
    head = next(t.i for t in doc if t.text == "told")
    start = text.index("We will")
    draft = Draft(Cue(head, (head,), "speech", 0.9), doc[head - 1:head], ((start, len(text) - 1),),
                  "speech", 1.0, how="colon-paragraph")
    assert not colon_after_sentence_end(doc, draft, S)
    assert any("We will rebuild the bridge" in c for c in contents(nlp, text))


# ------------------------------------------------------------------------- acts_on_object


@pytest.mark.parametrize(("text", "cue", "how", "expected"), [
    ("The governor vetoed a bill on pensions.", "vetoed", "object", True),
    ("Maria Lopez also hired a student from the college.", "hired", "object", True),
    ("The guard witnessed the fight outside the club.", "witnessed", "object", True),
    ("The guard mounted his horse at the gate.", "mounted", "object", True),
    ("The wizards have chosen him to fight the queen.", "chosen", "object", True),
    ("All those passengers reached their homes alive.", "reached", "object", True),
    ("The governor criticized a bill on pensions.", "criticized", "object", False),
    ("The governor vetoed the bill, which she called a waste.", "called", "object", False),
])
def test_a_verb_of_doing_with_an_object_is_an_action(nlp: Language, text: str, cue: str,
                                                     how: str, expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, "The governor" if "governor" in text else None,
                           how, 0.6)
    assert acts_on_object(doc, draft, S) is expected


def test_a_verb_of_doing_with_a_clause_is_left_alone(nlp: Language) -> None:
    doc, draft = draft_for(nlp, "Smith continued that the plan would fail.", "continued",
                           "Smith", "ccomp", 0.6)
    assert not acts_on_object(doc, draft, S)  # 'continued that …' goes on speaking


@pytest.mark.parametrize(("text", "expected"), [
    ("He called the family's home number nine times in two months.", True),
    ("She called 911 from the parking lot.", True),
    ("He called the plan a waste of money.", False),
    ("He called the long lines unacceptable.", False),
])
def test_a_call_to_a_number_is_a_telephone_call(nlp: Language, text: str,
                                                 expected: bool) -> None:
    doc, draft = draft_for(nlp, text, "called", "He" if text.startswith("He") else "She",
                           "object", 0.6)
    assert phones(doc, draft, S) is expected


# ---------------------------------------------------------------------- correction_notice


@pytest.mark.parametrize(("text", "source", "expected"), [
    ("This article originally stated that the bridge opened in 1990.", "This article", True),
    ("An earlier version of this story misstated the mayor's age.",
     "An earlier version of this story", True),
    ("A Post article reported that the bridge opened in 1990.", "A Post article", False),
    ("The mayor originally stated that the bridge opened in 1990.", "The mayor", False),
])
def test_a_correction_notice_quotes_nobody(nlp: Language, text: str, source: str,
                                           expected: bool) -> None:
    cue = text.split()[len(source.split()) + (1 if "originally" in text else 0)]
    doc, draft = draft_for(nlp, text, cue, source, "ccomp", 0.9)
    assert correction_notice(doc, draft, S) is expected


# --------------------------------------------------------------------------- knows_how_to


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("Savvy buyers know to look at the seller's other reviews.", "know", True),
    ("Savvy buyers know that the seller's reviews are fake.", "know", False),
    ("Savvy buyers did not know what to make of the seller.", "know", False),
    ("Savvy buyers want to look at the seller's other reviews.", "want", False),
])
def test_knowing_to_do_something_is_a_habit(nlp: Language, text: str, cue: str,
                                            expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, "Savvy buyers", "xcomp", 0.6)
    assert knows_how_to(doc, draft, S) is expected


# ------------------------------------------------------------------- teaser


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("The game went long. (RELATED: Critics Say The Flop Is Ruining The Sport)\nIt ended late.",
     "Say", True),
    ("Trending\nMarkets\nLena Park said rates will rise next year. Full Article\nMore",
     "said", True),
    ("News\nJan. 2 2015 8:53 PMWhat Matters in SelmaCritics say the film is unfair.\n", "say",
     True),
    ("Lena Park said rates will rise next year. (She spoke in Oslo.)", "said", False),
    ("The game went long. (Critics say the flop is ruining the sport.)", "say", False),
])
def test_a_teaser_for_another_story_is_not_attributed(nlp: Language, text: str, cue: str,
                                                      expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, None, "ccomp", 0.9)
    assert teaser(doc, draft, S) is expected


def test_a_related_link_in_a_story_adds_no_attribution(nlp: Language) -> None:
    text = ("Ana Ruiz said the council would vote in May. (RELATED: Critics Say The Vote Is "
            "Too Late)\nThe vote is set for May 4.")
    assert contents(nlp, text) == ["the council would vote in May"]


# ------------------------------------------------------------------- headline_list

LINKS = ("• Ferry strike called off after late talks\n• Union chief says members were heard\n"
         "• Harbour reopens to visitors\nThe ferries ran again on Monday.")


@pytest.mark.parametrize(("text", "cue", "expected"), [
    (LINKS, "says", True),
    ("The union said:\n• members were heard\n• pay rises by 4%\n• talks resume in May", "rises",
     False),  # a list after a colon is what was said
    ("Notes\n• The chief says members were heard.\n• Pay rises by 4%.\n• Talks resume.", "says",
     False),  # full sentences
    ("• Union chief says members were heard\n• Harbour reopens", "says", False),  # too short
])
def test_a_bulleted_run_of_headlines_is_a_list_of_links(nlp: Language, text: str, cue: str,
                                                        expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, None, "ccomp", 0.9)
    assert headline_list(doc, draft, S) is expected


def test_a_wrapped_headline_is_one_item(nlp: Language) -> None:
    text = ("• Ferry strike called off\n• Union chief says members were\n  heard at last\n"
            "• Harbour reopens\nThe ferries ran.")
    doc, draft = draft_for(nlp, text, "says", None, "ccomp", 0.9)
    assert headline_list(doc, draft, S)


# ------------------------------------------- the writer's suppositions and appeals to readers


def test_lets_say_is_the_writers_supposition(nlp: Language) -> None:
    text = "Let's say the council raises the tax next year."
    doc, draft = draft_for(nlp, text, "say", "'s", "ccomp", 0.7)
    assert lets_suppose(doc, draft, S)
    assert "the council raises the tax next year" not in contents(nlp, text)
    doc, draft = draft_for(nlp, "Let's hope the council raises the tax.", "hope", "'s",
                           "ccomp", 0.7)
    assert not lets_suppose(doc, draft, S)  # a hope, which PolNeAR marks
    text = "Let's talk about something lighter. Ava, you worked on the show!"
    doc, draft = draft_for(nlp, text, "talk", "'s", "object", 0.7)
    assert lets_suppose(doc, draft, S)  # a topic set, nothing said about it


@pytest.mark.parametrize(("text", "expected"), [
    ("Anyone with information on the robbery is asked to contact the police tip line.", True),
    ("Those with information are urged to call the sheriff's office.", True),
    ("The mayor was asked to resign by the council.", False),
])
def test_an_appeal_for_information_is_no_attribution(nlp: Language, text: str,
                                                     expected: bool) -> None:
    cue = next(w for w in ("asked", "urged") if w in text.split())
    doc, draft = draft_for(nlp, text, cue, None, "patient", 0.8)
    assert appeal_for_information(doc, draft, S) is expected


def test_a_cue_in_a_subject_clause_does_not_own_the_predicate(nlp: Language) -> None:
    text = "What I found out surprised me."
    doc = nlp(text)
    found = next(t.i for t in doc if t.text == "found")
    start = text.index("surprised")
    draft = Draft(Cue(found, (found,), "thought", 0.5), doc[1:2], ((start, start + 12),),
                  "thought", 1.0, how="ccomp")
    assert cue_in_subject_clause(doc, draft, S)
    text = "What I don't think they are doing is pushing back on the story."
    doc = nlp(text)
    think = next(t.i for t in doc if t.text == "think")
    start = text.index("pushing")
    draft = Draft(Cue(think, (think,), "thought", 0.5), doc[1:2], ((start, len(text) - 1),),
                  "thought", 1.0, how="ccomp")
    assert not cue_in_subject_clause(doc, draft, S)  # a copula says what was thought


def test_a_fronted_what_parsed_as_the_cues_object_is_a_subject_clause(nlp: Language) -> None:
    text = ("As happens to so many of us, I was asked to write a sitcom for Croatian television. "
            "What I found out surprised me, and changed the way that I watch television.")
    doc = nlp(text)
    found = next(t for t in doc if t.text == "found")
    assert found.dep_ != "csubj"  # this parse reads 'surprised' as found's complement
    start = text.index("surprised")
    draft = Draft(Cue(found.i, (found.i,), "thought", 0.5), doc[found.i - 1 : found.i],
                  ((start, start + 12),), "thought", 1.0, how="ccomp")
    assert cue_in_subject_clause(doc, draft, S)


def test_an_imperative_to_the_reader_quotes_nobody(nlp: Language) -> None:
    text = "The more vivid your talk is, the greater its effect — recall how Scrooge began to thaw."
    doc, draft = draft_for(nlp, text, "recall", None, "ccomp", 0.7)
    assert tells_the_reader(doc, draft, S)
    text = "The senator said she would recall how the vote went."
    doc, draft = draft_for(nlp, text, "recall", "The senator", "ccomp", 0.7)
    assert not tells_the_reader(doc, draft, S)


# ------------------------------------------------------------------- points_at_a_question


@pytest.mark.parametrize(("text", "cue", "source", "expected"), [
    ("The ferry app shows how the town can fix its own roads.", "shows", "The ferry app", True),
    ("The chart shows who in the valley would be flooded.", "shows", "The chart", True),
    ("Only later did Omar realize what he had promised.", "realize", "Omar", True),
    ("The survey shows that most riders want more buses.", "shows", "The survey", False),
    ("Omar explained how the town can fix its own roads.", "explained", "Omar", False),
])
def test_showing_a_question_claims_nothing(nlp: Language, text: str, cue: str, source: str,
                                           expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, source, "ccomp", 0.8)
    assert points_at_a_question(doc, draft, S) is expected


def test_first_piece_is_whole_tokens(nlp: Language) -> None:
    doc, draft = draft_for(nlp, "The chart shows who would be flooded.", "shows", "The chart",
                           "ccomp", 0.8)
    piece = first_piece(doc, draft)
    assert piece is not None and piece.text == "who would be flooded"


# ------------------------------------------------------------------- found_in_a_state


@pytest.mark.parametrize(("text", "expected"), [
    ("When the soldiers arrived, they found the market deserted.", True),
    ("In the second book Lena finds herself fighting a dragon.", True),
    ("The study found that rents rose by a third.", False),
    ("The inspectors found the dam was leaking.", False),
])
def test_finding_someone_in_a_state_is_seeing(nlp: Language, text: str,
                                              expected: bool) -> None:
    doc = nlp(text)
    head = next(t for t in doc if t.lemma_ == "find")
    start = head.idx + len(head.text) + 1
    draft = Draft(Cue(head.i, (head.i,), "speech", 0.8), None,
                  ((start, len(text) - 1),), "speech", 1.0, how="ccomp")
    assert found_in_a_state(doc, draft, S) is expected


# ------------------------------------------------------------------- a_thing_seems


@pytest.mark.parametrize(("text", "cue", "source", "expected"), [
    ("The search seems certain to move to the coast.", "seems", "The search", True),
    ("It now seems clear the rebels will hold the town.", "seems", "It", True),
    ("Lopez seems to think that the bill will pass.", "seems", "Lopez", False),
    ("The senator appeared to suggest that the bill would fail.", "appeared", "The senator",
     False),
    ("These small repairs may not seem to add up to much.", "seem", "These small repairs", True),
])
def test_how_a_thing_seems_is_description(nlp: Language, text: str, cue: str, source: str,
                                          expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, source, "ccomp", 0.8)
    assert a_thing_seems(doc, draft, S) is expected


# ------------------------------------------------------------------- asks_the_reader


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("Do you think the old ferry would have survived the storm?", "think", True),
    ("The plot is so simple that you'd think it would bore the viewers.", "think", True),
    ("Voters must believe that you are who you say you are.", "say", True),
    ("Then you remember that your sister's birthday is on Sunday.", "remember", False),
])
def test_the_reader_asked_or_supposed_is_nobody_reported(nlp: Language, text: str, cue: str,
                                                         expected: bool) -> None:
    doc = nlp(text)
    head = next(t for t in doc if t.text == cue)
    you = next(c for c in head.children if c.dep_ == "nsubj")
    draft = Draft(Cue(head.i, (head.i,), "thought", 0.8), doc[you.i:you.i + 1],
                  ((head.idx + len(cue) + 1, len(text) - 1),), "thought", 1.0, how="ccomp")
    assert asks_the_reader(doc, draft, S) is expected


def test_a_quote_by_you_stays(nlp: Language) -> None:
    doc = nlp('Do you think "the ferry is safe"?')
    head = next(t for t in doc if t.text == "think")
    draft = Draft(Cue(head.i, (head.i,), "thought", 0.8), doc[1:2], ((14, 31),), "thought", 1.0,
                  how="quote")
    assert not asks_the_reader(doc, draft, S)


# ------------------------------------------------------------------- supplies_something


@pytest.mark.parametrize(("text", "cue", "source", "expected"), [
    ("Some shops offer free delivery for large orders.", "offer", "Some shops", True),
    ("The Harbor Society is offering a new evening course.", "offering", "The Harbor Society",
     True),
    ("The new card provides several advantages over cash.", "provides", "The new card", True),
    ("Maria Lopez offered a scathing review of the budget.", "offered", "Maria Lopez", False),
    ("She offered her condolences to the families.", "offered", "She", False),
])
def test_a_business_or_thing_supplying_is_no_attribution(
        nlp: Language, text: str, cue: str, source: str, expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, source, "object", 0.8)
    assert supplies_something(doc, draft, S) is expected


def test_supplying_reads_objects_only(nlp: Language) -> None:
    doc, draft = draft_for(nlp, "The society offered that members could pay later.", "offered",
                           "The society", "ccomp", 0.8)
    assert not supplies_something(doc, draft, S)


# ------------------------------------------------------------------- a_word_refers


@pytest.mark.parametrize(("text", "source", "expected"), [
    ("Crashes refers to the number of fatal accidents.", "Crashes", True),
    ("The mention of irony refers to the court case.", "The mention of irony", True),
    ("Omar referred to the old leader as a saint.", "Omar", False),
])
def test_a_word_referring_is_a_definition(nlp: Language, text: str, source: str,
                                          expected: bool) -> None:
    cue = next(w for w in text.split() if w.startswith("refer"))
    doc, draft = draft_for(nlp, text, cue, source, "object", 0.8)
    assert a_word_refers(doc, draft, S) is expected


# ------------------------------------------------------------------- people_in_general


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("The course is for those who would like to study at home.", "like", True),
    ("People who say farming is easy have never tried it.", "say", True),
    ("She is one of those people who want their work to mean something.", "want", True),
    ("The mayor, who said the road would close, left early.", "said", False),
    ("A senior official who asked not to be named confirmed the talks.", "asked", False),
])
def test_who_for_people_in_general_reports_no_one(nlp: Language, text: str, cue: str,
                                                  expected: bool) -> None:
    doc = nlp(text)
    head = next(t for t in doc if t.text == cue)
    who = next(t for t in doc if t.lower_ == "who")
    draft = Draft(Cue(head.i, (head.i,), "speech", 0.8), doc[who.i:who.i + 1],
                  ((head.idx + len(cue) + 1, len(text) - 1),), "speech", 1.0, how="ccomp")
    assert people_in_general(doc, draft, S) is expected


# --------------------------------------------------------------------------- ticker_colon


def _colon_draft(nlp: Language, text: str, source_end: int, content: str) -> tuple:
    """The doc and a colon draft whose source is its first `source_end` tokens and whose
    content runs from `content` to the line's full stop."""
    doc = nlp(text)
    colon = next(t.i for t in doc if t.text.endswith(":"))
    start = text.index(content)
    draft = Draft(Cue(colon, (colon,), "speech", 1.0), doc[0:source_end],
                  ((start, len(text) - 2),), "speech", 1.0, how="colon")
    return doc, draft


def test_a_colon_inside_parentheses_is_a_ticker(nlp: Language) -> None:
    text = "Pine Ridge Holdings Inc. (NASDAQ: PRHI) goal is to grow its sales in the north.\n"
    doc, draft = _colon_draft(nlp, text, 4, "PRHI")
    assert ticker_colon(doc, draft, S)


def test_a_speaker_label_colon_is_no_ticker(nlp: Language) -> None:
    text = "Lopez (a Democrat): We will rebuild the bridge before winter.\n"
    doc, draft = _colon_draft(nlp, text, 1, "We will")
    assert not ticker_colon(doc, draft, S)  # the parenthesis closed before the colon

# ------------------------------------------------------------------------------- title_colon


def test_a_title_and_its_subtitle_are_nobodys_words(nlp: Language) -> None:
    text = ("The Lost Harbor: Storms, Sailors, and the Fall of a Fishing Town\n"
            "Maria Lopez\nRiver Press, $ 17.99, ages 9-12\n")
    doc = nlp(text)
    colon = next(t.i for t in doc if t.text == ":")
    start = text.index("Storms")
    draft = Draft(Cue(colon, (colon,), "speech", 1.0), doc[0:3], ((start, text.index("\n")),),
                  "speech", 1.0, how="colon")
    assert title_colon(doc, draft, S)
    assert not_said(doc, draft)


def test_a_speaker_label_with_a_verb_or_a_sentence_is_no_title(nlp: Language) -> None:
    text = "Lopez: We Will Rebuild the Bridge Before Winter\n"
    doc, draft = _colon_draft(nlp, text, 1, "We Will")
    assert not title_colon(doc, draft, S)  # a headline quote has its verb
    text = "Lopez: the bridge comes first.\n"
    doc, draft = _colon_draft(nlp, text, 1, "the bridge")
    assert not title_colon(doc, draft, S)

# --------------------------------------------------------------------- list_after_a_doing


def _colon_paragraph(nlp: Language, text: str, cue: str, first: str, p: float) -> tuple:
    """The doc and a colon-paragraph draft from `cue` to the paragraph opening with `first`."""
    doc = nlp(text)
    head = next(t.i for t in doc if t.text == cue)
    start = text.index(first)
    draft = Draft(Cue(head, (head,), "speech", p), doc[0:1], ((start, len(text) - 1),),
                  "speech", 1.0, how="colon-paragraph")
    return doc, draft


def test_a_list_after_a_verb_of_doing_is_no_content(nlp: Language) -> None:
    text = ("The winners of this year's grants include:\n"
            "- The river school will buy new books for its library.\n"
            "- The food bank will open a second kitchen.\n")
    doc, draft = _colon_paragraph(nlp, text, "include", "The river", 0.45)
    assert list_after_a_doing(doc, draft, S)
    assert not_said(doc, draft)


def test_a_list_after_a_saying_or_a_likely_cue_stays(nlp: Language) -> None:
    text = ("Lopez told reporters:\n"
            "- The bridge will be rebuilt before winter.\n"
            "- The tolls will not rise.\n")
    doc, draft = _colon_paragraph(nlp, text, "told", "The bridge", 0.45)
    assert not list_after_a_doing(doc, draft, S)  # a verb of saying
    text = ("The winners of this year's grants include:\n"
            "- The river school will buy new books for its library.\n")
    doc, draft = _colon_paragraph(nlp, text, "include", "The river", 0.8)
    assert not list_after_a_doing(doc, draft, S)  # the classifier is sure of the cue


def test_paragraphs_after_a_verb_of_doing_stay(nlp: Language) -> None:
    text = ("The candidates set out their plans. Here is where they stand:\n"
            "Lopez wants the state to pay for the bridge.\n")
    doc, draft = _colon_paragraph(nlp, text, "stand", "Lopez wants", 0.45)
    assert not list_after_a_doing(doc, draft, S)  # no list: PolNeAR reads a stance


# ------------------------------------------------------------------------------ is_thing


def test_a_name_as_owner_leaves_a_thing_a_thing(nlp: Language) -> None:
    text = "Lopez's speech pushed the senator over the edge."
    doc = nlp(text)
    assert is_thing(doc.char_span(0, len("Lopez's speech")))  # the name only owns the speech
    text = "Maria Lopez pushed the senator over the edge."
    doc = nlp(text)
    assert not is_thing(doc.char_span(0, len("Maria Lopez")))  # a name: someone


def test_a_quantifier_over_a_thing_pronoun_is_a_thing(nlp: Language) -> None:
    doc = nlp("The radar is slow. All of which requires planes to stay farther apart.")
    all_of = next(t for t in doc if t.text == "All")
    assert of_thing_pronoun(all_of)
    assert is_thing(doc[all_of.i : all_of.i + 3])
    doc = nlp("Some of them require planes to stay farther apart.")
    assert not of_thing_pronoun(doc[0])  # 'them' may be people
    assert not is_thing(doc[0:3])


def test_a_name_in_a_clause_on_a_thing_leaves_it_a_thing(nlp: Language) -> None:
    text = ("The suit, which will be filed Thursday in Brooklyn Supreme Court, seeks damages "
            "for her scars.")
    doc = nlp(text)
    assert is_thing(doc.char_span(0, text.index(", seeks")))  # the court is only where
    assert not is_thing(nlp("The Obama administration seeks damages.")[0:3])


# ---------------------------------------------------------------------------- author_note

COLUMN = ("Small shops lose buyers at the checkout. Make the last step short and plain, and "
          "test every change you make to it.\n"
          "Dana Whitfield is the marketing director of Shopwise, a consulting firm. She also "
          "answers questions in a weekly chat and writes about small business.\n"
          "More from Shopwise:\n"
          "- Ten Ways to Keep a Customer\n")


def test_a_note_on_the_writer_at_the_foot_is_not_attributed(nlp: Language) -> None:
    doc = nlp(COLUMN)
    at = COLUMN.index("answers")
    head = next(t.i for t in doc if t.idx == at)
    content = ((at + len("answers "), COLUMN.index(" in a weekly")),)
    draft = Draft(Cue(head, (head,), "speech", 0.8), doc[head - 2 : head - 1], content,
                  "speech", 1.0, how="object")
    assert opens_a_bio(next(t for t in doc if t.text == "Dana"))
    assert author_note(doc, draft, S)
    assert not any("questions" in c for c in contents(nlp, COLUMN))


@pytest.mark.parametrize("text", [
    # a news story's last paragraph: no role after the copula, and it reports a saying
    "Dana Whitfield is expected to appear in court on Monday, police said.\n",
    # prose goes on after the paragraph: no foot note
    COLUMN.replace("More from Shopwise:", "Shops that did so kept more of their buyers over "
                   "the holidays, the survey found."),
])
def test_a_last_paragraph_that_reports_or_goes_on_is_no_note(nlp: Language, text: str) -> None:
    doc = nlp(text)
    cue = next(t for t in doc if t.lemma_ in ("expect", "answer"))
    draft = Draft(Cue(cue.i, (cue.i,), "speech", 0.9), None, ((cue.idx, len(text)),),
                  "speech", 1.0, how="object")
    assert not author_note(doc, draft, S)


def test_a_modal_up_the_chain_makes_the_reader_generic(nlp: Language) -> None:
    doc = nlp("You cannot help but feel that the shop is doomed.")
    assert modal_chain(next(t for t in doc if t.lower_ == "feel"))
    doc = nlp("You could leave the film thinking that the shop is doomed.")
    assert not modal_chain(next(t for t in doc if t.lower_ == "thinking"))  # a thought
    doc = nlp("You told me that the shop is doomed.")
    assert not modal_chain(next(t for t in doc if t.lower_ == "told"))


def test_a_naming_participle_is_no_saying_of_the_clause_subject(nlp: Language) -> None:
    text = 'The society is offering a new course this year called "Finding Your Family" online.'
    doc, draft = draft_for(nlp, text, "called", "The society", "object", 0.6)
    assert doc[draft.cue.head].dep_ == "advcl"  # hung on 'offering', whose subject it is not
    assert naming_participle(doc, draft, S)
    text = 'The mayor, called "reckless" by critics, said the bridge would be rebuilt.'
    doc, draft = draft_for(nlp, text, "called", "critics", "object", 0.6)
    assert not naming_participle(doc, draft, S)  # its own agent
    text = 'Lopez, a city ally, called the new bridge plans "reckless."'
    doc, draft = draft_for(nlp, text, "called", "Lopez, a city ally,", "object", 0.6)
    assert not naming_participle(doc, draft, S)  # however parsed, it hangs on its source


# ------------------------------------------------------------------- possible_passive


@pytest.mark.parametrize(("text", "cue", "expected"), [
    ("The lessons can be viewed on a home computer.", "viewed", True),
    ("Several dozen satellites would be required to do the same.", "required", True),
    ("The petition must be considered for debate in parliament.", "considered", True),
    ("The mayor is expected to resign next week.", "expected", False),
    ("The suspect will be charged with murder.", "charged", False),
    ("The mayor was described as a tireless worker.", "described", False),
])
def test_an_agentless_passive_under_a_modal_of_possibility_says_nothing(
        nlp: Language, text: str, cue: str, expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, None, "patient", 0.6)
    assert possible_passive(doc, draft, S) is expected


def test_a_modal_passive_with_its_speaker_stays(nlp: Language) -> None:
    text = "The plan could be rejected, the mayor warned."
    doc, draft = draft_for(nlp, text, "rejected", "the mayor", "patient", 0.6)
    assert not possible_passive(doc, draft, S)  # a source: not the agentless reading


# ------------------------------------------------------------------- cannot_tell


@pytest.mark.parametrize(("text", "source", "expected"), [
    ("If they can't immediately tell they will leave the site.", "they", True),
    ("You could tell he was nervous.", "You", True),
    ("I can tell you that the bridge will close.", "I", False),
    ("She told reporters the bridge will close.", "She", False),
])
def test_can_tell_with_nobody_told_is_telling_apart(nlp: Language, text: str, source: str,
                                                     expected: bool) -> None:
    cue = next(w for w in ("tell", "told") if f" {w} " in text)
    doc, draft = draft_for(nlp, text, cue, source, "ccomp", 0.7)
    assert cannot_tell(doc, draft, S) is expected


# ------------------------------------------------------------------- future_finding


@pytest.mark.parametrize(("text", "expected"), [
    ("Lovers of the old tale will find that the artist has captured its wonder.", True),
    ("Readers will find the ending moving.", True),
    ("The study found that rents rose sharply.", False),
    ("Investigators have found that the pilot was tired.", False),
])
def test_a_finding_still_to_come_reports_nothing(nlp: Language, text: str,
                                                 expected: bool) -> None:
    cue = next(w for w in ("find", "found") if f" {w} " in text)
    doc, draft = draft_for(nlp, text, cue, text.split(" " + cue)[0].split(" will")[0]
                           .split(" have")[0], "ccomp", 0.8)
    assert future_finding(doc, draft, S) is expected


# ------------------------------------------------------------------- counted_in_a_question


@pytest.mark.parametrize(("text", "cue", "source", "expected"), [
    ("The mayor would not say what share of the drivers refused to pay.", "refused",
     "what share of the drivers", True),
    ("Nobody knows how many voters refused to answer.", "refused", "how many voters", True),
    ("The drivers refused to pay the toll.", "refused", "The drivers", False),
])
def test_a_subject_a_question_asks_about_reports_nobody(nlp: Language, text: str, cue: str,
                                                       source: str, expected: bool) -> None:
    doc, draft = draft_for(nlp, text, cue, source, "xcomp", 0.8)
    assert counted_in_a_question(doc, draft, S) is expected
    assert asked_about(draft.source) is expected


def test_a_relative_which_is_no_question(nlp: Language) -> None:
    doc, draft = draft_for(nlp, "The agency, which said the road was safe, closed it.", "said",
                           "which", "ccomp", 0.9)
    assert not counted_in_a_question(doc, draft, S)


# ------------------------------------------------------------------- act_as_subject


def test_a_gerund_clause_as_subject_says_nothing(nlp: Language) -> None:
    text = "In the village, sending a letter might mean paying a driver and hoping he delivers it."
    doc = nlp(text)
    hoping = next(t for t in doc if t.text == "hoping")
    sending = next(t for t in doc if t.text == "sending")
    source = doc[sending.i:sending.i + 3]
    draft = Draft(Cue(hoping.i, (hoping.i,), "thought", 0.6), source,
                  ((hoping.idx + 7, len(text) - 1),), "thought", 1.0, how="ccomp")
    assert act_as_subject(doc, draft, S)  # 'sending a letter', the subject of 'mean'
    assert not act_as_subject(doc, replace(draft, source=None), S)


def test_a_name_tagged_as_a_gerund_is_no_act(nlp: Language) -> None:
    doc = nlp("Schilling, through a spokeswoman, declined to comment.")
    declined = next(t for t in doc if t.text == "declined")
    draft = Draft(Cue(declined.i, (declined.i,), "speech", 0.8), doc[0:1],
                  ((declined.idx + 9, len(doc.text) - 1),), "speech", 1.0, how="xcomp")
    assert not act_as_subject(doc, draft, S)  # no object: a name, whatever its tag
