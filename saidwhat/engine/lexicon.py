"""The learned cue lexicon: how likely a verb lemma is a cue, and its prepositions in the cue."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from saidwhat.engine.cue_model import CueModel, load_cue_model
from saidwhat.engine.linear import weights_json
from saidwhat.settings import CueSettings

# Lemmas whose attributions are beliefs, intentions or plans rather than speech.
THOUGHT_LEMMAS = frozenset(
    "believe think expect plan want hope fear feel consider doubt intend worry suspect "
    "assume wish know understand regard seem appear see view imagine guess reckon trust "
    "estimate figure predict anticipate aim seek decide".split()
)
# Fallback lexicon used when no trained lexicon ships (and always merged in).
SPEECH_LEMMAS = frozenset(
    "say tell add note argue suggest warn insist deny claim state explain announce "
    "report write tweet declare acknowledge admit confirm recall reply respond answer "
    "ask urge promise pledge vow predict concede contend assert maintain allege complain "
    "remark observe stress emphasize caution point continue describe call praise criticize "
    "accuse blame charge mention reveal disclose indicate testify propose recommend "
    "counter quip joke boast concede demand declare question wonder"
    .split()
)
# Every built-in lemma of saying or thinking.
TOLD_LEMMAS = SPEECH_LEMMAS | THOUGHT_LEMMAS


@dataclass(frozen=True)
class Lexicon:
    """Learned cue probabilities: lemma -> P(a verb with it is a cue), 'lemma prep' -> P(the
    preposition is in the cue), trained on PolNeAR train by scripts/train_cues.py; built-in
    speech and thought lemmas the training never saw get `fallback`."""

    lemmas: Mapping[str, float]
    preps: Mapping[str, float]
    fallback: float = CueSettings.fallback_probability
    model: CueModel | None = None  # the learned cue classifier, when one is installed

    def p(self, lemma: str) -> float:
        """Probability that a verb with this lemma is a cue (0 for unknown lemmas)."""
        p = self.lemmas.get(lemma)
        if p is None:
            return self.fallback if lemma in SPEECH_LEMMAS or lemma in THOUGHT_LEMMAS else 0.0
        return p

    def to_json(self) -> dict[str, Any]:
        """The learned probabilities in the cues.json layout."""
        out: dict[str, Any] = {"lemmas": {k: {"p": v} for k, v in self.lemmas.items()},
                               "preps": {k: {"p": v} for k, v in self.preps.items()}}
        if self.model is not None:
            out["model"] = self.model.to_json()
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None, settings: CueSettings) -> Lexicon:
        """A lexicon from cues.json data (None: none trained), with the cue classifier saved
        beside it under "model", if any."""
        try:
            learned = {k: float(v["p"]) for k, v in (data or {})["lemmas"].items()}
        except KeyError:
            learned = {}
        try:
            preps = {k: float(v["p"]) for k, v in (data or {}).get("preps", {}).items()}
        except KeyError:
            preps = {}
        model = CueModel.from_json(data["model"]) if data and data.get("model") else None
        return cls(learned, preps, settings.fallback_probability, model)


def load_lexicon(settings: CueSettings) -> Lexicon:
    """The lexicon the settings name (their lexicon_file, else the shipped cues.json) with the
    cue classifier they name (their model_file, else the shipped cue_model.json)."""
    lexicon = _load_lexicon(settings)
    if lexicon.model is None:
        lexicon = replace(lexicon, model=load_cue_model(settings.model_file))
    return lexicon


def _load_lexicon(settings: CueSettings) -> Lexicon:
    """The lexicon the settings name: their lexicon_file, else the shipped cues.json."""
    return Lexicon.from_json(weights_json("cues.json", settings.lexicon_file), settings)
