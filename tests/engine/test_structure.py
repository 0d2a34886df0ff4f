"""structure.py: lines never attributed from (title lines, captions, credits, promo labels)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat.engine.structure import (
    between_credits,
    is_credit_line,
    is_title_cased,
    line_at,
    never_attributed,
)
from saidwhat.records import Article
from saidwhat.run import pipeline


@pytest.mark.parametrize("line", [
    "The Russian Leader Relishing The Spotlight",
    "Analysts Aren't Feeling Great About Commodities In 2015 (Think Advisor)",
    "SEC Will Push For Spending More On RIA Exams",
])
def test_title_lines(line: str) -> None:
    assert is_title_cased(line)


@pytest.mark.parametrize("line", [
    "The mayor said the bridge would reopen in May.",
    "Ann Lee said so on Monday",
    "RESCUE AGENCY SAYS BODY RECOVERED FROM THE SEA",
    "“We had some issues,” the Disney chief executive told investors on Tuesday.",
])
def test_prose_is_not_a_title_line(line: str) -> None:
    assert not is_title_cased(line)


@pytest.mark.parametrize("line", [
    "Photo by Mario Tama/Getty Images",
    "Writing by Dean Yates; Additional reporting by Ann Lee",
    "UP NEXT: The mayor says the budget is fine",
    "TIP-INS: Coach says the team will rest starters",
    "Sign up for our newsletter",
    "Protesters march on Monday. (AP Photo/Jane Doe)",
])
def test_credit_and_promo_lines(line: str) -> None:
    assert is_credit_line(line)


def test_line_at_and_never_attributed() -> None:
    text = "Mayor Says Bridge Will Reopen Soon\nThe mayor said the bridge will reopen."
    assert line_at(text, 3) == (0, text.index("\n"))
    assert never_attributed(text, 3) and not never_attributed(text, text.index("mayor said"))


def attributions(nlp: Language, text: str) -> list[str]:
    article = pipeline.annotate(nlp, Article("t", text, body=((0, len(text)),)))
    return [a.content.text for a in article.attributions]


def test_a_related_article_link_is_not_attributed_but_the_story_is(nlp: Language) -> None:
    text = ("Lee wins the vote\n\n"
            "Governor Ann Lee said on Monday that taxes would fall next year.\n\n"
            "Related Coverage\n\nSenator Says Taxes Will Fall Next Year\n")
    found = attributions(nlp, text)
    assert any("taxes would fall" in c for c in found)
    assert not any("Taxes Will Fall" in c for c in found)


def test_the_headline_itself_is_read_like_a_sentence(nlp: Language) -> None:
    text = ("Governor Says Taxes Will Fall Next Year\n\n"
            "The governor spoke to reporters on Monday at the state house.\n")
    assert any("Taxes Will Fall" in c for c in attributions(nlp, text))


def test_a_quoted_headline_is_still_attributed(nlp: Language) -> None:
    text = ("Disney has a rough quarter\n\n"
            "Disney's chief executive spoke to investors on Tuesday about the parks.\n\n"
            "“We Had Some Issues,” Says Disney Chief\n")
    assert any("We Had Some Issues" in c for c in attributions(nlp, text))


def test_nothing_is_attributed_from_a_photo_credit(nlp: Language) -> None:
    text = ("The council met on Monday and voted on the budget.\n\n"
            "Photo by Jane Doe, who says the council met late\n\n"
            "Councilwoman Ann Lee said the budget was balanced.\n")
    found = attributions(nlp, text)
    assert not any("council met late" in c for c in found)
    assert any("budget was balanced" in c for c in found)


GALLERY = ("The march went on past midnight, organisers said.\n"
           "Photo by Ana Ruiz/Reuters\n"
           "Protesters march past city hall on May 2. They denounce the new bus fares.\n"
           "Photo by Tom Hale/Getty Images\n"
           "Mayor Lena Ortiz said the fares would stay.\n")


def test_a_line_between_two_credits_is_a_gallery_caption() -> None:
    def line(words: str) -> tuple[int, int]:
        return line_at(GALLERY, GALLERY.index(words))
    assert between_credits(GALLERY, *line("They denounce"))
    assert not between_credits(GALLERY, *line("The march"))  # the story above the first photo
    assert not between_credits(GALLERY, *line("Mayor Lena"))  # the story below the last one


def test_nothing_is_attributed_from_a_gallery_caption(nlp: Language) -> None:
    found = attributions(nlp, GALLERY)
    assert not any("bus fares" in c for c in found)
    assert any("march went on" in c for c in found)


def test_a_headline_describing_rather_than_reporting_is_not_attributed(nlp: Language) -> None:
    text = ("The Summit Ended Quietly — And The Russian Leader Relishing The Spotlight\n\n"
            "The Russian president said there was no hostility between the two men.\n")
    found = attributions(nlp, text)
    assert not any("Spotlight" in c for c in found)
    assert any("no hostility" in c for c in found)


def found(nlp: Language, text: str) -> list[tuple[str, str | None, str]]:
    article = pipeline.annotate(nlp, Article("t", text, body=((0, len(text)),)))
    return [(a.content.text, a.speaker.name if a.speaker else None, a.kind)
            for a in article.attributions]


def test_a_credit_line_is_never_a_source(nlp: Language) -> None:
    text = ("Protests spread across the city on Sunday.\n"
            "Photo by Ana Ruiz/Reuters\n"
            "A member of the tenants' union blocks the bridge during a march on May 22.\n"
            "Mayor Tom Reyes said the march had been peaceful.\n")
    got = found(nlp, text)
    assert not any(s is not None and "Photo" in s for _, s, _ in got)
    assert any("peaceful" in c and s == "Tom Reyes" for c, s, _ in got)


def test_a_quote_resumed_after_a_caption_keeps_its_speaker(nlp: Language) -> None:
    text = ("“We listened to everyone who came to the hearings,” Mayor Linda Park said.\n"
            "Mayor Linda Park speaks at City Hall on Tuesday. Photo by Sam Ortiz/Reuters\n"
            "“And we will keep listening to them all year.”\n")
    got = found(nlp, text)
    assert any("keep listening" in c and s == "Linda Park" for c, s, _ in got)


def test_a_statement_set_off_after_said_colon_is_direct(nlp: Language) -> None:
    text = ("The company issued a statement on Friday. It said:\n"
            "We regret the delay and will refund every customer in full by June.\n")
    got = found(nlp, text)
    assert any(c.startswith("We regret the delay") and k == "direct" for c, _, k in got)


def test_seeming_is_description_not_attribution(nlp: Language) -> None:
    got = found(nlp, "The Russian leader appeared pleased and even seemed to relish the "
                     "attention.\nThe senator appeared to suggest that the bill would fail.\n")
    assert not any("relish" in c for c, _, _ in got)
    assert any("the bill would fail" in c for c, _, _ in got)


def test_a_quote_resumed_after_an_advert_keeps_its_speaker(nlp: Language) -> None:
    text = ("“We listened to everyone who came to the hearings,” Mayor Linda Park said.\n"
            "ADVERTISEMENT\n"
            "“And we will keep listening to them all year.”\n")
    got = found(nlp, text)
    assert any("keep listening" in c and s == "Linda Park" for c, s, _ in got)


def test_a_quote_after_a_colon_line_is_not_more_of_the_previous_speaker(nlp: Language) -> None:
    text = ("The governor vetoed the bill on Monday. The bill came with a memo justifying it:\n"
            "“The portfolio is far more volatile than the basket of funds it replaces.”\n")
    got = found(nlp, text)
    assert not any("volatile" in c and s == "governor" for c, s, _ in got)


@pytest.mark.parametrize("line, expected", [
    ("ADVERTISEMENT", True), ("Story continues below advertisement", True),
    ("Mayor Park speaks at City Hall. Photo by Sam Ortiz/Reuters", True),
    ("The mayor spoke at City Hall.", False)])
def test_interruptions(line: str, expected: bool) -> None:
    from saidwhat.engine.structure import is_interruption

    assert is_interruption(line) is expected


def test_a_block_quote_is_the_speaker_introduced_before_it_and_a_pull_quote_is_nothing(
    nlp: Language,
) -> None:
    text = ("“We will keep listening,” the mayor, Linda Park, added in a statement.\n"
            "The budget protects the services residents rely on most.\n"
            "No neighbourhood has been asked to give up its library.\n"
            "Council member Raj Patel said the council should have waited for a grant.\n"
            "The council should have waited for a grant\n")
    lines = text.splitlines(keepends=True)
    starts = [sum(len(x) for x in lines[:i]) for i in range(len(lines))]
    blocks = tuple((starts[i], starts[i] + len(lines[i]) - 1) for i in (1, 2, 4))
    art = pipeline.annotate(nlp, Article("t", text, body=((0, len(text)),), block_quotes=blocks))
    got = [(a.content.text, a.speaker.name if a.speaker else None, a.kind)
           for a in art.attributions]
    assert ("The budget protects the services residents rely on most. … No neighbourhood has "
            "been asked to give up its library.", "Linda Park", "direct") in got
    assert not any(c.startswith("The council should") for c, _, _ in got)


def test_a_page_keeps_its_structure_as_evidence(nlp: Language) -> None:
    from pathlib import Path

    from saidwhat.io.readers.html import html_article

    page = Path(__file__).parents[1] / "fixtures" / "council-budget.html"
    article = html_article(page.read_text(encoding="utf-8"), id="council-budget")
    assert article is not None
    got = [(a.content.text, a.speaker.name if a.speaker else None, a.kind)
           for a in pipeline.annotate(nlp, article).attributions]
    listed = [c for c, s, k in got if c.startswith("property taxes") and s == "Linda Park"]
    assert listed and listed[0].endswith("the bus fleet will be replaced by 2027")  # the list
    assert any(c.startswith("The budget protects") and "No neighbourhood" in c
               and s == "Linda Park" and k == "direct" for c, s, k in got)  # the block quote
    assert sum("federal grant" in c for c, _, _ in got) == 1  # the pull quote adds nothing


def test_a_headline_is_never_the_source_of_the_sentence_below_it(nlp: Language) -> None:
    text = ("'Selma': Ava DuVernay and Oprah Winfrey turn civil unrest into a stirring film\n"
            "Annie Lee Cooper, a motel maid, simply wanted to vote in 1965.\n"
            "The director said the film was finished in a hurry.\n")
    got = found(nlp, text)
    assert not any(s is not None and "Selma" in s for _, s, _ in got)
    assert any("finished in a hurry" in c for c, _, _ in got)


def test_a_line_under_a_time_stamped_entry_is_in_a_live_entry() -> None:
    from saidwhat.engine.structure import entry_lines, in_live_entry

    text = ("Live: the flood\n09.52 Ann Lee has been at the pier.\nShe writes:\n"
            "The boy waited.\n\nHe is still there.\n10.30 The river rose.\n")
    at = text.index("She writes")
    assert in_live_entry(text, at, 6)
    assert not in_live_entry(text, at, 0)  # the time is one line above
    start, end = entry_lines(text, text.index("\n", at), 6)  # type: ignore[misc]
    assert text[start:end] == "The boy waited.\n\nHe is still there."
    assert entry_lines(text, text.index("\n", at), 1) == (start, start + len("The boy waited."))
    assert not in_live_entry("A story.\nShe writes:\nWords.\n", 12, 6)
