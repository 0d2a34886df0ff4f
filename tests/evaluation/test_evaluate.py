import argparse
import json
import time
from pathlib import Path

import pytest

from saidwhat.cli.evaluate import run_cli
from saidwhat.evaluation.brat import GoldAttribution
from saidwhat.evaluation.evaluate import (
    Counts,
    Mistake,
    load_gold,
    pair,
    read_predictions,
    score,
    score_document,
    sentence_around,
    trim_span,
)
from saidwhat.records import Article, Attribution, Mention

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "data" / "polnear" / "dev"

TEXT = "Bob Smith said: “Taxes are too high.” Critics say the plan fails. Ann agreed."
#       0         1         2         3         4         5         6         7
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678


def at(text: str, s: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of s in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(s, start + 1)
    return start, start + len(s)


def gold(content, cue=(), source=(), eid="E1") -> GoldAttribution:
    return GoldAttribution(eid, tuple(content), tuple(cue), tuple(source))


def pred(text: str, attributions) -> Article:
    """An article predicting (content pieces, cue pieces, source pieces) triples."""
    found = []
    for content, cue, source in attributions:
        found.append(Attribution(
            "direct", "speech", Mention.from_spans(text, content),
            Mention.from_spans(text, cue) if cue else None,
            Mention.from_spans(text, source) if source else None))
    return Article(id="doc", text=text, body=((0, len(text)),), attributions=tuple(found))


QUOTE = at(TEXT, "“Taxes are too high.”")
BOB = at(TEXT, "Bob Smith")
SAID = at(TEXT, "said")
GOLD = [gold([QUOTE], [SAID], [BOB])]


# --- trimming -----------------------------------------------------------------------------


def test_trim_strips_quote_marks_punctuation_and_whitespace() -> None:
    text = " “Hello, world.” "
    assert trim_span(text, [(0, len(text))]) == frozenset(range(2, 14))
    assert "".join(text[i] for i in sorted(trim_span(text, [(0, len(text))]))) == "Hello, world"
    for q in "\"'«»‘’":
        t = f"{q}yes{q}"
        assert trim_span(t, [(0, len(t))]) == frozenset({1, 2, 3})


def test_punctuation_only_span_is_trimmed_of_whitespace_only() -> None:
    text = "He said : no"
    assert trim_span(text, [(7, 10)]) == frozenset({8})
    assert trim_span(text, [(7, 8)]) == frozenset()  # whitespace only: nothing left


def test_multi_piece_span_trims_each_piece() -> None:
    text = "“One,” he said, “two.”"
    pieces = [at(text, "“One,”"), at(text, "“two.”")]
    assert trim_span(text, pieces) == frozenset(range(1, 4)) | frozenset(range(17, 20))


def test_pieces_are_clamped_to_the_text() -> None:
    assert trim_span("abc", [(-5, 99)]) == frozenset({0, 1, 2})


# --- pairing ------------------------------------------------------------------------------


def test_pairing_is_one_to_one_and_greedy_by_largest_overlap() -> None:
    g = [frozenset(range(0, 10)), frozenset(range(8, 12))]
    p = [frozenset(range(5, 12))]
    assert pair(g, p) == [(0, 0)]  # overlap 5 with gold 0 beats overlap 4 with gold 1
    g2 = [frozenset(range(0, 10))]
    p2 = [frozenset(range(0, 12)), frozenset(range(0, 10))]
    assert pair(g2, p2) == [(0, 1)]  # same overlap: the identical span wins


def test_counts_scores() -> None:
    c = Counts(gold=4, predicted=2, matched=1)
    assert (c.p, c.r, round(c.f1, 4)) == (0.5, 0.25, round(1 / 3, 4))
    assert Counts().f1 == 0.0 and Counts().to_dict() == {"p": 0.0, "r": 0.0, "f1": 0.0}


# --- documents ----------------------------------------------------------------------------


def test_perfect_prediction_scores_100() -> None:
    s = score_document(TEXT, GOLD, pred(TEXT, [([QUOTE], [SAID], [BOB])]))
    d = s.to_dict()
    for role in ("source", "cue", "content"):
        assert d[role]["exact"] == d[role]["overlap"] == {"p": 100.0, "r": 100.0, "f1": 100.0}
    assert d["attribution"] == {"p": 100.0, "r": 100.0, "f1": 100.0} and d["documents"] == 1


def test_quote_marks_and_trailing_punctuation_do_not_matter() -> None:
    inner = at(TEXT, "Taxes are too high")
    p = pred(TEXT, [([inner], [at(TEXT, "said:")], [(0, len("Bob Smith "))])])
    s = score_document(TEXT, GOLD, p)
    assert s.content.exact.matched == s.cue.exact.matched == s.source.exact.matched == 1
    assert s.attribution.matched == 1


def test_exact_versus_overlap() -> None:
    partial = at(TEXT, "Taxes are")
    s = score_document(TEXT, GOLD, pred(TEXT, [([partial], [SAID], [at(TEXT, "Smith")])]))
    assert s.content.exact.matched == 0 and s.content.overlap.matched == 1
    assert s.source.exact.matched == 0 and s.source.overlap.matched == 1
    assert s.cue.exact.matched == 1
    assert s.attribution.matched == 0  # Dice < 0.5 and the source differs


def test_punctuation_only_cue_colon() -> None:
    colon = at(TEXT, ":")
    g = [gold([QUOTE], [colon], [BOB])]
    assert score_document(TEXT, g, pred(TEXT, [([QUOTE], [colon], [BOB])])).cue.exact.matched == 1
    miss = score_document(TEXT, g, pred(TEXT, [([QUOTE], [SAID], [BOB])]))
    assert miss.cue.exact.matched == 0 and miss.cue.overlap.matched == 0


def test_multi_piece_content_and_content2() -> None:
    text = "“We will win,” Trump said, “and win big.”"
    first, second = at(text, "“We will win,”"), at(text, "“and win big.”")
    g = [gold([first, second], [at(text, "said")], [at(text, "Trump")])]
    p = pred(text, [([first, second], [at(text, "said")], [at(text, "Trump")])])
    both = score_document(text, g, p)
    assert both.content.exact.matched == 1
    one = score_document(text, g, pred(text, [([first], [at(text, "said")], [at(text, "Trump")])]))
    assert one.content.exact.matched == 0 and one.content.overlap.matched == 1
    assert one.attribution.matched == 1  # Dice = 2*11/(11+11+12) >= 0.5


def test_no_source_on_both_sides_matches_and_one_side_does_not() -> None:
    content = at(TEXT, "the plan fails")
    g = [gold([content], [at(TEXT, "say")])]
    p = pred(TEXT, [([content], [at(TEXT, "say")], None)])
    assert score_document(TEXT, g, p).attribution.matched == 1
    with_source = pred(TEXT, [([content], [at(TEXT, "say")], [at(TEXT, "Critics")])])
    s = score_document(TEXT, g, with_source)
    assert s.attribution.matched == 0 and s.source.exact == Counts(0, 1, 0)
    s = score_document(TEXT, [gold([content], [at(TEXT, "say")], [at(TEXT, "Critics")])],
                       pred(TEXT, [([content], [at(TEXT, "say")], None)]))
    assert s.attribution.matched == 0 and s.source.exact == Counts(1, 0, 0)


def test_predicted_source_that_trims_to_nothing_is_no_source() -> None:
    content = at(TEXT, "the plan fails")
    g = [gold([content], [at(TEXT, "say")])]
    blank = (at(TEXT, " ")[0], at(TEXT, " ")[1])
    s = score_document(TEXT, g, pred(TEXT, [([content], [at(TEXT, "say")], [blank])]))
    assert s.attribution.matched == 1 and s.source.exact.predicted == 0


def test_shared_source_counts_once() -> None:
    text = "Ann said the sky is blue and said the sea is green."
    ann = at(text, "Ann")
    g = [gold([at(text, "the sky is blue")], [at(text, "said")], [ann], "E1"),
         gold([at(text, "the sea is green")], [at(text, "said", 1)], [ann], "E2")]
    p = pred(text, [([at(text, "the sky is blue")], [at(text, "said")], [ann])])
    s = score_document(text, g, p)
    assert s.source.exact == Counts(1, 1, 1)
    assert s.content.exact == Counts(2, 1, 1) and s.attribution == Counts(2, 1, 1)


def test_prediction_on_the_repaired_text_is_scored_on_the_raw_gold_text() -> None:
    raw = "Tom\u00c3\u00a1s Regalado said: \u201cThe city will pay.\u201d Critics say it fails."
    repaired = raw.replace("\u00c3\u00a1", "\u00e1")
    g = [gold([at(raw, "\u201cThe city will pay.\u201d")], [at(raw, "said")],
              [at(raw, "Tom\u00c3\u00a1s Regalado")])]
    p = pred(repaired, [([at(repaired, "\u201cThe city will pay.\u201d")], [at(repaired, "said")],
                         [at(repaired, "Tom\u00e1s Regalado")])])
    assert score_document(raw, g, p).attribution.matched == 1
    assert score_document(raw, g, pred(raw.replace("pay", "pray"), [])).content.exact.gold == 1


def test_dice_threshold_boundary() -> None:
    text = "abcdefgh said Bob"
    g = [gold([(0, 4)], [at(text, "said")], [at(text, "Bob")])]
    below = pred(text, [([(2, 8)], [at(text, "said")], [at(text, "Bob")])])  # Dice 2*2/(4+6) = 0.4
    s = score_document(text, g, below)
    assert s.attribution.matched == 0 and s.content.overlap.matched == 1
    half = pred(text, [([(2, 6)], [at(text, "said")], [at(text, "Bob")])])  # Dice 2*2/(4+4) = 0.5
    assert score_document(text, g, half).attribution.matched == 1


def test_greedy_one_to_one_attributions() -> None:
    text = "Ann said it rains. Ann said it pours."
    ann1, ann2 = at(text, "Ann"), at(text, "Ann", 1)
    g = [gold([at(text, "it rains")], [at(text, "said")], [ann1], "E1"),
         gold([at(text, "it pours")], [at(text, "said", 1)], [ann2], "E2")]
    p = pred(text, [([at(text, "it rains")], [at(text, "said")], [ann1]),
                    ([at(text, "it rains")], [at(text, "said")], [ann1])])
    s = score_document(text, g, p)
    assert s.attribution == Counts(2, 2, 1)  # the duplicate cannot match a second time
    assert s.content.exact == Counts(2, 1, 1)  # roles dedup predicted spans too


def test_text_mismatch_scores_all_missed() -> None:
    other = TEXT.replace("Bob", "Rob")
    mistakes: list[Mistake] = []
    s = score_document(TEXT, GOLD, pred(other, [([QUOTE], [SAID], [BOB])]), mistakes)
    assert s.attribution == Counts(1, 1, 0)
    for role in ("source", "cue", "content"):
        assert getattr(s, role).overlap == Counts(1, 1, 0)
    fp_source = [m for m in mistakes if m.role == "source" and m.kind == "fp"]
    assert fp_source[0].text == "Rob Smith"  # reported against the prediction's own text


def test_empty_content_is_dropped_on_both_sides() -> None:
    g = GOLD + [gold([], [at(TEXT, "agreed")], [at(TEXT, "Ann")], "E2"),
                gold([at(TEXT, "“")], [at(TEXT, "agreed")], [at(TEXT, "Ann")], "E3")]
    p = pred(TEXT, [([QUOTE], [SAID], [BOB]), ([(5, 5)], [at(TEXT, "agreed")], [at(TEXT, "Ann")])])
    s = score_document(TEXT, g, p)
    # the punctuation-only content "“" is kept (trimmed of whitespace only), the empty one dropped
    assert s.attribution == Counts(2, 1, 1) and s.cue.exact == Counts(2, 1, 1)


def test_missing_prediction_is_all_false_negatives() -> None:
    s = score_document(TEXT, GOLD, None)
    assert s.attribution == Counts(1, 0, 0) and s.cue.exact == Counts(1, 0, 0)


def test_mistakes_name_role_kind_text_and_sentence() -> None:
    mistakes: list[Mistake] = []
    p = pred(TEXT, [([at(TEXT, "the plan fails")], [at(TEXT, "say")], None)])
    score_document(TEXT, GOLD, p, mistakes, name="doc", annotator="ab12")
    kinds = {(m.role, m.kind) for m in mistakes}
    assert kinds == {(r, k) for r in ("content", "cue", "attribution") for k in ("fp", "fn")} | {
        ("source", "fn")}
    fp = next(m for m in mistakes if m.role == "content" and m.kind == "fp")
    assert fp.to_dict()["sentence"] == "Critics say the plan fails."
    assert fp.doc == "doc" and fp.annotator == "ab12" and fp.spans == (at(TEXT, "the plan fails"),)


def test_sentence_around() -> None:
    text = "First one. Second one here!\nThird line"
    s, e = at(text, "one here")
    assert sentence_around(text, s, e) == "Second one here!"
    s, e = at(text, "Third")
    assert sentence_around(text, s, e) == "Third line"


# --- corpora on disk ----------------------------------------------------------------------


def write_corpus(root: Path, docs: dict[str, tuple[str, list[str]]]) -> Path:
    """PolNeAR layout: docs maps NAME to (text, [ann contents per annotator])."""
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    for name, (text, anns) in docs.items():
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        for k, ann in enumerate(anns):
            (root / "attributions" / f"{name}_a{k:03d}.ann").write_text(ann, encoding="utf-8")
    return root


def ann_line(text: str) -> str:
    """One annotator's .ann for TEXT's Bob Smith quote."""
    (qs, qe), (cs, ce), (ss, se) = QUOTE, SAID, BOB
    return (f"T1\tSource {ss} {se}\tBob Smith\nT2\tCue {cs} {ce}\tsaid\n"
            f"T3\tContent {qs} {qe}\t{text[qs:qe]}\nT4\tAttribution {cs} {ce}\tsaid\n"
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")


def test_multiple_annotators_are_separate_gold_documents(tmp_path: Path) -> None:
    (cs, ce), (qs, qe) = at(TEXT, "say"), at(TEXT, "the plan fails")
    other = (f"T1\tCue {cs} {ce}\tsay\nT2\tContent {qs} {qe}\tthe plan fails\n"
             f"T3\tAttribution-no-source {cs} {ce}\tsay\n"
             "E1\tAttribution-no-source:T3 Cue:T1 Content:T2\n")
    root = write_corpus(tmp_path / "gold", {"doc": (TEXT, [ann_line(TEXT), other])})
    docs, problems = load_gold(root)
    assert problems == [] and [d.annotator for d in docs] == ["a000", "a001"]
    s = score(root, [pred(TEXT, [([QUOTE], [SAID], [BOB])])])
    assert s.documents == 2
    assert s.attribution == Counts(2, 2, 1)  # the prediction is scored against each annotator


def test_crlf_text_is_not_translated(tmp_path: Path) -> None:
    text = "Intro.\r\n" + TEXT
    shift = len("Intro.\r\n")
    (qs, qe), (cs, ce), (ss, se) = QUOTE, SAID, BOB
    ann = (f"T1\tSource {ss + shift} {se + shift}\tBob Smith\n"
           f"T2\tCue {cs + shift} {ce + shift}\tsaid\n"
           f"T3\tContent {qs + shift} {qe + shift}\tx\nT4\tAttribution 0 1\tI\n"
           "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n")
    root = write_corpus(tmp_path / "gold", {"doc": (text, [ann])})
    docs, problems = load_gold(root)
    assert docs[0].text == text
    assert [p for p in problems if "T1" in p or "T2" in p] == []


def test_gold_articles_cover_the_whole_text(tmp_path: Path) -> None:
    from saidwhat.evaluation.evaluate import gold_articles

    text = "Headline\n\nShare this article\n" + TEXT
    root = write_corpus(tmp_path / "gold", {"doc": (text, [])})
    (root / "attributions" / "doc_b.ann").write_text("", encoding="utf-8")
    docs, _ = load_gold(root)
    (article,) = gold_articles(docs + docs)
    assert article.id == "doc" and article.text == text and article.body == ((0, len(text)),)
    assert article.title == "Headline"


def test_binary_text_is_reported_and_skipped(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "gold", {"doc": (TEXT, [ann_line(TEXT)])})
    (root / "text" / "doc.txt").write_bytes(b"\x00\x01\x02binary")
    docs, problems = load_gold(root)
    assert docs == [] and "skipped, cannot read its text" in problems[0]


def test_missing_text_is_reported_and_skipped(tmp_path: Path) -> None:
    root = write_corpus(tmp_path / "gold", {"doc": (TEXT, [ann_line(TEXT)])})
    (root / "attributions" / "ghost_a000.ann").write_text(ann_line(TEXT), encoding="utf-8")
    docs, problems = load_gold(root)
    assert len(docs) == 1 and "ghost_a000.ann: skipped" in problems[0]


def cli_args(gold_dir: Path, **kw) -> argparse.Namespace:
    base = dict(gold_dir=str(gold_dir), pred=None, json=False, errors=None, model=None,
                workers=1, quiet=True)
    base.update(kw)
    return argparse.Namespace(**base)


def test_cli_pred_json_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_corpus(tmp_path / "gold", {"doc": (TEXT, [ann_line(TEXT)])})
    preds = tmp_path / "pred.jsonl"
    record = pred(TEXT, [([QUOTE], [SAID], [at(TEXT, "Smith")])]).to_dict()
    lines = ["not json", json.dumps(record), json.dumps({**record, "id": "zzz"})]
    preds.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    assert run_cli(cli_args(root, pred=str(preds), json=True, errors=str(errors))) == 0
    out, err = capsys.readouterr()
    d = json.loads(out)
    assert set(d) == {"documents", "source", "cue", "content", "attribution"}
    assert d["documents"] == 1 and d["cue"]["exact"]["f1"] == 100.0
    assert d["source"]["exact"]["f1"] == 0.0 and d["source"]["overlap"]["f1"] == 100.0
    assert "pred.jsonl:1: bad record" in err and "1 record(s) with an id not in the gold set" in err
    assert "no prediction" not in err and "differs" not in err
    rows = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert {(r["role"], r["kind"]) for r in rows} == {
        ("source", "fn"), ("source", "fp"), ("attribution", "fn"), ("attribution", "fp")}
    src_fp = next(r for r in rows if r["role"] == "source" and r["kind"] == "fp")
    assert (src_fp["text"], src_fp["overlaps"], src_fp["doc"]) == ("Smith", "Bob Smith", "doc")


def test_cli_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = write_corpus(tmp_path / "gold", {"doc": (TEXT, [ann_line(TEXT)])})
    preds = tmp_path / "pred.jsonl"
    preds.write_text(json.dumps(pred(TEXT, [([QUOTE], [SAID], [BOB])]).to_dict()) + "\n")
    assert run_cli(cli_args(root, pred=str(preds))) == 0
    out = capsys.readouterr().out
    assert "attribution" in out and "100.0" in out and "1 gold documents" in out


def test_cli_empty_gold_dir_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no .ann files"):
        run_cli(cli_args(tmp_path))


def test_cli_reports_missing_and_mismatched_predictions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = write_corpus(tmp_path / "gold", {"a": (TEXT, [ann_line(TEXT)]),
                                            "b": (TEXT, [ann_line(TEXT)])})
    preds = tmp_path / "pred.jsonl"
    record = {**pred(TEXT + " More.", []).to_dict(), "id": "a"}
    preds.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert run_cli(cli_args(root, pred=str(preds), json=True)) == 0
    err = capsys.readouterr().err
    assert "1 gold text(s) have no prediction" in err and "(first: b)" in err
    assert "1 prediction(s) have a text that differs" in err and "(first: a)" in err


def test_read_predictions_keeps_first_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    a = pred(TEXT, [([QUOTE], [SAID], [BOB])]).to_dict()
    path.write_text(json.dumps(a) + "\n" + json.dumps({**a, "attributions": []}) + "\n")
    found, problems = read_predictions(path)
    assert len(found["doc"].attributions) == 1 and "duplicate id 'doc'" in problems[0]


# --- the real dev split -------------------------------------------------------------------


def gold_as_prediction(doc) -> Article:
    """A gold document turned into the prediction that should score 100."""
    found = []
    for g in doc.attributions:
        if g.content:
            found.append(Attribution(
                "indirect", "speech", Mention.from_spans(doc.text, g.content),
                Mention.from_spans(doc.text, g.cue) if g.cue else None,
                Mention.from_spans(doc.text, g.source) if g.source else None))
    return Article(id=doc.name, text=doc.text, body=((0, len(doc.text)),),
                   attributions=tuple(found))


@pytest.mark.skipif(not DEV.is_dir(), reason="PolNeAR dev split not found next to the repo")
def test_gold_converted_to_predictions_scores_100_on_dev(tmp_path: Path) -> None:
    docs, _ = load_gold(DEV)
    single = {}
    for d in docs:
        single.setdefault(d.name, []).append(d)
    picked = [ds[0] for ds in single.values() if len(ds) == 1][:6]
    from saidwhat.evaluation.evaluate import evaluate

    start = time.perf_counter()
    s = evaluate(picked, {d.name: gold_as_prediction(d) for d in picked})
    assert time.perf_counter() - start < 2
    assert s.attribution.gold > 30
    d = s.to_dict()
    for role in ("source", "cue", "content"):
        assert d[role]["exact"]["f1"] == 100.0, role
    assert d["attribution"]["f1"] == 100.0
    # and the same through the JSONL route, as `saidwhat evaluate --pred` reads it
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(gold_as_prediction(x).to_dict()) + "\n" for x in picked),
                    encoding="utf-8")
    found, problems = read_predictions(path)
    assert problems == [] and evaluate(picked, found) == s


@pytest.mark.skipif(not DEV.is_dir(), reason="PolNeAR dev split not found next to the repo")
def test_scoring_the_whole_dev_split_is_fast() -> None:
    start = time.perf_counter()
    docs, _ = load_gold(DEV)
    from saidwhat.evaluation.evaluate import evaluate

    predictions = {d.name: gold_as_prediction(d) for d in docs}
    mistakes: list[Mistake] = []
    s = evaluate(docs, predictions, mistakes)
    assert time.perf_counter() - start < 10
    assert s.documents == len(docs) >= 90
    assert 80 < s.attribution.f1 * 100 < 100  # several annotators on a few texts disagree
