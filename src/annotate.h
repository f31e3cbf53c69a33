/*
 * annotate.h: the annotation model (actors, quotes, positions) and the
 * annotator that computes it from an article and its blocks.
 *
 * All offsets are text offsets (see article.h). Actors are referred to by
 * index; their public ids are "A1", "A2", ... (index + 1) and quote ids
 * "Q1", ... in the order of the arrays. Quotes are sorted by start.
 * Every string is owned by the annotation and freed with it.
 */
#ifndef WHOSAID_ANNOTATE_H
#define WHOSAID_ANNOTATE_H

#include <stdbool.h>
#include <stddef.h>

struct article;
struct block_list;

enum actor_kind {
	ACTOR_PERSON,
	ACTOR_COUNTRY,
	ACTOR_ORGANIZATION,
	ACTOR_GROUP,
	ACTOR_ANONYMOUS
};
#define ACTOR_NKINDS (ACTOR_ANONYMOUS + 1)

enum quote_kind {
	QUOTE_DIRECT,  /* a sentence or more of speech */
	QUOTE_PARTIAL, /* a fragment inside reported speech */
	QUOTE_SCARE    /* a term held at a distance: not speech */
};
#define QUOTE_NKINDS (QUOTE_SCARE + 1)

struct span {
	size_t start, end;
};

struct actor {
	char *name;		/* longest form: "Aibek Smadiyarov" */
	enum actor_kind kind;
	char *role;		/* "Foreign Ministry spokesman", or NULL */
	char *affiliation;	/* "Kazakhstan", "University of Glasgow", or NULL */
	char **aliases;		/* other forms seen: "Smadiyarov" */
	size_t naliases;
	char *position;		/* the sentence stating its stance, or NULL */
	struct span position_span; /* where position stands; 0,0 when curated
				      text could not be anchored */
	bool position_curated;	/* the position came from a person */
	bool curated;		/* the whole entry was corrected by a person */
	struct span *mentions;	/* every mention, in text order */
	size_t nmentions;
};

struct quote {
	struct span span;	/* the words inside the marks */
	char *text;		/* exactly those bytes */
	int speaker;		/* index into actors, or -1: nobody found */
	char *cue;		/* "said", "told RFE/RL", ... or NULL */
	struct span cue_span;	/* where the cue stands; 0,0 when none */
	enum quote_kind kind;
	double confidence;	/* 0..1 */
	bool curated;
	size_t block;		/* index of the block holding the start */
};

struct annotation {
	struct actor *actors;
	size_t nactors;
	struct quote *quotes;
	size_t nquotes;
	char *title;		/* NULL when none */
	char *byline;		/* "Chris Rickleton", or NULL */
	char *dateline;		/* "ALMATY, Kazakhstan", or NULL */
	size_t words;		/* words in shown blocks */
};

/* Annotate an article. Never fails; an article without quotes gives an
 * annotation with none. */
struct annotation *annotate(const struct article *art,
    const struct block_list *bl);

/* Free what an actor owns (not the actor itself) and zero it. */
void annotate_actor_clear(struct actor *a);

/* Free an annotation; annotation_free(NULL) does nothing. */
void annotation_free(struct annotation *ann);

/* "person", "country", "organization", "group", "anonymous". */
const char *annotate_actor_kind_name(enum actor_kind kind);
int annotate_actor_kind_from_name(const char *name); /* -1 when unknown */
/* "direct", "partial", "scare". */
const char *annotate_quote_kind_name(enum quote_kind kind);
int annotate_quote_kind_from_name(const char *name); /* -1 when unknown */

#endif
