"""The spaCy component: `nlp.add_pipe("saidwhat")` sets `doc._.attributions`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.records import Attribution

if not Doc.has_extension("attributions"):
    Doc.set_extension("attributions", default=None)


class SaidWhat:
    """Pipeline component finding attributions and resolving their speakers on a parsed Doc."""

    def __init__(self, nlp: Language, name: str = "saidwhat") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from saidwhat.engine.attribute import attribute_doc

        doc._.attributions = list(attribute_doc(doc))
        return doc


def make_saidwhat(nlp: Language, name: str) -> SaidWhat:
    """Factory registered under the name "saidwhat" (entry point spacy_factories)."""
    return SaidWhat(nlp, name)


Language.factory("saidwhat", func=make_saidwhat)

__all__ = ["Attribution", "SaidWhat", "make_saidwhat"]
