/*
 * quotes.c: find quotation spans in a block's tokens.
 *
 * One left-to-right pass per block. A double mark may open when white
 * space, an opening bracket, a dash or the block start comes before it and
 * a word or mark follows; it may close when it follows a word or
 * punctuation with no space and is followed by space, punctuation or the
 * block end. Curly glyphs break ties (“ opens, ” closes) but the spacing
 * wins, which accepts a quote closed with the wrong glyph. Single quotes
 * outside double quotes are taken only when a closing single mark follows
 * within the same sentence region (40 tokens), so stray apostrophes never
 * open a span; a mark after a word in -s and before a lower-case word
 * ("the players’ plan") closes one only when no later mark does. Marks
 * around punctuation alone ("...") quote nothing. Work is linear in the
 * number of tokens.
 */
#include "config.h"

#include <string.h>

#include "quotes.h"
#include "sentences.h"
#include "xmalloc.h"

enum glyph { G_NONE, G_STRAIGHT, G_OPEN, G_CLOSE };

/* The glyph class of token i and its kind (1 single, 2 double). */
static enum glyph
glyph(const struct tokens *tk, size_t i, int *kind)
{
	const char *s = tk->text + tk->v[i].start;
	size_t len = tk->v[i].end - tk->v[i].start;

	*kind = 0;
	if (tk->v[i].flags & TOK_WORD)
		return G_NONE; /* most tokens */
	if (len == 1) {
		if (*s == '"') {
			*kind = 2;
			return G_STRAIGHT;
		}
		if (*s == '\'' || *s == '`') {
			*kind = 1;
			return G_STRAIGHT;
		}
		return G_NONE;
	}
	if (len == 2 && (unsigned char)s[0] == 0xc2) {
		*kind = 2;
		if ((unsigned char)s[1] == 0xab)
			return G_OPEN;
		if ((unsigned char)s[1] == 0xbb)
			return G_CLOSE;
		*kind = 0;
		return G_NONE;
	}
	if (len == 3 && (unsigned char)s[0] == 0xe2 &&
	    (unsigned char)s[1] == 0x80) {
		switch ((unsigned char)s[2]) {
		case 0x9c: /* “ */
		case 0x9e: /* „ */
			*kind = 2;
			return G_OPEN;
		case 0x9d: /* ” */
			*kind = 2;
			return G_CLOSE;
		case 0x98: /* ‘ */
			*kind = 1;
			return G_OPEN;
		case 0x99: /* ’ */
			*kind = 1;
			return G_CLOSE;
		}
	}
	return G_NONE;
}

int
quotes_mark_kind(const struct tokens *tk, size_t i)
{
	int kind;

	glyph(tk, i, &kind);
	return kind;
}

static bool
is_opening_punct(const struct tokens *tk, size_t i)
{
	const char *s = tk->text + tk->v[i].start;
	size_t len = tk->v[i].end - tk->v[i].start;

	if (len == 1)
		return *s == '(' || *s == '[' || *s == '-' || *s == ':' ||
		       *s == '/';
	/* en and em dashes */
	return len == 3 && memcmp(s, "\xe2\x80", 2) == 0 &&
	       ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94);
}

/* Spacing of a mark: may it open, may it close? */
static void
flanks(const struct tokens *tk, size_t i, size_t width, bool *can_open,
       bool *can_close)
{
	bool before = i == 0 || (tk->v[i].flags & TOK_SPACE) ||
	              is_opening_punct(tk, i - 1);
	bool after = i + width >= tk->n ||
	             (tk->v[i + width].flags & TOK_SPACE) ||
	             !(tk->v[i + width].flags & TOK_WORD);

	*can_open = before && !(i + width < tk->n &&
	                        (tk->v[i + width].flags & TOK_SPACE));
	if (i + width >= tk->n)
		*can_open = false;
	*can_close = (i > 0 && !(tk->v[i].flags & TOK_SPACE)) && after;
	/* a mark between two spaces: either, decided by state */
	if (!*can_open && !*can_close && i > 0)
		*can_close = true;
}

/* Width in tokens of a double mark at i: 2 for '' and ``, else 1. */
static size_t
double_width(const struct tokens *tk, size_t i, int kind)
{
	int k2;

	if (kind == 1 && i + 1 < tk->n && !(tk->v[i + 1].flags & TOK_SPACE) &&
	    glyph(tk, i + 1, &k2) == G_STRAIGHT && k2 == 1 &&
	    tk->text[tk->v[i].start] == tk->text[tk->v[i + 1].start])
		return 2;
	return kind == 2 ? 1 : 0;
}

static struct qspan *
add(struct qspans *qs)
{
	if (qs->n == qs->cap) {
		qs->cap = qs->cap ? qs->cap * 2 : 16;
		qs->v = xreallocarray(qs->v, qs->cap, sizeof *qs->v);
	}
	memset(&qs->v[qs->n], 0, sizeof qs->v[0]);
	return &qs->v[qs->n++];
}

static bool
is_space_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Fill in byte range and word count of q, and mark its tokens. */
static void
seal(struct tokens *tk, struct qspans *qs, struct qspan *q)
{
	size_t k, words;
	int idx = (int)(q - qs->v);

	q->words = 0;
	if (q->first >= q->last) {
		q->start = q->end =
		    q->open != QSPAN_NONE    ? tk->v[q->first - 1].end
		    : q->close != QSPAN_NONE ? tk->v[q->close].start
		                             : 0;
		return;
	}
	/* marks around punctuation only ("\"...\"") quote nothing: the
	 * span is dropped (it is the last one added) */
	if (q->open != QSPAN_NONE && q->close != QSPAN_NONE &&
	    q == &qs->v[qs->n - 1]) {
		for (k = q->first; k < q->last; k++)
			if (tk->v[k].flags & TOK_WORD)
				break;
		if (k == q->last) {
			qs->n--;
			return;
		}
	}
	q->start = q->open != QSPAN_NONE ? tk->v[q->first - 1].end
	                                 : tk->v[q->first].start;
	q->end = q->close != QSPAN_NONE ? tk->v[q->close].start
	                                : tk->v[q->last - 1].end;
	while (q->start < q->end && is_space_byte(tk->text[q->start]))
		q->start++;
	while (q->end > q->start && is_space_byte(tk->text[q->end - 1]))
		q->end--;
	/* the words counted without a branch on each token's kind */
	for (k = q->first, words = 0; k < q->last; k++) {
		tk->v[k].flags |= TOK_QUOTED;
		tk->v[k].quote = idx;
		words += (tk->v[k].flags & TOK_WORD) != 0;
	}
	q->words = words;
	if (q->open != QSPAN_NONE) {
		for (k = q->open; k < q->first; k++) {
			tk->v[k].flags |= TOK_QMARK;
			tk->v[k].quote = idx;
		}
	}
	if (q->close != QSPAN_NONE) {
		int kind;
		size_t w = glyph(tk, q->close, &kind) == G_STRAIGHT && kind == 1
		               ? double_width(tk, q->close, kind)
		               : 1;

		for (k = q->close; k < q->close + (w ? w : 1); k++) {
			tk->v[k].flags |= TOK_QMARK;
			tk->v[k].quote = idx;
		}
	}
}

/* Look for a single-quote closer for an opener at i; QSPAN_NONE if none. */
static size_t
single_closer(const struct tokens *tk, size_t i)
{
	size_t j, maybe = QSPAN_NONE;

	for (j = i + 1; j < tk->n && j < i + 40; j++) {
		int kind;
		enum glyph g = glyph(tk, j, &kind);
		bool o, c;

		if (kind == 2)
			return maybe;
		if (kind != 1)
			continue;
		flanks(tk, j, 1, &o, &c);
		if (g == G_OPEN || (o && !c)) {
			if (maybe != QSPAN_NONE)
				return maybe; /* 'lies' and 'smears' */
			continue;
		}
		if (!c || (tk->v[j].flags & TOK_SPACE))
			continue;
		if (j <= i + 1)
			return maybe;
		/* "the players’ plan": a plural possessive, unless no other
		 * mark closes the quote */
		if (maybe == QSPAN_NONE && j + 1 < tk->n &&
		    tk->text[tk->v[j - 1].end - 1] == 's' &&
		    (tk->v[j - 1].flags & TOK_WORD) &&
		    (tk->v[j + 1].flags & TOK_SPACE) &&
		    (tk->v[j + 1].flags & TOK_LOWER)) {
			maybe = j;
			continue;
		}
		return j;
	}
	return maybe;
}

void
quotes_find(struct tokens *tk, bool *carry, struct qspans *qs)
{
	size_t i = 0, m;
	struct qspan *cur = NULL;
	bool carried = *carry;

	qs->n = 0;
	*carry = false;
	if (tk->n == 0)
		return;
	/* a continuation paragraph without an opening mark */
	if (carried) {
		int kind;
		enum glyph g = glyph(tk, 0, &kind);
		size_t j;

		if (kind != 2 || g == G_CLOSE) {
			for (j = 0; j < tk->n; j++) {
				bool o, c;

				g = glyph(tk, j, &kind);
				if (kind != 2 && double_width(tk, j, kind) != 2)
					continue;
				flanks(tk, j, 1, &o, &c);
				if (c && j > 0 && (!o || g == G_CLOSE)) {
					cur = add(qs);
					cur->open = QSPAN_NONE;
					cur->close = j;
					cur->first = 0;
					cur->last = j;
					cur->cont_prev = true;
					seal(tk, qs, cur);
					i = j + double_width(tk, j, kind);
				}
				break;
			}
			cur = NULL;
		}
	}
	/*
	 * The tokens from i on that may be marks (tk->marks: most tokens
	 * are none, and a branch on each would keep being mispredicted).
	 * i is the last token looked at from here on (none: -1, wrapped),
	 * moved on past the marks a quote takes in.
	 */
	i--;
	for (m = 0; m < tk->nmarks; m++) {
		int kind;
		enum glyph g;
		size_t width;
		bool o, c;

		if (tk->marks[m] < i + 1)
			continue; /* at or before the last token looked at */
		i = tk->marks[m];
		if ((g = glyph(tk, i, &kind)) == G_NONE)
			continue;
		width = double_width(tk, i, kind);
		if (width == 0) {
			/* a single mark: only outside double quotes */
			size_t j;

			if (cur != NULL || g == G_CLOSE)
				continue;
			flanks(tk, i, 1, &o, &c);
			if (!o || (j = single_closer(tk, i)) == QSPAN_NONE)
				continue;
			cur = add(qs);
			cur->open = i;
			cur->close = j;
			cur->first = i + 1;
			cur->last = j;
			cur->single = true;
			seal(tk, qs, cur);
			cur = NULL;
			i = j;
			continue;
		}
		flanks(tk, i, width, &o, &c);
		if (cur != NULL) {
			if (c || g == G_CLOSE || !o) {
				cur->close = i;
				cur->last = i;
				seal(tk, qs, cur);
				cur = NULL;
				i += width - 1;
				continue;
			}
			/* an opener while open: the first one never closed */
			cur->last = i;
			seal(tk, qs, cur);
			cur = NULL;
		}
		if (g == G_CLOSE && !o)
			continue; /* a stray closing mark */
		if (i + width >= tk->n)
			continue; /* a mark ending the block opens nothing */
		cur = add(qs);
		cur->open = i;
		cur->close = QSPAN_NONE;
		cur->first = i + width;
		cur->cont_prev = carried && qs->n == 1 && i == 0;
		i += width - 1;
	}
	if (cur != NULL) {
		cur->last = tk->n;
		cur->cont_next = true;
		seal(tk, qs, cur);
		*carry = true;
	}
}
