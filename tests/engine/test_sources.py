"""sources.py: the subject a cue's words are attributed to, and the mention that names it."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.engine.cues import Cue, find_cues
from saidwhat.engine.lexicon import load_lexicon
from saidwhat.engine.quotes import find_quotes, token_in_quote
from saidwhat.engine.sources import (
    after_dateline,
    after_entry_time,
    listed_clause_subject,
    main_verb_hung_on_name,
    mention_span,
    object_after_quote,
    passive_subject,
    quotes_one_as_saying,
    shares_a_passive,
    source_for,
    subject_of,
    unparsed_subject,
    without_speaking_clause,
)
from saidwhat.settings import CueSettings, SourceSettings

LEXICON = load_lexicon(CueSettings())


def source_text(nlp: Language, text: str, lemma: str) -> str | None:
    """The source found for the cue with this lemma."""
    doc = nlp(text)
    cues = find_cues(doc, token_in_quote(doc, find_quotes(text)), LEXICON)
    cue = next(c for c in cues if doc[c.head].lemma_ == lemma)
    span = source_for(doc, cue, LEXICON)
    return span.text if span is not None else None


@pytest.mark.parametrize(
    "text, lemma, source",
    [
        ("The mayor said the budget was balanced.", "say", "The mayor"),
        ("The mayor ended the meeting by saying that the budget was balanced.", "say", "The mayor"),
        ("The mayor praised the council, saying that the budget was balanced.", "say", "The mayor"),
        ("The budget is balanced, according to the mayor.", "accord", "the mayor"),
        ("The plan was criticized by the mayor.", "criticize", "the mayor"),
    ],
)
def test_source_of_each_cue_shape(nlp: Language, text: str, lemma: str, source: str) -> None:
    assert source_text(nlp, text, lemma) == source


def test_agentless_passive_has_no_source(nlp: Language) -> None:
    doc = nlp("The mayor was accused of hiding the budget.")
    verb = next(t for t in doc if t.lemma_ == "accuse")
    assert subject_of(verb, LEXICON, SourceSettings()) is None


def test_of_two_subjects_the_one_next_to_the_verb(nlp: Language) -> None:
    doc = nlp('"One of the brightest members of the entire Congress," Lopez said in an interview.')
    verb = next(t for t in doc if t.lemma_ == "say")
    subject = subject_of(verb, LEXICON, SourceSettings())
    assert subject is not None and subject.text == "Lopez"


def test_mention_leaves_out_a_comma_set_participle(nlp: Language) -> None:
    doc = nlp("Trump, speaking to veterans in Virginia, said the system was rigged.")
    head = next(t for t in doc if t.text == "Trump")
    assert mention_span(head).text == "Trump"


def test_mention_keeps_an_apposition(nlp: Language) -> None:
    doc = nlp("Maria Lopez, the senator from Ohio, said the bill was dead.")
    head = next(t for t in doc if t.dep_ == "nsubj")
    assert mention_span(head).text == "Maria Lopez, the senator from Ohio"


def test_the_person_asked_is_not_the_asker(nlp: Language) -> None:
    text = "Trump, asked about the polls, said he was winning."
    assert source_text(nlp, text, "ask") is None
    assert source_text(nlp, text, "say") == "Trump"


@pytest.mark.parametrize("text", [
    "Asked about the disclosures, Lord Baker said he had not seen them.",
    "When asked about the plan, the mayor said it was dead.",
])
def test_an_opening_participle_of_asking_has_no_source(nlp: Language, text: str) -> None:
    assert source_text(nlp, text, "ask") is None  # the subject was asked; the asker is unnamed
    assert source_text(nlp, text, "say") in ("Lord Baker", "the mayor")


@pytest.mark.parametrize("text", [
    "Asked what the new plan would cost, Reyes said it was too early to tell.",  # tagged VBD
    "“We will see,” Reyes said when asked about the budget.",
    "The budget is fine, Reyes said, asked about the delay.",
])
def test_a_participle_of_asking_before_or_after_its_clause_has_no_source(
        nlp: Language, text: str) -> None:
    assert source_text(nlp, text, "ask") is None  # Reyes was asked, by someone unnamed
    assert source_text(nlp, text, "say") == "Reyes"


def test_a_past_tense_of_asking_with_an_object_keeps_its_subject(nlp: Language) -> None:
    assert source_text(nlp, "Reyes spoke for an hour, asked the council for more money.",
                       "ask") == "Reyes"


def test_asked_by_someone_keeps_the_asker(nlp: Language) -> None:
    text = "Asked about it by reporters, the mayor said the plan was dead."
    assert source_text(nlp, text, "ask") == "reporters"


@pytest.mark.parametrize(("text", "source"), [
    ("The newspaper quoted the agency as saying the image appeared to show a plane.",
     "the agency"),
    ("Other media later quoted the head of the agency, Fransiskus Soelistyo, as saying only "
     "three bodies had been found.", "the head of the agency, Fransiskus Soelistyo"),
])
def test_the_one_quoted_as_saying_is_the_source(nlp: Language, text: str, source: str) -> None:
    assert source_text(nlp, text, "say") == source
    assert source_text(nlp, text, "quote") in ("The newspaper", "Other media")


def test_mention_leaves_out_a_comma_set_past_participle(nlp: Language) -> None:
    text = "The senator, pressed on the deadline, insisted that the bill would pass."
    assert source_text(nlp, text, "insist") == "The senator"


@pytest.mark.parametrize(
    "text, lemma, source",
    [
        ("Ann Lee was quoted calling the plan a failure.", "quote", "Ann Lee"),
        ("Ann Lee was quoted as saying the plan had failed.", "quote", "Ann Lee"),
        ("Ann Lee is said to believe that the plan failed.", "say", "Ann Lee"),
        ("The plan was said to be dead.", "say", None),
        ("It was said to be raining.", "say", None),
    ],
)
def test_the_subject_of_a_passive_report_is_quoted_only_with_words_of_its_own(
        nlp: Language, text: str, lemma: str, source: str | None) -> None:
    assert source_text(nlp, text, lemma) == source


def test_a_role_set_off_by_then_joins_the_name_before_it(nlp: Language) -> None:
    text = ("In a memo to the mayor, dated March 3, Mark Addison, then her deputy, said the "
            "plan would fail.")
    assert source_text(nlp, text, "say") == "Mark Addison, then her deputy"
    assert source_text(nlp, "Her deputy, then a clerk, said the plan would fail.",
                       "say") == "Her deputy, then a clerk"


@pytest.mark.parametrize(
    "text, source",
    [
        ("Even Dana Ortiz said the plan would fail.", "Dana Ortiz"),
        ("Only the mayor said the plan would fail.", "the mayor"),
    ],
)
def test_a_source_leaves_out_focus_words_and_datelines(nlp: Language, text: str,
                                                       source: str) -> None:
    assert source_text(nlp, text, "say") == source


def test_a_dateline_opening_a_span_is_skipped(nlp: Language) -> None:
    doc = nlp("BRANDON, Ore. (AP) — Dana Ortiz said the plan would fail.")
    head = next(t for t in doc if t.text == "Ortiz")
    assert doc[after_dateline(doc, 0, head.i)].text == "Dana"


@pytest.mark.parametrize("text", [
    "New York (AFP) – Dana Ortiz said on Tuesday that the plan would fail.",
    "ORLANDO, Fla. (Reuters) - Dana Ortiz said on Sunday that the plan would fail.",
    "CLEVELAND, July 19 (UPI) — Former Mayor Dana Ortiz said the plan would fail.",
])
def test_a_source_starts_after_a_news_agency_credit(nlp: Language, text: str) -> None:
    source = source_text(nlp, text, "say")  # the parse may take the place for the subject
    assert source is not None and source.endswith("Dana Ortiz") and "(" not in source


@pytest.mark.parametrize("text", [
    "Storm closes the coast road\n14.07 Dana Ortiz in Port Vale said the road would stay shut.",
    "Storm closes the coast road\n9:38 PM Dana Ortiz said the road would stay shut.",
])
def test_a_live_blog_entry_time_is_no_part_of_a_source(nlp: Language, text: str) -> None:
    source = source_text(nlp, text, "say")
    assert source is not None and source.startswith("Dana Ortiz")


def test_an_entry_time_is_skipped_only_before_the_head(nlp: Language) -> None:
    doc = nlp("At 14.07 the mayor said the road would stay shut.")
    time = next(t for t in doc if t.text == "14.07")
    assert after_entry_time(doc, time.i, time.i) == time.i  # a time that is the head stays
    mayor = next(t for t in doc if t.text == "mayor")
    assert after_entry_time(doc, mayor.i - 1, mayor.i) == mayor.i - 1  # 'the' is no time


def test_a_parenthesis_in_a_source_is_no_agency_credit(nlp: Language) -> None:
    text = "The National Rifle Association (NRA) - a gun lobby - said the plan would fail."
    assert source_text(nlp, text, "say").startswith("The National Rifle Association")


def test_a_dash_inside_a_plain_source_is_no_dateline(nlp: Language) -> None:
    doc = nlp("The mayor — a critic of the plan — said it would fail.")
    head = next(t for t in doc if t.text == "mayor")
    assert after_dateline(doc, 0, head.i) == 0


def test_an_inverted_aside_inside_a_clause_is_said_by_the_subject_after_it(
        nlp: Language) -> None:
    text = "One of the most popular offerings so far, said the owners, is the Pick 6 pack."
    assert source_text(nlp, text, "say") == "the owners"
    assert source_text(nlp, "The bridge, the mayor said, will open.", "say") == "the mayor"


def parsed(words: list[str], heads: list[int], deps: list[str], tags: list[str],
           ents: list[str] | None = None) -> Doc:
    """A doc with a parse given by hand (the misparses the rules read past)."""
    import spacy

    pos_of = {"NNP": "PROPN", "NNPS": "PROPN", "NN": "NOUN", "NNS": "NOUN", "VBD": "VERB",
              "VBZ": "VERB", "VBP": "VERB", "VB": "VERB", "DT": "DET", "JJ": "ADJ", "CC": "CCONJ",
              ",": "PUNCT", ".": "PUNCT", "``": "PUNCT", "''": "PUNCT", "PRP": "PRON",
              "_SP": "SPACE", "IN": "ADP", "RB": "ADV", "CD": "NUM", "PRP$": "PRON",
              "VBG": "VERB", "VBN": "VERB"}
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "”", "\n") and w != "“"
              and w != "\n" for i, w in enumerate(words)]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps,
               tags=tags, pos=[pos_of[t] for t in tags], ents=ents or ["O"] * len(words),
               sent_starts=[i == 0 for i in range(len(words))])


def test_a_name_before_a_subjectless_cue_is_its_source() -> None:
    # a headline the parse ran into the next line: 'Amtrak' hangs off the headline's noun
    doc = parsed(["Busiest", "airport", "\n", "Amtrak", "reported", "no", "delays", "."],
                 [1, 4, 1, 1, 4, 6, 4, 4],
                 ["amod", "npadvmod", "dep", "pobj", "ROOT", "det", "dobj", "punct"],
                 ["JJ", "NN", "_SP", "NNP", "VBD", "DT", "NNS", "."],
                 ["O", "O", "O", "B-ORG", "O", "O", "O", "O"])
    assert unparsed_subject(doc[4]).text == "Amtrak"


def test_a_name_before_a_comma_set_aside_is_the_source() -> None:
    # 'Mark Addison, then her secretary, said …' with the name hung on a date before it
    words = ["In", "May", ",", "Mark", "Addison", ",", "then", "her", "secretary", ",", "said",
             "it", "failed", "."]
    doc = parsed(words, [10, 0, 1, 4, 1, 4, 8, 8, 1, 10, 10, 12, 10, 10],
                 ["prep", "pobj", "punct", "compound", "conj", "punct", "advmod", "poss", "appos",
                  "punct", "ROOT", "nsubj", "ccomp", "punct"],
                 ["IN", "NNP", ",", "NNP", "NNP", ",", "RB", "PRP$", "NN", ",", "VBD", "PRP",
                  "VBD", "."],
                 ["O", "B-DATE", "O", "B-PERSON", "I-PERSON"] + ["O"] * 9)
    assert unparsed_subject(doc[10]).text == "Mark Addison, then her secretary"


def test_a_name_inside_the_aside_is_not_the_one_before_it() -> None:
    # 'Col. Warren, a spokesman in Baghdad, said …': Baghdad is in the aside, Warren speaks
    words = ["Col.", "Warren", ",", "a", "spokesman", "in", "Baghdad", ",", "said", "it",
             "failed", "."]
    doc = parsed(words, [1, 8, 1, 4, 1, 4, 5, 8, 8, 10, 8, 8],
                 ["compound", "npadvmod", "punct", "det", "appos", "prep", "pobj", "punct",
                  "ROOT", "nsubj", "ccomp", "punct"],
                 ["NNP", "NNP", ",", "DT", "NN", "IN", "NNP", ",", "VBD", "PRP", "VBD", "."],
                 ["O", "B-PERSON", "O", "O", "O", "O", "B-GPE", "O", "O", "O", "O", "O"])
    assert unparsed_subject(doc[8]).text == "Col. Warren, a spokesman in Baghdad"


def test_a_participle_aside_stays_out_of_the_source() -> None:
    # 'Obama, speaking on Monday, said …': what the speaker was doing, not who they are
    words = ["Obama", ",", "speaking", "on", "Monday", ",", "said", "it", "failed", "."]
    doc = parsed(words, [6, 0, 0, 2, 3, 6, 6, 8, 6, 6],
                 ["dep", "punct", "acl", "prep", "pobj", "punct", "ROOT", "nsubj", "ccomp",
                  "punct"],
                 ["NNP", ",", "VBG", "IN", "NNP", ",", "VBD", "PRP", "VBD", "."],
                 ["B-PERSON", "O", "O", "O", "B-DATE", "O", "O", "O", "O", "O"])
    assert unparsed_subject(doc[6]).text == "Obama"


def test_the_object_of_a_cue_after_a_closing_quote_is_its_source() -> None:
    # '“Trump is vile,” read one.': the parse made the speaker the cue's object
    words = ["“", "Trump", "is", "vile", ",", "”", "read", "one", "."]
    doc = parsed(words, [6, 2, 6, 2, 6, 6, 6, 6, 6],
                 ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "ROOT", "dobj", "punct"],
                 ["``", "NNP", "VBZ", "JJ", ",", "''", "VBD", "CD", "."])
    assert unparsed_subject(doc[6]).text == "one"
    assert object_after_quote(doc[2]) is None  # no quote mark before 'is'


def test_a_name_after_a_doubled_apostrophe_quote_keeps_its_apposition() -> None:
    # "''It failed,'' said Richard Trumka, president of the union." (the NYT's quote marks)
    words = ["''", "It", "failed", ",", "''", "said", "Richard", "Trumka", ",", "president",
             "of", "the", "union", "."]
    doc = parsed(words, [5, 2, 5, 5, 5, 5, 7, 5, 7, 7, 9, 12, 10, 5],
                 ["punct", "nsubj", "ccomp", "punct", "punct", "ROOT", "compound", "dobj",
                  "punct", "appos", "prep", "det", "pobj", "punct"],
                 ["''", "PRP", "VBD", ",", "''", "VBD", "NNP", "NNP", ",", "NN", "IN", "DT",
                  "NN", "."],
                 ["O"] * 6 + ["B-PERSON", "I-PERSON"] + ["O"] * 6)
    assert unparsed_subject(doc[5]).text == "Richard Trumka, president of the union"


def test_a_name_inside_a_phrase_before_the_cue_is_no_source() -> None:
    # 'the plan of Smith reported …' is no name opening the clause
    doc = parsed(["the", "plan", "of", "Smith", "reported", "gains", "."],
                 [1, 4, 1, 2, 4, 4, 4],
                 ["det", "dep", "prep", "pobj", "ROOT", "dobj", "punct"],
                 ["DT", "NN", "IN", "NNP", "VBD", "NNS", "."],
                 ["O", "O", "O", "B-PERSON", "O", "O", "O"])
    assert unparsed_subject(doc[4]) is None


def test_the_noun_phrase_after_an_inverted_cue_is_its_source() -> None:
    # '“Cash is king,” write Omwansa and Sullivan.' with the cue tagged as an imperative
    words = ["“", "Cash", "is", "king", ",", "”", "write", "Omwansa", "and", "Sullivan", "."]
    doc = parsed(words, [6, 2, 6, 2, 6, 6, 6, 6, 7, 7, 6],
                 ["punct", "nsubj", "ccomp", "attr", "punct", "punct", "ROOT", "dobj", "cc",
                  "conj", "punct"],
                 ["``", "NN", "VBZ", "NN", ",", "''", "VB", "NNP", "CC", "NNP", "."],
                 ["O"] * 7 + ["B-PERSON", "O", "B-PERSON", "O"])
    assert unparsed_subject(doc[6]).text == "Omwansa and Sullivan"


def test_a_cue_with_a_subject_is_left_to_the_parse() -> None:
    doc = parsed(["Officials", "said", "it", "failed", "."], [1, 1, 3, 1, 1],
                 ["nsubj", "ROOT", "nsubj", "ccomp", "punct"], ["NNS", "VBD", "PRP", "VBD", "."])
    assert unparsed_subject(doc[1]) is None


@pytest.mark.parametrize(("text", "lemma", "source"), [
    ('"Hidden fees charged by a broker," said Novak, "are very hard for a small investor to '
     'spot."', "say", "Novak"),
    ('"Every single amendment," said Cruz, who had introduced the bill.', "say",
     "Cruz, who had introduced the bill"),
    ('"Thanks for everything, Sarah!" wrote Pete Hidalgo.', "write", "Pete Hidalgo"),
])
def test_a_cue_after_a_closing_quote_mark_is_said_by_the_name_after_it(
        nlp: Language, text: str, lemma: str, source: str) -> None:
    assert source_text(nlp, text, lemma) == source


def test_a_speaker_the_parse_made_a_clause_before_the_cue_is_its_subject(
        nlp: Language) -> None:
    # the parse hangs 'Senator Kerr, meanwhile, who has …' on 'said' as a complement clause
    assert source_text(nlp, "Senator Kerr, meanwhile, who has no such backing, said that "
                       "fact speaks for itself.", "say") == "Senator Kerr"


def test_a_cue_conjoined_to_a_passive_verb_borrows_its_subject(nlp: Language) -> None:
    text = "The mayor was forced into a recount and said that the budget was balanced."
    assert source_text(nlp, text, "say") == "The mayor"
    doc = nlp("It was decided and said that the budget was balanced.")
    verb = next(t for t in doc if t.lemma_ == "decide")
    assert passive_subject(verb) is None  # an empty "it" is no one


@pytest.mark.parametrize(
    "text, source",
    [
        ("Marla Quint, who said last year that she would never vote again, said on Monday that "
         "the new candidate had won her over.", "Marla Quint"),
        ("The farmer, who complained that the rain had ruined his crop, told reporters the market "
         "was closed.", "The farmer"),
        ("Marla Quint, who runs the town's only bakery, said on Monday that flour was scarce.",
         "Marla Quint, who runs the town's only bakery"),
    ],
)
def test_relative_clause_of_speech_is_left_out_of_the_source(
    nlp: Language, text: str, source: str
) -> None:
    doc = nlp(text)
    verb = next(t for t in doc if t.dep_ == "ROOT")
    subject = subject_of(verb, LEXICON, SourceSettings())
    assert subject is not None
    span = without_speaking_clause(mention_span(subject), LEXICON, 0.5)
    assert span.text == source


@pytest.mark.parametrize(
    "text, lemma, source",
    [
        ("The mayor said the new bridge has cut travel times in half and said that a second one "
         "would follow.", "say", "The mayor"),
        ("The minister predicted that the harvest would soon recover and praised the farmers for "
         "their patience.", "praise", "The minister"),
        ("The mayor said the builder lied and insisted that he resign.", "insist", "the builder"),
    ],
)
def test_conjunct_hung_on_what_was_said_goes_to_the_speaker(
    nlp: Language, text: str, lemma: str, source: str
) -> None:
    doc = nlp(text)
    verb = [t for t in doc if t.lemma_ == lemma][-1]
    subject = subject_of(verb, LEXICON, SourceSettings())
    assert subject is not None
    assert mention_span(subject).text == source


def test_only_verb_parsed_as_a_participle_on_the_name_has_the_name_as_subject(
    nlp: Language,
) -> None:
    doc = nlp("Mitt Romney, the 2012 Republican presidential nominee, tweeted in response: "
              "“The governor kills journalists.”")
    verb = next(t for t in doc if t.lemma_ == "tweet")
    assert main_verb_hung_on_name(verb)
    subject = subject_of(verb, LEXICON, SourceSettings())
    assert subject is not None and subject.text == "Romney"


def test_participle_beside_a_main_verb_is_no_main_verb(nlp: Language) -> None:
    doc = nlp("The statement, released Monday, said the plan was dead.")
    verb = next(t for t in doc if t.lemma_ == "release")
    assert not main_verb_hung_on_name(verb)


@pytest.mark.parametrize(
    "text, source",
    [
        ("Trump, in Kentucky, said the polls were wrong.", "Trump"),
        ("Ms. Lin, with her husband beside her, said that the polls were wrong.", "Ms. Lin"),
        ("Mr. Mahaney, of RBC Capital Markets, said the stock was cheap.",
         "Mr. Mahaney, of RBC Capital Markets"),
    ],
)
def test_comma_set_scene_of_speaking_is_left_out_of_the_source(
    nlp: Language, text: str, source: str
) -> None:
    assert source_text(nlp, text, "say") == source


def test_a_name_after_an_inverted_cue_wins_over_the_quote_s_apposition() -> None:
    # '"… to Port Hale," the town nearest the coast, said Arlen.': the parse gives said two
    # subjects; the phrase after the quote describes Port Hale
    words = ["“", "They", "went", "to", "Hale", ",", "”", "the", "town", "near", "it", ",",
             "said", "Arlen", "."]
    heads = [12, 2, 12, 2, 3, 12, 12, 8, 12, 8, 9, 12, 12, 12, 12]
    deps = ["punct", "nsubj", "ccomp", "prep", "pobj", "punct", "punct", "det", "nsubj", "prep",
            "pobj", "punct", "ROOT", "nsubj", "punct"]
    tags = ["``", "PRP", "VBD", "IN", "NNP", ",", "''", "DT", "NN", "IN", "PRP", ",", "VBD",
            "NNP", "."]
    doc = parsed(words, heads, deps, tags)
    subject = subject_of(doc[12], LEXICON, SourceSettings())
    assert subject is not None and subject.text == "Arlen"




def test_a_conjunct_after_a_person_s_clause_is_that_person_s() -> None:
    # 'This hit me as I walked and noticed that boats had panels.', 'noticed' hung on 'hit'
    words = ["This", "hit", "me", "as", "I", "walked", "and", "noticed", "that", "boats", "had",
             "panels", "."]
    heads = [1, 1, 1, 5, 5, 1, 5, 1, 10, 10, 7, 10, 1]
    deps = ["nsubj", "ROOT", "dobj", "mark", "nsubj", "advcl", "cc", "conj", "mark", "nsubj",
            "ccomp", "dobj", "punct"]
    tags = ["DT", "VBD", "PRP", "IN", "PRP", "VBD", "CC", "VBD", "IN", "NNS", "VBD", "NNS", "."]
    doc = parsed(words, heads, deps, tags)
    subject = subject_of(doc[7], LEXICON, SourceSettings())
    assert subject is not None and subject.text == "I"
    doc = parsed(["He", *words[1:]], heads, deps, ["PRP", *tags[1:]])  # a person: he noticed
    subject = subject_of(doc[7], LEXICON, SourceSettings())
    assert subject is not None and subject.text == "He"


def test_a_participle_inside_an_inverted_report_is_not_the_speakers_act(nlp: Language) -> None:
    text = ("The beach stayed open, but signs will be posted for three days warning swimmers of "
            "the shark, Colligan said.")
    assert source_text(nlp, text, "warn") != "Colligan"
    text = "Colligan closed the beach, warning swimmers of the shark."
    assert source_text(nlp, text, "warn") == "Colligan"  # his own act, nothing after it


def test_the_one_quoted_as_saying_the_quote_before_is_the_source(nlp: Language) -> None:
    doc = nlp("“We will rebuild the bridge,” local newspapers quote Ortiz as saying.")
    verb = next(t for t in doc if t.lemma_ == "quote")
    span = source_for(doc, Cue(verb.i, (verb.i,), "speech"), LEXICON)
    assert span is not None and span.text == "Ortiz"
    doc = nlp("The paper quoted the mayor as saying the bridge would reopen.")
    verb = next(t for t in doc if t.lemma_ == "quote")
    assert quotes_one_as_saying(verb) is None  # 'saying' carries its own clause
    doc = nlp("The report cited an internal memo as pointing toward fraud.")
    verb = next(t for t in doc if t.lemma_ == "cite")
    assert quotes_one_as_saying(verb) is None  # the report's reading, not the memo's words


def test_a_verb_listed_after_another_clause_shares_its_subject(nlp: Language) -> None:
    text = ("Ortiz added that Lee surfaced after several seconds, yelled “help!”, and began "
            "swimming to shore.")
    doc = nlp(text)
    yelled = next(t for t in doc if t.text == "yelled")
    found = listed_clause_subject(yelled)
    if yelled.dep_ in ("ccomp", "advcl"):  # the misparse the rule is for
        assert found is not None and found.text == "Lee"
    assert source_text(nlp, text, "yell") == "Lee"
    doc = nlp("Ortiz said the plan, which failed, was costly.")
    assert listed_clause_subject(next(t for t in doc if t.text == "said")) is None


def test_a_participle_joined_to_a_passive_is_passive_and_has_no_source(nlp: Language) -> None:
    doc = nlp("He was held there for 74 days and accused of funding the rebels.")
    accused = next(t for t in doc if t.text == "accused")
    if accused.dep_ == "conj":  # the shape the rule is for
        assert shares_a_passive(accused)
    assert subject_of(accused, LEXICON, SourceSettings()) is None
    doc = nlp("Mr. Ortiz was forced into damage control and said the plan had failed.")
    said = next(t for t in doc if t.text == "said")
    assert not shares_a_passive(said)
    assert source_text(nlp, doc.text, "say") == "Mr. Ortiz"
