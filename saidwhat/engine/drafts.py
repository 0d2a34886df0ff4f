"""An attribution as the engine builds it, before speaker resolution and scoring."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from saidwhat.engine.contents import Pieces
from saidwhat.engine.cues import Cue


@dataclass(frozen=True)
class Draft:
    """An attribution before speaker resolution: token-level cue, source span, content pieces."""

    cue: Cue | None
    source: Span | None
    content: Pieces
    type: str
    confidence: float
    # how the content was found: quote ccomp xcomp following object parenthetical …
    how: str = "quote"
