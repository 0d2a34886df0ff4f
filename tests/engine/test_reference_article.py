"""The shared reference article (Biden–Putin summit): speakers of its key quotes, junk ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

import saidwhat
from saidwhat.io import discover
from saidwhat.records import Article, Attribution

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SUMMIT = SHARED / "data" / "articles" / "biden-putin-summit.txt"

pytestmark = pytest.mark.skipif(not SUMMIT.is_file(), reason="../shared reference article absent")


@pytest.fixture(scope="module")
def article() -> Article:
    (item,) = list(discover.read_path(SUMMIT, 10_000_000))
    assert isinstance(item, Article)
    return saidwhat.extract(item)


def speaker(a: Attribution) -> str:
    return a.speaker.name if a.speaker else ""


def is_putin(a: Attribution) -> bool:
    return speaker(a).endswith("Putin") and "Biden" not in speaker(a)


def is_biden(a: Attribution) -> bool:
    return speaker(a).endswith("Biden") and "Putin" not in speaker(a)


def holding(article: Article, words: str) -> list[Attribution]:
    found = [a for a in article.attributions if words in a.content.text]
    assert found, f"no attribution holds {words!r}"
    return found


def test_offsets_and_body(article: Article) -> None:
    text = article.text
    assert len(article.attributions) >= 15
    body_end = article.body[-1][1]
    assert body_end <= text.index("Leave a Reply")
    for a in article.attributions:
        assert a.content.end <= body_end
        for m in (a.content, a.cue, a.source):
            if m is not None:
                assert m.text == " … ".join(text[s:e] for s, e in m.spans)


def test_nothing_from_the_comment_form(article: Article) -> None:
    for a in article.attributions:
        assert "GIPHY" not in a.content.text and "email address" not in a.content.text


def test_he_is_putin_or_biden(article: Article) -> None:
    hes = [a for a in article.attributions if a.source and a.source.text in ("he", "He")]
    assert len(hes) >= 4
    for a in hes:
        assert is_putin(a) or is_biden(a), (a.content.text, speaker(a))


def test_police_brutality_quote_is_putin(article: Article) -> None:
    (a,) = holding(article, "You can hardly open your mouth")
    assert a.kind == "direct"
    assert is_putin(a)


def test_cyber_quote_is_biden(article: Article) -> None:
    (a,) = holding(article, "We will respond in a cyber way. He knows")
    assert a.kind == "direct"
    assert is_biden(a)


def test_soul_quote_is_biden(article: Article) -> None:
    found = holding(article, "I don’t think you have a soul")
    assert found and all(is_biden(a) for a in found)
    # quoted words, whether alone or inside "Biden said he told Putin, “…”" (mixed); the
    # nested direct reading alone rode the scorer's threshold (calibrated 0.29 before the
    # eighth session's retrain, dropped after it)
    assert any(a.kind in ("direct", "mixed") for a in found)


def test_period_belongs_to_bidens_quote(article: Article) -> None:
    found = holding(article, "Period.")
    assert all(is_biden(a) for a in found)
    assert any("We don’t derive our rights" in a.content.text for a in found)


def test_devastating_consequences_quote_is_biden(article: Article) -> None:
    (a,) = holding(article, "the consequences would be devastating")
    assert a.kind == "direct"
    assert is_biden(a)


def test_white_house_officials_speak(article: Article) -> None:
    officials = [a for a in article.attributions if speaker(a) == "White House officials"]
    assert officials
    assert all(a.speaker is not None and a.speaker.type == "GROUP" for a in officials)


def test_constructive_is_putins_partial_quote(article: Article) -> None:
    found = holding(article, "“constructive”")
    assert any(a.kind == "mixed" and is_putin(a) for a in found)


def test_navalny_is_never_a_speaker(article: Article) -> None:
    assert not any("Navalny" in speaker(a) for a in article.attributions)


def test_both_leaders_speak(article: Article) -> None:
    assert sum(is_putin(a) for a in article.attributions) >= 5
    assert sum(is_biden(a) for a in article.attributions) >= 5


def test_every_speaker_is_a_leader_officials_or_their_countries(article: Article) -> None:
    allowed = {"Putin", "Biden", "White House officials", "US", "Russia", "reporter"}
    for a in article.attributions:
        assert a.speaker is not None, a.content.text
        names = set(a.speaker.name.split(" and "))
        assert names <= allowed, (a.speaker.name, a.content.text)


def test_participle_after_he_said_is_putins(article: Article) -> None:
    (a,) = holding(article, "they understand their responsibility")
    assert is_putin(a)


def test_no_attribution_from_the_headline_or_from_appearances(article: Article) -> None:
    headline_end = article.text.index("\n")
    assert not any(a.content.start < headline_end for a in article.attributions)
    assert not any(a.cue is not None and a.cue.text.startswith("appeared")
                   for a in article.attributions)
