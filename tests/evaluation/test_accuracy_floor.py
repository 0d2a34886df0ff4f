"""Accuracy must not fall: PolNeAR dev F1 against saidwhat/data/baseline.json.

The baseline has the layout `saidwhat evaluate --json` prints, so refreshing it is
`saidwhat evaluate ../shared/data/polnear/dev --workers 1 -q --json > saidwhat/data/baseline.json`.
"""

import json
from pathlib import Path

import pytest

from saidwhat.evaluation import evaluate as evaluate_module
from saidwhat.evaluation.evaluate import evaluate, extract_predictions, load_gold

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
DEV = SHARED / "data" / "polnear" / "dev"
BASELINE = Path(evaluate_module.__file__).parents[1] / "data" / "baseline.json"
TOLERANCE = 1.0  # F1 points a change may cost before this test fails

# (label, path into the --json layout)
GUARDED = (
    ("source exact F1", ("source", "exact", "f1")),
    ("cue exact F1", ("cue", "exact", "f1")),
    ("content exact F1", ("content", "exact", "f1")),
    ("attribution F1", ("attribution", "f1")),
)


def lookup(d: dict, path: tuple[str, ...]) -> float | None:
    """The value at path in a nested dict, None when absent."""
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d  # type: ignore[return-value]


def fallen_below(floors: dict[str, float | None], measured: dict) -> list[str]:
    """One line per guarded score more than TOLERANCE below its floor."""
    fallen = []
    for label, path in GUARDED:
        value, floor = lookup(measured, path), floors[label]
        if floor is not None and (value is None or value < floor - TOLERANCE):
            fallen.append(f"{label}: {value} < baseline {floor} - {TOLERANCE}")
    return fallen


def test_fallen_below_allows_the_tolerance_and_no_more() -> None:
    floors = {label: 50.0 for label, _ in GUARDED}
    measured = {"source": {"exact": {"f1": 49.0}}, "cue": {"exact": {"f1": 48.9}},
                "content": {"exact": {"f1": 60.0}}, "attribution": {"f1": 50.0}}
    assert fallen_below(floors, measured) == ["cue exact F1: 48.9 < baseline 50.0 - 1.0"]


def test_baseline_file_has_the_json_layout() -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    for _, path in GUARDED:
        assert path[0] in baseline and path[-1] in (lookup(baseline, path[:-1]) or {})


@pytest.mark.slow
@pytest.mark.timeout(1200)
@pytest.mark.skipif(not DEV.is_dir(), reason="PolNeAR dev split not found next to the repo")
def test_dev_accuracy_does_not_fall_below_the_baseline() -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    floors = {label: lookup(baseline, path) for label, path in GUARDED}
    if any(v is None for v in floors.values()):
        pytest.skip(f"{BASELINE.name} has no measured numbers yet (null values): fill it with "
                    "`saidwhat evaluate <dev> --json`")
    docs, _ = load_gold(DEV)
    predictions, problems = extract_predictions(docs, model=None, workers=1, progress=False)
    assert not problems, problems[:3]
    measured = evaluate(docs, predictions).to_dict()
    print(json.dumps(measured))
    fallen = fallen_below(floors, measured)
    assert not fallen, "dev accuracy fell: " + "; ".join(fallen)
