"""Hand-built records shared by the store, query and web tests."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from saidwhat.index import store
from saidwhat.records import Article, Attribution, Mention, Position, Speaker


def index_of(path: Path, articles: Iterable[Article]) -> Path:
    """An index at `path` holding `articles`, its speakers built and the connection closed."""
    conn = store.connect(path)
    try:
        for article in articles:
            store.add_article(conn, article)
        store.rebuild_speakers(conn)
    finally:
        conn.close()
    return path


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


def _piece(text: str, part: str) -> Mention:
    """`part` as a mention of its first occurrence in `text`."""
    i = text.index(part)
    return Mention(part, ((i, i + len(part)),))


def _said(text: str, name: str, sid: str, content: str) -> Attribution:
    """An attribution of `content` to the speaker first named `name` in `text`."""
    return Attribution("indirect", "speech", _piece(text, content), None,
                       _piece(text, name.split()[-1]), Speaker(name, sid, "PERSON"), 0.9)


def stance(text: str, source: str, sid: str | None, target: str, polarity: str, topic: str,
           evidence: str, explicit: bool = True) -> Position:
    """A stance source → target whose evidence is `evidence` in `text`."""
    return Position("stance", topic, _piece(text, evidence), source=source, source_id=sid,
                    target=target, polarity=polarity, explicit=explicit)


def accord(text: str, relation: str, a: tuple[str, str | None], b: tuple[str, str | None],
           topic: str, evidence: str, explicit: bool = True) -> Position:
    """An agree/disagree line between speakers a and b, given as (name, article-local id)."""
    return Position(relation, topic, _piece(text, evidence), a=a[0], a_id=a[1], b=b[0],
                    b_id=b[1], explicit=explicit)


PUTIN, BIDEN = ("Vladimir Putin", "putin"), ("Joe Biden", "biden")


def position_articles() -> list[Article]:
    """Three articles with positions: Putin and Biden agree on one topic and disagree on another
    over two days, both back New START; two senators split over it a fortnight later."""
    t1 = ("Vladimir Putin said he and Joe Biden agreed to start talks on cyber security. "
          "Putin criticised the United States over police brutality in American cities. "
          "Biden said he warned of devastating consequences if Navalny died in prison.")
    t2 = ("Vladimir Putin called the decision of Joe Biden to extend New START timely and "
          "necessary. Biden backed New START as a pillar of arms control in Europe. "
          "The two leaders clashed over human rights in a long and tense exchange.")
    t3 = ("Chuck Schumer praised New START as the best treaty of its kind in decades. "
          "Mitch McConnell attacked New START as a bad deal for the American people.")
    schumer, mcconnell = ("Chuck Schumer", "schumer"), ("Mitch McConnell", "mcconnell")
    return [
        Article("summit", t1, title="Putin and Biden in Geneva", published="2021-06-16",
                url="https://example.com/summit", body=((0, len(t1)),),
                attributions=(
                    _said(t1, *PUTIN, "he and Joe Biden agreed to start talks on cyber security"),
                    _said(t1, *BIDEN, "he warned of devastating consequences if Navalny died")),
                positions=(
                    accord(t1, "agree", PUTIN, BIDEN, "cyber security",
                           "he and Joe Biden agreed to start talks on cyber security"),
                    stance(t1, "Vladimir Putin", "putin", "the United States", "oppose",
                           "police brutality",
                           "Putin criticised the United States over police brutality"),
                    stance(t1, "Joe Biden", "biden", "Russia", "oppose", "Navalny",
                           "he warned of devastating consequences if Navalny died"))),
        Article("arms", t2, title="New START extended", published="2021-06-17",
                body=((0, len(t2)),),
                attributions=(_said(t2, *PUTIN, "timely and necessary"),
                              _said(t2, *BIDEN, "New START as a pillar of arms control")),
                positions=(
                    stance(t2, "Vladimir Putin", "putin", "Biden", "support", "New START",
                           "called the decision of Joe Biden to extend New START timely"),
                    stance(t2, "Vladimir Putin", "putin", "New START", "support", "New START",
                           "called the decision of Joe Biden to extend New START timely"),
                    stance(t2, "Joe Biden", "biden", "New START", "support", "new start",
                           "Biden backed New START as a pillar of arms control"),
                    accord(t2, "disagree", PUTIN, BIDEN, "human rights",
                           "The two leaders clashed over human rights in a long"))),
        Article("senate", t3, title="Senators split on the treaty", published="2021-07-01",
                body=((0, len(t3)),),
                attributions=(_said(t3, *schumer, "the best treaty of its kind in decades"),
                              _said(t3, *mcconnell, "a bad deal for the American people")),
                positions=(
                    stance(t3, "Chuck Schumer", "schumer", "New START", "support", "New START",
                           "Chuck Schumer praised New START as the best treaty"),
                    stance(t3, "Mitch McConnell", "mcconnell", "New START", "oppose",
                           "New START", "Mitch McConnell attacked New START as a bad deal"),
                    accord(t3, "disagree", mcconnell, schumer, "New START",
                           "Mitch McConnell attacked New START as a bad deal",
                           explicit=False))),
    ]


HOSTILE_NAME = "<img src=x onerror=alert('name')>Eve"
HOSTILE_TARGET = "<script>alert('target')</script>"


def hostile_position_article() -> Article:
    """Markup as a speaker's name, a stance target, a topic and evidence: shown as text only."""
    text = (f"{HOSTILE_NAME} said {HOSTILE_TARGET} is a scam and <b onmouseover=alert(1)>bad"
            "</b> for everyone who reads this.")
    sid = "eve"
    return Article(
        "hostile-positions", text, title="<svg onload=alert('title')>", published="2021-06-20",
        body=((0, len(text)),),
        attributions=(Attribution("indirect", "speech", _piece(text, f"{HOSTILE_TARGET} is a"),
                                  _piece(text, "said"), _piece(text, HOSTILE_NAME),
                                  Speaker(HOSTILE_NAME, sid, "PERSON"), 0.9),),
        positions=(stance(text, HOSTILE_NAME, sid, HOSTILE_TARGET, "oppose",
                          "<b onmouseover=alert('topic')>scams</b>",
                          f"{HOSTILE_TARGET} is a scam and <b onmouseover"),))


# (id, speaker, outlet url, published, kind, type, confidence, quote)
DESK_ROWS = [
    ("a1", "Ann Lee", "https://daily.example/a1", "2024-03-02", "direct", "speech", 0.95,
     "Taxes on small farms will fall next spring"),
    ("a2", "Ann Lee", "https://herald.example/a2", "2024-03-20", "indirect", "thought", 0.55,
     "the budget could pass before the summer recess"),
    ("a3", "Bo Chen", "https://daily.example/a3", "2024-04-11", "direct", "speech", 0.80,
     "We will tax the windfall and spend it on schools"),
    ("a4", "Bo Chen", "https://wire.example/a4", "2024-04-12", "mixed", "speech", 0.70,
     "a taxation plan that nobody has costed"),
    ("a5", "Cy Diaz", "https://herald.example/a5", None, "direct", "speech", 0.90,
     "Trump and the budget have nothing to do with each other"),
    ("a6", "Ann Lee", "https://wire.example/a6", "2024-03-05", "direct", "speech", 0.60,
     "Taxes on small farms will fall next spring"),
    ("t1", "Dee Fox", "https://daily.example/t1", "2024-05-01", "direct", "speech", 0.90,
     "The harvest was the best in a decade"),  # titled "Ann Lee under pressure"
]


def desk_article(aid: str, name: str, url: str, published: str | None, kind: str, type_: str,
            conf: float, quote: str) -> Article:
    """One attribution in a short article with a sentence before and after."""
    text = f"The minister arrived late. “{quote},” {name} said. Nobody else spoke ({aid})."
    start = text.index(quote)
    src = text.index(name)
    cue = text.index(" said") + 1
    return Article(
        id=aid, text=text, title="Ann Lee under pressure" if aid == "t1" else f"Report {aid}",
        url=url, published=published,
        body=((0, len(text)),),
        attributions=(Attribution(
            kind, type_, Mention(quote, ((start, start + len(quote)),)),
            Mention("said", ((cue, cue + 4),)), Mention(name, ((src, src + len(name)),)),
            Speaker(name, name.lower().replace(" ", "-"), "PERSON", "name"), conf),))
