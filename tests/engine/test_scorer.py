"""scorer.py: the shipped logistic scorer over candidate features."""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.engine.attribute import drafts_for as engine_drafts
from saidwhat.engine.drafts import Draft
from saidwhat.engine.engine import Engine
from saidwhat.engine.scorer import (
    Scorer,
    _bucket,
    features,
    load_scorer,
    source_kind,
    thing_source,
)

ENGINE = Engine.load()


def drafts_for(doc: Doc) -> list[Draft]:
    """The doc's candidates under the default engine."""
    return engine_drafts(doc, ENGINE)


SAID = "Maria Lopez spoke on Monday. “We will balance this budget by June,” Lopez said."


def test_shipped_scorer_loads() -> None:
    scorer = load_scorer()
    assert scorer is not None
    assert 0.0 < scorer.threshold < 1.0
    assert scorer.weights and all(isinstance(v, float) for v in scorer.weights.values())
    assert load_scorer() is not scorer and load_scorer() == scorer  # owned, not cached


def test_confidences_are_probabilities(nlp: Language) -> None:
    scorer = load_scorer()
    assert scorer is not None
    text = (
        SAID + " She added that the vote would be close. According to John Baker, it will pass."
        "\n\n“It must go now, before the families of this city pay for it for ten more years.”"
    )
    doc = nlp(text)
    drafts = drafts_for(doc)
    assert len(drafts) >= 3
    for d in drafts:
        assert 0.0 <= scorer.confidence(doc, d, drafts, ENGINE.lexicon) <= 1.0


def test_clear_direct_quote_scores_above_threshold(nlp: Language) -> None:
    scorer = load_scorer()
    assert scorer is not None
    doc = nlp(SAID)
    drafts = drafts_for(doc)
    (d,) = [d for d in drafts if d.how == "quote"]
    assert scorer.confidence(doc, d, drafts, ENGINE.lexicon) > scorer.threshold


def test_features_are_deterministic(nlp: Language) -> None:
    first_doc, second_doc = nlp(SAID), nlp(SAID)
    a, b = drafts_for(first_doc), drafts_for(second_doc)
    assert len(a) == len(b) > 0
    for da, db in zip(a, b, strict=True):
        fa = features(first_doc, da, a, ENGINE.lexicon)
        again = features(first_doc, da, a, ENGINE.lexicon)
        assert fa == again == features(second_doc, db, b, ENGINE.lexicon)
        assert fa["how=quote"] == 1.0
        assert fa["lemma=say"] == 1.0
        assert sum(1 for k in fa if k.startswith("src=")) == 1


def test_source_kind_of_a_sourceless_draft(nlp: Language) -> None:
    doc = nlp(SAID)
    draft = replace(drafts_for(doc)[0], source=None)
    assert source_kind(draft) == "none"
    assert features(doc, draft, [draft], ENGINE.lexicon)["src=none"] == 1.0


def test_a_thing_as_source_is_a_feature_of_its_own(nlp: Language) -> None:
    doc = nlp("Its many clever features suggest that maps will improve. The new report found "
              "that maps improved. Local officials said maps improved. She said maps improved.")
    draft = drafts_for(doc)[0]
    features_, report, officials, she = (
        doc.char_span(doc.text.find(w), doc.text.find(w) + len(w))
        for w in ("Its many clever features", "The new report", "Local officials", "She"))
    assert thing_source(replace(draft, source=features_))
    assert not any(thing_source(replace(draft, source=s)) for s in (report, officials, she))
    assert not thing_source(replace(draft, source=None))
    thing = replace(draft, source=features_)
    assert features(doc, thing, [thing], ENGINE.lexicon)["thing|how=" + thing.how] == 1.0


def test_extreme_weights_do_not_overflow(nlp: Language) -> None:
    doc = nlp(SAID)
    drafts = drafts_for(doc)
    high = Scorer(weights={"how=quote": 1e6}, bias=0.0, threshold=0.5)
    low = Scorer(weights={"how=quote": -1e6}, bias=0.0, threshold=0.5)
    assert high.confidence(doc, drafts[0], drafts, ENGINE.lexicon) > 0.999
    assert low.confidence(doc, drafts[0], drafts, ENGINE.lexicon) < 0.001


def test_length_buckets() -> None:
    assert [_bucket(n) for n in (0, 2, 3, 5, 6, 15, 16, 40, 41)] == [
        "<=2", "<=2", "<=5", "<=5", "<=15", "<=15", "<=40", "<=40", ">40",
    ]
