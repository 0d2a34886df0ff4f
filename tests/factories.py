"""Hand-built records shared by the store, query and web tests."""

from __future__ import annotations

from saidwhat.records import Article, Attribution, Mention, Speaker


def quote_article(aid: str, quote: str, name: str, *, url: str | None = None,
                  published: str | None = None, kind: str = "direct", type_: str = "PERSON",
                  title: str | None = None) -> Article:
    """An article holding one attribution: “quote,” name said."""
    text = f"“{quote},” {name} said."
    n = len(quote)
    return Article(
        id=aid, text=text, title=title or f"About {aid}", url=url, published=published,
        body=((0, len(text)),),
        attributions=(Attribution(
            kind=kind, type="speech", content=Mention(quote, ((1, 1 + n),)),
            cue=Mention("said", ((len(text) - 5, len(text) - 1),)),
            source=Mention(name, ((n + 4, n + 4 + len(name)),)),
            speaker=Speaker(name, name.lower().replace(" ", "-"), type_), confidence=0.9),))
