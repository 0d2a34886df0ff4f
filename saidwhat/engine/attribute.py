"""Attribution assembly over a parsed Doc: cues, then contents and sources, scoring, speakers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from saidwhat.engine.contents import (
    FINITE_TAGS,
    Pieces,
    clause_content,
    content_for,
    drop_openers,
    ends_sentence,
    puts_it,
    reported_content,
    tokens_to_pieces,
    trim_pieces,
    true_to_text,
)
from saidwhat.engine.context import DocContext, build_context, named_referents, referent_mentions
from saidwhat.engine.cues import (
    MESSAGE_NOUNS,
    Cue,
    find_cues,
    is_reported_adverb,
)
from saidwhat.engine.drafts import Draft
from saidwhat.engine.layouts import (
    dash_signoffs,
    interview_turns,
    panel_sections,
    quote_colon_lines,
    tweet_signoffs,
    update_lines,
)
from saidwhat.engine.lexicon import TOLD_LEMMAS
from saidwhat.engine.not_said import not_said
from saidwhat.engine.nouns import find_noun_cues, noun_content, noun_source
from saidwhat.engine.quotes import Quote, doc_text
from saidwhat.engine.sources import asked_after, source_for
from saidwhat.engine.structure import (
    between_credits,
    is_credit_line,
    is_interruption,
    is_title_cased,
    line_at,
)
from saidwhat.records import Attribution, Mention, Speaker, slugify
from saidwhat.settings import AssemblySettings, LayoutSettings, Settings

if TYPE_CHECKING:
    from saidwhat.engine.engine import Engine


def kind_of(pieces: Pieces, quotes: list[Quote], text: str,
            direct_share: float = AssemblySettings.direct_share) -> str:
    """direct if the content is all quoted, mixed if it holds quoted fragments, else indirect."""
    inside = 0
    total = 0
    touches = False
    for s, e in pieces:
        for q in quotes:
            a, b = max(s, q.inner_start), min(e, q.inner_end)
            if b > a:
                touches = True
                inside += sum(1 for c in text[a:b] if not c.isspace())
        total += sum(1 for c in text[s:e] if not c.isspace())
    if not touches:
        return "indirect"
    return "direct" if inside >= direct_share * total else "mixed"


SET_OFF_HOWS = frozenset(("colon-paragraph", "block", "panel", "update"))  # set off, no marks


def kind_of_draft(draft: Draft, quotes: list[Quote], text: str,
                  direct_share: float = AssemblySettings.direct_share) -> str:
    """A draft's kind: words set off as a block after 'X said:' (a statement, testimony, a
    list of points) or as the page's block quote are direct; else as `kind_of` reads them."""
    if draft.how in SET_OFF_HOWS:
        return "direct"
    return kind_of(draft.content, quotes, text, direct_share)


def noun_pieces(doc: Doc, cue: Cue, source: Span | None) -> Pieces:
    """Content pieces of a noun cue: what it reports, without its source."""
    skip = {t.i for t in source} if source is not None else set()
    return tokens_to_pieces(t for t in noun_content(doc, cue) if t.i not in skip)


def continued_quotes(doc: Doc, quotes: list[Quote], drafts: list[Draft],
                     settings: AssemblySettings | None = None) -> list[Draft]:
    """Quotes standing alone after an attributed content are more of it: the same speaker goes
    on ("“A,” he said. “B.”", or “B.” opening the next paragraph), as PolNeAR joins them."""
    s = settings or AssemblySettings()
    drafts = list(drafts)
    nested = [is_nested(d) for d in drafts]  # the quote's words are not theirs
    describing = [in_a_source(doc, d, drafts) for d in drafts]  # cue and source never change
    covered = [p for d, n in zip(drafts, nested, strict=True) if not n for p in d.content]
    for q in quotes:
        if any(s < q.inner_end and q.inner_start < e for s, e in covered):
            continue
        if not _stands_alone(doc_text(doc), q):
            continue
        prior = [i for i, d in enumerate(drafts) if d.content and d.content[-1][1] <= q.start
                 and not nested[i] and not describing[i]]
        if not prior:
            continue
        i = max(prior, key=lambda k: drafts[k].content[-1][1])
        i = participle_host(doc, drafts, i)
        between = doc_text(doc)[drafts[i].content[-1][1] : q.start]
        if (between.count("\n") > s.continued_quote_max_newlines
                or len(between) > s.continued_quote_max_chars
                or narration_between(doc, drafts[i].content[-1][1], q.start)):
            continue
        drafts[i] = replace(drafts[i], content=drafts[i].content + (q.inner,))
        covered.append(q.inner)
    return drafts


def participle_host(doc: Doc, drafts: list[Draft], i: int) -> int:
    """The draft a participle cue's draft hangs on ('“A,” Sanders said, invoking the 2008 race.
    “B.”': 'invoking' hangs on 'said'; '“A,” Lee said when asked about it. “B.”': Lee was
    asked): the speaker going on is the one quoted, so a quote that continues goes to that
    draft; `i` itself when its cue is no such participle."""
    cue = drafts[i].cue
    if cue is None:
        return i
    head = doc[cue.head]
    if (head.tag_ != "VBG" or head.dep_ not in ("advcl", "conj", "xcomp")) and not (
            drafts[i].source is None and asked_after(head)):
        return i
    hosts = [k for k, d in enumerate(drafts) if k != i and d.cue is not None
             and d.cue.head == head.head.i and d.how == "quote"]
    return hosts[0] if hosts else i


def narration_between(doc: Doc, start: int, end: int) -> bool:
    """Whether the writer says something of their own between a content and a later quote: a
    sentence after the cue's on its line ('“A,” Trump added. He then asked the crowd. “B?”');
    a caption line between is read by `resumes_after_interruption`, not here."""
    line_end = doc_text(doc).find("\n", start, end)
    end = end if line_end < 0 else line_end
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    ended = False
    for t in span:
        if not start <= t.idx < end or t.is_space:
            continue
        if ends_sentence(t):
            ended = True
        elif ended and t.is_alpha:
            return True
    return False


def in_a_source(doc: Doc, draft: Draft, drafts: list[Draft]) -> bool:
    """Whether the draft's cue stands inside another draft's source ('said Rosie Smith, who
    wrote about the visit in the book'): the writer describing the speaker, whose quotes go on
    after it, not a speaker of its own to carry them."""
    if draft.cue is None:
        return False
    at = doc[draft.cue.head].idx
    if any(o is not draft and o.source is not None
           and o.source.start_char <= at < o.source.end_char for o in drafts):
        return True
    return describes_a_source(doc, draft, drafts)


def describes_a_source(doc: Doc, draft: Draft, drafts: list[Draft]) -> bool:
    """Whether the draft's cue stands in a relative clause on another draft's source that the
    source leaves out ('said a longtime adviser, who declined to be identified'): the writer
    still describing the speaker, whose quotes go on after it."""
    head = doc[draft.cue.head]
    clause = next((t for t in (head, *head.ancestors) if t.dep_ == "relcl"), None)
    if clause is None:
        return False
    at = clause.head.i
    return any(o is not draft and o.source is not None and o.source.start <= at < o.source.end
               for o in drafts)


def resumes_after_interruption(text: str, at: int) -> bool:
    """Whether the line holding `at` starts there, right after a photo caption, credit or
    advert line: the quote before it goes on across the interruption."""
    start = text.rfind("\n", 0, at) + 1
    if text[start:at].strip() or start == 0:
        return False
    prev_start, prev_end = line_at(text, start - 1)
    return is_interruption(text[prev_start:prev_end].strip())


def _stands_alone(text: str, q: Quote) -> bool:
    """A quote that makes a sentence by itself: only punctuation separates it from neighbours."""
    before = text[max(0, q.start - 3) : q.start]
    after = text[q.end : q.end + 2]
    starts = (before.strip() == "" or before.rstrip()[-1:] in ".!?”\"'’"
              or resumes_after_interruption(text, q.start))
    ends = after.strip() == "" or after.lstrip(" \t\xa0")[:1] == "\n" or not q.closed
    if not ends:
        ends = after[:1] in (" ", "\n") and (
            text[q.end : q.end + 4].strip()[:1] in ("“", '"', "")
            or text[q.end : q.end + 4].strip().startswith("''"))  # another quote follows
    if not ends:  # '“We're trying.” South Carolina, he said, …': a new sentence follows it
        ends = after[:1] == " " and text[q.end : q.end + 3].strip()[:1].isupper()
    words = text[q.inner_start : q.inner_end]
    return (starts and ends and len(words.split()) >= 1
            and (ends_a_sentence(words) or holds_a_sentence_end(words)))


# Marks that may close a sentence's words after its full stop ('… to do that.’', '… (Jr.)').
CLOSING_MARKS = " \t\xa0’'\"”)]"
_INNER_SENTENCE_END = re.compile(r"[a-z][.!?] +[A-Z“\"‘']")


def ends_a_sentence(words: str) -> bool:
    """Whether quoted words end a sentence: a full stop, question or exclamation mark last,
    or before the marks that close a quotation inside them ('… ‘I just can’t do that.’')."""
    return words.rstrip(CLOSING_MARKS)[-1:] in (".", "!", "?")


def holds_a_sentence_end(words: str) -> bool:
    """Whether quoted words are sentences though they close on something else: a sentence
    ends inside them ('It stopped raining. Wish the forecasters were wrong :)'); a title or a
    name ('the U.S. Army') holds none."""
    return _INNER_SENTENCE_END.search(words) is not None


def drafts_for(doc: Doc, engine: Engine, ctx: DocContext | None = None) -> list[Draft]:
    """All drafts of the doc, cue-anchored, with the quotes that continue them."""
    settings = engine.settings
    ctx = ctx or build_context(doc, settings)
    quotes = list(ctx.quotes)
    drafts: list[Draft] = []
    cues = find_cues(doc, list(ctx.in_quote), engine.lexicon, settings.cues)
    cue_heads = frozenset(c.head for c in cues if not c.nested)
    nouns = find_noun_cues(doc, ctx.in_quote, engine.lexicon.model,
                           settings.cues.noun_threshold) if settings.cues.learned else []
    for cue in cues + nouns:
        if cue in nouns:
            source = noun_source(doc, cue)
            pieces, how = noun_pieces(doc, cue, source), "noun"
        elif cue.nested:  # nested in a quote: its clause, inside that quote
            source = source_for(doc, cue, engine.lexicon, settings.sources)
            pieces, how = nested_content(doc, cue, source, quotes, settings)
        elif is_reported_adverb(doc[cue.head]):  # unnamed reports: no source
            source, pieces, how = None, reported_content(doc, cue), "reported"
        elif (aside := inverted_aside(doc, cue, settings.assembly)) is not None:
            source, pieces, how = aside[0], aside[1], "parenthetical"
        else:
            source = (source_for(doc, cue, engine.lexicon, settings.sources)
                      or participle_holder(doc, cue))
            pieces, how = content_for(doc, cue, source, quotes, cue_heads, settings.contents)
        if source is None and cue.type == "thought" and how != "patient":
            continue
        pieces = trim_pieces(doc_text(doc), true_to_text(doc, pieces, cue, source))
        if not pieces:
            continue
        if source is not None and any(s <= source.start_char < e for s, e in pieces):
            source = None  # the "source" is inside what was said
        drafts.append(Draft(cue, source, pieces, cue.type, 1.0, how=how))
    drafts = [inverted_line(doc, d) or d for d in drafts]
    drafts = with_messages_merged(doc, drafts)
    drafts = release_speaker_labels(doc, drafts, ctx)
    drafts += layout_drafts(doc, ctx, drafts, settings.layouts)
    drafts = _dedupe([d for d in drafts if not not_said(doc, d, settings.assembly)])
    drafts = [d for d in drafts if not from_title_or_credit(doc, quotes, d, settings.assembly)
              and not described_seeming(doc, d) and not source_in_credit(doc, d)]
    drafts = [replace(d, source=None) if source_off_line(doc, d) else d for d in drafts]
    drafts = [d for d in drafts
              if d.source is not None or d.type != "thought" or d.how == "patient"]
    drafts = continued_quotes(doc, quotes, drafts, settings.assembly)
    drafts.sort(key=lambda d: d.content[0][0])
    return drafts


# Messages sent whose words a participle after them gives: 'issued a statement Wednesday,
# saying …' (the parse hangs the participle on the verb, not on the statement).
SENT_MESSAGES = MESSAGE_NOUNS | {"ad", "note", "report", "letter", "video", "column"}


def message_sender(doc: Doc, draft: Draft, drafts: list[Draft]) -> Draft | None:
    """'Amazon released a statement saying, “…”', 'She wrote a letter to Comey urging …': the
    draft whose verb sends the message (its object) that the draft's participle cue hangs on,
    else None."""
    if draft.cue is None or doc[draft.cue.head].tag_ != "VBG":
        return None
    head = doc[draft.cue.head]
    if head.dep_ == "acl" and head.head.dep_ == "dobj":
        sender = head.head.head
    elif head.dep_ == "advcl" and any(
            c.dep_ == "dobj" and c.i < head.i and c.lemma_.lower() in SENT_MESSAGES
            for c in head.head.children):
        sender = head.head
    else:
        return None
    return next((o for o in drafts if o is not draft and o.cue is not None
                 and o.cue.head == sender.i and o.source is not None), None)


def with_messages_merged(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """One attribution for 'X released a statement saying …', as PolNeAR marks it: the sender
    as source, 'released a statement saying' as cue, the participle's words as content (not
    the statement as the sender's object, and the statement as a speaker of its own)."""
    merged: dict[int, Draft] = {}
    for d in drafts:
        outer = message_sender(doc, d, drafts)
        if outer is None or id(outer) in merged or d.cue is None or outer.cue is None:
            continue
        tokens = set(outer.cue.tokens) | set(d.cue.tokens)
        tokens |= set(range(outer.cue.head, d.cue.head + 1))
        cue = replace(d.cue, tokens=tuple(sorted(tokens)), p=max(d.cue.p, outer.cue.p))
        merged[id(outer)] = replace(d, cue=cue, source=outer.source)
        merged[id(d)] = merged[id(outer)]
    out: list[Draft] = []
    kept: set[int] = set()
    for d in drafts:
        m = merged.get(id(d), d)
        if id(m) not in kept:
            kept.add(id(m))
            out.append(m)
    return out


def enclosing_quote(doc: Doc, cue: Cue, quotes: list[Quote]) -> Quote | None:
    """The quotation whose words hold the cue's head, if any."""
    at = doc[cue.head].idx
    return next((q for q in quotes if q.inner_start <= at < q.inner_end), None)


def nested_content(doc: Doc, cue: Cue, source: Span | None, quotes: list[Quote],
                   settings: Settings) -> tuple[Pieces, str]:
    """The content of a cue nested in a quote: its clause from the parse, kept inside the
    quote that holds it (never the quote itself, which is the outer speaker's)."""
    quote = enclosing_quote(doc, cue, quotes)
    if quote is None:
        return (), "none"
    pieces, how = clause_content(doc, cue, source, frozenset(), settings.contents, ())
    a, b = quote.inner
    return tuple((max(s, a), min(e, b)) for s, e in pieces if s < b and a < e), how


def is_nested(draft: Draft) -> bool:
    """Whether the draft's cue is one nested in a quotation (`is_nested_cue`)."""
    return draft.cue is not None and draft.cue.nested


def participle_holder(doc: Doc, cue: Cue) -> Span | None:
    """'the Super PAC backing Jeb Bush', 'a group calling for a ban': the noun phrase a present
    participle cue modifies holds the stance it reports, up to the participle."""
    head = doc[cue.head]
    noun = head.head
    if (head.dep_ != "acl" or head.tag_ != "VBG" or noun.i > head.i
            or noun.pos_ not in ("NOUN", "PROPN")):
        return None
    end = min(cue.tokens)
    while end > noun.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[noun.left_edge.i : end]


# The words a name set after its cue may hold ('writes Beyer', 'notes the agency's Smith').
ASIDE_NAME_POS = frozenset(("PROPN", "NOUN", "DET", "ADJ", "PART"))
ASIDE_PRONOUNS = frozenset("he she they we i".split())
RELATIVE_DEPS = frozenset(("relcl", "acl", "appos"))
RELATIVE_WORDS = frozenset("that which who whom whose".split())


def _aside_name_end(doc: Doc, start: int, max_words: int) -> int | None:
    """Where a bare name after an aside's cue stops: the comma closing the aside, or None when
    anything but a short noun phrase ending in a name or 'he', 'she' stands before it."""
    for k in range(start, min(len(doc), start + max_words + 1)):
        tok = doc[k]
        if tok.text == ",":
            last = doc[k - 1] if k > start else None
            named = last is not None and (last.pos_ == "PROPN" and last.ent_type_ not in (
                "DATE", "TIME") or last.lower_ in ASIDE_PRONOUNS)
            return k if named else None
        if "\n" in tok.text or not (tok.pos_ in ASIDE_NAME_POS or tok.lower_ in ASIDE_PRONOUNS
                                    or tok.tag_ == "POS"):
            return None
    return None


def _clause_goes_on(doc: Doc, start: int, end: int) -> bool:
    """Whether the words after an aside carry on the sentence with a finite verb of its own
    (', is …'), not an apposition of the name (', a senior fellow at …', ', who runs …')."""
    for tok in doc[start:end]:
        if tok.text in (",", ";", ":") or "\n" in tok.text:
            return False
        if tok.tag_ in FINITE_TAGS and not any(
                t.dep_ in RELATIVE_DEPS for t in (tok, *tok.ancestors) if t.i >= start):
            return True
    return False


def inverted_aside(doc: Doc, cue: Cue,
                   settings: AssemblySettings | None = None) -> tuple[Span, Pieces] | None:
    """'The biggest reason advisors get fired, writes Beyer, is …', 'But, notes Stronge, the
    total capacity … is …': a one-word cue set off by commas inside a sentence, a name after
    it, reports the whole sentence around it (the parse reads the name as its object or the
    sentence's subject)."""
    verb = doc[cue.head]
    if (cue.tokens != (verb.i,) or verb.tag_ not in ("VBZ", "VBD", "VBP") or verb.i == 0
            or doc[verb.i - 1].text != ","):
        return None
    max_words = (settings or AssemblySettings()).aside_name_words
    end = _aside_name_end(doc, verb.i + 1, max_words)
    sent = verb.sent
    if (end is None or end + 1 >= len(doc) or doc[end + 1].is_quote
            or doc[end + 1].lower_ in RELATIVE_WORDS
            or not _clause_goes_on(doc, end + 1, sent.end)):
        return None  # a quotation after the aside is the quote rules' to take
    host = [t for t in sent if not verb.i - 1 <= t.i <= end]
    if sum(1 for t in host if not t.is_punct) < 3:
        return None
    return doc[verb.i + 1 : end], tokens_to_pieces(drop_openers(host))


# The words of a bare role or name after a line's closing cue ('says search chief').
LINE_SOURCE_POS = frozenset(("NOUN", "PROPN", "ADJ"))
LINE_CUE_LEMMAS = frozenset("say report confirm claim".split())
_LINE_LABEL = re.compile(r"\s*(?:\d{1,2}[.:]\d{2}\s*)?(?:[^.!?:\n]{0,40}:\s+)?")


def inverted_line(doc: Doc, draft: Draft) -> Draft | None:
    """'06.10 Update: total of 7 bodies recovered so far, says search chief.', '#QZ8501 search:
    DNA tests being conducted by police, says police chief http://…': a live-blog or tweet line
    that ends ', says ROLE' is the role's report of what comes before the comma (after a time
    stamp or label), which the parse read as the subject's words about the role."""
    if draft.cue is None or draft.how not in ("object", "ccomp"):
        return None
    verb = doc[draft.cue.head]
    if (verb.tag_ not in FINITE_TAGS or verb.lemma_.lower() not in LINE_CUE_LEMMAS
            or verb.i == 0 or doc[verb.i - 1].text != "," or draft.content[0][0] < verb.idx):
        return None  # a content before the cue: the parse already read the line this way
    end = verb.i + 1
    while (end < len(doc) and doc[end].pos_ in LINE_SOURCE_POS and not doc[end].like_url
           and "\n" not in doc[end].text):
        end += 1
    rest = doc[end] if end < len(doc) else None
    if end == verb.i + 1 or end - verb.i > 5 or doc[end - 1].pos_ not in ("NOUN", "PROPN") or (
            rest is not None and not (ends_sentence(rest) or rest.like_url or "\n" in rest.text)):
        return None
    text = doc_text(doc)
    start = max(line_at(text, verb.idx)[0], verb.sent.start_char)
    label = _LINE_LABEL.match(text, start, doc[verb.i - 1].idx)
    begin = label.end() if label else start
    if begin >= doc[verb.i - 1].idx:
        return None
    return replace(draft, source=doc[verb.i + 1 : end], how="inverted-line",
                   content=trim_pieces(text, ((begin, doc[verb.i - 1].idx),)))


LAYOUT_HOWS = frozenset(("colon", "dash", "turn", "panel", "update"))
# In the article's title-cased headline, a cue is a finite verb ('Trump Refuses To …') or one
# of these lemmas; a participle of another verb describes ('The Russian Leader Relishing …').
HEADLINE_CUE_LEMMAS = TOLD_LEMMAS | frozenset(("according", "show", "find"))


def from_title_or_credit(doc: Doc, quotes: list[Quote], draft: Draft,
                         settings: AssemblySettings) -> bool:
    """A cue in a title line below the headline (related-article links, subheads), unless what
    it says is quoted, or in a credit or promo line or a gallery caption between two credits:
    nobody is reported speaking there.
    A line whose cue sets off the paragraph below with a colon introduces a speaker, however
    many of its words are capitalised (a name, a title and a country before "said:")."""
    if draft.cue is None or draft.how in LAYOUT_HOWS:
        return False  # a layout cue (a 'Name:' label, a sign-off) is read by its own rule
    text = doc_text(doc)
    at = doc[draft.cue.head].idx
    start, end = line_at(text, at)
    if is_credit_line(text[start:end].strip()) or between_credits(text, start, end):
        return True
    if draft.how == "colon-paragraph":
        return False  # introduces_block: 'Ana Ruiz, the British Ambassador to Chile, said:'
    if not is_title_cased(text[start:end].strip(), settings):
        return False
    head = doc[draft.cue.head]
    if not text[:start].strip() and (head.lemma_.lower() in HEADLINE_CUE_LEMMAS
                                     or head.tag_ in FINITE_TAGS):
        return False  # the article's own headline saying who did what: 'Trump Refuses To …'

    quoted = sum(max(0, min(e, q.inner_end) - max(s, q.inner_start))
                 for s, e in draft.content for q in quotes)
    return quoted < settings.direct_share * sum(e - s for s, e in draft.content)


SEEMING_LEMMAS = frozenset(("seem", "appear", "look"))


def described_seeming(doc: Doc, draft: Draft) -> bool:
    """'Putin seemed to relish the attention', 'appeared pleased': the writer describing how
    someone looked, not anyone saying or thinking anything ('appeared to suggest' still is)."""
    if draft.cue is None:
        return False
    head = doc[draft.cue.head]
    if head.lemma_.lower() not in SEEMING_LEMMAS or any(c.dep_ == "ccomp" for c in head.children):
        return False
    return any(c.dep_ == "acomp" or c.dep_ == "xcomp" and c.lemma_.lower() not in TOLD_LEMMAS
               for c in head.children)


def source_off_line(doc: Doc, draft: Draft) -> bool:
    """A source on another line than its cue: the parse ran a headline, a price or a label into
    the sentence below it ("'Selma': DuVernay and Winfrey turn … film" as the subject of
    "Annie Lee Cooper … simply wanted"); paragraphs do not share a subject."""
    if draft.source is None or draft.cue is None or draft.how in LAYOUT_HOWS:
        return False
    text = doc_text(doc)
    between = text[min(draft.source.end_char, doc[draft.cue.head].idx):
                   max(draft.source.start_char, doc[draft.cue.head].idx)]
    return "\n" in between


def source_in_credit(doc: Doc, draft: Draft) -> bool:
    """A source standing in a photo credit or promo line ('Photo by Ana Ruiz/Reuters' parsed as
    the subject of the caption below it): a credit never speaks."""
    if draft.source is None or draft.how in LAYOUT_HOWS:
        return False
    text = doc_text(doc)
    return is_credit_line(text[slice(*line_at(text, draft.source.start_char))].strip())


def pull_quote(text: str, words: str) -> bool:
    """Whether a block's words run elsewhere in the article too (a pull quote repeats a line
    of the story), compared without case and punctuation."""
    def norm(s: str) -> str:
        return " ".join("".join(c if c.isalnum() else " " for c in s.lower()).split())

    return norm(text).count(norm(words)) > 1


def block_quote_drafts(doc: Doc, drafts: list[Draft], blocks: Pieces) -> list[Draft]:
    """Block quotes without quote marks are direct quotes of the speaker introduced just before
    them (testimony, a statement after 'X said:'): each paragraph joins the attribution that
    introduced it or the block's first paragraph. A block whose words the article also runs
    elsewhere is a pull quote, and a block after a paragraph with no attribution is left alone."""
    text = doc_text(doc)
    out = list(drafts)
    for s, e in blocks:
        words = text[s:e]
        if not words.strip() or words.lstrip()[:1] in "“\"'‘«" or pull_quote(text, words):
            continue
        inside = [k for k, d in enumerate(out) if any(a < e and s < b for a, b in d.content)
                  and d.cue is not None and not s <= doc[d.cue.head].idx < e]
        if inside:  # already read (the paragraph after 'He adds:'): it is set off, so direct
            out[inside[0]] = replace(out[inside[0]], how="block")
            continue
        prev_start, prev_end = line_at(text, max(0, s - 1))
        intro = [k for k, d in enumerate(out)
                 if d.cue is not None and d.source is not None
                 and (prev_start <= doc[d.cue.head].idx < prev_end
                      or d.how == "block" and prev_start <= d.content[-1][1] <= prev_end)]
        if not intro:
            continue
        k = intro[-1]
        d = out[k]
        if d.how == "block":
            out[k] = replace(d, content=d.content + ((s, e),))
        else:
            out.append(Draft(d.cue, d.source, ((s, e),), d.type, d.confidence, how="block"))
    return sorted(out, key=lambda d: d.content[0][0])


def scored_drafts(doc: Doc, engine: Engine, ctx: DocContext | None = None) -> list[Draft]:
    """Drafts with a learned confidence, those below the threshold dropped. Trusted ways of
    finding a candidate ('“…” ― Name' sign-offs, which PolNeAR train never shows) are kept, and
    so is the idiom that quotes ('“…,” as the Times put it'), whose verb is mostly an action."""
    drafts = drafts_for(doc, engine, ctx)
    scorer = engine.scorer
    if scorer is None or not engine.settings.scorer.enabled:
        return drafts
    threshold, clip = engine.threshold, engine.settings.scorer.logit_clip
    trusted = engine.settings.assembly.trusted_hows
    kept: list[Draft] = []
    for d in drafts:
        # nested in a quote: rated on its own, as PolNeAR (which the scorer learns from)
        # annotates the outermost attribution only and so teaches nesting itself a penalty
        nested = is_nested(d)
        conf = scorer.confidence(doc, d, [d] if nested else drafts, engine.lexicon, clip)
        trust = d.how in trusted or d.cue is not None and puts_it(doc[d.cue.head])
        reported = d.how == "reported"  # 'reportedly': kept, at the share PolNeAR marks
        if (trust or nested or reported
                or d.how == "colon" and _person_named_elsewhere(doc, d.source)):
            conf = max(conf, threshold)
        if conf >= threshold:
            calibrated = scorer.calibrated(conf)
            if trust:  # a layout or idiom the scorer cannot rate: its own trust
                calibrated = max(calibrated, engine.settings.assembly.trusted_confidence)
            if reported:
                calibrated = max(calibrated, engine.settings.assembly.reported_confidence)
            kept.append(replace(d, confidence=calibrated))
    return kept


def _person_named_elsewhere(doc: Doc, name: Span | None) -> bool:
    """Whether a 'Name:' label is a person the article names ('Smith:' and 'John Smith')."""
    if name is None or not name.text.split():
        return False
    words = name.text.split()
    return any(
        ent.label_ == "PERSON" and ent.text.split()[-1] == words[-1]
        and not (ent.start_char < name.end_char and name.start_char < ent.end_char)
        for ent in doc.ents
    )


def release_speaker_labels(doc: Doc, drafts: list[Draft], ctx: DocContext) -> list[Draft]:
    """Quoted pieces holding a 'NAME:' speaker label (a quoted transcript) go back to that
    label: the cue next to the quote did not say them."""
    labels = [(name.start_char, doc[cue.head].idx) for name, cue, _ in ctx.colon_lines]
    if not labels:
        return drafts
    out = []
    for d in drafts:
        if d.how == "quote":
            kept = tuple(p for p in d.content
                         if not any(p[0] <= at and colon < p[1] for at, colon in labels))
            if not kept:
                continue
            d = replace(d, content=kept)
        out.append(d)
    return out


def layout_drafts(doc: Doc, ctx: DocContext, drafts: list[Draft],
                  settings: LayoutSettings | None = None) -> list[Draft]:
    """Drafts for 'Name: words' lines and '― Name' sign-offs whose words no cue has claimed."""
    found = [(n, c, r, "colon") for n, c, r in ctx.colon_lines]
    found += [(n, c, r, "dash") for n, c, r in dash_signoffs(doc, list(ctx.quotes), settings)]
    found += [(n, c, r, "dash") for n, c, r in quote_colon_lines(doc, settings)]
    out = []
    for name, cue, rest, how in found:
        pieces = trim_pieces(doc_text(doc), (rest,))
        if pieces and not claimed_from_outside(doc, drafts, pieces):
            out.append(Draft(cue, name, pieces, "speech", 1.0, how=how))
    for name, cue, words in tweet_signoffs(doc, settings):  # the tweet's line is all its own
        pieces = trim_pieces(doc_text(doc), (words,))
        if pieces:
            out.append(Draft(cue, name, pieces, "speech", 1.0, how="dash"))
    for name, cue, words in update_lines(doc, settings):  # a live blog's hand-over, whole
        pieces = trim_pieces(doc_text(doc), (words,))
        if pieces:
            out.append(Draft(cue, name, pieces, "speech", 1.0, how="update"))
    for name, cue, words in interview_turns(doc, settings):  # the whole turn, whatever it quotes
        pieces = trim_pieces(doc_text(doc), (words,))
        if pieces:
            out.append(Draft(cue, name, pieces, "speech", 1.0, how="turn"))
    sections: dict[int, Draft] = {}
    for name, cue, words in panel_sections(doc, settings):  # a panellist's paragraphs, whole
        pieces = trim_pieces(doc_text(doc), (words,))
        if pieces:
            d = sections.get(name.start)
            sections[name.start] = (replace(d, content=d.content + pieces) if d is not None
                                    else Draft(cue, name, pieces, "speech", 1.0, how="panel"))
    out += sections.values()
    return out


def claimed_from_outside(doc: Doc, drafts: list[Draft], pieces: Pieces) -> bool:
    """Whether a draft whose cue stands outside these words already claims some of them ('he
    said:' above a quoted line). A cue inside them ('CLINTON: I believe that …') is an
    attribution nested in the labelled words, which PolNeAR annotates as well."""
    start, end = pieces[0][0], pieces[-1][1]
    for d in drafts:
        if not any(s < end and start < e for s, e in d.content):
            continue
        if d.cue is None or not start <= doc[d.cue.head].idx < end:
            return True
    return False


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One draft per content: the most confident wins."""
    best: dict[Pieces, Draft] = {}
    for d in drafts:
        if d.content not in best or d.confidence > best[d.content].confidence:
            best[d.content] = d
    return [d for d in drafts if best[d.content] is d]


def cue_pieces(doc: Doc, cue: Cue) -> Pieces:
    """Character pieces of a cue, a sign-off dash without the quote mark glued to it ('”―')."""
    pieces = tokens_to_pieces(doc[i] for i in cue.tokens)
    text = doc_text(doc)
    out = []
    for s, e in pieces:
        while e - s > 1 and text[s] in "\"“”":
            s += 1
        out.append((s, e))
    return tuple(out)


def _mention(doc: Doc, pieces: Pieces) -> Mention:
    """A record mention from character pieces of the doc."""
    return Mention.from_spans(doc_text(doc), pieces)


RELATIVE_PRONOUNS = frozenset(("that", "which"))
FACTIVE_LEMMAS = frozenset(("know", "realize", "understand", "recognize"))


def plausible_speaker(doc: Doc, draft: Draft, speaker: Speaker | None, drafts: list[Draft]) -> bool:
    """False for candidates whose speaker cannot be one: a 'that'/'which' standing for no one,
    or a factive verb inside someone else's reported words ("he said Navalny knew …")."""
    if draft.source is not None and draft.source.root.lower_ in RELATIVE_PRONOUNS:
        if speaker is None or speaker.type == "OTHER":
            return False
    if draft.cue is not None and doc[draft.cue.head].lemma_.lower() in FACTIVE_LEMMAS:
        start = draft.content[0][0]
        return not any(
            o is not draft and o.content[0][0] <= start < o.content[-1][1] for o in drafts
        )
    return True


FIRST_PERSON = frozenset(("i", "me", "my"))
# A speaker label (colon line, interview turn, panel heading) owns the first person of its words.
LABEL_HOWS = frozenset(("colon", "turn", "panel", "update"))


def _first_person(doc: Doc, ctx: DocContext, source: Span | None) -> bool:
    """A first-person singular source outside quote marks ('I hope …' in the writer's prose)."""
    return (source is not None and len(source) == 1 and source.root.lower_ in FIRST_PERSON
            and not ctx.in_quote[source.root.i])


def byline_person(byline: str | None) -> Speaker | None:
    """The page's byline as a speaker when it names one person ('Daniel Gross'; not
    'Letters', 'Staff and wires' or 'A and B')."""
    from saidwhat.engine.speakers.clusters import person_shaped

    name = " ".join((byline or "").split())
    name = name[3:] if name.lower().startswith("by ") else name
    if not person_shaped(name) or any(w.lower() in ("and", "staff") for w in name.split()):
        return None
    return Speaker(name=name, id=slugify(name), type="PERSON", resolved_by="pronoun")


def first_person_speakers(
    doc: Doc, ctx: DocContext, drafts: list[Draft], speakers: list[Speaker | None],
    byline: str | None, layouts: LayoutSettings | None = None,
) -> list[Speaker | None]:
    """'I' outside quotes is whoever speaks there: the label of the interview turn or
    transcript line it stands in ('AD … I kept saying'), else, outside every reported content,
    the page's writer (an op-ed's byline)."""
    writer = byline_person(byline)
    out = list(speakers)
    for n, d in enumerate(drafts):
        if not _first_person(doc, ctx, d.source):
            continue
        at = d.source.start_char  # type: ignore[union-attr]
        holders = [k for k, o in enumerate(drafts) if o is not d
                   and any(s <= at < e for s, e in o.content)]
        labels = [k for k in holders if drafts[k].how in LABEL_HOWS and speakers[k] is not None]
        if labels:
            out[n] = speakers[labels[0]]
        elif not holders:
            out[n] = writer or letter_signature(doc, at, layouts) or out[n]
    return out


def letter_signature(doc: Doc, at: int, s: LayoutSettings | None = None) -> Speaker | None:
    """The signature closing the letter a character offset stands in: the next short paragraph,
    past the letter's long ones, when it is only a person's name and a place ("Kim Gump,
    Dallas") -- a letters page's writer, whose "I" the byline ("Letters") does not name."""
    s = s or LayoutSettings()
    text = doc_text(doc)
    end = text.find("\n", at)
    paragraphs = 0
    while end >= 0:
        start = end + 1
        end = text.find("\n", start)
        line = text[start:end if end >= 0 else len(text)]
        if not line.strip():
            continue
        paragraphs += 1
        if paragraphs > s.signature_max_paragraphs:
            return None
        span = doc.char_span(start, start + len(line.rstrip()), alignment_mode="expand")
        if span is None or len(span) > s.signature_max_tokens:
            continue  # the letter goes on
        ents = [e for e in span.ents if e.label_ == "PERSON"]
        if (ents and ents[0].start == span.start and ents[0].end < span.end
                and doc[ents[0].end].text == "," and span[-1].pos_ == "PROPN"):
            name = " ".join(ents[0].text.split())
            return Speaker(name=name, id=slugify(name), type="PERSON", resolved_by="pronoun")
        return None  # a short line that signs nothing: a heading, the next letter's title
    return None


def nested_sources_open(doc: Doc, ctx: DocContext, drafts: list[Draft]) -> tuple[bool, ...]:
    """The in-quote flags the speaker resolver reads, with the sources of attributions nested
    in a quote unflagged: 'she' in '“She always felt …,” Baker said' is resolved like any
    other source, where the resolver leaves other quoted pronouns alone."""
    flags = list(ctx.in_quote)
    for d in drafts:
        if d.source is not None and is_nested(d):
            for t in d.source:
                flags[t.i] = False
    return tuple(flags)


def attribute_doc(doc: Doc, engine: Engine, byline: str | None = None,
                  block_quotes: Pieces = ()) -> Iterator[Attribution]:
    """Every attribution in the doc with its resolved speaker, offsets relative to doc_text(doc);
    `byline` is the page's writer, who the prose's 'I' is; `block_quotes` are the paragraphs
    the page sets as block quotes (doc offsets)."""
    yield from attribute_in_context(doc, engine, byline, block_quotes)[0]


def attribute_in_context(doc: Doc, engine: Engine, byline: str | None = None,
                         block_quotes: Pieces = ()) -> tuple[list[Attribution], DocContext]:
    """`attribute_doc`'s attributions, and the document's context with the referents the one
    speaker-resolver pass read for the pronouns and descriptions positions hang on."""
    from saidwhat.engine.speakers.resolve import resolve_mentions

    settings = engine.settings
    ctx = build_context(doc, settings)
    drafts = block_quote_drafts(doc, scored_drafts(doc, engine, ctx), block_quotes)
    quotes = list(ctx.quotes)
    wanted = referent_mentions(doc)
    speakers, read = resolve_mentions(doc, [d.source for d in drafts], wanted, settings,
                                      in_quote=nested_sources_open(doc, ctx, drafts),
                                      ranker=engine.resolver)
    ctx = replace(ctx, referents=named_referents(wanted, read))
    speakers = first_person_speakers(doc, ctx, drafts, speakers, byline, settings.layouts)
    out = []
    for d, speaker in zip(drafts, speakers, strict=True):
        if d.confidence < settings.scorer.min_confidence:
            continue
        if not plausible_speaker(doc, d, speaker, drafts):
            continue
        cue = d.cue
        out.append(Attribution(
            kind=kind_of_draft(d, quotes, doc_text(doc), settings.assembly.direct_share),
            type=d.type,
            content=_mention(doc, d.content),
            cue=_mention(doc, cue_pieces(doc, cue)) if cue else None,
            source=_mention(doc, ((d.source.start_char, d.source.end_char),)) if d.source else None,
            speaker=speaker,
            confidence=d.confidence,
        ))
    return out, ctx
