"""layouts.py: 'Name: words' lines and '― Name' sign-offs, directly and through extraction."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat.engine.layouts import colon_lines, dash_signoffs, label_word
from saidwhat.engine.quotes import find_quotes
from saidwhat.records import Article
from saidwhat.run import pipeline


def colons(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(n.text, doc[c.head].text, text[s:e]) for n, c, (s, e) in colon_lines(doc)]


def dashes(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    found = dash_signoffs(doc, find_quotes(text))
    return [(n.text, doc[c.head].text, text[s:e]) for n, c, (s, e) in found]


def run(nlp: Language, text: str) -> Article:
    return pipeline.annotate(nlp, Article("t", text, body=((0, len(text)),)))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Smith: We Will Win\n\nThe senator spoke.", ("Smith", ":", "We Will Win")),
        ("PENCE: Well, we fix it.\n\nMore.", ("PENCE", ":", "Well, we fix it.")),
        ("Maria Lopez: Budget Is Bad\n\nText.", ("Maria Lopez", ":", "Budget Is Bad")),
    ],
)
def test_colon_lines(nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert colons(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "the mayor said: we will win",
        "At 5:30 pm the vote began.",
        "The council, which met for hours on a hot afternoon in the old hall: voted no.",
    ],
)
def test_not_colon_lines(nlp: Language, text: str) -> None:
    assert colons(nlp, text) == []


@pytest.mark.parametrize(
    "text, dash",
    [
        ("“Never give up on your town.” ― Carla Sanchez", "―"),
        ("“Never give up on your town.”\n— Carla Sanchez.", "—"),
        ("“Never give up on your town.” -- Carla Sanchez", "-"),
    ],
)
def test_dash_signoffs(nlp: Language, text: str, dash: str) -> None:
    found = dashes(nlp, text)
    assert len(found) == 1
    name, cue, content = found[0]
    assert name == "Carla Sanchez"
    assert cue.startswith(dash)
    assert content == "Never give up on your town."


@pytest.mark.parametrize(
    "text",
    ["The town — Springfield — voted.", "It was late — Carla Sanchez left.", "— Carla Sanchez"],
)
def test_dashes_that_are_not_signoffs(nlp: Language, text: str) -> None:
    assert dashes(nlp, text) == []


def test_headline_colon_line_is_attributed(nlp: Language) -> None:
    text = (
        "Maria Lopez: We Will Win the Vote in November\n\n"
        "The senator spoke to supporters in the old town hall on Monday night."
    )
    article = run(nlp, text)
    (a,) = [a for a in article.attributions if "We Will Win" in a.content.text]
    assert a.content.text == "We Will Win the Vote in November"
    assert a.kind == "indirect" and a.type == "speech"
    assert a.source is not None and a.source.text == "Maria Lopez"
    assert a.cue is not None and a.cue.text == ":"
    assert a.speaker is not None and a.speaker.name == "Maria Lopez"


def test_short_headline_colon_line_is_attributed(nlp: Language) -> None:
    text = "Smith: We Will Win\n\nJohn Smith spoke to supporters in the town hall on Monday night."
    article = run(nlp, text)
    found = [a for a in article.attributions if a.source and a.source.text == "Smith"]
    assert [a.content.text for a in found] == ["We Will Win"]


def test_colon_label_that_names_no_person_is_left_to_the_scorer(nlp: Language) -> None:
    text = "Stealth Over Health: Campaign Kept Quiet\n\nThe campaign said nothing on Monday night."
    article = run(nlp, text)
    sources = [a.source.text for a in article.attributions if a.source]
    assert "Stealth Over Health" not in sources


def test_dash_signoff_is_attributed(nlp: Language) -> None:
    text = (
        "The senator spoke about the town where she grew up.\n\n"
        "“Never give up on your town.” ― Carla Sanchez\n\nShe left the stage."
    )
    article = run(nlp, text)
    (a,) = [a for a in article.attributions if "Never give up" in a.content.text]
    assert a.speaker is not None and a.speaker.name == "Carla Sanchez"
    assert a.kind == "direct"


@pytest.mark.parametrize("label", ["Update", "Note"])
def test_label_colon_lines_are_not_attributions(nlp: Language, label: str) -> None:
    text = (
        f"{label}: The council has postponed the vote until further notice from the mayor.\n\n"
        "The mayor will attend the next meeting in the main hall of the town."
    )
    assert run(nlp, text).attributions == ()


def test_an_embedded_tweet_is_its_author_s(nlp) -> None:  # type: ignore[no-untyped-def]
    from saidwhat.engine.layouts import tweet_signoffs

    text = ("Rescuers worked through the night.\n"
            "So many ambulances lined up outside the airport this morning pic.twitter.com/x1\n"
            "— Tom Phillips (@tomphillipsin) December 31, 2014\n"
            "Relatives waited for news.\n")
    ((name, cue, words),) = list(tweet_signoffs(nlp(text)))
    assert name.text == "Tom Phillips"
    assert text[words[0]:words[1]].startswith("So many ambulances")


def test_a_tweet_about_the_name_it_is_signed_with_is_the_handle_s(nlp: Language) -> None:
    from saidwhat.engine.layouts import tweet_signoffs

    text = ("The home team won by eight. Dana Fielding is a fan.\n"
            "NEW: Dana Fielding at the county fair today pic.twitter.com/x2\n"
            "— Dana Fielding (@DanaFanPage) July 4, 2015\n"
            "The fair closes on Sunday.\n")
    ((name, _, _),) = list(tweet_signoffs(nlp(text)))
    assert name.text == "@DanaFanPage"
    assert [a.speaker.name for a in run(nlp, text).attributions if a.speaker] == ["@DanaFanPage"]


def test_names_itself_needs_the_whole_name() -> None:
    from saidwhat.engine.layouts import names_itself

    assert names_itself("NEW: Dana  Fielding at the fair", "Dana Fielding")
    assert not names_itself("Dana spoke at the fair", "Dana Fielding")
    assert not names_itself("Reuters reports a fire", "Reuters")


def test_interview_turns_by_initials(nlp: Language) -> None:
    from saidwhat.engine.layouts import interview_turns

    text = ("Ava DuVernay and Oprah Winfrey talked to us about the film.\n"
            "How hard was the fight scene?\n"
            "AD She was all in. Every single take.\n"
            "OW I did it every time.\n"
            "US Steel shares fell on the news.\n")
    doc = nlp(text)
    found = [(n.text, doc[c.head].text, text[s:e]) for n, c, (s, e) in interview_turns(doc)]
    assert found == [("AD", "AD", "She was all in. Every single take."),
                     ("OW", "OW", "I did it every time.")]


def test_interview_turn_speakers_and_their_first_person(nlp: Language) -> None:
    text = ("Ava DuVernay and Oprah Winfrey talked to us about the film.\n"
            "How hard was the fight scene?\n"
            "AD She was all in. I kept saying to them, \"Please, be careful!\"\n"
            "OW I did it every time.\n")
    found = {(a.content.text, a.speaker.name if a.speaker else None)
             for a in run(nlp, text).attributions}
    assert ("I did it every time.", "Oprah Winfrey") in found
    assert ("Please, be careful!", "Ava DuVernay") in found  # the 'I' of Ava's turn
    assert any(c.startswith("She was all in.") and s == "Ava DuVernay" for c, s in found)


def test_a_trusted_layout_keeps_a_confidence_that_min_confidence_does_not_drop(
    nlp: Language,
) -> None:
    text = ("Ava DuVernay and Oprah Winfrey talked to us about the film.\n"
            "OW I did it every time.\n")
    (turn,) = [a for a in run(nlp, text).attributions if a.content.text.startswith("I did")]
    assert turn.confidence >= 0.9


def test_a_transcript_line_keeps_its_label_with_an_attribution_inside(nlp: Language) -> None:
    text = ("The governor spoke with the host on Sunday.\n\n"
            "OKAFOR: Honestly, I believe that this is the most important job in the state.\n\n"
            "The interview ran for an hour.")
    article = run(nlp, text)
    labelled = [a for a in article.attributions if a.cue is not None and a.cue.text == ":"]
    assert [a.source.text for a in labelled if a.source] == ["OKAFOR"]
    assert labelled[0].content.text.startswith("Honestly, I believe")


@pytest.mark.parametrize("label", ["Breaking", "The Latest", "BOOM", "Bombshell", "SOURCE",
                                   "Sources", "Photo credits", "Editor's note", "Updates"])
def test_headline_kicker_labels_are_not_speakers(nlp: Language, label: str) -> None:
    assert colons(nlp, f"{label}: Council Votes to Close the Old Bridge\n\nText.") == []


def test_a_tally_line_is_not_a_colon_line(nlp: Language) -> None:
    assert colons(nlp, "Ortiz: 1,769.\n\nSmith: 1,501.") == []


@pytest.mark.parametrize(
    "text",
    [
        "BRISTOW: Man kept a lion in his garage, police say\n\nText.",
        "Harbor Town: New bridge will open in May, officials said.\n\nText.",
    ],
)
def test_a_dateline_before_words_that_name_their_source_is_not_a_colon_line(
        nlp: Language, text: str) -> None:
    assert colons(nlp, text) == []


def test_a_label_with_a_said_inside_its_words_still_speaks(nlp: Language) -> None:
    text = "PENCE: Well, look, the plan is good, and that is what I said.\n\nMore."
    assert [n for n, _, _ in colons(nlp, text)] == ["PENCE"]


def test_label_word_drops_only_a_possessive() -> None:
    assert [label_word(w) for w in ("SOURCE", "Sources", "Editor's", "Editors’", "Ross")] == [
        "source", "sources", "editor", "editors", "ross"]


PANEL = ("Oil. Rates. Trade. Here, two economists share their views on the year ahead.\n"
         "Anna Berg\n"
         "Chief economist, North Bank – Oslo\n"
         "Cheap oil will help most importers this year. Consumers will spend what they save "
         "at the pump.\n"
         "The risk lies with the exporters, who must cut their budgets.\n"
         "Tomas Ruiz\n"
         "Professor of economics, Central University – Albany, N.Y.\n"
         "Interest rates will stay low for longer than markets expect, and the dollar will "
         "keep rising.\n")


def test_panel_sections_are_each_contributors_words(nlp: Language) -> None:
    from saidwhat.engine.layouts import panel_sections

    doc = nlp(PANEL)
    found = [(name.text, PANEL[a:b]) for name, _, (a, b) in panel_sections(doc)]
    assert [n for n, _ in found] == ["Anna Berg", "Anna Berg", "Tomas Ruiz"]
    assert found[0][1].startswith("Cheap oil will help")
    assert found[1][1].startswith("The risk lies")
    assert found[2][1].startswith("Interest rates will stay low")


def test_a_lone_name_over_a_role_is_no_panel(nlp: Language) -> None:
    from saidwhat.engine.layouts import panel_sections

    text = PANEL.split("Tomas Ruiz")[0]
    assert list(panel_sections(nlp(text))) == []


def test_a_live_blog_hand_over_is_its_correspondent_s_up_to_the_next_entry(
        nlp: Language) -> None:
    from saidwhat.engine.layouts import update_lines

    text = ("Live: the search for the missing jet\n"
            "11.18 More from Ana Ruiz in Jakarta.\n"
            "I have just spoken to one of the relatives at the hospital.\n"
            "Families are giving blood samples tonight.\n"
            "10.58 Officials say the weather is improving.\n")
    doc = nlp(text)
    ((name, cue, (s, e)),) = list(update_lines(doc))
    assert (name.text, doc[min(cue.tokens)].text, doc[cue.head].text) == ("Ana Ruiz", "More",
                                                                           "from")
    assert text[s:e] == ("I have just spoken to one of the relatives at the hospital.\n"
                         "Families are giving blood samples tonight.")
    found = {(a.content.text[:14], a.speaker.name if a.speaker else None)
             for a in run(nlp, text).attributions}
    assert ("I have just sp", "Ana Ruiz") in found  # the correspondent's "I" is hers


@pytest.mark.parametrize(("line", "name"), [
    ("06.20 This from Ana Ruiz, our correspondent in Jakarta:", "Ana Ruiz"),
    ("Here's an update from the OHA :", "the OHA"),
    ("10.58 The latest updates from Ana Ruiz in Jakarta.", "Ana Ruiz"),
])
def test_live_blog_hand_overs(nlp: Language, line: str, name: str) -> None:
    from saidwhat.engine.layouts import update_lines

    text = (f"{line}\nThere are 75 ambulances lined up at the airport.\n"
            "So many ambulances outside the airport this morning pic.twitter.com/abc\n"
            "— Ana Ruiz (@anaruiz) December 31, 2014\n")
    ((found, _, (s, e)),) = list(update_lines(nlp(text)))
    assert found.text == name
    assert text[s:e] == "There are 75 ambulances lined up at the airport."  # not the tweet


@pytest.mark.parametrize("line", [
    "More from the council meeting tomorrow.",  # no one named
    "Read more from Ana Ruiz here.",
    "This from Ana Ruiz:",  # nothing after it
])
def test_not_live_blog_hand_overs(nlp: Language, line: str) -> None:
    from saidwhat.engine.layouts import update_lines

    assert list(update_lines(nlp(line))) == []
