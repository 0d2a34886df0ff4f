"""Named mentions of an article: clean names, their descriptors and genders, and the word facts
that every later step shares."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from saidwhat.data.names import (
    ABBREVIATIONS,
    FAMILY_WORDS,
    FIRST_NAMES,
    GROUP_WORDS,
    HONORIFIC_GENDER,
    INSTITUTION_WORDS,
    NATIONALITIES,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_SYNONYMS,
    TITLES,
    first_name_gender,
    same_first_name,
)
from saidwhat.engine.quotes import doc_text
from saidwhat.settings import SpeakerSettings

NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC")


MALE_PRONOUNS = frozenset("he him his himself".split())


FEMALE_PRONOUNS = frozenset("she her hers herself".split())


PLURAL_PRONOUNS = frozenset("they them their theirs themselves".split())


NEUTER_PRONOUNS = frozenset("it its itself".split())


FIRST_PERSON = frozenset("i me my we us our you your one".split())


RELATIVES = frozenset("who whom whose which that".split())


THIRD_PERSON = MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS


HEADLINE_VERBS = frozenset(
    "says said tells told calls slams urges wants asks warns vows blasts rips hits says: "
    "claims denies admits defends responds".split()
)


NAME_PARTICLES = frozenset("de del der van von bin al la le du da di dos st".split())


NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


AGE_WORDS = frozenset("year years old year-old -year-old age".split())


QUANTITY_NOUNS = frozenset(
    "number majority minority handful group lot couple dozen dozens hundreds thousands "
    "millions some many most all both none few several half".split()
)


QUANTIFIERS = frozenset(
    "the a an some many several few most all both other another any each every these those "
    "this that one two three four five six seven eight nine ten dozens hundreds".split()
)


HONORIFICS = frozenset("mr mrs ms miss".split())


ACRONYM_STOP = frozenset("of the and for on in at to &".split())


@dataclass(frozen=True)
class NameMention:
    """A named mention outside quotations: token range, cleaned name tokens and descriptors."""

    start: int
    end: int
    label: str
    text: str
    tokens: tuple[str, ...]
    roles: frozenset[str] = frozenset()
    gender: str | None = None
    modifier: bool = False  # the name only modifies a noun: "a Hieronymus Bosch painting"



def name_as_modifier(toks: Sequence[Token]) -> bool:
    """Whether a name only modifies a common noun after it ("a Hieronymus Bosch painting",
    "the Hillary Clinton campaign"): the person is named in passing, not met in the story."""
    last = toks[-1]
    head = last.head  # a compound's head is a noun even when tagged otherwise ("painting")
    return (last.dep_ == "compound" and head.i > last.i and head.text.islower()
            and head.pos_ != "PROPN" and not any(t.i == head.i for t in toks))


def norm_word(word: str) -> str:
    """A word lowercased without trailing period, possessive or quote marks."""
    w = word.lower().strip("“”\"'’‘")
    for suffix in ("'s", "’s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    return w.rstrip(".") if len(w) > 2 or not w.endswith(".") else w


def role_words(words: Sequence[str]) -> set[str]:
    """Normalized words plus the role words their abbreviations stand for."""
    out: set[str] = set()
    for w in words:
        n = norm_word(w)
        if not n:
            continue
        out.add(n)
        if n in ABBREVIATIONS:
            out.add(ABBREVIATIONS[n])
    return out


def clean_name(tokens: Sequence[Token], person: bool = True) -> tuple[list[Token], list[Token]]:
    """Split a name's tokens into (title tokens, name tokens): "the", "'s" and titles removed;
    organisation names only lose "the" and the possessive."""
    toks = strip_dateline([t for t in tokens if not t.is_punct or t.text in ("-", "--", "'")])
    toks = [t for t in toks if t.text != "--"]
    toks = [t for t in toks if not t.is_space or "\n" in t.text]  # a no-break space is a space
    for n, t in enumerate(toks):  # a name never runs over a line break
        if "\n" in t.text:
            toks = toks[:n] if n else toks[n + 1 :]
            break
    while toks and (toks[-1].tag_ == "POS" or toks[-1].text in ("'s", "’s", "'", "’")):
        toks.pop()
    titles: list[Token] = []
    while len(toks) > 1 and (toks[0].lower_ in ("the", "of") or person and (
            norm_word(toks[0].text) in TITLES or norm_word(toks[0].text) in NATIONALITIES)):
        titles.append(toks.pop(0))
    return titles, toks


def team_name(toks: Sequence[Token], raw: Sequence[tuple[Span, str, list[Token], list[Token]]]
              ) -> bool:
    """A place followed by a plural ("Charlotte Panthers" where the article names the city
    Charlotte): a team or body, not a person."""
    if len(toks) < 2 or not toks[-1].text.endswith("s") or toks[-1].text.endswith("ss"):
        return False
    first = norm_word(toks[0].text)
    return any(label == "GPE" and len(other) == 1 and norm_word(other[0].text) == first
               for _, label, _, other in raw)


def acronym_tail(toks: Sequence[Token]) -> bool:
    """A name ending in an acronym in otherwise ordinary case ("Indiana GOP", "Junge SVP"):
    an organisation, whatever the recogniser says (suffixes such as "III" excepted)."""
    if len(toks) < 2:
        return False
    last = toks[-1].text
    return (last.isupper() and last.isalpha() and len(last) >= 2
            and norm_word(last) not in NAME_SUFFIXES and not all(t.text.isupper() for t in toks))


def opens_sentence(tok: Token) -> bool:
    """Whether a token begins a sentence or a line (the parser may not split after a quote
    that ends a paragraph)."""
    if tok.i == 0 or tok.is_sent_start:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_space or "\n" in prev.whitespace_ or prev.text in (".", "!", "?", "”", ":")


def strip_gerund_lead(toks: list[Token]) -> list[Token]:
    """A name without a sentence-opening gerund the recogniser ran into it ("Bashing Trump may
    be job one" -> "Trump"); a known first name ending in -ing stays."""
    first = toks[0] if toks else None
    if (first is not None and len(toks) > 1 and opens_sentence(first)
            and first.lower_.endswith("ing") and len(first.text) > 5
            and norm_word(first.text) not in FIRST_NAMES):
        return toks[1:]
    return toks


FUNCTION_TAGS = frozenset("IN RB CC DT WRB".split())


def strip_function_lead(toks: list[Token]) -> list[Token]:
    """A name without a sentence-opening function word the recogniser ran into it ("Beneath
    Clinton's wins", "If Trump wins", "For Clinton"): a preposition, adverb, conjunction or
    determiner that is no known first name."""
    while (len(toks) > 1 and opens_sentence(toks[0]) and toks[0].tag_ in FUNCTION_TAGS
           and norm_word(toks[0].text) not in FIRST_NAMES):
        toks = toks[1:]
    return toks


def split_name_pair(toks: list[Token]) -> list[Token]:
    """The first of two names joined by a hyphen ("the Muhammad Ali-Joe Frazier fight" ->
    "Muhammad Ali"): a hyphen followed by a known first name and another name word."""
    for n, t in enumerate(toks):
        if (t.text in ("-", "–") and 0 < n < len(toks) - 2
                and norm_word(toks[n + 1].text) in FIRST_NAMES):
            return toks[:n]
    return toks


def strip_common_tail(toks: list[Token], common_nouns: set[str], solo_names: set[str],
                      repeated: frozenset[str] = frozenset()) -> list[Token]:
    """A person's name without capitalised common nouns run on after it ("President Obama
    Speech at …" -> "Obama"): a last word the article also writes in lower case as a noun,
    unless the article names a person by that word alone ("Cook said") or writes the whole
    name again and again (`repeated`: "Weather Underground")."""
    if len(toks) > 1 and toks[0].doc[toks[0].i : toks[-1].i + 1].text in repeated:
        return toks
    while (len(toks) > 1 and toks[-1].lower_ in common_nouns
           and norm_word(toks[-1].text) not in solo_names and toks[-1].text[:1].isupper()):
        toks = toks[:-1]
    return toks


def strip_role_lead(toks: list[Token], common_nouns: set[str], person_words: set[str]
                    ) -> list[Token]:
    """A person's name without a capitalised role opening the sentence, which the article
    also writes in lower case ("Charitha Pattiaratchi, an oceanographer, …" then
    "Oceanographer Pattiaratchi said" -> "Pattiaratchi"), when the rest is a name the article
    gives a person; a known first name stays ("Mark Kelly" beside "a mark")."""
    first = toks[0] if toks else None
    if (first is not None and len(toks) > 1 and opens_sentence(first)
            and first.lower_ in common_nouns and first.text[:1].isupper()
            and norm_word(first.text) not in FIRST_NAMES
            and all(norm_word(t.text) in person_words for t in toks[1:])):
        return toks[1:]
    return toks


def strip_possessive(word: str) -> str:
    """A word without its possessive ending: "Tompkins's" -> "Tompkins", "Tompkins" kept."""
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


LIST_MARKS = "-–—•·*>|\u00a0 "


def clean_label(text: str) -> str:
    """A speaker's name as one clean line: the text after its last line break, spaces (no-break
    ones too) collapsed, list dashes and bullets off its start ("p.m.\n\nFlorida officials" ->
    "Florida officials", "-Andrew Gelman" -> "Andrew Gelman")."""
    lines = [line for line in re.split(r"\s*\n\s*", text.strip()) if line.strip()]
    line = " ".join((lines[-1] if lines else text).split()).lstrip(LIST_MARKS)
    return line or " ".join(text.split())


def strip_dateline(toks: list[Token]) -> list[Token]:
    """A name without a dateline run into it: "MOSCOW - Vladimir Putin" -> "Vladimir Putin",
    "BOCA RATON, Fla. -- Weeds" -> "Weeds"."""
    for n, t in enumerate(toks[:8]):
        if t.text in ("-", "--", "—", "–") and n and n + 1 < len(toks) and any(
                x.text.isupper() and len(x.text) > 1 for x in toks[:n]):
            return toks[n + 1 :]
    return toks


def name_tokens(toks: Sequence[Token]) -> tuple[str, ...]:
    """Lowercased matching tokens of a name, initials and suffixes kept."""
    return tuple(norm_word(t.text) for t in toks if norm_word(t.text))


def _title_like(tok: Token) -> bool:
    """A token of a title phrase before a name ("Democratic nominee", "Russian President")."""
    if tok.is_punct and tok.text not in (".", "-"):
        return False
    if tok.pos_ in ("NOUN", "PROPN", "ADJ") and tok.dep_ not in ("det", "cc", "punct"):
        return True
    return norm_word(tok.text) in TITLES or tok.ent_type_ == "NORP"


def others_title(tok: Token) -> bool:
    """A title right before a proper noun inside an apposition or relative clause ("who
    campaigned alongside Mrs. Clinton"): it belongs to that other person, not to the one
    described (so "Senator Chris Murphy, who … Mrs. Clinton" is not a woman)."""
    word = norm_word(tok.text)
    if word in HONORIFICS:
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return word in TITLES and nxt is not None and nxt.pos_ == "PROPN"


def whose_kin(clause: Token) -> set[int]:
    """The tokens of a 'whose' phrase in a relative clause ("Steve Wang, whose mother was on
    the plane"): they describe someone else, so "mother" gives the named man no gender."""
    return {t.i for n in clause.subtree
            if any(c.dep_ == "poss" and c.lower_ == "whose" for c in n.children)
            for t in n.subtree}


def possessors_in(phrase: Token) -> set[int]:
    """The tokens of a noun possessor inside an apposition ("Budi Sutiono, the pilot's
    brother": "pilot"): they name someone else, so the named man is no pilot."""
    return {t.i for n in phrase.subtree
            for c in n.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")
            for t in c.subtree}


def past_conjunct(root: Token, last: Token, child: Token) -> bool:
    """Whether an apposition or relative clause the parse hangs on a name comes after another
    name coordinated with it ("front-runners Clinton, Trump and Cruz, the Texas senator leading
    the GOP pack": Cruz is the senator, not Clinton): it describes the nearer name."""
    return any(t.dep_ == "conj" and last.i < t.i < child.i for t in root.subtree)


def descriptors(ent_tokens: Sequence[Token], doc: Doc, s: SpeakerSettings) -> set[str]:
    """Words describing a named mention: title compounds, appositions, relative clauses, party."""
    first, last = ent_tokens[0], ent_tokens[-1]
    root = max(ent_tokens, key=lambda t: (t.head.i < first.i or t.head.i > last.i, t.i))
    words: list[str] = []
    i = first.i - 1
    while i >= 0 and i >= first.i - s.max_title_tokens and _title_like(doc[i]):
        words.append(doc[i].lemma_ if doc[i].pos_ == "NOUN" else doc[i].text)
        i -= 1
    for child in root.children:
        if child.dep_ in ("appos", "relcl") and child.i > last.i and not past_conjunct(
                root, last, child):
            kin = whose_kin(child) | (possessors_in(child) if child.dep_ == "appos" else set())
            sub = [t for t in child.subtree if not t.is_punct and not others_title(t)
                   and t.i not in kin][: s.max_apposition_tokens]
            words += [t.lemma_ if t.pos_ == "NOUN" else t.text for t in sub]
    if root.dep_ == "appos" and root.head.i < first.i:
        head = root.head
        words += [t.lemma_ if t.pos_ == "NOUN" else t.text for t in head.lefts if not t.is_punct]
        words.append(head.lemma_ if head.pos_ == "NOUN" else head.text)
    after = doc[last.i + 1 : last.i + 3]  # "(D-Calif.)": the party letter in parentheses
    if len(after) == 2 and after[0].text == "(" and after[1].text in ("D", "R", "I"):
        words.append({"D": "democratic", "R": "republican", "I": "independent"}[after[1].text])
    return role_words(words)


def name_gender(titles: Sequence[Token], toks: Sequence[Token], roles: set[str]) -> str | None:
    """Gender hint from honorifics, gendered role words, or a known first name."""
    for t in titles:
        g = HONORIFIC_GENDER.get(norm_word(t.text))
        if g:
            return g
    genders = {HONORIFIC_GENDER[w] for w in roles if w in HONORIFIC_GENDER}
    if len(genders) == 1:
        return genders.pop()
    if len(toks) > 1:
        return first_name_gender(norm_word(toks[0].text))
    return None


def plausible_name(toks: Sequence[Token], label: str) -> bool:
    """Reject NER noise from title-cased headlines ("Relishing The", "Obama Administration To
    Expand Program")."""
    if label != "PERSON":
        if len(toks) == 1 and (toks[0].lower_ in ORG_WORDS or toks[0].tag_ == "JJ"):
            return False  # "Bank executives", "the Federal mine"
        return not any(t.tag_.startswith("VB") or t.lower_ == "to" for t in toks)
    if (toks[-1].tag_ in ("NNS", "NNPS") and toks[-1].text.lower().endswith("s")
            and not looks_like_person(toks)):  # "Democrats", but "Jimmy Tompkins" is a name
        return False
    if any(t.tag_.startswith("VB") or t.lower_ in HEADLINE_VERBS for t in toks):
        return False
    if not toks[0].text[:1].isupper():
        return False
    return not any(t.is_stop and t.lower_ not in NAME_PARTICLES for t in toks)


def headline_only(doc: Doc, ent: Span, s: SpeakerSettings) -> bool:
    """An organisation of 3+ words seen only in a title-cased headline: a misread headline."""
    text = doc_text(doc)
    first_line_end = text.find("\n")
    if len(ent) < s.headline_org_min_tokens or first_line_end < 0 or ent.end_char > first_line_end:
        return False
    words = [w for w in text[:first_line_end].split() if w[:1].isalpha()]
    title_cased = len(words) <= s.headline_max_words and (
        sum(w[0].isupper() for w in words) >= s.headline_title_share * len(words))
    return title_cased and text.find(ent.text, first_line_end) < 0


def title_cased_headline_end(doc: Doc, s: SpeakerSettings) -> int:
    """The end of a title-cased first line (a headline whose capitals NER misreads), else 0;
    a line ending in "!", "?", a quote or a colon is a lede, and one ending in "." is a headline
    only when nearly every word is capitalised (news headlines often end in a period)."""
    text = doc_text(doc)
    end = text.find("\n")
    if end < 0 or text[:end].rstrip().endswith(("!", "?", "\"", "”", ":")):
        return 0
    words = [w for w in text[:end].split() if w[:1].isalpha()]
    share = s.headline_title_share
    if text[:end].rstrip().endswith("."):  # "Donald Trump Picks Up His First Endorsements."
        share = max(share, s.headline_period_title_share)
    title_cased = 2 < len(words) <= s.headline_max_words and (
        sum(w[0].isupper() for w in words) >= share * len(words))
    return end if title_cased else 0



def headline_person(toks: list[Token], body_words: set[str]) -> list[Token]:
    """A headline person name cut to the words the body uses for people ("Obama Speech" ->
    "Obama"), kept whole when the body never names anyone."""
    if not body_words:
        return toks
    kept = [t for t in toks if norm_word(t.text) in body_words]
    if not kept:
        return []
    return list(toks[toks.index(kept[0]) : toks.index(kept[-1]) + 1])


NAME_TITLE_WORDS = frozenset({"state", "house", "court", "senate", "supreme"})


def is_title_word(tok: Token) -> bool:
    """A title or role word before a person's name ("President", "Prime"), not a word of an
    organisation's name ("State", "Court")."""
    word = norm_word(tok.text)
    return word in TITLES - NAME_TITLE_WORDS or word in ROLE_SYNONYMS


def whole_proper_name(ent: Span) -> Span:
    """A nationality or religion word the recogniser cut from the proper noun it heads into
    ("The Islamic State" tagged NORP "Islamic") is the whole name, an organisation."""
    doc = ent.doc
    end = ent.end
    if ent.label_ != "NORP":
        return ent
    while (end < len(doc) and doc[end].tag_ in ("NNP", "NNPS") and not doc[end].ent_type_
           and doc[end].text[:1].isupper() and doc[end - 1].head.i >= end
           and not is_title_word(doc[end])):
        end += 1
    if end == ent.end or end < len(doc) and (doc[end].ent_type_ == "PERSON"
                                             or is_title_word(doc[end])):
        return ent  # "Russian President Putin": a title, not a name
    return Span(doc, ent.start, end, label="ORG")


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
# Dotted abbreviations of places and bodies that open organisation names ("U.S. Steel").
PLACE_INITIALS = {"U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "N.Y.", "L.A.", "N.J.", "S.F."}


def initials_first_name(word: str) -> bool:
    """A first name written as dotted initials: "J.C." in "J.C. Chandor", "J." in "J. Edgar
    Hoover"; not a place's abbreviation ("U.S." in "U.S. Steel")."""
    return _INITIALS.fullmatch(word) is not None and word not in PLACE_INITIALS


def person_shaped(name: str) -> bool:
    """Two or three capitalised words with no organisation word: "Shannon Cross" or "J.C.
    Chandor", not "Cross Research" or "NASA"."""
    words = name.split()
    return (2 <= len(words) <= 3
            and all(w[:1].isupper() and w[1:2].islower()
                    or (n == 0 and initials_first_name(w)) for n, w in enumerate(words))
            and not any(norm_word(w) in ORG_WORDS or norm_word(w) in PLACE_WORDS
                        for w in words)
            and not (words[0].lower().endswith("ed")  # "Associated Press", "United Way"
                     and words[0].lower() not in FIRST_NAMES))


def person_after_owner(ent: Span) -> Span:
    """A person's name the recogniser ran on from its owner ("Commentary's Noah Rothman" tagged
    ORG, "The New Republic's Jeet Heer" GPE): the person after the possessive, when it is
    person-shaped and the recogniser, a known first name or its acting as a subject says it is a
    person; any other name as it is ("McDonald's Happy Meal sales")."""
    owner = next((t for t in ent[:-1] if t.tag_ == "POS" or t.text in ("'s", "’s")), None)
    if owner is None:
        return ent
    rest = ent.doc[owner.i + 1 : ent.end]
    person = (ent.label_ == "PERSON" or norm_word(rest[0].text) in FIRST_NAMES
              or rest.root.dep_ in ("nsubj", "nsubjpass"))
    if not person or not person_shaped(rest.text):
        return ent
    return Span(ent.doc, rest.start, rest.end, label="PERSON")


COURT_ENDS = frozenset("court appeals".split())
JURISDICTION_ENDS = frozenset("circuit district".split())


def court_with_jurisdiction(ent: Span) -> Span:
    """A court the recogniser cut at its jurisdiction ("U.S. Court of Appeals" | "for the
    Sixth Circuit", "District Court" | "for the Southern District") is the whole name, so
    "the appeals court" later is that court, not a shorter namesake of every circuit."""
    doc = ent.doc
    if ent.label_ != "ORG" or ent[-1].lower_ not in COURT_ENDS or ent.end + 1 >= len(doc) \
            or doc[ent.end].lower_ != "for":
        return ent
    nxt = next((e for e in doc.ents if e.start in (ent.end + 1, ent.end + 2)), None)
    if nxt is None or nxt[-1].lower_ not in JURISDICTION_ENDS or (
            nxt.start == ent.end + 2 and doc[ent.end + 1].lower_ != "the"):
        return ent
    return Span(doc, ent.start, nxt.end, label="ORG")


def institution_named(toks: Sequence[Token]) -> bool:
    """A "person" name ending in an institution word, with no first name in it ("Obama White
    House", "Trump Justice Department"): the institution, an organisation."""
    return (len(toks) > 1 and toks[-1].lower_ in INSTITUTION_WORDS
            and toks[-1].text[:1].isupper()
            and not any(norm_word(t.text) in FIRST_NAMES for t in toks))


def looks_like_person(toks: Sequence[Token]) -> bool:
    """A multi-token name whose first token is a known first name."""
    return len(toks) > 1 and norm_word(toks[0].text) in FIRST_NAMES


def mostly_places(raw: Sequence[tuple[Span, str, list[Token], list[Token]]],
                  majority: int = SpeakerSettings.place_majority) -> set[tuple[str, ...]]:
    """One-word names the recogniser calls a place (GPE) more often than a person, and that
    no longer person name of the article ends in: "Athens" tagged GPE fifteen times and PERSON
    once (at least `majority` times as often) is the city, not a man (whose name would then
    take every "the city")."""
    labels: dict[tuple[str, ...], Counter[str]] = {}
    people: set[str] = set()  # words of longer or titled person names ("Gov. Kasich", not
    #  "the King of Athens")
    for _, label, titles, toks in raw:
        key = name_tokens(toks)
        if len(key) == 1:
            labels.setdefault(key, Counter())[label] += 1
        if label == "PERSON" and (len(key) > 1 or titles and titles[-1].lower_ != "of"):
            people.update(key)
    return {k for k, c in labels.items()
            if c["GPE"] >= majority * c["PERSON"] > 0 and k[0] not in people}


def noun_tagged_name(tok: Token, lower_words: set[str]) -> bool:
    """A capitalised word the tagger read as a common noun ("Sanders" as the plural of
    "sander", "Trump predicts …") that the article never writes in lower case (`lower_words`),
    so it may be a name: "Candidates" opening a headline is not one when "candidates" occurs."""
    return (tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.text[1:2].islower()
            and tok.lower_ not in lower_words)


OATH_NAMES = frozenset("god christ jesus heaven heavens lord".split())


def oath(tok: Token) -> bool:
    """Whether a name is part of an oath or exclamation ("for God's sake", "thank God", "oh
    my God", "good Lord"): nobody the text speaks of, so no antecedent of "he"."""
    if tok.lower_ not in OATH_NAMES:
        return False
    prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
    return (tok.head.lemma_.lower() in ("sake", "sakes") or tok.head.lemma_.lower() == "thank"
            or prev in ("my", "oh", "good", "dear", "thank"))


def name_mentions(doc: Doc, in_quote: Sequence[bool],
                  s: SpeakerSettings | None = None) -> list[NameMention]:
    """Named mentions outside quotations, with NER labels fixed by person-name evidence."""
    s = s or SpeakerSettings()
    raw: list[tuple[Span, str, list[Token], list[Token]]] = []
    joined = 0  # end of the last court joined to its jurisdiction
    for ent in doc.ents:
        if (ent.label_ not in NAME_LABELS or in_quote[ent.start] or in_quote[ent.end - 1]
                or ent.start < joined):
            continue
        ent = person_after_owner(court_with_jurisdiction(whole_proper_name(ent)))
        joined = max(joined, ent.end)
        titles, toks = clean_name(list(ent), ent.label_ == "PERSON")
        if ent.label_ == "PERSON":
            toks = split_name_pair(strip_function_lead(strip_gerund_lead(toks)))
        if not toks or not plausible_name(toks, ent.label_) or len(ent) == 1 and oath(ent[0]):
            continue
        if ent.label_ != "PERSON" and headline_only(doc, ent, s):
            continue
        label = "ORG" if ent.label_ in ("FAC",) or acronym_tail(toks) else ent.label_
        if label != "PERSON" and looks_like_person(toks):
            label = "PERSON"
        elif label == "PERSON" and institution_named(toks):
            label = "ORG"
        raw.append((ent, label, titles, toks))
    raw = [(ent, "ORG" if label == "PERSON" and team_name(toks, raw) else label, titles, toks)
           for ent, label, titles, toks in raw]
    places = mostly_places(raw, s.place_majority)
    raw = [(ent, "GPE" if label == "PERSON" and name_tokens(toks) in places else label, titles,
            toks) for ent, label, titles, toks in raw]
    headline_end = title_cased_headline_end(doc, s)
    person_words = {
        norm_word(t.text) for _, label, _, toks in raw if label == "PERSON" for t in toks
        if t.idx >= headline_end
    }
    common_nouns = {t.text for t in doc if t.pos_ == "NOUN" and t.text.islower()}
    solo_names = {norm_word(toks[0].text) for _, label, _, toks in raw
                  if label == "PERSON" and len(toks) == 1}
    times = Counter(ent.text for ent in doc.ents)
    repeated = frozenset(name for name, n in times.items() if n >= s.repeated_name_times)
    out: list[NameMention] = []
    covered: set[int] = set()
    kept: list[tuple[Span, str, list[Token], list[Token]]] = []
    for ent, label, titles, toks in raw:
        if ent.start_char < headline_end and label == "PERSON":
            toks = headline_person(toks, person_words)  # "Derelict Obama" -> "Obama"
            if not toks:
                continue
        if label == "PERSON":
            toks = strip_common_tail(toks, common_nouns, solo_names, repeated)
            toks = strip_role_lead(toks, common_nouns, person_words - {
                norm_word(t.text) for t in toks[:1]})
        kept.append((ent, label, titles, toks))
    kept = cut_run_on_names(kept)
    for ent, label, titles, toks in kept:
        key = name_tokens(toks)
        if label in ("ORG", "GPE", "NORP") and len(key) == 1 and key[0] in person_words:
            label = "PERSON"
        if label == "NORP" and ent.root.tag_ == "JJ":
            continue  # "Russian" as an adjective names no one
        roles = descriptors(list(ent), doc, s) | role_words([t.text for t in titles])
        gender = name_gender(_left_titles(doc, ent.start, s.max_left_titles) + titles, toks, roles)
        text = clean_label(doc[toks[0].i : toks[-1].i + 1].text)
        surname = shared_surname(doc, toks) if label == "PERSON" else None
        if surname is not None:  # "Donald and Ivana Trump": Donald is Donald Trump
            key, text = (*key, norm_word(surname.text)), f"{text} {strip_possessive(surname.text)}"
        out.append(NameMention(ent.start, ent.end, label, text, key, frozenset(roles), gender,
                               name_as_modifier(toks)))
        covered.update(range(ent.start, ent.end))
    lower_words = {t.lower_ for t in doc if t.text.islower()}
    for tok in doc:  # surnames the NER missed ("Mr. Biden" untagged, "Sanders" a noun)
        if (tok.i not in covered and (tok.pos_ == "PROPN" or noun_tagged_name(tok, lower_words))
                and not in_quote[tok.i]
                and norm_word(tok.text) in person_words and tok.text[:1].isupper()):
            toks = [*untagged_first_name(doc, tok, covered), tok]
            titles = _left_titles(doc, toks[0].i, s.max_left_titles)
            roles = role_words([t.text for t in titles])
            text = " ".join([*(t.text for t in toks[:-1]), strip_possessive(tok.text)])
            out.append(NameMention(toks[0].i, tok.i + 1, "PERSON", text,
                                   tuple(norm_word(t.text) for t in toks), frozenset(roles),
                                   name_gender(titles, toks, roles), name_as_modifier(toks)))
            covered.update(t.i for t in toks)
    out.sort(key=lambda m: m.start)
    return out


COORDINATORS = frozenset({"and", "&"})


def shared_surname(doc: Doc, toks: Sequence[Token]) -> Token | None:
    """The surname a lone first name shares with the full name coordinated right after it
    ("both Donald and Ivana Trump", "Bill & Hillary Clinton" -> Trump, Clinton), else None."""
    if len(toks) != 1 or norm_word(toks[0].text) not in FIRST_NAMES:
        return None
    i = toks[0].i + 1
    if i + 2 >= len(doc) or doc[i].lower_ not in COORDINATORS:
        return None
    first = doc[i + 1]
    if first.ent_type_ != "PERSON" or first.ent_iob_ != "B" or first.pos_ != "PROPN":
        return None
    j = i + 2
    while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I" and doc[j + 1].pos_ == "PROPN":
        j += 1  # the last word of the coordinated name ("Ivana Marie Trump")
    last = doc[j]
    if last.ent_type_ != "PERSON" or last.ent_iob_ != "I" or last.pos_ != "PROPN":
        return None
    return last


def cut_run_on_names(found: list[tuple[Span, str, list[Token], list[Token]]]
                     ) -> list[tuple[Span, str, list[Token], list[Token]]]:
    """A person name written once with words run on after a full name the article gives on its
    own ("Chris Christie Address Heroin Epidemic", "Ted Cruz South Carolina victory party", a
    related headline "Bernie Sanders Pins The Rise Of ISIS …" beside "Bernie Sanders") is cut to
    that name; a suffix ("Donald Trump Jr.") is part of a name, never run on."""
    people = [name_tokens(toks) for _, label, _, toks in found if label == "PERSON"]
    seen = Counter(people)
    known = {key for key in seen if len(key) >= 2}
    out = []
    for ent, label, titles, toks in found:
        key = name_tokens(toks)
        if label == "PERSON" and len(key) >= 3 and seen[key] == 1 and len(key) == len(toks):
            cut = next((n for n in range(len(key) - 1, 1, -1) if key[:n] in known
                        and not set(key[n:]) & NAME_SUFFIXES), None)
            if cut is not None:
                toks = toks[:cut]
        out.append((ent, label, titles, toks))
    return out


def untagged_first_name(doc: Doc, surname: Token, covered: set[int]) -> list[Token]:
    """The known first name right before a surname the recogniser left untagged ("Patrol
    Chief James Hall" tagged a work of art): [James], else []; without it "Hall" would join
    another Hall of the article ("Ellie Hall")."""
    i = surname.i - 1
    if i < 0 or i in covered:
        return []
    first = doc[i]
    if (first.pos_ == "PROPN" and first.text[:1].isupper() and first.text[1:2].islower()
            and norm_word(first.text) in FIRST_NAMES):
        return [first]
    return []


def _left_titles(doc: Doc, start: int, most: int) -> list[Token]:
    """Title tokens right before a token ("Mr.", "Sen.", "President"), at most `most`."""
    out: list[Token] = []
    i = start - 1
    while i >= 0 and start - i <= most and norm_word(doc[i].text) in TITLES:
        out.insert(0, doc[i])
        i -= 1
    return out


def compatible_names(short: Sequence[str], full: Sequence[str]) -> bool:
    """Whether a name's tokens fit inside another's: "Biden" ⊂ "Joe Biden"; suffixes must agree."""
    s = [t for t in short if t not in NAME_SUFFIXES]
    f = [t for t in full if t not in NAME_SUFFIXES]
    if not s or not set(s) <= set(f):
        return False
    if len(s) > 1 and {t for t in short if t in NAME_SUFFIXES} != {
        t for t in full if t in NAME_SUFFIXES
    }:
        return False
    return True


def familiar_variant(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two full names are one person's familiar and formal forms, or one misspelt: the
    same words but the first, and first names that are forms of one name ("sandy paradis" /
    "sandra paradis", "ken starr" / "kenneth starr"; `NICKNAMES`) or differ only by a doubled
    letter ("hilary clinton" / "hillary clinton")."""
    if len(a) != len(b) or len(a) < 2 or a == b or list(a[1:]) != list(b[1:]):
        return False
    return same_first_name(a[0], b[0])


def initials(name: str) -> str:
    """The capital initials of a name's words ('Ava DuVernay' -> 'AD', 'Oprah Winfrey' -> 'OW')."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def acronym(tokens: Sequence[str]) -> str:
    """Initials of an organisation name: "federal bureau of investigation" -> "fbi"."""
    return "".join(t[0] for t in tokens if t and t not in ACRONYM_STOP)


def org_key(tokens: Sequence[str]) -> str:
    """Matching key of an organisation name: tokens joined, dots removed ("u.s." == "us")."""
    return " ".join(tokens).replace(".", "")


NP_DEPS = ("compound", "amod", "nmod", "det", "poss", "nummod", "quantmod", "predet", "advmod")


# Everyday words for relatives and the word a possessed speaker is named by ("her mom" ->
# "Clinton's mother"), so that one relative written two ways is one speaker.
FAMILY_NAMES_OF = {"mom": "mother", "mum": "mother", "mommy": "mother", "dad": "father",
                   "daddy": "father", "grandma": "grandmother", "grandpa": "grandfather"}


JOINING_MARKS = frozenset("/ &".split())  # marks that join two names into one modifier


def np_start(head: Token) -> int:
    """First token of the contiguous left modifiers of a noun head."""
    start = head.i
    for t in reversed(list(head.lefts)):
        if t.dep_ in NP_DEPS and t.right_edge.i == start - 1:
            start = t.left_edge.i
        elif t.dep_ == "punct" and t.text in JOINING_MARKS and t.i == start - 1:
            start = t.i  # "New York Times/CBS News survey": one run of modifiers
        elif t.i < start - 1:
            break
    return start


def group_name(span: Span, max_prep_tokens: int = SpeakerSettings.max_group_prep_tokens
               ) -> tuple[str, bool]:
    """A group description without determiners/quantifiers, and whether it has a proper name:
    "some White House officials" -> "White House officials", "a number of members of Congress"
    -> "members of Congress", "officials at the FBI" kept whole."""
    root = span.root
    if root.lemma_.lower() in QUANTITY_NOUNS:
        of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
        objs = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
        if objs:
            root = objs[0]
    end = root.i + 1
    for child in root.rights:  # "officials at the FBI", "members of Congress"
        if child.dep_ == "prep" and child.i == end and any(
                t.pos_ == "PROPN" for t in child.subtree
        ) and child.right_edge.i - root.i < max_prep_tokens:
            end = child.right_edge.i + 1
            break
    toks = [t for t in span.doc[min(span.start, np_start(root)) : end]
            if t.i >= np_start(root) and (not t.is_punct or t.text in ("'s", "’s"))]
    while toks and (toks[0].lower_ in QUANTIFIERS or toks[0].dep_ in ("det", "predet")
                    or toks[0].like_num or toks[0].text == "-" or toks[0].tag_ == "CD"):
        toks.pop(0)
    if not toks:
        return clean_label(span.text), False
    named = any(t.pos_ == "PROPN" or t.ent_type_ in NAME_LABELS
                or (t.text[:1].isupper() and t.i > 0 and t.nbor(-1).text not in ".!?\n")
                for t in toks)
    text = clean_label(span.doc[toks[0].i : toks[-1].i + 1].text)
    return text, named


def plural_lemma(tok: Token) -> str:
    """A noun's lowercased lemma, singular also for a capitalised plural the parse calls a
    name ("Senators" -> "senator"), when the singular is a noun of people or groups."""
    lemma = tok.lemma_.lower()
    singular = lemma.removesuffix("s")
    if tok.tag_ == "NNPS" and singular != lemma and is_group_noun(singular):
        return singular
    return lemma


def is_group_noun(word: str) -> bool:
    """Whether a plural noun's lemma can name a group of speakers ("officials", "leaders")."""
    return word in GROUP_WORDS or word in ORG_WORDS or is_person_noun(word) or word in FAMILY_WORDS


# Person nouns no role, family word or ending gives: what someone is in a race or a school
# ("the GOP front-runner", "the Stanford graduate"), of an age ("the teen"), or an occupation
# no ending gives ("the coroner declared …", "forecasters"); not what someone uses ("readers",
# "users" suggesting or reporting things are mostly the writer's narration on real pages).
STANDING_NOUNS = frozenset("runner frontrunner front-runner graduate alumnus alumna "
                           "teen teenager youngster adolescent "
                           "coroner forecaster juror nurse surgeon banker".split())


def is_person_noun(word: str) -> bool:
    """Whether a common noun denotes a person ("president", "nominee", "spokeswoman")."""
    return (word in ROLE_SYNONYMS or word in FAMILY_WORDS or word in STANDING_NOUNS
            or word.endswith(("ist", "man", "woman", "person", "ian", "ee")))
