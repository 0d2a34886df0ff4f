"""Attribution finding over a parsed Doc: cues, then contents, then sources, then speakers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from saidwhat.cues import Cue, find_cues, lexicon
from saidwhat.layouts import colon_lines, dash_signoffs
from saidwhat.quotes import Quote, doc_text, find_quotes
from saidwhat.records import Attribution, Mention, Speaker

Pieces = tuple[tuple[int, int], ...]

SUBJECT_DEPS = ("nsubj", "csubj")
# Relations through which a subject-less cue borrows its head's subject ("…, saying …", "and said").
INHERIT_DEPS = ("advcl", "conj", "xcomp", "pcomp", "acl", "ccomp")
CONTENT_DEPS = ("ccomp", "csubj")
INTENT_DEPS = ("xcomp",)
INTENT_LEMMAS = frozenset(
    "want plan expect hope intend seek aim decide promise vow pledge threaten refuse decline "
    "agree urge vote offer try wish need prefer".split()
)
OBJECT_CONTENT_LEMMAS = frozenset(
    "deny announce propose predict promise pledge vow call urge demand defend criticize praise "
    "reveal confirm acknowledge admit question describe endorse support oppose reject dismiss "
    "want seek expect fear recommend cite".split()
)
MAX_GAP_TOKENS = 12
LEAD_IN_DEPS = (
    "advmod", "npadvmod", "prep", "dative", "nsubj", "aux", "neg", "punct", "agent", "prt",
)
ADDRESS_LEMMAS = frozenset("tell ask inform remind warn assure urge write".split())


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


def token_in_quote(doc: Doc, quotes: list[Quote]) -> list[bool]:
    """For each token, whether it lies inside the marks of a quotation."""
    flags = [False] * len(doc)
    qi = 0
    for tok in doc:
        while qi < len(quotes) and quotes[qi].inner_end <= tok.idx:
            qi += 1
        if qi < len(quotes) and quotes[qi].inner_start <= tok.idx < quotes[qi].inner_end:
            flags[tok.i] = True
    return flags


def tokens_to_pieces(tokens: Iterable[Token]) -> Pieces:
    """Character pieces covering the given tokens, contiguous runs merged."""
    toks = sorted(tokens, key=lambda t: t.i)
    pieces: list[list[int]] = []
    last_i = -2
    for t in toks:
        if t.i == last_i + 1 and pieces:
            pieces[-1][1] = t.idx + len(t.text)
        else:
            pieces.append([t.idx, t.idx + len(t.text)])
        last_i = t.i
    return tuple((s, e) for s, e in pieces)


# Sentence openers PolNeAR leaves out of a parsed content ("However, he said, …", "But …").
OPENER_WORDS = frozenset("however but and so also yet still meanwhile instead moreover".split())


def drop_openers(tokens: Iterable[Token]) -> list[Token]:
    """Tokens of a parsed content without a leading conjunction or linking adverb and its comma."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].lower_ in OPENER_WORDS
                    and toks[0].dep_ in ("cc", "advmod")):
        toks = toks[1:]
    if len(toks) > 2 and toks[0].lower_ == "in" and toks[1].lower_ == "addition":
        toks = toks[2:]
        while toks and toks[0].is_punct:
            toks = toks[1:]
    return toks


TRAILING_CC = (" and", " or", " but")


def _without_trailing_cc(text: str, s: int, e: int) -> int:
    """The end of text[s:e] with a dangling conjunction dropped ('… his training, and')."""
    for word in TRAILING_CC:
        if text.endswith(word, s, e) and e - len(word) > s:
            return e - len(word)
    return e


def trim_pieces(text: str, pieces: Pieces) -> Pieces:
    """Pieces with surrounding whitespace and commas/periods removed; empty pieces dropped."""
    out = []
    for s, e in pieces:
        while s < e and (text[s].isspace() or text[s] in ",;:—–-"):
            s += 1
        end = -1
        while end != e:
            end = e
            while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
                e -= 1
            e = _without_trailing_cc(text, s, e)
        if e > s and not all(not c.isalnum() for c in text[s:e]):
            out.append((s, e))
    return tuple(out)


# ---------------------------------------------------------------- sources


def nearest_subject(verb: Token, subjects: list[Token]) -> Token:
    """Of several subjects (a misparsed quote before "…, he said"), the one nearest the verb."""
    before = [s for s in subjects if s.i < verb.i]
    return before[-1] if before else subjects[0]


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a verb, borrowed from the governing verb for participles and conjuncts."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return nearest_subject(verb, subjects)
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and depth < 3:
        subjects = [
            (anc, subj) for anc in verb.ancestors
            for subj in [next((c for c in anc.children if c.dep_ in SUBJECT_DEPS), None)]
            if subj is not None and subj.lower_ != "there"
        ]
        # '…, saying …' goes on the speaker who said, not a clause inside what was said
        speaking = [subj for anc, subj in subjects if lexicon().get(anc.lemma_.lower(), 0.0) >= 0.5]
        if speaking or subjects:
            return (speaking or [subjects[0][1]])[0]
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and depth < 3:
        # "responded by saying …", "stopped short of calling …": the governing verb's subject
        return subject_of(verb.head.head, depth + 1)
    if depth < 3 and verb.dep_ in INHERIT_DEPS and verb.head is not verb:
        if verb.dep_ == "ccomp" and verb.i > verb.head.i:
            return None
        return subject_of(verb.head, depth + 1)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head
    return None


def mention_span(head: Token) -> Span:
    """The full noun phrase a source head stands for (appositions, clauses), on its line."""
    doc = head.doc
    if head.dep_ == "poss" or head.tag_ in ("PRP$", "WP$"):
        return doc[head.i : head.i + 1]
    start, end = head.left_edge.i, head.right_edge.i
    for c in head.children:
        # a comma-set participle clause is not the source ("Trump, speaking to veterans, said")
        if c.i > head.i and c.dep_ == "acl" and c.tag_ == "VBG" \
                and doc[c.left_edge.i - 1].text == ",":
            end = min(end, c.left_edge.i - 2)
    while start < head.i and (
        doc[start].is_punct or doc[start].is_space or "\n" in doc[start:head.i].text
    ):
        start += 1
    while end > head.i and (
        doc[end].is_punct or doc[end].is_space or "\n" in doc[head.i : end + 1].text
    ):
        end -= 1
    return doc[start : end + 1]


def source_for(doc: Doc, cue: Cue) -> Span | None:
    """The source mention of a cue."""
    head = doc[cue.head]
    if cue.tokens == (cue.head, cue.head + 1) and head.lower_ == "according":
        to = doc[cue.head + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        objs = objs or [c for c in head.children if c.dep_ == "pobj"]
        if objs:
            return mention_span(objs[0])
        after = [nc for nc in doc.noun_chunks if nc.start == to.i + 1 or nc.start == to.i + 2]
        return after[0] if after else None
    subj = subject_of(head)
    return mention_span(subj) if subj is not None else None


# ---------------------------------------------------------------- contents


def _sibling_cue_tokens(doc: Doc, head: Token, cue_heads: frozenset[int]) -> set[int]:
    """Tokens of participle cues hanging inside the content (', calling …', ', adding …')."""
    cut: set[int] = set()
    for t in head.subtree:
        if t.i in cue_heads and t.i != head.i and t.dep_ in ("advcl", "conj") and t.tag_ == "VBG":
            cut |= {x.i for x in t.subtree}
    return cut


def _following_clause(head: Token) -> Token | None:
    """A misparsed complement: the first clause with a subject right of the cue, no comma before."""
    doc = head.doc
    for t in head.subtree:
        if t.i <= head.i or t.pos_ not in ("VERB", "AUX"):
            continue
        if t.dep_ == "relcl" and any(c.dep_ in SUBJECT_DEPS for c in t.children):
            between = doc[head.i + 1 : t.left_edge.i]
            if not any(x.text in (",", ";", ":", ".") for x in between) and len(between) < 8:
                return t
    return None


TRAILING_DEPS = ("advcl", "punct", "cc", "conj", "npadvmod")


def _in_trailing_clause(tok: Token, head: Token) -> bool:
    """Whether a token hangs off the cue verb through an adverbial clause or conjunct."""
    while tok.head.i != head.i and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in TRAILING_DEPS


# Prepositional phrases on the cue verb that set the scene rather than carry content.
SCENE_PREPS = frozenset(
    "during in at after before since while with from amid despite following".split()
)


# Verbs whose 'to' names who was spoken to ("spoke to reporters about …"), not what was said.
TO_ADDRESSEE_LEMMAS = frozenset(
    "speak talk say explain complain write describe announce boast brag apologize "
    "lie mention report tweet yell shout sing whisper reply".split()
)


def _is_scene_prep(prep: Token, head: Token) -> bool:
    """A prepositional phrase of the cue verb that sets the scene: a place or occasion
    ('during the debate'), a time ('on Monday'), or the addressee ('spoke to reporters')."""
    if prep.lower_ in SCENE_PREPS:
        return True
    if prep.lower_ == "to" and head.lemma_.lower() in TO_ADDRESSEE_LEMMAS:
        return True
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _in_aside(tok: Token, head: Token) -> bool:
    """Whether a token sits in a scene-setting phrase of the cue or a comma-set relative clause."""
    node = tok
    while node.i != head.i and node.head.i != node.i:
        left = node.left_edge.i
        if node.dep_ == "relcl" and left > 0 and node.doc[left - 1].text in (",", "--", "—"):
            return True
        if node.head.i == head.i and node.dep_ == "prep" and _is_scene_prep(node, head):
            return True
        node = node.head
    return False


def clause_content(
    doc: Doc, cue: Cue, source: Span | None, cue_heads: frozenset[int]
) -> tuple[Pieces, str]:
    """Content from the parse, and how it was found: complement clause, intention, or object."""
    head = doc[cue.head]
    lemma = head.lemma_.lower()
    exclude = set(cue.tokens) | _sibling_cue_tokens(doc, head, cue_heads)
    if source is not None:
        exclude |= {t.i for t in source}
    comps, how = [c for c in head.children if c.dep_ in CONTENT_DEPS], "ccomp"
    if not comps and any(c.dep_ == "agent" for c in head.children):
        comps, how = [c for c in head.children if c.dep_ in ("nsubjpass", "csubjpass")], "passive"
    if not comps and lemma in INTENT_LEMMAS:
        comps, how = [c for c in head.children if c.dep_ in INTENT_DEPS], "xcomp"
        if comps:
            comps += [c for c in head.children if c.dep_ == "dobj" and c.i < comps[0].i]
    if not comps and lemma not in OBJECT_CONTENT_LEMMAS:
        clause = _following_clause(head)
        comps, how = ([clause] if clause is not None else []), "following"
    patient = _agentless_patient(head) if source is None else None
    if comps:
        toks = [t for c in comps for t in c.subtree if t.i not in exclude]
        if patient is not None and how != "ccomp":
            toks += [t for t in patient.subtree if t.i not in exclude]
            how = "patient"
        return tokens_to_pieces(drop_openers(toks)), how
    if source is not None or patient is not None:
        right = [t for t in head.subtree if t.i > max(cue.tokens) and t.i not in exclude
                 and not _in_trailing_clause(t, head) and not _in_aside(t, head)]
        while right and right[0].dep_ == "prep" and right[0].head.i == head.i:
            right = right[1:]
        if patient is not None and any(t.pos_ in CONTENT_POS for t in right):
            toks = [t for t in patient.subtree if t.i not in exclude] + right
            return tokens_to_pieces(drop_openers(toks)), "patient"
        if right and not (len(right) == 1 and right[0].pos_ == "PRON"):
            return tokens_to_pieces(right), "object"
    return (), "none"


# Word classes a content needs beyond function words ('Nothing is said here at all' has none).
CONTENT_POS = frozenset(("NOUN", "PROPN", "VERB", "ADJ", "NUM"))


def _agentless_patient(head: Token) -> Token | None:
    """The subject of a passive cue with no agent ('Quiros was accused of …'): part of the
    content, since nobody in the sentence is said to have spoken."""
    if any(c.dep_ == "agent" for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def parenthetical_content(doc: Doc, cue: Cue, source: Span | None) -> Pieces:
    """Content of a parenthetical cue ('That is why, Biden continued, the US …'): its host."""
    head = doc[cue.head]
    if head.dep_ not in ("parataxis",) and not (head.lower_ == "according"):
        return ()
    if head.lower_ == "according":
        host = head.head
        while host.dep_ != "ROOT" and host.head.i != host.i and host.pos_ not in ("VERB", "AUX"):
            host = host.head
        cut = {t.i for t in head.subtree}
    else:
        host = head.head
        cut = {t.i for t in head.subtree}
    sent = host.sent
    toks = [t for t in host.subtree if t.i not in cut and t.sent == sent]
    return tokens_to_pieces(drop_openers(toks))


def _gap_ok(doc: Doc, start_char: int, end_char: int, allowed: set[int]) -> bool:
    """Whether the text between two offsets holds only punctuation and the allowed tokens."""
    if end_char < start_char:
        return False
    gap = doc_text(doc)[start_char:end_char]
    if "\n" in gap or any(c in ".!?" for c in gap):
        return False
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return doc_text(doc)[start_char:end_char].strip(" ,:;—–-") == ""
    toks = [t for t in span if not t.is_space]
    if len(toks) > MAX_GAP_TOKENS:
        return False
    return all(t.i in allowed or t.is_punct for t in toks)


def adjacent_quotes(doc: Doc, cue: Cue, source: Span | None, quotes: list[Quote]) -> list[Quote]:
    """Quotations attached to the cue: right before its clause, right after it, or both."""
    head = doc[cue.head]
    allowed = {t.i for t in head.subtree}
    allowed |= set(cue.tokens)
    if source is not None:
        allowed |= {t.i for t in source}
    cue_start = doc[min(cue.tokens)].idx
    cue_end = doc[max(cue.tokens)].idx + len(doc[max(cue.tokens)].text)
    found: list[Quote] = []
    before = [q for q in quotes if q.end <= cue_start]
    if (before and _ends_open(doc, before[-1], cue_start, cue.head)
            and _gap_ok(doc, before[-1].end, cue_start, allowed)):
        k = len(before) - 1
        while k > 0 and before[k].continues:  # “A. ¶ “B,” she said: A and B are hers
            k -= 1
        found.extend(before[k:])
    after = [q for q in quotes if q.start >= cue_end]
    if after:
        q = after[0]
        lead_in = _lead_in_ids(head, source, cue)
        if _gap_ok(doc, cue_end, q.start, lead_in) or (
            found and _gap_ok(doc, max(cue_end, source.end_char if source else 0), q.start, lead_in)
        ):
            found.append(q)
            idx = quotes.index(q)
            while idx + 1 < len(quotes) and quotes[idx + 1].continues:
                idx += 1
                found.append(quotes[idx])
    return found


def _ccomp_ids(head: Token) -> set[int]:
    """Token ids of the cue's clausal complements."""
    return {t.i for c in head.children if c.dep_ in CONTENT_DEPS for t in c.subtree}


def _ends_open(doc: Doc, q: Quote, cue_start: int, cue_head: int) -> bool:
    """A quote can lead into its cue unless it closed its sentence ('… end.” He said' is two)."""
    last = doc_text(doc)[q.inner_start : q.inner_end].rstrip()[-1:]
    nxt = doc_text(doc)[q.end : cue_start].strip()[:1]
    if nxt == "" or nxt.islower() or last not in ".!?":
        return True
    return last != "." and not _ccomp_ids(doc[cue_head])


def _lead_in_ids(head: Token, source: Span | None, cue: Cue) -> set[int]:
    """Tokens that may stand between a cue and the quote it introduces ('told reporters:')."""
    ids = set(cue.tokens) | ({t.i for t in source} if source is not None else set())
    for c in head.children:
        if c.dep_ in LEAD_IN_DEPS or c.dep_ == "dobj" and head.lemma_.lower() in ADDRESS_LEMMAS:
            ids |= {t.i for t in c.subtree}
    return ids


def content_for(
    doc: Doc, cue: Cue, source: Span | None, quotes: list[Quote], cue_heads: frozenset[int]
) -> tuple[Pieces, str]:
    """The content pieces of a cue, and how they were found (quote, ccomp, object, …)."""
    attached = adjacent_quotes(doc, cue, source, quotes)
    pieces, how = clause_content(doc, cue, source, cue_heads)
    if attached and not (how == "ccomp" and _holds_quotes(pieces, attached)):
        return tuple(q.inner for q in attached), "quote"
    pieces = _close_open_quote(pieces, quotes)
    if not pieces:
        pieces = parenthetical_content(doc, cue, source)
        how = "parenthetical" if pieces else "none"
    return clip_to_paragraph(doc_text(doc), pieces, doc[cue.head].idx), how


def _close_open_quote(pieces: Pieces, quotes: list[Quote]) -> Pieces:
    """Pieces whose last one ends inside a quotation it opened run on to the closing mark."""
    if not pieces:
        return pieces
    start, end = pieces[0][0], pieces[-1][1]
    for q in quotes:
        if start <= q.start and q.inner_start < end < q.end:
            return pieces[:-1] + ((pieces[-1][0], q.end),)
    return pieces


def _holds_quotes(pieces: Pieces, attached: list[Quote]) -> bool:
    """Whether a parsed clause starts before the quotes attached to its cue and holds them all
    ('said the move reeks of “cronyism”'): the clause, quote and all, is the content."""
    if not pieces:
        return False
    start, end = pieces[0][0], pieces[-1][1]
    inside = all(start <= q.start and q.end <= end + 1 for q in attached)
    return start < attached[0].start and inside


def clip_to_paragraph(text: str, pieces: Pieces, at: int) -> Pieces:
    """Pieces cut to the line holding offset `at`: a parse never carries content across lines."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return tuple((max(s, start), min(e, end)) for s, e in pieces if s < end and e > start)


# ---------------------------------------------------------------- assembly


def kind_of(pieces: Pieces, quotes: list[Quote], text: str) -> str:
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
    return "direct" if inside >= 0.9 * total else "mixed"


def continued_quotes(doc: Doc, quotes: list[Quote], drafts: list[Draft]) -> list[Draft]:
    """Quotes standing alone after an attributed content are more of it: the same speaker goes
    on ("“A,” he said. “B.”", or “B.” opening the next paragraph), as PolNeAR joins them."""
    drafts = list(drafts)
    covered = [p for d in drafts for p in d.content]
    for q in quotes:
        if any(s < q.inner_end and q.inner_start < e for s, e in covered):
            continue
        if not _stands_alone(doc_text(doc), q):
            continue
        prior = [i for i, d in enumerate(drafts) if d.content and d.content[-1][1] <= q.start]
        if not prior:
            continue
        i = max(prior, key=lambda k: drafts[k].content[-1][1])
        between = doc_text(doc)[drafts[i].content[-1][1] : q.start]
        if between.count("\n") > 2 or len(between) > 400:
            continue
        drafts[i] = replace(drafts[i], content=drafts[i].content + (q.inner,))
        covered.append(q.inner)
    return drafts


def _stands_alone(text: str, q: Quote) -> bool:
    """A quote that makes a sentence by itself: only punctuation separates it from neighbours."""
    before = text[max(0, q.start - 3) : q.start]
    after = text[q.end : q.end + 2]
    starts = q.start == 0 or before.strip() == "" or before.rstrip()[-1:] in ".!?”\""
    ends = after.strip(" \t") == "" or after.lstrip(" \t")[:1] == "\n" or not q.closed
    if not ends:
        ends = after[:1] in (" ", "\n") and text[q.end : q.end + 3].strip()[:1] in ("“", '"', "")
    return starts and ends and len(text[q.inner_start : q.inner_end].split()) >= 1 and (
        text[q.inner_end - 1 : q.inner_end] in ".!?"
        or text[q.inner_end - 2 : q.inner_end].strip()[-1:] in ".!?"
    )


def drafts_for(doc: Doc) -> list[Draft]:
    """All drafts of the doc, cue-anchored, with the quotes that continue them."""
    quotes = find_quotes(doc_text(doc))
    in_quote = token_in_quote(doc, quotes)
    drafts: list[Draft] = []
    cues = find_cues(doc, in_quote)
    cue_heads = frozenset(c.head for c in cues)
    for cue in cues:
        source = source_for(doc, cue)
        pieces, how = content_for(doc, cue, source, quotes, cue_heads)
        if source is None and cue.type == "thought" and how != "patient":
            continue
        pieces = trim_pieces(doc_text(doc), pieces)
        if not pieces:
            continue
        if source is not None and any(s <= source.start_char < e for s, e in pieces):
            source = None if source.start_char >= pieces[0][0] else source
        drafts.append(Draft(cue, source, pieces, cue.type, 1.0, how=how))
    drafts = release_speaker_labels(doc, drafts)
    drafts += layout_drafts(doc, quotes, drafts)
    drafts = _dedupe(drafts)
    drafts = continued_quotes(doc, quotes, drafts)
    drafts.sort(key=lambda d: d.content[0][0])
    return drafts


# Candidates kept whatever the scorer says: '“…” ― Name' sign-offs, which PolNeAR train never shows.
TRUSTED_HOWS = frozenset(("dash",))
def scored_drafts(doc: Doc) -> list[Draft]:
    """Drafts with a learned confidence, those below the trained threshold dropped."""
    from saidwhat.scorer import load_scorer

    drafts = drafts_for(doc)
    scorer = load_scorer()
    if scorer is None:
        return drafts
    kept: list[Draft] = []
    for d in drafts:
        conf = scorer.confidence(doc, d, drafts)
        if d.how in TRUSTED_HOWS:
            conf = max(conf, scorer.threshold)
        if conf >= scorer.threshold:
            kept.append(replace(d, confidence=conf))
    return kept


def release_speaker_labels(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Quoted pieces holding a 'NAME:' speaker label (a quoted transcript) go back to that
    label: the cue next to the quote did not say them."""
    labels = [(name.start_char, doc[cue.head].idx) for name, cue, _ in colon_lines(doc)]
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


def layout_drafts(doc: Doc, quotes: list[Quote], drafts: list[Draft]) -> list[Draft]:
    """Drafts for 'Name: words' lines and '― Name' sign-offs whose words no cue has claimed."""
    taken = [p for d in drafts for p in d.content]
    found = [(n, c, r, "colon") for n, c, r in colon_lines(doc)]
    found += [(n, c, r, "dash") for n, c, r in dash_signoffs(doc, quotes)]
    out = []
    for name, cue, rest, how in found:
        pieces = trim_pieces(doc_text(doc), (rest,))
        if pieces and not any(s < pieces[-1][1] and pieces[0][0] < e for s, e in taken):
            out.append(Draft(cue, name, pieces, "speech", 1.0, how=how))
    return out


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


def attribute_doc(doc: Doc) -> Iterator[Attribution]:
    """Every attribution in the doc with its resolved speaker, offsets relative to doc_text(doc)."""
    from saidwhat.speakers import resolve_sources

    drafts = scored_drafts(doc)
    quotes = find_quotes(doc_text(doc))
    speakers = resolve_sources(doc, [d.source for d in drafts])
    for d, speaker in zip(drafts, speakers, strict=True):
        if not plausible_speaker(doc, d, speaker, drafts):
            continue
        cue = d.cue
        yield Attribution(
            kind=kind_of(d.content, quotes, doc_text(doc)),
            type=d.type,
            content=_mention(doc, d.content),
            cue=_mention(doc, cue_pieces(doc, cue)) if cue else None,
            source=_mention(doc, ((d.source.start_char, d.source.end_char),)) if d.source else None,
            speaker=speaker,
            confidence=d.confidence,
        )
