/*
 * annotate-test.c: the pipeline end to end, and bad input: no quotes, a
 * quote that never closes, 10,000 quotes, quotes nested three deep, a
 * 1 MB quote, paragraphs long enough to be read in pieces, random bytes. Each must give a sane result: spans inside
 * the text and in order, speakers valid or -1.
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
#include "xmalloc.h"

static void
check_sane(const char *s, size_t len, const struct annotation *ann)
{
	size_t i, prev = 0;

	for (i = 0; i < ann->nquotes; i++) {
		const struct quote *q = &ann->quotes[i];

		assert_true(q->span.start <= q->span.end);
		assert_true(q->span.end <= len);
		assert_true(q->span.start >= prev);
		prev = q->span.start;
		assert_true(q->speaker >= -1 && q->speaker < (int)ann->nactors);
		assert_int_equal(q->text[q->span.end - q->span.start], '\0');
		if (q->span.end > q->span.start)
			assert_memory_equal(q->text, s + q->span.start,
			                    q->span.end - q->span.start);
		assert_true((int)q->kind >= 0 && q->kind < QUOTE_NKINDS);
	}
	for (i = 0; i < ann->nactors; i++) {
		assert_non_null(ann->actors[i].name);
		assert_true((int)ann->actors[i].kind >= 0 &&
		            ann->actors[i].kind < ACTOR_NKINDS);
	}
}

static struct annotation *
run(const char *s, size_t len)
{
	struct annotation *ann = annotate_string(s, len);

	check_sane(s, len, ann);
	return ann;
}

static void
test_basics(void **state)
{
	const char s[] =
	    "Vote met with silence\n\n"
	    "ALMATY, Kazakhstan -- Kazakh President Qasym-Zhomart Toqaev "
	    "said the vote was \"not legitimate at all.\"\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_string_equal(ann->title, "Vote met with silence");
	assert_string_equal(ann->dateline, "ALMATY, Kazakhstan");
	assert_true(ann->words >= 16);
	assert_int_equal(ann->nquotes, 1);
	assert_string_equal(speaker_of(ann, "not legitimate"),
	                    "Qasym-Zhomart Toqaev");
	assert_string_equal(ann->quotes[0].cue, "said");
	assert_string_equal(annotate_actor_kind_name(ACTOR_GROUP), "group");
	assert_int_equal(annotate_actor_kind_from_name("anonymous"),
	                 ACTOR_ANONYMOUS);
	assert_int_equal(annotate_actor_kind_from_name("x"), -1);
	assert_string_equal(annotate_quote_kind_name(QUOTE_SCARE), "scare");
	assert_int_equal(annotate_quote_kind_from_name("partial"),
	                 QUOTE_PARTIAL);
	annotation_free(ann);
	annotation_free(NULL);
}

static void
test_unlikely_people(void **state)
{
	const char s[] = "Launch day\n\nSpace Shuttle Columbia lifted off "
	                 "from the pad. The space shuttle flew well, and a "
	                 "close call was avoided. Chuck Close watched.\n";
	struct annotation *ann = run(s, sizeof s - 1);
	const struct actor *a;

	(void)state;
	assert_null(actor_named(ann, "Space Shuttle Columbia"));
	assert_non_null(a = actor_named(ann, "Chuck Close"));
	assert_int_equal(a->kind, ACTOR_PERSON);
	annotation_free(ann);
}

/* The kind of the actor named name, or -1 when there is none. */
static int
kind_of(const struct annotation *ann, const char *name)
{
	const struct actor *a = actor_named(ann, name);

	return a != NULL ? (int)a->kind : -1;
}

/* A name opening with a foreign article is no person unless a verb of
 * speech vouches for it; "said X would" vouches for nothing. */
static void
test_person_foreign_article(void **state)
{
	const char s[] = "Storm season\n\nForecasters said La Tormenta "
	                 "would bring rain to the coast on Monday.\n\n"
	                 "Le Grand said the plan was fine.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(kind_of(ann, "La Tormenta"), -1);
	assert_int_equal(kind_of(ann, "Le Grand"), ACTOR_PERSON);
	annotation_free(ann);
}

/* A name opening with "La" that ends another person's name ("La Roche"
 * beside "Maria La Roche") is that person's surname: still a person. */
static void
test_person_tail_of_other(void **state)
{
	const char s[] = "Local news\n\nMaria La Roche criticised the plan "
	                 "on Monday.\n\nLa Roche has long opposed the "
	                 "treaty.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(kind_of(ann, "Maria La Roche"), ACTOR_PERSON);
	assert_int_equal(kind_of(ann, "La Roche"), ACTOR_PERSON);
	annotation_free(ann);
}

/* The head noun of a thing ends the name: a law is dropped, a hospice is
 * an organisation (even one that speaks); "Operation" opens no person. */
static void
test_person_thing_heads(void **state)
{
	const char s[] = "Local news\n\nThe Clean Rivers Act passed last "
	                 "year, and Maple Grove Hospice opened a new wing.\n\n"
	                 "\"We are full,\" said Cedar Point Hospice.\n\n"
	                 "Operation Bright Dawn began at noon.\n\n"
	                 "The Lakeside Sleep Study found no effect.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(kind_of(ann, "Clean Rivers Act"), -1);
	assert_int_equal(kind_of(ann, "Maple Grove Hospice"),
	                 ACTOR_ORGANIZATION);
	assert_int_equal(kind_of(ann, "Cedar Point Hospice"),
	                 ACTOR_ORGANIZATION);
	assert_string_equal(speaker_of(ann, "We are full"),
	                    "Cedar Point Hospice");
	assert_int_equal(kind_of(ann, "Operation Bright Dawn"), -1);
	assert_int_equal(kind_of(ann, "Lakeside Sleep Study"), -1);
	annotation_free(ann);
}

/* A place is no person, nor a name opening with one, unless its first
 * word is also a given name. */
static void
test_person_places(void **state)
{
	const char s[] = "Local news\n\nDelegates came from Nova Scotia, "
	                 "and Manitoba Hydro raised its rates.\n\n"
	                 "Florence Hartley watched the vote.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(kind_of(ann, "Nova Scotia"), -1);
	assert_int_equal(kind_of(ann, "Manitoba Hydro"), -1);
	assert_int_equal(kind_of(ann, "Florence Hartley"), ACTOR_PERSON);
	annotation_free(ann);
}

/* A one-word person needs a verb of speech or of what people do, an
 * honorific, an age or a pronoun. */
static void
test_person_one_word(void **state)
{
	const char s[] = "Local news\n\nA new buoy called Wavecatcher will "
	                 "be deployed in June. Marlowe said the results were "
	                 "clear.\n\nThe tour ended, said Ostrander.\n";
	const char t[] = "Local news\n\nA striker called Quenneville "
	                 "scored late.\n\nA man called Ravensworth, 45, was "
	                 "arrested.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(kind_of(ann, "Wavecatcher"), -1);
	assert_int_equal(kind_of(ann, "Marlowe"), ACTOR_PERSON);
	assert_int_equal(kind_of(ann, "Ostrander"), ACTOR_PERSON);
	annotation_free(ann);
	ann = run(t, sizeof t - 1);
	assert_int_equal(kind_of(ann, "Quenneville"), ACTOR_PERSON);
	assert_int_equal(kind_of(ann, "Ravensworth"), ACTOR_PERSON);
	annotation_free(ann);
}

/* Without a given name first, a name ending in a common word of the
 * article, or in one capital letter, is no person; nor one opening with
 * a word that only begins listed phrases ("new"). */
static void
test_person_common_words(void **state)
{
	const char s[] = "Local news\n\nThe robot, named Silver Arrow, hit "
	                 "the target when the arrow flew.\n\nVolunteers "
	                 "followed Plan B after the storm.\n\nMaria Stone "
	                 "carved a stone for the park.\n\nThe new bloc, New "
	                 "Vision Collective, won seats.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(kind_of(ann, "Silver Arrow"), -1);
	assert_int_equal(kind_of(ann, "Plan B"), -1);
	assert_int_equal(kind_of(ann, "Maria Stone"), ACTOR_PERSON);
	assert_int_equal(kind_of(ann, "New Vision Collective"), -1);
	annotation_free(ann);
}

/* "the magazine X": a publication, an organisation even when it says. */
static void
test_person_named_thing(void **state)
{
	const char s[] = "Local news\n\nThe magazine Horizonte says the vote "
	                 "was fair.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(kind_of(ann, "Horizonte"), ACTOR_ORGANIZATION);
	annotation_free(ann);
}

/* A web address is an organisation; a colour opens no person's name; a
 * team or newspaper head ends an organisation's. */
static void
test_person_web_colour_team(void **state)
{
	const char s[] = "Local news\n\nOther sites such as Gossipdaily.com "
	                 "have stated that they will keep the video.\n\nA "
	                 "scheme backed by the British Red Cross was rejected."
	                 "\n\nThe Riverside Pirates won the final, and the "
	                 "Lakeview Telegraph covered it.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(kind_of(ann, "Gossipdaily.com"), ACTOR_ORGANIZATION);
	assert_int_equal(kind_of(ann, "Red Cross"), -1);
	assert_int_equal(kind_of(ann, "Riverside Pirates"), ACTOR_ORGANIZATION);
	assert_int_equal(kind_of(ann, "Lakeview Telegraph"),
	                 ACTOR_ORGANIZATION);
	annotation_free(ann);
}

/* A name with a digit or a number glued on is a model or a mission; "X &
 * Y" is a company; "in X, PLACE" makes X a town; a panel is a body;
 * "Human Rights" is no one. */
static void
test_person_shapes(void **state)
{
	const char s[] = "Space news\n\nThe Airbus A320 landed. She flew on "
	                 "the Orion Crew-8 mission and chaired the Joint "
	                 "Operations Panel.\n\nPartners include Teledyne "
	                 "Scientific & Imaging in Thousand Oaks, California, "
	                 "and the Kenya Commission on Human Rights.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(kind_of(ann, "Airbus A320"), -1);
	assert_int_equal(kind_of(ann, "Orion Crew"), -1);
	assert_int_equal(kind_of(ann, "Joint Operations Panel"),
	                 ACTOR_ORGANIZATION);
	assert_int_equal(kind_of(ann, "Teledyne Scientific"),
	                 ACTOR_ORGANIZATION);
	assert_int_equal(kind_of(ann, "Thousand Oaks"), -1);
	assert_int_equal(kind_of(ann, "Human Rights"), -1);
	annotation_free(ann);
}

/* Instruments, campaigns, fields and faiths are no persons, nor a name
 * ending in an initial. */
static void
test_person_more_things(void **state)
{
	const char s[] = "Satellite news\n\nThe Moderate Resolution Imaging "
	                 "Spectroradiometer flew on the Lunar Precursor "
	                 "Campaign. He studied Gas-Phase Chemistry and the "
	                 "Baha Faith.\n";
	const char t[] = "Launch\n\nShe led the tests before the launch of "
	                 "Artemis I.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(kind_of(ann, "Moderate Resolution Imaging "
	                              "Spectroradiometer"), -1);
	assert_int_equal(kind_of(ann, "Lunar Precursor Campaign"), -1);
	assert_int_equal(kind_of(ann, "Gas-Phase Chemistry"), -1);
	assert_int_equal(kind_of(ann, "Baha Faith"), -1);
	annotation_free(ann);
	ann = run(t, sizeof t - 1);
	assert_int_equal(kind_of(ann, "Artemis I."), -1);
	annotation_free(ann);
}

/* Camps and cafés open names of places and businesses; chiefs, staff
 * and records end names of bodies; Spanish organisation words make
 * organisations. */
static void
test_person_camps_and_bodies(void **state)
{
	const char s[] = "Base visit\n\nThe general met troops at Camp "
	                 "Harlow and later the Joint Chiefs. The Weekly "
	                 "Record ran the story, and Café Morada sold "
	                 "coffee to the Federación Tolima.\n";
	const char t[] = "Rubbish\n\nRashid Omar bin Talal put the letter "
	                 "in the bin.\n";
	const char u[] = "History\n\nThe Ottoman Empire fell, the Daily "
	                 "Mail wrote, and the Harvest Challenge Account paid "
	                 "for it. Jets of Coastal Air Wing 17 flew over, and "
	                 "Roger Federer beat Rafael Nadal 6-4.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_not_equal(kind_of(ann, "Camp Harlow"), ACTOR_PERSON);
	assert_int_not_equal(kind_of(ann, "Joint Chiefs"), ACTOR_PERSON);
	assert_int_not_equal(kind_of(ann, "Weekly Record"), ACTOR_PERSON);
	assert_int_not_equal(kind_of(ann, "Café Morada"), ACTOR_PERSON);
	assert_int_equal(kind_of(ann, "Federación Tolima"),
	                 ACTOR_ORGANIZATION);
	annotation_free(ann);
	/* a particle of a name is lower-case in the name too */
	ann = run(t, sizeof t - 1);
	assert_int_equal(kind_of(ann, "Rashid Omar bin Talal"), ACTOR_PERSON);
	annotation_free(ann);
	/* empires, mail, accounts: bodies, not persons; nor a name with a
	 * number after it, unless the number is a score */
	ann = run(u, sizeof u - 1);
	assert_int_not_equal(kind_of(ann, "Ottoman Empire"), ACTOR_PERSON);
	assert_int_not_equal(kind_of(ann, "Daily Mail"), ACTOR_PERSON);
	assert_int_not_equal(kind_of(ann, "Harvest Challenge Account"),
	                     ACTOR_PERSON);
	assert_int_not_equal(kind_of(ann, "Coastal Air Wing"), ACTOR_PERSON);
	assert_int_equal(kind_of(ann, "Rafael Nadal"), ACTOR_PERSON);
	annotation_free(ann);
}

/* A deck or pull quote with no cue takes the speaker of the quotation
 * that repeats its words, before or after it; a short one does not. */
static void
test_repeated_quote(void **state)
{
	const char s[] = "Port closes\n\n\"We will not reopen the port this "
	                 "year.\"\n\n\"Yes.\"\n\nThe harbour master, Ann "
	                 "Lee, said: \"Yes. We will not reopen the port this "
	                 "year. The damage is too great.\"\n\n\"The damage "
	                 "is too great.\"\n";
	struct annotation *ann = run(s, sizeof s - 1);
	size_t i, found = 0;

	(void)state;
	for (i = 0; i < ann->nquotes; i++) {
		const struct quote *q = &ann->quotes[i];

		if (strcmp(q->text, "We will not reopen the port this year.") ==
		        0 ||
		    strcmp(q->text, "The damage is too great.") == 0) {
			assert_true(q->speaker >= 0);
			assert_string_equal(ann->actors[q->speaker].name,
			                    "Ann Lee");
			found++;
		}
		if (strcmp(q->text, "Yes.") == 0)
			assert_int_equal(q->speaker, -1);
	}
	assert_int_equal(found, 2);
	annotation_free(ann);
}

/* Military ranks are titles: "Colonel Karim Omar" and "Colonel Omar"
 * are one person whose role is the rank. */
static void
test_rank_is_title(void **state)
{
	const char s[] = "Island taken\n\nTroops hunted Colonel Karim Omar. "
	                 "Later Colonel Omar fled by boat.\n";
	struct annotation *ann = run(s, sizeof s - 1);
	const struct actor *a = actor_named(ann, "Karim Omar");

	(void)state;
	assert_non_null(a);
	assert_non_null(a->role);
	assert_string_equal(a->role, "Colonel");
	assert_int_equal(a->nmentions, 2);
	assert_null(actor_named(ann, "Colonel Omar"));
	annotation_free(ann);
}

/* A capitalised speech verb between name words is part of the name
 * ("Said" in Arabic names); at a sentence start it stays a verb. */
static void
test_verb_in_name(void **state)
{
	const char s[] = "Island taken\n\n\"The operation started early,\" "
	                 "said Abdourahim Said Bakar, a government "
	                 "spokesman.\n\nSaid Bakar later: \"We hold the "
	                 "port.\"\n";
	struct annotation *ann = run(s, sizeof s - 1);
	const struct actor *a = actor_named(ann, "Abdourahim Said Bakar");

	(void)state;
	assert_non_null(a);
	assert_string_equal(speaker_of(ann, "The operation"),
	                    "Abdourahim Said Bakar");
	assert_null(actor_named(ann, "Said Bakar"));
	annotation_free(ann);
}

/* "As ROLE of ORG, NAME": a fronted role phrase is the person's role. */
static void
test_fronted_as_role(void **state)
{
	const char s[] = "Club news\n\nAs president of the rowing club, "
	                 "Karin Holt opened the season.\n";
	struct annotation *ann = run(s, sizeof s - 1);
	const struct actor *a = actor_named(ann, "Karin Holt");

	(void)state;
	assert_non_null(a);
	assert_non_null(a->role);
	assert_string_equal(a->role, "president of the rowing club");
	annotation_free(ann);
}

/* Words of a quoted title name no one: a "person" met only inside scare
 * or title-like quotations is dropped; one met outside them is kept. */
static void
test_person_in_titles(void **state)
{
	const char s[] = "Student projects\n\nThe winning team built "
	                 "\"Dynamic Lunar Ecosystems\" and the runners-up "
	                 "\"Sustained Lunar Evolution\". Judge Karin Holt "
	                 "praised both.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(kind_of(ann, "Dynamic Lunar Ecosystems"), -1);
	assert_int_equal(kind_of(ann, "Sustained Lunar Evolution"), -1);
	assert_int_equal(kind_of(ann, "Karin Holt"), ACTOR_PERSON);
	annotation_free(ann);
}

/* A name with a middle initial and the same name without it are one
 * person, whichever comes first. */
static void
test_middle_initial(void **state)
{
	const char s[] = "Honor\n\nCompton J. Tucker was elected. Colleagues "
	                 "praised Compton Tucker.\n\nDavid Jackson agreed, "
	                 "and David S. Jackson said so again.\n";
	struct annotation *ann = run(s, sizeof s - 1);
	const struct actor *a;

	(void)state;
	assert_non_null(a = actor_named(ann, "Compton J. Tucker"));
	assert_int_equal(a->nmentions, 2);
	assert_null(actor_named(ann, "Compton Tucker"));
	assert_non_null(a = actor_named(ann, "David Jackson"));
	assert_int_equal(a->nmentions, 2);
	assert_null(actor_named(ann, "David S. Jackson"));
	annotation_free(ann);
}

/* "the X newspaper", "the X neighborhood": a name qualifying a
 * publication or a part of a town is no person. */
static void
test_person_qualifier(void **state)
{
	const char s[] = "Local news\n\nShe wrote for the Morning Sentinel "
	                 "newspaper until 2019.\n\nThe fire spread through "
	                 "the Bellavista Heights neighborhood on Sunday.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(kind_of(ann, "Morning Sentinel"), ACTOR_ORGANIZATION);
	assert_int_equal(kind_of(ann, "Bellavista Heights"), -1);
	annotation_free(ann);
}

/* A title-case headline is not one long organisation name, and a short
 * sentence with its own punctuation and a cue is direct speech. */
static void
test_headline_org_and_short_sentence(void **state)
{
	const char s[] =
	    "City Council Approves New Budget Despite Protests\n\n"
	    "The council voted on Tuesday to approve the budget.\n\n"
	    "\"Libraries are lifelines,\" Councilwoman Maria Lopez said.\n";
	struct annotation *ann = run(s, sizeof s - 1);
	size_t i;

	(void)state;
	assert_non_null(actor_named(ann, "City Council"));
	assert_null(actor_named(ann,
	    "City Council Approves New Budget Despite Protests"));
	assert_string_equal(speaker_of(ann, "Libraries"), "Maria Lopez");
	for (i = 0; i < ann->nquotes; i++)
		if (strncmp(ann->quotes[i].text, "Libraries", 9) == 0)
			assert_int_equal(ann->quotes[i].kind, QUOTE_DIRECT);
	annotation_free(ann);
}

static void
test_no_quotes_and_empty(void **state)
{
	const char s[] = "Title\n\nNobody said anything here at all.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_int_equal(ann->nquotes, 0);
	annotation_free(ann);
	ann = run("", 0);
	assert_int_equal(ann->nquotes, 0);
	assert_int_equal(ann->nactors, 0);
	annotation_free(ann);
}

static void
test_never_closes(void **state)
{
	const char s[] = "Title\n\nJane Doe, the mayor of the town, told "
	                 "reporters at length on Monday morning that \"this "
	                 "never ends, not ever.\n\nand neither does this\n\n"
	                 "Nor this.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_true(ann->nquotes >= 1);
	assert_string_equal(speaker_of(ann, "this never"), "Jane Doe");
	annotation_free(ann);
}

static void
test_many_quotes(void **state)
{
	size_t n = 10000, i, len = 0, cap = n * 48 + 64;
	char *s = xmalloc(cap);
	struct annotation *ann;

	(void)state;
	len += (size_t)snprintf(s, cap, "Title\n\n");
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(
		    s + len, cap - len,
		    "\"Quote number %zu here,\" Ann Lee said. ", i);
	ann = run(s, len);
	assert_int_equal(ann->nquotes, n);
	assert_string_equal(speaker_of(ann, "Quote number 9999"), "Ann Lee");
	annotation_free(ann);
	free(s);
}

static void
test_many_quotes_one_sentence(void **state)
{
	size_t n = 10000, i, len = 0, cap = n * 16 + 64;
	char *s = xmalloc(cap);
	struct annotation *ann;

	(void)state;
	len += (size_t)snprintf(s, cap, "Title\n\nAnn Lee listed");
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, cap - len, " \"w%zu\",", i);
	len += (size_t)snprintf(s + len, cap - len, " and more.\n");
	ann = run(s, len);
	assert_int_equal(ann->nquotes, n);
	annotation_free(ann);
	free(s);
}

static void
test_nested(void **state)
{
	const char s[] = "Title\n\nHe said \"one 'two \"three\" two' one\" "
	                 "and \xe2\x80\x9c"
	                 "a \xe2\x80\x98"
	                 "b \xe2\x80\x9c"
	                 "c\xe2\x80\x9d"
	                 " b\xe2\x80\x99 a\xe2\x80\x9d end.\n";
	struct annotation *ann = run(s, sizeof s - 1);

	(void)state;
	assert_true(ann->nquotes >= 1);
	annotation_free(ann);
}

static void
test_huge_quote(void **state)
{
	size_t n = 1 << 20, i;
	char *s = xmalloc(n + 64);
	struct annotation *ann;
	size_t len;

	(void)state;
	len = (size_t)sprintf(s, "Title\n\nBo Li said \"");
	for (i = 0; i < n; i++)
		s[len + i] = "abcde fghij. "[i % 13];
	len += n;
	len += (size_t)sprintf(s + len, "\" and left.\n");
	ann = run(s, len);
	assert_int_equal(ann->nquotes, 1);
	assert_true(ann->quotes[0].span.end - ann->quotes[0].span.start >=
	            n - 2);
	assert_string_equal(speaker_of(ann, "abcde"), "Bo Li");
	annotation_free(ann);
	free(s);
}

/*
 * A paragraph of over 1 MB is read in pieces: a quotation holding sentence
 * ends (where a piece likes to end) stays whole with its speaker, however
 * the pieces fall.
 */
static void
test_long_paragraph(void **state)
{
	static const char q[] = "Alpha beta. Gamma delta. Epsilon zeta";
	size_t n = 24000, i, len = 0, cap = n * 64 + 64;
	char *s = xmalloc(cap);
	struct annotation *ann;

	(void)state;
	len += (size_t)snprintf(s, cap, "Title\n\n");
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, cap - len,
		                        "\"%s,\" Ann Lee said. ", q);
	assert_true(len > 1000000);
	ann = run(s, len);
	assert_int_equal(ann->nquotes, n);
	for (i = 0; i < n; i++) {
		assert_int_equal(strlen(ann->quotes[i].text), strlen(q) + 1);
		assert_memory_equal(ann->quotes[i].text, q, strlen(q));
		assert_true(ann->quotes[i].speaker >= 0);
		assert_string_equal(ann->actors[ann->quotes[i].speaker].name,
		                    "Ann Lee");
	}
	annotation_free(ann);
	free(s);
}

/* A quotation running over several pieces with no mark inside. */
static void
test_long_paragraph_quote(void **state)
{
	size_t n = 3 << 20, i, len;
	char *s = xmalloc(n + 128);
	struct annotation *ann;

	(void)state;
	len = (size_t)sprintf(s, "Title\n\nBo Li said \"Start");
	for (i = 0; i < n; i++)
		s[len + i] = "Word word. "[i % 11];
	len += n;
	len += (size_t)sprintf(s + len, "end.\" Then Ann Lee said \"tail\".\n");
	ann = run(s, len);
	assert_int_equal(ann->nquotes, 2);
	assert_int_equal(ann->quotes[0].span.end - ann->quotes[0].span.start,
	                 n + strlen("Startend."));
	assert_string_equal(speaker_of(ann, "StartWord"), "Bo Li");
	assert_string_equal(speaker_of(ann, "tail"), "Ann Lee");
	annotation_free(ann);
	free(s);
}

static void
test_random_bytes(void **state)
{
	size_t n = 200000, i, round;
	char *s = xmalloc(n);
	unsigned x = 12345;

	(void)state;
	for (round = 0; round < 4; round++) {
		struct annotation *ann;
		struct article *art;
		struct block_list *bl;

		for (i = 0; i < n; i++) {
			x = x * 1103515245u + 12345u;
			/* round 1 and 3: mostly quote marks and capitals */
			s[i] =
			    round % 2
			        ? "\"' .,\nAZaz\xe2\x80\x9c\x9d"[(x >> 16) % 15]
			        : (char)(x >> 16);
		}
		art = article_new(s, n, "random");
		bl = blocks_parse(art);
		ann = annotate(art, bl);
		check_sane(article_text(art), article_len(art), ann);
		annotation_free(ann);
		blocks_free(bl);
		article_free(art);
	}
	free(s);
}

static const char article_kin[] =
    "Obituary\n\n"
    "Ada Lowe died on Sunday. Survivors include her son Scott, her sister "
    "Vera and stepdaughter Melissa.\n";

/* A lone given name after a kinship word (son, sister, stepdaughter) is
 * a person with that word as role. */
static void
test_kinship_names(void **state)
{
	struct annotation *ann =
	    annotate_string(article_kin, sizeof article_kin - 1);
	const char *names[] = { "Scott", "Vera", "Melissa" };
	const char *roles[] = { "son", "sister", "stepdaughter" };
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		const struct actor *a = actor_named(ann, names[i]);

		assert_non_null(a);
		assert_int_equal(a->kind, ACTOR_PERSON);
		assert_non_null(a->role);
		assert_non_null(strstr(a->role, roles[i]));
	}
	annotation_free(ann);
}

static const char article_roles_of[] =
    "Cabinet\n\n"
    "Merkel's chief of staff Peter Altmaier said the plan was "
    "\"urgent\".\n\n"
    "Critics of Yeltsin's successor, Vladimir Putin, said the vote was "
    "\"rigged\".\n\n"
    "Bianchi's Marussia team mate Max Chilton said he was "
    "\"devastated\".\n";

/* "chief of staff NAME" is a person with that role (not a "staff"
 * organisation); "X's successor, NAME," and "X's team mate NAME" give
 * roles. */
static void
test_roles_of_and_mates(void **state)
{
	struct annotation *ann =
	    annotate_string(article_roles_of, sizeof article_roles_of - 1);
	const struct actor *a;

	(void)state;
	assert_non_null(a = actor_named(ann, "Peter Altmaier"));
	assert_int_equal(a->kind, ACTOR_PERSON);
	assert_non_null(a->role);
	assert_non_null(strstr(a->role, "chief of staff"));
	assert_non_null(a = actor_named(ann, "Vladimir Putin"));
	assert_non_null(a->role);
	assert_non_null(strstr(a->role, "successor"));
	assert_non_null(a = actor_named(ann, "Max Chilton"));
	assert_non_null(a->role);
	assert_non_null(strstr(a->role, "team mate"));
	annotation_free(ann);
}

static const char article_join_as[] =
    "Staff news\n\n"
    "Mark Olsen joined the firm as chief economist in 2019. Ann Lee "
    "appointed Tom Ray as her deputy.\n";

/* "X joined the firm as ROLE": X's role past the verb's object; not
 * for "X appointed Y as ROLE" (that role is not X's). */
static void
test_role_after_join_as(void **state)
{
	struct annotation *ann =
	    annotate_string(article_join_as, sizeof article_join_as - 1);
	const struct actor *a;

	(void)state;
	assert_non_null(a = actor_named(ann, "Mark Olsen"));
	assert_non_null(a->role);
	assert_string_equal(a->role, "chief economist");
	assert_non_null(a = actor_named(ann, "Ann Lee"));
	assert_null(a->role);
	annotation_free(ann);
}

static const char article_said_name[] =
    "Blast\n\n"
    "Said Mohammed, a witness of the blast, said guards had tried to stop "
    "the bomber. \"Three guards shouted at the truck,\" said he.\n\n"
    "Said the minister: \"We will rebuild.\"\n";

/* "Said" opening a name with an apposition after it ("Said Mohammed, a
 * witness, said") is a given name, not a cue; "Said the minister:" stays
 * a cue. */
static void
test_said_as_given_name(void **state)
{
	struct annotation *ann =
	    annotate_string(article_said_name, sizeof article_said_name - 1);

	(void)state;
	assert_non_null(actor_named(ann, "Said Mohammed"));
	assert_string_equal(speaker_of(ann, "Three guards"), "Said Mohammed");
	assert_null(actor_named(ann, "Said the minister"));
	annotation_free(ann);
}

static const char article_analysts_at[] =
    "Markets\n\n"
    "Analysts at Morgan Stanley said the fine was \"manageable\".\n";

/* "analysts at X": X is a body even when its first word is a given
 * name. */
static void
test_analysts_at_given_name(void **state)
{
	struct annotation *ann = annotate_string(
	    article_analysts_at, sizeof article_analysts_at - 1);
	const struct actor *a;

	(void)state;
	assert_non_null(a = actor_named(ann, "Morgan Stanley"));
	assert_int_equal(a->kind, ACTOR_ORGANIZATION);
	annotation_free(ann);
}

static const char article_company[] =
    "Fine\n\n"
    "Regulators fined Acme Corp 1.2 billion euros on Thursday.\n\n"
    "\"We will appeal,\" Acme said in a statement.\n\n"
    "Shares in Carrier Group 7 fell.\n";

/* A company's short name ("Acme" after "Acme Corp") is that company; an
 * amount after a name ("1.2 billion") is no part of it, a unit number
 * ("Group 7") is. */
static void
test_company_short_name(void **state)
{
	struct annotation *ann =
	    annotate_string(article_company, sizeof article_company - 1);
	const struct actor *a;

	(void)state;
	assert_non_null(a = actor_named(ann, "Acme Corp"));
	assert_int_equal(a->kind, ACTOR_ORGANIZATION);
	assert_null(actor_named(ann, "Acme"));
	assert_string_equal(speaker_of(ann, "We will appeal"), "Acme Corp");
	assert_non_null(actor_named(ann, "Carrier Group 7"));
	annotation_free(ann);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basics),
		cmocka_unit_test(test_unlikely_people),
		cmocka_unit_test(test_person_foreign_article),
		cmocka_unit_test(test_person_tail_of_other),
		cmocka_unit_test(test_person_thing_heads),
		cmocka_unit_test(test_person_places),
		cmocka_unit_test(test_person_one_word),
		cmocka_unit_test(test_person_common_words),
		cmocka_unit_test(test_person_named_thing),
		cmocka_unit_test(test_person_qualifier),
		cmocka_unit_test(test_person_shapes),
		cmocka_unit_test(test_person_more_things),
		cmocka_unit_test(test_person_camps_and_bodies),
		cmocka_unit_test(test_repeated_quote),
		cmocka_unit_test(test_rank_is_title),
		cmocka_unit_test(test_verb_in_name),
		cmocka_unit_test(test_fronted_as_role),
		cmocka_unit_test(test_person_in_titles),
		cmocka_unit_test(test_middle_initial),
		cmocka_unit_test(test_person_web_colour_team),
		cmocka_unit_test(test_headline_org_and_short_sentence),
		cmocka_unit_test(test_no_quotes_and_empty),
		cmocka_unit_test(test_never_closes),
		cmocka_unit_test(test_many_quotes),
		cmocka_unit_test(test_many_quotes_one_sentence),
		cmocka_unit_test(test_nested),
		cmocka_unit_test(test_huge_quote),
		cmocka_unit_test(test_long_paragraph),
		cmocka_unit_test(test_long_paragraph_quote),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_kinship_names),
		cmocka_unit_test(test_roles_of_and_mates),
		cmocka_unit_test(test_role_after_join_as),
		cmocka_unit_test(test_said_as_given_name),
		cmocka_unit_test(test_analysts_at_given_name),
		cmocka_unit_test(test_company_short_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
