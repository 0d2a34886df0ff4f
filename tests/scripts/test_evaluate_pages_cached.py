"""The cached page scorer predicts what `saidwhat evaluate-pages` predicts, parse cache or not."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from evaluate_pages_cached import analysed_pages, gold_page_articles  # noqa: E402

from saidwhat.engine.engine import Engine  # noqa: E402
from saidwhat.evaluation.pages import GoldPage, predict_pages  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGE = "council-budget.html"


def test_cached_pages_are_the_commands_predictions(tmp_path: Path) -> None:
    gold = GoldPage(PAGE, "", 0, (), (), "test")
    pages = gold_page_articles([gold], FIXTURES)
    engine = Engine.load(None)
    first = analysed_pages(pages, tmp_path, engine)
    assert list(tmp_path.glob("pages-*.spacy"))
    again = analysed_pages(pages, tmp_path, engine)
    fresh, problems = predict_pages([FIXTURES / PAGE], None, None, progress=False)
    assert not problems
    assert first[PAGE].attributions
    assert first[PAGE].attributions == again[PAGE].attributions == fresh[PAGE].attributions


def test_two_gold_sets_keep_their_own_caches(tmp_path: Path) -> None:
    gold = GoldPage(PAGE, "", 0, (), (), "test")
    pages = gold_page_articles([gold], FIXTURES)
    engine = Engine.load(None)
    analysed_pages(pages, tmp_path, engine, label="pages")
    analysed_pages(pages + pages, tmp_path, engine, label="pages-heldout")
    assert sorted(p.name.rsplit("-", 1)[0] for p in tmp_path.glob("*.spacy")) == [
        "pages", "pages-heldout"]
