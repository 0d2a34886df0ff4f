"""saidwhat: who said what in the news — attributions tied to their resolved speakers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from saidwhat.records import Article, Attribution, Failure, Mention, Speaker
from saidwhat.settings import Settings, as_settings

__all__ = [
    "Article", "Attribution", "Failure", "Mention", "Settings", "Speaker", "extract",
    "extract_many",
]

SettingsLike = Settings | Mapping[str, Any] | str | Path | None


def _as_article(item: str | Article, id: str = "article") -> Article:
    """An Article from raw text or HTML (told apart by a leading tag), or the Article itself."""
    if isinstance(item, Article):
        return item
    from saidwhat.io import discover

    return discover.article_from_string(item, id=id)


def extract(
    text_or_html: str | Article, *, id: str = "article", model: str | None = None,
    settings: SettingsLike = None,
) -> Article:
    """Find every attribution in one article given as plain text, HTML or an Article;
    `settings` (a Settings, a {section: {key: value}} dict or a settings file) tunes the engine."""
    from saidwhat.run import nlp, pipeline

    engine = nlp.load_engine(as_settings(settings))
    return pipeline.annotate(nlp.load(model), _as_article(text_or_html, id=id), engine)


def extract_many(
    items: Iterable[str | Article], *, model: str | None = None, batch_size: int = 32,
    settings: SettingsLike = None,
) -> Iterator[Article | Failure]:
    """Stream attributions for many articles, in input order; bad ones come out as Failure."""
    from saidwhat.run import nlp, pipeline

    engine = nlp.load_engine(as_settings(settings))
    return pipeline.annotate_many(nlp.load(model), _articles(items), batch_size, engine)


def _articles(items: Iterable[str | Article]) -> Iterator[Article | Failure]:
    """Articles from strings or Articles; a string that is no article becomes a Failure."""
    for i, item in enumerate(items):
        try:
            yield _as_article(item, id=f"article-{i}")
        except ValueError as exc:
            yield Failure(f"article-{i}", str(exc))
