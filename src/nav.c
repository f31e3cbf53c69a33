/*
 * nav.c: quote, speaker and search movements over an annotation.
 *
 * Everything is computed from ann->quotes, which annotate.h keeps sorted
 * by start, so the offset lookups are binary searches and the speaker
 * movements are linear scans from a quote (an article has a few dozen
 * quotes; a 10 MB one some thousands).
 */
#include "config.h"

#include <string.h>

#include "annotate.h"
#include "blocks.h"
#include "nav.h"

bool
nav_is_speech(const struct quote *q)
{
	return q->kind != QUOTE_SCARE;
}

static bool
nav_match(const struct quote *q, int speaker)
{
	if (!nav_is_speech(q))
		return false;
	return speaker == NAV_ANY || q->speaker == speaker;
}

/* Index of the first quote starting at or after off (binary search). */
static size_t
nav_lower_bound(const struct annotation *ann, size_t off)
{
	size_t lo = 0, hi = ann->nquotes;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ann->quotes[mid].span.start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
nav_next_quote(const struct annotation *ann, int speaker, size_t off)
{
	size_t i;

	for (i = nav_lower_bound(ann, off); i < ann->nquotes; i++)
		if (nav_match(&ann->quotes[i], speaker))
			return i;
	return NAV_NONE;
}

size_t
nav_prev_quote(const struct annotation *ann, int speaker, size_t off)
{
	size_t i = nav_lower_bound(ann, off);

	while (i-- > 0)
		if (nav_match(&ann->quotes[i], speaker))
			return i;
	return NAV_NONE;
}

size_t
nav_next_same_speaker(const struct annotation *ann, size_t q)
{
	size_t i;

	for (i = q + 1; i < ann->nquotes; i++)
		if (nav_match(&ann->quotes[i], ann->quotes[q].speaker))
			return i;
	return NAV_NONE;
}

size_t
nav_prev_same_speaker(const struct annotation *ann, size_t q)
{
	size_t i = q;

	while (i-- > 0)
		if (nav_match(&ann->quotes[i], ann->quotes[q].speaker))
			return i;
	return NAV_NONE;
}

size_t
nav_first_quote(const struct annotation *ann, int actor)
{
	return nav_next_quote(ann, actor, 0);
}

size_t
nav_first_mention(const struct annotation *ann, int actor)
{
	const struct actor *a;
	size_t q;

	if (actor < 0 || (size_t)actor >= ann->nactors)
		return (size_t)-1;
	a = &ann->actors[actor];
	if (a->nmentions > 0)
		return a->mentions[0].start;
	if ((q = nav_first_quote(ann, actor)) != NAV_NONE)
		return ann->quotes[q].span.start;
	return (size_t)-1;
}

/* Rank of q among the speech quotes matching speaker. */
static void
nav_rank(const struct annotation *ann, int speaker, size_t q, size_t *k,
    size_t *n)
{
	size_t i;

	*k = 0;
	*n = 0;
	for (i = 0; i < ann->nquotes; i++) {
		if (!nav_match(&ann->quotes[i], speaker))
			continue;
		(*n)++;
		if (i == q)
			*k = *n;
	}
}

void
nav_quote_rank(const struct annotation *ann, size_t q, size_t *k, size_t *n)
{
	nav_rank(ann, NAV_ANY, q, k, n);
}

void
nav_speaker_rank(const struct annotation *ann, size_t q, size_t *k,
    size_t *n)
{
	if (q == NAV_NONE || q >= ann->nquotes) {
		*k = *n = 0;
		return;
	}
	nav_rank(ann, ann->quotes[q].speaker, q, k, n);
}

size_t
nav_speaker_count(const struct annotation *ann, int actor)
{
	size_t k, n;

	nav_rank(ann, actor, NAV_NONE, &k, &n);
	return n;
}

size_t
nav_quote_from(const struct annotation *ann, size_t off)
{
	size_t i = nav_lower_bound(ann, off);

	/*
	 * Quotes do not nest, so ends are sorted too; the quote before the
	 * lower bound may still run over off.
	 */
	while (i > 0 && ann->quotes[i - 1].span.end > off)
		i--;
	return i;
}

static bool
nav_has_upper(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			return true;
	return false;
}

static char
nav_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The first match of p in t[from..to) (a match must end by to). */
static bool
nav_find(const char *t, size_t from, size_t to, const char *p, size_t plen,
    bool fold, size_t *at)
{
	size_t i, j;

	if (to < from || to - from < plen)
		return false;
	if (!fold) {
		const char *m = memmem(t + from, to - from, p, plen);

		if (m == NULL)
			return false;
		*at = (size_t)(m - t);
		return true;
	}
	for (i = from; i + plen <= to; i++) {
		for (j = 0; j < plen; j++)
			if (nav_lower(t[i + j]) != nav_lower(p[j]))
				break;
		if (j == plen) {
			*at = i;
			return true;
		}
	}
	return false;
}

/* The shown end of block b. */
static size_t
nav_shown_end(const struct block *b)
{
	return b->shown_end > b->start ? b->shown_end : b->start;
}

bool
nav_search_before(const char *text, size_t len, const struct block_list *bl,
    const char *pattern, size_t plen, size_t from, size_t limit,
    size_t *start, size_t *end)
{
	bool fold = !nav_has_upper(pattern, plen);
	size_t b, at, s, e;

	if (plen == 0)
		return false;
	for (b = blocks_find(bl, from); b < bl->n && bl->v[b].start < limit;
	    b++) {
		const struct block *bk = &bl->v[b];

		if (bk->kind == BLOCK_BOILERPLATE)
			continue;
		s = bk->start > from ? bk->start : from;
		e = nav_shown_end(bk);
		if (e > len)
			e = len;
		/* A match must start before limit, so may end past it. */
		if (e > limit + plen - 1)
			e = limit + plen - 1;
		if (nav_find(text, s, e, pattern, plen, fold, &at)) {
			*start = at;
			*end = at + plen;
			return true;
		}
	}
	return false;
}

bool
nav_search(const char *text, size_t len, const struct block_list *bl,
    const char *pattern, size_t plen, size_t from, bool forward,
    size_t *start, size_t *end)
{
	bool fold = !nav_has_upper(pattern, plen);
	size_t b, at, s, e, found = (size_t)-1;

	if (forward)
		return nav_search_before(text, len, bl, pattern, plen, from, len,
		    start, end);
	if (plen == 0 || bl->n == 0)
		return false;
	b = blocks_find(bl, from);
	if (b >= bl->n)
		b = bl->n - 1;
	for (;; b--) {
		const struct block *bk = &bl->v[b];

		if (bk->kind != BLOCK_BOILERPLATE && bk->start < from) {
			s = bk->start;
			e = nav_shown_end(bk);
			if (e > len)
				e = len;
			/* The last match starting before from. */
			while (nav_find(text, s, e, pattern, plen, fold, &at) &&
			    at < from) {
				found = at;
				s = at + 1;
			}
			if (found != (size_t)-1) {
				*start = found;
				*end = found + plen;
				return true;
			}
		}
		if (b == 0)
			break;
	}
	return false;
}
