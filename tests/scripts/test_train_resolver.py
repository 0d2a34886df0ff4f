"""The resolver's training: the conditional logit that ranks a pronoun's candidates."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

train_resolver = pytest.importorskip("train_resolver")

from saidwhat.engine.speakers.ranker import Ranker  # noqa: E402


def _groups() -> list:
    """Mentions whose right candidate is the nearer subject, whatever the mention counts."""
    out = []
    for n in range(40):
        right = {"subject": 1.0, "mentions": (n % 3) / 2}
        wrong = {"mentions": 1.0 + (n % 2) / 2}
        out.append(("pronoun", True, [(wrong, 0), (right, 1)] if n % 2 else [(right, 1),
                                                                              (wrong, 0)]))
    out.append(("pronoun", False, [({"subject": 1.0}, 0)]))  # no right candidate: left out
    return out


def test_the_ranking_model_learns_what_makes_a_candidate_beat_the_others() -> None:
    vec, model = train_resolver.fit(_groups(), "pronoun", 3.0, ranking=True)
    weights = dict(zip(vec.get_feature_names_out(), model.coef_[0], strict=True))
    assert weights["subject"] > 1.0 > 0.0 > weights["mentions"]
    assert model.intercept_[0] == 0.0  # a softmax over candidates has no use for a bias
    ranker = Ranker({"pronoun": train_resolver.weights_of(vec, model)}, {"pronoun": 0.0},
                    frozenset({"pronoun"}))  # the probabilities the engine computes
    probs = ranker.probabilities("pronoun", [(0, {"mentions": 1.0}), (1, {"subject": 1.0})])
    assert sum(probs) == pytest.approx(1.0) and probs[1] > 0.9


def test_the_ranking_model_is_the_same_on_every_run() -> None:
    first, again = (train_resolver.fit(_groups(), "pronoun", 3.0, ranking=True)[1].coef_
                    for _ in range(2))
    assert np.array_equal(first, again)


def test_the_threshold_keeps_the_coverage_asked_for() -> None:
    dec = [(0.9, True, True), (0.8, True, True), (0.5, False, True), (0.4, True, True)]
    assert train_resolver.tune_threshold(dec, min_coverage=0.5)[:2] == (0.8, 0.5)
    assert train_resolver.tune_threshold(dec, min_coverage=1.0)[:2] == (0.0, 1.0)


def test_candidate_probabilities_are_the_engine_rankers() -> None:
    groups = [("pronoun", True, [({"subject": 1.0}, 1), ({"mentions": 1.0}, 0)]),
              ("pronoun", True, []), ("description", True, [({"subject": 1.0}, 1)])]
    ranker = Ranker({"pronoun": {"bias": -1.0, "subject": 2.0, "mentions": 1.0}},
                    {"pronoun": 0.0})
    dec = train_resolver.decisions(groups, "pronoun", ranker)
    assert dec == [(pytest.approx(ranker.probability("pronoun", {"subject": 1.0})), True, True),
                   (-1.0, False, True)]


def test_the_pronoun_threshold_is_tuned_on_what_the_evaluation_resolved() -> None:
    # (best probability or None when the ranker was not asked, resolved, right)
    reading = [(0.9, True, True), (0.8, True, True), (0.3, True, False), (None, True, True),
               (0.2, True, False), (None, False, False)]
    t, cov, acc = train_resolver.pronoun_threshold(reading, min_coverage=0.5)
    assert (t, cov, acc) == (0.8, 0.5, 1.0)  # two wrong dropped; the unasked one stays covered
    t, cov, _ = train_resolver.pronoun_threshold(reading, min_coverage=0.8)
    assert (t, cov) == (0.0, 5 / 6)  # dropping a wrong one would lose too much: keep all
    rounded = train_resolver.pronoun_threshold([(0.1236, True, True), (0.05, True, False)], 0.5)
    assert rounded == (0.123, 0.5, 1.0)  # rounded down: 0.1236 still reaches it


def test_a_news_pronoun_whose_gender_singles_out_one_person_teaches_the_rest() -> None:
    from saidwhat.engine.speakers.clusters import ArticleIndex
    from saidwhat.run.nlp import load

    nlp = load()

    def group(text: str) -> object:
        doc = nlp(text)
        span = doc[[t.i for t in doc if t.lower_ in ("she", "they")][-1]:][:1]
        return train_resolver.gender_blind_group(ArticleIndex(doc), span)

    kind, named, examples = group("Mrs. Ann Lee met Mr. Tom Okafor on Monday. She said no.")
    assert (kind, named) == ("pronoun", True)
    assert sorted(y for _, y in examples) == [0, 1]  # the woman right, the man wrong
    assert group("Mrs. Ann Lee met Mrs. Mary Rose on Monday. She said no.") is None  # two
    assert group("Mrs. Ann Lee spoke on Monday. She said no.") is None  # no choice to learn
    assert group("Mrs. Ann Lee met Mr. Tom Okafor. They said no.") is None


def test_one_standard_error_takes_the_most_regularised_strength_near_the_best() -> None:
    tried = train_resolver.Tried
    rows = [tried(0.003, {"a": 1.0}, 0.06, 0.85, 0.747, 240),
            tried(0.01, {"a": 2.0}, 0.05, 0.85, 0.722, 240),
            tried(0.03, {"a": 3.0}, 0.05, 0.85, 0.763, 240)]
    assert train_resolver.one_standard_error(rows).c == 0.003
    far = [tried(0.003, {"a": 1.0}, 0.06, 0.60, 0.60, 240), *rows[1:]]
    assert train_resolver.one_standard_error(far).c == 0.03
