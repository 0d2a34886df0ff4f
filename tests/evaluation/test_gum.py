"""Reading GUM: text rebuilt from TSV offsets, mentions and clusters from conll brackets."""

from pathlib import Path

from saidwhat.evaluation.gum import read_document, read_split

CONLL = """# begin document GUM_news_tiny
0\tMaria\t(person-1-Maria_Lopez
1\tLopez\tperson-1-Maria_Lopez)
2\tspoke\t_
3\t.\t_
4\tShe\t(person-1-Maria_Lopez)
5\tleft\t_
6\tthe\t(place-2
7\tcity\tplace-2)
8\t.\t_
# end document
"""
TSV = """#FORMAT=WebAnno TSV 3.2

#Text=Maria Lopez spoke .
1-1\t0-5\tMaria\t_
1-2\t6-11\tLopez\t_
1-3\t12-17\tspoke\t_
1-4\t18-19\t.\t_

#Text=She left the city .
2-1\t20-23\tShe\t_
2-2\t24-28\tleft\t_
2-3\t29-32\tthe\t_
2-4\t33-37\tcity\t_
2-5\t38-39\t.\t_
"""


def make_gum(root: Path) -> Path:
    """A one-document GUM folder in the corpus layout."""
    (root / "conll").mkdir()
    (root / "tsv").mkdir()
    (root / "conll" / "GUM_news_tiny.conll").write_text(CONLL)
    (root / "tsv" / "GUM_news_tiny.tsv").write_text(TSV)
    (root / "splits.md").write_text("## test\n\n  * GUM_news_tiny\n  * GUM_reddit_gone\n")
    return root


def test_text_is_rebuilt_at_the_tsv_offsets_with_sentences_on_lines(tmp_path: Path) -> None:
    doc = read_document(make_gum(tmp_path), "GUM_news_tiny")
    assert doc.text == "Maria Lopez spoke .\nShe left the city ."


def test_mentions_carry_their_cluster_and_span(tmp_path: Path) -> None:
    doc = read_document(make_gum(tmp_path), "GUM_news_tiny")
    found = [(doc.text[m.start : m.end], m.type, m.cluster) for m in doc.mentions]
    assert found == [("Maria Lopez", "person", 1), ("She", "person", 1), ("the city", "place", 2)]


def test_a_split_skips_documents_whose_text_is_not_distributed(tmp_path: Path) -> None:
    docs = read_split(make_gum(tmp_path), "test")
    assert [d.name for d in docs] == ["GUM_news_tiny"]
