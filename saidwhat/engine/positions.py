"""Positions in one article: who backs or opposes whom or what, and which speakers agree or diverge.

Each rule is a named function over the parsed article and its attributions:

- `stance_acts`: a stance verb with a speaker as subject ("Ryan endorsed Trump", "Clinton
  attacked Trump over trade", "Putin called the decision timely", a cue such as "criticized");
- `evaluations`: an attribution whose content evaluates a person, organisation or proposal
  ("Donald Trump is a disgusting fraud", "the timely and necessary decision to extend New START");
- `explicit_pairs`: two speakers said to agree or diverge ("he and Biden agreed to …", "found
  common ground on …", "had starkly different positions on …", "X echoed Y", "X said Y was right");
- `derived_pairs`: two speakers with stances on the same target (same polarity: agree; opposite:
  disagree), as the positions guidelines define them.

The journalist's own opinions are no one's stance: a stance needs a speaker, either the subject
of a communicative act or the source of an attribution.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from saidwhat.engine.context import named_referents, referent_mentions
from saidwhat.engine.quotes import doc_text, find_quotes
from saidwhat.records import Attribution, Mention, Position, Speaker
from saidwhat.settings import PositionSettings

# A verb (or verbal noun) whose subject takes a position on its object.
STANCE_VERBS: dict[str, str] = {
    **dict.fromkeys(
        "criticize criticise attack accuse blast slam condemn denounce reject deny dismiss mock "
        "ridicule blame fault lambaste rip hammer chide scold rebuke assail decry deride oppose "
        "veto insult berate castigate excoriate knock pan skewer disparage belittle smear "
        "undermine challenge protest sue vilify demonize malign fight resist question "
        "disavow repudiate unendorse scapegoat distrust pummel bash trash savage lampoon "
        "taunt eviscerate scorch torch lash".split(), "oppose"),
    **dict.fromkeys(
        "praise endorse back defend applaud hail commend thank welcome support champion laud "
        "tout celebrate embrace favor favour vouch salute congratulate credit admire "
        "recommend trust sign appreciate".split(), "support"),
}
# Phrasal stances: verb + particle/preposition ("lash out at X", "call for X", "side with X").
PHRASAL_STANCES: dict[tuple[str, str], str] = {
    ("lash", "at"): "oppose", ("take", "at"): "oppose", ("push", "back"): "oppose",
    ("call", "for"): "support", ("campaign", "for"): "support", ("argue", "for"): "support",
    ("argue", "against"): "oppose", ("campaign", "against"): "oppose",
    ("speak", "against"): "oppose", ("speak", "for"): "support", ("stand", "by"): "support",
    ("side", "with"): "support", ("rail", "against"): "oppose", ("go", "after"): "oppose",
    ("withhold", "from"): "oppose", ("retaliate", "against"): "oppose",
    ("turn", "against"): "oppose", ("come", "against"): "oppose",
    ("rip", "into"): "oppose", ("tear", "into"): "oppose", ("lay", "into"): "oppose",
    ("light", "into"): "oppose", ("erupt", "on"): "oppose", ("pile", "on"): "oppose",
    ("strike", "down"): "oppose", ("shoot", "down"): "oppose", ("knock", "down"): "oppose",
    ("play", "down"): "oppose", ("shrug", "off"): "oppose", ("brush", "off"): "oppose",
    ("wave", "off"): "oppose", ("laugh", "off"): "oppose", ("campaign", "with"): "support",
    ("stump", "for"): "support", ("rally", "behind"): "support", ("stand", "with"): "support",
    ("call", "out"): "oppose", ("hit", "out"): "oppose",
}
# Verbs that name what someone is ("called Cruz the worst politician in Texas", `_called`).
CALLING = frozenset("call label brand describe".split())
# Every verb `stance_acts` reads: a stance verb, the verb of a phrasal stance, a calling verb.
ACT_LEMMAS = frozenset(STANCE_VERBS) | {verb for verb, _ in PHRASAL_STANCES} | CALLING
# Acts a speaker may call for: ending something opposes it, making it happen backs it ("the need
# to scrap the nuclear agreement", "we're going to build the wall").
END_VERBS = frozenset("scrap repeal abolish ban kill block stop overturn dismantle cancel "
                      "eliminate outlaw defund lift veto close halt end rid".split())
# Efforts whose aim is to defeat a thing ("tried to stop the pact", "sought to block the bill").
EFFORT_VERBS = frozenset("try attempt seek strive work".split())
EFFORT_ENDS = frozenset("stop block kill derail overturn repeal scrap defund dismantle "
                        "abolish".split())
MAKE_VERBS = frozenset("build pass extend expand protect restore fund enact adopt "
                       "reinstate promote contribute deploy establish increase raise create "
                       "improve strengthen boost enforce invest reinvest".split())
ADVOCACY = frozenset("need should must ought call urge demand want vow promise pledge "
                     "go".split())
# Verbs of the subject's own wish or promise ("Sanders wanted to dismantle …", "vowed to …").
WISH_VERBS = frozenset("want vow promise pledge plan seek hope intend".split())
# Verbs whose clause charges its subject with something ("alleged that the Russian government
# was behind the release", "complained that the media rewards Trump").
CHARGE_VERBS = frozenset("accuse charge allege complain criticize criticise blast slam fault "
                         "lament".split())
# Explicit agreement and divergence between two speakers.
AGREE_VERBS = frozenset("agree concur echo".split())
DISAGREE_VERBS = frozenset("disagree differ clash spar feud split quarrel".split())
# Every word `_pair_relation` reads: "agreed", "clashed", "traded barbs", "breaks with",
# "found common ground", "had different positions".
PAIR_LEMMAS = AGREE_VERBS | DISAGREE_VERBS | frozenset("trade break find have share reach".split())
# Cues that join two speakers in a clash, not a shared view ("Sanders and Clinton battled over").
CLASH_VERBS = DISAGREE_VERBS | frozenset("battle fight argue debate tangle wrangle bicker "
                                         "squabble".split())
RECIPROCAL = re.compile(r"\b(?:each other|one another)\b|\bthe other[’']s\b", re.IGNORECASE)
VIEW_NOUNS = frozenset("position view opinion stance perspective positions views".split())
PARTLY = frozenset("completely entirely fully totally wholly always necessarily quite "
                   "altogether 100".split())  # "not completely": a limit, not a denial
ADDRESSING = frozenset("tell ask question press urge warn remind assure answer address grill "
                       "confront challenge thank inform".split())  # cues that say who is told
SCARCELY = frozenset("barely scarcely rarely seldom".split())
TRADED_BLOWS = frozenset("barb insult jab accusation shot blow punch charge attack".split())
DIVERGENT = frozenset("different divergent opposing opposite conflicting contrasting".split())
RIGHT = frozenset("right correct".split())
# Said of one speaker's claim by another ("buttress the contention of X", "contradict X's account").
BACKING_VERBS = frozenset("back buttress bolster reinforce corroborate vindicate".split())
CONTRADICTING_VERBS = frozenset("contradict refute rebut undercut debunk".split())
DISAGREE_NOUNS = frozenset("disagreement disagreements difference differences rift".split())
SPLIT_NOUNS = frozenset("split rift spat feud clash dispute disagreement divide gulf "
                        "difference differences".split())
BELIEF_VERBS = frozenset("believe think say agree argue insist feel contend".split())
WRONG = frozenset("wrong incorrect mistaken".split())
# What a speaker may say of another's claim to reject it ("the president's rationales don't hold
# weight", "his claims are unfounded"), and the claims so rejected.
REJECTING = WRONG | frozenset("unfounded false baseless untrue bogus groundless nonsense absurd "
                              "misleading laughable specious flawed ridiculous".split())
HOLDING = {"hold": frozenset({"weight", "water", "up"}), "stand": frozenset({"up"}),
           "make": frozenset({"sense"})}
# What someone says of another that a third may echo or agree with ("echoed Mr. Ryan's
# denunciation of Mr. Trump"): its owner is the speaker, its of-object what it is about.
VOICED_NOUNS = frozenset("denunciation criticism condemnation praise endorsement call warning "
                         "demand plea message line critique attack attacks".split())
CLAIM_NOUNS = frozenset("claim rationale argument reason assertion allegation accusation excuse "
                        "charge theory comment remark statement suggestion contention "
                        "explanation justification premise account comments remarks "
                        "claims".split())
# Evaluative words a general sentiment lexicon misses or rates too weakly for news.
EXTRA_VALENCE: dict[str, float] = {
    "necessary": 1.5, "timely": 1.5, "constructive": 1.5, "unfit": -2.0, "mishandle": -2.0,
    "lie": -2.0, "liar": -2.5, "disqualify": -2.0, "unacceptable": -2.5, "reckless": -2.0,
    "irresponsible": -2.0, "shameful": -2.5, "disastrous": -2.5, "failure": -2.0,
    "dishonest": -2.5, "corrupt": -2.5, "crook": -2.5, "qualified": 1.5, "unqualified": -2.0,
    "brutality": -2.0, "wrong": -2.1, "resign": -2.0, "apologize": -1.0, "investigate": -1.0,
    "crooked": -2.5, "lyin": -2.5, "sleazy": -2.0, "phony": -2.0, "rigged": -2.0,
    "unfairly": -2.0, "misgivings": -1.5, "concerned": -1.5, "discriminate": -2.0,
    "pathological": -2.0, "narcissistic": -2.0, "sociopath": -2.5, "lunatic": -2.5,
    "risky": -2.0,
}
# Verbs that say someone did wrong whatever their object ("is overselling the successes",
# "misled voters"): their own valence decides, not the sentence's.
CRITICAL_VERBS: dict[str, float] = dict.fromkeys(
    "oversell exaggerate mislead distort ignore neglect pander fail mishandle lie cave waffle "
    "flip-flop politicize squander botch bungle".split(), -2.0)
# What a speaker may warn would do harm ("the bill would put our troops at risk").
PROPOSALS = frozenset("plan proposal policy program reform deal agreement treaty ban wall "
                      "amendment regulation rule".split())
HARMS = frozenset("risk danger threat harm hurt damage jeopardize endanger undermine expose "
                  "retaliation retaliate retaliatory weaken".split())
# What an act may be said to do that makes it good ("expanding the monument will protect more than
# 7,000 species", "working our way up to $15 will allow me to …") or bad (`HARMS`, "hurt").
GOOD_EFFECTS = frozenset("allow help protect save improve strengthen boost benefit enable".split())
BAD_EFFECTS = HARMS | frozenset("hurt destroy kill".split())
RESULT_VERBS = frozenset("make leave render".split())  # "would make users more vulnerable"
WISE = RIGHT | frozenset("smart wise fair appropriate reasonable sensible".split())  # "right to …"
# Given to someone or something, these back them ("gave Clinton the nod").
GIVEN_BACKING = frozenset("nod blessing backing imprimatur endorsement support".split())
# What someone is said to be of another ("Lindsey Graham, a Cruz supporter", "a Trump critic").
SIDE_NOUNS = {**dict.fromkeys("supporter backer ally surrogate champion defender loyalist "
                              "endorser proponent advocate".split(), "support"),
              **dict.fromkeys("critic opponent foe detractor".split(), "oppose")}
# Holding someone in one of these ("I hold in the highest esteem Sen. John McCain").
HELD_IN = {**dict.fromkeys("esteem regard respect".split(), "support"),
           **dict.fromkeys("contempt disdain".split(), "oppose")}
# Having one of these with something opposes it ("had a big issue with the trade part").
TROUBLE_NOUNS = frozenset("problem problems issue issues beef quarrel".split())
# Reactions to someone or something: "furious with X", "honored by X", "misgivings about X".
REACTION_PREPS = frozenset("with at about over by of toward towards".split())
REACTION_NOUNS: dict[str, float] = {
    **dict.fromkeys("misgiving concern doubt reservation anger outrage frustration fury disgust "
                    "dislike distaste contempt disdain hatred skepticism scepticism "
                    "disappointment displeasure dismay indignation".split(), -2.0),
    **dict.fromkeys("respect admiration esteem affection".split(), 2.0)}
# Adjectives that take a side only with their "of" ("was critical of X", "supportive of X"; a
# "critical issue" is none).
OF_ADJECTIVES = {"critical": -2.0, "dismissive": -2.0, "contemptuous": -2.0, "scornful": -2.0,
                 "disdainful": -2.0, "supportive": 2.0, "appreciative": 2.0}
# What one seeks or calls for against someone ("seeks the ouster of the chair", "called for his
# resignation").
OUSTER_NOUNS = frozenset("ouster resignation removal impeachment firing dismissal recall "
                         "indictment prosecution".split())
OUSTER_VERBS = frozenset("seek demand call urge push press want".split())
# Nouns a position can be about (a proposal, claim, act or event), and nouns for a role that
# names no one in particular ("the Republican nominee, whoever it is").
ISSUE_NOUNS = frozenset(
    "bill law legislation act plan proposal policy policies program reform deal agreement treaty "
    "pact tax taxes ban wall claim claims allegation allegations accusation accusations remark "
    "remarks comment comments statement statements speech speeches decision decisions veto "
    "nomination investigation probe inquiry rule rules regulation regulations amendment "
    "strategy approach framing system debate tweet tweets behavior behaviour conduct record "
    "idea notion theory report ruling policing candidacy campaign administration "
    "endorsement immunity sanctions war test attack attacks shooting bombing strike strikes "
    "stance position positions views assertion assertions".split())
ROLE_NOUNS = frozenset(
    "nominee candidate president governor senator speaker leader chairman chairwoman official "
    "officials spokesman spokeswoman person people man woman someone anyone everyone".split())
# Roles a definite description may name a person by ("the GOP nominee" for "Republican
# presidential nominee Donald Trump"), the abbreviated titles that write them, and party words.
DESCRIBED_ROLES = frozenset("nominee candidate frontrunner front-runner senator governor "
                            "congressman congresswoman mayor chairman chairwoman".split())
TITLE_FORMS = {"sen": "senator", "sen.": "senator", "gov": "governor", "gov.": "governor",
               "rep": "congressman", "rep.": "congressman", "front": "frontrunner"}
PARTY_FORMS = {"gop": "republican", "dem": "democratic", "democrat": "democratic"}
ORG_NOUNS = frozenset("government administration committee party department agency bank company "
                      "union court congress senate house military police campaign establishment "
                      "media press".split())
CLAIM_VERBS = frozenset("deny reject dismiss dispute refute question challenge".split())
EVALUATIVE_VERBS = frozenset("like love hate despise respect trust distrust admire mishandle "
                             "scapegoat betray fail".split())
INTENT_NOUNS = frozenset("opportunity chance effort attempt bid move push decision "
                        "pledge promise vow".split())
UNDERSTANDING = frozenset("understand appreciate respect accept imagine excuse forgive".split())
FIRM_VERBS = frozenset("budge yield bend waver compromise".split())
STANCE_NOUNS: dict[str, str] = {
    **dict.fromkeys("endorsement support backing praise enthusiasm".split(), "support"),
    **dict.fromkeys("opposition criticism condemnation".split(), "oppose")}
# Nouns that are a stance only with their preposition ("his attacks on the role of money", "took
# a stand against the Iraq war", "lay out his case against Clinton"; not "the attacks in Paris").
AIMED_NOUNS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys("attack tirade broadside diatribe".split(), ("on", "against")),
    **dict.fromkeys("stand case crusade".split(), ("against",))}
# Verbs whose subject holds the stance noun they take ("expressed support for", "took a stand
# against", "launched an attack on", "made the case against").
VOICING_VERBS = frozenset("express voice offer give lend pledge reiterate signal declare show "
                          "make launch level mount take issue deliver wage renew release post "
                          "publish".split())
# What one may be criticised or praised for seeking ("for seeking a higher tax rate").
DEED_SEEKING = frozenset("seek push propose pursue promote demand advocate".split())
SEEK_VERBS = frozenset("seek court woo battle fight compete vie need want chase lose "
                       "shore".split())
# Stance nouns whose holder comes after "from" ("attacks from Jeb Bush", "criticism from
# Democrats", "under fire from Trump", "praise from Putin"); not "support from Latino voters",
# which is a vote.
FROM_NOUNS = {**dict.fromkeys("attack attacks criticism ridicule derision rebuke rebukes "
                              "condemnation scorn fire broadside".split(), "oppose"),
              **dict.fromkeys("praise endorsement endorsements".split(), "support")}
DRAW_VERBS = frozenset("receive win get earn draw attract face come take".split())
RECEIVE_VERBS = frozenset("receive win get earn secure land".split())
DEMAND_VERBS = frozenset("call urge demand ask press".split())
# What people ask for their own sake, no position on anything ("ask for prayers of support").
PLEAS = frozenset("prayer privacy patience understanding forgiveness sympathy help donation "
                  "thought".split())
URGE_VERBS = frozenset("urge call press encourage implore".split())
CONTRITION = frozenset("apologize apologise resign quit step recuse withdraw".split())
WITHDRAWALS = frozenset("rescind revoke retract withdraw pull drop".split())  # support taken back
REFUSALS = frozenset("refuse decline fail hesitate withhold avoid".split())
SPEECH_ACTS = frozenset("say tell talk speak discuss ask explain announce read deliver "
                        "express".split())
READY = frozenset("willing ready eager prepared happy glad".split())  # "willing to back"
BODY_NOUNS = frozenset("organization organisation foundation charity nonprofit group".split())
ABSTAIN = frozenset("refrain abstain stop".split())  # "refrained from attacking his rivals"
# Words an article uses in turn for one thing: a speech is also the remarks or the address.
SAME_THING = {**dict.fromkeys("remark remarks speeches address comment comments".split(),
                              "speech"),
              **dict.fromkeys("agreement agreements pact accord deals".split(), "deal")}
# States a subject is in, which judge nothing of it ("Shuster is safe", "happy to give it").
STATES = frozenset("free safe ready optimistic pessimistic happy glad hopeful confident eager "
                   "welcome smart lucky proud interested excited".split())
# Events that befall or are done, not positions: a "brutal attack" judges the attack only.
EVENT_NOUNS = frozenset("attack attacks shooting bombing strike strikes war test".split())
# How sure a speaker is, not how good or bad what they speak of ("he's definitely using it").
CERTAINTY = frozenset("definitely certainly clearly surely truly obviously absolutely "
                      "undoubtedly".split())
# Last words of an organisation's name, which may hold an "and" ("… and Infrastructure
# Committee", "Priests and Deacons Association").
BODY_WORDS = frozenset("committee commission council department association union party "
                       "foundation institute caucus court board agency center centre "
                       "coalition alliance federation league society".split())
PERSONAL = frozenset("he she him her his hers himself herself".split())
PLACES = frozenset("GPE LOC FAC".split())  # what a place is said to have is no one's act
# Words for the kind of place something is ("Silicon Valley is an extremely disruptive place").
PLACE_NOUNS = frozenset("place city town area region neighborhood neighbourhood".split())
BARE_DETS = frozenset("the this that these those".split())  # "the test" names no test alone
PROXY_NOUNS = frozenset("campaign candidacy re-election reelection bid nomination presidency "
                        "endorsement".split())
VAGUE_MODIFIERS = frozenset("other such many some same several few certain various more "
                            "most own new old big small real good bad".split())
SPOKESPEOPLE = frozenset("spokesman spokeswoman spokesperson secretary".split())
# Those who speak for a principal named in front of them ("a Trump campaign source", "a Clinton
# aide"): a he or she in what they report is the principal.
ENVOYS = SPOKESPEOPLE | frozenset("source aide adviser advisor".split())
# A named one's own side, which speaks for them ("the Trump camp", "the Clinton team").
VOICE_NOUNS = frozenset("camp team organization office staff statement".split())
# Words for a law or bill: a bare "the bill" is the one law an article names.
LAW_WORDS = frozenset("act bill law legislation measure".split())
GENERIC_LAWS = frozenset("act bill law legislation measure proposed".split())
# What someone may be said to be in, to their discredit ("Republicans are in a frenzy"); "in
# trouble" or "in a crisis" says what befell them.
DISORDER = frozenset("frenzy disarray chaos shambles denial meltdown panic turmoil "
                     "hysteria".split())
DIFFICULTY = frozenset("hard harder difficult easy easier tough tougher important necessary "
                       "possible impossible likely unlikely".split())
DEITIES = frozenset({"god", "lord", "heaven", "goodness", "jesus"})
DOCUMENT_WORDS = frozenset("poll polls survey surveys report reports study studies data "
                           "statement statements "
                           "analysis figures numbers".split())
HOMELANDS = frozenset({"america", "united states", "u.s.", "us", "country", "this country",
                       "our country", "nation", "our nation", "the nation"})
EXECUTIVE = "#executive"  # the side of the White House, an administration and the President
NEGATIONS = frozenset("not n't never no nobody nothing neither nor hardly".split())
SPEAKER_ENTS = frozenset("PERSON ORG NORP GPE".split())
TARGET_ENTS = frozenset("PERSON ORG NORP GPE LAW EVENT PRODUCT WORK_OF_ART FAC".split())
PRONOUNS = frozenset("he she him her they them i we me us you it".split())
TITLES = re.compile(r"^(?:(?:mr|mrs|ms|dr|sen|rep|gov|gen|lt|president|senator|the)\.?\s+)+",
                    re.IGNORECASE)
STOP = frozenset(
    "the a an of to in on for and or but with by at from about over as is are was were be been "
    "this that these those its his her their our your my it he she they we you i".split())


# The thresholds of position finding: the `positions` section of saidwhat.settings.
PositionRules = PositionSettings


@dataclass
class Names:
    """Who is who in one article: the full names sharing each last word, weighted by salience."""

    by_key: dict[str, dict[str, float]] = field(default_factory=dict)  # key -> {name: weight}
    ids: dict[str, str] = field(default_factory=dict)  # name -> speaker id
    first: dict[str, int] = field(default_factory=dict)  # name -> where it is first written

    def add(self, name: str, sid: str | None = None, weight: float = 1.0, at: int = -1) -> None:
        """Remember a name under its last word; a shorter form of a known name adds to it
        (`at`: where the article writes it, -1 when unknown)."""
        clean = clean_name(name)
        if not clean:
            return
        names = self.by_key.setdefault(clean.split()[-1].lower(), {})
        if len(clean.split()) == 1 and names:
            fuller = self._bare(names)
        else:
            fuller = _fullest_containing(clean, names)
        names[fuller] = names.get(fuller, 0.0) + weight
        if fuller != clean and clean in names and _contains(fuller, clean):
            names[fuller] += names.pop(clean)
        if at >= 0 and len(clean.split()) > 1:
            self.first[fuller] = min(self.first.get(fuller, at), at)
        if sid and fuller not in self.ids:
            self.ids[fuller] = sid

    def resolve(self, text: str) -> tuple[str, str | None]:
        """The article's fullest name for a mention (for a bare surname `_bare`), and its
        speaker id when it spoke."""
        clean = clean_name(text)
        if not clean:
            return text.strip(), None
        names = self.by_key.get(clean.split()[-1].lower(), {})
        if len(clean.split()) == 1:
            best = self._bare(names) if names else clean
        else:
            best = _fullest_containing(clean, names)
        return best, self.ids.get(best)

    def _bare(self, names: dict[str, float]) -> str:
        """Whom a bare surname means among the full names sharing it: the one the article
        names first (news introduces its main person first and writes the others' first names
        after: "Alan Grayson" first, then "Dena Grayson" and "Lolita Grayson", and "Grayson" is
        Alan), else the most salient."""
        placed = [n for n in names if n in self.first]
        if len(placed) > 1:
            return min(placed, key=lambda n: self.first[n])
        return max(names, key=lambda n: (names[n], len(n)))


def _contains(full: str, part: str) -> bool:
    """Whether every word of `part` is a word of `full` ("Ted Cruz" contains "Cruz")."""
    return set(part.lower().split()) <= set(full.lower().split())


def _fullest_containing(name: str, names: dict[str, float]) -> str:
    """The longest known name holding every word of `name`, else `name` itself."""
    return max((n for n in names if _contains(n, name)), key=len, default=name)


def clean_name(text: str) -> str:
    """A mention as a name: no titles, no possessive, no surrounding punctuation."""
    text = re.sub(r"[’']s?$", "", text.strip().strip(".,;:“”\"'()"))
    return TITLES.sub("", text).strip()


@lru_cache(maxsize=1)
def valences() -> dict[str, float]:
    """Word valences: VADER's lexicon (MIT) with news-specific additions."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    lexicon = dict(SentimentIntensityAnalyzer().lexicon)
    lexicon.update(EXTRA_VALENCE)
    lexicon.update(CRITICAL_VERBS)
    return lexicon


def token_valence(tok: Token, booster: float = 1.0) -> float:
    """A token's valence, flipped when it or its head is negated, times `booster` under an
    intensifier."""
    lex = valences()
    forms = _word_forms(tok)
    v = next((CRITICAL_VERBS[w] for w in forms if w in CRITICAL_VERBS), None) or next(
        (lex[w] for w in forms if w in lex), 0.0) or denied_form(forms, lex)
    if not v or tok.pos_ not in ("ADJ", "NOUN", "VERB", "ADV", "PROPN"):
        return 0.0
    around = (*tok.children, *tok.head.children)
    negated = any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in around) or (
        v > 0 and tok.pos_ == "ADJ" and any(c.dep_ == "advmod" and c.lower_ == "too"
                                            for c in tok.children))  # "too ready to use force"
    if boosted(tok):
        v *= booster
    return -v if negated else v


def denied_form(forms: list[str], lex: Mapping[str, float]) -> float:
    """The valence of a word the lexicon lacks that denies one it rates good ("unfaithful",
    "unpatriotic", "unelectable": "un-" before a good word), as bad; 0 otherwise."""
    return next((-lex[w[2:]] for w in forms if w.startswith("un") and len(w) > 5
                 and lex.get(w[2:], 0.0) > 0), 0.0)


def _word_forms(tok: Token) -> list[str]:
    """The forms a word is looked up under, most specific first: itself, its lemma, and its
    stem without -ing/-ed (the tagger lemmatises "overselling" as "overselle")."""
    word = tok.lower_
    forms = [word, tok.lemma_.lower()]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            forms.append(word[: -len(suffix)])
    return forms


def boosted(tok: Token) -> bool:
    """Whether an intensifier modifies a word ("very fair", "deeply troubled")."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT

    return any(c.dep_ == "advmod" and BOOSTER_DICT.get(c.lower_, 0) > 0 for c in tok.children)


def span_valence(span: Span, booster: float = 1.0) -> float:
    """Summed valence of a stretch of text."""
    return sum(token_valence(t, booster) for t in span)


def compact(span: Span | Iterable[Token], limit: int) -> str:
    """A phrase cut to at most `limit` words, at a clause boundary when it runs longer."""
    toks = list(span)
    inside = {t.i for t in toks}
    clauses = {x.i for t in toks[1:] if t.dep_ in ("relcl", "acl", "advcl", "ccomp")
               and t.head.i in inside for x in t.subtree}
    out: list[Token] = []
    for t in toks:
        if out and (t.i in clauses or t.text in ",;:—("):
            break
        out.append(t)
        if len(out) >= limit:
            break
    if not out:
        return ""
    doc = out[0].doc
    words = doc[out[0].i: out[-1].i + 1].text  # a span's text: Doc.text joins every token
    return re.sub(r"[“”\"]", "", " ".join(words.split())).strip(" ,.;:'")


def phrase(tok: Token, limit: int) -> str:
    """The noun phrase headed by `tok`, compacted."""
    sub = list(tok.subtree)
    start = next((i for i, t in enumerate(sub) if t.dep_ not in ("det", "punct", "cc")), 0)
    return compact(sub[start:], limit)


def mention_span(doc: Doc, mention: Mention | None) -> Span | None:
    """The tokens an attribution's cue or source covers, widened to whole tokens; None when it
    has none or its characters fit no tokens."""
    if mention is None:
        return None
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def content_key(text: str) -> frozenset[str]:
    """The content words of a phrase, lower-cased (how targets and topics are compared)."""
    found = re.findall(r"[A-Za-z0-9]+", text)
    return frozenset(w.lower() for w in found if (len(w) > 2 or w.isupper() and len(w) == 2)
                     and w.lower() not in STOP)


@dataclass(frozen=True)
class WordIndex:
    """Where each lemma, word form and dependency label occurs in one document (token indices in
    text order), read in one pass so that each rule visits only the tokens it may fire on rather
    than every token."""

    lemmas: Mapping[str, tuple[int, ...]]
    words: Mapping[str, tuple[int, ...]]
    deps: Mapping[str, tuple[int, ...]]


def word_index(doc: Doc) -> WordIndex:
    """A document's lower-cased lemmas, lower-cased word forms and dependency labels, each with
    the indices of the tokens that have it."""
    lemmas: dict[str, list[int]] = {}
    words: dict[str, list[int]] = {}
    deps: dict[str, list[int]] = {}
    for tok in doc:
        lemmas.setdefault(tok.lemma_.lower(), []).append(tok.i)
        words.setdefault(tok.lower_, []).append(tok.i)
        deps.setdefault(tok.dep_, []).append(tok.i)
    return WordIndex(*({k: tuple(v) for k, v in d.items()} for d in (lemmas, words, deps)))


@dataclass(frozen=True)
class Context:
    """One article ready for the rules: its doc, attributions and names."""

    doc: Doc
    attributions: tuple[Attribution, ...]
    names: Names
    rules: PositionRules
    interviewers: frozenset[str] = frozenset()
    body: str = ""  # the text after the headline line
    law: str = ""  # the one law or bill the article names, if only one ("the Clean Water Act")
    referents: dict[int, str] = field(default_factory=dict)  # token -> who a he/she/"the
    # senator" outside any source refers to, by the speaker resolver
    index: WordIndex | None = None  # the doc's words (`word_index`), read when not given

    def __post_init__(self) -> None:
        """Index the doc's words when no index was given."""
        if self.index is None:
            object.__setattr__(self, "index", word_index(self.doc))

    def tokens(self, lemmas: Iterable[str] = (), words: Iterable[str] = (),
               deps: Iterable[str] = ()) -> list[Token]:
        """The tokens whose lower-cased lemma, lower-cased form or dependency label is one of
        those given, in text order (what a rule would meet walking the whole doc)."""
        index = self.index or word_index(self.doc)
        found = {i for table, keys in ((index.lemmas, lemmas), (index.words, words),
                                       (index.deps, deps)) for k in keys for i in table.get(k, ())}
        return [self.doc[i] for i in sorted(found)]

    def speaker_at(self, i: int) -> Attribution | None:
        """The attribution whose content holds character `i` (innermost first)."""
        holding = [a for a in self.attributions
                   if a.speaker and any(s <= i < e for s, e in a.content.spans)]
        return min(holding, key=lambda a: a.content.end - a.content.start, default=None)

    def source_at(self, i: int) -> Attribution | None:
        """The attribution whose source mention holds character `i`."""
        for a in self.attributions:
            if a.speaker and a.source and any(s <= i < e for s, e in a.source.spans):
                return a
        return None


def build_context(doc: Doc, attributions: Iterable[Attribution],
                  rules: PositionRules | None = None,
                  known: dict[int, str] | None = None) -> Context:
    """Index an article's speakers and named people for the rules: full names first (speakers
    count double), then bare surnames, which join the most salient full name; the headline's
    title-cased words make poor names, so a name is cut to the form the body writes; `known` are
    the referents the attribution step's resolver already read (else they are read here)."""
    atts = tuple(attributions)
    names = Names()
    text = doc_text(doc)
    body_start = text.find("\n") + 1
    body = text[body_start:]
    found: list[tuple[str, str | None, float, int]] = []
    for a in atts:
        at = a.source.start if a.source else -1
        found += [(body_form(n, body), sid, 2.0, at) for n, sid in speakers_of(a)]
    found += [(body_form(e.text, body), None, 1.0, e.start_char) for e in doc.ents
              if e.label_ == "PERSON" and e.start_char >= body_start and len(e) <= 4]
    for name, sid, weight, at in sorted(found, key=lambda f: -len(clean_name(f[0]).split())):
        if _name_like(name):  # not "advisers to Mr. Obama", which is no Obama
            names.add(name, sid, weight, at if at >= body_start else -1)
    return Context(doc, atts, names, rules or PositionRules(), interviewers(atts), body,
                   the_law(doc), known if known is not None else referents(doc, atts))


def the_law(doc: Doc) -> str:
    """The one law or bill an article names ("the Justice Against Sponsors of Terrorism Act
    (JASTA)"), as its fullest mention, with the acronym the article also calls it by; "" when
    it names none or several."""
    found: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ not in ("LAW", "ORG") or ent[-1].lower_ not in LAW_WORDS:
            continue  # "the Justice Against Sponsors of Terrorism Act", tagged LAW or ORG
        end = ent.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            end += 3  # "… Act (JASTA)"
        text = re.sub(r"[“”\"]", "", compact_words(list(doc[ent.start: end])))
        key = law_acronym(text) or law_acronym(text.removeprefix("the "))
        if key and len(text) > len(found.get(key, "")):
            found[key] = text
    if len(found) != 1:
        return ""
    key, text = next(iter(found.items()))
    if f"({key})" not in text and any(t.text == key for t in doc):
        text += f" ({key})"  # the acronym the article also calls it by
    return text


def referents(doc: Doc, atts: Iterable[Attribution]) -> dict[int, str]:
    """Who each pronoun or definite description of `referent_mentions` refers to, read by the
    speaker resolver at its place in the article (token index of its head -> name): for callers
    without the attribution step's own reading (`DocContext.referents`)."""
    from saidwhat.engine.speakers.resolve import resolve_mentions

    wanted = referent_mentions(doc)
    if not wanted:
        return {}
    sources = [doc.char_span(a.source.start, a.source.end, alignment_mode="expand")
               for a in atts if a.source]
    _, read = resolve_mentions(doc, sorted((s for s in sources if s is not None),
                                           key=lambda s: s.start), wanted)
    return dict(named_referents(wanted, read))


def body_form(name: str, body: str) -> str:
    """A name as the article body writes it: "Rip Donald Trump" (a headline) → "Donald Trump"."""
    words = name.split()
    for i in range(len(words) - 1):
        if " ".join(words[i:]) in body:
            return " ".join(words[i:])
    return name


def interviewers(atts: Iterable[Attribution]) -> frozenset[str]:
    """Speakers of a transcript (labelled in capitals: "WALLACE:") whose turns mostly ask: the
    interviewer's questions are no stances of theirs."""
    asked: dict[str, list[bool]] = {}
    for a in atts:
        label = a.source.text.strip() if a.source else ""
        if a.speaker and a.speaker.name and len(label) > 2 and label.isupper():
            asked.setdefault(a.speaker.name, []).append("?" in a.content.text)
    return frozenset(n for n, qs in asked.items() if len(qs) >= 2 and sum(qs) * 2 > len(qs))


def speakers_of(a: Attribution) -> list[tuple[str, str | None]]:
    """The named speakers of an attribution: each member of a joint one ("X and Y")."""
    if not a.speaker or not a.speaker.name:
        return []
    parts = [p.strip() for p in re.split(r"\s+and\s+|,\s*", a.speaker.name) if p.strip()]
    if parts and parts[-1].split()[-1].lower() in BODY_WORDS:
        return [(a.speaker.name, a.speaker.id)]  # "the House Transportation and
        # Infrastructure Committee" is one body
    if len(parts) > 1 and all(p[:1].isupper() for p in parts):
        return [(p, None) for p in parts]
    return [(a.speaker.name, a.speaker.id)]


def sources(ctx: Context, a: Attribution) -> list[tuple[str, str | None]]:
    """The speakers an attribution gives a stance to: each named member of a joint source, by the
    article's fullest name; no one for an interviewer or a source that names no one."""
    if not a.speaker or a.speaker.name in ctx.interviewers:
        return []
    if not named_source(a.speaker):
        return _group_source(ctx, a) or _known_surname(ctx, a)
    if a.source and a.source.text.lower() == "it" and re.search(r"\bI\b", a.content.text):
        return []  # "it" does not say "I": a misread source
    bare = clean_name(a.source.text) if a.source else ""
    members_ = speakers_of(a)
    if len(members_) == 1 and bare and " " not in bare and bare[:1].isupper() and _contains(
            members_[0][0], bare):
        members_ = [(bare, a.speaker.id)]
    out = []
    for name, sid in members_:
        full, known = ctx.names.resolve(body_form(name, ctx.body))
        out.append((full, known or sid) if _contains(full, clean_name(name)) else (name, sid))
    return out


def _group_source(ctx: Context, a: Attribution) -> list[tuple[str, str | None]]:
    """A described group as the source ("top black lawmakers said", "Younger black voters …
    have expressed"), as the article words it; no one for a bare or vague plural."""
    span = ctx.doc.char_span(a.source.start, a.source.end, alignment_mode="expand") if (
        a.source and a.speaker) else None
    group = _group_noun(span.root) if span is not None else ""
    return [(group, a.speaker.id if a.speaker else None)] if group else []


def _known_surname(ctx: Context, a: Attribution) -> list[tuple[str, str | None]]:
    """A bare surname the resolver left unresolved (the tagger read "Sanders" as a plural noun):
    the person of that name the article named in full."""
    bare = clean_name(a.source.text) if a.source else ""
    if not bare or " " in bare or not bare[:1].isupper() or a.speaker is None:
        return []
    full, known = ctx.names.resolve(bare)
    return [(full, known or a.speaker.id)] if full != bare and _is_person(ctx, full) else []


def named_source(speaker: Speaker) -> bool:
    """Whether a speaker names someone: a person, organisation or group with a capitalised name
    ("Delegates", "one Democratic source"), not "talk", "his advisers" or a stray clause."""
    if "," in speaker.name or speaker.type == "OTHER":
        return False
    parts = [clean_name(p).split() for p in re.split(r"\s+and\s+", speaker.name)]
    return all(0 < len(words) <= 7 and any(w[:1].isupper() for w in words) for words in parts)


def _single(ctx: Context, a: Attribution | None) -> tuple[str, str | None] | None:
    """The one speaker of an attribution (None for joint, unnamed or interviewer sources)."""
    found = sources(ctx, a) if a is not None else []
    return found[0] if len(found) == 1 else None


def _stated_contents(ctx: Context) -> Iterator[tuple[Attribution, tuple[str, str | None], Span]]:
    """Each attribution with one speaker and a content that asks nothing, with that speaker
    and the content's tokens."""
    for a in ctx.attributions:
        src = _single(ctx, a)
        span = ctx.doc.char_span(a.content.start, a.content.end, alignment_mode="expand") if (
            src is not None) else None
        if src is not None and span is not None and not asked(ctx, a, span):
            yield a, src, span


def _single_name(ctx: Context, a: Attribution) -> str:
    """The name of an attribution's one speaker, "" when it has none (`_single`)."""
    return (_single(ctx, a) or ("", None))[0]


def _sentences_back(tok: Token, sentences: int) -> Span:
    """The sentence `sentences` sentences before the one holding `tok` (the first if fewer)."""
    sents = list(tok.doc.sents)
    here = next((k for k, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
    return sents[max(0, here - sentences)]


def who(ctx: Context, tok: Token) -> tuple[str, str | None] | None:
    """The speaker a subject token stands for, or None for no one we can name."""
    if tok.i < 0:
        return None
    lower = tok.lower_
    antecedent = _antecedent(tok)
    held = ctx.source_at(tok.idx) if antecedent is not None else None
    if antecedent is not None and (held is None or _single(ctx, held) is None):
        return who(ctx, antecedent)  # "García, a county commissioner who accused him"
    whole = _partitive(tok) if tok.dep_ in ("nsubj", "nsubjpass") else None
    if whole is not None and whole.tag_ in ("NNS", "NNPS"):
        return None if few_of(tok) else who(ctx, whole)  # "All of the GOP candidates oppose …"
    if tok.pos_ == "PRON" and lower in ("his", "her") and tok.dep_ == "poss":
        bound = _bound_subject(ctx, tok)
        if bound:
            return bound  # "Cruz was looking to end … his bid": Cruz
    if tok.pos_ == "PRON" and lower in ("his", "her", "my", "our"):
        lower = {"his": "he", "her": "she", "my": "i", "our": "we"}[lower]
    if tok.pos_ == "PRON" and lower in ("i", "we", "me", "us", "he", "she", "they"):
        att = ctx.source_at(tok.idx)
        if att and att.speaker:
            return _single(ctx, att)
        inside = ctx.speaker_at(tok.idx)
        if inside and inside.speaker and lower != "they":
            if lower in ("i", "we", "me", "us") and inside.kind == "indirect":
                return None
            if lower in ("he", "she") and inside.kind != "direct":
                told = _principal(ctx, inside) or _told(ctx, inside)
                if told:
                    return told  # "asked Rubio why he decided to attack Trump": Rubio
            if lower in ("he", "she") and inside.kind == "direct":
                speaker = _single(ctx, inside)  # "He's speaking out against …," Reynolds says:
                mine = content_key(speaker[0]) if speaker else frozenset()  # not Reynolds
                return _referent_other(ctx, tok, mine) or _previous_person(ctx, tok, mine)
            if other_pronoun(inside, lower):
                return _referent(ctx, tok) or _previous_person(ctx, tok)
            if _single(ctx, inside) or lower not in ("he", "she"):
                return _single(ctx, inside)  # else "Cruz …, a spokesman said": read on
        if lower in ("he", "she"):
            return _referent(ctx, tok) or _previous_person(ctx, tok)
        return None
    att = ctx.source_at(tok.idx)
    spoke = _single(ctx, att) if att and att.speaker else None
    if spoke and joined_name(tok, spoke[0]):
        return ctx.names.resolve(entity_around(tok).text)  # "Ted Cruz and John Kasich": Kasich
    if spoke and not (modifier_named(tok) and content_key(spoke[0]) <= content_key(
            " ".join(t.text for c in tok.lefts if c.dep_ == "compound" for t in c.subtree))):
        return spoke  # but "the former Heisman Trophy winner" is no "Trophy"
    dateline = next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"),
                    None) if tok.ent_type_ == "GPE" and tok.is_upper else None
    if dateline is not None:
        return who(ctx, dateline)  # "INDIANAPOLIS - Ted Cruz, who …, received": a dateline
    if indefinite(tok):
        return None  # "a super PAC that opposed Trump": one of a kind, no one named
    ent = _entity_of(tok)
    if ent is not None and ent.label_ in SPEAKER_ENTS and not modifier_named(tok):
        name = ctx.names.resolve(ent.text)
        return name if ent.label_ != "GPE" or name[1] else None  # a country that spoke
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        name = ctx.names.resolve(tok.text)
        if name[1] or (tok.dep_ != "compound" and _is_person(ctx, name[0])):
            return name  # a speaker the tagger missed ("WikiLeaks"), a person named before
        return None
    body = narrated_body(ctx, tok)
    if body:
        return body  # "the nuclear pact, which the group tried to stop": the group named before
    group = _group_noun(tok)
    if group:
        return group, None
    owner = next((c for c in tok.children if c.dep_ in ("poss", "compound")
                  and c.pos_ == "PROPN"), None)
    if tok.lemma_.lower() in ORG_NOUNS and owner is not None:  # "Ryan's campaign"
        return f"{_known(ctx, owner.text)[0]} {tok.text}", None
    return _referent(ctx, tok) or _national_body(tok) or _described_person(ctx, tok)


def joined_name(tok: Token, speaker: str) -> bool:
    """Whether a name joined to another by "and" in a source is someone else than the speaker
    the attribution step gave that source ("Ted Cruz and John Kasich have agreed", read as Ted
    Cruz): each member of a joint source stands for themselves."""
    return tok.dep_ == "conj" and tok.ent_type_ == "PERSON" and not (
        content_key(entity_around(tok).text) & content_key(speaker))


def modifier_named(tok: Token) -> bool:
    """Whether a common noun only carries a person's name in front of it ("the former Heisman
    Trophy winner", "Trump supporters"): it stands for someone else than the one named, unless
    it is that one's own body or voice ("the Trump campaign", "a Clinton aide")."""
    return tok.pos_ == "NOUN" and tok.ent_iob_ == "O" and (
        tok.lemma_.lower() not in ORG_NOUNS | ENVOYS | PROXY_NOUNS | VOICE_NOUNS) and any(
        c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in tok.children)


def indefinite(tok: Token) -> bool:
    """Whether a name is said with "a", "an" or "another" ("a super PAC", "an Iowa group"):
    one of a kind, no holder in particular."""
    return tok.pos_ == "PROPN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another")
                                       for c in tok.children)


def other_pronoun(a: Attribution, lower: str) -> bool:
    """Whether a he or she in what someone reports is someone else, as the source is the other
    pronoun ("she argued, Obama got a lot of money, and he still signed the Dodd-Frank Act":
    he is not she)."""
    said_by = a.source.text.strip().lower() if a.source else ""
    return {said_by, lower} == {"he", "she"}


def _national_body(tok: Token) -> tuple[str, str | None] | None:
    """A body named by its nation ("the Saudi government", "the Chinese military"), as the
    article words it."""
    if tok.lemma_.lower() not in ORG_NOUNS or tok.tag_ != "NN" or not any(
            c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in tok.lefts):
        return None
    return compact_words(list(tok.doc[tok.left_edge.i: tok.i + 1])), None


def _referent_other(ctx: Context, tok: Token,
                    mine: frozenset[str]) -> tuple[str, str | None] | None:
    """The resolver's reading of a pronoun, unless it is the one quoted (`mine`)."""
    found = _referent(ctx, tok)
    return found if found and not (mine and content_key(found[0]) <= mine) else None


def _antecedent(tok: Token) -> Token | None:
    """What a relative "who" stands for: the noun its clause describes, or the name that noun
    stands beside ("Chuy García, a little-known county commissioner who accused him")."""
    clause = tok.head
    if clause.dep_ == "xcomp" and clause.head.dep_ == "relcl":
        clause = clause.head  # "the pact, which the group tried to stop": the object of "stop"
    if clause.dep_ == "conj" and clause.head.dep_ == "relcl":
        clause = clause.head  # "…, which the group tried to stop and which Trump criticized"
    if tok.lower_ not in ("who", "which", "that") or tok.tag_ not in ("WP", "WDT") or (
            clause.dep_ != "relcl"):
        return None
    noun = clause.head
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head
    if tok.dep_ == "dobj":
        noun = _proposal_holding(noun)
    return noun if noun.pos_ in ("PROPN", "NOUN") and noun.i != tok.i else None


def _proposal_holding(noun: Token) -> Token:
    """The proposal a name is the partner of ("the nuclear pact with Iran, which Trump has
    criticized": the pact is what is criticized), else the noun itself."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ("with", "between") and (
            prep.head.lemma_.lower() in PROPOSALS | ISSUE_NOUNS):
        return prep.head
    return noun


def _bound_subject(ctx: Context, tok: Token) -> tuple[str, str | None] | None:
    """The named person a his/her is bound to: the subject of a clause holding it, named
    before it in the sentence ("Cruz was looking to end … in his bid to stop Trump")."""
    for node in tok.ancestors:
        subj = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.i < tok.i and subj.pos_ in ("PROPN", "NOUN") and (
                subj.ent_type_ == "PERSON"):  # a surname the tagger took for a common noun
            return _known(ctx, subj.text)
        if subj is not None:
            return None  # the nearest clause has another subject
    return None


def _pronoun_person(ctx: Context, tok: Token) -> tuple[str, str | None] | None:
    """Who a his/her refers to: the resolver's reading, else in a quote the last person named
    other than the one quoted, else the last person named."""
    found = _bound_subject(ctx, tok) or _referent(ctx, tok)
    if found:
        return found
    inside = ctx.speaker_at(tok.idx)
    speaker = _single(ctx, inside) if inside is not None and inside.kind != "indirect" else None
    return _previous_person(ctx, tok, exclude=content_key(speaker[0]) if speaker else frozenset())


def _group_noun(tok: Token) -> str:
    """A described group as a holder ("Union leaders", "top black lawmakers"), as the article
    words it; "" for a bare or vague plural ("people", "some officials")."""
    from saidwhat.engine.speakers.mentions import is_group_noun

    if tok.tag_ != "NNS" or not is_group_noun(tok.lemma_.lower()):
        return ""
    body = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj" and (
                     g.ent_type_ in ("ORG", "NORP", "GPE") or _national_body(g))), None)
    if body is not None and not any(c.lower_ in VAGUE_MODIFIERS for c in tok.lefts):
        return compact(list(tok.doc[tok.left_edge.i: body.right_edge.i + 1]), 8)
        # "members of the Saudi government"
    mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")]
    if not mods or any(c.lower_ in VAGUE_MODIFIERS for c in tok.lefts):
        return ""
    return compact_words(list(tok.doc[min(m.left_edge.i for m in mods): tok.i + 1]))


def _referent(ctx: Context, tok: Token) -> tuple[str, str | None] | None:
    """The person the speaker resolver reads a pronoun or description as ("the Texas senator"
    → Ted Cruz), by the article's fullest name."""
    name = ctx.referents.get(tok.i)
    if name and tok.lower_ in PERSONAL and _place(ctx, name):
        return None  # "At a town hall in Salem, New Hampshire, … He has criticized": no state
    known = _known(ctx, name) if name else None
    return None if known and gender_clash(tok.lower_, known[0]) else known


def _described_person(ctx: Context, noun: Token) -> tuple[str, str | None] | None:
    """The person a definite role description stands for: the last one named before it with
    that role written in front of or beside the name, sharing its describing words ("the GOP
    nominee" after "Republican presidential nominee Donald Trump", not after "Democratic
    nominee Hillary Clinton"; "the senator" after "Sen. Ted Cruz")."""
    role = noun.lemma_.lower()
    if role not in DESCRIBED_ROLES or noun.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    wanted = {PARTY_FORMS.get(c.lower_, c.lower_) for c in noun.lefts
              if c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("ADJ", "PROPN", "NOUN")}
    for ent in reversed([e for e in ctx.doc.ents if e.label_ == "PERSON" and e.end <= noun.i]):
        words = {PARTY_FORMS.get(w, w) for w in _title_words(ent)}
        if role in words and wanted <= words:
            return _known(ctx, ent.text)
    return None


def _title_words(ent: Span) -> set[str]:
    """The lower-cased words that title a named person: those in front of the name that hang on
    it ("Republican presidential nominee Donald Trump", "Texas Sen. Ted Cruz") and an appositive
    right after it ("Ted Cruz, the Texas senator")."""
    doc = ent.doc
    inside = range(ent.start, ent.end)
    words: set[str] = set()
    for tok in doc[max(ent.start - 5, 0): ent.end]:
        if tok.i in inside or tok.head.i in inside or tok.head.head.i in inside:
            words.add(TITLE_FORMS.get(tok.lower_, tok.lower_))
    for c in ent.root.children:
        if c.dep_ == "appos" and c.i >= ent.end:
            words |= {t.lower_ for t in c.subtree}
    return words


def _place(ctx: Context, name: str) -> bool:
    """Whether the article names a place so ("New Hampshire"): a he or she is never one."""
    return any(e.label_ in PLACES and e.text == name for e in ctx.doc.ents)


def _principal(ctx: Context, a: Attribution) -> tuple[str, str | None] | None:
    """The one a spokesperson, aide or source speaks for ("Clinton spokesman Jesse Lehrich said
    she would sign it", "a spokeswoman for Senator Kay Bruno", "A Trump campaign source told NBC
    that … his case against Clinton"): a he/she in their report is the principal."""
    span = mention_span(ctx.doc, a.source)
    role = next((t for t in span if t.lemma_.lower() in ENVOYS), None) if span else None
    if role is None:
        return None
    named = [t for t in span if t.i < role.i and t.pos_ == "PROPN" and t.ent_type_ in (
        "PERSON", "ORG")] or [g for c in role.children if c.dep_ == "prep" and c.lower_ == "for"
                              for g in c.subtree if g.pos_ == "PROPN"]
    return _known(ctx, named[-1].text) if named else None


def _told(ctx: Context, a: Attribution) -> tuple[str, str | None] | None:
    """The named person an attribution's cue addresses ("asked Rubio", "told Biden")."""
    if a.cue is None:
        return None
    span = ctx.doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
    if span is None:
        return None
    for c in span.root.children:
        if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN":
            ent = _entity_of(c)
            if ent is not None and ent.label_ == "PERSON":
                return ctx.names.resolve(ent.text)
    return None


def _entity_of(tok: Token) -> Span | None:
    """The named entity a token heads or belongs to."""
    for t in (tok, *(c for c in tok.children if c.dep_ == "compound")):
        if t.ent_iob_ in ("B", "I"):
            return entity_around(t)
    return None


def entity_around(tok: Token) -> Span:
    """The named entity a token is part of, read from the entity tags around it as `Doc.ents`
    reads them (without building every entity of the document)."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def _previous_person(ctx: Context, tok: Token,
                     exclude: frozenset[str] = frozenset()) -> tuple[str, str | None] | None:
    """The last person named before a he/she (other than `exclude`, the speaker's words, and
    other than one whose first name says the other gender)."""
    for ent in reversed([e for e in ctx.doc.ents if e.end <= tok.i and e.label_ == "PERSON"]):
        name = ctx.names.resolve(ent.text)
        if (not exclude or not content_key(name[0]) <= exclude) and not gender_clash(
                tok.lower_, name[0]):
            return name
    return None


def gender_clash(pronoun: str, name: str) -> bool:
    """Whether a he/she and a name's first name say different genders ("She has spoken about
    her difference of opinion with Obama" is not Barack Obama); False when either says none."""
    from saidwhat.data.names import first_name_gender
    from saidwhat.engine.speakers.ranker import pronoun_class

    said = pronoun_class(pronoun)
    first = TITLES.sub("", name.strip()).split()[:1]
    if said not in ("m", "f") or not first or len(name.split()) < 2:
        return False
    named = first_name_gender(first[0].lower())
    return named is not None and named != said


def members(ctx: Context, subj: Token) -> list[tuple[str, str | None]]:
    """The speakers of a coordinated subject ("he and Biden", "Republicans and Democrats",
    "Mayor Ann Kerr and councillor Joe Pratt")."""
    toks = [_titled_name(t) for t in (*_headline_partners(subj), subj, *subj.conjuncts)]
    found = [w for w in (who(ctx, t) for t in toks) if w]
    if subj.lower_ == "they" and len(found) < 2:
        two = _subject_before(subj)
        return _last_two(ctx, two) if two is not None and counted_two(two) else (
            _previous_pair(ctx, subj))
    if not found and counted_two(subj):
        return _last_two(ctx, subj)
    return found


def _counts_two(subj: Token) -> bool:
    """Whether a subject is "the two" or a "they" that follows one."""
    before = _subject_before(subj) if subj.lower_ == "they" else None
    return counted_two(subj) or (before is not None and counted_two(before))


def counted_two(tok: Token) -> bool:
    """Whether a subject counts two without naming them ("The two", "Both men", "Two of the
    biggest names in government data leaks", "the pair")."""
    head = tok.lower_
    if head in ("two", "both", "pair"):
        return head != "pair" or any(c.lower_ == "the" for c in tok.children)
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    known = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children)
    return any(c.lower_ == "both" or (c.lower_ == "two" and known) for c in tok.children)
    # "the two senators", "both men"; not "two senators", who may be any two


def _subject_before(tok: Token) -> Token | None:
    """The subject of the clause a "they" follows in its sentence ("The two are vying …, as
    they have traded barbs")."""
    return next((t for t in reversed(tok.doc[tok.sent.start: tok.i])
                 if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ not in ("WDT", "WP")), None)
    # not the "which" of "the election, which has grown contentious as they traded barbs"


def _last_two(ctx: Context, tok: Token, sentences: int = 3) -> list[tuple[str, str | None]]:
    """The last two different speakers or people named before `tok`, within the `sentences`
    sentences before its own (what "the two" counts); [] when fewer were named."""
    start = _sentences_back(tok, sentences).start
    found: list[tuple[str, str | None]] = []
    named = {e.root.i: e.root for e in ctx.doc.ents if start <= e.start and e.end <= tok.i
             and e.label_ in ("PERSON", "ORG") and (e.root.dep_ not in ("compound", "poss", "amod")
                                                    or person_owner(ctx, e))}
    for t in ctx.doc[start: tok.i]:  # not "DNC" of "DNC emails"; a headline's untagged names
        if t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass"):
            named.update({x.i: x for x in (t, *_headline_partners(t))})
    for i in sorted(named, reverse=True):
        name = who(ctx, named[i])
        if name and all(not _related(name[0], f[0]) for f in found):
            found.append(name)
        if len(found) == 2:
            return found[::-1]
    return []


def person_owner(ctx: Context, ent: Span) -> bool:
    """Whether a name is a person's possessive naming someone beside them ("Clinton’s Republican
    rival, New York businessman Donald Trump"): that person counts among the last named, where
    an organisation's ("DNC emails", "the DNC's chair") does not; a surname the tagger took for
    an organisation counts when the article names a person by it."""
    root = ent.root
    person = ent.label_ == "PERSON" or _is_person(
        ctx, ctx.names.resolve(re.sub(r"[’']s?$", "", ent.text))[0])
    return person and root.dep_ == "poss" and any(
        c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in root.head.children)


def _titled_name(tok: Token) -> Token:
    """The name a role noun introduces ("councillor Joe Pratt", parsed as "councillor" with
    "Pratt" in apposition), else the token itself."""
    if tok.pos_ != "NOUN":
        return tok
    return next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), tok)


def _headline_partners(subj: Token) -> list[Token]:
    """A headline's comma-joined subject ("Snowden, WikiLeaks clash over DNC emails"): the name
    before the comma, left hanging by the parser."""
    return [c for c in subj.head.children if c.dep_ == "dep" and c.pos_ == "PROPN"
            and c.i + 2 == subj.left_edge.i and c.nbor(1).text == ","]


def _previous_pair(ctx: Context, tok: Token) -> list[tuple[str, str | None]]:
    """The two speakers of the last coordinated subject before `tok` ("they" after "X and Y")."""
    for t in reversed(ctx.doc[: tok.i]):
        if t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts:
            pair = [w for w in (who(ctx, c) for c in (t, *t.conjuncts)) if w]
            if len(pair) >= 2:
                return pair
    return []


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, following xcomp/advcl/conj chains up to a clause that has one."""
    seen = 0
    while verb is not None and seen < 4:
        subj = nearest_subject(verb) or _adjacent_subject(verb)
        if subj is not None:
            return subj
        if _faulted(verb) is not None:
            return None  # a deed another is blamed or praised for is no stance of theirs
        owner = next((c for c in verb.head.children if c.dep_ == "poss"), None) if (
            verb.dep_ == "acl" and verb.tag_ == "VBG") else None
        if owner is not None:  # "her statement condemning the test"
            main = _governing_verb(verb.head) if owner.pos_ == "PRON" else None
            named = nearest_subject(main) if main is not None else None
            return named if named is not None and named.ent_type_ == "PERSON" else owner
            # "In her statement condemning the test, Hillary Clinton …": she is named after
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "dobj" and (
                verb.head.head.lemma_.lower() in VOICING_VERBS):
            verb = verb.head.head  # "issued statements condemning the attacks"
            seen += 1
            continue
        if generic_gerund(verb):
            return None
        if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "prep") and verb.head is not verb or (
                ready_to(verb)):
            verb = verb.head
            seen += 1
            continue
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in INTENT_NOUNS:
            verb = _governing_verb(verb.head)  # "in an effort to stop Trump", "the chance to …"
            seen += 1
            continue
        return None
    return None


def ready_to(tok: Token) -> bool:
    """Whether a word is the "willing" of "he may be willing to back Trump" (a readiness said
    of the subject of "be", whose act the infinitive is)."""
    return tok.dep_ == "acomp" and tok.lemma_.lower() in READY and tok.head is not tok


def generic_gerund(verb: Token) -> bool:
    """Whether an act is a gerund the speaker only understands or accepts in others ("I
    understand disagreeing with him and still supporting him", "I can respect backing him"):
    anyone's act, not the subject's own (unlike "I regret endorsing him")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:  # "… and still supporting him"
        verb = verb.head
    return verb.tag_ == "VBG" and verb.dep_ == "xcomp" and (
        verb.head.lemma_.lower() in UNDERSTANDING)


def _faulted(verb: Token) -> Token | None:
    """The one a deed is credited or blamed to: "criticized voters for not supporting Cruz",
    "praised Cruz for showing courage" (the object, not the one who criticized or praised;
    the deed is the critic's account of them, a nested position)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ not in ("for", "of"):
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None) if (
        prep.head.pos_ == "VERB") else None


def _governing_verb(tok: Token) -> Token | None:
    """The verb a noun phrase hangs from, through prepositions ("Delighting in the opportunity")."""
    node = tok
    for _ in range(3):
        if node.dep_ in ("pobj", "prep", "dobj") and node.head is not node:
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return node
        else:
            return None
    return None


def _adjacent_subject(verb: Token) -> Token | None:
    """A name written right before a finite verb the parser left without a subject ("… and
    Democrats accused the GOP", parsed as a conjunct of the previous object)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ in ("PROPN", "NOUN") and before.ent_type_ in ("PERSON", "ORG", "NORP") and (
            before.i + 1 == verb.i):
        return before
    return None


def nearest_subject(head: Token) -> Token | None:
    """The active subject of a verb closest to it (a headline glued on by the parser is not)."""
    subjects = [c for c in head.children if c.dep_ == "nsubj"]
    return min(subjects, key=lambda c: abs(head.i - c.i), default=None)


def _object(verb: Token, preps: tuple[str, ...] = ()) -> Token | None:
    """A verb's direct object, or the object of one of `preps` attached to it."""
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            return c
    for c in verb.children:
        if c.dep_ in ("prep", "prt", "dative") and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
        if c.dep_ == "prt":
            for p in verb.children:
                if p.dep_ == "prep":
                    for g in p.children:
                        if g.dep_ == "pobj":
                            return g
    return None


def _topic_pp(verb: Token, limit: int) -> str:
    """A topic given by on/over/about/for/of after a verb or at the front of its clause."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("over", "about", "on", "for", "regarding"):
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME"):
                    return phrase(g, limit)  # "on Friday" is when, not what
    return ""


def _target(ctx: Context, obj: Token, strict: bool = False,
            claim: bool = False) -> tuple[str, str | None] | None:
    """A target: a person's name when the object names or points at one, else an issue phrase;
    None for objects that name nothing one could take a position on ("whom", "his support",
    "the battle"). `strict` (evaluations) keeps only names and issue nouns."""
    lower = obj.lower_
    if lower in ("him", "her", "them"):
        return (_referent(ctx, obj) or _previous_person(ctx, obj)) if lower != "them" else None
    if lower in ("former", "latter") and any(c.lower_ == "the" for c in obj.children):
        return former_or_latter(ctx, obj)
    whole = _partitive(obj) or _antecedent(obj)
    if whole is not None:
        return _target(ctx, whole, strict, claim)  # "several of Trump's comments", "the
        # overhaul, which Obama championed"
    if obj.pos_ in ("PRON", "DET") or obj.tag_ in ("WDT", "WP", "WP$") or any(
            c.tag_ in ("WDT", "WP$") for c in obj.children) or obj.ent_type_ in ("DATE", "TIME"):
        return None  # "what other techniques he would support" asks; "celebrate Labor Day"
    named = _named_in(ctx, obj)
    if named is not None:
        return named
    head = obj.lemma_.lower()
    owner = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if owner is not None:  # "his stance" is that person's; "his opponent" names no one
        whose = _pronoun_person(ctx, owner) if head in VIEW_NOUNS | ISSUE_NOUNS else None
        return (f"{whose[0]}'s {obj.text}", None) if whose else None
    if _referent(ctx, obj):
        return _referent(ctx, obj)  # "slammed the Texas senator": Ted Cruz
    if ctx.law and head in LAW_WORDS and another_law(obj):
        return None  # "opposed a bill in 2009": some other law, which it does not name
    if ctx.law and head in LAW_WORDS and all(c.dep_ in ("det", "punct") for c in obj.children):
        return ctx.law, None  # "this legislation" is the one law the article names
    described = _described_person(ctx, obj)
    if described:
        return described  # "lashed out at the GOP nominee": Donald Trump
    body = bare_body(ctx, obj)
    if body:
        return body  # "defending the organization": The Clinton Foundation, named before
    if head in ROLE_NOUNS or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    fuller = fuller_mention(ctx, obj)
    if fuller:
        return fuller, None  # "condemning the test": North Korea's nuclear test, named before
    if head in VIEW_NOUNS and all(c.dep_ in ("det", "relcl", "punct") for c in obj.children):
        return None  # "positions that younger women embrace": whose, it does not say
    text = phrase(obj, ctx.rules.max_target_words)
    if head in ORG_NOUNS or (claim and not strict):
        return text, None  # "the Saudi government"; what is denied is a claim
    act = next((c for c in obj.children if c.dep_ == "acl"), None)
    if head in INTENT_NOUNS and act is not None:  # "the timely decision to extend New START"
        dobj = next((c for c in act.children if c.dep_ == "dobj"), None)
        end = dobj.right_edge.i if dobj is not None else act.i
        return compact_words([t for t in obj.doc[obj.i: end + 1]]), None
    if head in ISSUE_NOUNS or _has_name(obj):
        return text, None
    if not strict and obj.tag_ in ("NNS", "NNPS") and any(
            c.dep_ in ("amod", "compound", "nmod") and c.lower_ not in VAGUE_MODIFIERS
            for c in obj.children):
        return text, None  # a group: "low-level workers", "debate moderators"
    if not strict and (_specified(obj) or _modified(obj)):
        return text, None  # "the party's lack of environmental awareness", "stem cell research"
    if not strict and _about(obj):
        return text, None  # "an increase to the federal minimum wage"
    return None


def former_or_latter(ctx: Context, tok: Token) -> tuple[str, str | None] | None:
    """Whom "the former" or "the latter" means: the first or the second of the last two named
    in its sentence or the one before ("in a race between Trump and Sen. Ted Cruz, he would
    support the former": Trump); None when fewer than two were named."""
    two = _last_two(ctx, tok, sentences=1)
    if len(two) != 2:
        return None
    return two[0] if tok.lower_ == "former" else two[1]


def bare_body(ctx: Context, noun: Token) -> tuple[str, str | None] | None:
    """The organisation a bare "the organization", "the foundation" or "the group" stands for:
    the one the article named in this sentence or the one before, when it named only one there
    ("The Clinton Foundation had “overwhelming disclosure” … She was defending the
    organization"), else None."""
    if noun.lemma_.lower() not in BODY_NOUNS or noun.tag_ != "NN" or not all(
            c.dep_ == "punct" or (c.dep_ == "det" and c.lower_ == "the") for c in noun.children):
        return None
    start = _sentences_back(noun, 1).start
    named = {ctx.names.resolve(e.text)[0] for e in ctx.doc.ents if e.label_ == "ORG"
             and start <= e.start and e.end <= noun.i and e.root.dep_ not in ("compound", "poss")
             and not person_tagged_org(ctx, e)}
    return (named.pop(), None) if len(named) == 1 else None


def narrated_body(ctx: Context, tok: Token) -> tuple[str, str | None] | None:
    """The organisation a bare "the group" or "the organization" acting in narration is (the one
    named in its sentence or the one before, `bare_body`: "Clinton is at odds with AIPAC on the
    pact, which the group tried to stop"); None inside what someone says ("argued that the group
    should not endorse Randolph" is the speaker's wish, not the group's act)."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or ctx.speaker_at(tok.idx) is not None:
        return None
    return bare_body(ctx, tok)


def person_tagged_org(ctx: Context, ent: Span) -> bool:
    """Whether an organisation the tagger found is a person's name the article gives in full
    ("Clinton's aggressive attack on Trump" with "Trump" tagged ORG, in an article naming Donald
    Trump): no organisation a bare "the group" could be."""
    full = ctx.names.resolve(ent.text)[0]
    return full != ent.text and _name_like(full) and bool(content_key(ent.text)) and (
        content_key(ent.text) < content_key(full))


def another_law(noun: Token) -> bool:
    """Whether a bare law word brings in a law not named before ("Sanders had opposed a bill
    early in 2009"), not the one the article names ("the bill", "this legislation")."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)


def _about(noun: Token) -> bool:
    """Whether a noun is said to be of, to, on or for a named or narrowed thing ("an increase to
    the federal minimum wage", "the ouster of Wasserman Schultz"), as "the influence of
    billionaires" is not."""
    return any(g.pos_ in ("NOUN", "PROPN") and (_named(g) or _modified(g) or _has_name(g)
                                                 or g.lemma_.lower() in ISSUE_NOUNS)
               for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "on", "for")
               for g in c.children if g.dep_ == "pobj")


def fuller_mention(ctx: Context, obj: Token) -> str:
    """What a bare "the test", "that speech" or "the plan" is, as the article named it last
    before: the same issue noun said whose or which it is ("North Korea's nuclear test",
    "Mr. Obama's speech on Saturday"), so that the stance reads and pairs on the one thing the
    article means; "" when the noun is not bare or nothing fuller came before, and for "the
    campaign" or "the administration", of which an article often names several."""
    if obj.lemma_.lower() not in ISSUE_NOUNS - ORG_NOUNS or not all(
            c.dep_ == "punct" or (c.dep_ == "det" and c.lower_ in BARE_DETS)
            for c in obj.children) or not any(c.dep_ == "det" for c in obj.children):
        return ""
    lemma = obj.lemma_.lower()
    for tok in reversed(ctx.doc[: obj.i]):
        if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
            continue
        agent = None if _has_name(tok) else _doer(tok)
        if agent is not None:
            owner = re.sub(r"[’']s?$", "", agent.text).strip()
            return f"{owner}'s {phrase(tok, ctx.rules.max_target_words)}"
        if _has_name(tok) or _modified(tok) or _specified(tok):
            return phrase(tok, ctx.rules.max_target_words)
    return ""


def _doer(noun: Token) -> Span | None:
    """The country or body said to have done what a noun names, so the act can be written as
    theirs: "the nuclear test that North Korea conducted", "the test announced by North Korea",
    "North Korea's claim to have conducted a test", "North Korea claims nuclear test" (a
    person's deed is left unnamed: it is not the person)."""
    found: list[Token] = []
    for c in noun.children:
        if c.dep_ == "relcl":
            found += [g for g in c.children if g.dep_ == "nsubj"]
        if c.dep_ == "acl":
            found += [x for g in c.children if g.dep_ == "agent"
                      for x in g.children if x.dep_ == "pobj"]
    if noun.dep_ == "dobj":
        verb = noun.head
        found += [g for g in verb.children if g.dep_ == "nsubj"]
        if verb.dep_ in ("acl", "xcomp") and verb.head.pos_ == "NOUN":  # "North Korea's claim
            found += [g for g in verb.head.children if g.dep_ == "poss"]  # to have conducted"
    for tok in found:
        ent = _entity_of(tok)
        if ent is not None and ent.label_ in ("GPE", "ORG", "NORP") and ent.root == tok:
            return ent
    return None


def few_of(tok: Token) -> bool:
    """Whether a quantity word picks one, a few or none from a group ("only one of the 168
    Republican National Committee members publicly supports Trump", "none of them backs …"):
    what they do is not the group's."""
    return tok.lower_ in ("one", "two", "few", "none")


def _partitive(tok: Token) -> Token | None:
    """The whole a quantity word picks from ("several of Trump's comments", "some of them")."""
    if tok.lower_ not in VAGUE_MODIFIERS | {"all", "each", "one", "two", "any", "none", "much"}:
        return None
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def _modified(noun: Token) -> bool:
    """Whether a noun is narrowed by a compound or a describing adjective ("stem cell research",
    "environmental regulations"), as "other things" or "the battle" is not."""
    return any((c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")) or (
        c.dep_ == "amod" and c.lower_ not in VAGUE_MODIFIERS) for c in noun.lefts)


def _specified(noun: Token) -> bool:
    """Whether a noun is said whose or which it is ("the party's lack of …", "the very need
    for moderators"), as a bare "the battle" or "attention" is not."""
    owner = any(c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in noun.children)
    qualified = any(c.dep_ == "amod" for c in noun.children) and any(
        c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "to") for c in noun.children)
    return owner or qualified


def _named_in(ctx: Context, obj: Token) -> tuple[str, str | None] | None:
    """The person or organisation an object names: itself, its appositive ("our speaker, Paul
    Ryan"), or the one behind a campaign, candidacy or re-election ("Trump's campaign")."""
    for c in obj.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            return _named_in(ctx, c)
    ent = _entity_of(obj)
    if ent is not None and ent.label_ in SPEAKER_ENTS and ent.root == obj:
        return _known(ctx, ent.text)
    if obj.pos_ == "PROPN" and obj.text[:1].isupper():
        first = next((t for t in obj.subtree if t.pos_ == "PROPN"), obj)
        return _known(ctx, compact_words(list(obj.doc[first.i: obj.i + 1])) or obj.text)
    if obj.lemma_.lower() in PROXY_NOUNS:
        for c in obj.children:
            if c.dep_ == "poss" and c.lower_ in ("his", "her"):
                return _previous_person(ctx, c)  # "I fully support his re-election"
            inner = c if c.dep_ == "poss" else next(
                (g for g in c.children if g.dep_ == "pobj"), None) if c.lower_ == "of" else None
            if inner is not None and inner.pos_ == "PROPN":
                return _named_in(ctx, inner)
    return None


def _known(ctx: Context, text: str) -> tuple[str, str | None]:
    """A name as the article's fullest form of it, when that form holds it."""
    full = ctx.names.resolve(text)
    return full if _contains(full[0], clean_name(text)) else (clean_name(text), None)


def _has_name(tok: Token) -> bool:
    """Whether a noun is modified by a name ("Mr. Obama's remarks", "the Clinton campaign")."""
    return any(c.dep_ in ("poss", "compound", "nmod") and _named(c) for c in tok.children)


def _named(tok: Token) -> bool:
    """Whether a token is a name: a proper noun, or a word the recogniser calls a person or an
    organisation ("Trump’s skepticism", with "Trump" tagged a common noun)."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG")


def _evidence(ctx: Context, tok: Token) -> Mention:
    """The sentence holding `tok`, as the evidence of a relation."""
    sent = tok.sent
    return Mention(sent.text, ((sent.start_char, sent.end_char),))


def _stance(ctx: Context, src: tuple[str, str | None], target: tuple[str, str | None] | None,
            polarity: str, topic: str, tok: Token, explicit: bool = True) -> Position | None:
    """A stance, unless it is someone's stance on themself or names no target."""
    if target is None or not content_key(target[0]) or clean_name(target[0]).lower() in DEITIES:
        return None  # "Thank God" is no stance on anyone
    if content_key(target[0]) <= content_key(src[0]) or own_target(src[0], target[0]) or (
            same_person(src[0], target[0])):
        return None  # no stance on oneself or one's own record
    return Position("stance", topic or target[0], _evidence(ctx, tok), source=src[0],
                    source_id=src[1], target=target[0], polarity=polarity, explicit=explicit)


def same_person(source: str, target: str) -> bool:
    """Whether a target is the source under a fuller form of the same name ("Dena Minning" and
    "Dena Minning Grayson"): two words or more of one name all in the other."""
    a, b = clean_name(source).lower().split(), clean_name(target).lower().split()
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 2 and all(w in long_ for w in short)


def own_target(source: str, target: str) -> bool:
    """Whether a target is the source's own ("Obama’s executive actions" for Barack Obama):
    owned by a name whose last word is the source's."""
    owner, name = _owner(target).split(), clean_name(source).split()
    return bool(owner and name) and owner[-1].lower() == name[-1].lower()


def stance_acts(ctx: Context) -> Iterator[Position]:
    """A stance verb whose subject is a speaker: "Ryan endorsed Trump", "attacked Trump over …";
    one stance per coordinated object; a refused endorsement is opposition."""
    for tok in ctx.tokens(ACT_LEMMAS):
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        polarity = STANCE_VERBS.get(tok.lemma_.lower())
        preps: tuple[str, ...] = ("against",) if polarity == "oppose" else ()
        for c in tok.children:  # "ripping into X": the phrasal verb's own preposition
            key = (tok.lemma_.lower(), c.lower_)
            if c.dep_ in ("prep", "prt") and key in PHRASAL_STANCES:
                polarity, preps = PHRASAL_STANCES[key], (c.lower_,)
                break
        asked_for = called_for(tok) if polarity is None else None
        if asked_for is not None:  # "called for the national minimum wage … to be raised",
            polarity = "oppose" if asked_for.lemma_.lower() in END_VERBS else "support"
            # "calling for Donald Trump to be banned from the country"
        if polarity is None and tok.lemma_.lower() in CALLING:
            yield from _called(ctx, tok)
            continue
        if polarity is None or hypothetical(tok) or (tok.lemma_.lower() == "credit" and any(
                c.dep_ == "prep" and c.lower_ == "to" for c in tok.children)):
            continue  # "credited Clinton's victory to a closed primary" says why, not who's good
        withheld = refused(tok)
        if withheld:
            if polarity == "oppose" or partly_denied(tok):
                continue
            polarity = "oppose"
        subj = subject_of(tok)
        obj = _object(tok, preps or ("at", "for", "against", "on")) or name_as_predicate(tok)
        if withheld and obj is not None and either_of(obj):
            continue  # "refrained from endorsing Clinton or Sanders": neutral, against neither
        clause = _clause_object(tok) if obj is None else None
        if clause is not None:
            obj = nearest_subject(clause) or next(
                (c for c in clause.children if c.dep_ == "nsubjpass"), None)
        if subj is None or obj is None or nested(ctx, tok, subj) or (
                clause is None and _interrogated(tok, obj)):
            continue
        obj = _antecedent(obj) or obj  # "the overhaul, which Obama championed"
        topic = _topic_pp(tok, ctx.rules.max_topic_words) or (
            compact_words(list(clause.subtree)[:12]) if clause is not None else
            _act_topic(tok, obj))
        claim = tok.lemma_.lower() in CLAIM_VERBS or preps in (("down",), ("off",)) or (
            clause is not None)
        for src in _holders(ctx, subj):
            if src is None:
                continue
            for each in (obj, *obj.conjuncts):
                if tok.lemma_.lower() == "sign" and each.lemma_.lower() not in LAW_WORDS:
                    continue  # signing a law backs it; signing a letter or a deal need not
                target = _someone_else(ctx, each, src, _target(ctx, each, claim=claim))
                found = _stance(ctx, src, target, polarity, topic, tok) if target else None
                if found:
                    yield found


def either_of(obj: Token) -> bool:
    """Whether an object offers alternatives ("Clinton or Sanders", "neither Cruz nor Trump"):
    backing none of them is staying neutral between them, no opposition to either."""
    return bool(obj.conjuncts) and any(
        c.dep_ in ("cc", "preconj") and c.lower_ in ("or", "nor", "either", "neither")
        for c in (*obj.children, *(g for j in obj.conjuncts for g in j.children)))


def passive_acts(ctx: Context) -> Iterator[Position]:
    """A stance verb in the passive whose doer "by" names: "Trump was criticized by Paul Ryan"
    (Ryan opposes Trump), "Nader is still excoriated by Democrats for tipping the election",
    "Cruz, endorsed by Gov. Mike Pence, …" (Pence backs Cruz); not denied or only supposed."""
    for tok in ctx.tokens(STANCE_VERBS):
        if tok.tag_ != "VBN" or hypothetical(tok) or refused(tok) or any(
                c.dep_ == "neg" for c in tok.children):
            continue
        agent = next((g for c in tok.children if c.dep_ == "agent"
                      for g in c.children if g.dep_ == "pobj"), None)
        done = _passive_holder(tok) or (tok.head if tok.dep_ == "acl" else None)
        if agent is None or done is None or nested(ctx, tok, agent) or any(
                t.lower_ in VAGUE_MODIFIERS | {"fewer"} for t in agent.subtree):
            continue  # "supported by far fewer publications" names no one
        if tok.lemma_.lower() == "sign" and done.lemma_.lower() not in LAW_WORDS:
            continue  # a signed law is backed; a signed letter or statement need not be
        done = _antecedent(done) or done  # "Nader, who is excoriated by Democrats"
        topic = _topic_pp(tok, ctx.rules.max_topic_words)  # else the target names it
        for src in _holders(ctx, agent):
            for each in (done, *done.conjuncts) if src is not None else ():
                target = _someone_else(ctx, each, src, _target(ctx, each))
                found = _stance(ctx, src, target, STANCE_VERBS[tok.lemma_.lower()], topic,
                                tok) if target else None
                if found:
                    yield found


def credited_stances(ctx: Context) -> Iterator[Position]:
    """A stance act someone is thanked, praised or blamed for ("ridiculed Ann Lee, Bo Park and
    Cy Ng for criticizing the harbour plan", "thanked Trump for backing the bill"): the act is
    reported as fact, so each one credited with it holds that stance (the guidelines' exception
    to nested positions); a deed not done ("for not supporting Cruz") is none."""
    for prep in ctx.tokens(words=("for",)):
        if prep.lower_ != "for":
            continue
        tok = next((c for c in prep.children if c.dep_ == "pcomp"), None)
        polarity = STANCE_VERBS.get(tok.lemma_.lower()) if tok is not None else None
        if tok is None or polarity is None or refused(tok) or any(
                c.lower_ in NEGATIONS for c in tok.children):
            continue
        credited = _credited(prep)
        obj = _object(tok)
        if credited is None or obj is None or hypothetical(credited.head):
            continue
        topic = _act_topic(tok, obj)
        for each in (credited, *(t for t in credited.subtree if t.i < prep.i and t.dep_ in (
                "conj", "appos") and t.pos_ == "PROPN")):
            src = None if nested(ctx, credited.head, each) else who(ctx, each)
            target = _target(ctx, obj) if src else None
            found = _stance(ctx, src, target, polarity, topic, tok) if src and target else None
            if found:
                yield found


def _credited(prep: Token) -> Token | None:
    """The object of the verb a "for" doing something hangs on ("thanked Trump for …"), also
    when the parser hung the "for" on the last of the object's names ("ridicule Donald Trump,
    Ben Carson, and Carly Fiorina for …")."""
    node = prep.head
    if node.pos_ == "VERB":
        return next((c for c in node.children if c.dep_ == "dobj" and c.pos_ == "PROPN"), None)
    while node.dep_ in ("conj", "appos") and node.head is not node:
        node = node.head
    return node if node.dep_ == "dobj" and node.pos_ == "PROPN" and (
        node.head.pos_ == "VERB") else None


def _clause_object(verb: Token) -> Token | None:
    """The clause a stance verb takes instead of an object: what one calls for ("called for
    compensation to be clawed back"), whom one questions ("questioned how Cruz could turn back on
    a pledge", "challenged whether …")."""
    lemma = verb.lemma_.lower()
    asked_for = called_for(verb)
    if asked_for is not None:
        return asked_for
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "xcomp") or clause.pos_ not in ("VERB", "AUX"):
            continue
        if lemma in ("question", "challenge", "doubt") and any(
                c.tag_ == "WRB" or c.lower_ == "whether" for c in clause.children):
            return clause
        if lemma == "call" and any(c.dep_ == "prep" and c.lower_ == "for" and not any(
                g.dep_ == "pobj" for g in c.children) for c in verb.children):
            return clause
    return None


def called_for(verb: Token) -> Token | None:
    """The clause a "called for" asks for when the parser took its "for" for a clause marker
    ("Sanders has called for the national minimum wage, now $7.25 an hour, to be raised to $15":
    "raised" hangs on "called", marked by "for"); None otherwise, and for an active clause,
    whose subject is who should act ("called for the United States and allies to organize
    ground forces"), not what is called for, or when what is to be done to it neither makes nor
    ends it ("called for the Islamic State's strongholds to be hit")."""
    if verb.lemma_.lower() != "call" or verb.pos_ != "VERB":
        return None
    return next((c for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.pos_ == "VERB"
                 and any(m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1
                         for m in c.children)
                 and any(m.dep_ == "auxpass" for m in c.children)
                 and c.lemma_.lower() in MAKE_VERBS | END_VERBS), None)


def _someone_else(ctx: Context, obj: Token, src: tuple[str, str | None],
                  target: tuple[str, str | None] | None) -> tuple[str, str | None] | None:
    """The target of a stance act whose object is "him", "her" or a description ("Carson …,
    slamming the Texas senator"): not the one acting (they would be "himself"), so when the
    resolver read it as them, the last person named before it other than them."""
    if target is None or not content_key(target[0]) <= content_key(src[0]):
        return target
    if obj.lower_ not in ("him", "her") and not (obj.pos_ == "NOUN" and obj.i in ctx.referents):
        return target
    return _previous_person(ctx, obj, exclude=content_key(src[0]))


def _holders(ctx: Context, subj: Token) -> list[tuple[str, str | None] | None]:
    """Who a stance act's subject stands for: each member of a coordinated subject, each member
    of a joint source the subject is ("Sens. Mike Crapo and Jim Risch … they endorsed"), else
    the one speaker."""
    if subj.conjuncts:
        return list(members(ctx, subj))
    partner = folded_partner(subj)
    if partner is not None:
        return [who(ctx, partner), who(ctx, subj)]
    att = ctx.source_at(subj.idx) if subj.lower_ == "they" else None
    joint = sources(ctx, att) if att is not None else []
    return list(joint) if len(joint) > 1 else [who(ctx, subj)]


def folded_partner(subj: Token) -> Token | None:
    """The first of two people a subject names when the parser folded them into one name
    ("Scarborough and co-host Mika Brzezinski have struck down …", parsed as "Brzezinski" with
    "Scarborough and co-host" in front of it): the person before the "and", else None (not a
    name that holds an "and" itself, "the Science and Technology Directorate")."""
    if subj.pos_ != "PROPN" or subj.conjuncts:
        return None
    own = entity_around(subj) if subj.ent_iob_ in ("B", "I") else None
    return next((c for c in subj.lefts if c.dep_ in ("nmod", "compound") and c.pos_ == "PROPN"
                 and c.ent_type_ == "PERSON" and (own is None or not own.start <= c.i < own.end)
                 and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)), None)


def name_as_predicate(verb: Token) -> Token | None:
    """A name the parser took for what a stance verb makes its object into ("willing to back
    Trump", with "Trump" an object predicate): backing, endorsing or attacking a person takes
    the person as object."""
    if verb.lemma_.lower() not in STANCE_VERBS or any(c.dep_ in ("dobj", "obj")
                                                        for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"
                 and c.ent_type_ in ("PERSON", "ORG")), None)


def _interrogated(verb: Token, obj: Token) -> bool:
    """"Question" said of people means interrogate ("question several of those protected
    individuals"), not challenge ("questioned Cruz's eligibility")."""
    from saidwhat.engine.speakers.mentions import is_person_noun

    if verb.lemma_.lower() != "question":
        return False
    whole = _partitive(obj) or obj
    return whole.pos_ == "PRON" or whole.ent_type_ == "PERSON" or is_person_noun(
        whole.lemma_.lower()) or whole.lemma_.lower() in ("individual", "witness", "aide")


def nested(ctx: Context, tok: Token, subj: Token) -> bool:
    """Whether a stance act is one a quoted speaker only reports of a third person ("Joe
    Scarborough initially endorsed Jeb Bush," Trump tweeted): the guidelines give nested
    positions to no one but the quoted speaker."""
    inside = ctx.speaker_at(tok.idx)
    if inside is None or inside.kind == "indirect" or subj.pos_ == "PRON":
        return False
    if not any(s <= subj.idx < e for s, e in inside.content.spans):
        return False
    ent = _entity_of(subj)
    named = ctx.names.resolve(ent.text if ent is not None else subj.text)[0]
    return not any(_contains(named, clean_name(n)) or _contains(n, clean_name(named))
                   for n, _ in sources(ctx, inside))


def _act_topic(verb: Token, obj: Token, limit: int = 12) -> str:
    """What a stance act is about, as the article words it: the verb and its whole object
    ("veto legislation that would allow 9/11 families to sue Saudi Arabia")."""
    own = {t.i for t in verb.subtree} if obj.left_edge.i <= verb.i <= obj.right_edge.i else set()
    words = [t for t in obj.subtree if (t.dep_ != "punct" or t.i < obj.i) and t.i not in own]
    words = words[:limit]  # without the relative clause the verb is in ("…, which X backed")
    between = [t for t in verb.doc[verb.i + 1: obj.left_edge.i] if t.dep_ in ("prt", "prep")
               and t.head.i in (verb.i, obj.head.i)]  # "came out against", "ripping into"
    return " ".join([verb.text, *(t.text for t in between), compact_words(words)]).strip()


def compact_words(words: list[Token]) -> str:
    """Consecutive tokens as the article writes them, without surrounding punctuation."""
    if not words:
        return ""
    doc = words[0].doc
    text = doc[words[0].i: words[-1].i + 1].text
    return " ".join(text.split()).strip(" ,.;:“”\"'")


def stance_nouns(ctx: Context) -> Iterator[Position]:
    """A stance said with a noun: "Trump's opposition to trade liberalization", "Cruz received
    the endorsement of Mike Pence", "Pence has thrown his support behind Ryan"."""
    for tok in ctx.tokens([*STANCE_NOUNS, *AIMED_NOUNS]):
        lemma = tok.lemma_.lower()
        polarity = STANCE_NOUNS.get(lemma) or ("oppose" if lemma in AIMED_NOUNS else None)
        if polarity is None or tok.pos_ != "NOUN" or refused(tok.head) or (
                _sought(tok)):
            continue
        agent = next((c for c in tok.children if c.dep_ == "poss"), None) or voiced_by(
            tok) or done_by(tok)
        target = _noun_target(tok, agent is not None, AIMED_NOUNS.get(lemma))
        if lemma in AIMED_NOUNS and (target is None or agent is None or _military(agent)):
            continue
        verb = tok.head if tok.dep_ == "dobj" else None
        topic = ""
        if agent is None and verb is not None and verb.lemma_.lower() in RECEIVE_VERBS:
            agent = _of_object(tok)  # "received the endorsement of Gov. Mike Pence"
            target = subject_of(verb)
            topic = tok.text
        if verb is not None and verb.lemma_.lower() == "withhold":  # "withheld support from X"
            polarity, agent = "oppose", subject_of(verb)
            target = next((g for c in (*verb.children, *tok.children) if c.dep_ == "prep"
                           and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"), None)
        if verb is not None and polarity == "support" and verb.lemma_.lower() in WITHDRAWALS:
            polarity = "oppose"  # "rescinded his endorsement of Trump" unendorses him
        if target is None and verb is not None:
            target = next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in (
                "behind", "to", "for") for g in c.children if g.dep_ == "pobj"), None)
        src = who(ctx, agent) if agent is not None else None
        governing = _governing_verb(tok) or verb
        if src is None or target is None or (governing is not None and hypothetical(governing)):
            continue
        for each in (target, *target.conjuncts):
            aim = _target(ctx, each, claim=True)
            found = _stance(ctx, src, aim, polarity, topic or _act_topic(tok, each), tok)
            if found:
                yield found


def stances_from(ctx: Context) -> Iterator[Position]:
    """A stance noun whose holder comes after "from": "defending the Trust against recent attacks
    from Senator Tom Hale", "came under fire from Rita Moss", "the plan drew sharp criticism
    from Bill Grant", "won praise from Putin". The target is what the noun is of, on or
    against, else the one who drew it (the subject of "faced", "drew", "came under"), else what
    is defended against it."""
    for tok in ctx.tokens(FROM_NOUNS):
        polarity = FROM_NOUNS.get(tok.lower_) or FROM_NOUNS.get(tok.lemma_.lower())
        if polarity is None or tok.pos_ != "NOUN" or (tok.lower_ == "fire" and not (
                tok.dep_ == "pobj" and tok.head.lower_ == "under")):
            continue
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("under", "against") \
            else tok.head if tok.dep_ == "dobj" else None
        doer = _from_doer(tok) or (_from_doer(verb) if verb is not None else None)
        if doer is None or (verb is not None and (hypothetical(verb) or refused(verb))):
            continue
        target = _noun_target(tok, True, ("of", "on", "against", "to"))
        if target is None and verb is not None and (
                verb.lemma_.lower() in DRAW_VERBS and tok.head.lower_ != "against"):
            target = subject_of(verb)  # "The plan drew criticism from …"
        if target is None and verb is not None and tok.head.lower_ == "against":
            target = _object(verb)  # "defending the Trust against attacks from …"
        src = who(ctx, doer)
        if src is None or target is None:
            continue
        for each in (target, *target.conjuncts):
            found = _stance(ctx, src, _target(ctx, each, claim=True), polarity,
                            _act_topic(tok, each), tok)
            if found:
                yield found


def too_little(ctx: Context) -> Iterator[Position]:
    """A speaker saying someone does too little opposes them: "“Twitter is not doing enough,”
    Ms. Katz said", "Trump tweeted that Obama had too little to say about defeating the
    Islamic State", "said Grant has done nothing to fix the roads"; not "we are not doing
    enough" (the speaker's own side) nor "the city has done enough"."""
    for tok in ctx.tokens(("enough", "little", "nothing")):
        verb = tok.head
        if tok.dep_ not in ("dobj", "advmod") or not scant(tok) or hypothetical(verb) or (
                asked_or_supposed(verb)):
            continue
        held = ctx.speaker_at(tok.idx)
        if held is None:
            continue
        subj = nearest_subject(verb)
        src = _single(ctx, held)
        if subj is None or src is None or subj.lower_ in PRONOUNS:
            continue
        found = _stance(ctx, src, _target(ctx, subj, strict=True), "oppose",
                        compact_words(list(verb.subtree)[:12]), verb, explicit=False)
        if found:
            yield replace(found, evidence=held.content)


def scant(tok: Token) -> bool:
    """Whether a word says an act falls short: "not doing enough", "too little to say", "done
    nothing to fix"."""
    verb, word = tok.head, tok.lower_
    if word == "enough":
        return verb.lemma_.lower() == "do" and any(c.dep_ == "neg" for c in verb.children)
    if word == "little":
        return verb.lemma_.lower() in ("do", "have", "say", "offer") and any(
            c.lower_ == "too" for c in tok.children)
    return verb.lemma_.lower() == "do" and tok.dep_ == "dobj"


def _from_doer(node: Token) -> Token | None:
    """The person or organisation after a word's own "from" ("criticism from Bill Grant")."""
    return next((g for c in node.children if c.dep_ == "prep" and c.lower_ == "from"
                 for g in c.children if g.dep_ == "pobj" and g.ent_type_ in ("PERSON", "ORG")),
                None)


def _sought(noun: Token) -> bool:
    """Whether support is only sought ("battle for the support of white voters", "courting
    their support"): no one is said to give it."""
    verb = _governing_verb(noun) or (noun.head if noun.dep_ == "dobj" else None)
    return verb is not None and verb.lemma_.lower() in SEEK_VERBS or (
        noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.pos_ == "NOUN")


def rhetorical_questions(ctx: Context) -> Iterator[Position]:
    """A quoted "do you really think that billionaires need a massive tax break?": the speaker
    opposes what the one asked is said to believe in (an inferred stance)."""
    for tok in ctx.tokens(("think", "believe", "expect", "want")):
        if tok.lemma_.lower() not in ("think", "believe", "expect", "want") or not any(
                c.dep_ == "advmod" and c.lower_ in ("really", "seriously", "honestly")
                for c in tok.children):
            continue
        you = next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ == "you"), None)
        clause = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp")), None)
        inside = ctx.speaker_at(tok.idx) or _cue_in_sentence(ctx, tok)
        if you is None or clause is None or inside is None or inside.kind == "indirect":
            continue
        if not tok.sent.text.rstrip(" ”\"'’").endswith("?"):
            continue
        src = _single(ctx, inside)
        obj = next((c for c in clause.children if c.dep_ in ("dobj", "attr")), None)
        if src is None or obj is None:
            continue
        found = _stance(ctx, src, _target(ctx, obj), "oppose",
                        compact_words(list(clause.subtree)), tok, explicit=False)
        if found:
            yield found


def _cue_in_sentence(ctx: Context, tok: Token) -> Attribution | None:
    """The attribution whose cue is in a token's sentence, for quoted words the attribution
    step left without one ("Sanders said, suggesting a few questions, including, “Mr. Trump,
    do you really think …?”")."""
    sent = tok.sent
    return next((a for a in ctx.attributions if a.cue and a.kind != "indirect"
                 and sent.start_char <= a.cue.start < sent.end_char), None)


def epithets(ctx: Context) -> Iterator[Position]:
    """A quoted speaker's insulting epithet for someone ("a Crooked Hillary win", "Lyin' Ted"):
    the speaker opposes the one so named."""
    for tok in ctx.tokens(deps=("compound", "amod")):
        if tok.pos_ not in ("PROPN", "ADJ") or tok.dep_ not in ("compound", "amod"):
            continue
        name = tok.head
        if name.ent_type_ != "PERSON" or token_valence(tok) > -ctx.rules.min_valence:
            continue
        inside = ctx.speaker_at(tok.idx)
        src = _single(ctx, inside) if inside is not None and inside.kind != "indirect" else None
        if src is None:
            continue
        target = _known(ctx, name.text)
        found = _stance(ctx, src, target, "oppose", f"{tok.text} {name.text}", tok)
        if found:
            yield found


def charges(ctx: Context) -> Iterator[Position]:
    """A speaker charging someone in a clause: "The Clinton campaign alleged that the Russian
    government was behind the release", "Rubio complained that the media has been rewarding
    Trump": the clause's named subject is opposed."""
    for tok in ctx.tokens(CHARGE_VERBS):
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in CHARGE_VERBS:
            continue
        clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        subj = subject_of(tok)
        if clause is None or subj is None or refused(tok) or hypothetical(tok):
            continue
        charged = nearest_subject(clause) or next(
            (c for c in clause.children if c.dep_ == "nsubjpass"), None)
        if charged is None or charged.pos_ == "PRON" or nested(ctx, tok, subj):
            continue
        for src in members(ctx, subj) if subj.conjuncts else [who(ctx, subj)]:
            if src is None:
                continue
            found = _stance(ctx, src, _target(ctx, charged, strict=True), "oppose",
                            compact_words(list(clause.subtree))[:120], tok)
            if found:
                yield found


def faulted_deeds(ctx: Context) -> Iterator[Position]:
    """The deed one is criticised or praised for, when it is itself a stance: "ridiculed Trump
    and Carson for criticizing Obama's decision" reports, as a fact, that Trump and Carson
    oppose the decision; when the deed is seeking or pushing something, the critic opposes
    that ("criticized fellow Democrats for seeking a higher tax rate"; praising backs it)."""
    for tok in ctx.tokens(deps=("pcomp",)):
        if tok.pos_ != "VERB" or tok.dep_ != "pcomp" or any(c.dep_ == "neg" for c in tok.children):
            continue
        faulted = _faulted(tok)
        judged = STANCE_VERBS.get(tok.head.head.lemma_.lower()) if faulted is not None else None
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if faulted is None or judged is None or obj is None or hypothetical(tok.head.head):
            continue
        inner = STANCE_VERBS.get(tok.lemma_.lower())
        if inner is not None:
            holders = [who(ctx, each) for each in (faulted, *faulted.conjuncts)]
        elif tok.lemma_.lower() in DEED_SEEKING:
            critic = subject_of(tok.head.head)
            holders, inner = [who(ctx, critic) if critic is not None else None], judged
        else:
            continue
        for src in holders:
            found = _stance(ctx, src, _target(ctx, obj), inner, _act_topic(tok, obj), tok,
                            explicit=False) if src is not None else None
            if found:
                yield found


def advocacy(ctx: Context) -> Iterator[Position]:
    """A speaker calling for an end to something opposes it, for making it happen backs it:
    "the need to scrap the nuclear agreement", "we're going to build the wall", "promising to
    lift environmental regulations" (in the speaker's own words, or as their act)."""
    for tok in ctx.tokens(END_VERBS | MAKE_VERBS):
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or lemma not in END_VERBS | MAKE_VERBS:
            continue
        if refused(tok) or hypothetical(tok) or asked_or_supposed(tok) or not (
                _advocated(tok) or effort_to_end(ctx, tok)):
            continue
        obj = _ridded(tok) or next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        src = _advocate(ctx, tok)
        if src is None:
            continue
        polarity = "oppose" if lemma in END_VERBS else "support"
        for each in (obj, *obj.conjuncts):
            target = _target(ctx, each) or (
                (phrase(each, ctx.rules.max_target_words), None) if lemma == "rid" else None)
            found = _stance(ctx, src, target, polarity,
                            _act_topic(tok, _antecedent(each) or each), tok, explicit=False)
            if found:
                yield found


def _ridded(verb: Token) -> Token | None:
    """What one would rid a place of ("rid the world of this barbarous organization": the
    organization, not the world)."""
    if verb.lemma_.lower() != "rid":
        return None
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "of" may hang on either
    return next((g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def effort_to_end(ctx: Context, verb: Token) -> bool:
    """Whether an act is one someone is told in narration to have tried or sought to stop ("the
    pact, which the group tried to stop", "sought to block the merger"): working to stop or undo
    a thing opposes it, done or not; only verbs of defeating a thing ("tried to lift spirits"
    judges nothing), not stopping someone from an act ("try to stop the party from nominating
    …" opposes the act, not the party), and not inside what someone says, where a call or a
    promise is the speaker's (`_advocated`)."""
    return verb.lemma_.lower() in EFFORT_ENDS and verb.dep_ == "xcomp" and (
        verb.head.lemma_.lower() in EFFORT_VERBS) and not any(
        c.dep_ == "prep" and c.lower_ == "from" for c in verb.children) and (
        ctx.speaker_at(verb.idx) is None)


def _advocated(verb: Token) -> bool:
    """Whether an act is called for or promised, not reported as done: under "need to",
    "should", "called for", "vowed to", "going to"."""
    if any(c.dep_ == "aux" and c.lower_ in ("should", "must", "will", "'ll") for c in
           verb.children):
        return True
    node = verb
    for _ in range(3):
        head = node.head
        if head is node:
            return False
        if node.dep_ in ("xcomp", "acl", "ccomp", "advcl", "pcomp", "pobj", "prep") and (
                head.lemma_.lower() in ADVOCACY | INTENT_NOUNS):
            return True
        node = head
    return False


def _advocate(ctx: Context, verb: Token) -> tuple[str, str | None] | None:
    """Who calls for an act: the one whose bid or effort it is ("his bid to stop Trump"), else
    the speaker whose words hold it, else the subject of the call."""
    effort = verb.head if verb.dep_ == "acl" and verb.head.lemma_.lower() in INTENT_NOUNS else None
    owner = next((c for c in effort.children if c.dep_ == "poss"), None) if effort else None
    if owner is not None:
        return who(ctx, owner)
    if effort is not None and effort.dep_ == "nsubj" and effort.head.lemma_.lower() in (
            "include", "involve"):  # "The attempt to stop the bill has included members of …"
        part = next((c for c in effort.head.children if c.dep_ == "dobj"), None)
        return who(ctx, part) if part is not None else None
    inside = ctx.speaker_at(verb.idx)
    if inside is not None:
        return None if wanted_by_another(ctx, verb, inside) else _single(ctx, inside)
    subj = subject_of(verb)
    return who(ctx, subj) if subj is not None else None


def wanted_by_another(ctx: Context, verb: Token, a: Attribution) -> bool:
    """Whether an act called for is the wish of a third person a speaker names ("the campaign's
    claim that Sanders wanted to dismantle the Affordable Care Act": Sanders's wish as the
    campaign tells it, no position of the campaign's); "Congress should pass it" stays the
    speaker's call."""
    node = verb
    for _ in range(3):
        head = node.head
        if head is node or not any(s <= head.idx < e for s, e in a.content.spans):
            return False
        if head.lemma_.lower() in WISH_VERBS and node.dep_ == "xcomp":
            subj = max((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i and any(
                s <= c.idx < e for s, e in a.content.spans)), key=lambda c: c.i, default=None)
            if subj is None or not _named(subj):
                return False
            named = who(ctx, subj)
            return named is not None and not any(
                _contains(named[0], clean_name(n)) or _contains(n, clean_name(named[0]))
                for n, _ in sources(ctx, a))
        node = head
    return False


def reactions(ctx: Context) -> Iterator[Position]:
    """A speaker's reaction to someone or something: "was furious with Trump", "I am honored by
    the endorsement of Senator Cruz" (support Cruz), "have expressed misgivings about Mrs.
    Clinton"; the polarity is the reaction word's valence (an inferred stance)."""
    for tok in ctx.tokens(REACTION_NOUNS, deps=("acomp", "ROOT", "ccomp", "conj")):
        lemma = tok.lemma_.lower()
        owner = None
        if tok.pos_ == "NOUN" and lemma in REACTION_NOUNS:
            valence = REACTION_NOUNS[lemma]
            verb = _governing_verb(tok) or (tok.head if tok.dep_ == "dobj" else None)
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)  # "his dislike"
        elif (tok.pos_ == "ADJ" or tok.tag_ == "VBN") and tok.dep_ in (
                "acomp", "ROOT", "ccomp", "conj") and not (
                tok.tag_ == "VBN" and lemma in STANCE_VERBS):  # "furious with", "honored by";
            # "criticized by Ryan" is Ryan's act (`passive_acts`), no reaction of the criticized
            valence = side_adjective(tok) or token_valence(tok, ctx.rules.booster)
            verb = tok if tok.pos_ == "VERB" else tok.head
        else:
            continue
        if abs(valence) < ctx.rules.min_valence or verb is None or hypothetical(verb):
            continue
        preps = REACTION_PREPS | ({"for"} if tok.pos_ == "NOUN" else set())  # "distaste for X"
        obj = next((g for c in tok.children if c.dep_ in ("prep", "agent")
                    and c.lower_ in preps for g in c.children if g.dep_ == "pobj"), None)
        subj = _passive_holder(verb) or subject_of(verb)
        if owner is not None and not (owner.pos_ == "PRON" and subj is not None
                                      and owner.i < subj.i):
            subj = owner  # "his dislike for X"; "Despite his dislike …, Cruz" is Cruz's
        src = who(ctx, subj) if subj is not None and not nested(ctx, tok, subj) else None
        if obj is None or src is None or asked_or_supposed(tok):
            continue
        polarity = "support" if valence > 0 else "oppose"
        for each in (obj, *obj.conjuncts):
            found = _stance(ctx, src, _target(ctx, each, strict=True), polarity,
                            f"{tok.text} " + compact_words(list(each.subtree)), tok,
                            explicit=False)
            if found:
                yield found


def side_adjective(tok: Token) -> float:
    """The valence of an adjective that takes a side with its "of" ("critical of Trump",
    "supportive of the plan"), negated when the adjective is; 0 for any other word."""
    v = OF_ADJECTIVES.get(tok.lower_, 0.0)
    if not v or not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return 0.0
    negated = any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in (*tok.children,
                                                                       *tok.head.children))
    return -v if negated else v


def ousters(ctx: Context) -> Iterator[Position]:
    """Seeking or calling for someone's removal opposes them: "Sanders now seeks the ouster of
    the party chair", "called for the resignation of the CEO", "demanded his impeachment"."""
    for tok in ctx.tokens(OUSTER_NOUNS):
        if tok.lemma_.lower() not in OUSTER_NOUNS or tok.pos_ != "NOUN":
            continue
        verb = _governing_verb(tok)
        if verb is None or verb.lemma_.lower() not in OUSTER_VERBS or hypothetical(verb) or (
                refused(verb)):
            continue
        whom = _of_object(tok) or next((c for c in tok.children if c.dep_ == "poss"), None)
        subj = subject_of(verb)
        src = who(ctx, subj) if subj is not None and not nested(ctx, verb, subj) else None
        if whom is None or src is None or quoted_of_another(ctx, verb, src):
            continue
        for each in (whom, *whom.conjuncts):
            aim = _target(ctx, each) if each.pos_ != "PRON" else _pronoun_person(ctx, each)
            found = _stance(ctx, src, aim, "oppose", compact_words(list(tok.subtree)), tok)
            if found:
                yield found


def quoted_of_another(ctx: Context, tok: Token, src: tuple[str, str | None]) -> bool:
    """Whether a word sits in a direct quote of someone other than `src` ("Trump has made it
    clear he will seek the prosecution of …," Stone said: Stone's account of Trump, a nested
    position the guidelines leave out)."""
    inside = ctx.speaker_at(tok.idx)
    if inside is None:
        return in_quote(tok)  # a quote no one was found to say: whose account, unknown
    if inside.kind != "direct":
        return False
    return not any(_contains(n, clean_name(src[0])) or _contains(src[0], clean_name(n))
                   for n, _ in sources(ctx, inside))


def in_quote(tok: Token) -> bool:
    """Whether a word sits inside a quotation of its paragraph, closed or not (the quotations
    `quotes.find_quotes` pairs, read for that one paragraph only)."""
    text = doc_text(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    spans = [(start, end if end >= 0 else len(text))]
    return any(q.inner_start <= tok.idx < q.inner_end for q in find_quotes(text, spans=spans))


def sides_taken(ctx: Context) -> Iterator[Position]:
    """Someone described as another's supporter or critic ("Graham, a former presidential
    candidate and a Cruz supporter", "Sen. Ben Sasse, a Trump critic", "X is an ally of Y")."""
    for tok in ctx.tokens(SIDE_NOUNS):
        polarity = SIDE_NOUNS.get(tok.lemma_.lower())
        if polarity is None or tok.pos_ != "NOUN" or tok.tag_ != "NN":
            continue
        whom = next((c for c in tok.children if c.dep_ in ("compound", "poss") and _named(c)),
                    None) or _of_object(tok)
        holder = _described(tok)
        if whom is None or holder is None or any(
                c.dep_ in ("neg", "amod") and c.lower_ in ("former", "ex", "not", "no")
                for c in tok.children):
            continue
        src = who(ctx, holder)  # the one backed is named, or an issue ("a supporter of gay
        # marriage", "a proponent of gun control")
        found = _stance(ctx, src, _target(ctx, whom), polarity,
                        compact_words(list(tok.subtree)), tok) if src else None
        if found:
            yield found


def _described(noun: Token) -> Token | None:
    """The one a describing noun is said of: the name it stands in apposition to (also as the
    second of two coordinated descriptions), or the subject of "is"."""
    node = noun
    if node.dep_ == "conj":
        node = node.head
    if node.dep_ == "appos" and node.head.pos_ == "PROPN":
        return node.head
    if node.dep_ == "attr" and node.head.lemma_ == "be":
        subj = nearest_subject(node.head)
        return subj if subj is not None and subj.pos_ == "PROPN" else None
    return None


def esteem(ctx: Context) -> Iterator[Position]:
    """"I hold in the highest esteem Sen. John McCain", "holds them in contempt": holding
    someone in esteem or regard backs them, in contempt or disdain opposes them."""
    for tok in ctx.tokens(HELD_IN):
        if tok.lemma_.lower() not in HELD_IN or tok.dep_ != "pobj" or tok.head.lower_ != "in":
            continue
        verb = tok.head.head
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        subj = subject_of(verb) if verb.lemma_.lower() == "hold" else None
        if obj is None or subj is None or refused(verb) or hypothetical(verb) or nested(
                ctx, verb, subj):
            continue
        src = who(ctx, subj)
        found = _stance(ctx, src, _target(ctx, obj), HELD_IN[tok.lemma_.lower()],
                        compact_words(list(verb.subtree)[:12]), tok) if src else None
        if found:
            yield found


def problems_with(ctx: Context) -> Iterator[Position]:
    """"We had a big issue with the trade part of Clinton's history", "has a problem with
    Trump": having a problem, issue or beef with something opposes it (inferred)."""
    for tok in ctx.tokens(TROUBLE_NOUNS):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in TROUBLE_NOUNS or tok.dep_ != "dobj":
            continue
        verb = tok.head
        if verb.lemma_.lower() != "have" or refused(verb) or hypothetical(verb) or any(
                c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            continue
        obj = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children if g.dep_ == "pobj"), None)
        subj = subject_of(verb)
        src = who(ctx, subj) if subj is not None and not nested(ctx, tok, subj) else None
        if obj is None or src is None or asked_or_supposed(tok):
            continue
        for each in (obj, *obj.conjuncts):
            found = _stance(ctx, src, _target(ctx, each), "oppose",
                            f"{tok.text} with " + compact_words(list(each.subtree)), tok,
                            explicit=False)
            if found:
                yield found


def nods(ctx: Context) -> Iterator[Position]:
    """"Two holdout unions, the United Steelworkers and the IBEW, gave Clinton the nod", "gave
    her blessing to the plan": giving someone or something the nod, one's blessing or backing
    supports them."""
    for tok in ctx.tokens(("give",)):
        if tok.lemma_.lower() != "give" or tok.pos_ != "VERB" or refused(tok) or hypothetical(tok):
            continue
        thing = next((c for c in tok.children if c.dep_ == "dobj"
                      and c.lemma_.lower() in GIVEN_BACKING), None)
        whom = next((c if c.pos_ != "ADP" else next((g for g in c.children if g.dep_ == "pobj"),
                                                    None)
                     for c in tok.children if c.dep_ == "dative"), None)
        subj = subject_of(tok)
        if thing is None or whom is None or subj is None or nested(ctx, tok, subj):
            continue
        named = [c for c in subj.conjuncts if c.pos_ == "PROPN"]
        holders = [who(ctx, c) for c in named] if subj.pos_ == "NOUN" and named else _holders(
            ctx, subj)
        end = max(whom.right_edge.i, thing.right_edge.i)
        topic = compact_words(list(ctx.doc[tok.i: end + 1]))  # "gave her blessing to the plan"
        for src in holders:
            found = _stance(ctx, src, _target(ctx, whom), "support", topic, tok) if src else None
            if found:
                yield found


def needed(ctx: Context) -> Iterator[Position]:
    """A quoted "we need Paul Ryan" or "I think we need him back in the Senate": needing a
    named person backs them (inferred)."""
    for tok in ctx.tokens(("need",)):
        if tok.lemma_.lower() != "need" or tok.pos_ != "VERB" or refused(tok) or (
                hypothetical(tok) or asked_or_supposed(tok)):
            continue
        subj = nearest_subject(tok)
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        inside = ctx.speaker_at(tok.idx)
        if subj is None or subj.lower_ not in ("we", "i") or obj is None or inside is None:
            continue
        src = _single(ctx, inside) if inside.kind != "indirect" else None
        person = _target(ctx, obj) if obj.pos_ == "PROPN" or obj.lower_ in ("him", "her") else None
        if src is None or person is None or not _is_person(ctx, person[0]):
            continue
        found = _stance(ctx, src, person, "support", compact_words(list(tok.subtree)), tok,
                        explicit=False)
        if found:
            yield found


def _passive_holder(verb: Token) -> Token | None:
    """The passive subject a reaction is said of ("Priebus was said to be furious with Trump",
    "I am honored by …")."""
    for node in (verb, verb.head if verb.dep_ == "xcomp" else None):
        found = next((c for c in node.children if c.dep_ == "nsubjpass"), None) if (
            node is not None) else None
        if found is not None:
            return found
    return None


def voiced_by(noun: Token) -> Token | None:
    """The subject of the verb that voices a stance noun ("Clinton has expressed support for …",
    "Sanders took a stand against …"), or of the act it comes with ("Cruz seeks to energize the
    grass roots with sharp attacks on Washington elites")."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in VOICING_VERBS:
        return subject_of(verb)
    if noun.dep_ == "pobj" and verb.lower_ == "with":
        act = verb.head if verb.head.pos_ == "VERB" else _governing_verb(verb.head)
        return subject_of(act) if act is not None else None  # "energize the roots with …"
    return None


def done_by(noun: Token) -> Token | None:
    """The named doer a stance noun gives with its own "by" ("an ad hominem attack against Cruz
    by Sen. Lindsey Graham", "criticism of the plan by Mayor Ann Kerr"): a person or an
    organisation, not "support by 40 percent of voters"."""
    return next((g for c in noun.children if c.dep_ == "agent" or (
        c.dep_ == "prep" and c.lower_ == "by") for g in c.children
        if g.dep_ == "pobj" and g.ent_type_ in ("PERSON", "ORG")), None)


def _military(agent: Token) -> bool:
    """Whether an attack's doer is a country or a people: an attack is then a strike, no stance."""
    return agent.ent_type_ in ("GPE", "NORP", "LOC")


def _noun_target(noun: Token, has_agent: bool,
                 only: tuple[str, ...] | None = None) -> Token | None:
    """What a stance noun is about: "opposition to X", "support for X", "X's endorsement of Y"
    (`only`: the prepositions an aimed noun takes, "attack on X")."""
    preps = only or (("to", "for", "of", "against") if has_agent else ("to", "for", "against"))
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in preps
                 for g in c.children if g.dep_ == "pobj"), None)


def _of_object(noun: Token) -> Token | None:
    """The object of "of" after a noun."""
    return next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def demands(ctx: Context) -> Iterator[Position]:
    """Calling on someone to apologize or resign opposes them ("Axelrod called on Dean to
    apologize", "urged the senator to step down")."""
    for tok in ctx.tokens(DEMAND_VERBS):
        if tok.lemma_.lower() not in DEMAND_VERBS or tok.pos_ != "VERB" or hypothetical(tok):
            continue
        act = next((c for c in tok.children if c.dep_ in ("xcomp", "advcl", "ccomp")
                    and c.lemma_.lower() in CONTRITION), None)
        whom = next((c for c in tok.children if c.dep_ == "dobj"), None) or next(
            (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"
             for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")),
            None)
        subj = subject_of(tok)
        src = who(ctx, subj) if subj is not None else None
        if act is None or whom is None or src is None:
            continue
        found = _stance(ctx, src, _target(ctx, whom), "oppose",
                        f"{act.lemma_} " + compact_words(list(act.subtree)[1:9]), tok)
        if found:
            yield found


def urgings(ctx: Context) -> Iterator[Position]:
    """Urging someone to act backs the act ("Trump urged Russian hackers to go looking for the
    emails", "called on the administration to call out Russia"): calling for something to
    happen, in the guidelines' words; the target is the act, as the article words it."""
    for tok in ctx.tokens(URGE_VERBS):
        if tok.lemma_.lower() not in URGE_VERBS or tok.pos_ != "VERB" or hypothetical(tok):
            continue
        act = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp")
                    and c.pos_ == "VERB" and c.lemma_.lower() not in CONTRITION), None)
        if act is not None and _taking_sides(act):
            continue  # "urged voters to turn away from Trump": the act's own stance rules
        if act is not None and act.lemma_.lower() in SPEECH_ACTS:
            continue  # "called her to say they will not vote for …": a call, not a cause
        whom = next((c for c in tok.children if c.dep_ == "dobj"), None) or next(
            (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"
             for g in c.children if g.dep_ == "pobj"), None)
        subj = subject_of(tok)
        if act is None or whom is None or subj is None or refused(tok) or nested(ctx, tok, subj):
            continue
        src = who(ctx, subj)
        words = [t for t in act.subtree if t.i > act.i or t.dep_ not in ("aux", "mark")]
        topic = compact_words(_with_urged(whom, words[:10]))
        if src is None or not content_key(topic):
            continue
        found = _stance(ctx, src, (topic, None), "support", topic, tok)
        if found:
            yield found


def _with_urged(whom: Token, act: list[Token]) -> list[Token]:
    """An urged act that says little by itself ("to become more aggressive", "to do more") with
    the body or group urged in front of it ("tech companies to become more aggressive"); a
    person or pronoun urged stays out ("urged Ryan to …")."""
    if len(content_key(compact_words(act))) >= 2 or whom.pos_ not in ("NOUN", "PROPN") or (
            whom.ent_type_ == "PERSON"):
        return act
    return [t for t in whom.subtree if t.dep_ != "det" or t.i != whom.left_edge.i] + act


def _taking_sides(verb: Token) -> bool:
    """Whether an act is itself a stance ("oppose", "stop", "turn away from"), read by the
    rules for stance verbs rather than as an act called for."""
    lemma = verb.lemma_.lower()
    return lemma in STANCE_VERBS or lemma in END_VERBS | MAKE_VERBS or lemma == "turn" or any(
        (lemma, c.lower_) in PHRASAL_STANCES for c in verb.children)


def joint_agreements(ctx: Context) -> Iterator[Position]:
    """Speakers of one joint attribution agree on what they said when it takes a position ("Bob
    Corker and Lindsey Graham now saying they think it should be changed"), and diverge when
    what joins them is a clash ("Sanders and Clinton battled over …", `joint_relation`); no
    pair of places ("South Carolina and South Dakota passed laws …")."""
    for a in ctx.attributions:
        members_ = sources(ctx, a)
        if len(members_) < 2 or one_name(ctx, a) or any(_place(ctx, n) for n, _ in members_) or (
                unasserted_joint(ctx, a)):
            continue
        span = ctx.doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
        relation = joint_relation(ctx, a, span) if span is not None else None
        if relation is None:
            continue
        topic = compact(span, 12) if span is not None else a.content.text[:80]
        for i, (x, x_id) in enumerate(members_):
            for y, y_id in members_[i + 1:]:
                if not _related(x, y):
                    yield Position(relation, topic, a.content, a=x, a_id=x_id, b=y, b_id=y_id,
                                   explicit=relation == "disagree")


def unasserted_joint(ctx: Context, a: Attribution) -> bool:
    """Whether a joint attribution says its speakers hold nothing together: "Neither Republicans
    nor Democrats know which nominee that helps" denies it of each, and "Don't let the media and
    Rubio tell you he won" warns against what they say (a speech cue, or the verb it hangs on,
    negated outside the content: nothing said; a doubt, "are not confident that Clinton
    understands", is held)."""
    source = mention_span(ctx.doc, a.source)
    if source is not None and any(t.lower_ in ("neither", "nor") for t in source):
        return True
    cue = mention_span(ctx.doc, a.cue)
    if cue is None or a.type != "speech":
        return False
    verb = cue.root
    heads = (verb, verb.head) if verb.dep_ in ("ccomp", "xcomp") else (verb,)
    return any(c.dep_ == "neg" and not a.content.start <= c.idx < a.content.end
               for h in heads for c in h.children)  # a "not" the content holds is said


def joint_relation(ctx: Context, a: Attribution, span: Span) -> str | None:
    """What a joint attribution says of its speakers: "disagree" when its cue is a clash
    ("battled over", "sparred over"), "agree" when its cue is a stance or a call ("slammed",
    "want", "asked for") or its content judges ("Cash is the most formidable enemy of the
    poor"); None for a plain report ("said there were no plans for an offering", "invoked the
    civil rights leader"), a refusal ("refusing to admit any fault") or what each says of the
    other ("questioning the other's fitness")."""
    cue = mention_span(ctx.doc, a.cue)
    lemma = cue.root.lemma_.lower() if cue is not None else ""
    if lemma in CLASH_VERBS:
        return "disagree"
    if lemma in REFUSALS or RECIPROCAL.search(a.content.text) or (
            cue is not None and RECIPROCAL.search(cue.sent.text)):
        return None
    if lemma in DEMAND_VERBS and own_plea(span):
        return None
    if lemma in STANCE_VERBS or lemma in ADVOCACY | DEMAND_VERBS:
        return "agree"
    valence = span_valence(span, ctx.rules.booster)
    return "agree" if abs(valence) >= ctx.rules.min_valence else None


def own_plea(content: Span) -> bool:
    """Whether what speakers ask for is for their own sake ("ask for prayers of support", "asked
    for privacy"): a plea takes no position on anything."""
    return content.root.lemma_.lower() in PLEAS


def one_name(ctx: Context, a: Attribution) -> bool:
    """Whether a joint-looking source is one organisation's name with "and" in it ("the
    Organization for Economic Cooperation and Development says"): one entity spans it all."""
    span = mention_span(ctx.doc, a.source)
    if span is None:
        return False
    words = [t for t in span if not t.is_punct and t.lower_ not in ("the", "a", "an")]
    return bool(words) and any(e.label_ in ("ORG", "FAC", "GPE", "WORK_OF_ART")
                               and all(e.start <= t.i < e.end for t in words) for e in span.ents)


def refused(verb: Token) -> bool:
    """Whether a stance is negated or refused: "did not endorse", "refused to endorse", "has
    yet to endorse", "declined to back", "refrained from attacking", "avoided criticizing"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head is not verb:
        if head.lemma_.lower() in REFUSALS or any(c.dep_ == "neg" for c in head.children):
            return True
        if ready_to(head) and any(c.dep_ == "neg" for c in head.head.children):
            return True  # "is not willing to back him"
        if any(c.lower_ == "yet" for c in head.children):
            return True
    if verb.dep_ == "pcomp" and verb.head.lower_ == "from" and (
            verb.head.head.lemma_.lower() in ABSTAIN):
        return True  # "refrained from attacking his rivals"
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "not quite there yet on supporting"
        holder = verb.head.head
        return any(c.dep_ == "neg" for c in holder.children) or any(
            c.dep_ == "neg" for c in holder.head.children if holder.dep_ == "advmod")
    return False


def partly_denied(verb: Token) -> bool:
    """Whether a negation only limits how far the verb goes ("does not completely trust Trump",
    "doesn't fully support the plan"): some trust or support is left, no opposition."""
    return any(c.dep_ == "neg" for c in verb.children) and any(
        c.dep_ == "advmod" and c.lower_ in PARTLY for c in verb.children)


def hypothetical(verb: Token) -> bool:
    """Whether a stance is only supposed: under "if"/"whether", or with could/might/may."""
    if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in verb.children):
        return True
    node = verb
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in node.children):
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or node.head is node:
            return False
        node = node.head
    return False


def _called(ctx: Context, verb: Token) -> Iterator[Position]:
    """"X called Y a liar" / "called Y's behavior outrageous": a stance of X on Y."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None) or next(
        (c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"), None)
    subj = subject_of(verb)
    written = _written_nickname(verb) if obj is None else None
    if written is not None:
        obj = written[0]
    obj = obj if obj is not None else small_clause_object(verb)
    if obj is None or subj is None:
        return
    held = {t.i for t in obj.subtree}
    names = [[t for t in c.subtree if t.i not in held] for c in verb.children
             if (c.dep_ in ("oprd", "xcomp", "ccomp", "attr") or (
                 c.dep_ == "prep" and c.lower_ == "as")) and c is not obj]  # "described as"
    names.append(written[1] if written else [t for t in obj.subtree if t.i > obj.i])
    words = [t for group in names for t in group]
    valence = sum(token_valence(t, ctx.rules.booster) for t in words)
    src = who(ctx, subj)
    target = _known(ctx, obj.text) if obj.pos_ == "PROPN" else _target(ctx, obj, claim=True)
    if src is None or target is None:
        return
    mocked = next((g for g in names if nickname(g, target[0])), None)
    if abs(valence) < ctx.rules.min_valence and mocked:
        valence, words = -ctx.rules.min_valence, mocked  # "called Rubio “Little Marco”"
    if abs(valence) < ctx.rules.min_valence:
        return
    polarity = "support" if valence > 0 else "oppose"
    topic = compact(words, ctx.rules.max_topic_words) if words else ""
    found = _stance(ctx, src, target, polarity, topic, verb)
    if found:
        yield found


def small_clause_object(verb: Token) -> Token | None:
    """What is called something when the parser hung it under the name it is called ("calling
    Trump's charge “pathetic”": "charge" as a modifier of "pathetic"): the noun between the verb
    and that name, attached to the name."""
    for c in verb.children:
        if c.dep_ not in ("oprd", "xcomp", "ccomp") or c.pos_ not in ("ADJ", "NOUN"):
            continue
        found = next((g for g in c.children if g.dep_ in ("npadvmod", "nsubj") and g.pos_ in (
            "NOUN", "PROPN") and verb.i < g.i < c.i), None)
        if found is not None:
            return found
    return None


def _written_nickname(verb: Token) -> tuple[Token, list[Token]] | None:
    """"called Rubio “Little Marco”" as written, whatever the parse: the name right after the
    verb and the quoted words after it."""
    doc = verb.doc
    i = verb.i + 1
    if i + 2 >= len(doc) or doc[i].pos_ != "PROPN" or not doc[i + 1].is_quote:
        return None
    end = next((t.i for t in doc[i + 2: i + 6] if t.is_quote), None)
    return (doc[i], list(doc[i + 1: end + 1])) if end is not None else None


def consequences(ctx: Context) -> Iterator[Position]:
    """A speaker warning of what a proposal would do ("the bill would put our troops at risk",
    "this legislation could expose Americans to lawsuits abroad"): a bad consequence said of a
    law, plan or policy opposes it (inferred)."""
    for a, src, span in _stated_contents(ctx):
        for tok in span:
            if tok.lemma_.lower() not in HARMS and token_valence(tok) > -ctx.rules.min_valence:
                continue
            verb = next((v for v in (tok, *tok.ancestors) if v.pos_ in ("VERB", "AUX")), None)
            subj = _proposal_in_force(verb) if verb is not None else None
            if subj is not None and subj.lemma_.lower() not in LAW_WORDS | PROPOSALS and (
                    tok.lemma_.lower() not in HARMS):
                continue  # a named one's stance or act, only when it is said to do harm
            if subj is None or refused(verb) or asked_or_supposed(tok) or not (
                    span.start <= subj.i < span.end) or (tok.dep_ in ("amod", "compound") and (
                    tok.head.i in {t.i for t in subj.subtree} or tok.head.dep_ == "nsubj")):
                continue  # "the bad bill would …": the subject's own word is no consequence
            condition = {t.i for c in verb.children if c.dep_ == "advcl" for t in c.subtree}
            found = _stance(ctx, src, _target(ctx, subj, strict=True), "oppose",
                            compact([t for t in verb.subtree if t.i not in condition],
                                    ctx.rules.max_topic_words), tok, explicit=False)
            if found:
                yield replace(found, evidence=a.content)
                break


def act_consequences(ctx: Context) -> Iterator[Position]:
    """A speaker saying what an act would do ("expanding a national monument … will protect more
    than 7,000 species", "weakening the encryption would only make regular users more
    vulnerable", "it's particularly risky to insert tech companies into Middle East politics"):
    a good effect backs the act, a bad one opposes it (inferred); the act is the target."""
    for a, src, span in _stated_contents(ctx):
        for tok in span:
            found = act_effect(tok, ctx.rules.min_valence)
            if found is None:
                continue
            act, effect, polarity = found
            if refused(effect) or hypothetical(effect) or asked_or_supposed(effect) or (
                    reported_within(effect, a)) or not span.start <= act.left_edge.i < span.end:
                continue
            inside = {t.i for t in act.subtree}
            topic = act_phrase([t for t in effect.subtree if t.i not in inside],
                               ctx.rules.max_topic_words)
            target = act_phrase([t for t in act.subtree if not (t.dep_ == "aux" and (
                t.lower_ == "to") and t.head == act)], ctx.rules.max_target_words)
            stance = _stance(ctx, src, (target, None), polarity, topic, effect, explicit=False)
            if stance:
                yield replace(stance, evidence=a.content)


def act_phrase(words: list[Token], limit: int) -> str:
    """An act or its effect in at most `limit` words, up to the first punctuation, ending on a
    content word ("expanding a national monument off the coast", not "… of the coast of")."""
    out: list[Token] = []
    for t in words:
        if t.is_punct and not t.is_quote and out:
            break
        if not t.is_quote:
            out.append(t)
    out = out[:limit]
    while out and (out[-1].is_stop or out[-1].pos_ in ("DET", "ADP", "CCONJ", "PART", "SYM")):
        out.pop()
    return compact_words(out)


def act_effect(tok: Token, min_valence: float) -> tuple[Token, Token, str] | None:
    """The act, the word of its effect and the polarity, when a token is an act said to do good
    or harm: a gerund subject of an effect verb ("expanding the monument will protect …"), of a
    verb of result with a good or bad outcome ("… would make users more vulnerable"), or an
    infinitive an evaluative adjective is said of ("it's risky to take …")."""
    if tok.dep_ == "csubj" and tok.tag_ == "VBG":
        head = tok.head
        lemma = head.lemma_.lower()
        if lemma in GOOD_EFFECTS | BAD_EFFECTS:
            return tok, head, "support" if lemma in GOOD_EFFECTS else "oppose"
        if lemma in RESULT_VERBS:
            said = sum(token_valence(t) for c in head.children
                       if c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") for t in c.subtree
                       if t.pos_ == "ADJ")
            if abs(said) >= min_valence:
                return tok, head, "support" if said > 0 else "oppose"
        return None
    if tok.pos_ != "ADJ" or tok.dep_ != "acomp" or tok.lower_ in DIFFICULTY:
        return None
    head = tok.head
    act = next((c for c in (*tok.children, *head.children) if c.dep_ == "xcomp" and c.pos_ == "VERB"
                and any(g.lower_ == "to" for g in c.children)), None)
    if act is None or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children):
        return None
    if not any(c.dep_ in ("dobj", "ccomp") and c.pos_ != "PRON" for c in act.children):
        return None  # "it's sad to watch", "so nice to meet you": a feeling, no act judged
    valence = token_valence(tok)
    if abs(valence) < min_valence or valence > 0 and tok.lower_ not in WISE:
        return None
    return act, tok, "support" if valence > 0 else "oppose"


def _proposal_in_force(verb: Token) -> Token | None:
    """The law or proposal a consequence is said of: the verb's subject ("the bill would put
    our troops at risk"), or the subject of its "if" clause ("If this bill were to enter into
    force, … diplomats are at risk")."""
    subj = nearest_subject(verb)
    if subj is not None and (subj.lemma_.lower() in LAW_WORDS | PROPOSALS or (
            subj.pos_ == "NOUN" and any(c.dep_ == "poss" and _named(c) for c in subj.children))):
        return subj  # "the bill would …", "Trump's skepticism on climate change has hurt …"
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "if"
                                          for c in clause.children):
            inner = nearest_subject(clause)
            if inner is not None and inner.lemma_.lower() in LAW_WORDS | PROPOSALS:
                return inner
    return None


def nickname(words: list[Token], name: str) -> bool:
    """Whether what someone is called is a quoted nickname made of their own name and another
    word ("Little Marco" for Marco Rubio, "Lyin' Ted" for Ted Cruz)."""
    said = [t for t in words if not t.is_punct]
    if not 2 <= len(said) <= 3 or not all(t.text[:1].isupper() for t in said):
        return False
    quoted = any(t.is_quote or t.text in "“”\"" for t in words) or any(
        t.nbor(-1).is_quote for t in said[:1] if t.i > 0)
    own = {w.lower() for w in clean_name(name).split()}
    mine = [t for t in said if t.lower_ in own]
    return quoted and 0 < len(mine) < len(said)


def evaluations(ctx: Context) -> Iterator[Position]:
    """An attribution evaluating a named target or a proposal: the polarity from the word
    valences of the sentence that holds the evaluation."""
    for a in ctx.attributions:
        speakers = sources(ctx, a)
        if not speakers:
            continue
        span = ctx.doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
        if span is None or len(span) < 3 or asked(ctx, a, span):
            continue
        for src in speakers:
            found = _evaluated(ctx, span, a, src[0])
            if found is None:
                continue
            target, valence = found
            polarity = "support" if valence > 0 else "oppose"
            stance = _stance(ctx, src, target, polarity, _topic_of(ctx, span, target),
                             span.root, explicit=False)
            if stance:
                yield replace(stance, evidence=a.content)


def _topic_of(ctx: Context, span: Span, target: tuple[str, str | None]) -> str:
    """A stance's topic: an issue target itself, else the content cut short."""
    if not target[0][:1].isupper():  # an issue ("the harbour plan") is its own topic
        return target[0]
    words = compact(span, ctx.rules.max_topic_words)
    return words if words else target[0]


def _evaluated(ctx: Context, span: Span, a: Attribution,
               speaker: str) -> tuple[tuple[str, str | None], float] | None:
    """What a content evaluates and how strongly, by structure only: the subject of an
    evaluative predicate ("Trump is a disgusting fraud"), the object of an evaluative verb
    ("blame low-level workers"), the noun an evaluative adjective describes ("the timely
    decision"), or the person addressed as "you"; the valence is that of the evaluation's
    sentence. None when the evaluation is of no one in particular, only supposed ("if …") or
    asked."""
    mine = content_key(speaker)
    found: list[tuple[tuple[str, str | None], float]] = []
    by_sentence: dict[int, float] = {}  # the valence of each sentence of the content, once
    for tok in span:
        if not token_valence(tok) or asked_or_supposed(tok) or refused(tok) or (
                not evaluative_use(tok)) or reported_within(tok, a):
            continue
        sent = tok.sent
        if sent.start not in by_sentence:
            by_sentence[sent.start] = span_valence(
                span[max(sent.start, span.start) - span.start:
                     min(sent.end, span.end) - span.start], ctx.rules.booster)
        valence = by_sentence[sent.start]
        if tok.pos_ == "VERB" and set(_word_forms(tok)) & CRITICAL_VERBS.keys() or (
                _doing_how(tok) is not None):
            valence = token_valence(tok, ctx.rules.booster)  # "overselling the successes",
            # "he treats me very unfairly": the word says how, whatever the verb
        if abs(valence) < ctx.rules.min_valence or valence * token_valence(tok) < 0:
            continue  # too weak, or the sentence leans against its evaluative word
        target = _evaluated_by(ctx, tok, a, mine)
        if target is not None and not (valence > 0 and homeland(target[0])):
            found.append((target, valence))
    # a person evaluated beats a thing ("She's a disgrace and those comments are a disgrace")
    return max(found, key=lambda f: (ctx.names.ids.get(f[0][0]) is not None or f[0][0] in
                                     ctx.names.ids or _is_person(ctx, f[0][0]), abs(f[1])),
               default=None)


def evaluative_use(tok: Token) -> bool:
    """Whether a word of some valence is used here to judge what it is said of: no adjective or
    noun negated ("he's not interested in changing the rules", "you are no longer welcome":
    what is denied judges nothing in particular), not a state the subject is in ("Shuster is
    safe", "Democrats may be more optimistic", `STATES`), no adverb of how sure ("he's
    definitely using it", `CERTAINTY`), and, as an adjective on a noun, on a proposal, claim or
    act of someone's or on something a name owns ("the failed Obama-Clinton foreign policy",
    "Mr. Trump's rash nature"; a place's is no one's), not on any noun the content mentions
    ("an overlooked Benghazi connection", "the United States' bitter political divide", "a
    strong position", "the brutal attack")."""
    around = (*tok.children, *tok.head.children, *(
        g for c in tok.head.children if c.dep_ == "advmod" for g in c.children))
    if tok.pos_ != "VERB" and any(c.dep_ == "neg" or c.lower_ in NEGATIONS for c in around):
        return False  # a denied verb still acts on someone: "he cannot allow Clinton to win"
    if tok.lower_ in CERTAINTY or kind_of_place(tok):
        return False
    if (tok.lemma_.lower() in STATES or tok.lower_ in STATES) and _for_one_to(tok) is None and (
            not any(c.dep_ == "advmod" and c.lower_ == "too" for c in tok.children)):
        return False  # but "too ready to use force", "it's smart for the president to say"
    if tok.dep_ != "amod" or tok.head.pos_ != "NOUN" or tok.head.dep_ in ("attr", "oprd"):
        return True
    if tok.tag_ in ("VBN", "VBG") and not set(_word_forms(tok)) & CRITICAL_VERBS.keys():
        return False  # "an overlooked connection" judges no one; "the failed policy" does
    noun = tok.head
    owned = any(c.dep_ in ("poss", "compound", "nmod") and (c.pos_ == "PRON" or _named(c))
                and c.ent_type_ not in PLACES for c in noun.children)
    return owned or noun.lemma_.lower() in ISSUE_NOUNS - EVENT_NOUNS - VIEW_NOUNS


def kind_of_place(tok: Token) -> bool:
    """Whether an adjective only says what kind of place its subject is ("Silicon Valley is an
    extremely disruptive place", "Chicago is a dangerous city"): a description of the place,
    no verdict on anyone."""
    noun = tok.head
    return tok.dep_ == "amod" and noun.dep_ in ("attr", "oprd") and (
        noun.lemma_.lower() in PLACE_NOUNS)


def homeland(name: str) -> bool:
    """Whether a target is the speakers' own country ("make America safe again"): wishing it
    well is no position anyone holds against another."""
    return clean_name(name).lower() in HOMELANDS


def _is_person(ctx: Context, name: str) -> bool:
    """Whether a target is a person the article names."""
    key = clean_name(name).split()[-1:]
    return bool(key) and name in ctx.names.by_key.get(key[0].lower(), {})


def asked(ctx: Context, a: Attribution, span: Span) -> bool:
    """Whether an attribution reports a question ("asking Rubio why he decided to attack
    Trump", "asked if he would support Trump"): it asserts no stance."""
    cue = mention_span(ctx.doc, a.cue)
    if cue is not None and cue.root.lemma_.lower() in ("ask", "wonder", "question", "inquire"):
        return True
    first = next((t for t in span if not t.is_punct), None)
    if first is not None and a.kind == "direct" and first.lower_ == "if":
        return False  # a quote opening on a condition: "If this bill passes, …"
    return first is not None and (first.tag_ in ("WRB", "WP") or first.lower_ in (
        "whether", "if"))


def asked_or_supposed(tok: Token) -> bool:
    """Whether a word sits in a question or an "if" clause (no stance is asserted)."""
    sent = tok.sent
    doc = tok.doc
    stop = paragraph_end(tok)
    end = next((doc[i].text for i in range(tok.i, stop) if doc[i].text in (".", "?", "!")), "")
    if end == "?" or (not end and doc[sent.start: stop].text.rstrip(" ”\"'’").endswith("?")):
        return True
    return any(t.dep_ == "mark" and t.lower_ in ("if", "whether", "unless")
               for a in (tok, *tok.ancestors) for t in a.children if t.i < tok.i) or (
        degree_asked(tok, sent))


def paragraph_end(tok: Token) -> int:
    """Where a token's sentence ends within its paragraph: the parser often runs a sentence on
    across a line break ("… tweeted that Obama had too little to say …" into the next
    paragraph's "“Is that all there is?”"), whose question mark asks nothing of this one."""
    sent = tok.sent
    return next((t.i for t in tok.doc[tok.i: sent.end] if t.is_space and "\n" in t.text),
                sent.end)


def degree_asked(tok: Token, sent: Span | None = None) -> bool:
    """Whether a word sits in a "how responsive …" clause ("depending on how responsive
    companies are", "asked how fair the process was"): a degree asked about, not asserted; the
    "how" hangs on the word or one of its three nearest heads, or on that one's head."""
    sent = sent if sent is not None else tok.sent
    doc = tok.doc
    hows = [doc[i] for i in range(sent.start, tok.i + 1) if doc[i].lower_ == "how"
            and doc[i].dep_ == "advmod" and doc[i].head.pos_ in ("ADJ", "ADV")]
    if not hows:
        return False
    near = {a.i for a in (tok, *list(tok.ancestors)[:3])}
    return any(t.head.i in near or t.head.head.i in near for t in hows)


def _evaluated_by(ctx: Context, tok: Token, a: Attribution,
                  mine: frozenset[str]) -> tuple[str, str | None] | None:
    """The target one evaluative word is said of, unless it is the speaker."""
    head = tok.head if tok.dep_ == "amod" and tok.head.pos_ == "NOUN" else None
    if head is not None and head.dep_ in ("attr", "acomp", "oprd"):
        head = _called_thing(head) or _predicate_subject(head)
    about = (_for_whom(tok) or head or _for_one_to(tok) or _predicate_subject(tok)
             or _you_doing(tok) or _verb_object(tok) or _failing(tok) or _doing_how(tok))
    if about is not None and about.tag_ == "WP":
        about = _antecedent(about)  # "Donald Trump, who is a leader who …"
    if about is None:
        return None
    if about.i == tok.head.i and about.dep_ in ("attr", "oprd") and tok.dep_ == "amod":
        return compact_words([t for t in about.lefts if t.dep_ == "compound"] + [about]), None
    if about.pos_ == "PRON":
        lower = about.lower_
        if lower == "you" and about.dep_ not in ("dobj", "dative"):  # not "Thank you"
            addressed = addressee(ctx, a)
            return addressed if addressed and not content_key(addressed[0]) <= mine else None
        if lower in ("he", "him", "she", "her") and a.kind == "direct":
            other = _previous_person(ctx, about, exclude=mine)
            return other
        return None
    target = _target(ctx, about, strict=True)
    if target and content_key(target[0]) and not content_key(target[0]) <= mine:
        return target
    return None


def _called_thing(noun: Token) -> Token | None:
    """"It's a phony system", "this is a terrible deal": with no one named as the subject, the
    issue noun the evaluative word describes is what is evaluated."""
    subj = _predicate_subject(noun)
    if subj is None or subj.lower_ not in ("it", "this", "that"):
        return None
    if any(c.dep_ == "neg" for a in noun.ancestors for c in a.children):
        return None  # "I don't think this is a ridiculous idea"
    return noun if noun.lemma_.lower() in ISSUE_NOUNS else None


def _for_whom(tok: Token) -> Token | None:
    """The named one a predicate is said to be bad or good for ("the consequences would be
    devastating for Russia"): a warning to them."""
    if token_valence(tok) < 0 and not any(c.dep_ == "poss" for c in tok.children):
        for c in (*tok.children, *tok.head.children):  # "a securities fraud case against
            # Stumpf", not "his attacks against Clinton" (another's act)
            if c.dep_ == "prep" and c.lower_ == "against":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ == "PROPN":
                    return pobj
    if tok.dep_ not in ("acomp", "attr", "oprd") or tok.lower_ in DIFFICULTY:
        return None  # "harder for the Republicans to attack Obama" says how hard
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "to"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ == "PROPN":
                return pobj
    return None


def _you_doing(tok: Token) -> Token | None:
    """"You" doing something bad or good ("you are scapegoating the people", "you should
    resign"): an evaluation of the one addressed."""
    if tok.pos_ != "VERB":
        return None
    return next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ == "you"), None)


def _failing(tok: Token) -> Token | None:
    """Who is said to do wrong ("Obama failed to address public concerns", "he mishandled
    the inquiry"): the subject of a verb of bad valence."""
    if tok.pos_ != "VERB" or token_valence(tok) >= 0 or refused(tok) or (
            tok.lemma_.lower() in STANCE_VERBS):
        return None  # "Mr. Ailes denies": a stance of theirs, not a wrong done
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.lower_ not in ("i", "we", "you", "it") else None


def _for_one_to(tok: Token) -> Token | None:
    """The one an "it is ADJ for X to …" says acts well or badly ("it's very smart for the
    president to say …")."""
    if tok.dep_ != "acomp" or tok.lower_ in DIFFICULTY or not any(
            c.dep_ == "nsubj" and c.lower_ == "it" for c in tok.head.children):
        return None  # "it's hard for her to …" says how hard, not how well
    for clause in tok.head.children:
        if clause.dep_ in ("advcl", "xcomp", "ccomp") and any(
                c.dep_ == "mark" and c.lower_ == "for" for c in clause.children):
            return next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return None


def _doing_how(tok: Token) -> Token | None:
    """Who is said to act well or badly ("he treats me very unfairly"): the subject of a verb an
    evaluative adverb describes."""
    if tok.pos_ != "ADV" or tok.dep_ != "advmod" or tok.head.pos_ != "VERB":
        return None
    subj = nearest_subject(tok.head)
    return subj if subj is not None and subj.lower_ not in ("i", "we", "you", "it") else None


def _predicate_subject(tok: Token) -> Token | None:
    """The subject an evaluative adjective or noun is said of ("X is a fraud", "X is unfit")."""
    if tok.dep_ in ("acomp", "attr", "oprd"):
        return nearest_subject(tok.head) or next(
            (c for c in tok.head.children if c.dep_ == "dobj"), None)
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "in" and prep.head.lemma_ == "be" and (
            tok.lemma_.lower() in DISORDER) and not any(
            c.dep_ == "neg" for c in prep.head.children):
        return nearest_subject(prep.head)  # "Republicans are in a frenzy"
    return None


def _verb_object(tok: Token) -> Token | None:
    """The object of an evaluative verb ("blame low-level workers", "hate this framing")."""
    if tok.pos_ == "VERB" and (tok.lemma_.lower() in STANCE_VERBS or tok.lemma_.lower() in
                               EVALUATIVE_VERBS) and not generic_gerund(tok):
        subj = nearest_subject(tok)
        if subj is not None and (subj.pos_ in ("PROPN", "NOUN") or anyone_who(subj)):
            return None  # "the allegations, which Mr. Ailes denies", "those who support
            # Mr. Trump": a third one's act
        return next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    return None


def anyone_who(subj: Token) -> bool:
    """Whether a relative subject stands for people in general ("those who support Mr. Trump",
    "anyone who attacks him"), not for a thing of the speaker's ("a Web video that accuses
    Cruz")."""
    if subj.tag_ not in ("WP", "WDT"):
        return False
    ante = _antecedent(subj)
    return ante is None or ante.pos_ in ("PRON", "DET") or ante.lemma_.lower() in (
        "people", "person", "one", "anyone", "anybody", "everyone", "everybody")


def addressee(ctx: Context, a: Attribution) -> tuple[str, str | None] | None:
    """Who "you" is in a quote: the person the cue says was told, else the last one told in the
    few paragraphs before (an exchange in a hearing or interview); only a cue that addresses
    someone (`ADDRESSING`: "told Stumpf", not "describes the Libertarian Party") tells."""
    cues = [x for x in ctx.attributions if x.cue and a.cue.start - ctx.rules.address_window
            <= x.cue.start <= a.cue.start] if a.cue else []
    for x in reversed(cues):
        span = ctx.doc.char_span(x.cue.start, x.cue.end, alignment_mode="expand")
        if span is None or span.root.lemma_.lower() not in ADDRESSING:
            continue  # "Weld describes the Libertarian Party as …" addresses no one
        for c in span.root.children:
            if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN":
                return who(ctx, c)
    return None


def explicit_pairs(ctx: Context) -> Iterator[Position]:
    """Two speakers said to agree or diverge, and on what."""
    found: list[Position] = []
    for tok in ctx.tokens(PAIR_LEMMAS):
        relation = _pair_relation(tok)
        if relation is None or hypothetical(tok):
            continue  # "to say whether she agrees or disagrees with the EPA's call"
        subj = subject_of(tok)
        if subj is None:
            continue
        pair = (_leaders(ctx, tok, found) or []) if _states(subj) else members(
            ctx, _named_pair(subj))  # "Trailing contenders Ted Cruz and John Kasich have agreed"
        partner = _partner(ctx, tok)
        if partner and pair:
            pair = [pair[0], partner]
        prior = prior_statement(ctx, tok, pair[0][0]) if len(pair) == 1 and bare_agreement(
            tok) else None
        if prior is not None:
            pair = [pair[0], _single(ctx, prior) or pair[0]]  # "Huckabee agreed": with whom
        if len(pair) < 2 or pair[0][0] == pair[1][0]:
            continue
        topic = _pair_topic(tok, ctx.rules.max_topic_words) or (
            said_topic(ctx, prior) if prior is not None else _own_statement_topic(
                ctx, tok, pair[0][0]))
        if not topic and _counts_two(subj):
            continue  # "While the two men barely sparred, …": two unnamed, on nothing said
        (a, a_id), (b, b_id) = pair[0], pair[1]
        found.append(Position(relation, topic, _evidence(ctx, tok), a=a, b=b, a_id=a_id,
                              b_id=b_id))
    found += held_firm(ctx, found)
    found += list(disagreements_with(ctx))
    found += list(their_differences(ctx))
    found += list(passive_echoes(ctx))
    found += list(opposing_sides(ctx))
    found += list(splits_between(ctx))
    found += list(believed_right(ctx))
    found += list(backed_claims(ctx))
    found += list(opposed_claims(ctx))
    yield from found
    yield from _right_or_wrong(ctx)


def splits_between(ctx: Context) -> Iterator[Position]:
    """"A major split between how WikiLeaks and Snowden have handled the data", "the rift
    between Ryan and Priebus": the two named diverge."""
    for tok in ctx.tokens(SPLIT_NOUNS):
        if tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in SPLIT_NOUNS or (
                measured(tok)):
            continue
        between = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"),
                       None)
        inner = next((g for g in between.children if g.dep_ in ("pobj", "pcomp")), None) if (
            between is not None) else None
        if inner is None:
            continue
        first = inner if inner.conjuncts else next(
            (t for t in inner.subtree if t.dep_ in ("nsubj", "nsubjpass") and t.conjuncts), None)
        pair = members(ctx, first) if first is not None and not compared(tok, first) else []
        if len(pair) < 2 or pair[0][0] == pair[1][0]:
            continue
        topic = _topic_pp(tok, ctx.rules.max_topic_words) or (
            compact(inner.subtree, ctx.rules.max_topic_words) if first.i != inner.i else tok.text)
        (a, a_id), (b, b_id) = pair[0], pair[1]
        yield Position("disagree", topic, _evidence(ctx, tok), a=a, a_id=a_id, b=b, b_id=b_id)


def compared(noun: Token, first: Token) -> bool:
    """Whether "the difference between" compares two kinds rather than sets two speakers apart
    ("the difference between Sunni and Shia"): a difference is a divergence only between people
    or organisations."""
    if noun.lemma_.lower() != "difference":
        return False
    ents = [_entity_of(t) for t in (first, *first.conjuncts)]
    return not all(e is not None and e.label_ in ("PERSON", "ORG") for e in ents)


def measured(noun: Token) -> bool:
    """Whether a difference or gap is a measure ("a mere one-point difference between Clinton
    and Sanders" in a poll, "a 10-point gap"), not a divergence of views."""
    return any(c.like_num or c.pos_ == "NUM" or (c.dep_ in ("amod", "compound", "nummod") and (
        re.search(r"\d|point|percent", c.lower_) is not None)) for c in noun.subtree
        if c.i < noun.i)


def opposing_sides(ctx: Context) -> Iterator[Position]:
    """"X and Y were on opposing sides of Z", "X and Y are at odds over Z", "X is at odds with
    Y on Z": the two diverge on Z."""
    for tok in ctx.tokens(("side",), words=("odds",)):
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.head.pos_ not in (
                "VERB", "AUX"):
            continue
        sides = tok.lemma_.lower() == "side" and tok.tag_ == "NNS" and tok.head.lower_ == "on" \
            and any(c.dep_ == "amod" and c.lower_ in DIVERGENT for c in tok.children)
        if not sides and not (tok.lower_ == "odds" and tok.head.lower_ == "at"):
            continue
        verb = tok.head.head
        subj = subject_of(verb)
        partner = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                        for g in c.children if g.dep_ == "pobj"), None)
        if subj is None or refused(verb) or hypothetical(verb):
            continue
        pair = [w for w in (who(ctx, subj), who(ctx, _titled_name(partner))) if w] if (
            partner is not None) else members(ctx, _named_pair(subj))
        if len(pair) < 2 or pair[0][0] == pair[1][0]:
            continue
        about = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in (
            "of", "over", "on", "about", "regarding") for g in c.children
            if g.dep_ in ("pobj", "pcomp")), None)
        topic = _issue_of(about, ctx.rules.max_topic_words) if about is not None else ""
        (a, a_id), (b, b_id) = pair[0], pair[1]
        yield Position("disagree", topic or tok.text, _evidence(ctx, tok), a=a, a_id=a_id,
                       b=b, b_id=b_id)


def _named_pair(subj: Token) -> Token:
    """The coordinated names a subject holds in apposition ("NEW YORK (AP) — Democratic
    candidates Hillary Clinton and Bernie Sanders were …", a dateline parsed as the subject),
    else the subject itself."""
    if subj.conjuncts:
        return subj
    return next((t for t in subj.subtree if t.dep_ == "appos" and t.conjuncts), subj)


def disagreements_with(ctx: Context) -> Iterator[Position]:
    """"X has had areas of significant disagreement with Y", "X's differences with Y": X and Y
    diverge."""
    for tok in ctx.tokens(DISAGREE_NOUNS):
        if tok.lemma_.lower() not in DISAGREE_NOUNS or tok.pos_ != "NOUN":
            continue
        of = _of_object(tok)
        other = _with_object(of) if of is not None else None
        node = tok  # "her difference of opinion with Obama": the with hangs on "opinion"
        for _ in range(4):
            if other is not None:
                break
            other = _with_object(node)
            if other is not None or node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                break
            node = node.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head  # tokens are compared by position: spaCy makes a new one per read
        verb = node if node.pos_ in ("VERB", "AUX") else None
        subj = subject_of(verb) if verb is not None else None
        src = who(ctx, subj) if subj is not None else None
        partner = who(ctx, other) if other is not None else None
        if src and partner and src[0] != partner[0] and not refused(verb):
            yield Position("disagree", _noun_topic(tok, ctx.rules.max_topic_words) or _topic_pp(
                               verb, ctx.rules.max_topic_words) or tok.text,
                           _evidence(ctx, tok), a=src[0], a_id=src[1], b=partner[0],
                           b_id=partner[1])


def their_differences(ctx: Context) -> Iterator[Position]:
    """"The two appeared to hash out their differences", "Donald Trump and Paul Ryan pledged to
    work together despite their differences": the two whose differences they are diverge."""
    for tok in ctx.tokens(DISAGREE_NOUNS):
        if tok.tag_ != "NNS" or not any(c.dep_ == "poss" and c.lower_ == "their"
                                        for c in tok.children) or _with_object(tok) is not None:
            continue
        verb = _governing_verb(tok)
        subj = subject_of(verb) if verb is not None else None
        pair = members(ctx, _named_pair(subj)) if subj is not None else []
        if len(pair) != 2 or _related(pair[0][0], pair[1][0]):
            continue
        (a, a_id), (b, b_id) = pair
        yield Position("disagree", _noun_topic(tok, ctx.rules.max_topic_words) or tok.text,
                       _evidence(ctx, tok), a=a, a_id=a_id, b=b, b_id=b_id)


def passive_echoes(ctx: Context) -> Iterator[Position]:
    """"Sanders' stridency was echoed by former Maryland Gov. Martin O'Malley": the one whose
    words or tone are echoed and each one echoing them agree, on what the first last said."""
    for tok in ctx.tokens(("echo",)):
        if tok.tag_ != "VBN" or hypothetical(tok) or not any(
                c.dep_ == "auxpass" for c in tok.children):
            continue
        echoed = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        owner = next((c for c in echoed.children if c.dep_ == "poss"), None) if (
            echoed is not None) else None
        agent = next((g for c in tok.children if c.dep_ == "agent"
                      for g in c.children if g.dep_ == "pobj"), None)
        first = who(ctx, owner) if owner is not None else None
        if first is None or agent is None:
            continue
        said = _latest_statement(ctx, tok, first[0])
        topic = (said_topic(ctx, said) if said is not None else "") or _act_of(
            echoed, ctx.rules.max_topic_words)
        for each in (agent, *agent.conjuncts):
            other = who(ctx, _titled_name(each))
            if other and not _related(first[0], other[0]):
                yield Position("agree", topic, _evidence(ctx, tok), a=other[0], a_id=other[1],
                               b=first[0], b_id=first[1])


def _with_object(node: Token) -> Token | None:
    """The object of a "with" hanging on `node` ("differences with Y": Y)."""
    return next((g for c in node.children if c.dep_ == "prep" and c.lower_ == "with"
                 for g in c.children if g.dep_ == "pobj"), None)


def _noun_topic(noun: Token, limit: int) -> str:
    """What a difference or disagreement is over, from the noun's own over/on/about ("her
    difference of opinion with Obama over whether to arm the rebels"); "" if it names none."""
    for c in noun.subtree:
        if c.dep_ == "prep" and c.lower_ in ("over", "on", "about", "regarding") and (
                c.head.i == noun.i or c.head.head.i == noun.i):
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return compact_words([t for t in pobj.subtree if t.dep_ != "det"][:limit])
    return ""


def rejected_claims(ctx: Context) -> Iterator[Position]:
    """A speaker rejecting a claim ("The president's rationales to veto JASTA don't hold weight.
    They are 100 percent wrong", "his claims are unfounded"): an oppose stance on the claim and,
    when the claim is a named speaker's, an explicit divergence from them (the guidelines' "one
    speaker directly rejects the other's stated position")."""
    for _, src, span in _stated_contents(ctx):
        for claim in dict.fromkeys(_rejected(span)):
            owner = next((c for c in claim.children if c.dep_ == "poss"), None)
            whose = who(ctx, owner) if owner is not None and owner.pos_ != "PRON" or (
                owner is not None and owner.lower_ in ("his", "her")) else None
            start = owner.right_edge.i + 1 if owner is not None else claim.left_edge.i
            words = [t for t in ctx.doc[start: claim.right_edge.i + 1] if t.dep_ != "det"]
            about = compact_words(words[: ctx.rules.max_target_words])
            target = (f"{whose[0]}'s {about}", None) if whose else _target(ctx, claim, claim=True)
            found = _stance(ctx, src, target, "oppose", about, claim)
            if found is None:
                continue
            yield found
            if whose and whose[0] != src[0] and not _related(whose[0], src[0]):
                yield Position("disagree", about, _evidence(ctx, claim), a=src[0], a_id=src[1],
                               b=whose[0], b_id=whose[1])


def _rejected(span: Span) -> Iterator[Token]:
    """The claim nouns a content calls wrong or says don't hold weight, a "they" standing for
    the claims named before it in the same content."""
    for tok in span:
        lemma = tok.lemma_.lower()
        if tok.dep_ in ("acomp", "attr") and tok.lower_ in REJECTING:
            verb = tok.head
            if any(c.dep_ == "neg" for c in (*verb.children, *tok.children)):
                continue
        elif tok.pos_ == "VERB" and lemma in HOLDING and any(
                c.dep_ == "neg" for c in tok.children) and any(
                c.dep_ in ("dobj", "prt") and c.lower_ in HOLDING[lemma] for c in tok.children):
            verb = tok
        else:
            continue
        subj = nearest_subject(verb)
        if subj is not None and subj.lower_ in ("they", "these", "those"):
            subj = next((t for t in reversed(span[: subj.i - span.start]) if t.dep_ in (
                "nsubj", "nsubjpass") and t.tag_ == "NNS"), None)
        if subj is not None and subj.lemma_.lower() in CLAIM_NOUNS and span.start <= subj.i:
            yield subj


def believed_right(ctx: Context) -> Iterator[Position]:
    """"Ryan does believe McConnell is correct about …" outside any attribution found: the
    believer agrees with the one said to be right (disagrees with one said to be wrong)."""
    for tok in ctx.tokens(words=RIGHT | WRONG):
        word = tok.lower_
        if tok.dep_ != "acomp" or word not in RIGHT | WRONG or ctx.speaker_at(tok.idx):
            continue
        subj = nearest_subject(tok.head)
        clause = tok.head
        if subj is None or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in BELIEF_VERBS:
            continue
        believer = subject_of(clause.head)
        src = who(ctx, believer) if believer is not None else None
        other = who(ctx, subj)
        if src and other and src[0] != other[0] and not refused(clause.head):
            after = [t for t in tok.subtree if t.i > tok.i and not t.is_punct][:12]
            yield Position("agree" if word in RIGHT else "disagree", compact_words(after) or word,
                           _evidence(ctx, tok), a=src[0], a_id=src[1], b=other[0],
                           b_id=other[1])


def backed_claims(ctx: Context) -> Iterator[Position]:
    """One speaker bearing out or contradicting another's claim: "His remarks buttress the
    contention of Hillary Clinton that …", "Obama backed her up" (agree), "Comey's findings
    contradict Clinton's account" (disagree), on what the claim says."""
    for tok in ctx.tokens(BACKING_VERBS | CONTRADICTING_VERBS):
        lemma = tok.lemma_.lower()
        relation = "agree" if lemma in BACKING_VERBS else "disagree" if (
            lemma in CONTRADICTING_VERBS) else None
        if relation is None or tok.pos_ != "VERB" or refused(tok) or hypothetical(tok) or any(
                c.dep_ == "neg" for c in tok.children):
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None:
            continue
        claimed = _claim_owner(ctx, obj)
        backed_up = lemma == "back" and any(c.dep_ == "prt" and c.lower_ == "up"
                                            for c in tok.children)
        other = claimed or (who(ctx, obj) if backed_up else None)
        subj = subject_of(tok)
        holder = (_claim_owner(ctx, subj) or who(ctx, subj)) if subj is not None else None
        if not other or not holder or _related(other[0], holder[0]):
            continue
        topic = _claim_topic(ctx, tok, obj) if claimed else ""
        said = _latest_statement(ctx, tok, other[0]) if not topic else None
        topic = topic or (said_topic(ctx, said) if said is not None else "")
        if topic:
            yield Position(relation, topic, _evidence(ctx, tok), a=holder[0], a_id=holder[1],
                           b=other[0], b_id=other[1])


def opposed_claims(ctx: Context) -> Iterator[Position]:
    """A speaker attacking, dismissing or calling bad another's claim ("calling Trump's charge
    “pathetic”", "dismissed Obama's remarks", "mocked the claim of Hillary Clinton that …"): an
    explicit divergence from the claim's owner (the guidelines' "one speaker directly rejects
    the other's stated position"), on what the claim says or, when it says nothing, on what its
    owner said last."""
    for claim in ctx.tokens(CLAIM_NOUNS):
        verb = _claim_attacker(ctx, claim)
        if verb is None or refused(verb) or hypothetical(verb) or asked_or_supposed(verb):
            continue
        owner = _claim_owner(ctx, claim)
        if owner is None or any(c.dep_ == "poss" and c.ent_type_ in PLACES | {"NORP"}
                                for c in claim.children):
            continue  # a country's claim questioned is no divergence between two speakers
        subj = subject_of(verb)
        holder = who(ctx, subj) if subj is not None and not nested(ctx, verb, subj) else None
        if not owner or not holder or _related(owner[0], holder[0]):
            continue
        topic = _claim_topic(ctx, verb, claim)
        said = _latest_statement(ctx, verb, owner[0]) if not topic else None
        topic = topic or (charged_words(ctx, said) if said is not None else "")
        if topic:
            yield Position("disagree", topic, _evidence(ctx, verb), a=holder[0], a_id=holder[1],
                           b=owner[0], b_id=owner[1])


def charged_words(ctx: Context, a: Attribution) -> str:
    """What a statement charges, as the topic of a claim rejected without saying what it was:
    the clause around its most strongly judging word ("we'd better be careful, because that
    election is going to be rigged" → "that election is going to be rigged"), else what it
    says (`said_topic`)."""
    span = ctx.doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
    strongest = max(span, key=lambda t: abs(token_valence(t)), default=None) if span else None
    if strongest is None or not token_valence(strongest):
        return said_topic(ctx, a)
    clause = next((h for h in (strongest, *strongest.ancestors) if any(
        c.dep_ in ("nsubj", "nsubjpass") for c in h.children)), strongest)
    words = [t for t in clause.subtree if t.dep_ != "mark" and (not t.is_punct or t.text in ",;")]
    return compact_words(words[: 2 * ctx.rules.max_topic_words])


def _claim_attacker(ctx: Context, claim: Token) -> Token | None:
    """The verb that opposes a claim noun: an oppose stance verb or a verb of rejecting whose
    object it is ("dismissed Obama's remarks"), or a verb of calling that calls it something bad
    (also when the parser hung the claim under the bad word, `small_clause_object`)."""
    if claim.pos_ != "NOUN":
        return None
    verb = claim.head
    if claim.dep_ == "dobj" and verb.pos_ == "VERB" and (
            STANCE_VERBS.get(verb.lemma_.lower()) == "oppose"
            or verb.lemma_.lower() in CLAIM_VERBS):
        return verb
    if claim.dep_ == "dobj" and verb.lemma_.lower() in CALLING:
        called = [t for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr")
                  for t in c.subtree]
    elif verb.dep_ in ("oprd", "xcomp", "ccomp") and verb.head.lemma_.lower() in CALLING and (
            getattr(small_clause_object(verb.head), "i", None) == claim.i):
        called, verb = [t for t in verb.subtree if t.i not in {x.i for x in claim.subtree}], (
            verb.head)
    else:
        return None
    valence = sum(token_valence(t, ctx.rules.booster) for t in called)
    return verb if valence <= -ctx.rules.min_valence else None


def _claim_topic(ctx: Context, verb: Token, claim: Token) -> str:
    """What a claim says: its "that" clause (on the noun or, as parsed, on the verb: "the
    contention of X that some of her emails …"), else its own words beyond the claim noun and
    its owner ("Kerr's account of the fire" → "account of the fire"); "" when it says nothing."""
    clause = next((c for h in (claim, verb) for c in h.children if c.dep_ in (
                   "acl", "ccomp", "advcl") and any(g.dep_ == "mark" and g.lower_ == "that"
                                                    for g in c.children)), None)
    if clause is not None:
        words = [t for t in clause.subtree if t.dep_ != "mark"]
        return compact_words(words[: 2 * ctx.rules.max_topic_words])
    owners = {x.i for c in claim.children if c.dep_ == "poss" or (c.dep_ == "prep" and (
        c.lower_ == "of") and any(g.ent_type_ == "PERSON" for g in c.subtree)) for x in c.subtree}
    words = [t for t in claim.subtree if t.i not in owners and t.dep_ not in ("det", "case")]
    if not content_key(compact_words(words)) - CLAIM_NOUNS - VIEW_NOUNS:
        return ""
    return compact_words(words[: ctx.rules.max_topic_words])


def _latest_statement(ctx: Context, tok: Token, name: str) -> Attribution | None:
    """The last statement of `name` that ends before `tok`."""
    return max((a for a in ctx.attributions if a.speaker and a.content.end <= tok.idx
                and _single_name(ctx, a) == name),
               key=lambda a: a.content.end, default=None)


def _states(subj: Token) -> bool:
    """Whether a coordinated subject names countries ("Russia and the US agreed")."""
    ents = [_entity_of(t) for t in (subj, *subj.conjuncts)]
    return len(ents) >= 2 and all(e is not None and e.label_ == "GPE" for e in ents)


def _leaders(ctx: Context, tok: Token,
             found: list[Position]) -> list[tuple[str, str | None]] | None:
    """Two countries agreeing, as their leaders: the reporting speaker and the counterpart they
    already agreed or diverged with in this article ("Putin said Russia and the US agreed")."""
    inside = ctx.speaker_at(tok.idx)
    speaker = _single(ctx, inside) if inside else None
    other = _counterpart(speaker[0], found) if speaker else None
    return [speaker, other] if speaker and other else None


def _counterpart(name: str, found: list[Position]) -> tuple[str, str | None] | None:
    """The speaker most often paired with `name` in the explicit pairs found so far."""
    counts: dict[tuple[str, str | None], int] = {}
    for p in found:
        if name in (p.a, p.b):
            other = (p.b or "", p.b_id) if p.a == name else (p.a or "", p.a_id)
            counts[other] = counts.get(other, 0) + 1
    return max(counts, key=lambda k: counts[k], default=None)


def held_firm(ctx: Context, found: list[Position]) -> list[Position]:
    """A speaker who "hadn't budged on" issues diverges from their counterpart on each of them
    ("he hadn't budged an inch on big issues like human rights and the war in Ukraine")."""
    out = []
    for tok in ctx.tokens(FIRM_VERBS):
        if tok.lemma_.lower() not in FIRM_VERBS or not refused(tok):
            continue
        subj = subject_of(tok)
        src = who(ctx, subj) if subj is not None else None
        other = _counterpart(src[0], found) if src else None
        if not src or not other:
            continue
        for issue in _issues_on(tok):
            out.append(Position("disagree", _own_phrase(issue, ctx.rules.max_topic_words),
                                _evidence(ctx, tok), a=src[0], a_id=src[1], b=other[0],
                                b_id=other[1]))
    return out


def _own_phrase(tok: Token, limit: int) -> str:
    """A noun's phrase without the phrases coordinated with it ("human rights in Russia")."""
    others = {x.i for t in tok.subtree if t.dep_ in ("conj", "cc") and t is not tok
              for x in t.subtree}
    words = [t for t in tok.subtree if t.i not in others and t.dep_ != "det"][:limit]
    return compact(words, limit)


def _issues_on(verb: Token) -> list[Token]:
    """The issues after "on" ("hadn't budged an inch on …"): each example of "issues like A and
    B", else the object itself."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "prep" and c.lower_ in ("on", "over"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None:
                return []
            like = next((g for g in pobj.children if g.dep_ == "prep" and g.lower_ in (
                "like", "including", "such")), None)
            if like is not None:
                first = next((g for g in like.subtree if g.dep_ == "pobj"), None)
                if first is not None:
                    return [first, *(t for t in like.subtree if t.dep_ == "conj"
                                     and t.pos_ == "NOUN")]
            return [pobj]
    return []


def _pair_relation(tok: Token) -> str | None:
    """agree/disagree when a token states one: the verbs, "common ground", "different positions";
    none when denied or all but denied ("did not clash", "barely sparred")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and any(c.dep_ in ("neg", "advmod") and c.lower_ in (
            NEGATIONS | SCARCELY) for c in tok.children) and lemma not in AGREE_VERBS:
        return None
    if tok.pos_ == "VERB" and lemma in AGREE_VERBS:
        return "agree" if not any(c.dep_ == "neg" for c in tok.children) else None
    if tok.pos_ == "VERB" and lemma in DISAGREE_VERBS:
        return "disagree"
    if tok.pos_ == "VERB" and lemma == "trade" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in TRADED_BLOWS for c in tok.children):
        return "disagree"  # "they have traded barbs about racism"
    if tok.pos_ == "VERB" and lemma == "break" and any(
            c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return "disagree"  # "Clinton breaks with Obama on the bill"
    if tok.pos_ == "VERB" and lemma in ("find", "have", "share", "reach"):
        for c in tok.children:
            if c.dep_ == "dobj" and c.lemma_.lower() == "ground" and any(
                    g.lower_ == "common" for g in c.children):
                return "agree"
            if c.dep_ == "dobj" and c.lemma_.lower() in VIEW_NOUNS and any(
                    g.lower_ in DIVERGENT for g in c.subtree):
                return "disagree"
    return None


def _partner(ctx: Context, tok: Token) -> tuple[str, str | None] | None:
    """The other speaker of "X agreed with Y" / "X echoed Y" / "X, echoing comments made
    earlier by Y" / "echoing Y's remarks"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            for g in c.children:
                if g.dep_ == "pobj":
                    return who(ctx, _titled_name(g)) or _claim_owner(ctx, g)
                    # "breaking with the Fed's chairwoman, Janet L. Yellen", "agrees with
                    # Ginsburg's remarks"
        if c.dep_ == "dobj" and tok.lemma_.lower() == "echo":
            return who(ctx, c) or _claim_owner(ctx, c)
    return None


def _claim_owner(ctx: Context, noun: Token) -> tuple[str, str | None] | None:
    """Whose comments, claim or view a noun is: its possessor ("Obama's remarks"), its agent
    ("comments made earlier by President Obama") or its of-object ("the contention of Hillary
    Clinton"); None when it names no one."""
    if noun.lemma_.lower() not in CLAIM_NOUNS | VIEW_NOUNS | VOICED_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.lemma_.lower() not in VOICED_NOUNS:  # not "denunciation of Trump"
        owner = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None)
    if owner is None:  # "comments by his colleague, New York Sen. Kirsten Gillibrand"
        owner = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                      for g in c.children if g.dep_ == "pobj"), None)
    if owner is None:
        owner = next((g for c in noun.children if c.dep_ == "acl"
                      for a in c.children if a.dep_ == "agent"
                      for g in a.children if g.dep_ == "pobj"), None)
    return who(ctx, _titled_name(owner)) if owner is not None else None


def bare_agreement(tok: Token) -> bool:
    """Whether "agreed", "concurred" or "disagreed" stands without a partner, plan or topic
    ("Weighing in, Mike Huckabee agreed, praising …"): a verdict on whoever spoke just before."""
    return tok.lemma_.lower() in ("agree", "concur", "disagree") and not any(
        c.dep_ in ("prep", "xcomp", "ccomp", "dobj", "neg", "aux", "auxpass") and (
            c.dep_ != "aux" or c.lower_ not in ("has", "have", "had"))
        for c in tok.children) and not hypothetical(tok)


def prior_statement(ctx: Context, tok: Token, name: str,
                    sentences: int = 2) -> Attribution | None:
    """The last statement by someone other than `name` that ends before `tok`, within the
    `sentences` sentences before its own: what a bare "agreed" agrees with."""
    start = _sentences_back(tok, sentences).start_char
    found = [a for a in ctx.attributions if a.speaker and start <= a.content.start
             and a.content.end <= tok.idx and _single(ctx, a) is not None]
    found = [a for a in found if not _related(_single_name(ctx, a), name)]
    return max(found, key=lambda a: a.content.end, default=None)


def said_topic(ctx: Context, a: Attribution) -> str:
    """What a statement is about, for a pair agreeing with it: its words without a leading
    "I think" frame, cut to twice the topic length."""
    start, end = a.content.spans[-1] if a.content.spans else (a.content.start, a.content.end)
    span = ctx.doc.char_span(start, end, alignment_mode="expand")  # its last part, the nearest
    if span is None:
        return ""
    words = [t for t in span if not t.is_punct or t.text in ",;"]
    if len(words) > 2 and words[0].pos_ == "PRON" and words[1].lemma_.lower() in BELIEF_VERBS:
        words = words[2:]  # "I think it's time …"
    words = words[: 2 * ctx.rules.max_topic_words]
    while words and words[-1].is_punct:
        words.pop()
    return compact_words(words)


def _own_statement_topic(ctx: Context, tok: Token, name: str) -> str:
    """What `name` says in the sentence of `tok` ("“There should be common ground …,” said Josh
    Earnest, echoing comments made earlier by President Obama"), as a topic; "" if nothing."""
    sent = tok.sent
    mine = [a for a in ctx.attributions if a.speaker and _single_name(ctx, a) == name
            and sent.start_char <= a.content.end and a.content.start < sent.end_char
            and not (a.cue and any(s <= tok.idx < e for s, e in a.cue.spans))
            and not any(s <= tok.idx < e for s, e in a.content.spans)]
    return said_topic(ctx, mine[0]) if mine else ""


def _pair_topic(tok: Token, limit: int) -> str:
    """What two speakers agree or diverge on: on/over/about, the plan they agreed to, or the
    fronted "On Navalny," of the clause that reports them."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "over", "about", "regarding"):
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")
                         and g.ent_type_ not in ("DATE", "TIME")), None)  # not "On Sunday"
            if pobj is not None:
                return _issue_of(pobj, limit)
        if c.dep_ == "dobj" and tok.lemma_.lower() == "echo" and any(
                g.dep_ == "prep" and g.lower_ == "of" for g in c.children):
            return _act_of(c, limit)  # "echoed Mr. Putin's justification of the annexation"
        if c.dep_ == "prep" and c.lower_ == "with" and not any(
                x.lower_ in ("on", "over", "about") for x in tok.children):
            pobj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            if pobj is not None:
                return _act_of(pobj, limit)  # "disagrees with a State Department decision to …"
        if c.dep_ == "dobj":
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ in ("on", "over", "about"):
                    pobj = next((x for x in g.children if x.dep_ == "pobj"), None)
                    if pobj is not None:
                        return _issue_of(pobj, limit)
        if c.dep_ in ("xcomp", "ccomp"):
            return _plan_topic(c, limit)
    head = tok
    while head.dep_ in ("ccomp", "conj", "xcomp") and head.head is not head:
        head = head.head
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "over", "about") and c.i < tok.i:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return _issue_of(pobj, limit)
    return ""


def _act_of(noun: Token, limit: int) -> str:
    """Another's act or view as a topic, without the name it belongs to ("a State Department
    decision to retroactively classify them" → "decision to retroactively classify them")."""
    owners = {x.i for c in noun.lefts if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"
              for x in c.subtree}
    words = [t for t in noun.subtree if t.i not in owners and t.dep_ not in ("det", "case")]
    words = words[:limit]
    while words and words[-1].is_punct:
        words.pop()  # "line of criticism —"
    return compact_words(words)


def _issue_of(tok: Token, limit: int) -> str:
    """"the issue of climate change" → "climate change"; otherwise the phrase itself."""
    if tok.lemma_.lower() in ("issue", "question", "matter", "subject", "topic"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    return phrase(pobj, limit)
    return phrase(tok, limit)


def _plan_topic(verb: Token, limit: int) -> str:
    """What an agreed plan is about: its on/about object, else its object."""
    for t in verb.subtree:
        if t.dep_ == "prep" and t.lower_ in ("on", "about", "over"):
            pobj = next((g for g in t.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                return _issue_of(pobj, limit)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "pobj")), None)
    if obj is not None:
        return phrase(obj, limit)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None:  # "agreed each other's ambassadors should return to their posts"
        return compact([t for t in verb.subtree if t.i >= subj.left_edge.i], limit)
    return compact(verb.subtree, limit)


def _right_or_wrong(ctx: Context) -> Iterator[Position]:
    """"X said Y was absolutely right" (agree) or "… was wrong" (disagree)."""
    for a in ctx.attributions:
        speaker = _single(ctx, a)
        if speaker is None or not a.speaker or a.speaker.resolved_by == "none":
            continue
        span = ctx.doc.char_span(a.content.start, a.content.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            word = tok.lower_
            if tok.dep_ != "acomp" or word not in RIGHT | WRONG or asked_or_supposed(tok) or (
                    reported_within(tok, a)):
                continue  # "Even if she could convince people she's right" supposes
            subj = nearest_subject(tok.head)
            other = who(ctx, subj) if subj is not None and subj.lower_ not in (
                "i", "we", "it", "that", "this") else None
            if other and other[0] != speaker[0]:
                relation = "agree" if word in RIGHT else "disagree"
                after = [t for t in span if t.i > tok.i and not t.is_punct][:12]
                topic = compact_words(after) or compact(span, ctx.rules.max_topic_words)
                yield Position(relation, topic, a.content,
                               a=speaker[0], a_id=speaker[1], b=other[0], b_id=other[1])


def reported_within(tok: Token, a: Attribution) -> bool:
    """Whether a word stands in what a third person is reported, inside the content's own words,
    to have said or thought ("“She said she was wrong for what she did,” the detective wrote":
    her verdict on herself, not the detective's on her); "I think he is wrong" is the
    speaker's, and the attribution's own cue ("… fair,” Trump said, “but …") reports nothing
    inside."""
    for head in tok.ancestors:
        if not any(s <= head.idx < e for s, e in a.content.spans):
            return False
        lemma = head.lemma_.lower()
        if head.pos_ == "VERB" and lemma in SPEECH_ACTS | BELIEF_VERBS and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("i", "we")
                for c in head.children):
            return True
    return False


def derived_pairs(stances: list[Position], explicit: list[Position],
                  law: str = "", people: frozenset[str] = frozenset(),
                  sides: Mapping[str, frozenset[str]] | None = None) -> Iterator[Position]:
    """Agree/disagree between two sources with stances on the same target in one article, on
    the target as the article names it most fully (`cluster_name`; `law` is the article's one
    law, `the_law`; `people` the last names of the people it names, as for `same_targets`).

    No pair when one source holds both polarities on that target, when one name is part of the
    other ("Obama" and "the Obama administration"), when one is a group that may hold the other
    ("Republicans" and Jim Jordan: a group is never paired with a person), or when
    the pair already has that label.
    """
    by_target: dict[frozenset[str], list[Position]] = {}
    stances = [core_stance(s) for s in stances]
    keys = same_targets([s.target or "" for s in stances], people)
    for s in stances:
        key = keys.get(s.target or "", frozenset())
        if key:
            by_target.setdefault(key, []).append(s)
    done = {(frozenset((p.a or "", p.b or "")), p.relation) for p in explicit}
    for cluster, group in by_target.items():
        topic = cluster_name(cluster, [s.target or "" for s in group], law)
        polarities: dict[str, set[str]] = {}
        for s in group:
            polarities.setdefault(s.source or "", set()).add(s.polarity or "")
        firm = [s for s in group if len(polarities[s.source or ""]) == 1
                and not weak_group_stance(s) and not unnamed_inference(s)]
        for i, x in enumerate(firm):
            for y in firm[i + 1:]:
                if not x.source or not y.source or _related(x.source, y.source, sides):
                    continue
                relation = "agree" if x.polarity == y.polarity else "disagree"
                if _open(x.source) != _open(y.source) and relation == "agree":
                    continue  # the person may be one of the group; opposed, they cannot be
                key = (frozenset((x.source, y.source)), relation)
                if key in done:
                    continue
                done.add(key)
                later = max(x, y, key=lambda p: p.evidence.start)
                yield Position(relation, topic, later.evidence, a=x.source,
                               a_id=x.source_id, b=y.source, b_id=y.source_id, explicit=False)


def weak_group_stance(stance: Position) -> bool:
    """Whether a stance is too weak to pair its holder with anyone: an open group's
    ("Democrats", "Republicans", `_open`) stance read from an evaluation or a reaction, not a
    stance act of the group ("Republicans across the country are expressing concern about
    Trump" is no side taken that a senator who backs Trump diverges from; "Democrats" behind
    a quote one of them gave). A bounded group ("members of the Saudi government") keeps it."""
    return not stance.explicit and _open(stance.source or "")


def unnamed_inference(stance: Position) -> bool:
    """Whether a stance is too weak to pair its holder with anyone: inferred (an evaluation or a
    reaction, no stance act) of a person or body its evidence never names, read through a "he"
    or "him" ("If he … brought this on the candidate's wife, I think he should resign" is no
    judgment of the wife). One addressed as "you" keeps it ("“You should resign,” Warren told
    Stumpf"), and so does the article's law named as "the legislation"."""
    words = content_key(stance.evidence.text)
    return not stance.explicit and _name_like(stance.target or "") and not law_acronym(
        stance.target or "") and not (content_key(stance.target or "") & words) and not re.search(
        r"\byou\b", stance.evidence.text, re.IGNORECASE)


def core_stance(stance: Position) -> Position:
    """A stance on an act or a call, as a stance on what it acts on, for derived pairs:
    backing "repealing Obamacare" opposes Obamacare, backing "build the wall" backs the wall,
    opposing "Trump's call for a deportation force" opposes the deportation force, opposing
    "Obama's rationales to veto JASTA" backs JASTA, opposing "Trump's skepticism on climate
    change" backs climate change, and dismissing "criticism of Mr. Trump's comments about the
    Khans" backs the comments, however long their name (a stance on an unowned "the attacks on
    Paris" stays whole)."""
    words = (stance.target or "").split()
    polarity = stance.polarity or ""
    against = re.match(r"^(?:(?:\S+\s+){0,3}?\S+[’']s?\s+(?:skepticism|scepticism|doubts?|"
                       r"denial|opposition|hostility|attacks?|criticism)|(?:the\s+)?(?:criticism|"
                       r"skepticism|scepticism|opposition|hostility))\s+(?:on|about|of|to|toward|"
                       r"towards|over|against)\s+(.+)$", stance.target or "")
    if against:  # opposing "Trump's skepticism on climate change" backs climate change
        words = against.group(1).split()
        polarity = {"support": "oppose", "oppose": "support"}.get(polarity, polarity)
    call = re.match(r"^(?:\S+\s+){0,3}?\S+[’']s?\s+(?:call|calls|plan|plans|proposal|push|bid|"
                    r"rationales?|reasons?|decision|threat|move|efforts?|attempts?)\s+"
                    r"(?:for|to)\s+(.+)$", stance.target or "")
    if call:
        words = call.group(1).split()
    verb = _verb_lemma(words[0]) if len(words) > 1 else ""
    if verb in END_VERBS:
        polarity = {"support": "oppose", "oppose": "support"}.get(polarity, polarity)
    if verb in END_VERBS | MAKE_VERBS:
        words = words[1:]
    target = re.sub(r"[“”\"]", "", " ".join(words)).strip()
    if target == stance.target or not content_key(target) or (len(words) > 5 and not against):
        return stance  # "the proposal to ban Muslims from coming into the country" stays whole
    return replace(stance, target=target, polarity=polarity)


def _verb_lemma(word: str) -> str:
    """A verb form's base as END_VERBS and MAKE_VERBS list it ("repealing", "scrapped",
    "bans" → "repeal", "scrap", "ban")."""
    word = word.lower()
    for suffix, cut in (("ping", 4), ("ning", 4), ("ing", 3), ("ped", 3), ("ned", 3), ("ed", 2),
                        ("s", 1)):
        base = word[: -cut] if word.endswith(suffix) else ""
        if base in END_VERBS | MAKE_VERBS:
            return base
        if base + "e" in END_VERBS | MAKE_VERBS:
            return base + "e"
    return word


def cluster_name(key: frozenset[str], targets: list[str], law: str = "") -> str:
    """The fullest of the ways an article names one target (`same_targets` gave them `key`):
    the article's one law with its acronym when they are that law ("the bill" and "JASTA" are
    "the Justice Against Sponsors of Terrorism Act (JASTA)"), else the one with the most
    content words."""
    if law and any(w.startswith("#") for w in key):
        return law
    return max(targets, key=lambda t: (len(content_key(t)), len(t)), default="")


def _open(name: str) -> bool:
    """Whether a source is a group anyone might belong to ("Republicans", "top black
    lawmakers"), not one bounded by a named body ("members of the Saudi government",
    "Republicans on the House Financial Services Committee")."""
    return _group(name) and not re.search(r"\b(?:of|on|at|in) the [A-Z]", name)


def _group(name: str) -> bool:
    """Whether a source is a group ("Republicans", "top black lawmakers", "members of the Saudi
    government"), not a named person or organisation."""
    words = clean_name(name).split()
    if not words:
        return False
    return words[0][:1].islower() or (len(words) == 1 and words[0].endswith("s"))


def same_targets(targets: Iterable[str],
                 people: frozenset[str] = frozenset()) -> dict[str, frozenset[str]]:
    """One key per target an article names in several ways: a person by their last name ("Trump"
    = "Donald J. Trump"), an issue by its content words, a shorter issue joining the one longer
    issue that holds all its words ("the plan" = "the harbour plan"), a bare "the bill" or
    "this legislation" the one law the article names ("JASTA"), and a country's or body's
    claim, test or plan that country or body ("North Korea's claim" = "North Korea"; not a
    person's: "Trump's comments" are not Trump; `people` are the last names of the people the
    article names, lower-cased)."""
    out: dict[str, frozenset[str]] = {}
    issues: list[frozenset[str]] = []
    targets = list(targets)
    named_laws = {law_acronym(t) for t in targets} - {""}
    kin = namesakes(targets)
    for t in dict.fromkeys(targets):
        key = _target_key(t)
        if not key:
            continue
        law = law_acronym(t) or (t.strip() if t.strip() in named_laws else "")
        owner = _owner(t)
        if law:
            key = frozenset({"#" + law})
        elif _name_like(t):
            key = frozenset({"@" + kin.get(t, clean_name(t).split()[-1].lower())})
        elif owner and owner.split()[-1].lower() not in people:
            key = frozenset({"@" + owner.split()[-1].lower()})
        else:
            issues.append(key)
        out[t] = key
    laws = {k for k in out.values() if any(w.startswith("#") for w in k)}
    for t, key in out.items():
        if key not in issues:
            continue
        if key <= GENERIC_LAWS and len(laws) == 1:
            out[t] = next(iter(laws))
            continue
        holders = {k for k in issues if key < k}
        if len(holders) == 1:
            out[t] = holders.pop()
    return out


def namesakes(targets: Iterable[str]) -> dict[str, str]:
    """Named targets that share a last name with another of other first name ("Alan Mark
    Grayson" and "Dena Minning Grayson", husband and wife): each keyed by first and last name,
    so they are not one target; a bare "Grayson" stays on the last name."""
    firsts: dict[str, set[str]] = {}
    for t in targets:
        words = clean_name(t).lower().split()
        if _name_like(t) and len(words) >= 2:
            firsts.setdefault(words[-1], set()).add(words[0])
    return {t: f"{words[0]} {words[-1]}" for t in targets
            if _name_like(t) and len(words := clean_name(t).lower().split()) >= 2
            and len(firsts.get(words[-1], ())) > 1}


def _owner(target: str) -> str:
    """The name a target is said to belong to ("North Korea's claim" → "North Korea"), else ""."""
    found = re.match(r"^(?:the\s+)?((?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*)[’']s?\s+\S", target)
    return found.group(1) if found else ""


def law_acronym(target: str) -> str:
    """A named law or bill as its acronym ("the Justice Against Sponsors of Terrorism Act
    (JASTA)" is "JASTA", so is a bare "JASTA" beside it); "" for anything else."""
    found = re.search(r"\(([A-Z]{3,})\)", target)
    if found:
        return found.group(1)
    words = clean_name(re.sub(r"\(.*?\)|[“”\"]", "", target)).split()
    if len(words) >= 2 and words[-1].lower() in LAW_WORDS and all(
            w[:1].isupper() or w in ("of", "for", "and", "on", "the") for w in words):
        return "".join(w[0] for w in words if w[:1].isupper())
    return ""


def _name_like(target: str) -> bool:
    """Whether a target is a name ("Donald J. Trump", "Wells Fargo"), not an issue phrase."""
    words = clean_name(target).split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() or w in ("of", "de", "van") for w in words)


def _target_key(target: str) -> frozenset[str]:
    """Targets compare by their content words, a head noun written one of several ways as one
    word (`SAME_THING`: "the nuclear agreement" = "the nuclear deal", "Obama's remarks" =
    "Obama's speech")."""
    return frozenset(SAME_THING.get(w, w) for w in content_key(target))


def _related(a: str, b: str, sides: Mapping[str, frozenset[str]] | None = None) -> bool:
    """Whether one speaker may be part of or speak for the other: their names share a word, or
    their sides do (`sides`: what `speaking_for` read of each)."""
    ka, kb = content_key(a) | _executive(a), content_key(b) | _executive(b)
    if sides:
        ka, kb = ka | sides.get(a, frozenset()), kb | sides.get(b, frozenset())
    return not ka or not kb or bool(ka & kb)


def speaking_for(ctx: Context) -> dict[str, frozenset[str]]:
    """Whom each speaker speaks for, as words to compare (`_related`): the people and
    organisations their source mention names beside them ("White House Press Secretary Josh
    Earnest", "Clinton spokesman Jesse Lehrich"); the White House, an administration and the
    person titled President are one executive side. Names in a relative clause of the source
    are what the speaker did, not whom they speak for ("Huffman, who does not support Grayson's
    opponent, Murphy")."""
    sides: dict[str, set[str]] = {}
    named = [e for e in ctx.doc.ents if e.label_ in ("ORG", "PERSON")]
    for a in ctx.attributions:
        span = mention_span(ctx.doc, a.source)
        if span is None:
            continue
        end = next((t.i for t in span if t.tag_ in ("WP", "WDT")), span.end)
        beside = [e for e in named if span.start <= e.start and e.end <= end]
        for name, _ in sources(ctx, a) if beside else ():
            own = content_key(name)
            for ent in beside:
                if not content_key(ent.text) & own:
                    sides.setdefault(name, set()).update(content_key(ent.text))
    for ent in ctx.doc.ents:
        if ent.label_ == "PERSON" and ent.start > 0 and (
                ent[0].lower_ == "president" or ent.doc[ent.start - 1].lower_ == "president"):
            sides.setdefault(ctx.names.resolve(ent.text)[0], set()).add(EXECUTIVE)
    out = {}
    for name, words in sides.items():
        words |= content_key(name)
        if {"white", "house"} <= words or "administration" in words:
            words.add(EXECUTIVE)
        out[name] = frozenset(words)
    return out


def _executive(name: str) -> frozenset[str]:
    """The executive side of a name that is the White House or an administration."""
    words = content_key(name)
    return frozenset({EXECUTIVE}) if {"white", "house"} <= words or (
        "administration" in words) else frozenset()


def dedupe(positions: Iterable[Position]) -> list[Position]:
    """One line per (relation, source/pair, target, polarity): the first found wins."""
    seen: set[tuple[object, ...]] = set()
    out: list[Position] = []
    for p in positions:
        if p.relation == "stance":
            key: tuple[object, ...] = ("stance", p.source, _target_key(p.target or ""), p.polarity)
        else:
            key = (p.relation, frozenset((p.a, p.b)), content_key(p.topic))
        held = next((k for k, q in enumerate(out) if p.relation == "stance"
                     and _same_name_held(p, q)), None)
        if held is not None:  # the first found wins, under the fuller of the two names
            if len(clean_name(p.target or "")) > len(clean_name(out[held].target or "")):
                out[held] = replace(out[held], target=p.target)
            continue
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _same_name_held(p: Position, held: Position) -> bool:
    """Whether a stance is one already held on the same person named more or less fully
    ("Florida Sen. Marco Rubio" beside "Marco Rubio"; not "Heidi Cruz" beside "Ted Cruz")."""
    x, y = clean_name(p.target or ""), clean_name(held.target or "")
    if held.relation != "stance" or (held.source, held.polarity) != (p.source, p.polarity) or (
            not _name_like(x) or not _name_like(y) or len(x.split()) + len(y.split()) < 3):
        return False
    return _contains(x, y) or _contains(y, x)


def find_positions(doc: Doc, attributions: Iterable[Attribution], offset: int = 0,
                   rules: PositionRules | None = None,
                   referents: dict[int, str] | None = None,
                   learned: Callable[[Context, list[Position]], list[Position]] | None = None,
                   ) -> tuple[Position, ...]:
    """Every stance and agreement an article reports.

    `doc` parses the article text from character `offset` on; attributions and the evidence
    returned are in article offsets; `referents` are the attribution step's (DocContext), read
    again when not given; `learned` adds stances to the rules' (the learned stance model,
    `stance_model.learned`).
    """
    ctx = build_context(doc, (_moved(a, -offset) for a in attributions), rules, referents)
    stances, pairs = rule_positions(ctx)
    extra = learned(ctx, stances) if learned is not None else []
    found = with_pairs(ctx, dedupe([*stances, *extra]), pairs)
    return tuple(replace(p, evidence=_shift(p.evidence, offset)) for p in found)


def with_pairs(ctx: Context, stances: list[Position], pairs: list[Position]) -> list[Position]:
    """The stances, explicit pairs and the pairs derived from the stances, in text order, none
    held by a document."""
    people = frozenset(e.text.split()[-1].lower() for e in ctx.doc.ents if e.label_ == "PERSON")
    derived = list(derived_pairs(stances, pairs, ctx.law, people, speaking_for(ctx)))
    return sorted((p for p in (*stances, *pairs, *derived) if not _documents(p)),
                  key=lambda p: p.evidence.start)


def rule_positions(ctx: Context) -> tuple[list[Position], list[Position]]:
    """The stances and the explicit pairs the hand-written rules find."""
    acts = [*stance_acts(ctx), *stance_nouns(ctx), *demands(ctx), *urgings(ctx), *reactions(ctx),
            *advocacy(ctx), *charges(ctx), *epithets(ctx), *rhetorical_questions(ctx),
            *problems_with(ctx), *esteem(ctx), *sides_taken(ctx), *needed(ctx),
            *consequences(ctx), *act_consequences(ctx), *nods(ctx), *ousters(ctx),
            *faulted_deeds(ctx), *credited_stances(ctx), *passive_acts(ctx), *stances_from(ctx),
            *too_little(ctx)]
    rejected = list(rejected_claims(ctx))
    acts += [p for p in rejected if p.relation == "stance"]
    stances = dedupe([*acts, *(e for e in evaluations(ctx) if not restates(e, acts))])
    pairs = same_topic_once(dedupe([*explicit_pairs(ctx), *joint_agreements(ctx),
                                    *(p for p in rejected if p.relation != "stance")]))
    return stances, [p for p in pairs if not topicless(p)]


def topicless(pair: Position) -> bool:
    """Whether an agreement or divergence names no point it is on ("everything I say, he agrees
    with me", "Trump also asserted that unnamed military leaders agree with him"): a pair is
    between two speakers on a topic, and one the text gives none for is a claim about the other,
    not a shared position."""
    return not content_key(pair.topic)


def same_topic_once(pairs: list[Position]) -> list[Position]:
    """One explicit pair line per pair, label and topic: a later line whose topic shares half
    the words of an earlier one's is the same divergence reported again ("rejects Trump's
    remarks about Muslims" in the headline, "rejects Donald Trump's latest comments about
    Muslims" in the text)."""
    out: list[Position] = []
    for p in pairs:
        key = content_key(p.topic)
        if not any(q.relation == p.relation and {q.a, q.b} == {p.a, p.b} and (
                len(key & content_key(q.topic)) * 2 >= min(len(key), len(content_key(q.topic)))
                > 0) for q in out):
            out.append(p)
    return out


def covered(stance: Position, rules: list[Position]) -> bool:
    """Whether the rules already hold a stance of this source on a target sharing a word (of
    either polarity: the model does not overrule them, "Ann Kerr called Rubio a friend")."""
    key = content_key(stance.target or "")
    return any(r.source == stance.source and key & content_key(f"{r.target} {r.topic}")
               for r in rules)


def _documents(p: Position) -> bool:
    """Whether a relation's holder is a poll, report, study or statement ("Polls show that
    majorities … back …", "the latest polls … are wrong", "Trump's statement … the fight
    against Hillary Clinton"): documents hold no positions (a statement's author may)."""
    names = (p.source,) if p.relation == "stance" else (p.a, p.b)
    return any(clean_name(n or "").lower().split()[-1:] in ([w] for w in DOCUMENT_WORDS)
               for n in names)


def restates(evaluation: Position, acts: list[Position]) -> bool:
    """Whether an evaluation only repeats a stance act of the same speaker and polarity in the
    same sentence ("criticized Betty Shelby for shooting Terence Crutcher")."""
    return any(a.source == evaluation.source and a.polarity == evaluation.polarity
               and a.evidence.start <= evaluation.evidence.start < a.evidence.end for a in acts)


def _shift(m: Mention, by: int) -> Mention:
    """A mention moved by `by` characters."""
    return Mention(m.text, tuple((s + by, e + by) for s, e in m.spans)) if by else m


def _moved(a: Attribution, by: int) -> Attribution:
    """An attribution with every mention moved by `by` characters."""
    if not by:
        return a
    return replace(a, content=_shift(a.content, by),
                   cue=_shift(a.cue, by) if a.cue else None,
                   source=_shift(a.source, by) if a.source else None)
