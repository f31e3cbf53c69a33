/*
 * actors-test.c: people, countries, organisations, roles, merging.
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

#include "actors.h"
#include "quotes.h"
#include "sentences.h"

static struct actors *
scan(const char *const *paras, size_t n)
{
	struct actors *as = actors_new(NULL);
	struct tokens *tk = sentences_new();
	struct qspans qs = { 0 };
	struct mentions ms = { 0 };
	bool carry = false;
	size_t i;

	for (i = 0; i < n; i++) {
		as->text = paras[i];
		sentences_split(tk, paras[i], 0, strlen(paras[i]));
		quotes_find(tk, &carry, &qs);
		actors_scan(as, tk, &ms);
		/* keep names valid after the paragraph: they are copies */
	}
	sentences_free(tk);
	free(qs.v);
	free(ms.v);
	return as;
}

static const struct ent *
find(const struct actors *as, const char *name)
{
	size_t i;

	for (i = 0; i < as->n; i++)
		if (strcmp(as->v[i].a.name, name) == 0)
			return &as->v[i];
	return NULL;
}

static void
test_roles(void **state)
{
	const char *p[] = {
		"Kazakh Foreign Ministry spokesman Aibek Smadiyarov said so.",
		"Assel Bitabarova, a lecturer on law at the University of "
		"Glasgow, told us. Luca Anceschi of the University of "
		"Glasgow agreed.",
		"Later Smadiyarov and Anceschi left the Kremlin.",
	};
	struct actors *as = scan(p, 3);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Aibek Smadiyarov"));
	assert_int_equal(e->a.kind, ACTOR_PERSON);
	assert_string_equal(e->a.role, "Foreign Ministry spokesman");
	assert_string_equal(e->a.affiliation, "Kazakhstan");
	assert_int_equal(e->a.nmentions, 2);
	assert_non_null(e = find(as, "Assel Bitabarova"));
	assert_non_null(strstr(e->a.role, "lecturer"));
	assert_string_equal(e->a.affiliation, "University of Glasgow");
	assert_non_null(e = find(as, "Luca Anceschi"));
	assert_string_equal(e->a.affiliation, "University of Glasgow");
	assert_int_equal(e->a.nmentions, 2);
	assert_non_null(e = find(as, "Russia"));
	assert_int_equal(e->a.kind, ACTOR_COUNTRY);
	assert_non_null(e = find(as, "University of Glasgow"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	assert_null(find(as, "Later"));
	actors_free(as);
}

/* A person called by the first word of the name keeps that form as an
 * alias (the reader shows it as the short name). */
static void
test_first_word_alias(void **state)
{
	const char *p[] = {
		"Chinese President Xi Jinping visited Astana.",
		"Xi told reporters it went well.",
	};
	struct actors *as = scan(p, 2);
	const struct ent *e;
	size_t k;
	bool xi = false;

	(void)state;
	assert_non_null(e = find(as, "Xi Jinping"));
	assert_int_equal(e->a.nmentions, 2);
	for (k = 0; k < e->a.naliases; k++)
		if (strcmp(e->a.aliases[k], "Xi") == 0)
			xi = true;
	assert_true(xi);
	actors_free(as);
}

static void
test_countries(void **state)
{
	const char *p[] = {
		"None of Kyrgyzstan, Tajikistan, or the U.S. spoke in Astana.",
	};
	struct actors *as = scan(p, 1);
	const struct ent *e;

	(void)state;
	assert_non_null(find(as, "Kyrgyzstan"));
	assert_non_null(find(as, "United States"));
	assert_non_null(e = find(as, "Kazakhstan"));
	assert_int_equal(e->a.naliases, 1);
	assert_string_equal(e->a.aliases[0], "Astana");
	actors_free(as);
	actors_free(NULL);
}

/*
 * A capitalised run split at 100,000 connectors ("Alpha of Beta of ..."):
 * split in a loop, it once recursed per connector and overflowed the stack
 * under ASan.
 */
static void
test_long_run(void **state)
{
	const char pair[] = "Alpha of Beta of ";
	size_t n = 100000, i, len = (sizeof pair - 1) * n;
	char *text = malloc(len + sizeof "Gamma.");
	const char *p[1];
	struct actors *as;

	(void)state;
	assert_non_null(text);
	for (i = 0; i < n; i++)
		memcpy(text + i * (sizeof pair - 1), pair, sizeof pair - 1);
	memcpy(text + len, "Gamma.", sizeof "Gamma.");
	p[0] = text;
	as = scan(p, 1);
	/* the same few names, not one actor per part */
	assert_true(as->n <= 3);
	actors_free(as);
	free(text);
}

/* A plural title heads a list of names; "including"/"such as" take the
 * plural title just before them; an honorific alone is no role. */
static void
test_list_roles(void **state)
{
	const char *p[] = {
		"Guests included photographers Ann Berg, Carl Dunn and Eve "
		"Falk; and athletes Gus Holm (tennis) and Ida Jonk (golf).",
		"He is among painters who used oil, such as Kai Lund and Lou "
		"Marr.",
		"Dr. Ned Olin from the College of Testing spoke.",
	};
	struct actors *as = scan(p, 3);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Ann Berg"));
	assert_string_equal(e->a.role, "photographers");
	assert_non_null(e = find(as, "Carl Dunn"));
	assert_string_equal(e->a.role, "photographers");
	assert_non_null(e = find(as, "Eve Falk"));
	assert_string_equal(e->a.role, "photographers");
	assert_non_null(e = find(as, "Gus Holm"));
	assert_string_equal(e->a.role, "athletes");
	assert_non_null(e = find(as, "Ida Jonk"));
	assert_string_equal(e->a.role, "athletes");
	assert_non_null(e = find(as, "Kai Lund"));
	assert_string_equal(e->a.role, "painters");
	assert_non_null(e = find(as, "Lou Marr"));
	assert_string_equal(e->a.role, "painters");
	assert_non_null(e = find(as, "Ned Olin"));
	assert_null(e->a.role);
	actors_free(as);
}

/* Roles before a comma, appositions after an organisation, a role that
 * stops at a verb, "from" + organisation, relation nouns. */
static void
test_more_roles(void **state)
{
	const char *p[] = {
		"Malaysia's Prime Minister, Abu Tahan said it was over.",
		"The secretary general of ABC (Alpha Beta Council), Rosa "
		"Verdi, has called it wrong.",
		"Co-founder of Acme, Sami Brill, met him.",
		"\"We won,\" said Ben Coles, University of Utah, president "
		"of student robotics.",
		"Dr. Eva Mott from the College of Oakland and Jo Pratt, "
		"professor from the Colorado School of Mines in Golden each "
		"received an award.",
		"He left it with his then-girlfriend Lia Wendt.",
	};
	struct actors *as = scan(p, 6);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Abu Tahan"));
	assert_string_equal(e->a.role, "Prime Minister");
	assert_string_equal(e->a.affiliation, "Malaysia");
	assert_non_null(e = find(as, "Rosa Verdi"));
	assert_non_null(strstr(e->a.role, "secretary general"));
	assert_non_null(e = find(as, "Sami Brill"));
	assert_non_null(strstr(e->a.role, "founder of Acme"));
	assert_non_null(e = find(as, "Ben Coles"));
	assert_string_equal(e->a.role, "president of student robotics");
	assert_string_equal(e->a.affiliation, "University of Utah");
	assert_non_null(e = find(as, "Eva Mott"));
	assert_null(e->a.role);
	assert_string_equal(e->a.affiliation, "College of Oakland");
	assert_non_null(e = find(as, "Jo Pratt"));
	assert_null(strstr(e->a.role, "received"));
	assert_null(strstr(e->a.role, "each"));
	assert_non_null(e = find(as, "Lia Wendt"));
	assert_non_null(strstr(e->a.role, "girlfriend"));
	actors_free(as);
}

/* Words of the lists: a modifier kept in the role ("opposition
 * leader"), a clerk's title out of the name, a sentence-opening
 * preposition out of the name ("Besides X"), a graduate's role; a label
 * field ("Deputy Editor: X, Y") gives its persons the label as role; "and"
 * between two words after an organisation's "for" stays in its name; an
 * organisation word before a lower-case title is part of the role
 * ("police chief", "council member"); a relative clause of an occupation
 * ("who works for X") is a role, not any relative clause. */
static void
test_list_words(void **state)
{
	const char *p[] = {
		"Chile opposition leader Tomas Vell spoke.",
		"City Clerk Ana Brisk signed it.",
		"Besides Olek Farran, nobody came.",
		"He married a Yale University graduate Mira Solt.",
		"Deputy Editor: Jon Ekker, Mia Lund",
		"The Institute for Coastal and Marine Studies disagreed.",
		"He met former police chief Tor Lindqvist and council member "
		"Ada Brun.",
		"Mona Hale, 31, who works for the Harbour Authority, saw it. "
		"Sven Tolle, who turns 80 this month, did not.",
	};
	struct actors *as = scan(p, 8);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Tomas Vell"));
	assert_string_equal(e->a.role, "opposition leader");
	assert_non_null(e = find(as, "Ana Brisk"));
	assert_non_null(strstr(e->a.role, "Clerk"));
	assert_non_null(find(as, "Olek Farran"));
	assert_null(find(as, "Besides Olek Farran"));
	assert_non_null(e = find(as, "Mira Solt"));
	assert_non_null(strstr(e->a.role, "graduate"));
	assert_non_null(e = find(as, "Jon Ekker"));
	assert_string_equal(e->a.role, "Deputy Editor");
	assert_non_null(e = find(as, "Mia Lund"));
	assert_string_equal(e->a.role, "Deputy Editor");
	assert_non_null(find(as, "Institute for Coastal and Marine Studies"));
	assert_null(find(as, "Marine Studies"));
	assert_non_null(e = find(as, "Tor Lindqvist"));
	assert_string_equal(e->a.role, "former police chief");
	assert_non_null(e = find(as, "Ada Brun"));
	assert_string_equal(e->a.role, "council member");
	assert_non_null(e = find(as, "Mona Hale"));
	assert_string_equal(e->a.role, "works for the Harbour Authority");
	assert_string_equal(e->a.affiliation, "Harbour Authority");
	assert_non_null(e = find(as, "Sven Tolle"));
	assert_null(e->a.role);
	actors_free(as);
}

/* Particles inside a name ("bin", "von der"), a later "Bin X" the same
 * person; a regnal number after a given name ("King Abdullah II", whose
 * surname-like alias is "Abdullah"), not after any word ("Delta IV"); a
 * place word as surname after a title ("Minister Harlan Day"); a name in
 * apposition to an organisation's kind ("the news agency, Kira,") is an
 * organisation. */
static void
test_name_particles(void **state)
{
	const char *p[] = {
		"Rashid Omar bin Talal met Greta von der Brink in Bern.",
		"Later Bin Talal left, and King Abdullah II arrived.",
		"The Delta IV rocket flew.",
		"Fisheries Minister Harlan Day said the quota stays. He walked "
		"to Central Park.",
		"The state news agency, Kira, reported it.",
		"Elio De Vries agreed with Jan Van den Berg.",
	};
	struct actors *as = scan(p, 6);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Rashid Omar bin Talal"));
	assert_non_null(find(as, "Greta von der Brink"));
	assert_null(find(as, "Bin Talal"));
	assert_null(find(as, "Rashid Omar"));
	assert_non_null(e = find(as, "Abdullah II"));
	assert_string_equal(e->a.role, "King");
	assert_null(find(as, "Delta IV"));
	assert_non_null(e = find(as, "Harlan Day"));
	assert_string_equal(e->a.role, "Fisheries Minister");
	assert_null(find(as, "Central Park"));
	assert_non_null(e = find(as, "Kira"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	assert_non_null(find(as, "Elio De Vries"));
	assert_non_null(find(as, "Jan Van den Berg"));
	actors_free(as);
}

/* A name right after an organisation's kind ("the charity Hope Aid") or
 * "CITY-based" is an organisation, and a later bare or possessive form
 * of it stays that organisation; "who is director of" gives a role; "his
 * wife, Maria," is a person with that role, later "Maria Lund"; a rank
 * alone before a name keeps the office in the apposition after it; a name
 * after "analysts at", "an analyst with" is an organisation; ranks such as
 * "Cmdr." are honorifics ("Navy Cmdr. X" a person), kin words such as
 * "cousin" titles; a middle name alone names the person. */
static void
test_org_kinds(void **state)
{
	const char *p[] = {
		"Food came from the charity Hope Aid and Oslo-based Nordvik "
		"Labs.",
		"Oxfam, UNICEF and Hope Aid sent staff. Hope Aid's trucks came.",
		"Ida Brenn, who is director of relief work for the group, came.",
		"Peter Lund and his wife, Maria, came. Maria Lund spoke.",
		"Army Gen. Ola Brand, the Northern Command chief, spoke.",
		"Analysts at Kessler Voss said so, and an analyst with Fjord "
		"Partners agreed.",
		"Navy Cmdr. Olav Vik met a cousin of Tor Berg, Jens Aas, there.",
		"The poet Fatma Ingrid Solvang died. Ingrid was 93.",
	};
	struct actors *as = scan(p, 8);
	const struct ent *e;
	size_t i, n = 0;

	(void)state;
	assert_non_null(e = find(as, "Hope Aid"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	for (i = 0; i < as->n; i++)
		n += strcmp(as->v[i].a.name, "Hope Aid") == 0;
	assert_int_equal(n, 1);
	assert_non_null(e = find(as, "Nordvik Labs"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	assert_non_null(e = find(as, "Ida Brenn"));
	assert_non_null(strstr(e->a.role, "director"));
	assert_non_null(e = find(as, "Maria Lund"));
	assert_string_equal(e->a.role, "wife");
	assert_null(find(as, "Maria"));
	assert_non_null(e = find(as, "Ola Brand"));
	assert_string_equal(e->a.role, "Army Gen., Northern Command chief");
	assert_non_null(e = find(as, "Kessler Voss"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	assert_non_null(e = find(as, "Fjord Partners"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	assert_non_null(e = find(as, "Olav Vik"));
	assert_int_equal(e->a.kind, ACTOR_PERSON);
	assert_non_null(strstr(e->a.role, "Cmdr."));
	assert_non_null(e = find(as, "Jens Aas"));
	assert_non_null(strstr(e->a.role, "cousin"));
	assert_null(find(as, "Ingrid"));
	assert_non_null(find(as, "Fatma Ingrid Solvang"));
	actors_free(as);
}

/* Hyphen/space variants of one name merge; organisation words win over
 * a two-word "person"; a country phrase stays whole before an
 * organisation; a title after an organisation is no part of it; an
 * acronym does not run on over "the". */
static void
test_names(void **state)
{
	const char *p[] = {
		"Leader Pak Sun Ho spoke. Then Pak Sun-Ho left.",
		"The United Nations placed sanctions.",
		"South Korea's Defense Ministry rejected it.",
		"Ann Dorr, the State Department Spokesperson, said so.",
		"Tom Ash told VOA the North does not need it.",
	};
	struct actors *as = scan(p, 5);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Pak Sun Ho"));
	assert_null(find(as, "Pak Sun-Ho"));
	assert_non_null(e = find(as, "United Nations"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	assert_non_null(find(as, "South Korea's Defense Ministry"));
	assert_null(find(as, "Korea's Defense Ministry"));
	assert_non_null(e = find(as, "State Department"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	assert_null(find(as, "State Department Spokesperson"));
	assert_null(find(as, "VOA the North"));
	assert_non_null(find(as, "VOA"));
	actors_free(as);
}

/* An apposition with no listed title: "a"/"an" + a lower-case word, or
 * "the NOUN of"; an age before it; no time phrase, no list. */
static void
test_descriptions(void **state)
{
	const char *p[] = {
		"Oskar Lindqvist, 57, a retired welder from Malmo, said so.",
		"Marta Ruiz, the voice of the campaign, spoke first.",
		"Jon Berg, an hour later, left the hall.",
		"Ann Lowe, 40, and her son Tim Lowe, 12, were there.",
	};
	struct actors *as;
	const struct ent *e;
	const char *q[] = {
		"Ivo Marsh was asked to resign as finance minister in May.",
		"Lea Hahn, who served as chief executive of Norsk Data, left.",
		"Tor Vik met Ada Berg as she left.",
		"Ann Borg, who is the director of the Lund Museum, spoke. Cy "
		"Orr, who is the best, came.",
	};
	const char *r[] = {
		"Sen. Rob Tully (R-Texas) and Gov. Ann Pike spoke.",
		"Dr. Eli Roth said so. Mr. Sam Hale agreed.",
		"Ina Moss (a spokeswoman for the Port Authority) wrote. Ivan "
		"Sokol (left) smiled.",
		"Jo Pym, QC, told the court. Al Reed, Ph.D., a chemist at "
		"Lund University, spoke.",
	};

	(void)state;
	/* a role after a verb and "as" */
	as = scan(q, 4);
	assert_non_null(e = find(as, "Ann Borg"));
	assert_string_equal(e->a.role, "director of the Lund Museum");
	assert_string_equal(e->a.affiliation, "Lund Museum");
	assert_non_null(e = find(as, "Cy Orr"));
	assert_null(e->a.role);
	assert_non_null(e = find(as, "Ivo Marsh"));
	assert_string_equal(e->a.role, "finance minister");
	assert_non_null(e = find(as, "Lea Hahn"));
	assert_string_equal(e->a.role, "chief executive of Norsk Data");
	assert_non_null(e = find(as, "Tor Vik"));
	assert_null(e->a.role);
	actors_free(as);
	/* an office in an honorific, a party and state, a bracket */
	as = scan(r, 4);
	assert_non_null(e = find(as, "Jo Pym"));
	assert_string_equal(e->a.role, "QC");
	assert_non_null(e = find(as, "Al Reed"));
	assert_non_null(strstr(e->a.role, "chemist"));
	assert_non_null(e = find(as, "Rob Tully"));
	assert_string_equal(e->a.role, "Senator");
	assert_string_equal(e->a.affiliation, "Republican, Texas");
	assert_non_null(e = find(as, "Ann Pike"));
	assert_string_equal(e->a.role, "Governor");
	assert_non_null(e = find(as, "Eli Roth"));
	assert_null(e->a.role);
	assert_non_null(e = find(as, "Sam Hale"));
	assert_null(e->a.role);
	assert_non_null(e = find(as, "Ina Moss"));
	assert_string_equal(e->a.role, "spokeswoman for the Port Authority");
	assert_non_null(e = find(as, "Ivan Sokol"));
	assert_null(e->a.role);
	actors_free(as);
	as = scan(p, 4);
	assert_non_null(e = find(as, "Oskar Lindqvist"));
	assert_non_null(e->a.role);
	assert_non_null(strstr(e->a.role, "retired welder"));
	assert_non_null(e = find(as, "Marta Ruiz"));
	assert_non_null(e->a.role);
	assert_non_null(strstr(e->a.role, "voice of the campaign"));
	assert_non_null(e = find(as, "Jon Berg"));
	assert_null(e->a.role);
	assert_non_null(e = find(as, "Ann Lowe"));
	assert_null(e->a.role);
	actors_free(as);
}

/* Affiliations: an acronym after "of", an organisation or country in
 * the possessive before a name (not a person's). */
static void
test_affiliations(void **state)
{
	const char *p[] = {
		"Kari Holm of UNESCO spoke. NASA's Lena Fox agreed.",
		"Norway's Per Lund and the Green Party's Ada Moss met.",
		"Sam Ortiz's Eve Lowe came.",
	};
	struct actors *as = scan(p, 3);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Kari Holm"));
	assert_string_equal(e->a.affiliation, "UNESCO");
	assert_non_null(e = find(as, "Lena Fox"));
	assert_string_equal(e->a.affiliation, "NASA");
	assert_non_null(e = find(as, "Per Lund"));
	assert_string_equal(e->a.affiliation, "Norway");
	assert_non_null(e = find(as, "Ada Moss"));
	assert_string_equal(e->a.affiliation, "Green Party");
	assert_non_null(e = find(as, "Eve Lowe"));
	assert_null(e->a.affiliation);
	actors_free(as);
	/* "ORG's A and B" share it; a lower-case possessive description
	 * is a role, one bare noun is not */
	{
		const char *q[] = {
			"UNICEF's Ana Roos and Ken Ito came.",
			"The pro-reform bloc's Liv Dahl won. The agency's Max "
			"Hart left.",
		};

		as = scan(q, 2);
		assert_non_null(e = find(as, "Ken Ito"));
		assert_string_equal(e->a.affiliation, "UNICEF");
		assert_non_null(e = find(as, "Liv Dahl"));
		assert_string_equal(e->a.role, "pro-reform bloc");
		assert_non_null(e = find(as, "Max Hart"));
		assert_null(e->a.role);
		actors_free(as);
	}
}

/* Not persons: a run ending in an institution word, one that spells out
 * an acronym beside it; occupations before a name are roles; a place
 * after "at the" is no part of a title; "X, with Y" is no apposition. */
static void
test_things(void **state)
{
	const char *p[] = {
		"The injured went to Royal Kendal Infirmary. Others went to "
		"Mercy Hospital.",
		"The Joint Ocean Wind Survey (JOWS) and the NWD (North Wind "
		"Drifters) begin.",
		"Among them was the driver Ola Brandt and illustrator Ida Lunde.",
		"Nils Ek was a speaker at the Oslo Book Fair.",
		"Saga Holt came, with cartoonist Ines Falk.",
	};
	struct actors *as = scan(p, 5);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Royal Kendal Infirmary"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	assert_non_null(e = find(as, "Mercy Hospital"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	e = find(as, "Joint Ocean Wind Survey");
	assert_true(e == NULL || e->a.kind != ACTOR_PERSON);
	e = find(as, "North Wind Drifters");
	assert_true(e == NULL || e->a.kind != ACTOR_PERSON);
	assert_non_null(e = find(as, "Ola Brandt"));
	assert_string_equal(e->a.role, "driver");
	assert_non_null(e = find(as, "Ida Lunde"));
	assert_string_equal(e->a.role, "illustrator");
	e = find(as, "Fair");
	assert_true(e == NULL || e->a.role == NULL);
	e = find(as, "Book Fair");
	assert_true(e == NULL || e->a.kind != ACTOR_PERSON);
	assert_non_null(e = find(as, "Saga Holt"));
	assert_null(e->a.role);
	assert_non_null(e = find(as, "Ines Falk"));
	assert_string_equal(e->a.role, "cartoonist");
	actors_free(as);
}

/* An organisation run splits at "and" before a two-word name; a list
 * after a plural title goes on over "of ORG" after each name. */
static void
test_coordination(void **state)
{
	const char *p[] = {
		"Seats went to the Green Party and Ola Dahl of the Red "
		"Alliance.",
		"It shows editors Ann Berg of Morgen Magazine and Per Moe of "
		"the Lund Times.",
	};
	struct actors *as = scan(p, 2);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Ola Dahl"));
	assert_int_equal(e->a.kind, ACTOR_PERSON);
	assert_string_equal(e->a.affiliation, "Red Alliance");
	assert_non_null(e = find(as, "Green Party"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	assert_non_null(e = find(as, "Ann Berg"));
	assert_string_equal(e->a.role, "editors");
	assert_non_null(e = find(as, "Per Moe"));
	assert_non_null(e->a.role);
	assert_string_equal(e->a.role, "editors");
	actors_free(as);
}

/* Shared surnames, adherents, a name glued to an organisation, "like"
 * lists, "a spokesman for X, NAME", a comma after a bracket. */
static void
test_more_names(void **state)
{
	const char *p[] = {
		"Ben Lau spoke first. Then Amy Lau spoke.",
		"A video of Methodist Ruth Okoro spread.",
		"A student at University of Nova Borealis Ines Kahl wrote.",
		"Famous guests like Ole Brun and Kim Sand came.",
		"\"It burns,\" said a spokesman for the Harbour Fire Service, "
		"Ray Dunn.",
		"It named Ivan Petrov (Cyrillic here), an officer in the Unit.",
	};
	struct actors *as = scan(p, 6);
	const struct ent *e;
	size_t k;

	(void)state;
	assert_non_null(e = find(as, "Ben Lau"));
	for (k = 0; k < e->a.naliases; k++)
		assert_string_not_equal(e->a.aliases[k], "Lau");
	assert_non_null(e = find(as, "Amy Lau"));
	for (k = 0; k < e->a.naliases; k++)
		assert_string_not_equal(e->a.aliases[k], "Lau");
	assert_non_null(e = find(as, "Ruth Okoro"));
	assert_string_equal(e->a.role, "Methodist");
	assert_non_null(e = find(as, "Ines Kahl"));
	assert_int_equal(e->a.kind, ACTOR_PERSON);
	assert_non_null(strstr(e->a.role, "student"));
	assert_non_null(e = find(as, "University of Nova Borealis"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	assert_non_null(e = find(as, "Ole Brun"));
	assert_string_equal(e->a.role, "guests");
	assert_non_null(e = find(as, "Kim Sand"));
	assert_string_equal(e->a.role, "guests");
	assert_non_null(e = find(as, "Ray Dunn"));
	assert_non_null(e->a.role);
	assert_non_null(strstr(e->a.role, "spokesman for the Harbour"));
	assert_non_null(e = find(as, "Ivan Petrov"));
	assert_non_null(e->a.role);
	assert_non_null(strstr(e->a.role, "officer"));
	actors_free(as);
}

/* An age between a role and its name, a bare "NOUN of" apposition, an
 * organisation word glued to a speaker's name, a longer and a shorter
 * form of one name, a citizen. */
static void
test_name_forms(void **state)
{
	const char *p[] = {
		"It was their father, 53-year-old Rolf Aas, who called.",
		"Eva Sund, co-ordinator of the relief effort, arrived.",
		"Per Holm, both of whom agreed, left.",
		"Later the Harbour Authority Gro Nes said it was safe.",
		"Ana Maria Lopez Vega spoke. Then Ana Maria Lopez left.",
		"Swedish citizen Lars Berg was held.",
	};
	struct actors *as = scan(p, 6);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Rolf Aas"));
	assert_non_null(e->a.role);
	assert_non_null(strstr(e->a.role, "father"));
	assert_non_null(e = find(as, "Eva Sund"));
	assert_non_null(e->a.role);
	assert_non_null(strstr(e->a.role, "co-ordinator of the relief"));
	assert_non_null(e = find(as, "Per Holm"));
	assert_null(e->a.role);
	assert_non_null(e = find(as, "Gro Nes"));
	assert_int_equal(e->a.kind, ACTOR_PERSON);
	assert_non_null(e = find(as, "Harbour Authority"));
	assert_int_equal(e->a.kind, ACTOR_ORGANIZATION);
	assert_non_null(e = find(as, "Ana Maria Lopez Vega"));
	assert_int_equal(e->a.nmentions, 2);
	assert_null(find(as, "Ana Maria Lopez"));
	assert_non_null(e = find(as, "Lars Berg"));
	assert_string_equal(e->a.role, "citizen");
	assert_string_equal(e->a.affiliation, "Sweden");
	actors_free(as);
}

/* Lower-case descriptors and hyphened compounds before a lower-case
 * title; a verb, an age or a capitalised run is none of them. */
static void
test_descriptors(void **state)
{
	const char *p[] = {
		"Ola Berg met president Ivan Petrov.",
		"Then veteran politician Rai Wong and pro-democracy activist "
		"Ida Sand spoke.",
		"She was an 84 year old lady Mia Tran from Hull.",
		"It was part of Prime Minister Ulf Dahl's plan.",
	};
	struct actors *as = scan(p, 4);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Ivan Petrov"));
	assert_string_equal(e->a.role, "president");
	assert_non_null(e = find(as, "Rai Wong"));
	assert_string_equal(e->a.role, "veteran politician");
	assert_non_null(e = find(as, "Ida Sand"));
	assert_string_equal(e->a.role, "pro-democracy activist");
	assert_non_null(e = find(as, "Mia Tran"));
	assert_string_equal(e->a.role, "lady");
	assert_non_null(e = find(as, "Ulf Dahl"));
	assert_string_equal(e->a.role, "Prime Minister");
	actors_free(as);
}

/* A given name next to a one-word country or capital is a name; later
 * the word alone is that person; a title that is a given name opens a
 * name before one word. */
static void
test_given_names(void **state)
{
	const char *p[] = {
		"Victoria Stanek said so. Michael Jordan agreed.",
		"Later Jordan left for Paris.",
		"It was started by Dean Holloway in 1990.",
	};
	struct actors *as = scan(p, 3);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Victoria Stanek"));
	assert_int_equal(e->a.kind, ACTOR_PERSON);
	assert_non_null(e = find(as, "Michael Jordan"));
	assert_int_equal(e->a.kind, ACTOR_PERSON);
	assert_int_equal(e->a.nmentions, 2);
	assert_null(find(as, "Jordan"));
	assert_non_null(e = find(as, "France"));
	assert_int_equal(e->a.kind, ACTOR_COUNTRY);
	assert_non_null(e = find(as, "Dean Holloway"));
	assert_null(e->a.role);
	actors_free(as);
	/* "founded by X": the agent noun; "met by X": none */
	{
		const char *q[] = {
			"The school was founded by Ida Brandt in 1990.",
			"He was met by Ola Lie at the door.",
		};

		as = scan(q, 2);
		assert_non_null(e = find(as, "Ida Brandt"));
		assert_string_equal(e->a.role, "founder");
		assert_non_null(e = find(as, "Ola Lie"));
		assert_null(e->a.role);
		actors_free(as);
	}
}

/* A town and its state before a role; an editor's bracket before a
 * name; "a major X" is no title; an affiliation is the body alone. */
static void
test_role_edges(void **state)
{
	const char *p[] = {
		"\"Good,\" said Eva Lind, Dayton, Ohio nurse and Dean for "
		"Research at Ohio Valley University.",
		"\"Everyone including [former Harbor Museum CEO] Ann Wilde "
		"came.\"",
		"It was a major Ruth Okafor show.",
	};
	struct actors *as = scan(p, 3);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Eva Lind"));
	assert_non_null(e->a.role);
	assert_non_null(strstr(e->a.role, "nurse"));
	assert_string_equal(e->a.affiliation, "Ohio Valley University");
	assert_non_null(e = find(as, "Ann Wilde"));
	assert_string_equal(e->a.role, "former Harbor Museum CEO");
	assert_string_equal(e->a.affiliation, "Harbor Museum");
	assert_non_null(e = find(as, "Ruth Okafor"));
	assert_null(e->a.role);
	actors_free(as);
}

/* Two given names sharing one surname; a role before a comma with a
 * capitalised title; an adjective in front of a title. */
static void
test_shared_surname(void **state)
{
	const char *p[] = {
		"The teenagers Maria and Jose Alvarez were freed.",
		"Freed hostage Ana Lopes spoke. The First Lady, Jill Moore, "
		"came.",
	};
	struct actors *as = scan(p, 2);
	const struct ent *e;

	(void)state;
	assert_non_null(e = find(as, "Maria Alvarez"));
	assert_string_equal(e->a.role, "teenagers");
	assert_non_null(e = find(as, "Jose Alvarez"));
	assert_string_equal(e->a.role, "teenagers");
	assert_null(find(as, "Maria"));
	assert_non_null(e = find(as, "Ana Lopes"));
	assert_string_equal(e->a.role, "Freed hostage");
	assert_non_null(e = find(as, "Jill Moore"));
	assert_string_equal(e->a.role, "First Lady");
	actors_free(as);
}

/* A sentence opener before a given name is no part of the name; a
 * capitalised function word after a given name is a surname, not "I". */
static void
test_name_edges(void **state)
{
	const char *p[] = {
		"The vote ended. Nonpartisan Paul Kerr won again.",
		"Then James To of the Green Party won. The Eve I flight "
		"began.",
	};
	struct actors *as = scan(p, 2);
	const struct ent *e;

	(void)state;
	assert_non_null(find(as, "Paul Kerr"));
	assert_null(find(as, "Nonpartisan Paul Kerr"));
	assert_non_null(e = find(as, "James To"));
	assert_string_equal(e->a.affiliation, "Green Party");
	assert_null(find(as, "Eve I"));
	actors_free(as);
}

/*
 * The tokens' mention indices after a scan are those of the mention list
 * in text order (the last mention covering a token wins), whether the
 * runs added their mentions in that order or not ("Freed hostage ...
 * Revolutionary Armed Forces of Colombia (FARC)" adds one out of order);
 * every mention starts at a token a run may start at or inside a phrase.
 */
static void
test_token_mentions(void **state)
{
	const char *p[] = {
		"Freed hostage \xc3\x8dngrid Betancourt arrived in France "
		"today, two days after being rescued from the Revolutionary "
		"Armed Forces of Colombia (FARC), who had kept her captive in "
		"the Colombian jungle for more than six years.",
		"Other charitable fan-based groups included The Ontario "
		"Ghostbusters, Doctor Who Society of Canada, and Klingon "
		"Assault Group.",
		"Kazakh Foreign Ministry spokesman Aibek Smadiyarov said so "
		"in the Kremlin, and the Kremlin said nothing.",
	};
	struct actors *as = actors_new(NULL);
	struct tokens *tk = sentences_new();
	struct qspans qs = { 0 };
	struct mentions ms = { 0 };
	bool carry = false;
	size_t i, k, m;

	(void)state;
	for (i = 0; i < sizeof p / sizeof p[0]; i++) {
		as->text = p[i];
		sentences_split(tk, p[i], 0, strlen(p[i]));
		quotes_find(tk, &carry, &qs);
		actors_scan(as, tk, &ms);
		assert_true(ms.n >= 3);
		for (m = 1; m < ms.n; m++)
			assert_true(ms.v[m - 1].first <= ms.v[m].first);
		for (k = 0; k < tk->n; k++) {
			int want = -1;

			for (m = 0; m < ms.n; m++)
				if (ms.v[m].role_first <= k && k < ms.v[m].last)
					want = (int)m;
			assert_int_equal(tk->v[k].mention, want);
		}
	}
	sentences_free(tk);
	free(qs.v);
	free(ms.v);
	actors_free(as);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_first_word_alias),
		cmocka_unit_test(test_countries),
		cmocka_unit_test(test_long_run),
		cmocka_unit_test(test_list_roles),
		cmocka_unit_test(test_more_roles),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_descriptions),
		cmocka_unit_test(test_affiliations),
		cmocka_unit_test(test_things),
		cmocka_unit_test(test_coordination),
		cmocka_unit_test(test_more_names),
		cmocka_unit_test(test_name_forms),
		cmocka_unit_test(test_descriptors),
		cmocka_unit_test(test_given_names),
		cmocka_unit_test(test_role_edges),
		cmocka_unit_test(test_shared_surname),
		cmocka_unit_test(test_name_edges),
		cmocka_unit_test(test_token_mentions),
		cmocka_unit_test(test_list_words),
		cmocka_unit_test(test_name_particles),
		cmocka_unit_test(test_org_kinds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
