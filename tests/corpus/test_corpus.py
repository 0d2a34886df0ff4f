"""Cross-article speaker identity: name forms merge, namesakes stay apart, groups keyed by name."""

from saidwhat.corpus.speakers import (
    LocalSpeaker,
    group_key,
    link_surnames,
    person_tokens,
    resolve,
    speaker_key,
    strip_titles,
)


def local(article: str, name: str, type_: str = "PERSON", quotes: int = 1,
          published: str | None = None, outlet: str | None = None) -> LocalSpeaker:
    return LocalSpeaker(article, name.lower().replace(" ", "-"), name, type_, quotes, published,
                        outlet)


def by_name(speakers):
    return {s.name: s for s in speakers}


def test_titles_are_stripped_when_comparing():
    assert strip_titles("President Joe Biden") == "Joe Biden"
    assert strip_titles("Mr. Biden") == "Biden"
    assert strip_titles("Sen. Elizabeth Warren") == "Elizabeth Warren"
    assert strip_titles("Secretary of State") != ""  # never stripped to nothing
    assert person_tokens("Dr. Anthony Fauci") == ("anthony", "fauci")
    assert person_tokens("Joseph R. Biden Jr.") == ("joseph", "biden", "jr")  # Jr. is not Sr.
    assert person_tokens("Mrs. Clinton") == ("clinton",)


def test_group_names_normalised():
    assert group_key("the White House") == group_key("White House") == "white house"
    assert group_key("The Kremlin's") == "kremlin"
    assert speaker_key("White House officials", "GROUP") == "group:white house officials"


def test_biden_name_forms_are_one_speaker_named_by_fullest_form():
    mapping, speakers = resolve([
        local("a1", "Joe Biden", quotes=3, published="2021-06-16", outlet="nytimes.com"),
        local("a2", "Biden", quotes=2, published="2021-06-14", outlet="cnn.com"),
        local("a3", "President Biden", published="2021-06-18"),
        local("a4", "Mr. Biden"),
    ])
    assert len(speakers) == 1
    s = speakers[0]
    assert s.name == "Joe Biden"
    assert set(s.aliases) == {"Joe Biden", "Biden", "President Biden", "Mr. Biden"}
    assert s.quote_count == 7 and s.article_count == 4
    assert (s.first_seen, s.last_seen) == ("2021-06-14", "2021-06-18")
    assert s.outlets == ("cnn.com", "nytimes.com")
    assert len(set(mapping.values())) == 1 and len(mapping) == 4


def test_namesakes_stay_apart_and_bare_surname_is_ambiguous():
    _, speakers = resolve([
        local("a1", "Hillary Clinton"),
        local("a2", "Bill Clinton"),
        local("a3", "Clinton"),
        local("a4", "Mrs. Hillary Clinton"),
    ])
    names = by_name(speakers)
    assert set(names) == {"Hillary Clinton", "Bill Clinton", "Clinton"}
    assert names["Hillary Clinton"].quote_count == 2
    assert names["Clinton"].quote_count == 1


def test_surname_without_any_full_name_is_its_own_speaker():
    mapping, speakers = resolve([local("a1", "Mr. Navalny"), local("a2", "Navalny")])
    assert [s.name for s in speakers] == ["Navalny"]
    assert mapping[("a1", "mr.-navalny")] == mapping[("a2", "navalny")]


def test_link_surnames_only_when_unique():
    assert link_surnames(["joe biden", "biden"]) == {"joe biden": "joe biden", "biden": "joe biden"}
    linked = link_surnames(["bill clinton", "hillary clinton", "clinton"])
    assert linked["clinton"] == "clinton"


def test_same_person_different_middle_name_merges():
    _, speakers = resolve([local("a1", "Hillary Rodham Clinton"), local("a2", "Hillary Clinton")])
    assert len(speakers) == 1
    assert speakers[0].name == "Hillary Rodham Clinton"


def test_groups_and_orgs_keyed_by_normalised_name_not_merged_with_people():
    mapping, speakers = resolve([
        local("a1", "White House officials", "GROUP"),
        local("a2", "white house officials", "GROUP"),
        local("a3", "the Kremlin", "ORG"),
        local("a4", "Kremlin", "ORG"),
        local("a5", "Kremlin", "PERSON"),  # a person's surname here: stays the person
        local("a6", "Anna Kremlin", "PERSON"),
    ])
    types = sorted((s.type, s.quote_count) for s in speakers)
    assert types == [("GROUP", 2), ("ORG", 2), ("PERSON", 2)]
    assert mapping[("a1", "white-house-officials")] == "group-white-house-officials"
    assert len({s.id for s in speakers}) == 3


def test_unidentified_speakers_get_no_corpus_speaker():
    mapping, speakers = resolve([local("a1", "he", "OTHER"), local("a1", "Joe Biden")])
    assert [s.name for s in speakers] == ["Joe Biden"]
    assert ("a1", "he") not in mapping


def test_speakers_sorted_most_quoted_first():
    _, speakers = resolve([local("a1", "A Person", quotes=1), local("a2", "B Person", quotes=5)])
    assert [s.name for s in speakers] == ["B Person", "A Person"]


def test_unidentified_name_of_a_known_person_joins_them():
    mapping, speakers = resolve([local("a1", "Trump", "OTHER"), local("a2", "Donald J. Trump"),
                                 local("a3", "Clinton", "OTHER"), local("a4", "a source", "OTHER")])
    assert [(s.name, s.type, s.quote_count) for s in speakers] == [("Donald J. Trump", "PERSON", 2)]
    assert mapping[("a1", "trump")] == "donald-trump"
    assert ("a3", "clinton") not in mapping and ("a4", "a-source") not in mapping


def test_headline_words_run_on_to_a_name_join_the_person():
    from saidwhat.corpus.speakers import LocalSpeaker, identities

    found = identities([LocalSpeaker("a1", "l1", "Ted Cruz"),
                        LocalSpeaker("a2", "l2", "Ted Cruz Apologizes"),
                        LocalSpeaker("a3", "l3", "Mary Kay Henry")])
    assert sorted(s.name for s in found.speakers) == ["Mary Kay Henry", "Ted Cruz"]
    assert len({found.mapping[("a1", "l1")], found.mapping[("a2", "l2")]}) == 1


def test_generic_groups_get_no_speaker():
    from saidwhat.corpus.speakers import is_speaker_name

    assert not is_speaker_name("candidates", "GROUP")
    assert not is_speaker_name("Police", "GROUP")
    assert not is_speaker_name("exit polls", "GROUP")
    assert not is_speaker_name("Trump - 60 percent", "PERSON")
    assert is_speaker_name("White House officials", "GROUP")
    assert is_speaker_name("Republican candidates", "GROUP")


def test_familiar_and_formal_first_names_are_one_person():
    from saidwhat.corpus.speakers import same_first_name

    assert same_first_name("joe", "joseph") and same_first_name("ed", "edward")
    assert not same_first_name("bill", "hillary") and not same_first_name("joseph", "james")
    _, speakers = resolve([local("a1", "Ed Rendell", quotes=3), local("a2", "Edward G. Rendell"),
                           local("a3", "Sandy Paradis"), local("a4", "Sandra Paradis")])
    assert sorted((s.name, s.quote_count) for s in speakers) == [
        ("Edward G. Rendell", 4), ("Sandra Paradis", 2)]


def test_suffixed_formal_name_joins_the_familiar_one_not_a_father():
    mapping, speakers = resolve([
        local("a1", "Joe Biden", quotes=2), local("a2", "Joseph R. Biden Jr.", quotes=3),
        local("a3", "Donald Trump"), local("a4", "Donald Trump Jr."),
        local("a5", "Joe Smith"), local("a5", "Joseph Smith Jr."),  # quoted together: two people
    ])
    names = by_name(speakers)
    assert names["Joseph R. Biden Jr."].quote_count == 5 and "Joe Biden" not in names
    assert mapping[("a1", "joe-biden")] == mapping[("a2", "joseph-r.-biden-jr.")] == "joe-biden"
    assert {"Donald Trump", "Donald Trump Jr.", "Joe Smith", "Joseph Smith Jr."} <= set(names)


def test_party_words_plural_is_a_group_singular_is_no_speaker():
    _, speakers = resolve([local("a1", "Republicans", "NORP", quotes=4),
                           local("a2", "Republican", "NORP", quotes=3),
                           local("a3", "Democrat", "NORP")])
    assert [(s.name, s.type, s.id) for s in speakers] == [
        ("Republicans", "GROUP", "group-republicans")]


def test_bare_common_nouns_get_no_speaker_page():
    from saidwhat.corpus.speakers import is_speaker_name

    assert not is_speaker_name("families", "GROUP") and not is_speaker_name("Senators", "GROUP")
    assert not is_speaker_name("State", "ORG")
    assert is_speaker_name("Republicans", "NORP") and is_speaker_name("Congress", "ORG")
    assert is_speaker_name("Democratic senators", "GROUP")


def test_a_surname_its_article_found_ambiguous_joins_no_full_name():
    from dataclasses import replace

    mapping, speakers = resolve([local("a1", "Chris Murphy"),
                                 replace(local("a2", "Murphy"), ambiguous=True)])
    assert [s.name for s in speakers] == ["Chris Murphy"]
    assert ("a2", "murphy") not in mapping


def test_a_first_name_misspelt_by_a_doubled_letter_is_the_same_person():
    _, speakers = resolve([local("a1", "Hillary Clinton"), local("a2", "Hilary Clinton"),
                           local("a3", "Hillary Clinton")])
    assert [(s.name, s.quote_count) for s in speakers] == [("Hillary Clinton", 3)]


def test_a_persons_organisation_typed_as_a_person_is_an_organisation_and_never_crashes():
    """600 PolNeAR texts: "Donald Trump campaign" typed PERSON ran on to Donald Trump, yet its
    key stayed a person key, so an unidentified "Donald Trump campaign" met a key with no type."""
    from saidwhat.corpus.speakers import LocalSpeaker, identities

    found = identities([LocalSpeaker("a1", "l1", "Donald Trump"),
                        LocalSpeaker("a2", "l2", "Donald Trump campaign"),
                        LocalSpeaker("a3", "l3", "Donald Trump campaign", "OTHER"),
                        LocalSpeaker("a4", "l4", "Ted Cruz Apologizes"),
                        LocalSpeaker("a5", "l5", "Ted Cruz"),
                        LocalSpeaker("a6", "l6", "Cruz Apologizes", "OTHER")])
    assert sorted((s.name, s.type) for s in found.speakers) == [
        ("Donald Trump", "PERSON"), ("Donald Trump campaign", "ORG"), ("Ted Cruz", "PERSON")]
    assert found.mapping[("a2", "l2")] != found.mapping[("a1", "l1")]


def test_a_compound_surname_joins_the_one_full_name_that_ends_with_it():
    from saidwhat.corpus.speakers import LocalSpeaker, identities

    found = identities([LocalSpeaker("a1", "l1", "Wasserman Schultz", quotes=7),
                        LocalSpeaker("a2", "l2", "Debbie Wasserman Schultz", quotes=5)])
    assert [(s.name, s.quote_count) for s in found.speakers] == [("Debbie Wasserman Schultz", 12)]
    found = identities([LocalSpeaker("a1", "l1", "Wasserman Schultz", quotes=7),
                        LocalSpeaker("a2", "l2", "Debbie Wasserman Schultz", quotes=5),
                        LocalSpeaker("a3", "l3", "Ann Wasserman Schultz")])  # which one?
    assert len(found.speakers) == 3


def test_a_persons_organisation_under_both_forms_of_the_name_is_one_organisation():
    from saidwhat.corpus.speakers import LocalSpeaker, identities

    found = identities([LocalSpeaker("a1", "l1", "Donald Trump"),
                        LocalSpeaker("a2", "l2", "Donald Trump campaign", "ORG"),
                        LocalSpeaker("a3", "l3", "Trump campaign", "ORG"),
                        LocalSpeaker("a4", "l4", "Hillary Clinton"),
                        LocalSpeaker("a5", "l5", "Clinton campaign", "ORG"),
                        LocalSpeaker("a6", "l6", "White House staff", "ORG")])
    orgs = sorted((s.name, s.quote_count) for s in found.speakers if s.type == "ORG")
    assert orgs == [("Clinton campaign", 1), ("Donald Trump campaign", 2),
                    ("White House staff", 1)]
    assert found.mapping[("a2", "l2")] == found.mapping[("a3", "l3")]


def test_a_persons_organisation_stays_apart_when_the_surname_has_rivals():
    from saidwhat.corpus.speakers import LocalSpeaker, identities

    found = identities([LocalSpeaker("a1", "l1", "Hillary Clinton"),
                        LocalSpeaker("a2", "l2", "Bill Clinton"),
                        LocalSpeaker("a3", "l3", "Hillary Clinton campaign", "ORG"),
                        LocalSpeaker("a4", "l4", "Clinton campaign", "ORG")])
    assert found.mapping[("a3", "l3")] != found.mapping[("a4", "l4")]


def test_a_one_word_person_name_an_organisation_bears_is_that_organisation():
    speakers = resolve([local("a1", "POLITICO", "ORG", quotes=5),
                        local("a2", "Politico", quotes=2),
                        local("a3", "Donald Trump", quotes=9),
                        local("a4", "Trump", "ORG"),
                        local("a5", "Trump", quotes=3)])[1]
    names = by_name(speakers)
    assert names["POLITICO"].quote_count == 7 and names["POLITICO"].type == "ORG"
    assert "Politico" not in names
    assert names["Donald Trump"].type == "PERSON"  # a person's surname stays the person


def test_a_political_action_committee_alone_is_no_speaker():
    from saidwhat.corpus.speakers import is_speaker_name

    assert not is_speaker_name("PAC", "ORG") and not is_speaker_name("super PAC", "ORG")
    assert is_speaker_name("Priorities USA super PAC", "ORG")


def test_a_party_or_nationality_word_is_a_group_or_no_speaker_whatever_its_type():
    speakers = resolve([local("a1", "Democrats", "NORP", quotes=4),
                        local("a2", "Democrats", "GROUP", quotes=2),
                        local("a3", "Republicans", "PERSON"),
                        local("a4", "Republicans", "NORP", quotes=3),
                        local("a5", "Republican", "PERSON", quotes=2),
                        local("a6", "Republican", "OTHER")])[1]
    names = by_name(speakers)
    assert names["Democrats"].type == "GROUP" and names["Democrats"].quote_count == 6
    assert names["Republicans"].type == "GROUP" and names["Republicans"].quote_count == 4
    assert "Republican" not in names  # "a Republican who": a description, never a page


def test_an_institution_typed_as_a_person_is_that_organisation():
    from saidwhat.corpus.speakers import institution_named_person

    speakers = resolve([local("a1", "White House", "ORG", quotes=5),
                        local("a2", "White House", quotes=2),
                        local("a3", "Obama White House"),
                        local("a4", "Barack Obama", quotes=9)])[1]
    names = by_name(speakers)
    assert names["White House"].type == "ORG" and names["White House"].quote_count == 7
    assert names["Barack Obama"].quote_count == 9
    assert all(s.type != "PERSON" or "House" not in s.name for s in speakers)
    assert not institution_named_person("Edward House", "PERSON")  # a first name: a person
    assert not institution_named_person("House Speaker Paul Ryan", "PERSON")
    assert institution_named_person("Department of Justice", "PERSON")


def test_a_state_of_two_words_typed_as_a_person_is_a_place():
    from saidwhat.corpus.speakers import place_named_person

    speakers = resolve([local("a1", "New Hampshire", quotes=3),
                        local("a2", "NEW HAMPSHIRE", "OTHER")])[1]
    assert [(s.name, s.type, s.quote_count) for s in speakers] == [("New Hampshire", "GPE", 3)]
    assert not place_named_person("Jordan", "PERSON")  # Jim Jordan: one-word places are names too


def test_an_unidentified_common_noun_or_title_joins_no_surname():
    speakers = resolve([local("a1", "Kristen Day", quotes=3),
                        local("a2", "day", "OTHER"),
                        local("a3", "Matthew Prince", quotes=2),
                        local("a4", "prince", "OTHER"),
                        local("a5", "Jim Justice"),
                        local("a6", "Justice", "OTHER"),
                        local("a7", "Day", "OTHER")])[1]
    names = by_name(speakers)
    assert names["Kristen Day"].article_count == 2  # the capitalised "Day" of a7 only
    assert names["Matthew Prince"].article_count == 1
    assert names["Jim Justice"].article_count == 1


def test_a_name_wrapped_around_a_known_persons_name_is_that_person():
    from saidwhat.corpus.speakers import embedded_name

    speakers = resolve([local("a1", "Donald Trump", quotes=9),
                        local("a2", "Billionaire Donald Trump", quotes=2),
                        local("a3", "Hillary Clinton", quotes=5),
                        local("a4", "Clinton Cash Debunks Hillary")])[1]
    names = by_name(speakers)
    assert names["Donald Trump"].quote_count == 11
    assert names["Hillary Clinton"].quote_count == 6
    full = {"trump": {"donald trump"}, "obama": {"barack obama"}, "henry": {"kay henry"}}
    assert embedded_name("Mary Kay Henry", "mary henry", full) == "mary henry"  # a first name
    assert embedded_name("Strategists for Barack Obama", "strategists obama", full) == \
        "strategists obama"  # a lowercase word: a group of people, not Obama
    assert embedded_name("Donald Trump Jr.", "donald trump jr", full) == "donald trump jr"


def test_a_law_named_after_two_people_is_no_speaker_but_a_hyphened_surname_is():
    speakers = resolve([local("a1", "Glass-Steagall", quotes=3),
                        local("a2", "Douglas Holtz-Eakin", quotes=2),
                        local("a3", "Holtz-Eakin")])[1]
    names = by_name(speakers)
    assert "Glass-Steagall" not in names
    assert names["Douglas Holtz-Eakin"].quote_count == 3


def test_a_person_named_like_an_organisation_or_place_of_the_corpus_is_that():
    speakers = resolve([local("a1", "New York Times", "ORG", quotes=4),
                        local("a2", "New York Times"),
                        local("a3", "Russia", "GPE", quotes=2),
                        local("a4", "Russia"),
                        local("a5", "Union leaders", "GROUP"),
                        local("a6", "Union leaders"),
                        local("a7", "Jim Jordan", quotes=3),
                        local("a8", "Jordan", "GPE"),
                        local("a9", "Jordan", quotes=2)])[1]
    found = sorted((s.name, s.type, s.article_count) for s in speakers)
    assert found == [("Jim Jordan", "PERSON", 2), ("Jordan", "GPE", 1),
                     ("New York Times", "ORG", 2), ("Russia", "GPE", 2),
                     ("Union leaders", "GROUP", 2)]


def test_one_unnamed_official_is_no_group_page_but_officials_and_a_spokesman_are():
    from saidwhat.corpus.speakers import is_speaker_name

    assert not is_speaker_name("Chinese official", "GROUP")
    assert not is_speaker_name("senior Obama administration official", "GROUP")
    assert not is_speaker_name("GOP source", "GROUP")
    assert is_speaker_name("White House officials", "GROUP")
    assert is_speaker_name("Twitter spokesman", "GROUP")
    assert is_speaker_name("Cameron's spokesman", "PERSON")


def test_a_weekday_run_on_to_a_name_is_cut():
    from saidwhat.corpus.speakers import without_weekday

    assert without_weekday("The Quill campaign on Monday") == "The Quill campaign"
    assert without_weekday("Quill campaign Tuesday") == "Quill campaign"
    assert without_weekday("Quill on Friday") == "Quill on Friday"  # too short to cut
    speakers = resolve([local("a1", "Nora Quill campaign", "ORG", quotes=3),
                        local("a2", "Quill campaign on Monday", "ORG", quotes=2),
                        local("a3", "Nora Quill")])[1]
    assert ("Nora Quill campaign", 5) in {(s.name, s.quote_count) for s in speakers}


def test_a_surname_typed_org_is_the_established_person_it_names():
    from saidwhat.corpus.speakers import surname_typed_org

    by_surname = {"quill": {"nora quill"}, "blasio": {"tom blasio"}}
    quotes = {"nora quill": 40, "tom blasio": 9}
    articles = {"nora quill": 6, "tom blasio": 3}
    assert surname_typed_org("Quill", "ORG", by_surname, quotes, articles, 1) == "nora quill"
    assert surname_typed_org("De Blasio", "ORG", by_surname, quotes, articles, 1) == "tom blasio"
    assert surname_typed_org("Quill", "ORG", by_surname, quotes, articles, 3) is None  # a body too
    assert surname_typed_org("Quill", "GPE", by_surname, quotes, articles, 1) is None
    assert surname_typed_org("Quill", "ORG", by_surname, quotes, {"nora quill": 2}, 1) is None
    speakers = resolve([local(f"a{i}", "Nora Quill", quotes=2) for i in range(3)]
                       + [local("b1", "Quill", "ORG"), local("c1", "Ferrand Gazette", "ORG"),
                          local("c2", "Dora Gazette"), local("c3", "Gazette", "ORG")])[1]
    found = {s.name: (s.type, s.quote_count) for s in speakers}
    assert found["Nora Quill"] == ("PERSON", 7) and "Quill" not in found
    assert found["Gazette"] == ("ORG", 1)  # Dora Gazette speaks in one article only


def test_an_unidentified_full_name_with_a_known_first_name_is_a_person():
    from saidwhat.corpus.speakers import first_named

    assert first_named("Philip Quillby") and first_named("JAKE QUILLBY")
    assert not first_named("Quillby") and not first_named("Justice Department")
    assert not first_named("Mark Quillby Prize Committee")
    speakers = resolve([local("a1", "Philip Quillby", "OTHER"), local("a2", "Grace", "OTHER")])[1]
    assert [(s.name, s.type) for s in speakers] == [("Philip Quillby", "PERSON")]


def test_a_curly_possessive_is_dropped_like_a_straight_one():
    assert group_key("Quillby’s allies") == group_key("Quillby's allies") == "quillby allies"
    assert group_key("Quillby‘s allies") == "quillby allies"
    assert speaker_key("Nora Quillby‘s", "PERSON") == "nora quillby"


def test_an_organisations_acronym_and_an_outlets_bare_name_join_the_full_name():
    from saidwhat.corpus.speakers import LocalSpeaker, identities

    found = identities([LocalSpeaker("a1", "l1", "Associated Press", "ORG"),
                        LocalSpeaker("a2", "l2", "AP", "ORG"),
                        LocalSpeaker("a3", "l3", "Republican National Committee", "ORG"),
                        LocalSpeaker("a4", "l4", "the RNC", "ORG"),
                        LocalSpeaker("a5", "l5", "BuzzFeed News", "ORG"),
                        LocalSpeaker("a6", "l6", "BuzzFeed", "ORG"),
                        LocalSpeaker("a7", "l7", "POLITICO", "ORG")])
    assert found.mapping[("a1", "l1")] == found.mapping[("a2", "l2")]
    assert found.mapping[("a3", "l3")] == found.mapping[("a4", "l4")]
    assert found.mapping[("a5", "l5")] == found.mapping[("a6", "l6")]
    names = {s.name for s in found.speakers}
    assert {"Associated Press", "Republican National Committee", "POLITICO"} <= names
    assert len(found.speakers) == 4


def test_an_acronym_two_organisations_share_stays_apart():
    from saidwhat.corpus.speakers import LocalSpeaker, identities

    found = identities([LocalSpeaker("a1", "l1", "Associated Press", "ORG"),
                        LocalSpeaker("a2", "l2", "American Petroleum", "ORG"),
                        LocalSpeaker("a3", "l3", "AP", "ORG")])
    assert len({found.mapping[("a1", "l1")], found.mapping[("a2", "l2")],
                found.mapping[("a3", "l3")]}) == 3
