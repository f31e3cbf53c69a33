/*
 * attribute-test.c: the attribution sieves on invented paragraphs.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "annotate-helpers.h"

static const char article[] =
    "Harbour stays shut\n\n"
    "\"The bridge stays shut until spring,\" Lena Ferreira said.\n\n"
    "\"We were not consulted,\" said Tom Okafor, a spokesman for the "
    "harbour authority.\n\n"
    "Ferreira told the Daily Ledger: \"The figures are wrong.\"\n\n"
    "\"We will rebuild,\" she said, \"and we start on Monday.\"\n\n"
    "\"It will take a year.\"\n\n"
    "The cost is high, according to Tom Okafor. \"Nobody planned "
    "for this,\" the spokesman said.\n\n"
    "A senior official in Norway told reporters the plan was \"a "
    "mistake from the start,\" calling it \"reckless and late.\"\n\n"
    "\"Repairs will take a year,\" according to the affidavit.\n\n"
    "Critics called it a \"sham\" deal.\n";

static void
test_sieves(void **state)
{
	struct annotation *ann = annotate_string(article, sizeof article - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "The bridge"), "Lena Ferreira");
	assert_string_equal(speaker_of(ann, "We were not"), "Tom Okafor");
	assert_string_equal(speaker_of(ann, "The figures"), "Lena Ferreira");
	assert_string_equal(speaker_of(ann, "We will rebuild"),
	                    "Lena Ferreira");
	assert_string_equal(speaker_of(ann, "and we start"), "Lena Ferreira");
	assert_string_equal(speaker_of(ann, "It will take"), "Lena Ferreira");
	assert_string_equal(speaker_of(ann, "Nobody planned"), "Tom Okafor");
	assert_non_null(strstr(speaker_of(ann, "a mistake"), "official"));
	assert_non_null(strstr(speaker_of(ann, "reckless"), "official"));
	assert_string_equal(speaker_of(ann, "Repairs"), "(none)");
	assert_non_null(actor_named(ann, "Tom Okafor"));
	assert_non_null(
	    strstr(actor_named(ann, "Tom Okafor")->role, "spokesman"));
	annotation_free(ann);
}

static void
test_cues_recorded(void **state)
{
	struct annotation *ann = annotate_string(article, sizeof article - 1);
	size_t i;

	(void)state;
	for (i = 0; i < ann->nquotes; i++) {
		const struct quote *q = &ann->quotes[i];

		if (q->cue != NULL) {
			assert_true(q->cue_span.end > q->cue_span.start);
			assert_memory_equal(article + q->cue_span.start, q->cue,
			                    strlen(q->cue));
		}
		assert_true(q->speaker >= -1 && q->speaker < (int)ann->nactors);
		assert_true(q->confidence >= 0 && q->confidence <= 1);
		assert_memory_equal(article + q->span.start, q->text,
		                    q->span.end - q->span.start);
		if (strcmp(q->text, "sham") == 0)
			assert_int_equal(q->kind, QUOTE_PARTIAL);
	}
	annotation_free(ann);
}

static const char article2[] =
    "Harbour report\n\n"
    "The report's authors say the delay is \"the costliest in a decade\". "
    "They call for \"an immediate review of every contract.\"\n\n"
    "Writing in a column, Ana Ruiz of The Globe and Mail dubbed the plan "
    "\"a slow-motion failure from the very first day\".\n\n"
    "\"We will see the bridge open again before the winter comes.\"\n\n"
    "\u2014 Deputy Mayor Piet Kos of the harbour board.\n\n"
    "PC World's analysis of its own traffic concluded, \"Most readers "
    "never noticed the change at all.\"\n\n"
    "Senator Ada Lind issued a statement on the vote. \"Nobody asked "
    "the people who live here.\"\n";

static void
test_more_sieves(void **state)
{
	struct annotation *ann = annotate_string(article2, sizeof article2 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "the costliest"),
	                    "The report's authors");
	assert_string_equal(speaker_of(ann, "an immediate"),
	                    "The report's authors");
	assert_string_equal(speaker_of(ann, "a slow-motion"), "Ana Ruiz");
	assert_string_equal(speaker_of(ann, "We will see"), "Piet Kos");
	assert_string_equal(speaker_of(ann, "Most readers"), "PC World");
	assert_string_equal(speaker_of(ann, "Nobody asked"), "Ada Lind");
	annotation_free(ann);
}

static const char article3[] =
    "Port deal signed\n\n"
    "\"We do not accept the new border,\" said a defense ministry "
    "spokesman.\n\n"
    "Dock expert Rui Sousa studied the deal for a year.\n\n"
    "He also warned that the fees would rise.\n\n"
    "\"They will double before the summer, and nobody will stop "
    "them.\"\n\n"
    "Another expert, Mia Ostrova from the Harbour Institute, doubts the "
    "plan.\n\n"
    "\"It is just cover for the sake of a quick photograph.\"\n";

/* An inverted cue before a description; a quote paragraph without a cue
 * after a paragraph whose last sentence names its speaker. */
static void
test_description_and_carry(void **state)
{
	struct annotation *ann = annotate_string(article3, sizeof article3 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "We do not accept"),
	                    "defense ministry spokesman");
	assert_string_equal(speaker_of(ann, "They will double"), "Rui Sousa");
	assert_string_equal(speaker_of(ann, "It is just cover"),
	                    "Mia Ostrova");
	annotation_free(ann);
}

static const char article4[] =
    "Dam plan divides valley\n\n"
    "Researchers at the valley institute studied the river for a decade. "
    "They call for \"a full halt to the dam until the fish have been "
    "counted.\"\n\n"
    "The local farming union claims that the dam is \"a lifeline\".\n\n"
    "The regional council referred to the dam as a \"project of the "
    "century\".\n\n"
    "\"Nobody has read the plan,\" said a spokesman for the Green Valley "
    "Trust, Omar Haddad.\n\n"
    "\"We will appeal,\" said a spokeswoman for the Green Valley "
    "Trust.\n\n"
    "\"It is far too early to say,\" said a Reuters correspondent, Ines "
    "Vidal.\n\n"
    "Councillor Ruth Amsel spoke first. She was quoted as saying: \"The "
    "dam will be built whatever happens.\"\n\n"
    "Engineer Paul Ekwueme, however, was more cautious. \"I cannot "
    "promise that the rock will hold.\"\n\n"
    "Farmer Lise Moreau spoke at the meeting for an hour. Why did she "
    "come? \"Because this valley is my home.\"\n\n"
    "The Green Valley Trust issued a statement on Friday.\n\n"
    "\"The dam would drown four villages and the last wild salmon "
    "run.\"\n";

/*
 * Cues that are nouns alone ("call for", "claims that", "referred to"),
 * "they" after a plural description, an organisation named by its kind,
 * a name set beside an inverted description, "for ORG" kept with it, a
 * verb that hangs on an earlier subject ("was quoted as saying"), a quote
 * after sentences that open on its speaker, a paragraph that only says a
 * statement was issued.
 */
static void
test_more_cues(void **state)
{
	struct annotation *ann = annotate_string(article4, sizeof article4 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "a full halt"), "Researchers");
	assert_string_equal(speaker_of(ann, "a lifeline"),
	                    "The local farming union");
	assert_string_equal(speaker_of(ann, "project of"),
	                    "The regional council");
	assert_string_equal(speaker_of(ann, "Nobody has read"), "Omar Haddad");
	assert_string_equal(speaker_of(ann, "We will appeal"),
	                    "spokeswoman for the Green Valley Trust");
	assert_string_equal(speaker_of(ann, "It is far too"), "Ines Vidal");
	assert_string_equal(speaker_of(ann, "The dam will be"), "Ruth Amsel");
	assert_string_equal(speaker_of(ann, "I cannot promise"),
	                    "Paul Ekwueme");
	assert_string_equal(speaker_of(ann, "Because this valley"),
	                    "Lise Moreau");
	assert_string_equal(speaker_of(ann, "The dam would drown"),
	                    "Green Valley Trust");
	annotation_free(ann);
}

static const char article5[] =
    "Hospital strike goes on\n\n"
    "\"Will anyone listen to us?\" asked union steward Ben Ortiz.\n\n"
    "The nurses' union said in a statement that the talks had failed. "
    "\"The minister walked out after ten minutes,\" the statement "
    "said.\n\n"
    "\"Patients are waiting longer every day,\" a doctor at the "
    "hospital, who asked not to be named, told Reuters.\n";

/* "asked" after a question is the asker's cue, role words before an
 * inverted name, a document that speaks for the one who issued it, a
 * relative clause between the speaker and the verb. */
static void
test_asker_statement_clause(void **state)
{
	struct annotation *ann = annotate_string(article5, sizeof article5 - 1);
	const char *s;

	(void)state;
	assert_string_equal(speaker_of(ann, "Will anyone"), "Ben Ortiz");
	assert_int_equal(strncmp(ann->quotes[0].text, "Will anyone", 11), 0);
	assert_non_null(ann->quotes[0].cue);
	assert_string_equal(ann->quotes[0].cue, "asked");
	s = speaker_of(ann, "The minister walked");
	assert_non_null(strstr(s, "union"));
	assert_string_equal(speaker_of(ann, "Patients are"),
	                    "doctor at the hospital");
	annotation_free(ann);
}

static const char article6[] =
    "Festival opens\n\n"
    "The paper spoke with a juggler going by the name \"The Great "
    "Zamboni\" at the gate.\n\n"
    "Organisers said the parade float, named \"Spirit Of The River,\" "
    "took a month to build.\n\n"
    "Critics said the so-called \"river tax\" would hurt the town.\n";

/* A quoted name after "the name", "named", "titled", "known as", and a
 * so-called phrase, are no speech, even with a speech verb in the
 * sentence. */
static void
test_naming_quote(void **state)
{
	struct annotation *ann = annotate_string(article6, sizeof article6 - 1);
	size_t i;

	(void)state;
	assert_int_equal(ann->nquotes, 3);
	for (i = 0; i < ann->nquotes; i++) {
		assert_int_equal(ann->quotes[i].kind, QUOTE_SCARE);
		assert_int_equal(ann->quotes[i].speaker, -1);
		assert_null(ann->quotes[i].cue);
	}
	annotation_free(ann);
}

static const char article7[] =
    "Fees row\n\n"
    "The fee was demanded by the Brixby Town Council in May, and the "
    "schools appealed.\n\n"
    "The city argued, \"because the parents pay a fee, this is a "
    "business.\"\n";

/* "the city" speaking is the latest organisation governing a place. */
static void
test_city_speaks(void **state)
{
	struct annotation *ann = annotate_string(article7, sizeof article7 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "because the parents"),
	                    "Brixby Town Council");
	annotation_free(ann);
}

static const char article8[] =
    "Race tightens\n\n"
    "Political scientist Naomi Fields said the race was close. \"It is "
    "a coin toss,\" said the 44-year-old.\n\n"
    "Fields left early. \"I am tired,\" the 44-year-old said.\n\n"
    "Senator Maria Vega's campaign manager, Tom Reilly, disagreed.\n\n"
    "\"We are ahead in every poll that matters.\"\n\n"
    "Vega's spokesman said: \"The senator will campaign in every "
    "county.\"\n";

/* "the N-year-old" is the latest person; a possessive name opening a
 * sentence is not its subject ("Vega's campaign manager, Reilly,",
 * "Vega's spokesman said"). */
static void
test_age_and_possessive(void **state)
{
	struct annotation *ann = annotate_string(article8, sizeof article8 - 1);
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		assert_string_equal(
		    ann->actors[ann->quotes[i].speaker].name, "Naomi Fields");
		assert_non_null(ann->quotes[i].cue);
	}
	assert_string_equal(speaker_of(ann, "We are ahead"), "Tom Reilly");
	assert_string_equal(speaker_of(ann, "The senator will"),
	                    "Vega's spokesman");
	annotation_free(ann);
}

static const char article9[] =
    "Cup final\n\n"
    "\"It is the fans' day,\" said Leo Marsh. \"They earned it.\"\n\n"
    "Tom Reed was arrested on Monday. \"This is a great day for "
    "justice.\"\n";

/* A short quote that is a sentence of its own is speech, not a scare
 * quote; a sentence before it in the passive names no speaker. */
static void
test_short_sentence(void **state)
{
	struct annotation *ann = annotate_string(article9, sizeof article9 - 1);

	(void)state;
	assert_int_equal(ann->nquotes, 3);
	assert_int_equal(ann->quotes[1].kind, QUOTE_DIRECT);
	assert_string_equal(speaker_of(ann, "They earned"), "Leo Marsh");
	/* the subject of a passive before a quote does not say it */
	assert_string_equal(speaker_of(ann, "This is a great"), "(none)");
	annotation_free(ann);
}

static const char article10[] =
    "Bank shake-up\n\n"
    "A source close to the board told Reuters that \"heads will "
    "roll.\"\n\n"
    "\"Nothing is decided,\" the spokesman for the regulator said.\n\n"
    "Senator Ada Lind's letter to the council reads, \"I expect a full "
    "account of the losses.\"\n\n"
    "The firm said in a note, \"Our clients' money is safe.\"\n\n"
    "The watchdog's report states: \"The bank hid its losses for two "
    "years.\"\n\n"
    "The union's website states \"we never give up on a member.\"\n";

/* The head of a description before its prepositional phrase speaks,
 * not the phrase's object. */
static void
test_head_before_pp(void **state)
{
	struct annotation *ann =
	    annotate_string(article10, sizeof article10 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "heads will"),
	                    "source close to the board");
	assert_non_null(strstr(speaker_of(ann, "Nothing is"), "spokesman"));
	assert_string_equal(speaker_of(ann, "I expect a full"), "Ada Lind");
	assert_string_equal(speaker_of(ann, "Our clients"), "The firm");
	assert_string_equal(speaker_of(ann, "The bank hid"), "The watchdog");
	assert_string_equal(speaker_of(ann, "we never give"), "The union");
	annotation_free(ann);
}

static const char article11[] =
    "Hostages return\n\n"
    "Freed hostage Anna Lisowska arrived in the capital on Monday. She "
    "was greeted at the airport by the President and the First Lady, "
    "Maria Tamm.\n\n"
    "\"I never thought I would see my family again,\" she said.\n\n"
    "\"We were moved every week,\" Tom Harker said, thanking France for "
    "\"its tireless work\".\n\n"
    "The ministry read a statement on television: \"The operation was "
    "a success.\"\n\n"
    "According to Reporters Without Borders, \"at least twelve "
    "journalists remain in captivity.\"\n\n"
    "According to the regional finance office, \"the ransom was never "
    "paid.\"\n\n"
    "\"...\"\n\n"
    "The security firm Seclabs.io, has said that a third of the "
    "routers are rated \"highly exposed\".\n";

/* he/she through a sentence that opens on the same pronoun; an -ing
 * verb's object is no speaker; "X read a statement:"; "according to" an
 * organisation only named there; marks around punctuation only. */
static void
test_pronoun_chain_and_more(void **state)
{
	struct annotation *ann =
	    annotate_string(article11, sizeof article11 - 1);
	size_t i;

	(void)state;
	assert_string_equal(speaker_of(ann, "I never thought"),
	                    "Anna Lisowska");
	assert_string_equal(speaker_of(ann, "its tireless"), "Tom Harker");
	assert_non_null(strstr(speaker_of(ann, "The operation"), "ministry"));
	assert_string_equal(speaker_of(ann, "at least twelve"),
	                    "Reporters Without Borders");
	assert_non_null(
	    strstr(speaker_of(ann, "the ransom"), "finance office"));
	for (i = 0; i < ann->nquotes; i++)
		assert_string_not_equal(ann->quotes[i].text, "...");
	assert_string_equal(speaker_of(ann, "highly exposed"), "Seclabs.io");
	annotation_free(ann);
}

static const char article12[] =
    "Captives speak\n\n"
    "\"We prayed together,\" said Harper's wife, who met him at the "
    "airport.\n\n"
    "\"They shut the forum down overnight,\" said a post by an "
    "anonymous user on the forum.\n\n"
    "Tom Harper praised the work of \"Hostage Aid\", a charity that "
    "helped his family.\n";

/* An inverted possessive is not the speaker ("said Harper's wife"); a
 * capitalised name in quotes after a preposition is no speech. */
static void
test_possessive_inverted(void **state)
{
	struct annotation *ann =
	    annotate_string(article12, sizeof article12 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "We prayed"), "Harper's wife");
	assert_string_equal(speaker_of(ann, "They shut"),
	                    "anonymous user on the forum");
	assert_int_equal(ann->nquotes, 3);
	assert_int_equal(ann->quotes[2].kind, QUOTE_SCARE);
	assert_int_equal(ann->quotes[2].speaker, -1);
	annotation_free(ann);
}

static const char article13[] =
    "Flood\n\n"
    "\"The water came up so fast,\" Lucy Brandt said.\n\n"
    "A firefighter, speaking on condition of anonymity, said \"we were "
    "not ready for this.\"\n\n"
    "\"It was terrifying,\" he said.\n\n"
    "The satellite's data helped researchers describe the flood.\n\n"
    "Two volunteers spent the night on a boat. \"We pulled out eleven "
    "people,\" they said.\n";

/* he/she may stand for an anonymous person who spoke last ("a
 * firefighter"); "they" never does. */
static void
test_anonymous_person_pronoun(void **state)
{
	struct annotation *ann =
	    annotate_string(article13, sizeof article13 - 1);
	size_t i;

	(void)state;
	assert_string_equal(speaker_of(ann, "It was terrifying"),
	                    "firefighter");
	assert_string_not_equal(speaker_of(ann, "We pulled out"),
	                        "firefighter");
	/* the object of "helped" is no source */
	for (i = 0; i < ann->nactors; i++)
		assert_null(strstr(ann->actors[i].name, "researchers"));
	annotation_free(ann);
}

static const char article14[] =
    "Vote count\n\n"
    "Ruth Banda and her deputy told reporters: \"We are ready for "
    "the count.\"\n\n"
    "\"There were no incidents at all,\" according to a statement from "
    "the commission.\n\n"
    "Tom Hale told Ruth Banda he would \"respect every result in every "
    "district,\" according to a readout from Banda's office.\n\n"
    "The Harbour Trust runs the port. \"The count is late,\" a "
    "spokeswoman for the Harbour Trust said.\n";

/* The first person of a coordinated subject; a document's issuer after
 * "according to", unless someone in the sentence speaks; "a spokeswoman
 * for ORG" speaks, with ORG's name as an alias. */
static void
test_conjunct_and_readout(void **state)
{
	struct annotation *ann =
	    annotate_string(article14, sizeof article14 - 1);
	const struct actor *a;

	(void)state;
	assert_string_equal(speaker_of(ann, "We are ready"), "Ruth Banda");
	assert_non_null(
	    strstr(speaker_of(ann, "There were no"), "commission"));
	assert_string_equal(speaker_of(ann, "respect every"), "Tom Hale");
	a = actor_named(ann, "spokeswoman for the Harbour Trust");
	assert_non_null(a);
	assert_int_equal(a->naliases, 1);
	assert_string_equal(a->aliases[0], "Harbour Trust");
	assert_string_equal(speaker_of(ann, "The count is late"), a->name);
	annotation_free(ann);
}

static const char article15[] =
    "Law change\n\n"
    "Minister Ann Cole spoke on Monday. The BBC quoted her as saying "
    "\"the law will change.\"\n\n"
    "The Times quoted Ann Cole as saying that \"nothing is ruled "
    "out.\"\n";

/* "X quoted Y as saying": Y speaks, not the outlet. */
static void
test_quoted_as(void **state)
{
	struct annotation *ann =
	    annotate_string(article15, sizeof article15 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "the law will"), "Ann Cole");
	assert_string_equal(speaker_of(ann, "nothing is"), "Ann Cole");
	annotation_free(ann);
}

static const char article16[] =
    "Crash report\n\n"
    "Ana Lopes of the Transport Ministry said \"the checks were "
    "done twice.\"\n\n"
    "The agency spoke to Ben Okoro, a pilot from Lagos, who said \"the "
    "weather was clear all day.\"\n\n"
    "Board Director Ruth Hale issued the following statement today:\n\n"
    "\"We have learned of the findings with deep concern.\n\n"
    "\"We will publish the full report.\"\n\n"
    "The council released a brief statement: \"The road stays shut.\"\n";

/* "PERSON of the ORG said": the person; "NAME, APPOSITION, who said":
 * the name; a lead-in "X issued the following statement:" ending a
 * paragraph gives X the quotation of the next paragraphs; "ORG released
 * a statement:" gives ORG the quotation after the colon. */
static void
test_of_org_who_statement(void **state)
{
	struct annotation *ann =
	    annotate_string(article16, sizeof article16 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "the checks were"), "Ana Lopes");
	assert_string_equal(speaker_of(ann, "the weather was"), "Ben Okoro");
	assert_string_equal(speaker_of(ann, "We have learned"), "Ruth Hale");
	assert_string_equal(speaker_of(ann, "We will publish"), "Ruth Hale");
	assert_non_null(strstr(speaker_of(ann, "The road stays"), "council"));
	annotation_free(ann);
}

static const char article17[] =
    "Train crash\n\n"
    "Passenger Ben Okoro told the network that the train shook. He said "
    "Amtrak staff cleared the cars quickly; \"people were in shock\", he "
    "said.\n";

static const char article18[] =
    "Bomber buried\n\n"
    "US citizen Mary Stone, the mother of a victim, thought of him as \"a "
    "mass murderer\", adding to CNN: \"I feel no pity for him.\"\n";

/* "..., adding": the sentence's subject is the person whose title the
 * country before it qualifies, not the country. */
static void
test_country_qualifies_title(void **state)
{
	struct annotation *ann =
	    annotate_string(article18, sizeof article18 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "I feel no pity"), "Mary Stone");
	assert_string_equal(speaker_of(ann, "a mass murderer"), "Mary Stone");
	annotation_free(ann);
}

static const char article19[] =
    "Press freedom\n\n"
    "Killings go unpunished. According to the advocacy group Reporters "
    "Without Borders, \"collusion poses a grave threat.\"\n";

/* "according to the KIND-OF-BODY Name Of Body,": that body. */
static void
test_according_to_kind_name(void **state)
{
	struct annotation *ann =
	    annotate_string(article19, sizeof article19 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "collusion poses"),
	                    "Reporters Without Borders");
	annotation_free(ann);
}

static const char article20[] =
    "Ship claims\n\n"
    "Zelinda Lima, a retired nurse, says she was kept on the ship. "
    "Lima also claims that her papers were taken away.\n\n"
    "\"I was told to stay in the engine room.\" Her brother had spoken "
    "out against the firm before.\n";

/* An unlisted given name before a capital ("Zelinda Lima") is a person's
 * when a person's apposition follows; a quotation opening a paragraph as
 * a sentence of its own goes to the previous paragraph's subject. */
static void
test_apposition_name_and_opening_quote(void **state)
{
	struct annotation *ann =
	    annotate_string(article20, sizeof article20 - 1);
	size_t i;
	bool found = false;

	(void)state;
	for (i = 0; i < ann->nactors; i++)
		if (strcmp(ann->actors[i].name, "Zelinda Lima") == 0)
			found = ann->actors[i].kind == ACTOR_PERSON;
	assert_true(found);
	assert_string_equal(speaker_of(ann, "I was told"), "Zelinda Lima");
	annotation_free(ann);
}

static const char article21[] =
    "Campus visit\n\n"
    "Omar Haddad arrived at noon.\n\n"
    "Lena Frost then spoke, turning to Omar Haddad and stating: \"You "
    "owe us answers today.\"\n\n"
    "Omar Haddad answered slowly. When challenged by Lena Frost on the record, he stated that \"we "
    "have nothing to hide.\"\n\n"
    "He framed the questions as unfair: \"Nobody asks this of the "
    "others.\"\n\n"
    "Acme Airlines issued a statement saying \"the route was declared "
    "safe.\"\n\n"
    "His younger brother also said that the visit was \"very "
    "useful.\"\n";

/* "X turned to Y and said:" is X's; "When challenged by X, he said": not
 * X; "ORG issued a statement saying": ORG; "He framed ...: \"...\"": the
 * sentence's subject; "His younger brother said": an unnamed person. */
static void
test_subjects_beyond_names(void **state)
{
	struct annotation *ann =
	    annotate_string(article21, sizeof article21 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "You owe us"), "Lena Frost");
	assert_string_equal(speaker_of(ann, "we have nothing"), "Omar Haddad");
	assert_string_equal(speaker_of(ann, "Nobody asks"), "Omar Haddad");
	assert_string_equal(speaker_of(ann, "the route was"), "Acme Airlines");
	assert_string_equal(speaker_of(ann, "very useful"),
	                    "His younger brother");
	annotation_free(ann);
}

static const char article23[] =
    "Bill passes\n\n"
    "The bill passed on Monday.\n\n"
    "Vice President of Voters for Clean Water, Steve Ellis, offered his "
    "view of the bill. \"People will forget the cost.\"\n";

/* "ROLE (naming a body), NAME, verb ... . \"...\"": the named person
 * speaks the quotation after the sentence. */
static void
test_role_then_name(void **state)
{
	struct annotation *ann =
	    annotate_string(article23, sizeof article23 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "People will forget"),
	                    "Steve Ellis");
	annotation_free(ann);
}

static const char article22[] =
    "Leader recovering\n\n"
    "Ruth Lage, who is abroad this week, said that the leader sends "
    "\"fraternal greetings\" according to the press agency Prensa "
    "Nueva.\n";

/* "X said that ... \"...\" according to AGENCY": X speaks, the agency
 * reports it. */
static void
test_according_after_reported_speech(void **state)
{
	struct annotation *ann =
	    annotate_string(article22, sizeof article22 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "fraternal greetings"),
	                    "Ruth Lage");
	annotation_free(ann);
}

/* "He said X staff ...; \"...\", he said": the pronoun opening the
 * sentence, not the nearer name used as a modifier. */
static void
test_pronoun_opening_same_sentence(void **state)
{
	struct annotation *ann =
	    annotate_string(article17, sizeof article17 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "people were in"), "Ben Okoro");
	annotation_free(ann);
}

static const char article40[] =
    "Council row\n\n"
    "Councillor Rhona Vik wrote that the plan had failed. Mayor Paul "
    "Dunne replied to Vik saying \"the plan is working\" and later "
    "added, \"We will not stop now.\"\n\n"
    "Norwegian trade union Fellesforbundet issued a statement opposing "
    "the Dunne plan saying, \"Workers were never asked.\"\n\n"
    "It quoted critics like Ola Berg, with Berg stating: \"This is a "
    "mess.\"\n\n"
    "\"Nobody came to the hearing,\" said a relative.\n";

/* A name after a lower-case word before a participle cue is its object:
 * "X replied to Y saying" is X's; but "with Y saying" is Y's; a country
 * qualifying lower-case words ("Norwegian trade union X") names X. */
static void
test_participle_subject(void **state)
{
	struct annotation *ann =
	    annotate_string(article40, sizeof article40 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "the plan is working"),
	                    "Paul Dunne");
	assert_string_equal(speaker_of(ann, "We will not stop"), "Paul Dunne");
	assert_string_equal(speaker_of(ann, "Workers were never"),
	                    "Fellesforbundet");
	assert_string_equal(speaker_of(ann, "This is a mess"), "Ola Berg");
	assert_string_equal(speaker_of(ann, "Nobody came"), "relative");
	annotation_free(ann);
}

static const char article41[] =
    "Port deal\n\n"
    "\"We are ready,\" Omar Haddad said on Monday.\n\n"
    "He said he would write to Danish officials about the deal, and "
    "added that the port would be \"open to everyone.\"\n\n"
    "Bishop Lena Moor is quoted by the Herald responding to the "
    "letter:\n\n"
    "\"It is a poor plan and a worse promise.\"\n\n"
    "After years of failed talks, Piet Vane left the union.\n\n"
    "\"I could not stay there any longer and watch it fall apart.\"\n\n"
    "As chairman, Vane wants to \"give back\" to the town.\n\n"
    "\"If I can give back half of what this town gave me, I will.\"\n\n"
    "Rosa Klim, a trade analyst at the Institute for Coastal and Marine "
    "Studies told the Ledger: \"The port will lose money for years.\"\n\n"
    "Chair of the Harbour Trust, Nils Arne, gave his reasons for the fees "
    "added in. \"Nobody wins when the port closes.\"\n\n"
    "Omar Haddad regretted the delay but also said that the fees were "
    "\"fair enough.\"\n";

/* A second verb joined by "and" has the pronoun opening the sentence as
 * its subject, not a name in its object; "X is quoted by Y responding:"
 * is X's; a cue-less quotation paragraph goes to the subject of the
 * paragraph before, past an opening phrase, and even when that paragraph
 * holds only a scare quote; "X, a ROLE at ORG told" (no closing comma) is
 * X's; a sentence before whose speech verb has no actor for subject ("the
 * fees added in") still lends its opening name; "X regretted it but also
 * said" is X's. */
static void
test_subject_carried(void **state)
{
	struct annotation *ann =
	    annotate_string(article41, sizeof article41 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "open to everyone"),
	                    "Omar Haddad");
	assert_string_equal(speaker_of(ann, "It is a poor plan"), "Lena Moor");
	assert_string_equal(speaker_of(ann, "I could not stay"), "Piet Vane");
	assert_string_equal(speaker_of(ann, "If I can give back"),
	                    "Piet Vane");
	assert_string_equal(speaker_of(ann, "The port will lose"),
	                    "Rosa Klim");
	assert_string_equal(speaker_of(ann, "Nobody wins"), "Nils Arne");
	assert_string_equal(speaker_of(ann, "fair enough"), "Omar Haddad");
	annotation_free(ann);
}

static const char article42[] =
    "Satire taken as news\n\n"
    "The Daily Post yesterday reprinted an article from US satirical "
    "news website The Ledger as fact. The article reports \"most farmers "
    "would rather grow nothing at all\" this year.\n\n"
    "Earlier, the Harwick town council passed a resolution against the "
    "fees. The resolution read, \"No farmer shall pay twice for one "
    "field.\"\n\n"
    "A farm survey came out, in which the report states, \"Half the wells "
    "are dry.\"\n\n"
    "\"The state failed us,\" said the statement, signed by 20 groups.\n\n"
    "A ministry adviser, who spoke on condition of anonymity, said the "
    "wells were \"never tested at all.\"\n\n"
    "Farmers interviewed by the Tribune said they felt \"betrayed by "
    "everyone.\"\n\n"
    "\"We expected this,\" a Water Board official said.\n\n"
    "Ruth Vance lost the vote. Vance's campaign manager said in a "
    "statement that they would \"study the results with care.\"\n";

/* A document as subject ("The article reports \"...\"") is its author's:
 * "an article from US satirical news website X" names X, past the
 * country qualifying it, not the paper that reprinted it; "passed a
 * resolution. The resolution read" is the body's that passed it; "in
 * which the report states" has the report as speaker, and so has "said
 * the statement"; "An adviser, who spoke on condition of anonymity, said"
 * is the adviser's; "Farmers interviewed by the Tribune said" the
 * farmers'; "a Water Board official said" is an anonymous official's,
 * not the board's, and "X's campaign manager said" the manager's. */
static void
test_document_from_author(void **state)
{
	struct annotation *ann =
	    annotate_string(article42, sizeof article42 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "most farmers"), "The Ledger");
	assert_non_null(strstr(speaker_of(ann, "No farmer shall"),
	                       "town council"));
	assert_string_equal(speaker_of(ann, "Half the wells"), "the report");
	assert_string_equal(speaker_of(ann, "The state failed"),
	                    "the statement");
	assert_non_null(strstr(speaker_of(ann, "never tested"), "adviser"));
	assert_string_equal(speaker_of(ann, "betrayed by"), "Farmers");
	assert_string_equal(speaker_of(ann, "We expected"),
	                    "Water Board official");
	assert_non_null(strstr(speaker_of(ann, "study the results"),
	                       "campaign manager"));
	annotation_free(ann);
}

static const char article43[] =
    "Market fire\n\n"
    "\"We could not get in,\" one policeman said.\n\n"
    "\"It was a grand day out,\" one attendee noted.\n\n"
    "Ida Marsh, adviser to the city council on planning said in an "
    "interview, \"The market was a firetrap.\"\n\n"
    "Karl Ovens, who reports on markets for Trade Weekly said, \"It had "
    "no licence.\"\n\n"
    "Mayor Tom Reyes did not mention Ovens's report, and he said the fire "
    "was \"a tragedy for all of us\".\n\n"
    "Mayor Reyes wrote often online. One post by him read, \"The market "
    "will rise again.\"\n\n"
    "\"We want the stalls back,\" an adviser to the Danish delegation told "
    "reporters.\n\n"
    "Reyes spoke again. According to him, the market had never been "
    "\"this busy before.\"\n\n"
    "He shouted at Swedish officials who came late, saying: \"Where were "
    "you all this time?\"\n\n"
    "Judge Ana Kroll told the trader that, according to a Harbour Post "
    "report, he had \"sold the same stall twice.\"\n\n"
    "Mira Holt ran the tests before the launch of Operation Clear Sky.\n\n"
    "\"We worked as one team,\" she said.\n\n"
    "\"We have never seen a market like this,\" said Tom Baker, a retired "
    "fisherman. \"Never.\"\n";

/* "one policeman said" makes an anonymous speaker; an apposition or a
 * relative clause whose closing comma is missing ("X, adviser to the
 * council on planning said", "X, who reports for Trade Weekly said") is
 * X's; "he" after "and" is the clause's subject, not a possessive name
 * in its object; "a post by him read" is his; "an adviser to the Danish
 * delegation told" is the adviser's, not Denmark's; "According to him" is
 * his; "He shouted at Swedish officials ..., saying" is his, not Sweden's;
 * "X told Y that, according to a Post report, he had \"...\"" is X's; "she"
 * stands for no "person" named like a thing ("Operation Clear Sky"); a
 * one-word sentence quoted after the paragraph's speaker is his. */
static void
test_unclosed_and_possessive(void **state)
{
	struct annotation *ann =
	    annotate_string(article43, sizeof article43 - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "We could not"), "policeman");
	assert_string_equal(speaker_of(ann, "It was a grand"), "attendee");
	assert_string_equal(speaker_of(ann, "The market was"), "Ida Marsh");
	assert_string_equal(speaker_of(ann, "It had no"), "Karl Ovens");
	assert_string_equal(speaker_of(ann, "a tragedy"), "Tom Reyes");
	assert_string_equal(speaker_of(ann, "The market will"), "Tom Reyes");
	assert_non_null(strstr(speaker_of(ann, "We want the stalls"),
	                       "adviser to the Danish"));
	assert_string_equal(speaker_of(ann, "this busy"), "Tom Reyes");
	assert_string_equal(speaker_of(ann, "Where were you"), "Tom Reyes");
	assert_string_equal(speaker_of(ann, "sold the same"), "Ana Kroll");
	assert_string_equal(speaker_of(ann, "We worked as one"), "Mira Holt");
	assert_string_equal(speaker_of(ann, "Never."), "Tom Baker");
	annotation_free(ann);
}

static const char article_passive[] =
    "Clinic row\n\n"
    "Mara Lund went to the clinic in May. She was told by a midwife that "
    "the ward was \"full for weeks\".\n\n"
    "Her book appeared in 2001, described by the Washington Post as \"a "
    "brave and angry record\".\n\n"
    "Ivo Brandt, quoted by the Washington Post, said the plan was \"too "
    "late and too small\".\n\n"
    "Piet Vane said by telephone that the vote was \"a farce from the "
    "start\".\n\n"
    "Rosa Klim was asked by reporters about the plan and said it would "
    "\"fail within a year\".\n";

/* A speech verb in the passive gives its agent as the speaker ("was told
 * by a midwife", "described by the Washington Post as"), but not where
 * the subject is the one who speaks ("quoted by", "asked by"), nor "said
 * by telephone". */
static void
test_passive_agent(void **state)
{
	struct annotation *ann =
	    annotate_string(article_passive, sizeof article_passive - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "full for weeks"), "midwife");
	assert_string_equal(speaker_of(ann, "a brave and angry"),
	                    "the Washington Post");
	assert_string_equal(speaker_of(ann, "too late"), "Ivo Brandt");
	assert_string_equal(speaker_of(ann, "a farce"), "Piet Vane");
	assert_string_equal(speaker_of(ann, "fail within"), "Rosa Klim");
	annotation_free(ann);
}

static const char article_inverted_role[] =
    "Farm visit\n\n"
    "\"The soil is better than last year,\" said co-owner of Mill Lane "
    "Farms, Gary Olsen.\n\n"
    "\"We need more rain,\" said manager at B & K Dairy, Tom Reyes.\n";

/* An inverted cue whose subject is a role with no article and then the
 * name set off by a comma ("said co-owner of ORG, NAME") is NAME's, also
 * when the organisation's name holds an ampersand. */
static void
test_inverted_role_then_name(void **state)
{
	struct annotation *ann = annotate_string(
	    article_inverted_role, sizeof article_inverted_role - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "The soil"), "Gary Olsen");
	assert_string_equal(speaker_of(ann, "We need more"), "Tom Reyes");
	annotation_free(ann);
}

static const char article_name_sex[] =
    "Port talks\n\n"
    "Rui Costa met Maria Lopes on Friday. She said: \"The meeting was "
    "useful.\"\n\n"
    "\"We need a deal by Friday,\" Ana Silva said. Costa disagreed. "
    "\"There is no rush,\" he said.\n\n"
    "Yasmin Ford, 24, saw the blast. He described it: \"The walls "
    "fell.\"\n\n"
    "Kim Dale met Lee Ross and his wife, Robin Ross, on Friday. She said: "
    "\"The ministry will pay.\"\n";

/* He/she prefer a person whose given name is of that sex over one whose
 * name tells nothing, and pass over one of the other sex; but a person
 * whose name says otherwise is still the one when nobody else is. */
static void
test_pronoun_name_sex(void **state)
{
	struct annotation *ann =
	    annotate_string(article_name_sex, sizeof article_name_sex - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "The meeting"), "Maria Lopes");
	assert_string_equal(speaker_of(ann, "There is no rush"), "Rui Costa");
	assert_string_equal(speaker_of(ann, "The walls"), "Yasmin Ford");
	/* a title tells a sex too; "Kim", "Lee", "Robin" tell none */
	assert_string_equal(speaker_of(ann, "The ministry will"),
	                    "Robin Ross");
	annotation_free(ann);
}

static const char article_manner[] =
    "Bakery\n\n"
    "Anna Berg runs the bakery.\n\n"
    "\"I never planned any of this,\" she laughs.\n\n"
    "Tom Hale, her partner, disagrees. \"It was always the plan,\" he "
    "counters.\n";

/* Verbs of manner of speaking ("she laughs", "he counters") are cues. */
static void
test_manner_cues(void **state)
{
	struct annotation *ann =
	    annotate_string(article_manner, sizeof article_manner - 1);
	size_t i;

	(void)state;
	assert_string_equal(speaker_of(ann, "I never planned"), "Anna Berg");
	assert_string_equal(speaker_of(ann, "It was always"), "Tom Hale");
	for (i = 0; i < ann->nquotes; i++)
		assert_non_null(ann->quotes[i].cue);
	annotation_free(ann);
}

static const char article_role_body[] =
    "Rail strike\n\n"
    "A spokesperson for the European Commission, Johan Berg, said: \"We "
    "follow the situation closely.\"\n\n"
    "An analyst at Nordea Markets, Eva Lund, said the strike was \"costly "
    "for everyone\".\n";

/* "A ROLE for ORG, NAME, said": the person set beside the role, not the
 * body the role is held at. */
static void
test_role_at_body_apposition(void **state)
{
	struct annotation *ann =
	    annotate_string(article_role_body, sizeof article_role_body - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "We follow"), "Johan Berg");
	assert_string_equal(speaker_of(ann, "costly"), "Eva Lund");
	annotation_free(ann);
}

static const char article_groups_in[] =
    "Rules\n\n"
    "Officials in France and Spain called for \"tougher rules\".\n\n"
    "Consumer groups in Italy, Greece and Malta called for \"better "
    "rules\".\n";

/* "officials in A and B said", "groups in A, B and C said": the
 * description before the coordinated places, not the last place. */
static void
test_description_before_places(void **state)
{
	struct annotation *ann =
	    annotate_string(article_groups_in, sizeof article_groups_in - 1);

	(void)state;
	assert_non_null(strstr(speaker_of(ann, "tougher"), "Officials"));
	assert_non_null(strstr(speaker_of(ann, "better"), "groups"));
	annotation_free(ann);
}

static const char article_question_cue[] =
    "Debate\n\n"
    "Laura Gomez and Pablo Ruiz met on Monday.\n\n"
    "\"A fantasy?\" Gomez asked.\n\n"
    "\"Why not?\" Ruiz said.\n\n"
    "\"Never!\" Gomez shouted.\n";

/* A quotation closed by ? or ! ends the sentence for the splitter; the
 * short sentence right after it ("Gomez asked.") is still its cue. */
static void
test_cue_after_question(void **state)
{
	struct annotation *ann = annotate_string(
	    article_question_cue, sizeof article_question_cue - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "A fantasy?"), "Laura Gomez");
	assert_string_equal(speaker_of(ann, "Why not?"), "Pablo Ruiz");
	assert_string_equal(speaker_of(ann, "Never!"), "Laura Gomez");
	annotation_free(ann);
}

static const char article_colon_noun[] =
    "Campaign\n\n"
    "Pablo Ruiz spoke on Monday.\n\n"
    "Ruiz's message was clear: \"Vote for stability.\"\n\n"
    "Laura Gomez disagreed. Her answer: \"Vote for change.\"\n";

/* "X's message was clear: \"...\"", "Her answer: \"...\"": the
 * possessor of a noun of speech before the colon speaks. */
static void
test_possessive_noun_colon(void **state)
{
	struct annotation *ann =
	    annotate_string(article_colon_noun, sizeof article_colon_noun - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "Vote for stability"),
	                    "Pablo Ruiz");
	assert_string_equal(speaker_of(ann, "Vote for change"), "Laura Gomez");
	annotation_free(ann);
}

static const char article_same_source[] =
    "Border\n\n"
    "Analysts at Morgan Stanley said the fine was \"manageable\". The "
    "analysts added that shares could \"recover quickly\".\n\n"
    "A senior official in Kyrgyzstan said talks were \"frozen\". The "
    "official said the border was \"closed\".\n";

/* "the official said" after "a senior official in X said" is that
 * source again, not a second one. */
static void
test_description_same_source(void **state)
{
	struct annotation *ann = annotate_string(
	    article_same_source, sizeof article_same_source - 1);
	size_t i, anonymous = 0;

	(void)state;
	assert_string_equal(speaker_of(ann, "recover"),
	                    speaker_of(ann, "manageable"));
	assert_string_equal(speaker_of(ann, "closed"), speaker_of(ann, "frozen"));
	assert_non_null(strstr(speaker_of(ann, "closed"), "Kyrgyzstan"));
	for (i = 0; i < ann->nactors; i++)
		anonymous += ann->actors[i].kind == ACTOR_ANONYMOUS;
	assert_int_equal(anonymous, 2);
	annotation_free(ann);
}

static const char article_body_it[] =
    "School\n\n"
    "The regional education office disagrees. In a written reply to "
    "questions, it said the school was \"not viable\" and would close.\n";

/* "The regional office disagrees. ..., it said": "it" is the body named
 * by its kind opening the sentence before. */
static void
test_it_after_body_opening(void **state)
{
	struct annotation *ann =
	    annotate_string(article_body_it, sizeof article_body_it - 1);

	(void)state;
	assert_non_null(strstr(speaker_of(ann, "not viable"), "office"));
	annotation_free(ann);
}

static const char article_feeling[] =
    "School\n\n"
    "Maria Santos teaches here.\n\n"
    "Santos is not convinced. \"Two hours on a bus every day is too long "
    "for small children.\"\n\n"
    "Tom Ray was arrested in May. \"The police have no case against my "
    "client,\" his lawyer said.\n";

/* "X is not convinced. \"...\"": a participle of feeling is no passive
 * (the quotation after it is X's); "X was arrested" still is one. */
static void
test_feeling_not_passive(void **state)
{
	struct annotation *ann =
	    annotate_string(article_feeling, sizeof article_feeling - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "Two hours"), "Maria Santos");
	assert_non_null(strstr(speaker_of(ann, "The police have"), "lawyer"));
	annotation_free(ann);
}

static const char article_family[] =
    "Obituary\n\n"
    "His family said in a statement that he \"loved his work\".\n\n"
    "\"We are devastated,\" the family said.\n\n"
    "\"This is good work,\" said Jane Roe, an entomologist at Cambridge "
    "University who was not involved in the study.\n";

/* "family" is a source, not an adverb in -ly; "his family" is someone's
 * unnamed relatives, and "the family" after it the same source; an
 * occupation of a field (entomologist) is a role. */
static void
test_family_source(void **state)
{
	struct annotation *ann =
	    annotate_string(article_family, sizeof article_family - 1);
	const struct actor *a;

	(void)state;
	assert_non_null(strstr(speaker_of(ann, "loved his work"), "family"));
	assert_string_equal(speaker_of(ann, "We are devastated"),
	                    speaker_of(ann, "loved his work"));
	assert_non_null(a = actor_named(ann, "Jane Roe"));
	assert_non_null(a->role);
	assert_non_null(strstr(a->role, "entomologist"));
	annotation_free(ann);
}

static const char article_demonym_person[] =
    "Final\n\n"
    "City boss Pep Moreno was furious with the referee. \"The goal should "
    "not have stood,\" the Spaniard said.\n\n"
    "Talks went on in Paris. \"We will not sign,\" the French said.\n";

/* "the Spaniard said": a demonym naming one person stands for the
 * person the text is about, not the country; "the French said" (a
 * people, a side) does not. */
static void
test_demonym_person(void **state)
{
	struct annotation *ann = annotate_string(
	    article_demonym_person, sizeof article_demonym_person - 1);

	(void)state;
	assert_string_equal(speaker_of(ann, "The goal"), "Pep Moreno");
	assert_string_not_equal(speaker_of(ann, "We will not sign"),
	                        "Pep Moreno");
	annotation_free(ann);
}

static const char article_one_woman[] =
    "Fire\n\n"
    "\"I thought it was a bomb,\" said one woman, who asked not to be "
    "named. \"The whole street was shaking.\"\n\n"
    "\"It was terrifying,\" a man told reporters.\n";

/* "said one woman", "a man told": unnamed people are sources too. */
static void
test_one_woman(void **state)
{
	struct annotation *ann =
	    annotate_string(article_one_woman, sizeof article_one_woman - 1);

	(void)state;
	assert_non_null(strstr(speaker_of(ann, "I thought"), "woman"));
	assert_string_equal(speaker_of(ann, "The whole street"),
	                    speaker_of(ann, "I thought"));
	assert_non_null(strstr(speaker_of(ann, "It was terrifying"), "man"));
	annotation_free(ann);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sieves),
		cmocka_unit_test(test_cues_recorded),
		cmocka_unit_test(test_more_sieves),
		cmocka_unit_test(test_description_and_carry),
		cmocka_unit_test(test_more_cues),
		cmocka_unit_test(test_asker_statement_clause),
		cmocka_unit_test(test_naming_quote),
		cmocka_unit_test(test_city_speaks),
		cmocka_unit_test(test_age_and_possessive),
		cmocka_unit_test(test_short_sentence),
		cmocka_unit_test(test_head_before_pp),
		cmocka_unit_test(test_pronoun_chain_and_more),
		cmocka_unit_test(test_possessive_inverted),
		cmocka_unit_test(test_anonymous_person_pronoun),
		cmocka_unit_test(test_conjunct_and_readout),
		cmocka_unit_test(test_quoted_as),
		cmocka_unit_test(test_of_org_who_statement),
		cmocka_unit_test(test_pronoun_opening_same_sentence),
		cmocka_unit_test(test_country_qualifies_title),
		cmocka_unit_test(test_according_to_kind_name),
		cmocka_unit_test(test_apposition_name_and_opening_quote),
		cmocka_unit_test(test_subjects_beyond_names),
		cmocka_unit_test(test_according_after_reported_speech),
		cmocka_unit_test(test_role_then_name),
		cmocka_unit_test(test_participle_subject),
		cmocka_unit_test(test_subject_carried),
		cmocka_unit_test(test_document_from_author),
		cmocka_unit_test(test_unclosed_and_possessive),
		cmocka_unit_test(test_passive_agent),
		cmocka_unit_test(test_inverted_role_then_name),
		cmocka_unit_test(test_pronoun_name_sex),
		cmocka_unit_test(test_manner_cues),
		cmocka_unit_test(test_role_at_body_apposition),
		cmocka_unit_test(test_description_before_places),
		cmocka_unit_test(test_cue_after_question),
		cmocka_unit_test(test_possessive_noun_colon),
		cmocka_unit_test(test_description_same_source),
		cmocka_unit_test(test_it_after_body_opening),
		cmocka_unit_test(test_feeling_not_passive),
		cmocka_unit_test(test_family_source),
		cmocka_unit_test(test_demonym_person),
		cmocka_unit_test(test_one_woman),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
