"""Per-article processing: parse an article's body and attach its attributions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.records import Article, Attribution, Failure, Mention

if TYPE_CHECKING:
    from saidwhat.engine.context import DocContext
    from saidwhat.engine.engine import Engine


def body_window(article: Article) -> tuple[int, int]:
    """The stretch of text handed to spaCy: from the first body span's start to the last's end."""
    if not article.body:
        return 0, len(article.text)
    return article.body[0][0], article.body[-1][1]


def _shift(m: Mention | None, by: int) -> Mention | None:
    """The mention moved by `by` characters."""
    if m is None or by == 0:
        return m
    return Mention(m.text, tuple((s + by, e + by) for s, e in m.spans))


def _inside_body(a: Attribution, body: tuple[tuple[int, int], ...]) -> bool:
    """Whether the attribution's content lies within a body span."""
    if not body:
        return True
    return any(s <= a.content.start and a.content.end <= e for s, e in body)


def _engine(engine: Engine | None) -> Engine:
    """The engine given, else the default one (loaded once per process, like the model)."""
    if engine is not None:
        return engine
    from saidwhat.run.nlp import load_engine

    return load_engine()


def attributions_from_doc(
    doc: Doc, article: Article, offset: int, engine: Engine | None = None
) -> tuple[Attribution, ...]:
    """Attributions of a parsed body window, in article offsets, outside-body ones dropped."""
    return attributions_in_context(doc, article, offset, engine)[0]


def attributions_in_context(
    doc: Doc, article: Article, offset: int, engine: Engine | None = None
) -> tuple[tuple[Attribution, ...], DocContext]:
    """`attributions_from_doc`, and the document's context (the referents positions reuse)."""
    from saidwhat.engine.attribute import attribute_in_context
    from saidwhat.engine.quotes import doc_text

    found = []
    end = offset + len(doc_text(doc))
    blocks = tuple((s - offset, e - offset) for s, e in article.block_quotes
                   if offset <= s and e <= end)
    atts, ctx = attribute_in_context(doc, _engine(engine), byline=article.author,
                                     block_quotes=blocks)
    for a in atts:
        a = Attribution(
            kind=a.kind,
            type=a.type,
            content=_shift(a.content, offset),  # type: ignore[arg-type]
            cue=_shift(a.cue, offset),
            source=_shift(a.source, offset),
            speaker=a.speaker,
            confidence=a.confidence,
        )
        if _inside_body(a, article.body):
            found.append(a)
    return tuple(found), ctx


def analyse_doc(doc: Doc, article: Article, offset: int, engine: Engine | None = None) -> Article:
    """The article with the attributions and positions of its parsed body window."""
    from saidwhat.engine.positions import find_positions
    from saidwhat.engine.stance_model import learned

    engine = _engine(engine)
    attributions, ctx = attributions_in_context(doc, article, offset, engine)
    found = find_positions(doc, attributions, offset, engine.settings.positions,
                           referents=dict(ctx.referents), learned=learned)
    positions = tuple(p for p in found if _inside(p.evidence, article.body))
    return replace(article, attributions=attributions, positions=positions)


def _inside(m: Mention, body: tuple[tuple[int, int], ...]) -> bool:
    """Whether a mention lies within a body span."""
    return not body or any(s <= m.start and m.end <= e for s, e in body)


def annotate(nlp: Language, article: Article, engine: Engine | None = None) -> Article:
    """The article with its attributions and positions found (by `engine`, default: the
    default settings)."""
    start, end = body_window(article)
    return analyse_doc(nlp(article.text[start:end]), article, start, engine)


def annotate_many(
    nlp: Language, items: Iterable[Article | Failure], batch_size: int | None = None,
    engine: Engine | None = None,
) -> Iterator[Article | Failure]:
    """Annotate a stream of articles in input order; failures pass through untouched."""
    engine = _engine(engine)
    size = batch_size or engine.settings.run.nlp_batch_size
    buffer: list[Article | Failure] = []
    for item in items:
        buffer.append(item)
        if len(buffer) >= size:
            yield from _annotate_batch(nlp, buffer, engine)
            buffer = []
    if buffer:
        yield from _annotate_batch(nlp, buffer, engine)


def _annotate_batch(
    nlp: Language, batch: list[Article | Failure], engine: Engine
) -> Iterator[Article | Failure]:
    """One batch through nlp.pipe; an article whose processing raises becomes a Failure."""
    articles = [x for x in batch if isinstance(x, Article)]
    windows = [body_window(a) for a in articles]
    docs = nlp.pipe(a.text[s:e] for a, (s, e) in zip(articles, windows, strict=True))
    done: dict[int, Article | Failure] = {}
    for a, (s, _), doc in zip(articles, windows, docs, strict=True):
        try:
            done[id(a)] = analyse_doc(doc, a, s, engine)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            done[id(a)] = Failure(
                a.origin or a.id, f"attribution failed: {type(exc).__name__}: {exc}"
            )
    for x in batch:
        yield done[id(x)] if isinstance(x, Article) else x
