from saidwhat.engine.scorer import Scorer
from saidwhat.evaluation.brat import GoldAttribution
from saidwhat.evaluation.calibration import isotonic, outcomes, reliability
from saidwhat.evaluation.evaluate import GoldDocument
from saidwhat.records import Article, Attribution, Mention

TEXT = "Ann Lee said taxes will fall. Bob Ray said prices will rise."


def at(s: str) -> tuple[int, int]:
    i = TEXT.index(s)
    return i, i + len(s)


def attribution(content: str, source: str, confidence: float) -> Attribution:
    return Attribution("indirect", "speech", Mention(content, (at(content),)),
                       Mention("said", (at("said"),)), Mention(source, (at(source),)),
                       confidence=confidence)


def test_outcomes_mark_each_prediction_right_or_wrong() -> None:
    said = GoldAttribution("E1", (at("taxes will fall"),), (at("said"),), (at("Ann Lee"),))
    gold = GoldDocument("d", "A", TEXT, (said,), "d.ann")
    article = Article("d", TEXT, attributions=(attribution("taxes will fall", "Ann Lee", 0.9),
                                               attribution("prices will rise", "Bob Ray", 0.6)))
    assert outcomes([gold], {"d": article}) == [(0.9, True), (0.6, False)]


def test_reliability_bins_count_and_share_right() -> None:
    table = reliability([(0.95, True), (0.92, False), (0.55, False)])
    top = table[-1]
    assert (top.n, top.right) == (2, 0.5) and abs(top.mean_confidence - 0.935) < 1e-9
    assert sum(b.n for b in table) == 3


def test_isotonic_is_increasing_and_pools_violators() -> None:
    knots = isotonic([(0.1, False), (0.2, True), (0.3, False), (0.4, True), (0.5, True)])
    ys = [y for _, y in knots]
    assert ys == sorted(ys) and ys[-1] == 1.0 and knots[0][1] == 0.0


def test_scorer_calibrated_interpolates_between_knots() -> None:
    s = Scorer({}, 0.0, 0.5, calibration=((0.5, 0.3), (0.9, 0.7)))
    assert abs(s.calibrated(0.7) - 0.5) < 1e-9
    assert s.calibrated(0.2) == 0.3 and s.calibrated(0.99) == 0.7
    assert Scorer({}, 0.0, 0.5).calibrated(0.42) == 0.42
    assert Scorer.from_json(s.to_json()) == s
