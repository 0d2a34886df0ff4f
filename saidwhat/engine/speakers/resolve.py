"""The entry point: `resolve_sources` maps each source mention of an article to its `Speaker`."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from saidwhat.data.names import (
    ORG_WORDS,
    ROLE_SYNONYMS,
)
from saidwhat.engine.speakers.clusters import (
    ArticleIndex,
    Event,
    mentions_near,
    person_with_initials,
    speaker_of,
    subject_bonus,
    unresolved,
)
from saidwhat.engine.speakers.descriptions import (
    DOCUMENT_KINDS,
    document_issuer,
    document_name,
    headline_document,
    possessor,
    resolve_description,
    resolve_noun,
    resolve_party_member,
)
from saidwhat.engine.speakers.mentions import (
    FEMALE_PRONOUNS,
    FIRST_PERSON,
    MALE_PRONOUNS,
    RELATIVES,
    THIRD_PERSON,
    NameMention,
    clean_label,
    clean_name,
    compatible_names,
    is_group_noun,
    is_person_noun,
    looks_like_person,
    name_tokens,
    np_start,
    org_key,
    plural_lemma,
    role_words,
)
from saidwhat.engine.speakers.pronouns import resolve_pronoun
from saidwhat.engine.speakers.ranker import Ranker, load_ranker
from saidwhat.records import Speaker
from saidwhat.settings import Settings


def named_entity_in(index: ArticleIndex, span: Span) -> tuple[int, NameMention] | None:
    """The named mention a source span is about: the one holding its root, else the first."""
    starts = index.mention_starts
    j = bisect_right(starts, span.root.i) - 1
    if j >= 0 and index.mentions[j].start <= span.root.i < index.mentions[j].end:
        m = index.mentions[j]
        return index.mention_entity[m.start], m
    j = bisect_left(starts, span.start)
    while j < len(index.mentions) and index.mentions[j].start < span.end:
        m = index.mentions[j]
        if span.root.i in range(m.start, m.end) or m.start <= span.root.i or m.label == "PERSON":
            return index.mention_entity[m.start], m
        j += 1
    return None


def resolve_name(index: ArticleIndex, span: Span) -> Speaker | None:
    """A source naming someone: its entity, "name" for the full form, else "alias"; names
    joined by "and" ("Mr. Grassley and Mr. Leahy") make one GROUP named after all of them."""
    together, _ = coordinated_entities(index, span)
    if len(together) > 1:
        name = " and ".join(index.entities[e].name for e in together)
        return speaker_of(index, index.group_entity(name, "GROUP"), "name")
    found = named_entity_in(index, span)
    if found is None:
        return None
    ent_id, m = found
    ent = index.entities[ent_id]
    if ent.type == "GROUP":
        return None
    full = frozenset(m.tokens) == ent.tokens or org_key(m.tokens) == org_key(
        [w.lower() for w in ent.name.split()]
    )
    return speaker_of(index, ent_id, "name" if full else "alias")


def coordinated_entities(index: ArticleIndex, span: Span) -> tuple[list[int], bool]:
    """Distinct entities of the names and pronouns coordinated at the root of a span ("A and B",
    "he and Biden"), and whether a pronoun had to be resolved; ([], False) if any is neither."""
    root = span.root
    if not any(c.dep_ == "conj" for c in root.children):
        return [], False
    heads = [root] + [t for t in root.subtree
                      if t.dep_ == "conj" and span.start <= t.i < span.end]
    slots: list[int | Token] = []  # entity ids, or pronouns still to resolve, in text order
    for h in heads:
        if h.tag_ == "PRP" and h.lower_ in THIRD_PERSON and not index.in_quote[h.i]:
            slots.append(h)
            continue
        found = [m for m in mentions_near(index, h.i) if m.start <= h.i < m.end]
        if not found:
            return [], False
        slots.append(index.mention_entity[found[0].start])
    named = {x for x in slots if isinstance(x, int)}
    pronouns = [x for x in slots if not isinstance(x, int)]
    out: list[int] = []
    for x in slots:
        ent = x if isinstance(x, int) else resolve_pronoun(index, x, exclude=named)
        if ent is None:
            return [], False
        out.append(ent)
    return list(dict.fromkeys(out)), bool(pronouns)


def resolve_unlisted_name(index: ArticleIndex, span: Span) -> Speaker | None:
    """A proper-noun source the NER missed (or quoted): match a known person, else itself."""
    titles, toks = clean_name([t for t in span if t.pos_ in ("PROPN",) or t.tag_ == "NNP"])
    if not toks:
        return None
    key = name_tokens(toks)
    people = [n for n, e in enumerate(index.entities) if e.type == "PERSON"]
    match = [n for n in people if compatible_names(key, sorted(index.entities[n].tokens))
             and index.entities[n].tokens]
    if match:
        ent_id = max(match, key=lambda n: index.entities[n].mentions)
        by = "name" if frozenset(key) == index.entities[ent_id].tokens else "alias"
        return speaker_of(index, ent_id, by)
    text = span.doc[toks[0].i : toks[-1].i + 1].text
    type_ = "PERSON" if titles or looks_like_person(toks) else "OTHER"
    ent_id = index.group_entity(text, type_)
    return speaker_of(index, ent_id, "name")


def initials_entity(index: ArticleIndex, span: Span) -> int | None:
    """Initials standing for the one person of the article they fit ('AD' for Ava DuVernay,
    an interview's turn label)."""
    return person_with_initials(index, span.text.strip(), shaped=True) if len(span) == 1 else None


def trailing_appositive_name(span: Span) -> Token | None:
    """The person named at the end of a long description ('another witness at the hearing,
    former White House Russia adviser Fiona Hill'), set off by a comma: the parse often hangs
    the name on the nearer noun, as an apposition or as a conjunct with no 'and' ('The mayor
    of Surabaya, Tri Rismaharini')."""
    last = span[-1]
    coordinated = last.dep_ == "conj" and any(c.dep_ == "cc" for c in last.head.children)
    if (last.pos_ != "PROPN" or last.ent_type_ != "PERSON" or last.dep_ not in ("appos", "conj")
            or coordinated):
        return None
    if last.head.i == span.root.i or not span.start <= last.head.i < span.end:
        return None
    comma = span.doc[np_start(last) - 1] if np_start(last) > span.start else None
    return last if comma is not None and comma.text == "," else None


SINGULAR_FIRST_PERSON = frozenset("i me my".split())


PARTITIVES = frozenset("one some many several few two three four five most each any".split())


def noun_inside(span: Span) -> Span | None:
    """The noun phrase of a source span whose root is a function word ("As many tax experts,
    including Mr. Goldberg," -> "many tax experts, including Mr. Goldberg")."""
    if span.root.pos_ not in ("SCONJ", "ADP", "CCONJ", "PUNCT", "PART"):
        return None
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON")
             and (not span.start <= t.head.i < span.end or t.head.i == span.root.i)]
    if not nouns:
        return None
    head = nouns[0]
    start = max(span.start, head.left_edge.i)
    end = min(span.end, head.right_edge.i + 1)
    return span.doc[start:end] if end > start else None


def partitive_whole(span: Span) -> Span | None:
    """The group a partitive source is drawn from ("one of Mr. Obama's climate advisers" ->
    "Mr. Obama's climate advisers"): a member of a group is not a named person."""
    root = span.root
    if root.lower_ not in PARTITIVES:
        return None
    of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
    objs = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
    if not objs or objs[0].tag_ not in ("NNS", "NNPS"):
        return None
    obj = objs[0]
    start, end = obj.left_edge.i, min(span.end, obj.right_edge.i + 1)
    return span.doc[start:end] if span.start <= start < end else None


def demonstrative_conjunct(span: Span) -> Span | None:
    """The noun a demonstrative source shares with the noun phrase it is coordinated with
    ("Those and even older returns" -> "even older returns"): None for anything else."""
    root = span.root
    if root.lower_ not in ("those", "these") or root.pos_ not in ("PRON", "DET"):
        return None
    conj = next((c for c in root.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                 and span.start <= c.i < span.end), None)
    return span.doc[np_start(conj) : conj.i + 1] if conj is not None else None


EVERYONE = frozenset("everyone everybody all none nobody anyone anybody each".split())
EXCEPT_WORDS = frozenset("but except excluding save".split())


def all_but_named(span: Span) -> bool:
    """Whether a source is everyone but someone ("Everyone but Hewlett", "all except the
    chairman"): the people it names are the ones left out, never its speaker."""
    root = span.root
    return root.lower_ in EVERYONE and any(
        c.lower_ in EXCEPT_WORDS and c.dep_ in ("cc", "prep") for c in root.children)


def noun_before_clause(span: Span) -> Span | None:
    """The noun phrase of a source span that the parse splits from a clause after it, which
    it calls the span's root ("one of the first post-debate polls to emerge", with "to
    emerge" hung on the main verb): the phrase up to the clause; None when the root is no
    such verb or no noun phrase heads the words before it."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or root.dep_ not in ("advcl", "relcl", "acl", "xcomp"):
        return None
    first = span[0]
    while first.head.i != first.i and span.start <= first.head.i < span.end:
        first = first.head
    if first.i == root.i or first.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
        return None
    end = min(first.right_edge.i + 1, root.left_edge.i)
    return span.doc[span.start : end] if end > span.start else None


SPOKEN_WORDS = frozenset("comment remark word statement response reply answer tweet".split())


def words_owner(index: ArticleIndex, span: Span) -> int | None:
    """The person or organisation whose own words are the source ("Her comments", "his
    remarks", "Warren's statement"): they said it (a written document, "his biography", stays
    a document)."""
    root = span.root
    if root.lemma_.lower() not in SPOKEN_WORDS or root.pos_ != "NOUN":
        return None
    owner = possessor(index, span)
    if owner is None or index.entities[owner].type not in ("PERSON", "ORG"):
        return None
    return owner


# Person nouns that `is_person_noun` does not know, which a name right after may give.
NAMED_COMPANIONS = frozenset("colleague friend partner tutor teacher guy".split())
# Parties to a case: a person or an organisation ("for the appellant, Atlantic Lottery Corp.").
LEGAL_PARTIES = frozenset("appellant respondent plaintiff defendant petitioner claimant".split())


def name_after(index: ArticleIndex, span: Span) -> NameMention | None:
    """The person or organisation named right after a description source and set off by a
    comma or colon ("said the senator, John Smith, after the vote" with the source cut at
    "the senator", "My colleague, Mr. Eizenga, will address …", "a tutor from Bain: Master
    Lunre"): the description points forward to that name, a person for a person noun, an
    organisation for an organisation word, either for a party to a case."""
    doc = index.doc
    head = span.root.lemma_.lower()
    wanted = (("PERSON",) if is_person_noun(head) or head in NAMED_COMPANIONS
              else ("ORG",) if head in ORG_WORDS
              else ("PERSON", "ORG") if head in LEGAL_PARTIES else ())
    if not wanted or span.end + 1 >= len(doc) or doc[span.end].text not in (",", ":"):
        return None  # "this poll, Donald Trump leads": a poll is not Trump
    found = [m for m in mentions_near(index, span.end + 2)
             if m.start in (span.end + 1, span.end + 2) and m.label in wanted]
    return found[0] if found else None


def without_clitic(span: Span) -> Span | None:
    """A source without a verb clitic run into it ("he’s said" -> "he"), else None."""
    if len(span) > 1 and span[-1].text[:1] in ("'", "’") and span[-1].text.lower()[1:] in (
            "s", "d", "ll", "ve", "re", "m"):
        return span[:-1]
    return None


def social_handle(span: Span) -> str | None:
    """A source that is a social-media handle ('@JenniferUpdates' signing a tweet): the
    account, named by its handle, never a person the handle's words recall."""
    text = span.text.strip()
    if len(span) == 1 and len(text) > 1 and text[0] == "@" and text[1:].replace("_", "").isalnum():
        return text
    return None


def resolve_one(index: ArticleIndex, span: Span) -> tuple[Speaker, int | None]:
    """Resolve one source mention; also return the entity it was tied to (or None)."""
    handle = social_handle(span)
    if handle is not None:
        ent_id = index.group_entity(handle, "OTHER")
        return speaker_of(index, ent_id, "name"), ent_id
    clipped = without_clitic(span)
    if clipped is not None:
        return resolve_one(index, clipped)
    inner = (noun_inside(span) or noun_before_clause(span) or partitive_whole(span)
             or demonstrative_conjunct(span))
    if inner is not None:
        return resolve_one(index, inner)
    if all_but_named(span):  # "Everyone but Hewlett said yes": not Hewlett
        return unresolved(span), None
    by_initials = initials_entity(index, span)
    if by_initials is not None:
        return speaker_of(index, by_initials, "alias"), by_initials
    root = span.root
    low = root.lower_
    together, by_pronoun = coordinated_entities(index, span)
    if len(together) > 1 and by_pronoun:  # "he and Biden"
        name = " and ".join(index.entities[e].name for e in together)
        ent_id = index.group_entity(name, "GROUP")
        return speaker_of(index, ent_id, "pronoun"), ent_id
    with_own = with_own_people(index, span)
    if with_own is not None:  # "The Republican nominee and his aides"
        return with_own
    if root.tag_ in ("PRP", "PRP$") or root.pos_ == "PRON" and low in THIRD_PERSON | FIRST_PERSON:
        answerer = index.answering(root.i) if low in SINGULAR_FIRST_PERSON else None
        if answerer is not None and not index.in_quote[root.i]:  # "A: I think …"
            return speaker_of(index, answerer, "pronoun"), answerer
        if low not in THIRD_PERSON or index.in_quote[root.i]:
            return unresolved(span), None
        papers = plural_document(index, root)
        if papers is not None:  # "released his returns, even though they exposed …"
            return papers
        ent_id = resolve_pronoun(index, root)
        if ent_id is None:
            return unresolved(span), None
        return speaker_of(index, ent_id, "pronoun"), ent_id
    if low in RELATIVES and root.tag_ in ("WP", "WDT", "WP$") and root.head.dep_ == "relcl":
        noun = relative_antecedent(root.head.head, root)  # its whole phrase: "a senior
        return resolve_one(index, index.doc[np_start(noun) : noun.i + 1])  # official, who"
    owner = words_owner(index, span)
    if owner is not None:  # "Her comments suggested …"
        by_pronoun = any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in span.root.children)
        return speaker_of(index, owner, "pronoun" if by_pronoun else "name"), owner
    member = resolve_party_member(index, span)  # before names: "the Wisconsin Republican"
    if member is not None:
        ent_id = index.entity_named(member.name, member.type) if member.resolved_by != "none" \
            else None
        return member, ent_id
    named = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                  and span.start <= c.i < span.end), None) or trailing_appositive_name(span)
    if named is not None and (root.pos_ == "NOUN" or root.text.islower()):
        titled = titled_document(index, span, named)
        if titled is not None:  # "Peter Burrows's book “Backfire: …”"
            return titled
        return resolve_one(index, index.doc[np_start(named) : named.i + 1])  # "the director,
    #  Ruth Adeyemi" ("senator" tagged a proper noun too)
    after = name_after(index, span) if root.pos_ == "NOUN" or root.text.islower() else None
    if after is not None:  # "said the senator, John Smith, after the vote"
        ent_id = index.mention_entity[after.start]
        return speaker_of(index, ent_id, "name"), ent_id
    document = headline_document(index, span)
    if document is not None:  # "New Poll Shows …"
        return document, index.entity_named(document.name, document.type)
    title_cased_role = root.pos_ == "PROPN" and (low in ROLE_SYNONYMS or low in ORG_WORDS
                                                 or title_cased_people(root))
    common = root.pos_ == "NOUN" or root.lemma_.lower() in ORG_WORDS or title_cased_role
    in_name = any(m.start <= root.i < m.end for m in mentions_near(index, root.i))
    speaker = None
    if not common or in_name:
        speaker = resolve_name(index, span) if root.pos_ == "PROPN" or root.ent_type_ \
            or in_name else None  # "Trump predicts …" with "Trump" read as a noun
    if speaker is None and root.pos_ == "PROPN" and not title_cased_role:
        speaker = resolve_unlisted_name(index, span)
    if speaker is None and any(t.ent_type_ == "PERSON" for t in span) and not common:
        speaker = resolve_name(index, span)
    if speaker is None:
        speaker = resolve_noun(index, span)
    ent_id = None
    if speaker.resolved_by != "none" or speaker.type in ("GROUP", "OTHER"):
        ent_id = index.entity_named(speaker.name, speaker.type)
    return speaker, ent_id


def titled_document(index: ArticleIndex, span: Span, title: Token) -> tuple[Speaker, int] | None:
    """A document source named by the title in apposition to it ("Peter Burrows's book
    “Backfire: …”", "the report, Climate Futures,"): the document, named by its title (up to
    a colon); None when the head is no document or the title is a person's or an
    organisation's name the article knows."""
    if span.root.lower_ not in DOCUMENT_KINDS or any(
            m.start <= title.i < m.end and m.label in ("PERSON", "ORG", "GPE")
            for m in mentions_near(index, title.i)):
        return None
    start = np_start(title)
    end = title.i + 1
    while start > span.start and index.doc[start - 1].pos_ == "PROPN":
        start -= 1
    name = clean_label(index.doc[start:end].text.strip("\"“”'‘’ "))
    if not name:
        return None
    ent_id = index.group_entity(name, "DOCUMENT")
    return speaker_of(index, ent_id, "name"), ent_id


def title_cased_people(tok: Token) -> bool:
    """A capitalised plural common noun of people the parse calls a name, outside any named
    entity ("Republican Senators", "the Founders"): a group, not the name that modifies it."""
    return tok.tag_ == "NNPS" and not tok.ent_type_ and is_group_noun(plural_lemma(tok))


def with_own_people(index: ArticleIndex, span: Span) -> tuple[Speaker, int] | None:
    """A person coordinated with people of their own ("The Republican nominee and his aides",
    "Ann Lee and her lawyers"): one GROUP named after the person resolved ("Donald Trump and
    his aides"), not the person alone; None for anything else, or when the person is not
    resolved or the possessive does not fit them ("Ann Lee and his aides")."""
    root = span.root
    conj = [c for c in root.children if c.dep_ == "conj" and span.start <= c.i < span.end]
    if len(conj) != 1 or conj[0].tag_ != "NNS" or root.tag_ in ("PRP", "PRP$", "NNS", "NNPS"):
        return None
    poss = [c for c in conj[0].children if c.dep_ == "poss" and c.lower_ in ("his", "her")]
    cc = [c for c in root.children if c.dep_ == "cc" and span.start <= c.i < conj[0].i]
    if not poss or not cc or any(c.dep_ == "conj" and c.i > conj[0].i for c in root.children):
        return None
    first = span.doc[span.start : cc[0].i]
    if not len(first) or first.root.i != root.i:
        return None
    speaker, ent_id = resolve_one(index, first)
    gender = "m" if poss[0].lower_ == "his" else "f"
    if (ent_id is None or speaker.type != "PERSON" or speaker.resolved_by == "none"
            or index.entities[ent_id].gender not in (None, gender)):
        return None
    name = f"{speaker.name} and {poss[0].lower_} {conj[0].text}"
    group = index.group_entity(name, "GROUP")
    return speaker_of(index, group, speaker.resolved_by), group


# Plural nouns of papers a "they" may stand for ("his tax returns … they would reveal"), beside
# the document kinds of `DOCUMENT_KINDS`.
PAPER_NOUNS = frozenset("return record document file paper email transcript filing memo "
                        "tweet".split())


def plural_document(index: ArticleIndex, tok: Token) -> tuple[Speaker, int | None] | None:
    """A subject "they" whose nearest plural noun before it in its sentence names papers
    ("Mitt Romney released his returns in 2012, even though they exposed …"; "Trump refuses
    to make public his income tax returns … that they would reveal …"), as subject or object
    (not "voters head to the polls, they argued"): the documents, named
    after their issuer when the article says ("Romney's returns"), else left unresolved; None
    when a group, a person or another plural noun stands nearer (then "they" is resolved as
    usual)."""
    if tok.lower_ != "they" or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    sent = tok.sent
    noun = next((t for t in reversed(index.doc[sent.start : tok.i])
                 if t.tag_ in ("NNS", "NNPS") and t.dep_ != "compound"
                 or t.ent_type_ in ("PERSON", "ORG", "NORP")), None)
    if (noun is None or noun.tag_ != "NNS" or index.in_quote[noun.i]
            or noun.dep_ not in ("nsubj", "nsubjpass", "dobj")
            or not (noun.lemma_.lower() in PAPER_NOUNS or noun.lower_ in DOCUMENT_KINDS)):
        return None
    phrase = index.doc[np_start(noun) : noun.i + 1]
    name = document_name(phrase, document_issuer(index, phrase))
    if name is None:
        return unresolved(index.doc[tok.i : tok.i + 1]), None
    ent_id = index.group_entity(name, "DOCUMENT")
    return speaker_of(index, ent_id, "pronoun"), ent_id


def relative_antecedent(noun: Token, relative: Token) -> Token:
    """The noun a relative pronoun stands for, from the noun its clause hangs on: the last of
    coordinated people when the relative follows it ("backed by Mr. Kerry and Mr. Obama, who
    sent Mr. Xi a letter": Obama, the nearer, where the parse hangs the clause on Kerry)."""
    conjs = [t for t in noun.children if t.dep_ == "conj" and t.i < relative.i]
    if conjs and noun.ent_type_ == "PERSON" and conjs[-1].ent_type_ == "PERSON":
        return conjs[-1]
    return noun


def _is_role_subject(tok: Token) -> bool:
    """A definite singular person description as subject ("the president appeared cowed")."""
    return (tok.tag_ == "NN" and is_person_noun(tok.lemma_.lower())
            and any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children))


SHIPPED = "shipped"  # the resolver the settings name (default: the shipped weights)


def resolve_sources(doc: Doc, sources: Sequence[Span | None], settings: Settings | None = None,
                    in_quote: Sequence[bool] | None = None,
                    ranker: Ranker | None | str = SHIPPED) -> list[Speaker | None]:
    """The speaker of each source mention of an article's attributions (None stays None);
    `in_quote` is the document's in-quote flag per token when already known (DocContext);
    `ranker` as for resolve_mentions."""
    return resolve_mentions(doc, sources, settings=settings, in_quote=in_quote, ranker=ranker)[0]


def resolve_mentions(doc: Doc, sources: Sequence[Span | None], targets: Sequence[Span] = (),
                     settings: Settings | None = None, in_quote: Sequence[bool] | None = None,
                     ranker: Ranker | None | str = SHIPPED,
                     observe: Callable[[ArticleIndex, int, Span], None] | None = None,
                     ) -> tuple[list[Speaker | None], list[Speaker]]:
    """The speakers of the sources, and what each other mention in `targets` refers to, read at
    its place in the article without changing what later mentions see (for evaluation).
    `ranker` is the learned resolver (SHIPPED: the one the settings name; None: the hand-set
    salience);
    `observe(index, n, target)` is called before each target is resolved (for training)."""
    if not any(s is not None for s in sources) and not targets:
        return [None] * len(sources), []
    index = ArticleIndex(doc, settings, in_quote)
    index.ranker = load_ranker(index.s) if ranker == SHIPPED else ranker
    index.source_roots = frozenset(s.root.i for s in sources if s is not None)
    order = sorted((s.start, n) for n, s in enumerate(sources) if s is not None)
    source_at = {start for start, _ in order}
    chain = [tok.i for tok in doc if tok.dep_ in ("nsubj", "nsubjpass")
             and not index.in_quote[tok.i] and tok.i not in source_at
             and (tok.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS or _is_role_subject(tok))]
    out: list[Speaker | None] = [None] * len(sources)
    read: list[Speaker] = [unresolved(t) for t in targets]
    items = sorted([(start, 1, n) for start, n in order] + [(i, 0, -1) for i in chain]
                   + [(t.start, -1, n) for n, t in enumerate(targets)])
    for start, is_source, n in items:
        if is_source < 0:
            if observe is not None:
                observe(index, n, targets[n])
            read[n] = resolve_one(index, targets[n])[0]
            continue
        if not is_source:  # a non-source subject: resolve it to keep salience current
            tok = doc[start]
            if tok.pos_ == "NOUN":
                ent_id = resolve_description(index, doc[np_start(tok) : tok.i + 1])
            else:
                ent_id = resolve_pronoun(index, tok)
            if ent_id is not None:
                index.add_event(ent_id, start, subject_bonus(doc[start], index.s))
            continue
        span = sources[n]
        assert span is not None
        speaker, ent_id = resolve_one(index, span)
        out[n] = speaker
        if ent_id is not None:
            root = span.root.i
            if not index.has_event(ent_id, root):
                index.add_event(ent_id, root, subject_bonus(span.root, index.s))
                if speaker.resolved_by == "nominal":
                    index.entities[ent_id].roles |= role_words(
                        [t.lemma_ for t in span if not t.is_punct])
            index.speakers.append(Event(root, index.sent_of[root], ent_id, 0))
    return out, read
