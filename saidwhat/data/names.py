"""Small lexicons for speaker resolution: titles, role words, nationalities, first-name genders."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """A frozenset of the whitespace-separated words of a string."""
    return frozenset(text.split())


# Honorifics and titles stripped from the front of a name ("President Joe Biden" -> "Joe Biden").
# Lowercased, trailing period removed.
TITLES = _words(
    """
    mr mrs ms miss mx dr prof sir dame lord lady rev reverend fr father sister brother
    president vice vice-president president-elect vp former then then- late acting interim
    senator sen sens senators rep reps representative congressman congresswoman congressmember
    gov governor lt lieutenant gen general adm admiral col colonel maj major capt captain sgt
    secretary sec attorney att'y ag judge justice chief chairman chairwoman chair speaker leader
    mayor minister premier chancellor king queen emperor empress prince princess pope ambassador amb
    sheriff commissioner superintendent director detective officer deputy assistant retired ret
    candidate nominee presidential democratic republican gop democrat sen. u.s. us
    first lady prime supreme court state house senate majority minority whip
    """
)

# Gender implied by an honorific or a gendered role word.
HONORIFIC_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f",
                    "lord": "m", "lady": "f", "king": "m", "queen": "f", "emperor": "m",
                    "empress": "f", "prince": "m", "princess": "f", "congressman": "m",
                    "congresswoman": "f",
                    "chairman": "m", "chairwoman": "f", "father": "m", "sister": "f",
                    "brother": "m", "spokesman": "m", "spokeswoman": "f", "businessman": "m",
                    "businesswoman": "f", "mother": "f", "wife": "f", "husband": "m",
                    "son": "m", "daughter": "f",
                    "widow": "f", "widower": "m", "grandmother": "f", "grandfather": "m",
                    "mom": "f", "dad": "m", "uncle": "m", "aunt": "f", "niece": "f",
                    "nephew": "m"}

# Abbreviated titles -> the role word they stand for.
ABBREVIATIONS = {
    "sen": "senator", "sens": "senator", "rep": "representative", "reps": "representative",
    "gov": "governor", "gen": "general", "lt": "lieutenant", "adm": "admiral", "col": "colonel",
    "maj": "major", "capt": "captain", "sgt": "sergeant", "sec": "secretary", "amb": "ambassador",
    "pres": "president", "vp": "vice", "ag": "attorney", "dr": "doctor", "prof": "professor",
    "congressman": "representative", "congresswoman": "representative", "ceo": "executive",
    "cfo": "executive", "coo": "executive", "chair": "chairman",
}

# Head nouns of descriptions of one person ("the president", "the Russian leader").
# Each maps to the role words it is compatible with.
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "president": _words("president leader head"),
    "leader": _words("leader president premier minister chancellor head chief king queen "
                     "dictator chairman speaker"),
    "premier": _words("premier minister leader"),
    "minister": _words("minister premier"),
    "chancellor": _words("chancellor leader"),
    "senator": _words("senator lawmaker"),
    "representative": _words("representative congressman congresswoman lawmaker"),
    "congressman": _words("representative congressman lawmaker"),
    "congresswoman": _words("representative congresswoman lawmaker"),
    "lawmaker": _words("senator representative congressman congresswoman lawmaker legislator"),
    "legislator": _words("senator representative lawmaker legislator"),
    "governor": _words("governor"),
    "mayor": _words("mayor"),
    "candidate": _words("candidate nominee contender hopeful challenger"),
    "nominee": _words("nominee candidate"),
    "hopeful": _words("candidate hopeful"),
    "contender": _words("candidate contender"),
    "challenger": _words("candidate challenger"),
    "secretary": _words("secretary"),
    "chief": _words("chief executive ceo head director"),
    "executive": _words("executive chief ceo"),
    "ceo": _words("executive chief ceo"),
    "chairman": _words("chairman chair chairwoman head"),
    "director": _words("director head chief"),
    "spokesman": _words("spokesman spokeswoman spokesperson"),
    "spokeswoman": _words("spokesman spokeswoman spokesperson"),
    "spokesperson": _words("spokesman spokeswoman spokesperson"),
    "official": _words("official"),
    "ambassador": _words("ambassador envoy diplomat"),
    "envoy": _words("ambassador envoy"),
    "diplomat": _words("diplomat ambassador envoy"),
    "general": _words("general"),
    "judge": _words("judge justice"),
    "justice": _words("justice judge"),
    "attorney": _words("attorney lawyer prosecutor"),
    "lawyer": _words("lawyer attorney"),
    "prosecutor": _words("prosecutor attorney"),
    "speaker": _words("speaker"),
    "manager": _words("manager"),
    "adviser": _words("adviser advisor aide"),
    "advisor": _words("adviser advisor aide"),
    "aide": _words("aide adviser advisor"),
    "businessman": _words("businessman mogul billionaire developer executive"),
    "mogul": _words("mogul businessman billionaire developer"),
    "billionaire": _words("billionaire mogul businessman"),
    "developer": _words("developer mogul"),
    "author": _words("author writer"),
    "writer": _words("writer author"),
    "professor": _words("professor"),
    "economist": _words("economist"),
    "analyst": _words("analyst"),
    "strategist": _words("strategist"),
    "pollster": _words("pollster"),
    "host": _words("host anchor"),
    "anchor": _words("anchor host"),
    "commissioner": _words("commissioner"),
    "sheriff": _words("sheriff"),
    "founder": _words("founder"),
    "surrogate": _words("surrogate"),
    "activist": _words("activist"),
    "star": _words("star"),
    "king": _words("king leader"),
    "queen": _words("queen leader"),
    "pope": _words("pope pontiff"),
    "pontiff": _words("pope pontiff"),
    "dictator": _words("dictator leader"),
    "strongman": _words("strongman leader dictator president"),
    "officer": _words("officer"),
    "detective": _words("detective"),
    "veteran": _words("veteran"),
    "businesswoman": _words("businesswoman executive"),
    "man": _words("man"),
    "woman": _words("woman"),
}

# Nouns of descriptions of an organisation ("the company", "the campaign").
ORG_WORDS = _words(
    """
    company firm corporation business bank campaign agency administration department ministry
    committee government group organization organisation network newspaper paper magazine
    outlet channel station party union council court commission board office bureau service
    team club university school institute foundation center centre association coalition
    charity website site publication newsroom automaker airline retailer maker manufacturer
    regulator watchdog league lab laboratory hospital church embassy
    """
)

# Words that name an institution, never part of a person's name when no first name is there
# ("Obama White House", "State Department", "Supreme Court").
INSTITUTION_WORDS = _words(
    "house senate congress court committee department ministry agency commission council board "
    "bureau parliament"
)

# Plural or collective heads that name an anonymous group ("officials", "sources", "critics").
GROUP_WORDS = _words(
    """
    official officials source sources aide aides adviser advisers advisor advisors critic critics
    analyst analysts expert experts observer observers people person supporter supporters voter
    voters resident residents lawmaker lawmakers member members leader leaders witness witnesses
    protester protesters protestor protestors activist activists investigator investigators
    police authorities authority staff staffers staffer employee employees worker workers
    diplomat diplomats spokesman spokeswoman spokesperson representative representatives
    insider insiders ally allies opponent opponents democrat democrats republican republicans
    conservative conservatives liberal liberals economist economists scientist scientists
    researcher researchers doctor doctors lawyer lawyers prosecutors prosecutor study studies
    report reports poll polls survey surveys data proponent proponents advocate advocates
    opponent backer backers donor donors delegate delegates demonstrator demonstrators crew
    editor editors contestant contestants fan fans parent parents student students teacher
    teachers family families citizen citizens american americans immigrant immigrants
    veteran veterans official group groups organizer organizers attendee attendees
    """
)

# Nationality / affiliation adjectives -> words that tie a candidate to that country.
NATIONALITIES: dict[str, frozenset[str]] = {
    "russian": _words("russian russia moscow kremlin soviet"),
    "american": _words("american america u.s. us united states washington white house"),
    "u.s.": _words("american america u.s. us united states washington white house"),
    "us": _words("american america u.s. us united states washington white house"),
    "chinese": _words("chinese china beijing"),
    "british": _words("british britain uk u.k. london downing"),
    "french": _words("french france paris elysee"),
    "german": _words("german germany berlin"),
    "ukrainian": _words("ukrainian ukraine kyiv kiev"),
    "israeli": _words("israeli israel jerusalem"),
    "iranian": _words("iranian iran tehran"),
    "turkish": _words("turkish turkey ankara"),
    "mexican": _words("mexican mexico"),
    "canadian": _words("canadian canada ottawa"),
    "japanese": _words("japanese japan tokyo"),
    "indian": _words("indian india delhi"),
    "syrian": _words("syrian syria damascus"),
    "saudi": _words("saudi arabia riyadh"),
    "north": _words("north korea korean pyongyang"),
    "korean": _words("korean korea seoul pyongyang"),
    "italian": _words("italian italy rome"),
    "spanish": _words("spanish spain madrid"),
    "palestinian": _words("palestinian palestine gaza"),
    "egyptian": _words("egyptian egypt cairo"),
    "venezuelan": _words("venezuelan venezuela caracas"),
    "cuban": _words("cuban cuba havana"),
    "brazilian": _words("brazilian brazil"),
    "australian": _words("australian australia canberra"),
    "polish": _words("polish poland warsaw"),
    "hungarian": _words("hungarian hungary budapest"),
    "belarusian": _words("belarusian belarus minsk"),
    "afghan": _words("afghan afghanistan kabul"),
    "pakistani": _words("pakistani pakistan islamabad"),
    "iraqi": _words("iraqi iraq baghdad"),
    "european": _words("european europe eu brussels"),
}

# Party adjectives; a description with one excludes candidates known to have another.
PARTIES: dict[str, str] = {
    "democratic": "democratic", "democrat": "democratic", "d": "democratic",
    "republican": "republican", "gop": "republican", "r": "republican",
    "independent": "independent", "i": "independent", "libertarian": "libertarian",
    "green": "green",
}

# Common first names with a clear gender hint (US news, 2016-era politics, world leaders).
MALE_NAMES = _words(
    """
    aaron adam alan albert alex alexander alexei andrew angus anthony antonin arnold barack ben
    benjamin bernie bernard bill billy bob bobby boris brad brandon brendan brett brian bruce
    carl carlos charles charlie chris christopher chuck clarence colin corey craig dan daniel
    darrell dave david dean dennis derek devin dick don donald doug douglas dwight ed eddie
    edward elijah emmanuel eric evan frank fred gary gavin george gerald glenn greg gregory
    harry henry howard ian jack jacob jake james jamie jared jason jay jeb jeff jeffrey jeremy
    jerry jim jimmy joe joel john johnny jon jonathan jordan jose joseph josh juan justin keith
    ken kenneth kevin kim-jong larry lee leon lindsey luis marco mark martin matt matthew
    michael mike mitch mitt nathan newt nicholas nick nigel olaf pat patrick paul pete peter
    phil philip ralph randy ray reince richard rick rob robert robby rod roger ron ronald rudy
    rudolph russ ryan sam samuel scott sean sergei sergey seth stephen steve steven stuart ted
    terry thomas tim timothy todd tom tony travis trey vince vladimir walter wayne william xi
    yevgeny zach dmitry dmitri volodymyr viktor recep justin hassan ali mohammed muhammad
    ahmed bashar benjamin bibi emmanuel shinzo narendra jair rodrigo kim ashraf mahmoud
    """
)
FEMALE_NAMES = _words(
    """
    abigail alexandria alice alicia allison amanda amy andrea angela ann anna anne barbara
    betsy betty beverly brenda carly carol caroline catherine chelsea cheryl christine cindy
    claire condoleezza cynthia dana debbie deborah debra diane dianne donna dorothy elaine
    elena elisabeth elizabeth ellen emily emma erin eva evelyn gina gloria grace gretchen
    heather heidi helen hillary hope huma ilhan ivana ivanka jane janet janice jean jennifer jessica
    jill joan joanne jodi joni josephine joy judith judy julia julie karen kamala kate katherine
    kathleen kathy kayleigh kellyanne kelly kim kirsten kristen laura lauren linda lisa loretta
    lori lynn madeleine maggie marcia margaret maria marine marsha martha mary maxine megan
    melania melissa michele michelle monica nancy nicole nikki olivia pamela patricia patty
    paula rachel rebecca rosa ruth sally samantha sandra sara sarah sharon shirley stacey
    stephanie susan susana suzanne tammy teresa theresa tiffany tulsi ursula valerie victoria
    virginia wendy whitney yvonne zoe angela theresa liz nikki tulsi kyrsten jacinda giorgia
    """
) - _words("kim")
# Every known first name, either gender (built once, not at each check).
FIRST_NAMES = MALE_NAMES | FEMALE_NAMES


def first_name_gender(word: str) -> str | None:
    """'m' or 'f' for a known lowercased first name (a man's name first), else None."""
    return "m" if word in MALE_NAMES else "f" if word in FEMALE_NAMES else None

# Countries by their common English names (lowercased; "the city" is never one of them).
COUNTRY_NAMES = _words(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burkina burundi cambodia cameroon canada chad chile china
    colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt
    eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana
    greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran
    iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait
    kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
    madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia
    moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal
    netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine panama
    paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia
    seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland
    syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu
    uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
    america us u.s. usa u.s.a. uk u.k. britain england scotland wales
    """
) | frozenset({
    "united states", "united states of america", "the united states", "great britain",
    "united kingdom", "the united kingdom", "new zealand", "south africa", "south korea",
    "north korea", "saudi arabia", "sri lanka", "costa rica", "el salvador", "ivory coast",
    "czech republic", "dominican republic", "united arab emirates", "papua new guinea",
    "sierra leone", "south sudan", "east timor", "cape verde", "equatorial guinea",
    "north macedonia", "the netherlands", "the philippines", "soviet union", "vatican city",
})

# The states of the United States (lowercased): a place, never a person's name ("New Hampshire").
US_STATES = frozenset({
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
    "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
    "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
    "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
})

# Nouns of descriptions of a place acting as a speaker ("the state", "the country").
PLACE_WORDS = _words("state country nation city town county province region capital")

# Kinship and acquaintance nouns: people described by their relation ("the 34-year-old mother").
FAMILY_WORDS = _words(
    """
    mother father mom dad wife husband son daughter brother sister widow widower parent parents
    grandparent grandparents grandmother grandfather family relative relatives child children
    kid kids friend friends neighbor neighbors girlfriend boyfriend fiance fiancee uncle aunt
    cousin nephew niece
    """
)

# Familiar forms of first names and the formal names they stand for ("Joe" Biden is "Joseph R.
# Biden Jr."): two first names are one when they are equal or share a formal name here.
NICKNAMES: dict[str, frozenset[str]] = {
    nick: _words(formal) for nick, formal in {
        "joe": "joseph", "joey": "joseph", "bill": "william", "billy": "william",
        "will": "william", "willie": "william", "bob": "robert", "bobby": "robert",
        "rob": "robert", "robby": "robert", "jim": "james", "jimmy": "james", "jamie": "james",
        "mike": "michael", "mick": "michael", "ed": "edward", "eddie": "edward",
        "ted": "edward theodore", "ned": "edward", "tom": "thomas", "tommy": "thomas",
        "dick": "richard", "rick": "richard", "rich": "richard", "chuck": "charles",
        "charlie": "charles", "dan": "daniel", "danny": "daniel", "dave": "david",
        "sandy": "sandra alexandra alexander", "liz": "elizabeth", "beth": "elizabeth",
        "betsy": "elizabeth", "betty": "elizabeth", "kate": "katherine catherine kathleen",
        "kathy": "katherine catherine kathleen", "katie": "katherine catherine",
        "chris": "christopher christine christina", "tony": "anthony", "steve": "steven stephen",
        "andy": "andrew", "drew": "andrew", "matt": "matthew", "pat": "patrick patricia",
        "nick": "nicholas", "sam": "samuel samantha", "ben": "benjamin", "jeff": "jeffrey",
        "greg": "gregory", "larry": "lawrence", "jerry": "gerald jerome", "ron": "ronald",
        "don": "donald", "tim": "timothy", "alex": "alexander alexandra", "fred": "frederick",
        "freddy": "frederick", "hank": "henry", "ken": "kenneth", "pete": "peter",
        "phil": "philip phillip", "rudy": "rudolph", "jon": "jonathan", "nate": "nathan",
        "josh": "joshua", "zach": "zachary", "vince": "vincent", "al": "albert alan alfred",
        "gene": "eugene", "jack": "john", "debbie": "deborah debra", "sue": "susan",
        "peggy": "margaret", "maggie": "margaret", "meg": "margaret megan", "nancy": "ann anne",
        "barb": "barbara", "cindy": "cynthia", "patty": "patricia", "jenny": "jennifer",
        "abby": "abigail", "becky": "rebecca", "vicky": "victoria", "mitch": "mitchell",
        "doug": "douglas", "russ": "russell", "ray": "raymond", "walt": "walter",
    }.items()
}


def same_first_name(a: str, b: str) -> bool:
    """Whether two first names are one: equal, familiar and formal forms ("joe"/"joseph",
    "ed"/"edward"), or one misspelt by a doubled letter ("hilary"/"hillary"), never two
    different formal names."""
    if a == b or re.sub(r"(.)\1+", r"\1", a) == re.sub(r"(.)\1+", r"\1", b):
        return True
    return bool((NICKNAMES.get(a, frozenset()) | {a}) & (NICKNAMES.get(b, frozenset()) | {b}))
