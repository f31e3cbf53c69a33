/*
 * actors.h: who is in an article. Mentions of people, countries,
 * organisations, groups and anonymous sources, merged into actors, with
 * roles and affiliations.
 *
 * The table lives for a whole article and is filled block by block, in
 * text order, so merging only ever looks back ("Putin" joins the earlier
 * "Vladimir Putin"). Each block's mentions are returned in a separate
 * list that is valid until the next block.
 */
#ifndef WHOSAID_ACTORS_H
#define WHOSAID_ACTORS_H

#include <stdbool.h>
#include <stddef.h>

#include "annotate.h"

struct arena;
struct tokens;
struct strmap;

struct mention {
	size_t first, last; /* the name's tokens [first, last) */
	size_t role_first;  /* first token of a title before the name */
	int actor;
	bool quoted; /* inside a quotation */
	bool object; /* addressee: "told the Daily Ledger" */
};

struct mentions {
	struct mention *v;
	size_t n, cap;
};

/* An actor under construction: the public record plus working state. */
struct ent {
	struct actor a;
	size_t mcap, acap;
	char gender; /* 'm', 'f' or 0 */
	char initial; /* the name's first byte, ASCII lower-cased */
	char *key;   /* lower-cased name as first seen (arena) */
	size_t nquotes;
	int pos_score; /* best position candidate so far */
	struct span pos;
	double quote_conf; /* strongest quote, the fallback position */
	struct span quote_span;
	size_t order; /* position of the first mention */
};

struct actors {
	struct ent *v;
	size_t n, cap;
	struct strmap *names;    /* lower-cased name or alias -> actor */
	struct strmap *surnames; /* lower-cased last name -> person */
	const char *text;        /* the article text (borrowed) */
	struct arena *arena;     /* working copies that die with the table */
	void *ph;                /* scratch: phrase marks of a block */
	size_t phcap;
	size_t *cand; /* scratch: the tokens a run may start at */
	size_t candcap;
	bool headline;  /* scanning a title: create no people */
	bool org_stems; /* names holds a company's short name ("Acme") */
	int last_plural; /* the latest body of people ("they"), or -1 */
	int plural_age;  /* blocks since it was named */
	int recent[64]; /* latest actors mentioned outside quotes */
	size_t nrecent; /* most recent first */
};

struct actors *actors_new(const char *text);
/* Free the table and any actor records still in it; NULL does nothing. */
void actors_free(struct actors *as);

/*
 * Find the mentions of block tokens tk (quotes already marked), adding
 * actors, roles and affiliations; sets each covered token's mention index.
 * Replaces ms's contents.
 */
void actors_scan(struct actors *as, struct tokens *tk, struct mentions *ms);

/* The actor of that kind and name (found or created). */
int actors_get(struct actors *as, enum actor_kind kind, const char *name,
               size_t len);

/* Record a mention of actor a at bytes [start, end). */
void actors_mention(struct actors *as, int a, size_t start, size_t end);

/* Add an alias (ignored when equal to the name or already there). */
void actors_alias(struct actors *as, int a, const char *s, size_t len);

/* Whether the role of actor a contains word w (case-insensitive). */
bool actors_role_has(const struct actors *as, int a, const char *w, size_t len);

/* Whether a name's own shape says it names a thing, not a person: a digit
 * in it ("Airbus A320") or an initial last ("the launch of Artemis I."). */
bool actors_name_is_thing(const char *name);

#endif
