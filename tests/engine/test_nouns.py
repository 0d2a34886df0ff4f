"""nouns.py: reporting nouns as cues, their sources and contents."""

from __future__ import annotations

from spacy.language import Language

from saidwhat.engine.cue_model import CueModel
from saidwhat.engine.nouns import find_noun_cues, noun_content, noun_cue, noun_source


def noun_parts(nlp: Language, text: str, noun: str) -> tuple[list[str], str | None, str]:
    """The cue words, source and content the noun gives."""
    doc = nlp(text)
    tok = next(t for t in doc if t.text == noun)
    cue = noun_cue(tok)
    assert cue is not None
    source = noun_source(doc, cue)
    content = " ".join(t.text for t in noun_content(doc, cue))
    return [doc[i].text for i in cue.tokens], source.text if source is not None else None, content


def test_a_possessed_claim_with_a_that_clause(nlp: Language) -> None:
    assert noun_parts(nlp, "His claim that he had opposed the war was false.", "claim") == (
        ["claim"], "His", "that he had opposed the war")


def test_criticism_of_takes_its_preposition_into_the_cue(nlp: Language) -> None:
    cue, source, content = noun_parts(
        nlp, "Clinton’s criticism of the trade deal was sharp.", "criticism")
    assert cue == ["criticism", "of"] and source == "Clinton" and content == "the trade deal"


def test_the_holder_of_an_object_noun_is_the_verbs_subject(nlp: Language) -> None:
    cue, source, content = noun_parts(nlp, "Trump issued a call for a ban on imports.", "call")
    assert (cue, source) == (["call", "for"], "Trump") and content.startswith("a ban")


def test_a_noun_that_reports_nothing_is_no_cue(nlp: Language) -> None:
    doc = nlp("The statement was issued on Monday.")
    assert noun_cue(doc[1]) is None


def test_noun_cues_need_the_classifier_and_its_threshold(nlp: Language) -> None:
    doc = nlp("His claim that he had opposed the war was false.")
    in_quote = [False] * len(doc)
    assert find_noun_cues(doc, in_quote, None, 0.5) == []
    sure = CueModel({"l=claim": 5.0}, 0.0, 0.2)
    assert [doc[c.head].text for c in find_noun_cues(doc, in_quote, sure, 0.5)] == ["claim"]
    assert find_noun_cues(doc, in_quote, CueModel({}, -5.0, 0.2), 0.5) == []
