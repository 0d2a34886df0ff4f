import json
from pathlib import Path

import pytest

from saidwhat.evaluation.pages import (
    GoldPage,
    GoldPageAttribution,
    canonical_text,
    load_gold_pages,
    name_words,
    same_name,
    same_speaker,
    score_page,
    sha256,
    with_their_pages,
)
from saidwhat.records import Article, Attribution, Mention, Speaker

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO.parent / "shared" / "data" / "pages"

CANON = "Mayor Ann Lee said the bridge will reopen. Critics say it will not."
OURS = "Headline\n\nMayor Ann Lee said the bridge will reopen.  Critics say it will not."


def at(text: str, s: str) -> tuple[int, int]:
    i = text.index(s)
    return i, i + len(s)


def attribution(text: str, content: str, source: str | None, name: str | None) -> Attribution:
    src = Mention(source, (at(text, source),)) if source else None
    return Attribution(
        kind="indirect", type="speech", content=Mention(content, (at(text, content),)),
        cue=Mention("said", (at(text, "said"),)), source=src,
        speaker=Speaker(name, "x") if name else None)


def gold_page(*attributions: GoldPageAttribution) -> GoldPage:
    return GoldPage("p.html", "", len(CANON), ((0, len(CANON)),), attributions, "p.json")


LEE = GoldPageAttribution("Ann Lee", "PERSON", (at(CANON, "Mayor Ann Lee"),),
                          (at(CANON, "said"),), (at(CANON, "the bridge will reopen"),))
CRITICS = GoldPageAttribution("critics", "GROUP", (at(CANON, "Critics"),),
                              (at(CANON, "say"),), (at(CANON, "it will not"),))


def test_name_words_drop_articles_titles_and_possessives():
    assert name_words("the Mayor's office") == {"mayor", "office"}
    assert name_words("Dr. Ann Lee") == {"ann", "lee"}


def test_name_words_fold_accents():
    assert name_words("Gerhard Müller") == name_words("Gerhard Muller") == {"gerhard", "muller"}


def test_same_speaker_accepts_a_surname_but_not_a_different_person():
    g = trimmed_source(LEE)
    assert same_speaker(LEE, g, "Lee", frozenset())
    assert not same_speaker(LEE, g, "Bob Jones", g)


def test_same_speaker_accepts_an_unnamed_group_by_its_source_mention():
    g = trimmed_source(CRITICS)
    assert same_speaker(CRITICS, g, "it", g)
    assert not same_speaker(CRITICS, g, None, frozenset())


@pytest.mark.parametrize(("gold", "predicted"), [
    ("Gerhard Müller", "Mueller"),            # an umlaut written out
    ("Bill de Blasio", "Bill DeBlasio"),      # a particle run into the surname
    ("the FAA", "Federal Aviation Administration"),
    ("City Department of Environmental Protection", "DEP"),  # the acronym of its last words
])
def test_same_name_accepts_spellings_and_acronyms_of_one_name(gold: str, predicted: str):
    assert same_name(gold, predicted)


@pytest.mark.parametrize(("gold", "predicted"), [
    ("Gerhard Müller", "Miller"),
    ("the FAA", "Federal Election Commission"),
    ("the FAA", "FBI"),
    ("Bill de Blasio", "Bill Blasingame"),
])
def test_same_name_rejects_other_names(gold: str, predicted: str):
    assert not same_name(gold, predicted)


def test_same_speaker_accepts_the_named_speaker_of_a_quote_the_gold_gives_no_source():
    quote = GoldPageAttribution("Ann Lee", "PERSON", (), (), (at(CANON, "the bridge"),))
    assert same_speaker(quote, frozenset(), "Lee", frozenset({3, 4}))
    assert not same_speaker(quote, frozenset(), "Bob Jones", frozenset({3, 4}))


def trimmed_source(a: GoldPageAttribution) -> frozenset[int]:
    return frozenset(i for s, e in a.source for i in range(s, e))


def test_score_page_carries_predictions_to_the_canonical_text():
    article = Article(id="p", text=OURS, attributions=(
        attribution(OURS, "the bridge will reopen", "Mayor Ann Lee", "Ann Lee"),
        attribution(OURS, "Headline", None, None),
    ))
    scores = score_page(gold_page(LEE, CRITICS), CANON, article)
    assert (scores.attribution.gold, scores.attribution.predicted,
            scores.attribution.matched) == (2, 2, 1)


def test_score_page_counts_a_wrong_speaker_only_in_content_only():
    article = Article(id="p", text=OURS, attributions=(
        attribution(OURS, "the bridge will reopen", "Critics", "Bob Jones"),))
    mistakes: list = []
    scores = score_page(gold_page(LEE), CANON, article, mistakes)
    assert scores.attribution.matched == 0 and scores.content.matched == 1
    assert {m["kind"] for m in mistakes} == {"fn", "fp"}


def test_canonical_text_is_trafilatura_main_text():
    html = ("<html><body><article><p>" + "Mayor Ann Lee said the bridge will reopen soon. " * 5
            + "</p></article></body></html>")
    assert "Mayor Ann Lee said" in canonical_text(html)


def test_load_gold_pages_reports_a_malformed_file(tmp_path):
    (tmp_path / "good.json").write_text(json.dumps(
        {"page": "p.html", "text_sha256": "x", "chars": 3, "body": [[0, 3]],
         "attributions": [{"speaker": "A", "speaker_type": "PERSON", "source": None,
                           "cue": [[0, 1]], "content": [[1, 3]]}]}))
    (tmp_path / "bad.json").write_text("{")
    pages, problems = load_gold_pages(tmp_path)
    assert [p.page for p in pages] == ["p.html"] and pages[0].attributions[0].source == ()
    assert len(problems) == 1 and "bad.json" in problems[0]


def test_golds_without_their_page_are_reported_and_a_wrong_folder_is_an_error(tmp_path):
    golds = [GoldPage(name, "", 0, (), (), f"gold/{name}.json") for name in ("a.html", "b.html")]
    (tmp_path / "a.html").write_text("<html></html>")
    found, problems = with_their_pages(golds, tmp_path)
    assert [g.page for g in found] == ["a.html"]
    assert len(problems) == 1 and "b.html" in problems[0] and "not found" in problems[0]
    with pytest.raises(ValueError, match="none of the gold's 1 pages"):
        with_their_pages(golds[1:], tmp_path)
    with pytest.raises(ValueError, match="not a directory"):
        with_their_pages(golds, tmp_path / "nowhere")


def test_the_repository_page_gold_reads_without_problems():
    pages, problems = load_gold_pages(REPO / "gold" / "pages")
    if not pages:
        pytest.skip("no page gold")
    assert not problems
    assert all(a.content for p in pages for a in p.attributions)


def test_the_held_out_page_gold_covers_exactly_the_pages_without_tuned_gold():
    tuned = {p.name for p in (REPO / "gold" / "pages").glob("*.json")}
    held_out = {p.name for p in (REPO / "gold" / "pages-heldout").glob("*.json")}
    assert held_out and not tuned & held_out
    if PAGES.is_dir():
        assert tuned | held_out == {p.stem + ".json" for p in PAGES.glob("*.html")}


@pytest.mark.slow
@pytest.mark.parametrize("folder", ["pages", "pages-heldout"])
def test_page_gold_offsets_fit_the_canonical_text_of_its_page(folder: str):
    if not PAGES.is_dir():
        pytest.skip("../shared/data/pages absent")
    pages, problems = load_gold_pages(REPO / "gold" / folder)
    assert pages and not problems
    for gold in pages:
        text = canonical_text((PAGES / gold.page).read_text(encoding="utf-8", errors="replace"))
        assert (sha256(text), len(text)) == (gold.text_sha256, gold.chars), gold.page
        for a in gold.attributions:
            assert a.content, gold.page
            for s, e in (*a.source, *a.cue, *a.content, *gold.body):
                piece = text[s:e]
                assert 0 <= s < e <= len(text) and piece == piece.strip(), (gold.page, s, e)
