"""Every threshold and weight of the engine and the runners, in one typed, documented object.

`Settings()` holds the defaults (they reproduce the shipped behaviour exactly). Users override
them with a TOML or JSON file (`saidwhat extract --settings FILE`) or, in spaCy, the
component's config (`nlp.add_pipe("saidwhat", config={"scorer": {"threshold": 0.6}})`).
A file names only what it changes, one table per section:

    [scorer]
    threshold = 0.6

    [speakers]
    last_speaker_bonus = 4

Each section is a frozen dataclass; each field's `doc` metadata says what it does.
Stages receive the section they use as an argument; nothing reads settings from a global.
"""

from __future__ import annotations

import difflib
import json
import typing
from collections.abc import Mapping
from dataclasses import MISSING, Field, asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any


class SettingsError(ValueError):
    """Settings that do not fit the Settings object (one line naming the file and the key)."""


def _s(default: Any, doc: str) -> Any:
    """A settings field: its default and a one-line doc of what it does."""
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class QuoteSettings:
    """Pairing quote marks in raw text (engine/quotes.py)."""

    max_quote_chars: int = _s(
        3000, "a quotation never runs past this many characters without closing")


@dataclass(frozen=True)
class CueSettings:
    """Which verbs are cues (engine/cues.py)."""

    min_probability: float = _s(
        0.1, "a verb is a cue when its lemma's learned cue probability is at least this")
    min_clause_probability: float = _s(
        0.05, "a rarer verb is a cue down to this probability when it has a subject and a "
        "that-clause")
    fallback_probability: float = _s(
        0.5, "cue probability of a built-in speech or thought lemma the trained lexicon lacks")
    reported_host_probability: float = _s(
        0.5, "a 'reportedly' on a verb the cue classifier rates at least this likely (or a "
        "built-in speech or thought verb) is that verb's cue, not one of its own")
    noun_verb_probability: float = _s(
        0.5, "a third-person verb the tagger reads as a plural noun with a subject of its own "
        "('As Dan Richter notes, “…”') is a cue when its lemma's learned cue probability is at "
        "least this")
    prep_probability: float = _s(
        0.5, "a preposition after a cue verb joins the cue when PolNeAR includes it more "
        "often than this")
    lexicon_file: str = _s(
        "", "a cue lexicon JSON (as written by scripts/train_cues.py); empty: the shipped one")
    learned: bool = _s(
        True, "cue candidates come from the learned cue classifier (false: from the lexicon's "
        "min_probability cut-off)")
    model_threshold: float | None = _s(
        None, "a token is a cue candidate when the classifier gives it at least this "
        "probability (default: the trained one)")
    model_file: str = _s(
        "", "a cue classifier JSON (as written by scripts/train_cue_model.py); empty: the "
        "shipped one")
    noun_threshold: float = _s(
        0.5, "a noun that reports a clause or an object ('claim that …', 'criticism of …') is "
        "a cue when the classifier gives it at least this probability (above 1: no noun cues)")
    nested_in_quotes: bool = _s(
        False, "a speech or thought verb inside quoted words may be a cue when its own "
        "third-person subject and its complement clause are in the same quote ('“She always "
        "felt it was unfair,” Baker said'); off: PolNeAR's guidelines annotate the outermost "
        "attribution only, and on, train joint fell 66.6 -> 66.1 and page precision 79.1 -> "
        "78.3 (recall 69.3 -> 70.1)")


@dataclass(frozen=True)
class SourceSettings:
    """Who a cue's words are attributed to (engine/sources.py)."""

    max_inherit_depth: int = _s(
        3, "how many governing verbs a subject-less cue climbs to borrow their subject")
    speaking_probability: float = _s(
        0.5, "', saying …' takes the subject of a governing verb with at least this cue "
        "probability")


@dataclass(frozen=True)
class ContentSettings:
    """What was said (engine/contents.py)."""

    max_gap_tokens: int = _s(
        12, "at most this many tokens stand between a cue and a quotation attached to it")
    max_following_gap_tokens: int = _s(
        8, "a misparsed complement clause starts fewer than this many tokens after its cue")
    max_colon_tail_words: int = _s(
        12, "a cue this many words or fewer before its line's closing colon takes the next "
        "paragraph (without quote marks) as its content")
    max_filled_gap_tokens: int = _s(
        3, "words misattached outside a content but inside its stretch ('they were|n't|…') "
        "are put back when the gap is at most this many tokens")
    entry_max_lines: int = _s(
        6, "in a live blog's time-stamped entry, a line ending in 'He writes:' takes at most "
        "this many lines after it, up to the next time-stamped entry")


@dataclass(frozen=True)
class LayoutSettings:
    """'Name: words' lines and '― Name' sign-offs (engine/layouts.py)."""

    max_name_tokens: int = _s(6, "a layout speaker name has at most this many tokens")
    max_name_chars: int = _s(
        60, "a layout speaker name runs at most this many characters after its capital")
    signature_max_tokens: int = _s(
        8, "a letter's signature ('Kim Gump, Dallas') has at most this many tokens")
    signature_max_paragraphs: int = _s(
        8, "a letter's 'I' stands at most this many paragraphs before its signature")
    panel_min_sections: int = _s(
        2, "a panel ('Name' line, role line, their paragraphs) has at least this many sections")
    panel_role_max_words: int = _s(15, "...and a role line at most this many words")
    update_max_lines: int = _s(
        6, "a live blog's 'More from NAME:' hands NAME at most this many lines after it")


@dataclass(frozen=True)
class AssemblySettings:
    """Putting candidates together (engine/attribute.py)."""

    direct_share: float = _s(
        0.9, "content is direct when at least this share of its characters is inside quote marks")
    continued_quote_max_newlines: int = _s(
        2, "a lone quote continues the previous content across at most this many line breaks")
    continued_quote_max_chars: int = _s(
        400, "...and at most this many characters after it")
    trusted_hows: tuple[str, ...] = _s(
        ("dash", "turn", "colon-paragraph", "panel", "update"),
        "candidates found these ways are kept whatever the scorer says")
    trusted_confidence: float = _s(
        0.9, "...with at least this confidence (the layouts are rare in PolNeAR train, so the "
        "calibration cannot rate them; interview turns and sign-offs on the real pages are "
        "nearly all right)")
    reported_confidence: float = _s(
        0.6, "a clause qualified by 'reportedly' (unnamed reports, no source) is kept with at "
        "least this confidence: PolNeAR train marks about 6 in 10 of them, a share the scorer, "
        "which never rated the adverb, cannot give")
    aside_name_words: int = _s(
        6, "a name set after a cue between commas ('…, writes Beyer, is …') has at most this "
        "many words")
    title_line_max_words: int = _s(
        20, "a title line (headline, related-article link) has at most this many words")
    title_line_min_words: int = _s(3, "...and at least this many capitalisable words")
    title_line_share: float = _s(
        0.75, "...of which at least this share is capitalised; no cue there is attributed "
        "unless its content is quoted")
    action_cue_probability: float = _s(
        0.7, "a thing (a common noun or 'it'/'this') as the subject of a cue the classifier "
        "rates below this, with only an object as its content, is an action, not an "
        "attribution ('The grants support programs …')")
    evidence_cue_probability: float = _s(
        0.4, "a thing (a common noun or 'it'/'this') as the subject of a cue the classifier "
        "rates below this, with a clause as its content, is evidence or description, not "
        "someone's words ('The apps allow people to report …', 'Those effects grow …')")
    headline_list_items: int = _s(
        3, "a bulleted run of at least this many headlines without full stops, not introduced "
        "by a colon, is a list of links to other stories; nothing in it is attributed")
    object_cue_probability: float = _s(
        0.4, "whoever the subject, a cue the classifier rates below this with only an object as "
        "its content (no clause, no quote) is an action ('He mounted his donkey', 'NWS began "
        "issuing outlooks'); a copula ('was critical of') stays")
    note_prose_words: int = _s(
        12, "a paragraph opening with a person's name and role ('NAME is the director of …') "
        "is a note on the writer when no line of at least this many words ending a sentence "
        "follows it; nothing in it is attributed")


@dataclass(frozen=True)
class ScorerSettings:
    """The learned confidence of candidates (engine/scorer.py)."""

    enabled: bool = _s(True, "score candidates and drop those below the threshold")
    threshold: float | None = _s(
        None, "confidence below which a candidate is dropped; none: the trained threshold")
    logit_clip: float = _s(30.0, "the linear score is clipped to ±this before the logistic")
    min_confidence: float = _s(
        0.0, "attributions below this confidence are left out of the output (--min-confidence)")
    weights_file: str = _s(
        "", "scorer weights JSON (as written by scripts/train_scorer.py); empty: the shipped one")


@dataclass(frozen=True)
class SpeakerSettings:
    """Speaker resolution: salience of antecedents and fit of descriptions (engine/speakers)."""

    learned: bool = _s(
        True, "rank pronoun and description referents with the learned resolver (false: the "
        "hand-set salience below)")
    resolver_file: str = _s(
        "", "speaker resolver weights JSON (as written by scripts/train_resolver.py); empty: "
        "the shipped one")
    description_window: int = _s(
        12, "narrative sentences back a person description looks for candidates (learned)")
    distance_points: tuple[int, ...] = _s(
        (15, 8, 6, 4, 2), "salience of a mention 0, 1, 2, … narrative sentences back; its "
        "length is how far pronouns look back")
    root_subject_bonus: int = _s(3, "salience bonus of a main-clause subject")
    subject_bonus: int = _s(1, "salience bonus of any other subject (or passive agent)")
    last_speaker_bonus: int = _s(
        5, "bonus of the previous attribution's speaker when at most a sentence back")
    earlier_speaker_bonus: int = _s(2, "...when further back (within the window)")
    recent_speakers: int = _s(4, "how many recent speakers get the recent-speaker bonus")
    recent_speaker_bonus: float = _s(1.0, "bonus of each other recent speaker")
    plural_org_penalty: int = _s(-2, "salience change of an organisation as antecedent of 'they'")
    gendered_bonus: int = _s(2, "bonus of a candidate of known gender for he/she")
    near_sentences: int = _s(
        1, "sentences back that count as near: last speaker, namesakes, a person's campaign")
    lede_reach: int = _s(
        2, "sentences after an indefinite story opener in which the name it stands for may come")
    lede_min_words: int = _s(
        12, "words of the first paragraph after the headline that make it the story's first "
        "body paragraph (a dateline line has fewer): where 'the airline' of the story is named")
    place_majority: int = _s(
        3, "times more place than person tags that make a one-word name a place ('Athens')")
    name_gender_votes: int = _s(3, "weight of gender evidence from a name or honorific")
    pronoun_gender_votes: int = _s(1, "weight of each he/she right after a lone named person")
    role_match: int = _s(6, "description fit: the head noun names a role they were given")
    nationality_match: int = _s(5, "description fit: a nationality word they were given")
    party_match: int = _s(4, "description fit: their party")
    role_synonym_match: int = _s(2, "description fit: a modifier synonymous with their role")
    role_word_match: int = _s(1, "description fit: any other modifier they were described with")
    former_match: int = _s(1, "description fit: 'former' for someone introduced as former")
    description_fit_weight: int = _s(2, "weight of the fit against salience for descriptions")
    description_salience_divisor: int = _s(
        2, "distance and role salience are divided by this for descriptions")
    description_mention_cap: int = _s(6, "mentions counted for description salience, at most")
    description_mention_divisor: int = _s(3, "...divided by this")
    description_last_speaker_bonus: int = _s(2, "description bonus of the previous speaker")
    org_word_overlap: float = _s(
        6.0, "'the company' fit: points per word shared with the organisation's name")
    org_mention_cap: int = _s(8, "mentions counted for organisation salience, at most")
    org_mention_divisor: int = _s(2, "...divided by this")
    org_recent_person_bonus: float = _s(
        5.0, "bonus of an organisation named after a person just mentioned")
    org_distance_divisor: int = _s(4, "distance salience is divided by this for organisations")
    max_title_tokens: int = _s(6, "title words read before a name ('Russian President …')")
    max_apposition_tokens: int = _s(12, "words read from an apposition or relative clause")
    max_left_titles: int = _s(3, "honorifics read before an untagged surname")
    repeated_name_times: int = _s(
        3, "a name the article writes whole this often keeps a last word it also writes in "
        "lower case ('Weather Underground' beside 'the underground')")
    max_group_prep_tokens: int = _s(
        10, "a group's prepositional phrase ('officials at the FBI') spans fewer tokens")
    max_clause_climb: int = _s(12, "heads climbed to test whether a name binds a pronoun")
    headline_org_min_tokens: int = _s(
        3, "organisations this long seen only in a title-cased headline are dropped")
    headline_max_words: int = _s(20, "a title-cased headline has at most this many words")
    headline_title_share: float = _s(
        0.6, "a headline is title-cased when this share of its words is capitalised")
    headline_period_title_share: float = _s(
        0.8, "a first line ending in '.' is a headline when this share of its words is "
        "capitalised")


@dataclass(frozen=True)
class PositionSettings:
    """Stances and agreements between speakers (engine/positions.py)."""

    min_valence: float = _s(
        1.5, "an evaluative content is a stance when its summed word valence is at least this")
    booster: float = _s(
        1.3, "a word's valence is multiplied by this under an intensifier ('very fair')")
    max_topic_words: int = _s(8, "topics longer than this are cut at a clause boundary")
    max_target_words: int = _s(8, "stance targets longer than this are cut")
    address_window: int = _s(
        3000, "characters before a quote searched for the person 'you' addresses")
    learned: bool = _s(
        True, "add the learned stance model's stances (engine/stance_model.py) to the rules'")
    model_file: str = _s(
        "", "stance model JSON (as written by scripts/train_positions.py); empty: the shipped one")
    model_window: int = _s(
        5, "tokens either side of a target whose valence is a stance-model feature (the model "
        "is trained with this value)")


@dataclass(frozen=True)
class RunSettings:
    """Batching in the runners (run/pipeline.py, run/runners.py, run/spark.py)."""

    nlp_batch_size: int = _s(32, "articles per nlp.pipe batch in the Python API")
    batch_articles: int = _s(8, "articles per worker task")
    batch_chars: int = _s(200_000, "...or fewer, once a task holds this many characters")
    in_flight_per_worker: int = _s(2, "tasks queued per worker process")
    spark_partitions_per_core: int = _s(4, "Spark partitions per default parallelism")
    orphan_watch_seconds: float = _s(
        1.0, "how often a worker checks that its parent process is still alive")


@dataclass(frozen=True)
class Settings:
    """All settings, one section per stage."""

    quotes: QuoteSettings = field(default_factory=QuoteSettings)
    cues: CueSettings = field(default_factory=CueSettings)
    sources: SourceSettings = field(default_factory=SourceSettings)
    contents: ContentSettings = field(default_factory=ContentSettings)
    layouts: LayoutSettings = field(default_factory=LayoutSettings)
    assembly: AssemblySettings = field(default_factory=AssemblySettings)
    scorer: ScorerSettings = field(default_factory=ScorerSettings)
    speakers: SpeakerSettings = field(default_factory=SpeakerSettings)
    positions: PositionSettings = field(default_factory=PositionSettings)
    run: RunSettings = field(default_factory=RunSettings)

    def to_dict(self) -> dict[str, dict[str, Any]]:
        """Plain dict, one mapping per section (tuples as lists)."""
        return {
            name: {k: list(v) if isinstance(v, tuple) else v for k, v in section.items()}
            for name, section in asdict(self).items()
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "settings") -> Settings:
        """Defaults overridden by a {section: {key: value}} mapping; SettingsError on a bad key."""
        return cls().updated(data, where)

    def updated(self, data: Mapping[str, Any], where: str = "settings") -> Settings:
        """These settings overridden by a {section: {key: value}} mapping."""
        if not isinstance(data, Mapping):
            raise SettingsError(f"{where}: expected a table of sections, got {_kind(data)}")
        sections = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        for name, values in data.items():
            if name not in sections:
                raise SettingsError(f"{where}: unknown section {name!r}{_suggest(name, sections)}")
            changes[name] = _section(getattr(self, name), values, f"{where}: {name}")
        return replace(self, **changes)


def _section(current: Any, values: Any, where: str) -> Any:
    """A section with `values` applied, each checked against its field's type."""
    if not isinstance(values, Mapping):
        raise SettingsError(f"{where}: expected a table of settings, got {_kind(values)}")
    known = {f.name: f for f in fields(current)}
    hints = typing.get_type_hints(type(current))
    changes = {}
    for key, value in values.items():
        if key not in known:
            raise SettingsError(f"{where}.{key}: unknown setting{_suggest(key, known)}")
        changes[key] = _coerce(value, hints[key], f"{where}.{key}")
    return replace(current, **changes)


def _suggest(key: str, known: Mapping[str, Any]) -> str:
    """' (did you mean …?)' for a near miss, else the known names when they are few."""
    close = difflib.get_close_matches(key, list(known), n=1)
    if close:
        return f" (did you mean {close[0]!r}?)"
    return f" (known: {', '.join(known)})" if len(known) <= 10 else ""


def _coerce(value: Any, hint: Any, where: str) -> Any:
    """The value as the field's type, or a SettingsError naming the setting."""
    args = typing.get_args(hint)
    if type(None) in args:
        if value is None:
            return None
        hint = next(a for a in args if a is not type(None))
    if hint is bool:
        if isinstance(value, bool):
            return value
    elif hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif hint is float:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    elif hint is str:
        if isinstance(value, str):
            return value
    elif typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        if isinstance(value, list | tuple):
            return tuple(_coerce(v, item, where) for v in value)
    raise SettingsError(f"{where}: expected {_type_name(hint)}, got {_kind(value)} {value!r}")


def _type_name(hint: Any) -> str:
    """How a field type reads in an error message."""
    if typing.get_origin(hint) is tuple:
        return f"a list of {_type_name(typing.get_args(hint)[0])}"
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string"}.get(
        hint, str(hint))


def _kind(value: Any) -> str:
    """The JSON/TOML kind of a value, for error messages."""
    return type(value).__name__


def load(path: str | Path, base: Settings | None = None) -> Settings:
    """Settings from a TOML (.toml) or JSON file over `base` (default: the defaults)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise SettingsError(f"{p}: cannot read settings: {exc.strerror or exc}") from exc
    try:
        if p.suffix.lower() == ".json":
            data = json.loads(raw)
        else:
            data = _toml(p).loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        kind = "JSON" if p.suffix.lower() == ".json" else "TOML"
        raise SettingsError(f"{p}: not valid {kind}: {' '.join(str(exc).split())}") from exc
    return (base or Settings()).updated(data, str(p))


def as_settings(value: Settings | Mapping[str, Any] | str | Path | None) -> Settings | None:
    """Settings from a Settings, a {section: {key: value}} mapping or a settings file path."""
    if value is None or isinstance(value, Settings):
        return value
    if isinstance(value, str | Path):
        return load(value)
    return Settings.from_dict(value)


def _toml(path: Path) -> Any:
    """The TOML reader: tomllib (Python 3.11+), else tomli if installed."""
    try:
        import tomllib

        return tomllib
    except ImportError:
        try:
            import tomli  # type: ignore[import-not-found]

            return tomli
        except ImportError:
            raise SettingsError(
                f"{path}: reading TOML needs Python 3.11+ or tomli; write the settings as JSON"
            ) from None


def documented() -> list[tuple[str, Any, str]]:
    """(section.key, default, doc) of every setting, in order: the reference table."""
    out = []
    for section in fields(Settings):
        cls = section.default_factory  # type: ignore[misc]
        for f in fields(cls):  # type: ignore[arg-type]
            out.append((f"{section.name}.{f.name}", _default(f), f.metadata.get("doc", "")))
    return out


def reference() -> str:
    """docs/settings.md: every setting with its default and doc, one table per section."""
    lines = ["# Settings reference", "",
             "Every setting of `saidwhat/settings.py`, with its default. Write the ones to "
             "change in a TOML or JSON file, one table per section, and pass it with "
             "`--settings FILE` (see README, Settings). Regenerate with "
             "`python scripts/settings_reference.py`.", ""]
    section = ""
    for key, default, doc in documented():
        name, field_name = key.split(".")
        if name != section:
            section = name
            cls = type(getattr(Settings(), name))
            lines += ["", f"## [{name}]", "", (cls.__doc__ or "").strip(), "",
                      "| setting | default | what it does |", "|---|---|---|"]
        lines.append(f"| `{field_name}` | `{_toml_value(default)}` | {doc} |")
    return "\n".join(lines).replace("\n\n\n", "\n\n") + "\n"


def _toml_value(value: Any) -> str:
    """A default as it is written in a TOML file (none: leave the key out)."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return repr(value)


def _default(f: Field) -> Any:
    """A field's default value."""
    return f.default if f.default is not MISSING else f.default_factory()  # type: ignore[misc]
