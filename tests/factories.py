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


UKRAINE = "We will not back down from our commitment to the people of Ukraine"


def biden_variants() -> list[Article]:
    """One Biden quote as three outlets ran it: verbatim, a word changed, and trimmed."""
    return [
        quote_article("nyt", UKRAINE, "Joe Biden", url="https://www.nytimes.com/a",
                      published="2021-06-16", title="Biden in Geneva"),
        quote_article("cnn", UKRAINE.replace("not", "never"), "President Biden",
                      url="https://cnn.com/b", published="2021-06-15", title="Summit day"),
        quote_article("bbc", "back down from our commitment to the people", "Biden",
                      url="https://bbc.co.uk/c", published="2021-06-17", kind="mixed"),
    ]
