"""Speaker resolution within one article: names, aliases, pronouns and descriptions to speakers.

`resolve_sources(doc, sources)` maps each source mention of an article's attributions to the
`Speaker` it refers to. The article is indexed once (named mentions clustered into entities,
their genders, roles and salience); then one left-to-right pass resolves pronouns and
descriptions against what came before. Decisions, each in a small function below:

- names: PERSON mentions cluster by token containment ("Biden", "President Biden",
  "Joe Biden" are one speaker named "Joe Biden"); different full names sharing a surname stay
  apart and a bare surname goes to the one mentioned in the same or previous sentence, else to
  the most mentioned. ORG variants cluster on "the X" / possessive / acronym forms.
- pronouns: he/she/they/it go to the most salient compatible candidate before them, outside
  quotations: recent sentences, subjects, and the speaker of the previous attribution weigh most.
- descriptions ("the Russian leader"): role and nationality/party words are matched against how
  each person was introduced (appositions, title compounds, relative clauses), then salience.
- anonymous groups and indefinites ("officials", "a source", "White House officials") are
  GROUP speakers named by the mention without determiners: resolved_by "name" when the mention
  contains a proper name ("White House officials"), else "none" (nobody identifiable).
- coordinations are GROUP speakers named after their members: "Mr. Grassley and Mr. Leahy"
  (resolved_by "name"), "he and Biden" -> "Putin and Biden" (resolved_by "pronoun"); they also
  become antecedents of a later "they".
- organisations described by a common noun: "the Trump campaign" is the ORG "Trump campaign";
  "the campaign"/"the company"/"the city" go to the matching organisation or place (or to the
  campaign of the person just named).
- documents stay documents (type DOCUMENT) named with their issuer when the article gives one
  ("a Pentagon memo" -> "Pentagon memo", "his website" -> "Trump's website", "a study by Ann
  Lee" -> "Ann Lee's study"); "the poll"/"the study" go to the last such document of its kind.
- party members ("the Kentucky Republican") are person descriptions; indefinite people ("a
  senior official", "a New Hampshire Democrat") are anonymous (OTHER, resolved_by "none"), one
  speaker per mention, never a named person -- unless their sentence reports nothing and leads
  into a quotation the next sentence gives to one newly named person who fits ("At least one
  Democrat wasn't on board. “…,” Sen. Claire McCaskill (D-Mo.) said.").
- a person with people of their own ("The Republican nominee and his aides") is one GROUP named
  after the person ("Donald Trump and his aides"); a person's operatives are their campaign.
- a noun phrase said of a name is that name: a copula's complement ("Lund is a city", "My
  friend Andrea is a biology major"), an apposition, a role after "as" (its verb's named
  object, else its subject: "Norton made a living as a businessman"), and a noun introduced
  with its name ("a man named Rabindranath Tagore", "this guy called Mario").
- aides of someone whose campaign the article names are that campaign ("the Clinton campaign
  … Clinton aides" -> "Clinton campaign"), "campaign aides" the campaign named last; a
  president's aides with no campaign named stay "Obama's aides".
- a title-cased headline's "Judge …" or "New Poll …" is read like a lede's "A judge" / "A new
  poll": the person or document the next sentences name (one sentence further than from the
  lede).
- documents: "reports like the 2014 National Climate Assessment, which …" is the named
  example; "the Paris climate agreement, the first accord …" the agreement it renames; bare
  or demonstrative "tax returns"/"those returns" the returns last named with their owner
  ("his tax returns" -> "Trump's tax returns", looked for as far back as person descriptions).
- anything else unresolved is `Speaker(mention text, slug, "OTHER", "none")`; a pronoun source
  inside a quotation ("“I …”", "“We …”") is left unresolved. Unresolved things ("the report")
  stay available as antecedents of "it".

Only names outside quotations are candidates, distances count narrative sentences (a run of
quoted sentences does not push a speaker out of reach), and every scan is bounded: the index
is built in one pass over the tokens, each pronoun looks back at most five sentences.

Modules: `mentions` (named mentions, clean names, word facts), `clusters` (mentions grouped into
entities: the `ArticleIndex`), `pronouns`, `descriptions`, `resolve` (the entry point).
"""

from saidwhat.engine.speakers.resolve import resolve_sources

__all__ = ["resolve_sources"]
