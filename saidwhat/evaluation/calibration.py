"""Does confidence mean something? Each prediction's confidence against whether it was right.

A prediction is right in one gold document when the joint attribution rule of `evaluate`
pairs it with a gold attribution (content Dice ≥ 0.5, same source); a text with several
annotators counts it once per annotator, as micro precision does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from saidwhat.evaluation.evaluate import (
    DICE_THRESHOLD,
    GoldDocument,
    Scored,
    _same_source,
    dice,
    pair,
    scored_gold,
    to_scored,
)
from saidwhat.records import Article

BIN_EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def outcomes(docs: Iterable[GoldDocument], predictions: Mapping[str, Article]
             ) -> list[tuple[float, bool]]:
    """(confidence, right) for every prediction in every gold document."""
    out: list[tuple[float, bool]] = []
    for d in docs:
        article = predictions.get(d.name)
        if article is None or article.text != d.text:
            continue
        gold = scored_gold(d.text, d.attributions)
        pred: list[tuple[Scored, float]] = []
        for a in article.attributions:
            s = to_scored(article.text, a.content.spans, a.cue.spans if a.cue else (),
                          a.source.spans if a.source else ())
            if s is not None:
                pred.append((s, a.confidence))
        pairs = pair([g.content.positions for g in gold], [p.content.positions for p, _ in pred],
                     allowed=_joint_rule(gold, [p for p, _ in pred]))
        right = {j for _, j in pairs}
        out.extend((c, j in right) for j, (_, c) in enumerate(pred))
    return out


def _joint_rule(gold: Sequence[Scored], pred: Sequence[Scored]) -> Callable[[int, int], bool]:
    """The joint attribution rule of `evaluate` as a pairing veto."""
    def allowed(i: int, j: int) -> bool:
        return (dice(gold[i].content.positions, pred[j].content.positions) >= DICE_THRESHOLD
                and _same_source(gold[i], pred[j]))
    return allowed


@dataclass(frozen=True)
class Bin:
    """One confidence bin: its range, how many predictions, their mean confidence, share right."""

    low: float
    high: float
    n: int
    mean_confidence: float
    right: float

    def to_dict(self) -> dict[str, float | int]:
        """JSON-ready, rounded."""
        return {"low": self.low, "high": self.high, "n": self.n,
                "mean_confidence": round(self.mean_confidence, 3), "right": round(self.right, 3)}


def reliability(pairs: Sequence[tuple[float, bool]], edges: Sequence[float] = BIN_EDGES
                ) -> list[Bin]:
    """The reliability table: per confidence bin, the mean confidence and the share right."""
    bins = []
    for low, high in zip(edges, edges[1:], strict=False):
        inside = [(c, r) for c, r in pairs if low <= c < high or high == edges[-1] and c == high]
        n = len(inside)
        bins.append(Bin(low, high, n, sum(c for c, _ in inside) / n if n else 0.0,
                        sum(r for _, r in inside) / n if n else 0.0))
    return bins


def isotonic(pairs: Sequence[tuple[float, bool]]) -> list[tuple[float, float]]:
    """Pool-adjacent-violators fit of P(right | confidence): (confidence, probability) knots,
    increasing in both, for piecewise-linear interpolation."""
    blocks: list[list[float]] = []  # [sum of confidences, sum right, count]
    for c, r in sorted(pairs):
        blocks.append([c, float(r), 1.0])
        while len(blocks) > 1 and (blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]):
            c2, r2, n2 = blocks.pop()
            blocks[-1][0] += c2
            blocks[-1][1] += r2
            blocks[-1][2] += n2
    return [(round(s / n, 4), round(r / n, 4)) for s, r, n in blocks]
