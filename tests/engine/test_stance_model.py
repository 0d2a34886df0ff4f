"""The learned stance model: candidates of small invented articles, their features, and how
the model's probabilities become stances beside the rules'."""

from __future__ import annotations

from dataclasses import replace

from saidwhat.engine import stance_model as M
from saidwhat.engine.positions import build_context, covered, find_positions
from saidwhat.records import Article, Mention, Position
from saidwhat.run.pipeline import attributions_in_context
from saidwhat.settings import PositionSettings

QUOTE = ("Council vote\n\nMayor Ann Kerr spoke on Monday. \"Joe Pratt is a dangerous liar who "
         "wrecked this city,\" Kerr told reporters.")
NARRATED = ("Primary\n\nSenator Bernie Sanders spoke in Vermont on Monday. Bernie Sanders "
            "decided to back Barack Obama after the primaries.")


def context(nlp, text: str):
    """The positions context of a one-article text (its attributions found as extract does)."""
    doc = nlp(text)
    article = Article("t", text, title=text.split("\n")[0], body=((0, len(text)),))
    atts, dctx = attributions_in_context(doc, article, 0)
    return build_context(doc, atts, None, dict(dctx.referents))


def model(weights: dict[str, tuple[float, float, float]], threshold: float = 0.5
          ) -> M.StanceModel:
    """A hand-set model: no stance unless the weights say so."""
    return M.StanceModel(weights, (2.0, 0.0, 0.0), threshold)


def test_probabilities_are_a_softmax_of_the_summed_weights():
    m = model({"cue:criticize": (0.0, 0.0, 5.0)})
    none, sup, opp = m.probabilities(["cue:criticize", "unknown feature"])
    assert abs(none + sup + opp - 1.0) < 1e-9
    assert opp > 0.9 > sup
    assert m.probabilities([])[0] > 0.75  # the bias alone says none


def test_a_quoted_person_is_a_candidate_with_the_valence_said_of_them(nlp):
    found = M.candidates(context(nlp, QUOTE), [])
    cand = next(c for c in found if c.target.endswith("Pratt"))
    assert cand.source.endswith("Kerr") and cand.kind == "PERSON"
    assert "tk_dep:PERSON|nsubj" in cand.features
    assert any(f.startswith("pv:<=-2") for f in cand.features)  # "a dangerous liar"
    assert "Pratt" in cand.evidence.text
    assert not any(c.target.endswith("Kerr") for c in found)  # no stance on oneself


def test_a_narrated_act_on_a_named_object_is_a_candidate(nlp):
    found = M.candidates(context(nlp, NARRATED), [])
    cand = next(c for c in found if c.target.endswith("Obama"))
    assert cand.source.endswith("Sanders")
    assert {"narrated", "verb:back", "n_vs:support"} <= set(cand.features)


def test_learned_stances_keep_those_over_the_threshold(nlp):
    ctx = context(nlp, QUOTE)
    strong = model({"tk_dep:PERSON|nsubj": (0.0, 0.0, 6.0)})
    found = M.learned_stances(ctx, [], strong)
    assert [(p.source.split()[-1], p.polarity, p.target) for p in found] == [
        ("Kerr", "oppose", "Joe Pratt")]
    assert M.learned_stances(ctx, [], strong, threshold=0.999) == []
    assert M.learned_stances(ctx, [], model({})) == []


def test_one_learned_stance_per_source_and_sentence(nlp):
    text = ("Race\n\nMayor Ann Kerr spoke on Monday. \"Joe Pratt and Tom Becker are both "
            "liars,\" Kerr said.")
    ctx = context(nlp, text)
    found = M.learned_stances(ctx, [], model({"tk:PERSON": (0.0, 0.0, 6.0)}))
    assert len(found) == 1


def test_a_rule_stance_on_the_same_target_covers_a_learned_one():
    ev = Mention("x", ((0, 1),))
    rule = Position("stance", "Joe Pratt", ev, source="Ann Kerr", target="Joe Pratt",
                    polarity="oppose")
    assert covered(replace(rule, target="Pratt", topic="Pratt"), [rule])
    assert covered(replace(rule, polarity="support"), [rule])  # the model never overrules
    assert not covered(replace(rule, source="Tom Becker"), [rule])
    assert not covered(replace(rule, target="Tom Becker", topic="Tom Becker"), [rule])


def test_rule_polarity_reads_the_rules_on_that_source_and_target():
    ev = Mention("x", ((0, 1),))
    rules = [Position("stance", "the plan", ev, source="Ann Kerr", target="Joe Pratt",
                      polarity="oppose")]
    assert M.rule_polarity("Ann Kerr", "Pratt", rules) == "oppose"
    assert M.rule_polarity("Ann Kerr", "Tom Becker", rules) == "none"
    rules.append(replace(rules[0], polarity="support"))
    assert M.rule_polarity("Ann Kerr", "Pratt", rules) == "both"


def test_the_learned_setting_turns_the_model_off(nlp):
    ctx = context(nlp, QUOTE)
    doc, atts = ctx.doc, ctx.attributions
    off = find_positions(doc, atts, 0, PositionSettings(learned=False), dict(ctx.referents),
                         M.learned)
    on = find_positions(doc, atts, 0, PositionSettings(), dict(ctx.referents), M.learned)
    assert set(off) <= set(on)
    bare = M.learned(context(nlp, QUOTE), [])
    assert M.learned(replace(ctx, rules=PositionSettings(learned=False)), []) == []
    assert all(p.relation == "stance" and not p.explicit for p in bare)


def test_the_shipped_model_loads_with_its_threshold():
    shipped = M.load_stance_model()
    assert shipped is not None and 0.0 < shipped.threshold < 1.0
    assert all(len(w) == 3 for w in shipped.weights.values())


def test_a_supposed_or_asked_target_is_no_candidate(nlp):
    text = ("Race\n\nMayor Ann Kerr spoke on Monday. \"If Joe Pratt wins, we could all lose,\" "
            "Kerr said. \"Is Tom Becker a liar?\" Kerr asked. \"Sue Lam is a liar,\" Kerr said.")
    targets = {c.target for c in M.candidates(context(nlp, text), [])}
    assert not targets & {"Joe Pratt", "Tom Becker"}
    assert "Sue Lam" in targets


def test_what_someone_else_does_to_a_target_is_no_candidate(nlp):
    text = ("Race\n\nGeoff Garin spoke on Monday. \"It is hard for the Republicans to attack Tom "
            "Hale,\" Garin said. \"I will attack Sue Lam,\" Garin said.")
    targets = {c.target for c in M.candidates(context(nlp, text), [])}
    assert "Tom Hale" not in targets
    assert "Sue Lam" in targets


def test_a_safe_candidate_is_no_valence(nlp):
    ctx = context(nlp, "Race\n\n\"Ann Lee is safe in this district,\" Sam Ruiz said.")
    vals = M.Valences(ctx.doc)
    safe = next(t for t in ctx.doc if t.lower_ == "safe")
    assert vals[safe.i] == 0.0


def test_denying_something_bad_of_a_target_opposes_no_one() -> None:
    from saidwhat.engine.stance_model import denies_a_fault

    assert denies_a_fault(("bias", "gv:<=-2", "neg"), "oppose")
    assert not denies_a_fault(("bias", "gv:<=-2"), "oppose")  # "The party is in a crisis"
    assert not denies_a_fault(("bias", "gv:>2", "neg"), "oppose")
    assert not denies_a_fault(("bias", "gv:<=-2", "neg"), "support")
