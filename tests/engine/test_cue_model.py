"""cue_model.py: the learned cue classifier that proposes cue candidates."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from saidwhat.engine.cue_model import (
    CueModel,
    Vocabulary,
    complement_features,
    copula_features,
    features,
    is_candidate,
    load_cue_model,
    prep_word,
    sentence_facts,
    subject_kind,
)
from saidwhat.engine.cues import find_cues
from saidwhat.engine.lexicon import load_lexicon
from saidwhat.engine.quotes import find_quotes, token_in_quote
from saidwhat.settings import CueSettings

LEXICON = load_lexicon(CueSettings())


def cue_heads(nlp: Language, text: str) -> list[str]:
    """The head words of the cues the shipped classifier proposes."""
    doc = nlp(text)
    return [doc[c.head].text for c in find_cues(doc, token_in_quote(doc, find_quotes(text)),
                                                  LEXICON)]


def test_the_shipped_classifier_is_used() -> None:
    assert LEXICON.model is not None and 0 < LEXICON.model.threshold < 1


@pytest.mark.parametrize("text, action", [
    ("William Barr ordered multiple investigations into the leaks.", "ordered"),
    ("The EAG decided to wait until the next meeting.", "decided"),
    ("Disney is expected to switch gears next quarter.", "expected"),
    ("Jane Okafor was named chief executive of the bank on Monday.", "named"),
])
def test_actions_are_not_cues(nlp: Language, text: str, action: str) -> None:
    assert action not in cue_heads(nlp, text)


@pytest.mark.parametrize("text, verb", [
    ("Blood tests revealed traces of the drug in his system.", "revealed"),
    ("The election results also suggest a shift among suburban voters.", "suggest"),
])
def test_evidence_is_not_a_speaker(nlp: Language, text: str, verb: str) -> None:
    assert verb not in cue_heads(nlp, text)


@pytest.mark.parametrize("text, verb", [
    ("The report said the agency had failed to act.", "said"),
    ("Maria Lopez said the plan failed.", "said"),
    ("“We will not back down,” the governor told reporters.", "told"),
    ("The senator believes the bill will pass.", "believes"),
    ("Officials warned that the storm could flood the coast.", "warned"),
])
def test_speech_and_thought_are_cues(nlp: Language, text: str, verb: str) -> None:
    assert verb in cue_heads(nlp, text)


def test_without_the_classifier_the_lexicon_cut_off_proposes_cues(nlp: Language) -> None:
    doc = nlp("Maria Lopez said the plan failed.")
    found = find_cues(doc, [False] * len(doc), LEXICON, CueSettings(learned=False))
    assert [doc[c.head].text for c in found] == ["said"] and found[0].p == 1.0


def test_candidates_are_verbs_nouns_and_colons(nlp: Language) -> None:
    doc = nlp("Her claim: the mayor has lied.")
    assert [t.text for t in doc if is_candidate(t)] == ["claim", ":", "mayor", "lied"]
    assert not is_candidate(doc[5])  # the auxiliary "has"


def test_subject_kinds(nlp: Language) -> None:
    doc = nlp("He said it. The tests showed it. Maria Lopez said it.")
    subjects = [t for t in doc if t.dep_ == "nsubj"]
    assert [subject_kind(s) for s in subjects] == ["person", "pos:NOUN", "ent:PERSON"]
    assert subject_kind(None) == "none"


def test_features_see_the_clause_and_the_quote(nlp: Language) -> None:
    text = "“It is over,” she said, adding that the talks had failed."
    doc = nlp(text)
    in_quote = token_in_quote(doc, find_quotes(text))
    said = next(t for t in doc if t.text == "said")
    f = features(said, in_quote)
    assert f["l=say"] == 1.0 and f["quote_before"] == 1.0 and f["subj=person"] == 1.0
    adding = next(t for t in doc if t.text == "adding")
    assert features(adding, in_quote).get("ccomp_mark=that") == 1.0


def test_sentence_facts_read_each_sentence_once_and_agree_with_the_token_by_token_reading(
        nlp: Language) -> None:
    text = "The council met on Monday. “We are done,” she said. Did he agree? He said he did."
    doc = nlp(text)
    in_quote = token_in_quote(doc, find_quotes(text))
    facts = sentence_facts(doc, in_quote)
    sents = list(doc.sents)
    assert [facts.quoted[s.start] for s in sents] == [False, True, False, False]
    assert [facts.question[s.start] for s in sents] == [False, False, True, False]
    for tok in doc:
        assert features(tok, in_quote, sentences=facts) == features(tok, in_quote)


def test_probability_is_the_logistic_of_the_weights(nlp: Language) -> None:
    doc = nlp("She said it.")
    said = doc[1]
    model = CueModel({"l=say": 2.0}, -1.0, 0.5)
    assert model.probability(said, [False] * 4) == pytest.approx(1 / (1 + 2.718281828 ** -1.0))
    assert model.probability(doc[3], [False] * 4) == 0.0  # the full stop is no candidate
    assert CueModel.from_json(json.loads(json.dumps(model.to_json()))) == model


def test_model_file_setting_is_read(tmp_path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"weights": {"l=say": 1.5}, "bias": -2.0, "threshold": 0.3}))
    model = load_cue_model(str(path))
    assert model == CueModel({"l=say": 1.5}, -2.0, 0.3)
    assert load_lexicon(CueSettings(model_file=str(path))).model == model


def test_extraction_returns_no_actions_or_evidence() -> None:
    import saidwhat

    text = ("William Barr ordered multiple investigations into the leaks. Blood tests revealed "
            "traces of the drug. Disney is expected to switch gears next quarter. Jane Okafor "
            "was named chief executive of the bank. The report said the agency had failed to "
            "act.")
    cues = [a.cue.text for a in saidwhat.extract(text).attributions if a.cue is not None]
    assert cues == ["said"]


def _tok(doc, word: str):  # type: ignore[no-untyped-def]
    """The first token of the doc with this text."""
    return next(t for t in doc if t.text == word)


def test_copula_features_name_the_adjective_and_what_it_takes(nlp: Language) -> None:
    doc = nlp("The mayor is critical of the new budget.")
    f = copula_features(_tok(doc, "is"), Vocabulary())
    assert f == {"acomp=critical": 1.0, "acomp_prep=of": 1.0}
    doc = nlp("The governor was confident that the bill would pass.")
    f = copula_features(_tok(doc, "was"), Vocabulary(adjectives=frozenset(("sure",))))
    assert f == {"acomp=<other>": 1.0, "acomp_clause=that": 1.0}
    assert copula_features(_tok(doc, "pass"), Vocabulary()) == {}


def test_complement_features_see_the_preposition_the_clause_and_the_determiner(
        nlp: Language) -> None:
    doc = nlp("Her criticism of the mayor grew louder.")
    f = complement_features(_tok(doc, "criticism"), "criticism")
    assert f["prep=of"] == 1.0 and f["l|prep=criticism|of"] == 1.0 and f["n_det=poss"] == 1.0
    doc = nlp("The claim that the vote was rigged spread quickly.")
    f = complement_features(_tok(doc, "claim"), "claim")
    assert f["NOUN|clause=that"] == 1.0 and f["n_det=the"] == 1.0


def test_features_read_from_children_given_are_those_read_from_the_token(
        nlp: Language) -> None:
    doc = nlp("The senator was critical of the plan, and her aide said that it would fail.")
    for word in ("was", "said", "plan"):
        tok = _tok(doc, word)
        kids = list(tok.children)
        assert complement_features(tok, word, kids) == complement_features(tok, word)
        assert copula_features(tok, Vocabulary(), kids) == copula_features(tok, Vocabulary())
    assert copula_features(_tok(doc, "was"), Vocabulary())["acomp_prep=of"] == 1.0
    assert complement_features(_tok(doc, "said"), "said")["VERB|clause=that"] == 1.0


def test_an_infinitive_reporting_a_clause_is_told_apart(nlp: Language) -> None:
    doc = nlp("Ruiz used the hearing to argue that the law is unfair.")
    f = features(_tok(doc, "argue"), [False] * len(doc))
    assert f["to_inf"] == 1.0 and f["to_inf|ccomp"] == 1.0 and f["inf_hpos=VERB"] == 1.0
    doc = nlp("Ruiz went to the store to buy some bread.")
    assert "to_inf|ccomp" not in features(_tok(doc, "buy"), [False] * len(doc))


def test_a_preposition_that_is_no_word_is_other(nlp: Language) -> None:
    doc = nlp("She talked about the plan.")
    assert prep_word(_tok(doc, "about")) == "about"
    doc = nlp("She talked 4about the plan.")
    assert all(prep_word(t) == "<other>" for t in doc if not t.is_alpha)


@pytest.mark.parametrize("text, cue", [
    ("The senator is critical of the plan to cut taxes.", "is critical of"),
    ("The governor was confident that the bill would pass.", "was confident"),
    ("The union is deeply skeptical of the new contract.", "is deeply skeptical of"),
])
def test_the_classifier_proposes_stance_copulas(nlp: Language, text: str, cue: str) -> None:
    doc = nlp(text)
    found = find_cues(doc, [False] * len(doc), LEXICON)
    assert [" ".join(doc[i].text for i in c.tokens) for c in found] == [cue]


def test_a_copula_describing_something_is_no_candidate(nlp: Language) -> None:
    doc = nlp("The economy is strong this year.")
    assert find_cues(doc, [False] * len(doc), LEXICON) == []
