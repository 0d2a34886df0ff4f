"""The parse cache: docs come back as parsed, a cache is reused only for the same texts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "scripts"))

from training import parsed  # noqa: E402

TEXTS = ["Mr. Smith said on Monday that the plan, which Congress passed, “will fail.”",
         "“We had some issues,” she told reporters in Washington.\n\nThe senator disagreed."]


def signature(doc: Doc) -> list[tuple[object, ...]]:
    """Everything the engine reads of a parse."""
    return [(t.text, t.whitespace_, t.norm_, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i,
             t.ent_iob_, t.ent_type_, str(t.morph), t.is_sent_start) for t in doc]


def test_cached_docs_are_the_fresh_parse(tmp_path: Path, nlp: Language) -> None:
    first = parsed.parsed_texts(TEXTS, tmp_path, "demo")
    (cache,) = tmp_path.glob("demo-*.spacy")
    again = parsed.parsed_texts(TEXTS, tmp_path, "demo")
    fresh = list(nlp.pipe(TEXTS))
    assert [signature(d) for d in again] == [signature(d) for d in first] == [
        signature(d) for d in fresh]
    assert [list(d.ents) != [] for d in again] == [True, True]
    assert list(tmp_path.glob("demo-*.spacy")) == [cache]


def test_a_cache_is_read_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    parsed.parsed_texts(TEXTS, tmp_path, "demo")

    def no_parse(*_: object) -> list[Doc]:
        raise AssertionError("parsed again")

    monkeypatch.setattr(parsed, "parse", no_parse)
    assert [d.text for d in parsed.parsed_texts(TEXTS, tmp_path, "demo")] == TEXTS


def test_other_texts_parse_afresh_and_replace_the_old_cache(tmp_path: Path) -> None:
    parsed.parsed_texts(TEXTS, tmp_path, "demo")
    (old,) = tmp_path.glob("demo-*.spacy")
    changed = [TEXTS[0], TEXTS[1] + " He left."]
    assert [d.text for d in parsed.parsed_texts(changed, tmp_path, "demo")] == changed
    (new,) = tmp_path.glob("demo-*.spacy")
    assert new != old
    parsed.parsed_texts(TEXTS[:1], tmp_path, "other")
    assert len(list(tmp_path.glob("*.spacy"))) == 2  # another label's cache is left alone


def test_no_texts_leave_the_cache_of_the_label_alone(tmp_path: Path) -> None:
    parsed.parsed_texts(TEXTS, tmp_path, "demo")
    (cache,) = tmp_path.glob("demo-*.spacy")
    assert parsed.parsed_texts([], tmp_path, "demo") == []
    assert list(tmp_path.glob("demo-*.spacy")) == [cache]


def test_an_unreadable_cache_is_parsed_again(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    parsed.parsed_texts(TEXTS, tmp_path, "demo")
    (cache,) = tmp_path.glob("demo-*.spacy")
    cache.write_bytes(b"not a docbin")
    assert [d.text for d in parsed.parsed_texts(TEXTS, tmp_path, "demo")] == TEXTS
    assert "unreadable parse cache" in capsys.readouterr().err


def test_the_key_names_every_text_in_order(nlp: Language) -> None:
    key = parsed.cache_key(nlp, TEXTS)
    assert key == parsed.cache_key(nlp, list(TEXTS))
    assert key != parsed.cache_key(nlp, TEXTS[::-1])
    assert key != parsed.cache_key(nlp, [TEXTS[0] + TEXTS[1]])


def test_a_split_is_read_in_name_order_under_its_label(tmp_path: Path) -> None:
    text = tmp_path / "polnear" / "train" / "text"
    text.mkdir(parents=True)
    (text / "b.txt").write_text(TEXTS[1], encoding="utf-8")
    (text / "a.txt").write_bytes(TEXTS[0].encode("utf-8"))
    cache = tmp_path / "cache"
    docs = parsed.parsed_split(tmp_path / "polnear" / "train", cache)
    assert [(n, d.text) for n, d in docs] == [("a", TEXTS[0]), ("b", TEXTS[1])]
    assert [n for n, _ in parsed.parsed_split(text, cache)] == ["a", "b"]  # the text folder
    assert [p.name.split("-")[:2] for p in cache.iterdir()] == [["polnear", "train"]]


def test_a_split_without_texts_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="no .txt files"):
        parsed.parsed_split(tmp_path, None)
