"""Boilerplate trimming: each rule alone, then body_spans on whole articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from saidwhat.io import boilerplate as bp

FIXTURES = Path(__file__).parents[1] / "fixtures"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "data" / "articles" / "biden-putin-summit.txt"


def body_text(text: str) -> str:
    """The text body_spans keeps."""
    spans = bp.body_spans(text)
    return text[spans[0][0]:spans[-1][1]] if spans else ""


@pytest.mark.parametrize("line", ["Leave a Reply", "Leave a comment", "12 Comments",
                                  "Comments (3)"])
def test_comment_markers(line: str) -> None:
    assert bp.is_comment_marker(line)
    assert bp.is_comment_form(line)


@pytest.mark.parametrize("line", [
    "Your email address will not be published.",
    "Your email address will not be published. Required fields are marked *",
    "Save my name, email, and website in this browser for the next time I comment.",
])
def test_comment_form_lines(line: str) -> None:
    assert bp.is_comment_form(line)


@pytest.mark.parametrize("line", [
    "Share this:", "Click to share on Twitter (Opens in new window)",
    "Subscribe to our newsletter", "Sign up for our daily newsletter", "Like this:", "Loading...",
])
def test_share_prompts(line: str) -> None:
    assert bp.is_share_prompt(line)


def test_widget_errors() -> None:
    assert bp.is_widget_error("GIPHY App Key not set. Please check settings")
    assert bp.is_widget_error("Advertisement")


def test_cookie_notices() -> None:
    assert bp.is_cookie_notice("We use cookies to give you the best experience on our website.")
    assert bp.is_cookie_notice("This website uses cookies. By continuing to use this site, "
                               "you agree.")


@pytest.mark.parametrize("line", ["Related articles", "Read more",
                                  "READ MORE: Putin warns the West", "You may also like"])
def test_related_trailers(line: str) -> None:
    assert bp.is_related_trailer(line)


@pytest.mark.parametrize("line", ["Home > News > Politics", "Home / World", "Skip to content",
                                  "News | Politics | World | Opinion"])
def test_navigation(line: str) -> None:
    assert bp.is_navigation(line)


@pytest.mark.parametrize("line", [
    "“Leave a reply to the people who wrote to you,” she said.",
    "He said the company uses cookies and other trackers on every page it runs, which regulators "
    "have questioned for years, and that he expected fines to follow.",
    "The ruling party > the opposition, the poll suggested.",
    "Read the report before the vote, the senator urged colleagues on Tuesday.",
    "Share prices fell sharply on Monday.",
])
def test_prose_is_not_boilerplate(line: str) -> None:
    assert not bp.is_boilerplate(line)


def test_blocks_offsets_are_trimmed_lines() -> None:
    text = "  First line \n\n\tSecond\u00a0\n"
    found = list(bp.blocks(text))
    assert [b.text for b in found] == ["First line", "Second"]
    assert [text[b.start:b.end] for b in found] == ["First line", "Second"]


def test_body_trims_both_ends_and_keeps_article() -> None:
    text = (FIXTURES / "harbour-plan.txt").read_text(encoding="utf-8")
    body = body_text(text)
    assert body.startswith("Council Approves Harbour Plan")
    assert body.endswith("expected the budget to grow again.")


def test_everything_after_comment_marker_is_cut() -> None:
    text = ("Title\n\nA long enough paragraph of article text, said the mayor.\n\n"
            "3 Comments\n\nJohn says:\nI disagree with every word of this, and so should you.\n")
    assert body_text(text).endswith("said the mayor.")


def test_related_list_after_heading_is_cut() -> None:
    text = ("Title\n\nThe minister resigned on Friday, aides said.\n\nRelated articles\n"
            "Minister under pressure over contracts\nWho is the new minister?\n")
    assert body_text(text).endswith("aides said.")


def test_related_heading_before_long_prose_is_kept() -> None:
    long_para = "The minister said the inquiry would examine every contract signed since 2019. " * 3
    text = f"Title\n\nOpening paragraph of the story.\n\nRelated\n\n{long_para}\n"
    assert body_text(text).rstrip().endswith("since 2019.")


def test_bom_and_whitespace_excluded_from_body() -> None:
    text = "\ufeff\n  Headline\n\nBody text.\n\n"
    (start, end), = bp.body_spans(text)
    assert text[start:end] == "Headline\n\nBody text."


def test_only_boilerplate_or_blank_gives_no_body() -> None:
    assert bp.body_spans("") == ()
    assert bp.body_spans(" \n\n ") == ()
    assert bp.body_spans("Share this:\nLeave a Reply\n") == ()


def test_seed_article_body_ends_before_comment_junk() -> None:
    if not SEED.exists():
        pytest.skip("../shared not present")
    text = SEED.read_bytes().decode("utf-8")
    (start, end), = bp.body_spans(text)
    assert start == 0
    assert text[:end].endswith("I don’t think you have a soul.”)")
    assert "Leave a Reply" in text[end:] and "GIPHY" in text[end:]
