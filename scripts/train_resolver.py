"""Train the learned speaker resolver on GUM: `python scripts/train_resolver.py ../shared/data/gum`.

Usage: python scripts/train_resolver.py ../shared/data/gum --news ../shared/data/polnear/train/text
[--data DIR] [--parsed DIR]. Sources are found by the cue files and scorer in DIR (default
saidwhat/data; run after train_scorer.py), and the resolver is written there.

Every GUM train document is parsed and its sources found as at run time; each third-person
pronoun, each singular person description ("the senator") and each definite organisation or
place description ("the company", "the city") among GUM's gold mentions is read at its place in
the article, and every candidate referent the resolver would consider becomes one example:
positive when the candidate's name fits a name of the mention's gold chain before it. One
logistic regression per kind (pronoun, person description, organisation or place description)
is fitted. For descriptions the L2 strength and the probability needed to resolve are tuned on
GUM dev's candidate examples; for pronouns on the real evaluation: each strength's weights
resolve GUM dev in place, as `saidwhat evaluate-speakers --only gum --gum-split dev` does
(earlier pronouns and subjects resolved by the ranker being tuned, sources found by saidwhat),
and the threshold and strength with the best accuracy at 85% coverage of its pronouns win
(`tune_pronouns`). Probabilities are always `Ranker.probabilities`, the engine's own. With
`--rank pronoun` a kind is ranked rather than scored one candidate at a time: a conditional
logit (a softmax over each mention's candidates, fitted by L-BFGS on the log-probability of its
right candidates), which learns what makes one candidate beat the others in the same place (not
shipped: see the README's speaker resolution section for what it gave). Self-supervised news
examples come from PolNeAR train: a named source read as "he"/"she" or "the senator" (first 300
texts), and every "he"/"she" source whose gender singles out one person among the people before
it, read by a gender-blind reader (all texts, `gender_blind_group`). The candidates are
gathered with the hand-set salience in the loop (earlier pronouns resolved by it), so the
training rows do not depend on the weights being trained. Deterministic (lbfgs and L-BFGS from
zero weights, sorted features).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import vstack
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc
from training import artefacts
from training.artefacts import RESOLVER, SHIPPED
from training.parsed import parsed_split, parsed_texts

from saidwhat.data.names import NATIONALITIES, ORG_WORDS, PARTIES, ROLE_SYNONYMS, TITLES
from saidwhat.engine.attribute import scored_drafts
from saidwhat.engine.engine import Engine
from saidwhat.engine.speakers.clusters import ArticleIndex
from saidwhat.engine.speakers.descriptions import (
    MEDIA_HEADS,
    description_score,
    description_words,
    interviewing_outlets,
    specific_words,
)
from saidwhat.engine.speakers.mentions import (
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    THIRD_PERSON,
    is_person_noun,
)
from saidwhat.engine.speakers.pronouns import _bound_in_clause, pronoun_may_refer
from saidwhat.engine.speakers.ranker import (
    PLACE_HEADS,
    Ranker,
    description_candidates,
    organisation_candidates,
    pronoun_candidates,
)
from saidwhat.engine.speakers.resolve import named_entity_in, resolve_mentions
from saidwhat.evaluation.gum import read_split
from saidwhat.evaluation.speakers import (
    KindScore,
    SpeakerScores,
    gum_targets,
    same_referent,
    score_gum_parsed,
)

KINDS = ("pronoun", "description", "organisation")
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
# Pronouns, tuned on the real evaluation, are also tried with stronger regularisation: GUM
# dev prefers it to the descriptions' grid.
PRONOUN_C_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
# Grid of L2 strengths of a kind ranked by a conditional logit (--rank): a ranking model has no
# bias and far fewer effective examples.
RANKING_C_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
MIN_COVERAGE = 0.9
# Coverage of GUM dev's pronouns (as `saidwhat evaluate-speakers --only gum --gum-split dev`
# counts them) the pronoun threshold keeps.
PRONOUN_MIN_COVERAGE = 0.85
# Kinds that resolve whenever they have a candidate: an organisation description's candidates
# are already only the organisations (or places) of its kind named before it, and GUM, where
# most "the company"/"the government" are generic, would teach a threshold that leaves "Shares
# of Boeing fell. The company said …" unresolved (a floor of 0.1 was tried: it left that very
# case unresolved at 0.012; a kind no candidate fits is left unresolved by the candidate
# rules instead, `kind_fits` in engine/speakers/ranker.py).
NO_THRESHOLD = ("organisation",)

Features = dict[str, float]
# one example group: (kind, has a named referent, [(features, label)])
Group = tuple[str, bool, list[tuple[Features, int]]]


def is_description(span: Any) -> bool:
    """A singular definite person description, as the resolver meets them."""
    root = span.root
    return (root.tag_ == "NN" and is_person_noun(root.lemma_.lower())
            and not any(t.lower_ in ("a", "an") for t in span if t.i < root.i))


def is_organisation_description(span: Any) -> bool:
    """A singular definite organisation or place description ("the company", "the city"),
    not said of a name ("Lund is a city"), as the resolver meets them."""
    root = span.root
    return (root.tag_ == "NN" and root.lemma_.lower() in ORG_WORDS | PLACE_HEADS
            and root.dep_ not in ("attr", "appos")
            and not any(t.lower_ in ("a", "an") or t.pos_ == "PROPN" for t in span
                        if t.i < root.i))


def kind_of(target: Any) -> str | None:
    """The ranker kind a GUM target trains, or None."""
    if target.kind == "pronoun":
        return "pronoun"
    if is_description(target.span):
        return "description"
    return "organisation" if is_organisation_description(target.span) else None


def groups_of(split_docs: list[Any], docs: list[Doc], engine: Engine) -> list[Group]:
    """Candidate examples of every usable mention of the documents."""
    out: list[Group] = []
    for gold, doc in zip(split_docs, docs, strict=True):
        targets = [t for t in gum_targets(doc, gold, unnamed=True, capitalised=True)
                   if kind_of(t) is not None]

        def observe(index: ArticleIndex, n: int, span: Any, targets: list = targets) -> None:
            target = targets[n]
            if index.in_quote[span.root.i]:
                return
            kind = kind_of(target)
            if kind == "pronoun":
                cands = pronoun_candidates(index, span.root, pronoun_may_refer, _bound_in_clause)
            elif kind == "organisation":
                head, mods = description_words(span)
                skip = set() if head in MEDIA_HEADS else interviewing_outlets(index)
                cands = organisation_candidates(index, span, head, mods, skip)
            else:
                head, mods = description_words(span[: span.root.i - span.start + 1])
                words = (head, mods, specific_words(span[: span.root.i - span.start + 1]))
                cands = description_candidates(index, span, words, description_score)
            examples = [(f, int(any(same_referent(index.entities[e].name, nm)
                                    for nm in target.names))) for e, f in cands]
            out.append((kind, bool(target.names), examples))

        sources = [d.source for d in scored_drafts(doc, engine)]
        resolve_mentions(doc, sources, [t.span for t in targets], ranker=None, observe=observe)
    return out


def gum_split(gum_dir: str, split: str, parsed: Path | None) -> tuple[list[Any], list[Doc]]:
    """A GUM split's gold documents and their texts parsed through the cache."""
    split_docs = read_split(gum_dir, split)
    return split_docs, parsed_texts([d.text for d in split_docs], parsed, f"gum-{split}")


@dataclass(frozen=True)
class DevReading:
    """GUM dev as `saidwhat evaluate-speakers --only gum --gum-split dev` reads it: the gold
    documents, their parses and the sources saidwhat finds in them."""

    golds: list[Any]
    docs: list[Doc]
    sources: list[list[Any]]


def dev_reading(golds: list[Any], docs: list[Doc], engine: Engine) -> DevReading:
    """GUM dev with its sources found once (they do not depend on the resolver)."""
    return DevReading(golds, docs, [[d.source for d in scored_drafts(doc, engine)]
                                    for doc in docs])


# (best candidate probability or None, resolved, right) per GUM dev pronoun
Reading = list[tuple[float | None, bool, bool]]


def read_pronouns(dev: DevReading, ranker: Ranker) -> tuple[Reading, KindScore]:
    """Every GUM dev pronoun target resolved in place with `ranker`, exactly as the evaluation
    does, with the best probability its candidates had (None where the ranker was not asked:
    in quotes, no candidate)."""
    reading: Reading = []
    scores = SpeakerScores()
    for gold, doc, sources in zip(dev.golds, dev.docs, dev.sources, strict=True):
        best: dict[int, float] = {}

        def observe(index: ArticleIndex, n: int, span: Any, best: dict = best) -> None:
            root = span.root
            if len(span) != 1 or root.lower_ not in THIRD_PERSON or index.in_quote[root.i]:
                return
            cands = pronoun_candidates(index, root, pronoun_may_refer, _bound_in_clause)
            if cands:
                best[n] = max(ranker.probabilities("pronoun", cands))

        done = score_gum_parsed(doc, gold, scores, sources, ranker=ranker, observe=observe)
        reading += [(best.get(n), resolved, right)
                    for n, (t, resolved, right) in enumerate(done) if t.kind == "pronoun"]
    return reading, scores.kind("pronoun")


def pronoun_threshold(reading: Reading, min_coverage: float) -> tuple[float, float, float]:
    """The threshold with the best accuracy at a coverage of GUM dev's pronouns of at least
    `min_coverage` (the highest coverage when none reaches it), as a resolution at threshold
    0 read with `read_pronouns` shows it: (threshold, coverage, accuracy). A pronoun the ranker
    was not asked about keeps what it got; each threshold tried is a probability seen, rounded
    down to 3 decimals (so that pronoun still reaches it)."""
    grid = {0.0} | {math.floor(p * 1000) / 1000 for p, resolved, _ in reading
                    if p is not None and resolved}
    best, best_key = (0.0, 0.0, 0.0), (-1.0, -1.0)
    for t in sorted(grid):
        covered = [right for p, resolved, right in reading if resolved and (p is None or p >= t)]
        cov = len(covered) / len(reading) if reading else 0.0
        acc = sum(covered) / len(covered) if covered else 0.0
        key = (acc if cov >= min_coverage else -1.0, cov)
        if key > best_key:
            best, best_key = (t, cov, acc), key
    return best


class MaskedPronoun:
    """A name source read as if the article had written "he"/"she" there (for news examples)."""

    def __init__(self, root: Any, pronoun: str) -> None:
        self.lower_ = pronoun
        self.i = root.i
        self.dep_ = root.dep_
        self.tag_ = "PRP"
        self.head = root.head


def news_groups(docs: list[Doc], engine: Engine, masked: bool = True) -> list[Group]:
    """Self-supervised news examples: each source naming a person seen before in the article is
    read as "he"/"she" (its gender) and as "the <role>" (a role it was introduced with), each
    named organisation ending in an organisation noun as "the <noun>"; the named one is the
    right candidate (not with `masked` false); and each "he"/"she" source a gender-blind
    reader can check (`gender_blind_group`). Teaches what GUM has little of: who spoke last,
    nationality and party words, news organisations."""
    out: list[Group] = []
    for doc in docs:
        sources = [d.source for d in scored_drafts(doc, engine) if d.source is not None]

        def observe(index: ArticleIndex, n: int, span: Any, sources: list = sources) -> None:
            blind = gender_blind_group(index, span)
            if blind is not None:
                out.append(blind)
            found = named_entity_in(index, span) if masked else None
            if found is None or span.root.pos_ != "PROPN":
                return
            ent_id = found[0]
            ent = index.entities[ent_id]
            out.extend(organisation_groups(index, span, ent_id))
            if ent.type != "PERSON" or not any(e.entity == ent_id and e.token < span.start
                                               for e in index.events):
                return
            if ent.gender:
                tok = MaskedPronoun(span.root, "he" if ent.gender == "m" else "she")
                cands = pronoun_candidates(index, tok, pronoun_may_refer, _bound_in_clause)
                out.append(("pronoun", True, [(f, int(e == ent_id)) for e, f in cands]))
            heads = sorted(w for w in ent.roles if w in ROLE_SYNONYMS and w not in TITLES)
            if heads:
                mods = {w for w in ent.roles if w in NATIONALITIES or w in PARTIES}
                cands = description_candidates(index, span, (heads[0], mods, set()),
                                               description_score)
                out.append(("description", True, [(f, int(e == ent_id)) for e, f in cands]))

        resolve_mentions(doc, sources, sources, ranker=None, observe=observe)
    return out


def either_gender(pronoun: str, ent: Any) -> bool:
    """What "he" or "she" may refer to, whichever the pronoun (a gender-blind reader)."""
    return pronoun_may_refer("he", ent) or pronoun_may_refer("she", ent)


def gender_blind_group(index: ArticleIndex, span: Any) -> Group | None:
    """A "he"/"she" source of a news article read by a gender-blind reader: when its gender
    singles out one person among the people of known gender before it, and someone of the
    other gender is there too ("Ann Lee … Tom Okafor …: “…,” she said"), that person is the
    right candidate and the others wrong (people of unknown gender left out). Teaches from
    the article's own pronouns which structure picks the referent (who spoke last, who
    introduced the quote, the subject before), free of the bias of a masked name: a writer
    names a speaker again mostly where a pronoun would mislead."""
    root = span.root
    if (len(span) != 1 or root.lower_ not in MALE_PRONOUNS | FEMALE_PRONOUNS
            or index.in_quote[root.i]):
        return None
    want = "m" if root.lower_ in MALE_PRONOUNS else "f"
    cands = [(e, f) for e, f in pronoun_candidates(index, root, either_gender, _bound_in_clause)
             if index.entities[e].type != "PERSON" or index.entities[e].gender]
    people = [e for e, _ in cands if index.entities[e].type == "PERSON"]
    right = [e for e in people if index.entities[e].gender == want]
    if len(right) != 1 or len(people) == 1:
        return None
    return ("pronoun", True, [(f, int(e == right[0])) for e, f in cands])


def organisation_groups(index: ArticleIndex, span: Any, ent_id: int) -> list[Group]:
    """A named organisation or place source seen before in the article, whose name ends in
    an organisation or place noun ("the Ohio Supreme Court", "the Clinton campaign"), read
    as "the court"/"the campaign": the named one is the right candidate."""
    ent = index.entities[ent_id]
    words = ent.name.lower().split()
    if ent.type not in ("ORG", "GPE") or len(words) < 2 or not any(
            e.entity == ent_id and e.token < span.start for e in index.events):
        return []
    head = words[-1]
    if head not in ORG_WORDS | PLACE_HEADS:
        return []
    skip = set() if head in MEDIA_HEADS else interviewing_outlets(index)
    cands = organisation_candidates(index, span, head, set(), skip)
    return [("organisation", True, [(f, int(e == ent_id)) for e, f in cands])]


@dataclass(frozen=True)
class ConditionalLogit:
    """A fitted conditional logit: weights in LogisticRegression's layout (no bias)."""

    coef_: np.ndarray
    intercept_: np.ndarray


def fit_ranking(x: Any, labels: list[int], sizes: list[int], c: float) -> ConditionalLogit:
    """Weights maximising the log-probability of each group's right candidates under a softmax
    over its candidates, with an L2 penalty of 1 / (2c); rows of `x` grouped by `sizes`."""
    y = np.array(labels, dtype=bool)
    starts = np.cumsum([0, *sizes[:-1]])
    group = np.repeat(np.arange(len(sizes)), sizes)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        e = np.exp(z - np.maximum.reduceat(z, starts)[group])
        total, right = np.add.reduceat(e, starts), np.add.reduceat(np.where(y, e, 0.0), starts)
        grad = e / total[group] - np.where(y, e, 0.0) / right[group]
        value = float(np.sum(np.log(total) - np.log(right)) + w @ w / (2 * c))
        return value, x.T @ grad + w / c

    found = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B",
                     options={"maxiter": 5000})
    return ConditionalLogit(coef_=found.x.reshape(1, -1), intercept_=np.zeros(1))


def fit(groups: list[Group], kind: str, c: float, ranking: bool = False
        ) -> tuple[DictVectorizer, Any]:
    """A logistic regression over one kind's candidate examples, or with `ranking` a
    conditional logit over the mentions with a right candidate."""
    vec = DictVectorizer(sort=True)
    if ranking:
        usable = [ex for k, _, ex in groups if k == kind and any(y for _, y in ex)]
        vec.fit([f for ex in usable for f, _ in ex])
        x = vstack([vec.transform([f for f, _ in ex]) for ex in usable]).tocsr()
        return vec, fit_ranking(x, [y for ex in usable for _, y in ex],
                                [len(ex) for ex in usable], c)
    feats = [f for k, _, ex in groups if k == kind for f, _ in ex]
    labels = [y for k, _, ex in groups if k == kind for _, y in ex]
    x = vec.fit_transform(feats)
    model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    model.fit(x, labels)
    return vec, model


def weights_of(vec: DictVectorizer, model: Any) -> dict[str, float]:
    """A fitted model's weights in the resolver.json layout (its bias, then each feature's)."""
    names = vec.get_feature_names_out()
    return {"bias": round(float(model.intercept_[0]), 6)} | {
        str(n): round(float(w), 6) for n, w in zip(names, model.coef_[0], strict=True)}


def decisions(groups: list[Group], kind: str, ranker: Ranker) -> list[tuple[float, bool, bool]]:
    """Per mention of a kind, its candidates' probabilities as the ranker computes them: best
    probability, whether its best candidate is right, and whether it has a named referent."""
    out = []
    for k, named, ex in groups:
        if k != kind:
            continue
        if not ex:
            out.append((-1.0, False, named))
            continue
        probs = ranker.probabilities(kind, [(n, f) for n, (f, _) in enumerate(ex)])
        best = max(range(len(ex)), key=lambda i: (probs[i], -i))
        out.append((float(probs[best]), bool(ex[best][1]), named))
    return out


def tune_threshold(dec: list[tuple[float, bool, bool]], fixed: float | None = None,
                   min_coverage: float = MIN_COVERAGE) -> tuple[float, float, float]:
    """The threshold with the best accuracy at coverage ≥ min_coverage of named mentions (the
    lowest-coverage-loss one otherwise), or the `fixed` one: (threshold, coverage, accuracy)."""
    named = [d for d in dec if d[2]]
    best = (0.0, 0.0, 0.0)
    best_key = (-1.0, -1.0)
    grid = {round(p, 3) for p, _, _ in dec if p >= 0} | {0.0} if fixed is None else {fixed}
    for t in sorted(grid):
        resolved = [d for d in named if d[0] >= t]
        cov = len(resolved) / len(named) if named else 0.0
        acc = sum(d[1] for d in resolved) / len(resolved) if resolved else 0.0
        key = (acc if cov >= min_coverage else -1.0, cov)
        if key > best_key:
            best, best_key = (t, cov, acc), key
    return best


class Tried(NamedTuple):
    """One L2 strength tried for pronouns, as read on GUM dev."""

    c: float
    weights: dict[str, float]
    threshold: float
    coverage: float
    accuracy: float
    resolved: int


def one_standard_error(tried: list[Tried]) -> Tried:
    """Of the strengths tried, in order of weakening regularisation, the first whose dev
    accuracy is within one standard error of the best (the "one-SE rule"): GUM dev's 283
    pronouns tell strengths apart only by a few mentions, and the best-scoring one flipped from
    0.003 to 0.03 between two retrains on nearly the same examples while losing on GUM test and
    the PolNeAR speaker gold."""
    best = max(tried, key=lambda row: (row.accuracy, row.coverage))
    se = math.sqrt(best.accuracy * (1 - best.accuracy) / max(1, best.resolved))
    return next(row for row in tried if row.accuracy >= best.accuracy - se)


def tune_pronouns(train: list[Group], dev: DevReading, others: Ranker, min_coverage: float
                  ) -> tuple[dict[str, float], float, dict[str, Any]]:
    """The pronoun weights, threshold and report: for each L2 strength, a fit on the training
    examples, read on GUM dev by the real evaluation (`others` resolving the descriptions met
    on the way), its threshold tuned there (`pronoun_threshold`); the most regularised strength
    within one standard error of the best dev accuracy wins (`one_standard_error`), and is read
    once more at its threshold for the report."""
    ranking = "pronoun" in others.ranking
    tried: list[Tried] = []
    for c in RANKING_C_GRID if ranking else PRONOUN_C_GRID:
        w = weights_of(*fit(train, "pronoun", c, ranking))
        ranker = Ranker(others.weights | {"pronoun": w}, others.thresholds | {"pronoun": 0.0},
                        others.ranking)
        reading = read_pronouns(dev, ranker)[0]
        t, cov, acc = pronoun_threshold(reading, min_coverage)
        print(f"pronoun C={c}: GUM dev threshold {t:.3f} coverage {cov:.3f} accuracy {acc:.3f}",
              file=sys.stderr)
        tried.append(Tried(c, w, t, cov, acc, round(cov * len(reading))))
    pick = one_standard_error(tried)
    chosen = Ranker(others.weights | {"pronoun": pick.weights},
                    others.thresholds | {"pronoun": pick.threshold}, others.ranking)
    score = read_pronouns(dev, chosen)[1]
    return pick.weights, pick.threshold, {"C": pick.c, "dev_coverage": round(score.coverage, 4),
                  "dev_accuracy": round(score.accuracy, 4), "dev_right": score.right,
                  "dev_total": score.total,
                  "train_mentions": sum(1 for k, _, _ in train if k == "pronoun")}


def main(argv: list[str] | None = None) -> int:
    """Collect, fit, tune, write."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gum_dir")
    parser.add_argument("--data", type=Path, default=SHIPPED,
                        help="folder of the cue files and scorer read and the resolver written "
                        "(default: saidwhat/data)")
    parser.add_argument("--out", help=f"write here instead (default: DATA/{RESOLVER})")
    parser.add_argument("--parsed", type=Path, help="parse cache folder (make train's)")
    parser.add_argument("--news", help="folder of news texts for self-supervised examples "
                                       "(PolNeAR train text)")
    parser.add_argument("--news-limit", type=int, default=300,
                        help="masked names from at most this many news texts, in name order "
                        "(default 300; gender-blind pronouns from all)")
    parser.add_argument("--dump", help="also write the candidate examples here (JSON)")
    parser.add_argument("--rank", action="append", default=[], choices=KINDS,
                        help="rank this kind's candidates by a conditional logit (repeatable)")
    parser.add_argument("--rank-coverage", type=float, default=MIN_COVERAGE,
                        help="dev coverage a ranked kind's threshold keeps (default "
                             f"{MIN_COVERAGE})")
    parser.add_argument("--pronoun-coverage", type=float, default=PRONOUN_MIN_COVERAGE,
                        help="coverage of GUM dev's pronouns the pronoun threshold keeps, as "
                        f"evaluate-speakers reads them (default {PRONOUN_MIN_COVERAGE})")
    args = parser.parse_args(argv)
    engine = artefacts.engine(args.data, with_resolver=False)
    train = groups_of(*gum_split(args.gum_dir, "train", args.parsed), engine)
    if args.news:
        parsed = dict(parsed_split(Path(args.news), args.parsed))
        files = sorted(Path(args.news).glob("*.txt"))
        train += news_groups([parsed[f.stem] for f in files[: args.news_limit]], engine)
        train += news_groups([parsed[f.stem] for f in files[args.news_limit:]], engine,
                             masked=False)
    dev_golds, dev_docs = gum_split(args.gum_dir, "dev", args.parsed)
    dev = groups_of(dev_golds, dev_docs, engine)
    if args.dump:
        Path(args.dump).write_text(json.dumps({"train": train, "dev": dev}))
    ranking = frozenset(args.rank)
    weights: dict[str, dict[str, float]] = {}
    thresholds: dict[str, float] = {}
    report: dict[str, Any] = {}
    for kind in ("description", "organisation"):
        best: tuple[Any, ...] | None = None
        for c in RANKING_C_GRID if kind in ranking else C_GRID:
            w = weights_of(*fit(train, kind, c, kind in ranking))
            dec = decisions(dev, kind, Ranker({kind: w}, {kind: 0.0}, ranking))
            t, cov, acc = tune_threshold(
                dec, fixed=0.0 if kind in NO_THRESHOLD else None,
                min_coverage=args.rank_coverage if kind in ranking else MIN_COVERAGE)
            print(f"{kind} C={c}: dev threshold {t:.3f} coverage {cov:.3f} accuracy {acc:.3f}",
                  file=sys.stderr)
            if best is None or (acc, cov) > (best[4], best[3]):
                best = (c, w, t, cov, acc)
        assert best is not None
        c, weights[kind], thresholds[kind], cov, acc = best
        report[kind] = {"C": c, "dev_coverage": round(cov, 4), "dev_accuracy": round(acc, 4),
                        "train_mentions": sum(1 for k, _, _ in train if k == kind)}
    weights["pronoun"], thresholds["pronoun"], report["pronoun"] = tune_pronouns(
        train, dev_reading(dev_golds, dev_docs, engine), Ranker(weights, thresholds, ranking),
        args.pronoun_coverage)
    data = {"about": "learned speaker resolver: logistic regression over (mention, candidate) "
                     "features, trained on GUM train, tuned on GUM dev by "
                     "scripts/train_resolver.py",
            "weights": weights, "thresholds": thresholds, "training": report}
    if ranking:
        data["ranking"] = sorted(ranking)
    Path(args.out or args.data / RESOLVER).write_text(json.dumps(data, indent=1, sort_keys=True)
                                                      + "\n")
    print(json.dumps(report), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
