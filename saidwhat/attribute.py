"""Attribution finding over a parsed Doc: cues, then contents, then sources, then speakers."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from saidwhat.records import Attribution


def attribute_doc(doc: Doc) -> Iterator[Attribution]:
    """Every attribution in the doc, offsets relative to doc.text (work in progress)."""
    return iter(())
