"""Records: JSON round trips, positions included."""

from __future__ import annotations

from saidwhat.records import Article, Mention, Position, slugify


def test_positions_round_trip_in_the_gold_shape():
    text = "Putin said he and Biden agreed on arms control. Putin criticised the US."
    stance = Position("stance", "police brutality", Mention.from_spans(text, [(48, 72)]),
                      source="Putin", target="the US", polarity="oppose", source_id="putin")
    agree = Position("agree", "arms control", Mention.from_spans(text, [(0, 47)]),
                     a="Putin", b="Biden", explicit=True)
    article = Article("a", text, body=((0, len(text)),), positions=(stance, agree))
    d = article.to_dict()
    assert d["positions"][0]["relation"] == "stance" and "a" not in d["positions"][0]
    assert d["positions"][1]["a"] == "Putin" and "polarity" not in d["positions"][1]
    assert d["positions"][0]["evidence"] == {"text": text[48:72], "spans": [[48, 72]]}
    assert Article.from_dict(d) == article


def test_records_without_positions_still_load():
    d = Article("a", "x", body=((0, 1),)).to_dict()
    del d["positions"]
    assert Article.from_dict(d).positions == ()


def test_slugify() -> None:
    assert slugify("Joe Biden") == "joe-biden"
    assert slugify("Ségolène Royal") == "segolene-royal"
    assert slugify("White House officials") == "white-house-officials"
    assert slugify("—") == "unknown"
