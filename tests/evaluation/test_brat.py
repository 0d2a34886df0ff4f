from pathlib import Path

import pytest

from saidwhat.evaluation.brat import gold_cue_positions, parse_ann, read_ann, split_name

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "data" / "polnear" / "dev"

ANN = (
    "T1\tSource 0 3\tBob\n"
    "T2\tCue 4 8\tsaid\n"
    "T3\tContent 10 20;30 40\tpart one part two\n"
    "T4\tAttribution 4 8\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tDiscuss 0 3\tBob\n"
    "T6\tContent 50 60\tmore\n"
    "T7\tCue 61 62\t:\n"
    "T8\tAttribution-no-source 61 62\t:\n"
    "E2\tAttribution-no-source:T8 Cue:T7 Content:T6\n"
)


def test_split_name() -> None:
    assert split_name("a/nyt_2016-01-01_some-title_4e07.ann") == (
        "nyt_2016-01-01_some-title", "4e07")
    assert split_name("plain.ann") == ("plain", "")


def test_parse_roles_pieces_and_no_source() -> None:
    attributions, problems = parse_ann(ANN)
    assert problems == ()
    first, second = attributions
    assert first.source == ((0, 3),) and first.cue == ((4, 8),)
    assert first.content == ((10, 20), (30, 40))
    assert second.source == () and second.cue == ((61, 62),) and second.content == ((50, 60),)


def test_gold_cue_positions_join_every_annotator_of_one_text(tmp_path: Path) -> None:
    (tmp_path / "attributions").mkdir()
    (tmp_path / "attributions" / "story_aa.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "story_bb.ann").write_text(
        "T1\tCue 90 92\tsaid\nT2\tAttribution 90 92\tsaid\nE1\tAttribution:T2 Cue:T1\n",
        encoding="utf-8")
    (tmp_path / "attributions" / "other_aa.ann").write_text(ANN.replace("4 8", "5 9"),
                                                            encoding="utf-8")
    assert gold_cue_positions(tmp_path, "story") == {4, 5, 6, 7, 61, 90, 91}


def test_content2_adds_pieces() -> None:
    ann = ANN + "T9\tContent 70 80\tthird\nE3\tAttribution:T4 Content:T3 Content2:T9 Source:T1\n"
    attributions, _ = parse_ann(ann)
    assert attributions[-1].content == ((10, 20), (30, 40), (70, 80))


def test_odd_lines_are_reported_not_raised() -> None:
    ann = (
        "garbage line\n"
        "T1\tSource x y\tbad\n"
        "E1\tAttribution:T4 Content:T99 Cue:T2 Bogus:T1\n"
        "T2\tCue 4 8\tsaid\n"
        "T4\tAttribution 4 8\tsaid\n"
        "E2\tDiscuss:T4\n"
    )
    attributions, problems = parse_ann(ann, "f.ann")
    text = "\n".join(problems)
    assert "f.ann:2: malformed" in text
    assert "not a brat line" in text
    assert "missing 'T99'" in text and "unknown role 'Bogus'" in text and "no content" in text
    assert "not an attribution" in text
    assert len(attributions) == 1 and attributions[0].content == ()


def test_quoted_text_with_newlines_is_joined() -> None:
    text = "3.\n\nThe number of people"
    ann = ("T1\tContent 0 2;4 14\t3.\n\nThe number\n"
           "T2\tCue 15 17\tof\nE1\tAttribution:T2 Content:T1\n")
    attributions, problems = parse_ann(ann, "f.ann", text)
    assert problems == ()
    assert attributions[0].content == ((0, 2), (4, 14))


def test_text_check_reports_offsets_that_do_not_quote() -> None:
    _, problems = parse_ann("T1\tSource 0 3\tBob\nT2\tCue 0 99\tx\n", "f.ann", "Ann said")
    assert any("T1 quotes text that differs" in p for p in problems)
    assert any("T2 runs past the end" in p for p in problems)


def test_read_ann_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "x_ab12.ann"
    path.write_bytes(b"\xff\xfe\x00bad")
    annotation = read_ann(path)
    assert annotation.name == "x" and annotation.annotator == "ab12"
    assert annotation.attributions == () and "cannot read" in annotation.problems[0]


@pytest.mark.skipif(not DEV.is_dir(), reason="PolNeAR dev split not found next to the repo")
def test_dev_files_parse_and_quote_their_texts() -> None:
    total = 0
    for path in sorted((DEV / "attributions").glob("*.ann"))[:20]:
        name, _ = split_name(path)
        text = (DEV / "text" / f"{name}.txt").read_bytes().decode("utf-8")
        annotation = read_ann(path, text)
        assert not [p for p in annotation.problems if "no content" not in p]
        total += len(annotation.attributions)
    assert total > 100
