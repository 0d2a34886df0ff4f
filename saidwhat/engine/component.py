"""The spaCy component: `nlp.add_pipe("saidwhat", config={...})` finds who said what.

Settings come through spaCy's config, one table per engine section of `saidwhat.settings`
(`config={"scorer": {"threshold": 0.6}}`); the component owns its engine (settings, cue
lexicon, scorer), so pipelines with different settings run side by side. Results are stored
where spaCy's tools see them: `doc.spans["saidwhat_source" | "saidwhat_cue" |
"saidwhat_content"]` (and all three in `doc.spans["saidwhat"]`, labelled SOURCE, CUE,
CONTENT), plus plain data in `doc.user_data`, so a Doc survives `DocBin(store_user_data=True)`;
`doc._.attributions` builds the `Attribution` records from it. `nlp.to_disk()` writes the
settings, lexicon and scorer, and `spacy.load()` restores them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span

from saidwhat.engine.engine import Engine
from saidwhat.engine.lexicon import Lexicon
from saidwhat.engine.scorer import Scorer
from saidwhat.engine.speakers.ranker import Ranker
from saidwhat.records import Attribution, Mention
from saidwhat.settings import Settings

ATTRIBUTIONS_KEY = "saidwhat_attributions"  # doc.user_data: the attributions as plain data
SPANS_KEY = "saidwhat"  # doc.spans group holding every role, labelled by role
ROLE_KEYS = {"source": "saidwhat_source", "cue": "saidwhat_cue", "content": "saidwhat_content"}
# The settings sections the component takes from spaCy's config (the rest is for runners).
ENGINE_SECTIONS = ("quotes", "cues", "sources", "contents", "layouts", "assembly", "scorer",
                   "speakers")
REQUIRES = ["token.dep", "token.head", "token.lemma", "token.pos", "token.tag",
            "token.ent_type", "doc.sents", "doc.ents"]
ASSIGNS = ["doc._.attributions", "doc.spans"]


def get_attributions(doc: Doc) -> list[Attribution] | None:
    """The Attribution records of a processed doc (None if the component has not run)."""
    data = doc.user_data.get(ATTRIBUTIONS_KEY)
    if data is None:
        return None
    return [Attribution.from_dict(d) for d in data]


Doc.set_extension("attributions", getter=get_attributions, force=True)


def plain(a: Attribution) -> dict[str, Any]:
    """An attribution as msgpack-able data (the record layout, confidence unrounded)."""
    return {**a.to_dict(), "confidence": a.confidence}


def default_config() -> dict[str, dict[str, Any]]:
    """The component's config: every engine setting at its default."""
    full = Settings().to_dict()
    return {name: full[name] for name in ENGINE_SECTIONS}


class SaidWhat:
    """Pipeline component finding attributions and resolving their speakers on a parsed Doc."""

    def __init__(self, nlp: Language, name: str = "saidwhat",
                 settings: Settings | None = None) -> None:
        self.name = name
        self.engine = Engine.load(settings)

    @property
    def settings(self) -> Settings:
        """The settings this component runs with."""
        return self.engine.settings

    def __call__(self, doc: Doc) -> Doc:
        from saidwhat.engine.attribute import attribute_doc

        found = list(attribute_doc(doc, self.engine))
        doc.user_data.pop("saidwhat_text", None)  # the text cache: no need to serialise it
        doc.user_data[ATTRIBUTIONS_KEY] = [plain(a) for a in found]
        set_span_groups(doc, found)
        return doc

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Settings, lexicon and scorer as bytes."""
        return srsly.msgpack_dumps(self._artefacts())

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> SaidWhat:
        """Restore the lexicon and scorer written by to_bytes (settings come from the config)."""
        self._restore(srsly.msgpack_loads(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write settings.json (usable as `saidwhat --settings`), lexicon.json, scorer.json and
        resolver.json."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, data in self._artefacts().items():
            if data is not None:
                (path / f"{name}.json").write_text(json.dumps(data, indent=1), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SaidWhat:
        """Restore the lexicon and scorer written by to_disk (settings come from the config)."""
        path = Path(path)
        data = {name: json.loads((path / f"{name}.json").read_text(encoding="utf-8"))
                for name in ("lexicon", "scorer", "resolver") if (path / f"{name}.json").exists()}
        self._restore(data)
        return self

    def _artefacts(self) -> dict[str, Any]:
        """What to_disk/to_bytes write: settings, lexicon, scorer (None when absent)."""
        scorer, resolver = self.engine.scorer, self.engine.resolver
        return {"settings": self.settings.to_dict(), "lexicon": self.engine.lexicon.to_json(),
                "scorer": scorer.to_json() if scorer is not None else None,
                "resolver": resolver.to_json() if resolver is not None else None}

    def _restore(self, data: dict[str, Any]) -> None:
        """Use the saved lexicon and scorer with the current settings."""
        lexicon = Lexicon.from_json(data.get("lexicon"), self.settings.cues)
        scorer = Scorer.from_json(data["scorer"]) if data.get("scorer") else None
        resolver = Ranker.from_json(data["resolver"]) if data.get("resolver") else None
        self.engine = Engine(self.settings, lexicon, scorer, resolver)


def set_span_groups(doc: Doc, found: list[Attribution]) -> None:
    """Source, cue and content spans as doc.spans groups; one attribution's spans share span_id."""
    groups: dict[str, list[Span]] = {key: [] for key in (SPANS_KEY, *ROLE_KEYS.values())}
    for n, a in enumerate(found):
        roles = (("content", a.content, a.kind), ("cue", a.cue, a.type),
                 ("source", a.source, a.speaker.name if a.speaker else "unresolved"))
        for role, mention, label in roles:
            for span in _spans(doc, mention):
                groups[ROLE_KEYS[role]].append(Span(doc, span.start, span.end, label=label,
                                                    span_id=str(n)))
                groups[SPANS_KEY].append(Span(doc, span.start, span.end, label=role.upper(),
                                              span_id=str(n)))
    for key, spans in groups.items():
        doc.spans[key] = spans


def _spans(doc: Doc, mention: Mention | None) -> list[Span]:
    """Token spans covering each piece of a mention."""
    if mention is None:
        return []
    out = []
    for s, e in mention.spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and len(span):
            out.append(span)
    return out


def make_saidwhat(
    nlp: Language, name: str, quotes: dict[str, Any] | None = None,
    cues: dict[str, Any] | None = None, sources: dict[str, Any] | None = None,
    contents: dict[str, Any] | None = None, layouts: dict[str, Any] | None = None,
    assembly: dict[str, Any] | None = None, scorer: dict[str, Any] | None = None,
    speakers: dict[str, Any] | None = None,
) -> SaidWhat:
    """Factory registered as "saidwhat" (entry point spacy_factories); each argument is one
    settings section from the config."""
    given = {"quotes": quotes, "cues": cues, "sources": sources, "contents": contents,
             "layouts": layouts, "assembly": assembly, "scorer": scorer, "speakers": speakers}
    settings = Settings.from_dict({k: v for k, v in given.items() if v},
                                  where=f"config of component {name!r}")
    return SaidWhat(nlp, name, settings)


Language.factory("saidwhat", func=make_saidwhat, default_config=default_config(),
                 requires=REQUIRES, assigns=ASSIGNS)

__all__ = ["Attribution", "SaidWhat", "get_attributions", "make_saidwhat"]
