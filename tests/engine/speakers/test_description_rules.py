"""Description rules of `engine/speakers/descriptions.py`, each on a sentence written for it:
groups named before, people listed in the source, relatives' surnames, affiliations,
anonymous sources taken up again, and the people a description speaks of."""

from resolving import resolve
from spacy.language import Language

from saidwhat.evaluation.speakers import group_members, same_group


def members(name: str) -> set[str]:
    """The names a group speaker lists, as the speaker scorer reads them."""
    return set(group_members(name))


def test_counted_people_are_the_pair_named_together_before(nlp: Language) -> None:
    text = ("Hillary Clinton and Bernie Sanders are both progressives. Their goals on the "
            "economy are close. The two admit that change will be slow.")
    (two,) = resolve(nlp, text, "The two")
    assert two.type == "GROUP"
    assert members(two.name) == {"Hillary Clinton", "Bernie Sanders"}


def test_counted_people_need_their_own_count_and_no_partitive(nlp: Language) -> None:
    text = ("Tom Hart and Mary Lee met the mayor on Monday. "
            "Both of his aides said the talks went well.")
    (aides,) = resolve(nlp, text, "Both of his aides")
    assert members(aides.name) != {"Tom Hart", "Mary Lee"}


def test_listed_people_are_the_names_after_the_plural(nlp: Language) -> None:
    text = ("Democratic candidates Ann Lee and Tom Hart made their cases to voters in Ohio "
            "on Monday.")
    (group,) = resolve(nlp, text, "Democratic candidates Ann Lee and Tom Hart")
    assert (group.type, members(group.name)) == ("GROUP", {"Ann Lee", "Tom Hart"})


def test_a_relative_named_by_first_name_takes_the_surname(nlp: Language) -> None:
    text = ("Hillary Clinton campaigned in Nashua on Sunday. Clinton's husband, Bill, said "
            "the race was close.")
    (bill,) = resolve(nlp, text, "Clinton's husband, Bill,")
    assert bill.name == "Bill Clinton"


def test_a_description_beside_a_relatives_name_is_that_relative(nlp: Language) -> None:
    text = ("Mr. McKinley is weighing colleges with his daughter, Ellie, a high school senior. "
            "She wants to study design.")
    (senior,) = resolve(nlp, text, "a high school senior")
    assert senior.name == "Ellie McKinley"


def test_an_affiliation_is_not_the_speaker_of_its_member(nlp: Language) -> None:
    text = ("Carly Fiorina spoke at a conference in Aspen. At the end, the Stanford history "
            "graduate said that every obstacle yields to resolve.")
    (graduate,) = resolve(nlp, text, "the Stanford history graduate")
    assert graduate.name != "Stanford" and graduate.type != "ORG"


def test_a_description_is_not_whom_it_names_or_speaks_of(nlp: Language) -> None:
    text = ("Chris Christie spoke in Nashua on Monday. The Christie supporter said the crowd "
            "was large.")
    (fan,) = resolve(nlp, text, "The Christie supporter")
    assert fan.name != "Chris Christie"


def test_an_anonymous_source_taken_up_again_stays_anonymous(nlp: Language) -> None:
    text = ("Carly Fiorina ran the company for six years. She was a tough boss, said one former "
            "executive who asked not to be named. Every Friday, the former executive told "
            "reporters, Fiorina would decide everything.")
    _, again = resolve(nlp, text, "one former executive", "the former executive")
    assert again.name != "Carly Fiorina" and again.type != "PERSON"


def test_everyone_but_someone_is_not_that_someone(nlp: Language) -> None:
    text = ("Walter Hewlett opposed the merger. The directors voted on Monday. "
            "Everyone but Hewlett said yes.")
    (everyone,) = resolve(nlp, text, "Everyone but Hewlett")
    assert everyone.name != "Walter Hewlett" and everyone.type != "PERSON"


def test_a_group_names_its_people_in_any_order() -> None:
    assert same_group("Bernie Sanders and Hillary Clinton", "Hillary Clinton and Bernie Sanders")
    assert same_group("Trump and Carson and Fiorina", "Donald Trump, Ben Carson and Carly Fiorina")
    assert not same_group("Trump and Carson", "Donald Trump, Ben Carson and Carly Fiorina")
    assert not same_group("Hillary Clinton", "Hillary Clinton")


def test_counted_people_are_people_not_an_office(nlp: Language) -> None:
    text = ("The White House and Paul Ryan met on Tuesday about the budget. Afterwards the two "
            "said the talks had gone well.")
    (two,) = resolve(nlp, text, "the two")
    assert "White House" not in two.name
