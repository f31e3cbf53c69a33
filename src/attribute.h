/*
 * attribute.h: who said each quotation (the attribution sieves).
 *
 * Works block by block after quotes.c and actors.c; struct attr_state
 * carries what a paragraph hands to the next (the last speaker, a
 * paragraph ending in "said:", recent actors for pronouns).
 */
#ifndef WHOSAID_ATTRIBUTE_H
#define WHOSAID_ATTRIBUTE_H

#include <stdbool.h>
#include <stddef.h>

#include "annotate.h"

struct actors;
struct tokens;
struct qspans;
struct mentions;

struct attr_state {
	int last_speaker;  /* speaker of the previous paragraph's last quote */
	int colon_speaker; /* the previous paragraph ended "X said:" */
	int para_subject;  /* person speaking in the previous paragraph's
	                      last sentence (a paragraph without quotes) */
};

/* The result for one quotation of a block. */
struct attr_result {
	int speaker;                /* actor index or -1 */
	size_t cue_first, cue_last; /* cue tokens [first, last); equal: none */
	enum quote_kind kind;
	double confidence;
	const char *rule; /* which sieve fired (for debugging) */
};

void attribute_init(struct attr_state *st);

/*
 * Attribute the quotations qs of the block tk (mentions ms). out must have
 * room for qs->n results. Updates st and the recency list of as.
 */
void attribute_block(struct actors *as, struct tokens *tk,
                     const struct qspans *qs, const struct mentions *ms,
                     struct attr_state *st, struct attr_result *out);

/*
 * The actor that is the grammatical subject of the verb at token v, looking
 * left no further than token lo (a name, pronoun, description, or a name
 * before an apposition); -1 when none. May create an anonymous actor.
 */
int attribute_subject(struct actors *as, struct tokens *tk,
                      const struct mentions *ms, size_t v, size_t lo);

/*
 * A block that only credits a person ("— Assistant Attorney General Todd
 * Kim of ENRD."): that person, who spoke the quotes just before; or -1.
 */
int attribute_dash_credit(const struct actors *as, const struct tokens *tk,
                          const struct mentions *ms);

/* Push the block's unquoted mentions onto the recency list of as. */
void attribute_note_recent(struct actors *as, const struct mentions *ms);

#endif
