"""cues.py: the words that signal an attribution, their phrase and speech vs thought."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.engine.cues import (
    Cue,
    bare_verb_as_noun,
    copula_phrase,
    cue_type,
    find_cues,
    is_nested_cue,
    made_clear,
    reporting_infinitive,
    scene_phrase,
    stance_adjective,
    the_saying_goes,
    verb_read_as_noun,
)
from saidwhat.engine.lexicon import load_lexicon
from saidwhat.engine.quotes import find_quotes, token_in_quote
from saidwhat.settings import CueSettings

LEXICON = load_lexicon(CueSettings())


def cues_of(nlp: Language, text: str) -> list[tuple[str, list[str], str]]:
    doc = nlp(text)
    found = find_cues(doc, token_in_quote(doc, find_quotes(text)), LEXICON)
    assert all(isinstance(c, Cue) and c.head in c.tokens for c in found)
    return [(doc[c.head].text, [doc[i].text for i in c.tokens], c.type) for c in found]


def test_said_is_a_speech_cue(nlp: Language) -> None:
    assert cues_of(nlp, "Maria Lopez said the plan failed.") == [("said", ["said"], "speech")]


def tagged(nlp: Language, words: list[str], tags: list[str], heads: list[int],
           deps: list[str], lemmas: list[str]) -> Doc:
    """A doc with the given tags and tree, as a tagger that misread it would give it."""
    return Doc(nlp.vocab, words=words, tags=tags, heads=heads, deps=deps, lemmas=lemmas)


def test_a_verb_tagged_as_a_plural_noun_with_a_subject_is_a_cue(nlp: Language) -> None:
    doc = tagged(nlp, ["As", "Richter", "notes", ",", "“", "Sitcoms", "are", "short", ".", "”"],
                 ["IN", "NNP", "NNS", ",", "``", "NNS", "VBP", "JJ", ".", "''"],
                 [2, 2, 6, 2, 6, 6, 6, 6, 6, 6],
                 ["mark", "nsubj", "nsubj", "punct", "punct", "nsubj", "ROOT", "acomp", "punct",
                  "punct"],
                 ["as", "Richter", "note", ",", "“", "sitcom", "be", "short", ".", "”"])
    assert verb_read_as_noun(doc[2], False, LEXICON, CueSettings())
    assert not verb_read_as_noun(doc[2], True, LEXICON, CueSettings())  # quoted: no cue
    assert not verb_read_as_noun(doc[5], False, LEXICON, CueSettings())  # 'sitcom' is no cue


def test_a_misread_verb_of_saying_gets_its_quote(nlp: Language) -> None:
    text = ("As Dan Richter of Demand Media notes, “Sitcoms, minus commercials, are typically 22 "
            "minutes long. Every sitcom episode has a main plot.”")
    assert ("notes", ["notes"], "speech") in cues_of(nlp, text)


def test_a_plural_noun_without_a_subject_is_no_cue(nlp: Language) -> None:
    doc = nlp("The notes he left on the table were short.")
    notes = next(t for t in doc if t.text == "notes")
    assert not verb_read_as_noun(notes, False, LEXICON, CueSettings())
    assert all(doc[c.head].text != "notes" for c in find_cues(doc, [False] * len(doc), LEXICON))


def test_the_story_goes_is_a_cue(nlp: Language) -> None:
    text = "The story goes that our 27th president once became trapped in a bathtub."
    assert ("goes", ["goes"], "speech") in cues_of(nlp, text)
    doc = nlp(text)
    assert the_saying_goes(next(t for t in doc if t.text == "goes"))


def test_going_without_a_tale_or_a_clause_is_no_cue(nlp: Language) -> None:
    doc = nlp("The day goes well for him, and the story goes on for pages.")
    assert not any(the_saying_goes(t) for t in doc)


def test_according_to_is_a_two_token_cue(nlp: Language) -> None:
    assert cues_of(nlp, "The plan failed, according to Maria Lopez.") == [
        ("according", ["according", "to"], "speech")
    ]


def test_believes_is_a_thought_cue(nlp: Language) -> None:
    assert cues_of(nlp, "Maria Lopez believes the plan failed.") == [
        ("believes", ["believes"], "thought")
    ]


def test_cue_phrase_takes_auxiliaries_and_negation(nlp: Language) -> None:
    found = cues_of(nlp, "Maria Lopez has not said whether the plan failed.")
    assert found == [("said", ["has", "not", "said"], "speech")]


def test_verbs_inside_quotes_are_not_cues(nlp: Language) -> None:
    heads = [h for h, _, _ in cues_of(nlp, "“I said no and I told them so,” she replied.")]
    assert heads == ["replied"]


def test_infinitive_is_not_a_cue(nlp: Language) -> None:
    heads = [h for h, _, _ in cues_of(nlp, "She wants to say something about it.")]
    assert "say" not in heads


def test_non_cue_verbs(nlp: Language) -> None:
    assert cues_of(nlp, "The red house was sold to a bakery in May.") == []


def test_cue_type_by_lemma() -> None:
    for lemma in ("believe", "expect", "plan", "think", "hope"):
        assert cue_type(lemma) == "thought"
    for lemma in ("say", "tell", "add", "warn", "deny"):
        assert cue_type(lemma) == "speech"


def test_lexicon_holds_probabilities() -> None:
    lex = LEXICON
    assert lex.p("say") > 0.5
    assert all(0.0 <= p <= 1.0 for p in lex.lemmas.values())
    assert all(lex.p(lemma) > 0.0 for lemma in ("say", "tell", "believe", "deny", "warn"))
    assert lex.p("no-such-lemma") == 0.0


def test_rarer_verb_with_subject_and_that_clause_is_a_candidate(nlp) -> None:
    """By the lexicon's cut-off (no classifier): a rare verb needs a subject and a clause."""
    lexicon_only = CueSettings(learned=False)
    assert LEXICON.p("hear") < CueSettings().min_probability
    with_clause = nlp("The senator heard that the vote was rigged.")
    bare = nlp("The senator heard about the vote.")
    found = find_cues(with_clause, [False] * len(with_clause), LEXICON, lexicon_only)
    assert [with_clause[c.head].lemma_ for c in found] == ["hear"]
    assert find_cues(bare, [False] * len(bare), LEXICON, lexicon_only) == []
    found = find_cues(with_clause, [False] * len(with_clause), LEXICON)  # the classifier
    assert [with_clause[c.head].lemma_ for c in found] == ["hear"]


def test_appearing_somewhere_is_not_a_cue_but_appearing_to_say_is(nlp) -> None:  # type: ignore[no-untyped-def]
    from saidwhat.engine.cues import is_physical_appearance

    doc = nlp("Putin appeared first at his solo press conference.")
    assert is_physical_appearance(next(t for t in doc if t.lemma_ == "appear"))
    doc = nlp("Putin appeared to suggest that talks would go on.")
    assert not is_physical_appearance(next(t for t in doc if t.lemma_ == "appear"))


def test_how_someone_looked_is_not_a_cue(nlp: Language) -> None:
    assert cues_of(nlp, "The Russian leader appeared pleased with himself.") == []
    assert cues_of(nlp, "Biden seemed annoyed.") == []
    assert [h for h, _, _ in cues_of(nlp, "Putin appeared to suggest that talks would go on.")
            if h == "appeared"] == ["appeared"]


def test_that_being_said_is_a_discourse_idiom(nlp) -> None:  # type: ignore[no-untyped-def]
    from saidwhat.engine.cues import is_discourse_idiom

    doc = nlp("That being said, the team played well.")
    assert is_discourse_idiom(next(t for t in doc if t.lower_ == "said"))
    doc = nlp("The coach said that the team played well.")
    assert not is_discourse_idiom(next(t for t in doc if t.lower_ == "said"))


def test_actions_are_not_cues(nlp: Language) -> None:
    for text in ("William Barr ordered multiple investigations into the leaks.",
                 "The EAG decided to wait until the next meeting.",
                 "Disney is expected to switch gears next quarter.",
                 "Jane Okafor was named chief executive of the bank on Monday.",
                 "The company was accused of hiding losses."):
        assert cues_of(nlp, text) == [], text


def test_orders_decisions_expectations_and_accusations_that_report_are_cues(nlp: Language
                                                                          ) -> None:
    for text, head in (("The judge ordered the company to pay.", "ordered"),
                       ("The panel decided that the rule was unfair.", "decided"),
                       ("Analysts expect Disney to switch gears.", "expect"),
                       ("Prosecutors accused the company of hiding losses.", "accused"),
                       ("The company was accused by regulators of hiding losses.", "accused")):
        assert head in [h for h, _, _ in cues_of(nlp, text)], text


def test_evidence_is_not_a_speaker(nlp: Language) -> None:
    assert cues_of(nlp, "Blood tests revealed traces of the drug in his system.") == []
    assert cues_of(nlp, "The election results also suggest a shift among suburban voters.") == []


def test_documents_issued_by_someone_still_speak(nlp: Language) -> None:
    for text, head in (("The report revealed that the agency had failed.", "revealed"),
                       ("A new poll shows Clinton leading by five points.", "shows"),
                       ("The report said the agency had failed to act.", "said")):
        assert head in [h for h, _, _ in cues_of(nlp, text)], text


def test_for_marking_a_clause_is_part_of_the_cue(nlp: Language) -> None:
    doc = nlp("Smith is calling for the city to raise the minimum wage.")
    (cue,) = [c for c in find_cues(doc, [False] * len(doc), LEXICON)
              if doc[c.head].lemma_ == "call"]
    assert [doc[i].text for i in cue.tokens] == ["is", "calling", "for"]


def _cue_words(nlp: Language, text: str, head: str) -> list[str]:
    """The words of the cue headed by `head` in the text."""
    return next(words for h, words, _ in cues_of(nlp, text) if h == head)


def test_a_message_phrase_stays_out_of_the_cue(nlp: Language) -> None:
    for text in ("Maria Lopez said in an interview that the plan had failed.",
                 "Maria Lopez said in a statement that the plan had failed."):
        assert _cue_words(nlp, text, "said") == ["said"], text


def test_scene_phrase_stops_before_what_was_said(nlp: Language) -> None:
    doc = nlp("Maria Lopez said during a debate in Ohio, “The plan failed.”")
    during = next(t for t in doc if t.text == "during")
    assert [doc[i].text for i in scene_phrase(during)] == ["during", "a", "debate", "in", "Ohio"]


def test_a_scene_is_never_a_bare_preposition_of_the_cue(nlp: Language) -> None:
    words = _cue_words(nlp, "Maria Lopez said during a debate that the plan had failed.", "said")
    assert words == ["said", "during", "a", "debate"]  # PolNeAR: 11 of 20 "said during" in the cue


def test_then_before_the_cue_is_in_it_but_not_after(nlp: Language) -> None:
    assert _cue_words(nlp, "Maria Lopez then said the plan had failed.", "said") == [
        "then", "said"]
    assert "then" not in _cue_words(nlp, "Maria Lopez said then that the plan had failed.",
                                    "said")


def _tok(doc, word: str):  # type: ignore[no-untyped-def]
    """The first token of the doc with this text."""
    return next(t for t in doc if t.text == word)


def test_a_stance_adjective_takes_a_preposition_or_a_clause(nlp: Language) -> None:
    doc = nlp("The mayor is critical of the new budget.")
    assert stance_adjective(_tok(doc, "is")).text == "critical"  # type: ignore[union-attr]
    doc = nlp("The economy is strong this year.")
    assert stance_adjective(_tok(doc, "is")) is None


def test_imperatives_and_results_take_no_stance(nlp: Language) -> None:
    doc = nlp("Be sure to let your customers know about the discount.")
    assert stance_adjective(_tok(doc, "Be")) is None
    doc = nlp("The show is so formulaic that the writers get bored.")
    assert stance_adjective(_tok(doc, "is")) is None


def test_the_copula_phrase_runs_from_the_adjective_to_its_preposition(nlp: Language) -> None:
    doc = nlp("The union is also critical of the new budget.")
    assert sorted(doc[i].text for i in copula_phrase(_tok(doc, "is"))) == [
        "also", "critical", "of"]
    doc = nlp("Republicans are quick to point out that the deficit grew.")
    assert [doc[i].text for i in sorted(copula_phrase(_tok(doc, "are")))] == [
        "quick", "to", "point", "out"]
    assert reporting_infinitive(_tok(doc, "quick")).text == "point"  # type: ignore[union-attr]


def test_the_copula_phrase_keeps_the_adverbs_of_its_adjective(nlp: Language) -> None:
    doc = nlp("Young voters were slightly more likely to say that the race was close.")
    assert [doc[i].text for i in sorted(copula_phrase(_tok(doc, "were")))] == [
        "slightly", "more", "likely", "to", "say"]


def test_made_clear_idiom_is_the_cue(nlp: Language) -> None:
    doc = nlp("She made it plain to reporters on Monday that taxes will rise.")
    adj = made_clear(doc[1])
    assert adj is not None and adj.text == "plain"
    assert made_clear(nlp("She made a cake for reporters.")[1]) is None
    found = cues_of(nlp, "She made it plain to reporters on Monday that taxes will rise.")
    assert ("made", ["made", "it", "plain"], "speech") in found


def nested_in(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    in_quote = token_in_quote(doc, find_quotes(text))
    return [t.text for t in doc if is_nested_cue(t, in_quote)]


def test_nested_cue_has_its_own_subject_and_clause_inside_the_quote(nlp: Language) -> None:
    assert nested_in(nlp, "“She always felt that the school was safe,” Baker said.") == ["felt"]
    assert nested_in(nlp, "“My mother always felt she was safe,” Baker said.") == ["felt"]
    assert nested_in(nlp, "“He doesn't want to leave the team,” the coach said.") == ["want"]


def test_nested_cue_needs_a_third_person_subject_and_a_clause(nlp: Language) -> None:
    assert nested_in(nlp, "“I think the school was safe,” Baker said.") == []  # a hedge
    assert nested_in(nlp, "“She said nothing at all,” Baker said.") == []  # no clause
    assert nested_in(nlp, "Baker said she felt the school was safe.") == []  # no quote


def test_nested_cue_stays_within_one_quote(nlp: Language) -> None:
    text = "“She felt,” Baker said, “that the school was safe.”"
    assert nested_in(nlp, text) == []


def test_quoted_attribution_with_its_own_subject_is_a_cue_when_switched_on(
        nlp: Language) -> None:
    text = "“They think the road was closed,” she replied."
    doc = nlp(text)
    in_quote = token_in_quote(doc, find_quotes(text))
    on = find_cues(doc, in_quote, LEXICON, CueSettings(nested_in_quotes=True))
    assert [(doc[c.head].text, c.nested) for c in on] == [("think", True), ("replied", False)]
    assert [doc[c.head].text for c in find_cues(doc, in_quote, LEXICON)] == ["replied"]


def test_reportedly_is_a_cue_of_its_own(nlp: Language) -> None:
    assert cues_of(nlp, "The Club for Growth is reportedly spending $2 million on ads.") == [
        ("reportedly", ["reportedly"], "speech")
    ]


def test_reportedly_on_a_verb_of_saying_leaves_that_verb_the_cue(nlp: Language) -> None:
    found = cues_of(nlp, "Maria Lopez reportedly said that the plan failed.")
    assert [head for head, _, _ in found] == ["said"]


def test_a_plural_subjects_verb_read_as_a_singular_noun_is_a_cue(nlp: Language) -> None:
    text = "While many point out that the goal is too low, engineers keep building."
    doc = nlp(text)
    point = next(t for t in doc if t.text == "point")
    if point.tag_ == "NN":  # the misreading this rule is for
        assert bare_verb_as_noun(point)
    assert any(doc[c.head].text == "point" for c in find_cues(doc, [False] * len(doc), LEXICON))


def test_a_singular_noun_without_a_verbs_dependents_stays_a_noun(nlp: Language) -> None:
    doc = tagged(nlp, ["many", "point", "of", "view"], ["JJ", "NN", "IN", "NN"], [1, 1, 1, 2],
                 ["nsubj", "ROOT", "prep", "pobj"], ["many", "point", "of", "view"])
    assert not bare_verb_as_noun(doc[1])
    doc = tagged(nlp, ["many", "point", "out"], ["JJ", "NN", "RP"], [1, 1, 1],
                 ["nsubj", "ROOT", "prt"], ["many", "point", "out"])
    assert bare_verb_as_noun(doc[1])
