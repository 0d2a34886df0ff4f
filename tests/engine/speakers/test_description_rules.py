"""Description rules of `engine/speakers/descriptions.py`, each on a sentence written for it:
groups named before, people listed in the source, relatives' surnames, affiliations,
anonymous sources taken up again, and the people a description speaks of."""

from resolving import resolve
from spacy.language import Language

from saidwhat.engine.speakers.descriptions import person_named
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


def test_a_standing_in_a_race_is_a_person_noun(nlp: Language) -> None:
    text = ("Donald Trump spoke in Iowa on Sunday. Later the Republican front-runner told "
            "reporters that the polls were wrong.")
    (runner,) = resolve(nlp, text, "the Republican front-runner")
    assert runner.name == "Donald Trump"


def test_a_person_spoken_of_does_not_hide_the_others_a_party_fits(nlp: Language) -> None:
    text = ("Republican Sen. Ann Lee and Sen. Tom Hart met voters in Iowa. On Sunday the "
            "Republican senator said that Lee would lose the state.")
    (senator,) = resolve(nlp, text, "the Republican senator")
    assert senator.name == "Tom Hart"


def test_a_brand_name_the_tagger_calls_a_noun_names_a_document(nlp: Language) -> None:
    text = ("Clinton leads Sanders by 5 points in Kentucky, according to the "
            "RealClearPolitics average of polls.")
    (average,) = resolve(nlp, text, "the RealClearPolitics average of polls")
    assert average.type == "DOCUMENT"
    assert average.name.startswith("RealClearPolitics average")


def test_a_document_named_by_its_title_is_that_document(nlp: Language) -> None:
    text = ('"We will win," she said, as recalled in Peter Burrows\'s book "Backfire: '
            'A Battle for the Soul of a Company."')
    (book,) = resolve(nlp, text, 'Peter Burrows\'s book "Backfire: A Battle for the Soul '
                                 'of a Company."')
    assert (book.type, book.name) == ("DOCUMENT", "Backfire")


def test_a_name_a_thing_is_against_is_not_its_author(nlp: Language) -> None:
    text = ("Barack Obama spoke on Monday about refugees. The snarky, anti-GOP/Obama "
            "water-carrying headline reads like an ad.")
    (headline,) = resolve(nlp, text, "The snarky, anti-GOP/Obama water-carrying headline")
    assert headline.name != "Barack Obama"


def test_a_document_after_a_possessive_is_the_document(nlp: Language) -> None:
    from spacy.tokens import Doc

    from saidwhat.engine.speakers.clusters import ArticleIndex
    from saidwhat.engine.speakers.descriptions import document_after_possessive

    words = "according to the California secretary of state ’s website .".split()
    # the parse seen on a PolNeAR article: "secretary" the root, "website" hung on "of"
    doc = Doc(nlp.vocab, words=words, heads=[0, 0, 4, 4, 1, 4, 5, 6, 5, 0],
              deps=["prep", "pcomp", "det", "compound", "pobj", "prep", "pobj", "case",
                    "pobj", "punct"],
              pos=["VERB", "ADP", "DET", "PROPN", "NOUN", "ADP", "PROPN", "PART", "NOUN",
                   "PUNCT"],
              tags=["VBG", "IN", "DT", "NNP", "NN", "IN", "NNP", "POS", "NN", "."],
              sent_starts=[True] + [False] * 9)
    span = doc[2:9]
    assert span.root.text == "secretary"
    site = document_after_possessive(ArticleIndex(doc), span)
    assert site is not None
    assert (site.type, site.name) == ("DOCUMENT", "California secretary of state ’s website")
    assert document_after_possessive(ArticleIndex(doc), doc[2:5]) is None


def test_a_lede_about_someone_is_the_person_opening_the_next_paragraph(
        nlp: Language) -> None:
    text = ("Woman Steps Forward With New Claim.\n\n"
            "A woman who has accused a former governor of fraud said Sunday that he lied to "
            "her. She also described a meeting with Hillary Clinton.\n\n"
            "Jane Roe, who said the governor cheated her in 1998, spoke on Fox News.")
    woman, headline = resolve(nlp, text, "A woman who has accused a former governor of fraud",
                              "Woman")
    assert woman.name == "Jane Roe"
    assert headline.name == "Jane Roe"


def test_a_passer_by_in_the_lede_stays_unnamed(nlp: Language) -> None:
    text = ("Storm Hits Town.\n\n"
            "A resident said the water rose fast on Sunday.\n\n"
            "Jane Roe, the mayor, said the town would rebuild.")
    (resident,) = resolve(nlp, text, "A resident")
    assert resident.name != "Jane Roe"


def test_my_in_an_interview_turn_is_whoever_the_turn_is(nlp: Language) -> None:
    text = ("Oprah Winfrey and Ava DuVernay talked about the film.\n\n"
            "Who was your idol, Ava?\n\n"
            "AD (Pointing at Winfrey.) My mom had magazines with you on the cover at home.")
    (mom,) = resolve(nlp, text, "My mom")
    assert (mom.type, mom.name) == ("PERSON", "DuVernay's mother")


def test_a_relative_written_two_ways_is_one_speaker(nlp: Language) -> None:
    text = ("Mary Lee came home late on Friday. Her mom said it was too late. Later her "
            "mother said Mary could stay.")
    mom, mother = resolve(nlp, text, "Her mom", "her mother")
    assert mom.name == mother.name == "Lee's mother"


def test_a_foreign_office_is_not_the_home_titled_person(nlp: Language) -> None:
    text = ("President Obama met Vladimir Putin in Beijing on Monday. The Russian president "
            "said the talks were useful.")
    (president,) = resolve(nlp, text, "The Russian president")
    assert president.name == "Vladimir Putin"


def test_a_person_the_recogniser_calls_an_organisation_is_the_foreign_office(
        nlp: Language) -> None:
    text = ("President Obama had a call on Tuesday with Francois Hollande. The French president "
            "expressed his condolences over the attack.")
    (president,) = resolve(nlp, text, "The French president")
    assert (president.name, president.type) == ("Francois Hollande", "PERSON")


def test_a_foreign_description_fitting_nobody_stays_blank(nlp: Language) -> None:
    text = ("President Tom Hart met reporters in Ohio on Monday. Later the French president "
            "said the talks had gone well.")
    (president,) = resolve(nlp, text, "the French president")
    assert president.resolved_by == "none"


def test_a_former_office_is_not_someone_holding_another_office_now(nlp: Language) -> None:
    text = ("Sen. Tom Hart spoke in Concord on Sunday. Ann Lee's husband, Bill, campaigned for "
            "her in Nashua. But the former president said little on Monday.")
    (president,) = resolve(nlp, text, "the former president")
    assert president.name == "Bill Lee"


def test_a_former_office_fitting_nobody_stays_blank(nlp: Language) -> None:
    text = ("Sen. Tom Hart spoke in Concord on Sunday. Later the former president said little "
            "about the race.")
    (president,) = resolve(nlp, text, "the former president")
    assert president.resolved_by == "none"


def test_places_named_after_of_are_one_group_of_them(nlp: Language) -> None:
    text = ("Voters in Blackpool and Liverpool backed leaving. The cities of Blackpool and "
            "Liverpool said the vote was fair.")
    (cities,) = resolve(nlp, text, "The cities of Blackpool and Liverpool")
    assert (cities.type, members(cities.name)) == ("GROUP", {"Blackpool", "Liverpool"})


def test_the_candidates_far_from_their_names_are_the_pair_the_article_is_about(
        nlp: Language) -> None:
    text = ("Ann Lee and Tom Hart clash over taxes. Ann Lee and Tom Hart met voters in Ohio on "
            "Monday. The crowd was large. Lee spoke first about schools. Tom Hart followed "
            "with a plan for roads. Lee answered him sharply. The moderator, Joe Park, then "
            "asked the candidates to stop.")
    (pair,) = resolve(nlp, text, "the candidates")
    assert (pair.type, members(pair.name)) == ("GROUP", {"Ann Lee", "Tom Hart"})


def test_the_candidates_are_no_pair_when_one_of_them_is_long_gone(nlp: Language) -> None:
    text = ("Ann Lee and Tom Hart clash over taxes. Ann Lee and Tom Hart met voters in Ohio on "
            "Monday. Lee left for Texas. The crowd was large. Hart spoke first about schools. "
            "Hart followed with a plan for roads. Hart answered a teacher. Hart took more "
            "questions. Then the candidates were asked to stop.")
    (pair,) = resolve(nlp, text, "the candidates")
    assert members(pair.name) != {"Ann Lee", "Tom Hart"}


def test_the_data_just_after_an_organisation_reported_figures_is_its_data(
        nlp: Language) -> None:
    text = ("The Refugee Processing Center said that most of the refugees were children. "
            "According to the data, few of them were older than 60.")
    center, data = resolve(nlp, text, "The Refugee Processing Center", "the data")
    assert (center.name, center.type) == ("Refugee Processing Center", "ORG")
    assert (data.name, data.type) == ("Refugee Processing Center data", "DOCUMENT")


def test_the_data_after_a_person_spoke_is_no_ones_data(nlp: Language) -> None:
    text = ("Ann Lee said that most of the refugees were children. According to the data, few "
            "of them were older than 60.")
    _, data = resolve(nlp, text, "Ann Lee", "the data")
    assert data.type != "DOCUMENT" or "Lee" not in data.name


def test_a_bare_document_noun_is_the_one_just_released(nlp: Language) -> None:
    text = ("Dayton police released video on Monday of the traffic stop. Video shows that the "
            "driver had his hands in the air.")
    (video,) = resolve(nlp, text, "Video")
    assert (video.type, video.resolved_by) == ("DOCUMENT", "nominal")
    assert "Dayton police" in video.name


def test_a_body_is_named_by_the_proper_nouns_before_its_noun(nlp: Language) -> None:
    from saidwhat.engine.speakers.descriptions import bare_singular, named_body

    doc = nlp("Dayton police released the video. Some officers released a statement.")
    assert named_body(doc[1]) == "Dayton police" and named_body(doc[7]) is None
    assert bare_singular(nlp("Video shows it.")[0]) and not bare_singular(doc[4])


def test_an_aged_story_opener_is_the_person_the_next_paragraph_names(nlp: Language) -> None:
    text = ("A 41-year-old bus driver who crashed into a bakery pleaded not guilty on Monday in "
            "a Salem courtroom.\nMark Olsen faces a five-year prison term on the charge.")
    (driver,) = resolve(nlp, text, "A 41-year-old bus driver who crashed into a bakery")
    assert (driver.name, driver.resolved_by) == ("Mark Olsen", "nominal")


def test_an_aged_passer_by_stays_anonymous(nlp: Language) -> None:
    text = ("The bakery burned on Monday. A 41-year-old resident said the smoke was thick.\n"
            "Mark Olsen, the owner, plans to rebuild.")
    (resident,) = resolve(nlp, text, "A 41-year-old resident")
    assert resident.resolved_by == "none"


def test_a_thing_named_after_a_person_is_the_thing(nlp: Language) -> None:
    text = ("Traffic was heavy on the George Washington Bridge on Friday. Drivers waited for "
            "hours. The bridge was closed at noon, officials said.")
    (bridge,) = resolve(nlp, text, "The bridge")
    assert (bridge.name, bridge.resolved_by) == ("George Washington Bridge", "nominal")


def test_person_named_is_two_words_opening_with_a_first_name() -> None:
    assert person_named(["condoleezza", "rice"])
    assert not person_named(["george", "washington", "bridge"])
    assert not person_named(["crater", "lake"])


def test_a_thing_the_recogniser_missed_is_named_by_its_capitalised_words(
        nlp: Language) -> None:
    text = ("A crane fell into Mecca's Grand Mosque on Friday. Pilgrims fled in the storm. "
            "The mosque was closed for a day, the ministry said.")
    (mosque,) = resolve(nlp, text, "The mosque")
    assert (mosque.name, mosque.resolved_by) == ("Grand Mosque", "nominal")
    text = ("A crane fell into a large mosque on Friday. Pilgrims fled in the storm. "
            "The mosque was closed for a day, the ministry said.")
    (mosque,) = resolve(nlp, text, "The mosque")
    assert mosque.resolved_by == "none"


def test_plural_things_are_the_plural_name_before_them(nlp: Language) -> None:
    text = ("We sailed to the Chatham Islands in May. The weather was cold. "
            "The islands are home to 600 people, the guide said.")
    (islands,) = resolve(nlp, text, "The islands")
    assert islands.name == "Chatham Islands" and islands.resolved_by == "nominal"


def test_the_board_is_the_board_of_the_company_named_with_it(nlp: Language) -> None:
    text = ("Ann Lee joined Acme Corp. in 1999. She was one of the trusted minds on Acme's "
            "board. Acme later bought Zenith Inc. for $2 billion. The board said the deal "
            "would double its size.")
    (board,) = resolve(nlp, text, "The board")
    assert (board.name, board.type) == ("Acme board", "ORG")
    text = ("Acme later bought Zenith Inc. for $2 billion. The board said the deal would "
            "double its size.")
    (board,) = resolve(nlp, text, "The board")
    assert board.name != "Acme board"


STORY = ("Search widens for missing SkyLark Airlines jet\n"
         "Ships from four countries on Tuesday joined the search for a SkyLark Airlines plane "
         "carrying 90 people that vanished over the sea.\n"
         "The plane was flying from Perth to Bali.\n"
         "Two crashes of other carriers have shaken travellers this year.\n"
         "In the first, a Bluewing Airways jet was lost over the ocean in March.\n"
         "{between}"
         "The pilot had flown for twenty years, the airline said.\n")


def test_the_airline_is_the_one_the_story_opens_with(nlp: Language) -> None:
    text = STORY.format(between="Rescuers said the weather had been poor.\n"
                                "Divers are waiting for calmer seas.\n")
    (airline,) = resolve(nlp, text, "the airline")
    assert airline.name == "SkyLark Airlines"  # not Bluewing, named later in passing


def test_an_airline_named_just_before_is_left_to_the_ranker(nlp: Language) -> None:
    from saidwhat.engine.speakers.clusters import ArticleIndex
    from saidwhat.engine.speakers.descriptions import story_business

    doc = nlp(STORY.format(between=""))
    index = ArticleIndex(doc)
    span = next(s for s in doc.noun_chunks if s.text == "the airline")
    ids = [index.entity_named(n, "ORG") for n in ("SkyLark Airlines", "Bluewing Airways")]
    assert None not in ids
    assert story_business(index, span, "airline", ids) is None
    far = nlp(STORY.format(between="Rescuers said the weather had been poor.\n"
                                   "Divers are waiting for calmer seas.\n"))
    index = ArticleIndex(far)
    span = next(s for s in far.noun_chunks if s.text == "the airline")
    ids = [index.entity_named(n, "ORG") for n in ("SkyLark Airlines", "Bluewing Airways")]
    assert ids[0] is not None and story_business(index, span, "airline", ids) == ids[0]
