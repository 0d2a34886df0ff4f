"""Pronoun antecedents (issue 10): the rules that decide who a he/she/they can refer to, each on
a small invented article."""


import pytest
from resolving import resolve
from spacy.language import Language

from saidwhat.engine.speakers.clusters import ArticleIndex, excerpt_paragraph
from saidwhat.run.nlp import load


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


EXCERPT = (
    "The Daily Ledger ran a long profile of a voter on Sunday. Jane Roe, its reporter, "
    "describes her.\n\n"
    '"Doris had voted in every election since 1970. She kept her ballots in a shoebox, and '
    "she knew every poll worker in town by name.\n\n"
    "“I never miss one,” she said, smiling at the clerk.\n")


def test_the_people_an_excerpt_narrates_are_antecedents(nlp: Language) -> None:
    (she,) = resolve(nlp, EXCERPT, ("she", 1))
    assert (she.name, she.resolved_by) == ("Doris", "pronoun")


@pytest.mark.parametrize(("para", "excerpt"), [
    ('"Doris had voted in every election. She kept her ballots in a shoebox.', True),
    ('"Doris had voted in every election. She called it a “duty” of hers."', True),
    ('"I have voted in every election. Doris knows it.', False),  # a speaker's own words
    ('"We met Doris in June. She was kind to you.', False),
    ('"Doris had voted in every election since 1970.', False),  # one sentence
    ('"Doris voted," the clerk said. "She always does.', False),  # speech and attribution
    ("Doris had voted in every election. She kept her ballots.", False),  # not quoted
])
def test_an_excerpt_is_quoted_third_person_narration_of_two_sentences(
        para: str, excerpt: bool) -> None:
    assert excerpt_paragraph(para) is excerpt


def test_a_pronoun_about_a_described_person_gives_no_gender_to_the_name(
        nlp: Language) -> None:
    text = ("Ottilie spoke to the new mayor, who began his speech by thanking the voters. "
            "“We love this town,” she said.")
    (she,) = resolve(nlp, text, "she")
    assert (she.name, she.resolved_by) == ("Ottilie", "pronoun")


def test_a_pronoun_closing_a_quote_its_own_sentence_introduced_is_that_subject(
        nlp: Language) -> None:
    from saidwhat.engine.speakers.clusters import ArticleIndex
    from saidwhat.engine.speakers.pronouns import _bound_in_clause, own_quote_introducer
    from saidwhat.engine.speakers.ranker import pronoun_candidates

    text = ("Tom Okafor said the talks had failed.\n\n"
            "Ben Cole also raised the budget: “We are broke,” he said. "
            "Ben Cole left. “We are broke,” he said.")
    doc = nlp(text)
    index = ArticleIndex(doc)
    cole = index.entity_named("Ben Cole", "PERSON")
    first, second = [t for t in doc if t.text == "he"]
    cands = pronoun_candidates(index, first, lambda p, e: True, _bound_in_clause)
    assert own_quote_introducer(index, first, cands) == cole
    assert own_quote_introducer(index, first, [c for c in cands if c[0] != cole]) is None
    later = pronoun_candidates(index, second, lambda p, e: True, _bound_in_clause)
    assert own_quote_introducer(index, second, later) is None  # introduced a sentence before
    out = resolve(nlp, text, "Tom Okafor", ("he", 0))
    assert [s.name for s in out] == ["Tom Okafor", "Ben Cole"]


def test_the_subject_of_an_adverbial_clause_is_the_subject_it_modifies(nlp: Language) -> None:
    text = ("Ben Cole, the mayor, said: “We will win.” Ben Cole added: “Vote.”\n\n"
            "Tom Okafor faced heavy criticism after he asked the mayor about the budget.")
    out = resolve(nlp, text, ("he", 0))
    assert [s.name for s in out] == ["Tom Okafor"]  # not Ben Cole, who spoke last


def test_a_governing_subject_must_fit_the_pronoun(nlp: Language) -> None:
    from saidwhat.engine.speakers.clusters import ArticleIndex
    from saidwhat.engine.speakers.pronouns import _bound_in_clause, governing_subject
    from saidwhat.engine.speakers.ranker import pronoun_candidates

    text = ("Tom Okafor met the mayor. The United States agreed to more aid when he asked. "
            "Tom Okafor left because he was tired.")
    doc = nlp(text)
    index = ArticleIndex(doc)
    okafor = index.entity_named("Tom Okafor", "PERSON")
    first, second = [t for t in doc if t.text == "he"]
    anything = lambda p, e: True  # noqa: E731
    assert governing_subject(
        index, first, pronoun_candidates(index, first, anything, _bound_in_clause)) is None
    cands = pronoun_candidates(index, second, anything, _bound_in_clause)
    assert governing_subject(index, second, cands) == okafor
    assert governing_subject(index, second, [c for c in cands if c[0] != okafor]) is None


def test_the_writer_of_an_excerpt_is_not_its_she(nlp: Language) -> None:
    text = ("The Daily Ledger ran a long profile of a voter on Sunday. The paper sent its "
            "reporter Jane Roe to her town. Roe writes:\n\n"
            '"The first time she voted, she was eighteen. She kept every ballot in a shoebox, '
            "and she knew every poll worker in town by name.\n\nDoris Kemp smiled.")
    first, third = resolve(nlp, text, ("she", 0), ("she", 2))
    assert (first.resolved_by, third.resolved_by) == ("none", "none")  # not Jane Roe, nor
    # the paper


def test_excerpt_author_is_the_named_subject_before_the_colon(nlp: Language) -> None:
    from saidwhat.engine.speakers.clusters import ArticleIndex
    from saidwhat.engine.speakers.pronouns import excerpt_author

    text = ("Jane Roe visited the town. Roe writes:\n\n"
            '"Doris had voted in every election. She kept her ballots in a shoebox.\n\n'
            '"She knew every poll worker. She never missed a vote.\n\n'
            "She said nothing more.")
    doc = nlp(text)
    index = ArticleIndex(doc)
    roe = index.entity_named("Jane Roe", "PERSON")
    shes = [t for t in doc if t.lower_ == "she"]
    assert [excerpt_author(index, t) for t in shes] == [roe, roe, roe, None]


def test_a_cataphoric_antecedent_governs_the_pronoun(nlp: Language) -> None:
    text = ("When he wrote his book, Mr. McKinley said he was tired. After what she called a "
            "rant, a post saying that Obama should go was removed.")
    he, she = resolve(nlp, text, ("he", 0), ("she", 0))
    assert (he.name, she.resolved_by) == ("McKinley", "none")


def test_words_a_pronoun_reports_before_it_hold_no_antecedent(nlp: Language) -> None:
    text = ("Ben Cole has served in the House for 40 years. Cole voted against the bill.\n\n"
            '"There are few experts in the House," said Tom Okafor, head of the league. '
            '"We need them."\n\nPeople like Cole, he said.')
    (he,) = resolve(nlp, text, ("he", 0))
    assert he.name == "Tom Okafor"  # not Cole, whom his own words name


def test_fronted_report_names_keep_to_verbs_of_saying(nlp: Language) -> None:
    from saidwhat.engine.speakers.clusters import ArticleIndex
    from saidwhat.engine.speakers.pronouns import fronted_report_names

    doc = nlp("Ben Cole won.\n\nPeople like Cole, he said. Ben Cole, he is coming on board.")
    index = ArticleIndex(doc)
    said, coming = [t for t in doc if t.text == "he"]
    assert fronted_report_names(index, said) == {index.entity_named("Ben Cole", "PERSON")}
    assert fronted_report_names(index, coming) == set()


def test_a_party_nationality_country_or_state_is_never_he_or_she() -> None:
    from saidwhat.engine.speakers.clusters import Entity
    from saidwhat.engine.speakers.pronouns import pronoun_may_refer

    assert not pronoun_may_refer("she", Entity(name="Republican", type="NORP"))
    assert not pronoun_may_refer("he", Entity(name="Democrats", type="NORP"))
    assert not pronoun_may_refer("he", Entity(name="American", type="NORP"))
    assert not pronoun_may_refer("she", Entity(name="Alaska", type="GPE"))
    assert pronoun_may_refer("she", Entity(name="Georgia", type="GPE"))  # also a first name
    assert pronoun_may_refer("they", Entity(name="Republicans", type="NORP"))


def test_a_pronoun_makes_no_acronym_a_person(nlp: Language) -> None:
    from saidwhat.engine.speakers.pronouns import acronym_name, retype_as_person

    assert acronym_name("XQ") and acronym_name("AT&T") and not acronym_name("Strayer")
    assert not acronym_name("DONALD TRUMP") and not acronym_name("X")
    index = ArticleIndex(nlp("Ann Kerr joined IBM in 2001. She left IBM and Strayer in 2004."))
    named = {e.name: n for n, e in enumerate(index.entities)}
    assert index.entities[named["IBM"]].type == index.entities[named["Strayer"]].type == "ORG"
    retype_as_person(index, named["IBM"], "his")
    retype_as_person(index, named["Strayer"], "his")
    assert index.entities[named["IBM"]].type == "ORG"
    assert index.entities[named["Strayer"]].type == "PERSON"  # may be a mistyped man


def test_she_after_a_described_senator_is_not_her_party_or_state(nlp: Language) -> None:
    text = ("The Senator from Alaska, a Republican, explained her vote. "
            "She said the Congress failed.")
    (she,) = resolve(nlp, text, "She")
    assert she.name not in ("Republican", "Alaska")


def test_a_party_word_modifying_plural_people_is_not_they(nlp: Language) -> None:
    from saidwhat.engine.speakers.clusters import ArticleIndex
    from saidwhat.engine.speakers.pronouns import affiliation_modifiers

    text = ("Nearly all Republican Senators have already admitted the facts. "
            "They said the delay was wrong.")
    (they,) = resolve(nlp, text, "They")
    assert (they.type, they.name.endswith("Republican Senators")) == ("GROUP", True)
    index = ArticleIndex(nlp("Republican Senators met. Republicans said no."))
    assert affiliation_modifiers(index) == {index.entity_named("Republican", "NORP")}


def test_an_object_pronoun_is_not_the_subject_of_its_own_verb(nlp: Language) -> None:
    from saidwhat.engine.speakers.clusters import ArticleIndex
    from saidwhat.engine.speakers.pronouns import own_subjects

    text = "Ann Lee asked Mary Cole about the plan. Mary Cole thanked her, aides said."
    (her,) = resolve(nlp, text, ("her", 0))
    assert her.name == "Ann Lee"  # not Mary Cole, who thanked her
    doc = nlp("Mary Cole wanted to thank her. Mary Cole told her story.")
    index = ArticleIndex(doc)
    thank, story = [t for t in doc if t.lower_ == "her"]
    assert own_subjects(index, thank) == {index.entity_named("Mary Cole", "PERSON")}
    assert own_subjects(index, story) == set()  # a possessive may be the subject's own


def test_a_possessive_is_not_the_person_it_possesses(nlp: Language) -> None:
    text = ("Kim called home at nine. Her mom said it was too late. Then her mom "
            "came to pick her up.")
    mom, her = resolve(nlp, text, "Her mom", "her")
    assert mom.name == "Kim's mother"
    assert her.name == "Kim"


def test_an_object_is_not_its_verbs_possessed_subject(nlp: Language) -> None:
    text = ("Kim called home at nine. Her mom said it was too late. But her mom would not "
            "let her.")
    _, her = resolve(nlp, text, "Her mom", ("her", 1))
    assert her.name == "Kim"


def test_it_is_no_person_with_a_gender() -> None:
    from collections import Counter

    from saidwhat.engine.speakers.clusters import Entity
    from saidwhat.engine.speakers.pronouns import pronoun_may_refer

    bernoulli = Entity("Daniel Bernoulli", "PERSON", gender_votes=Counter({"m": 3}))
    cyclone = Entity("Cyclone Phailin", "PERSON")  # a storm the recogniser took for a person
    assert not pronoun_may_refer("it", bernoulli)
    assert not pronoun_may_refer("its", bernoulli)
    assert pronoun_may_refer("it", cyclone)
    assert pronoun_may_refer("he", bernoulli)


def test_dislocated_topic_needs_a_verb_that_says_something_of_it(nlp: Language) -> None:
    from saidwhat.engine.speakers.clusters import ArticleIndex
    from saidwhat.engine.speakers.pronouns import dislocated_topic

    doc = nlp("Ann Reyes baked. Mark Ortiz, she guessed. Mark Ortiz, he is joining us soon.")
    index = ArticleIndex(doc)
    she = next(t for t in doc if t.text == "she")
    he = next(t for t in doc if t.text == "he")
    assert dislocated_topic(index, she) is None
    assert dislocated_topic(index, he) == index.entity_named("Mark Ortiz", "PERSON")


def test_a_possessor_opening_the_paragraph_is_its_next_he(nlp: Language) -> None:
    text = ("Omar Haidari runs a firm. Karim Nazari sells drinks.\n\n"
            "Nazari has withstood the legal assault on his reputation. He is planning to "
            "build a juice factory.\n\n"
            "Haidari’s trajectory, however, has shifted. He’s gone from rags to riches. "
            "He says his partner cheated him.")
    (he,) = resolve(nlp, text, ("He", 2))
    assert he.name == "Omar Haidari"


def test_no_opening_possessor_for_a_possessed_person(nlp: Language) -> None:
    from saidwhat.engine.speakers.clusters import ArticleIndex
    from saidwhat.engine.speakers.pronouns import opening_possessor

    doc = nlp("Karim Nazari sells drinks.\n\nOmar Haidari’s father died in May. He was 80.\n\n"
              "Omar Haidari’s firm has grown. He now employs 40 people.")
    index = ArticleIndex(doc)
    was, employs = [t for t in doc if t.text == "He"]
    assert opening_possessor(index, was) is None
    assert opening_possessor(index, employs) == index.entity_named("Omar Haidari", "PERSON")


def test_a_subject_pronoun_is_not_what_its_own_verb_acts_on(nlp: Language) -> None:
    from saidwhat.engine.speakers.pronouns import own_objects

    text = "Ben Cole praised Tom Hart. Tom Hart said the plan was good. Later he thanked Tom Hart."
    (he,) = resolve(nlp, text, ("he", 0))
    assert he.name == "Ben Cole"  # not Tom Hart, whom he thanked
    text = "Ben Cole met Tom Hart. Tom Hart said the plan was good. Later he spoke to Tom Hart."
    (he,) = resolve(nlp, text, ("he", 0))
    assert he.name == "Ben Cole"
    doc = nlp("Ann Lee met Mary Cole. She thanked Mary Cole for the plan.")
    index = ArticleIndex(doc)
    she = next(t for t in doc if t.lower_ == "she")
    assert own_objects(index, she) == {index.entity_named("Mary Cole", "PERSON")}
    doc = nlp("Ann Lee met Mary Cole. Mary Cole said she was late.")
    index = ArticleIndex(doc)
    assert own_objects(index, next(t for t in doc if t.lower_ == "she")) == set()


def test_an_unnamed_relative_is_a_possessed_role_of_a_person() -> None:
    from saidwhat.engine.speakers.clusters import Entity
    from saidwhat.engine.speakers.pronouns import unnamed_relative

    assert unnamed_relative(Entity("Quill's mother", "PERSON"))
    assert unnamed_relative(Entity("Lund’s sister", "PERSON"))
    assert not unnamed_relative(Entity("Nora Quill", "PERSON"))
    assert not unnamed_relative(Entity("Quill's aides", "GROUP"))
    assert not unnamed_relative(Entity("Quill's Bakery", "PERSON"))


def test_a_named_person_over_an_unnamed_relative_mentioned_once_before(nlp: Language) -> None:
    text = ("Nora Quill stayed late at the fair on Friday. Her mom said they had to leave "
            "early. Her mom would not let her. So she went home and phoned her friends, she "
            "said.")
    mom, she = resolve(nlp, text, "Her mom", ("she", 1))
    assert (mom.name, she.name) == ("Quill's mother", "Nora Quill")


def test_an_unnamed_relative_keeps_the_pronoun_that_follows_its_words(nlp: Language) -> None:
    text = ("Omar Haidari spoke on Monday. Haidari's father said the firm had grown. He added "
            "that he was proud.")
    _, he = resolve(nlp, text, "Haidari's father", "He")
    assert he.name == "Haidari's father"
    text = "Nora Quill won the race. Nora Quill's mother said she was tired."
    _, she = resolve(nlp, text, "Nora Quill's mother", "she")
    assert she.name == "Quill's mother"
