/*
 * nav.h: navigation in an annotated article, as pure functions.
 *
 * The reader's movements ("next quote after this offset", "next quote by
 * the same speaker", "this actor's first quote", "next match of a search")
 * are computed here from the annotation, the blocks and the text, so that
 * they can be tested without a terminal. Nothing here keeps state.
 *
 * Quotes are referred to by their index in ann->quotes (sorted by start).
 * Only speech counts: scare quotes (QUOTE_SCARE) are never returned by
 * the quote movements and are not counted by the ranks.
 */
#ifndef WHOSAID_NAV_H
#define WHOSAID_NAV_H

#include <stdbool.h>
#include <stddef.h>

struct annotation;
struct block_list;
struct quote;

#define NAV_NONE ((size_t)-1) /* no such quote */
#define NAV_ANY (-2)	      /* speaker argument: any speaker */

/* Whether q is speech (direct or partial), not a scare quote. */
bool nav_is_speech(const struct quote *q);

/*
 * The first speech quote starting at or after off whose speaker is
 * speaker (an actor index, -1 for unattributed quotes, NAV_ANY for any),
 * or NAV_NONE.
 */
size_t nav_next_quote(const struct annotation *ann, int speaker, size_t off);

/* The last speech quote starting before off with that speaker, or
 * NAV_NONE. */
size_t nav_prev_quote(const struct annotation *ann, int speaker, size_t off);

/*
 * The speech quote after (or before) quote q by q's speaker, or
 * NAV_NONE. q must be a valid index.
 */
size_t nav_next_same_speaker(const struct annotation *ann, size_t q);
size_t nav_prev_same_speaker(const struct annotation *ann, size_t q);

/* The first speech quote of actor, or NAV_NONE. */
size_t nav_first_quote(const struct annotation *ann, int actor);

/*
 * The text offset of actor's first mention, or of its first quote when it
 * has no mention; (size_t)-1 when it has neither.
 */
size_t nav_first_mention(const struct annotation *ann, int actor);

/*
 * Rank of speech quote q among all speech quotes: *k is its number from 1,
 * *n their count. With q == NAV_NONE, *k is 0.
 */
void nav_quote_rank(const struct annotation *ann, size_t q, size_t *k,
    size_t *n);

/* Rank of speech quote q among the speech quotes of its speaker. */
void nav_speaker_rank(const struct annotation *ann, size_t q, size_t *k,
    size_t *n);

/* The number of speech quotes of actor (-1: unattributed). */
size_t nav_speaker_count(const struct annotation *ann, int actor);

/*
 * The first quote (of any kind) whose span ends after off: where a caller
 * drawing text from off onwards starts looking. ann->nquotes when none.
 */
size_t nav_quote_from(const struct annotation *ann, size_t off);

/*
 * Search the shown text for pattern (plen bytes). Only the shown part of
 * each block counts (boilerplate and the repeat of a caption are skipped),
 * and a match never spans two blocks. Matching ignores ASCII case unless
 * the pattern holds an upper-case letter ("smart case", as less -i).
 * Forward: the first match starting at or after from; backward: the last
 * match starting before from. On success stores the match in *start,
 * *end and returns true.
 */
bool nav_search(const char *text, size_t len, const struct block_list *bl,
    const char *pattern, size_t plen, size_t from, bool forward,
    size_t *start, size_t *end);

/*
 * Like nav_search forward, but only matches that start before limit:
 * a bounded search for what is on screen.
 */
bool nav_search_before(const char *text, size_t len,
    const struct block_list *bl, const char *pattern, size_t plen,
    size_t from, size_t limit, size_t *start, size_t *end);

#endif
