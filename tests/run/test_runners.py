"""Runners: a worker pool gives what one process gives, in input order, bad articles isolated."""

from __future__ import annotations

import pytest

from saidwhat.records import Article, Attribution, Failure, Mention
from saidwhat.run import pipeline, runners

TEXTS = [
    "“We will not back down,” the senator said on Tuesday.",
    "The mayor said the budget would be balanced by spring. Critics disagreed.",
    "Officials believe the plan will work, according to a spokesman.",
    "No quotes here at all. Just weather: sunny, then rain.",
    "“It was constructive,” Putin told reporters. He said nothing else.",
]


def articles(n: int = 12) -> list[Article | Failure]:
    """n small articles, with a pass-through Failure in the middle."""
    items: list[Article | Failure] = [
        Article(id=f"a{i}", text=f"Story {i}. {TEXTS[i % len(TEXTS)]}") for i in range(n)
    ]
    items.insert(3, Failure("broken.html", "unreadable"))
    return items


def key(x: Article | Failure) -> str:
    """The article id, or for a failure where it came from."""
    return x.id if isinstance(x, Article) else x.origin


def fake_attributions(doc, article, offset, engine=None):  # type: ignore[no-untyped-def]
    """A stand-in engine: the first word of the body, 'said' by nobody."""
    first = doc[0]
    content = Mention(first.text, ((offset + first.idx, offset + first.idx + len(first.text)),))
    return (Attribution(kind="direct", type="speech", content=content, cue=None, source=None),)


def in_context(attributions):  # type: ignore[no-untyped-def]
    """A stand-in for pipeline.attributions_in_context made of an attributions_from_doc one."""
    from saidwhat.engine.context import build_context

    def found(doc, article, offset, engine=None):  # type: ignore[no-untyped-def]
        return attributions(doc, article, offset, engine), build_context(doc)

    return found


def dicts(items: list[Article | Failure]) -> list[object]:
    """Comparable form of runner output."""
    return [x.to_dict() if isinstance(x, Article) else x for x in items]


def test_batches_respect_size_and_chars() -> None:
    items = [Article(id=str(i), text="x" * 100) for i in range(10)]
    assert [len(b) for b in runners.batches(items, size=4)] == [4, 4, 2]
    assert [len(b) for b in runners.batches(items, size=50, chars=250)] == [3, 3, 3, 1]


def test_single_process_keeps_order_and_failures() -> None:
    items = articles()
    out = list(runners.process(items, workers=1))
    assert [key(x) for x in out] == [key(x) for x in items]
    assert out[3] == items[3]


def test_poisoned_article_becomes_failure_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.attributions_in_context

    def poisoned(doc, article, offset, engine=None):  # type: ignore[no-untyped-def]
        if article.id == "a5":
            raise RuntimeError("boom")
        return real(doc, article, offset, engine)

    monkeypatch.setattr(pipeline, "attributions_in_context", poisoned)
    out = list(runners.process(articles(), workers=1))
    assert len(out) == 13
    bad = [x for x in out if isinstance(x, Failure) and "boom" in x.error]
    assert len(bad) == 1 and bad[0].origin == "a5"
    assert [key(x) for x in out] == [key(x) for x in articles()]


def test_batch_that_raises_is_retried_article_by_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from saidwhat.run import nlp

    model = nlp.load()
    real = pipeline.annotate_many

    def explode(*a, **k):  # type: ignore[no-untyped-def]
        raise MemoryError("whole batch")

    monkeypatch.setattr(pipeline, "annotate_many", explode)
    items = articles(4)
    out = runners.annotate_batch(model, items)
    monkeypatch.setattr(pipeline, "annotate_many", real)
    assert [key(x) for x in out] == [key(x) for x in items]
    assert out[3] == items[3]


@pytest.mark.slow
def test_pool_equals_single_process_and_isolates_poison() -> None:
    items = articles(40)
    # a natural poison that survives pickling: body offsets that cannot slice the text
    items.insert(20, Article(id="poison", text="He said so.", body=(("x", "y"),)))  # type: ignore[arg-type]
    single = list(runners.process(items, workers=1))
    pooled = list(runners.process(items, workers=2))
    assert dicts(pooled) == dicts(single)
    assert [key(x) for x in pooled] == [key(x) for x in items]
    assert isinstance(pooled[20], Failure) and "TypeError" in pooled[20].error


@pytest.mark.slow
def test_forked_pool_carries_attributions_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "attributions_in_context", in_context(fake_attributions))
    monkeypatch.setenv(runners.START_METHOD_ENV, "fork")  # workers inherit the patched engine
    items = articles(20)
    pooled = list(runners.process(items, workers=2))
    assert dicts(pooled) == dicts(list(runners.process(items, workers=1)))
    assert pooled[0].attributions[0].content.text == "Story"  # type: ignore[union-attr]


def test_attribution_records_survive_the_trip_to_workers() -> None:
    import pickle

    a = Article(id="p", text="He said so.", attributions=(Attribution(
        kind="indirect", type="speech", content=Mention("so", ((8, 10),)), cue=None, source=None),))
    assert pickle.loads(pickle.dumps(a)) == a


@pytest.mark.slow
def test_worker_that_dies_fails_its_article_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    def crash(doc, article, offset, engine=None):  # type: ignore[no-untyped-def]
        if article.id == "a17":
            os._exit(3)  # a segfault or an OOM kill, as far as the pool can tell
        return fake_attributions(doc, article, offset)

    monkeypatch.setattr(pipeline, "attributions_in_context", in_context(crash))
    monkeypatch.setenv(runners.START_METHOD_ENV, "fork")
    items = articles(60)
    out = list(runners.process(items, workers=2))
    assert [key(x) for x in out] == [key(x) for x in items]
    died = [x for x in out if isinstance(x, Failure) and "died" in x.error]
    assert [x.origin for x in died] == ["a17"]  # its batch's other articles, and any batch
    assert sum(isinstance(x, Article) for x in out) == 60 - 1  # in flight beside it, are run


def test_progress_passes_items_through_unchanged() -> None:
    from saidwhat.run.progress import track

    items = articles(5)
    assert list(track(iter(items), total=len(items))) == items
    assert list(track(iter(items))) == items
