"""Where per-article work runs: in this process (a worker pool comes with the scale work)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from saidwhat.records import Article, Failure


def process(
    items: Iterable[Article | Failure],
    model: str | None = None,
    workers: int | None = None,
    progress: bool = False,
) -> Iterator[Article | Failure]:
    """Annotate a stream of articles in input order; failures pass through."""
    from saidwhat import nlp, pipeline

    return pipeline.annotate_many(nlp.load(model), items)
