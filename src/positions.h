/*
 * positions.h: for each actor, the sentence that best states its stance.
 *
 * Candidates are scored block by block; positions_finish() writes the
 * winning sentence (or, failing any, the actor's strongest quote) into
 * each actor's position.
 */
#ifndef WHOSAID_POSITIONS_H
#define WHOSAID_POSITIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexicon.h"

struct actors;
struct tokens;
struct mentions;

/* A title word is compared by its first POSITIONS_STEM bytes; at most
 * POSITIONS_TOPIC_MAX words of a title count. */
#define POSITIONS_STEM 6
#define POSITIONS_TOPIC_MAX 32

/* Words of the title that mark the article's subject (a value held by
 * the caller: no allocation, positions_topic_free() only empties it). */
struct topic {
	/* lower-cased stems of the title's content words, NUL-terminated */
	char words[POSITIONS_TOPIC_MAX][POSITIONS_STEM + 1];
	size_t n;
	size_t lens[POSITIONS_TOPIC_MAX]; /* their lengths */
	/* which pairs of first and second byte open one of them, each
	 * byte's low five bits (ASCII case aside): bit 32 * b0 + b1 */
	uint64_t pair[16];
};

/* Stems of the content words of title[start, end); tk is scratch (its
 * tokens are replaced), so that an article splits into one token list. */
void positions_topic(struct topic *tp, struct tokens *tk, const char *text,
                     size_t start, size_t end);
/* The same from the tokens of the title, already split into tk. */
void positions_topic_tokens(struct topic *tp, const struct tokens *tk);
void positions_topic_free(struct topic *tp);

/* The lexicon bits of the words a position hangs on: stance and speech
 * verbs, stance nouns. A token without any is never a candidate's. */
#define POSITIONS_LEX                                                          \
	(LEX_BIT(LEX_STANCE_VERB) | LEX_BIT(LEX_SPEECH_VERB) |                 \
	 LEX_BIT(LEX_STANCE_NOUN))

/* Score the sentences of one block as positions of the actors in it,
 * given the tokens of tk whose lexicon bits meet POSITIONS_LEX, at[0, n)
 * in ascending order (gathered on a pass the caller makes anyway): the
 * other tokens are not looked at. */
void positions_block_at(struct actors *as, struct tokens *tk,
                        const struct mentions *ms, const struct topic *tp,
                        const size_t *at, size_t n);

/* Set every actor's position (sentence text and span). */
void positions_finish(struct actors *as, const char *text);

#endif
