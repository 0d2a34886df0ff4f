"""contents.py: content pieces from quotes and clauses, and the rules that trim them."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.engine.contents import (
    adjective_complement,
    beyond_doubt,
    clip_to_paragraph,
    content_for,
    drop_openers,
    fronted_as_root,
    modified_noun,
    names_a_work,
    object_is_reported,
    reported_content,
    that_clause_in_scene,
    trim_pieces,
    unset_off_clauses,
)
from saidwhat.engine.cues import Cue, copula_phrase, find_cues
from saidwhat.engine.lexicon import load_lexicon
from saidwhat.engine.quotes import find_quotes, token_in_quote
from saidwhat.engine.sources import source_for
from saidwhat.settings import CueSettings

LEXICON = load_lexicon(CueSettings())


def content(nlp: Language, text: str, lemma: str) -> tuple[list[str], str]:
    """The content pieces found for the cue with this lemma, and how they were found."""
    doc = nlp(text)
    quotes = find_quotes(text)
    cues = find_cues(doc, token_in_quote(doc, quotes), LEXICON)
    cue = next(c for c in cues if doc[c.head].lemma_ == lemma)
    heads = frozenset(c.head for c in cues)
    pieces, how = content_for(doc, cue, source_for(doc, cue, LEXICON), quotes, heads)
    pieces = trim_pieces(text, pieces)
    return [text[s:e] for s, e in pieces], how


def test_that_clause(nlp: Language) -> None:
    assert content(nlp, "Lopez said that the budget is balanced.", "say") == (
        ["that the budget is balanced"], "ccomp")


def test_adjacent_quote_wins_over_the_clause(nlp: Language) -> None:
    assert content(nlp, "“The budget is balanced,” Lopez said.", "say") == (
        ["The budget is balanced"], "quote")


def test_object_without_addressee_and_time(nlp: Language) -> None:
    pieces, how = content(nlp, "Lopez spoke to reporters on Monday about the city budget.", "speak")
    assert (pieces, how) == (["the city budget"], "object")


def test_agentless_passive_subject_is_part_of_the_content(nlp: Language) -> None:
    pieces, how = content(nlp, "Quiros was criticized for using the money for a condo.",
                          "criticize")
    assert how == "patient"
    assert pieces == ["Quiros", "using the money for a condo"]


def test_clause_ending_inside_a_quote_runs_to_the_closing_mark(nlp: Language) -> None:
    pieces, _ = content(nlp, "Lopez said the plan reeks of “cronyism and waste.”", "say")
    assert pieces == ["the plan reeks of “cronyism and waste.”"]


def test_openers_are_dropped(nlp: Language) -> None:
    doc = nlp("However, the budget is balanced.")
    assert [t.text for t in drop_openers(doc)][:2] == ["the", "budget"]


def test_trim_pieces_drops_edges_and_dangling_conjunctions() -> None:
    text = "  , the budget is balanced, and"
    pieces = trim_pieces(text, ((0, len(text)),))
    assert [text[s:e] for s, e in pieces] == ["the budget is balanced"]
    assert trim_pieces("-- ,", ((0, 4),)) == ()


def test_clip_to_paragraph() -> None:
    text = "first line\nsecond line\nthird"
    assert clip_to_paragraph(text, ((0, len(text)),), text.index("second")) == ((11, 22),)


def test_the_sentence_predicate_misparsed_as_a_complement_is_not_content(nlp: Language) -> None:
    text = "Dubois, asked whether France would retaliate with port curbs, declined to answer."
    pieces, _ = content(nlp, text, "ask")
    assert pieces == ["whether France would retaliate with port curbs"]


def test_a_misattached_negation_stays_inside_the_content(nlp: Language) -> None:
    pieces, _ = content(nlp, "The nurses said they weren’t ‘asking for the moon’ when they "
                             "walked out.", "say")
    assert len(pieces) == 1 and "weren’t ‘asking for the moon’" in pieces[0]


def test_fill_gaps_fills_short_gaps_but_never_the_cue_or_source(nlp: Language) -> None:
    from saidwhat.engine.contents import fill_gaps

    doc = nlp("one two three four five six")
    filled = fill_gaps(doc, [doc[0], doc[2], doc[5]], exclude={1}, max_gap=3)
    assert [t.i for t in filled] == [0, 2, 3, 4, 5]
    assert [t.i for t in fill_gaps(doc, [doc[0], doc[5]], set(), max_gap=3)] == [0, 5]


def test_list_after_said_colon_is_the_content_item_by_item(nlp: Language) -> None:
    text = ("The mayor spoke after the vote on Tuesday. She said:\n"
            "- property taxes will not rise this year\n"
            "- every branch library will stay open\n"
            "1. the bus fleet will be replaced\n"
            "The council adjourned at midnight.\n")
    pieces, how = content(nlp, text, "say")
    assert how == "colon-paragraph"
    assert pieces == ["property taxes will not rise this year",
                      "every branch library will stay open", "the bus fleet will be replaced"]


def test_list_items() -> None:
    from saidwhat.engine.contents import list_items

    text = "- one thing\n• another thing\n2) a third\nprose again\n"
    assert [text[s:e] for s, e in list_items(text, 0)] == ["one thing", "another thing",
                                                           "a third"]
    assert list_items("prose\n- item\n", 0) == ()
    assert list_items("-5 degrees tonight\n", 0) == ()


def test_block_after_colon_even_when_the_parse_runs_on_into_it(nlp: Language) -> None:
    text = ("The critic praised the film's nerve. He adds:\n"
            "It means not just to expose the dictator as a fraud but to mock him.\n"
            "The studio did not comment.\n")
    pieces, how = content(nlp, text, "add")
    assert how == "colon-paragraph"
    assert pieces == ["It means not just to expose the dictator as a fraud but to mock him."]


def test_a_content_stops_before_a_conjoined_attribution(nlp: Language) -> None:
    pieces, _ = content(nlp, "Reuters reported that Machado promised to keep supporting Clinton "
                        "and said she would stand up to the attacks.", "report")
    assert pieces == ["that Machado promised to keep supporting Clinton"]


def test_a_content_does_not_run_on_into_the_next_source_and_cue(nlp: Language) -> None:
    pieces, _ = content(nlp, "Smith told the court that the company had hidden its losses for "
                        "years, the U.S. attorney's office said.", "tell")
    assert pieces == ["that the company had hidden its losses for years"]


def test_a_content_runs_to_its_main_verb(nlp: Language) -> None:
    pieces, _ = content(nlp, "Prosecutors said the former mayor, who resigned in March, faces "
                        "six counts of fraud.", "say")
    assert pieces == ["the former mayor, who resigned in March, faces six counts of fraud"]


def test_object_called_something_is_the_content(nlp: Language) -> None:
    pieces, how = content(nlp, "The governor assailed the legislature as a band of cowards "
                               "who refused to act on the budget.", "assail")
    assert how == "object"
    assert pieces == ["the legislature as a band of cowards who refused to act on the budget"]


def test_plain_object_keeps_its_reading(nlp: Language) -> None:
    pieces, _ = content(nlp, "The mayor begged lawmakers to restore funding for the shelters.",
                        "beg")
    assert pieces and "restore funding for the shelters" in pieces[-1]


def test_a_subject_the_parse_hung_on_the_cue_stays_in_the_clause_it_belongs_to(
        nlp: Language) -> None:
    # ages in apposition make the parser read "Hart" as a second subject of "said"
    text = "Mayor Ann Lee said Jim Hart, 32, and Tom Ruiz, 40, had been shot in their car."
    assert content(nlp, text, "say") == (
        ["Jim Hart, 32, and Tom Ruiz, 40, had been shot in their car"], "ccomp")


def test_a_content_stops_before_a_relative_clause_the_writer_adds(nlp: Language) -> None:
    pieces, how = content(nlp, "The mayor said the city would hire Dana Ortiz, who ran the "
                               "parks department for a decade.", "say")
    assert how == "ccomp"
    assert pieces == ["the city would hire Dana Ortiz"]


def test_a_content_stops_before_a_describing_apposition(nlp: Language) -> None:
    pieces, _ = content(nlp, "The council said it had hired Dana Ortiz, a former banker from "
                             "Ohio.", "say")
    assert pieces == ["it had hired Dana Ortiz"]


def test_a_naming_apposition_stays_in_the_content(nlp: Language) -> None:
    pieces, _ = content(nlp, "She said she supports the governor's main project, the river "
                             "tunnel.", "say")
    assert pieces == ["she supports the governor's main project, the river tunnel"]


def test_a_quoted_relative_clause_stays_in_the_content(nlp: Language) -> None:
    pieces, _ = content(nlp, "The mayor said the city needs “a new chief, who can fix the "
                             "budget.”", "say")
    assert pieces and "a new chief, who can fix the budget" in pieces[-1]


def test_a_cue_set_inside_its_content_takes_both_sides(nlp: Language) -> None:
    text = "The mayor had not, Mr Addison added, been impressed by the plan."
    assert content(nlp, text, "add") == (
        ["The mayor had not", "been impressed by the plan."], "parenthetical")


def test_an_inverted_aside_takes_the_clause_it_splits(nlp: Language) -> None:
    text = "One of the most popular offerings so far, said the owners, is the Pick 6 pack."
    assert content(nlp, text, "say") == (
        ["One of the most popular offerings so far", "is the Pick 6 pack"], "ccomp")


def test_as_reported_reports_the_clause_it_hangs_on(nlp: Language) -> None:
    pieces, how = content(nlp, "As the Tribune first reported, the mayor voiced support for the "
                               "stadium in 2002.", "report")
    assert how == "parenthetical"
    assert pieces == ["the mayor voiced support for the stadium in 2002."]


def test_as_clause_telling_someone_reports_the_clause_it_hangs_on(nlp: Language) -> None:
    pieces, how = content(nlp, "But as the mayor told reporters, the plan can be changed.",
                          "tell")
    assert (pieces, how) == (["the plan can be changed."], "parenthetical")


def test_object_is_reported_only_for_wording_or_telling(nlp: Language) -> None:
    doc = nlp("As the mayor told reporters and the party challenged the plan, the Times put it.")
    by_word = {t.text: t for t in doc}
    told, challenged = by_word["told"], by_word["challenged"]
    assert object_is_reported(told, by_word["reporters"])
    assert not object_is_reported(challenged, by_word["plan"])
    assert object_is_reported(by_word["put"], by_word["it"])
    pieces, how = content(nlp, "As the party challenged the plan, the mayor left.", "challenge")
    assert how != "parenthetical"


def test_fronted_as_clause_parsed_as_the_root_reports_the_clause_after_it(nlp: Language) -> None:
    text = ("As Uri Friedman pointed out, the decision to show the scene, in slow motion and "
            "while a pop song plays in the background, was worrisome.")
    doc = nlp(text)
    head = next(t for t in doc if t.lower_ == "pointed")
    assert fronted_as_root(head) == next(t.i for t in doc if t.text == ",")  # took an object
    pieces, how = content(nlp, text, "point")
    assert how == "parenthetical"
    assert pieces == ["the decision to show the scene, in slow motion and while a pop song "
                      "plays in the background, was worrisome."]


def test_fronted_as_root_needs_as_first_and_a_clause_after_the_comma(nlp: Language) -> None:
    doc = nlp("Friedman pointed out the decision, as a critic might.")
    assert fronted_as_root(next(t for t in doc if t.lower_ == "pointed")) is None
    doc = nlp("As he pointed out, the dog.")
    assert fronted_as_root(next(t for t in doc if t.lower_ == "pointed")) is None


def test_a_piece_stopping_inside_its_quote_runs_on_to_the_closing_mark(nlp: Language) -> None:
    text = ('At the airport, Lopez called the impact of the storm "pretty minimal, at this '
            'point," with six cancellations and an on-time rate of about 67%.')
    pieces, _ = content(nlp, text, "call")
    assert pieces[0] == 'the impact of the storm "pretty minimal, at this point,"'


def test_according_to_inside_a_clause_reports_that_clause_only(nlp: Language) -> None:
    text = ("Two men were arrested, one was injured according to police, and three fled.")
    pieces, how = content(nlp, text, "accord")
    assert how == "parenthetical"
    assert pieces == ["one was injured"]
    doc = nlp("Two men were arrested, one was injured, and three fled, according to police.")
    head = next(t for t in doc if t.lower_ == "according")
    assert unset_off_clauses(head, head.head) == set()  # set off: the whole sentence
    doc = nlp("“The plan is dead, for now,” Lopez said in a statement according to the Times.")
    head = next(t for t in doc if t.lower_ == "according")
    assert unset_off_clauses(head, head.head) == set()  # a saying keeps its quote
    text = "According to police, two men were arrested, and three fled."
    pieces, _ = content(nlp, text, "accord")
    assert pieces == ["two men were arrested, and three fled."]


def test_as_clause_closing_its_sentence_reports_the_whole_sentence(nlp: Language) -> None:
    text = ("For all our wireless tools, we still rely on wires to talk, as I noted earlier in "
            "this series.")
    pieces, how = content(nlp, text, "note")
    assert how == "parenthetical"  # not 'in this series', which the parse made its object
    assert pieces == ["For all our wireless tools, we still rely on wires to talk"]


def test_as_clause_with_its_own_preposition_or_object_keeps_its_reading(nlp: Language) -> None:
    pieces, how = content(nlp, "As Karadsheh spoke about how the consulate had been taken "
                               "over, video showed fighters with weapons.", "speak")
    assert pieces == ["how the consulate had been taken over"] and how != "parenthetical"
    pieces, how = content(nlp, "The party kept the tax even as the New Democratic Party "
                               "challenged it in elections the next year.", "challenge")
    assert how != "parenthetical"  # 'it' is the tax, not words of the party


def test_as_clause_told_to_a_person_reports_its_host(nlp: Language) -> None:
    text = "But as the old doctor revealed to Maria Lopez, the fever can be cured."
    pieces, how = content(nlp, text, "reveal")
    assert how == "parenthetical"  # not "Maria Lopez", who was told
    assert pieces == ["the fever can be cured."]
    text = "But as the ghost revealed to him, the future can still be changed."
    assert content(nlp, text, "reveal") == (["the future can still be changed."], "parenthetical")


def test_as_x_put_it_takes_the_quotation_beside_it(nlp: Language) -> None:
    text = "It covers the whole city, as the station's slogan put it, “As local as it gets.”"
    assert content(nlp, text, "put") == (["As local as it gets."], "quote")
    text = "The law “has achieved remarkable success,” as the Ledger put it on Tuesday."
    pieces, how = content(nlp, text, "put")
    assert how == "quote" and "has achieved remarkable success" in pieces[-1]


def test_as_inside_a_comparison_reports_nothing(nlp: Language) -> None:
    pieces, _ = content(nlp, "The mayor's numbers are not as bad as most insiders believe.",
                        "believe")
    assert "as bad" not in " ".join(pieces)


def test_quotes_around_a_cue_join_across_an_abbreviated_source(nlp: Language) -> None:
    # the period of "Mr." ends no sentence: both halves of the quote are his
    pieces, how = content(nlp, "“We will not raise taxes,” Mr. Pincus said, “unless the state "
                          "runs out of money.”", "say")
    assert how == "quote"
    assert pieces == ["We will not raise taxes", "unless the state runs out of money."]


def test_a_quote_from_the_sentence_before_is_not_joined(nlp: Language) -> None:
    pieces, _ = content(nlp, "The council met. “This is it,” Ms. Ruiz said.", "say")
    assert pieces == ["This is it"]


def test_quote_opening_mid_sentence_takes_the_words_before_it(nlp: Language) -> None:
    pieces, how = content(nlp, "The new budget “is a disgrace to this city,” Mr. Pincus said.",
                          "say")
    assert how == "quote"
    assert pieces == ["The new budget “is a disgrace to this city"]


def test_a_title_before_the_cue_is_not_its_content(nlp: Language) -> None:
    pieces, how = content(nlp, "In an interview on “Meet the Press,” Sen. Ruiz said the budget "
                          "was balanced.", "say")
    assert (pieces, how) == (["the budget was balanced"], "ccomp")


def test_a_nickname_in_the_source_is_not_a_quote(nlp: Language) -> None:
    pieces, how = content(nlp, "Rep. Robert “Bobby” Scott said the budget was balanced.", "say")
    assert (pieces, how) == (["the budget was balanced"], "ccomp")


def test_a_quoted_name_as_the_subject_is_the_source_not_a_quote(nlp: Language) -> None:
    text = ("“We tried,” Ann Lee said. “No, not at all,” “Duke” countered: “They never "
            "listened to us.”")
    pieces, how = content(nlp, text, "counter")
    assert (pieces, how) == (["No, not at all", "They never listened to us."], "quote")


def test_names_a_work() -> None:
    assert names_a_work("A Change Is Gonna Come")
    assert names_a_work("Face the Nation")
    assert not names_a_work("we will not raise taxes")
    eight = "Rain Fell On The Old Mill All Night"
    assert names_a_work(eight)
    assert not names_a_work(eight + " Long")  # nine words are a sentence, not a title


def test_quote_after_a_colon_takes_no_lead_in(nlp: Language) -> None:
    pieces, _ = content(nlp, "Ruiz also brought up the budget: “You can hardly pay the bills,” "
                        "she said.", "say")
    assert pieces == ["You can hardly pay the bills"]


def test_for_of_the_cue_opens_what_was_called_for(nlp: Language) -> None:
    pieces, how = content(nlp, "Smith is calling for the city to raise the minimum wage.", "call")
    assert (pieces, how) == (["the city to raise the minimum wage"], "object")


def test_preposition_of_a_stance_cue_takes_its_object(nlp: Language) -> None:
    assert content(nlp, "Jones balked at the proposal.", "balk") == (["the proposal"], "object")


def test_place_a_speaker_spoke_at_is_no_content(nlp: Language) -> None:
    pieces, _ = content(nlp, "Jones spoke at the rally on Monday.", "speak")
    assert pieces == []


def test_second_that_clause_is_more_of_the_content(nlp: Language) -> None:
    pieces, how = content(nlp, "Ruiz said that the budget could be balanced, and that the "
                          "council had ignored her plan.", "say")
    assert how == "ccomp"
    assert pieces == ["that the budget could be balanced, and that the council had ignored "
                      "her plan"]


def test_writer_going_on_after_the_content_is_not_in_it(nlp: Language) -> None:
    pieces, _ = content(nlp, "Ruiz said that the budget was balanced, and the council "
                        "adjourned.", "say")
    assert pieces == ["that the budget was balanced"]


def test_subject_before_an_aside_cue_is_the_content_s(nlp: Language) -> None:
    pieces, _ = content(nlp, "Voters, Clinton suggested, don't have to worry that big banks "
                        "can influence politicians.", "suggest")
    assert pieces[0] == "Voters"
    assert pieces[1].startswith("don't have to worry")


def test_relative_pronoun_a_cue_reports_on_is_in_the_content(nlp: Language) -> None:
    pieces, how = content(nlp, "The tax plan, which she has repeatedly said was a mistake, "
                          "passed.", "say")
    assert (pieces, how) == (["which", "was a mistake"], "ccomp")


def test_a_comma_set_coordinated_subject_keeps_its_main_verb(nlp: Language) -> None:
    text = ("Pilots and aviation experts said thunderstorms, and requests to gain altitude to "
            "avoid them, were not unusual in that area.")
    doc = nlp(text)
    said = next(t for t in doc if t.lower_ == "said")
    from saidwhat.engine.contents import split_subject_clause

    parts = split_subject_clause(said)
    pieces, _ = content(nlp, text, "say")
    if parts:  # the parse split the subject: the rule joins it back to the main verb
        assert pieces == ["thunderstorms, and requests to gain altitude to avoid them, were not "
                          "unusual in that area"]
    assert "were not unusual" in " ".join(pieces)


def test_said_with_a_plain_object_is_no_split_subject(nlp: Language) -> None:
    from saidwhat.engine.contents import split_subject_clause

    doc = nlp("She said goodbye, and the crowd cheered.")
    said = next(t for t in doc if t.lower_ == "said")
    assert split_subject_clause(said) == []


def test_an_object_holding_its_quotations_is_the_content(nlp: Language) -> None:
    pieces, how = content(nlp, "The activist calls for a “clean break” from “the old ways of the "
                          "party,” including its donors and its machine.", "call")
    assert how == "object"
    assert pieces[0].startswith("a “clean break” from “the old ways of the party,”")


def _parsed(nlp: Language, words: list[str], heads: list[int], deps: list[str],
            tags: list[str], pos: list[str]) -> Doc:
    """A Doc with a given parse (the parser's mistakes, reproduced exactly)."""
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


def test_a_content_stopping_before_its_modal_takes_the_main_verb(nlp: Language) -> None:
    from saidwhat.engine.contents import stranded_predicate

    # 'She agreed that to back down would look weak.' with "would look" hung on "agreed"
    doc = _parsed(nlp, ["She", "agreed", "that", "to", "back", "down", "would", "look", "weak",
                        "."], [1, 1, 4, 4, 1, 4, 7, 1, 7, 1],
                  ["nsubj", "ROOT", "mark", "aux", "ccomp", "prt", "aux", "advcl", "acomp",
                   "punct"], ["PRP", "VBD", "IN", "TO", "VB", "RP", "MD", "VB", "JJ", "."],
                  ["PRON", "VERB", "SCONJ", "PART", "VERB", "ADP", "AUX", "VERB", "ADJ",
                   "PUNCT"])
    clause = [doc[i] for i in range(2, 6)]
    assert [t.text for t in stranded_predicate(doc, clause, {0, 1})] == ["would", "look", "weak"]
    assert stranded_predicate(doc, [doc[2], doc[3], doc[4]], {0, 1}) == []  # 'down' follows


def _copula_cue(doc: Doc) -> Cue:
    """The cue of the doc's copula with its stance adjective's phrase."""
    be = next(t for t in doc if t.lemma_ == "be" and t.dep_ == "ROOT")
    return Cue(be.i, tuple(sorted({be.i} | copula_phrase(be))), "speech")


def test_a_stance_adjective_reports_its_prepositions_object(nlp: Language) -> None:
    doc = nlp("The mayor is critical of the plan to close the library.")
    toks = adjective_complement(doc[2], _copula_cue(doc))
    assert [t.text for t in toks] == ["plan"]


def test_a_stance_adjective_reports_its_clause_or_its_infinitives(nlp: Language) -> None:
    doc = nlp("Republicans are quick to point out that the deficit grew.")
    assert [t.text for t in adjective_complement(doc[1], _copula_cue(doc))] == ["grew"]
    doc = nlp("The economy is strong this year.")
    assert adjective_complement(doc[2], Cue(2, (2,), "speech")) == []


def test_an_object_content_leaves_out_the_agents_by(nlp: Language) -> None:
    pieces, _ = content(nlp, "Asked about it by the Valley Courier, Mendez declined to repeat "
                        "that exact word.", "ask")
    assert "by" not in " ".join(pieces).split()  # once 'it by'; a lone 'it' is no content


def test_a_participle_of_asking_reports_what_was_asked_about_not_the_answer(
        nlp: Language) -> None:
    assert content(nlp, "When asked about the budget, Reyes said it was too early.", "ask") == (
        ["the budget"], "object")  # no source: the asker goes unnamed
    assert content(nlp, "“We will see,” Reyes said when asked about the budget.", "ask") == (
        ["the budget"], "object")  # the quote is the answer of Reyes, who was asked
    assert content(nlp, "“It is too early,” Reyes said when asked recently.", "ask") == (
        [], "none")  # nothing named that was asked about


@pytest.mark.parametrize("text", [
    "Reyes said during a news conference that the budget was balanced.",
    "Reyes said in one of a series of messages that the budget was balanced.",
])
def test_a_that_clause_hung_on_the_setting_is_what_the_cue_reports(
        nlp: Language, text: str) -> None:
    assert content(nlp, text, "say") == (["that the budget was balanced"], "ccomp")


def test_a_relative_clause_on_the_setting_is_no_content(nlp: Language) -> None:
    doc = nlp("Reyes spoke at a meeting that lasted an hour.")
    assert that_clause_in_scene(doc[1]) == []  # 'that' the pronoun, no subject of its own


def test_modified_noun_relative_pronoun(nlp: Language) -> None:
    assert content(nlp, "The mayor defended the budget, which the council rejected on Monday.",
                   "reject") == (["which"], "object")


def test_modified_noun_without_relative_pronoun(nlp: Language) -> None:
    assert content(nlp, "Residents cheered the plan the mayor announced.", "announce") == (
        ["the plan"], "object")


def test_modified_noun_passive_participle(nlp: Language) -> None:
    assert content(nlp, "The tax, opposed by every union in the state, passed easily.",
                   "oppose") == (["The tax"], "object")


def test_modified_noun_not_the_speaker(nlp: Language) -> None:
    doc = nlp("The clerk who complained was moved to another office.")
    assert modified_noun(doc[3]) == []  # 'who' complained: the clerk spoke, said nothing


def test_relative_clause_stays_with_its_object(nlp: Language) -> None:
    assert content(nlp, "The council approved new rules for the harbor that would ban night "
                   "fishing.", "approve") == (
        ["new rules for the harbor that would ban night fishing"], "object")



def test_object_infinitive_completes_the_object(nlp: Language) -> None:
    assert content(nlp, "Critics pushed the city to close the plant.", "push") == (
        ["the city to close the plant"], "object")


def test_with_phrase_after_the_object_is_content(nlp: Language) -> None:
    assert content(nlp, "Prosecutors charged the treasurer with fraud.", "charge") == (
        ["the treasurer with fraud"], "object")


def test_with_an_addressee_is_no_content(nlp: Language) -> None:
    assert content(nlp, "The senator talked with reporters.", "talk") == ([], "none")


def test_quote_tail_finishes_the_clause(nlp: Language) -> None:
    text = "Mayor Ruiz said, “I have not heard that concern” from the police officers."
    assert content(nlp, text, "say") == (
        ["I have not heard that concern” from the police officers"], "quote")


def test_quote_tail_stops_before_the_cue(nlp: Language) -> None:
    assert content(nlp, "“This will be a challenge” for the council, said Ruiz.", "say") == (
        ["This will be a challenge” for the council"], "quote")


def test_quote_closing_its_sentence_has_no_tail(nlp: Language) -> None:
    assert content(nlp, "“We will win,” Ruiz said in November.", "say") == (
        ["We will win"], "quote")


def test_quote_tail_stops_at_a_clause_of_its_own(nlp: Language) -> None:
    text = "The officers kept saying “thank you” when the drivers stopped."
    assert content(nlp, text, "say") == (["thank you"], "quote")


def test_a_clause_before_a_cue_with_its_own_object_is_the_writers(nlp: Language) -> None:
    # the parse hangs the first clause on 'admitted' as its complement
    assert content(nlp, "The budget was never balanced; the mayor had already admitted the "
                   "same thing.", "admit") == (["the same thing"], "object")


def test_a_clause_before_a_verb_of_address_stays_what_was_said(nlp: Language) -> None:
    # 'reporters' is who was told, not what: the clause before is the content
    assert content(nlp, "Turnout fell sharply in the county, the clerk told reporters.",
                   "tell") == (["Turnout fell sharply in the county"], "ccomp")


def test_a_clause_before_the_cue_holding_its_source_is_who_spoke(nlp: Language) -> None:
    assert content(nlp, "Senator Kerr, meanwhile, who has no such backing, said that fact "
                   "speaks for itself.", "say") == (["that fact speaks for itself"], "ccomp")


def test_a_report_inside_the_content_stays_in_it(nlp: Language) -> None:
    # 'saying' hangs on 'someone' with no comma: it is part of what the police said
    text = "Avalos wrote to someone saying she wanted him gone that night, police said."
    doc = nlp(text)
    quotes = find_quotes(text)
    cues = find_cues(doc, token_in_quote(doc, quotes), LEXICON)
    cue = next(c for c in cues if doc[c.head].text == "said")
    pieces, _ = content_for(doc, cue, source_for(doc, cue, LEXICON), quotes,
                            frozenset(c.head for c in cues))
    words = " ".join(text[s:e] for s, e in trim_pieces(text, pieces))
    assert words.startswith("Avalos wrote to someone saying she wanted him gone")


def test_a_participle_set_off_after_the_content_is_not_in_it(nlp: Language) -> None:
    pieces, _ = content(nlp, "Lopez said the budget was balanced, adding that taxes would "
                        "fall.", "say")
    assert not any("taxes" in p for p in pieces)


@pytest.mark.parametrize(("text", "on_a_word"), [
    ("Avalos wrote to someone saying she wanted him gone.", True),
    ("Lopez said the budget was balanced, adding that taxes would fall.", False),
])
def test_participle_on_a_word(nlp: Language, text: str, on_a_word: bool) -> None:
    from saidwhat.engine.contents import participle_on_a_word

    doc = nlp(text)
    verb = next(t for t in doc if t.tag_ == "VBG")
    assert participle_on_a_word(verb) is on_a_word


def test_made_clear_reports_what_follows_the_idiom(nlp: Language) -> None:
    assert content(nlp, "She made it plain to reporters on Monday that taxes will rise.",
                   "make") == (["that taxes will rise"], "ccomp")
    assert content(nlp, "Lopez made clear her aim to cut taxes.", "make") == (
        ["her aim to cut taxes"], "ccomp")


def test_reportedly_reports_its_whole_clause_but_itself(nlp: Language) -> None:
    text = "Google and Facebook have reportedly looked at the company and passed."
    doc = nlp(text)
    cue = next(c for c in find_cues(doc, token_in_quote(doc, find_quotes(text)), LEXICON)
               if doc[c.head].text == "reportedly")
    pieces = reported_content(doc, cue)
    words = " … ".join(text[s:e] for s, e in pieces)
    assert words.startswith("Google and Facebook have … looked at the company")
    assert "reportedly" not in words


# ------------------------------------------------------------------- quote_after_object


def test_an_object_before_a_colon_and_a_quotation_takes_the_quotation(nlp: Language) -> None:
    text = ("The mayor praised the crews but laid blame on the utility: “They knew the lines "
            "were old and did nothing about it.”\n")
    pieces, how = content(nlp, text, "lay")
    assert how == "quote"
    assert pieces == ["blame on the utility",
                      "They knew the lines were old and did nothing about it."]


def test_a_message_object_before_the_quotation_is_left_to_the_cue(nlp: Language) -> None:
    text = ("Governor Ana Ruiz released the following statement:\n\n“Our thoughts are with the "
            "families of the miners tonight.”\n")
    pieces, how = content(nlp, text, "release")
    assert (pieces, how) == (["Our thoughts are with the families of the miners tonight."],
                             "quote")


def test_a_quotation_with_a_cue_of_its_own_stays_its_own(nlp: Language) -> None:
    text = ("The mayor praised the crews but laid blame on the utility: “They knew the lines "
            "were old,” her spokesman said.\n")
    pieces, how = content(nlp, text, "lay")
    assert how == "object"
    assert pieces == ["blame on the utility"]


# ------------------------------------------------------------------- given_to


def test_thanks_to_someone_keeps_whom_it_is_given_to(nlp: Language) -> None:
    pieces, how = content(nlp, "The airline's chief has tweeted his thanks to the rescue "
                          "teams in the harbour.", "tweet")
    assert how == "object"
    assert pieces == ["his thanks to the rescue teams in the harbour"]
    pieces, _ = content(nlp, "Lopez spoke to reporters on Monday about the city budget.",
                        "speak")
    assert pieces == ["the city budget"]  # 'to reporters' is still whom he spoke to


# ------------------------------------------------------------------- live_entry_block


def test_a_colon_block_in_a_live_blog_entry_runs_to_the_next_entry(nlp: Language) -> None:
    text = ("Live: the flood in Carlton\n"
            "09.52 In Carlton, Ann Lee has been speaking to the family of the ferry pilot.\n"
            "She writes:\n"
            "When the first pictures of the ferry flashed up on\n"
            "  screens on Tuesday, few had any hope left.\n"
            "But on Wednesday one boy still waited at the pier for his father.\n"
            "09.30 The river has reached its highest level since 1987.\n")
    pieces, how = content(nlp, text, "write")
    assert how == "colon-paragraph"
    assert pieces == ["When the first pictures of the ferry flashed up on\n"
                      "  screens on Tuesday, few had any hope left.\n"
                      "But on Wednesday one boy still waited at the pier for his father."]


def test_a_colon_block_outside_a_live_blog_is_one_paragraph(nlp: Language) -> None:
    text = ("The critic praised the film's nerve. He adds:\n"
            "It means not just to expose the dictator as a fraud.\n"
            "The studio did not comment.\n")
    pieces, _ = content(nlp, text, "add")
    assert pieces == ["It means not just to expose the dictator as a fraud."]


def test_an_as_clause_on_a_doubt_reports_what_is_doubted(nlp: Language) -> None:
    pieces, how = content(nlp, "Without the new levee, there's little doubt the town would have "
                               "flooded, as engineers expected.", "expect")
    assert (pieces, how) == (["the town would have flooded"], "parenthetical")


def test_beyond_doubt_leaves_other_hosts(nlp: Language) -> None:
    doc = nlp("The town flooded, as engineers expected.")
    flooded = next(t for t in doc if t.text == "flooded")
    assert beyond_doubt(flooded) is flooded


def test_the_writers_relative_clause_on_the_object_is_no_content(nlp: Language) -> None:
    pieces, _ = content(nlp, "Several critics have noted a basic pattern that I recognized in "
                             "every episode.", "note")
    assert pieces == ["a basic pattern"]
    pieces, _ = content(nlp, "Several critics have noted a pattern that “I recognized at once.”",
                        "note")
    assert "I recognized at once" in " ".join(pieces)
