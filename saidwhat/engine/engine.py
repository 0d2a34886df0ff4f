"""What every engine stage reads besides the Doc: the settings and the learned artefacts.

An `Engine` is built once per pipeline (the spaCy component owns one; the runners build one per
process) and handed to the stages; nothing is cached process-wide, so two engines with
different settings run side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

from saidwhat.engine.lexicon import Lexicon, load_lexicon
from saidwhat.engine.scorer import Scorer, load_scorer
from saidwhat.engine.speakers.ranker import Ranker, load_ranker
from saidwhat.settings import Settings


@dataclass(frozen=True)
class Engine:
    """Settings, cue lexicon, candidate scorer and speaker resolver (None when no weights are
    installed)."""

    settings: Settings
    lexicon: Lexicon
    scorer: Scorer | None
    resolver: Ranker | None = None

    @classmethod
    def load(cls, settings: Settings | None = None) -> Engine:
        """The engine the settings describe, with the artefacts they name (default: shipped)."""
        s = settings if settings is not None else Settings()
        return cls(s, load_lexicon(s.cues), load_scorer(s.scorer), load_ranker(s.speakers))

    @property
    def threshold(self) -> float:
        """Confidence below which a candidate is dropped: the setting, else the trained one."""
        if self.settings.scorer.threshold is not None:
            return self.settings.scorer.threshold
        return self.scorer.threshold if self.scorer is not None else 0.0
