/*
 * quotes.h: quotation spans in one block.
 *
 * Marks are paired by kind: double marks (" “ ” „ « » and '' or ``) with
 * each other, single marks (' ‘ ’) with each other, and only outside a
 * double quotation (single quotes inside one belong to it). Whether a mark
 * opens or closes follows from its glyph and from the white space around
 * it, so apostrophes inside words ("Kazakhstan's") are never marks and a
 * plural possessive ("elites'") is one only when a single quote is open.
 * A quotation left open at the end of a paragraph ends there and may go on
 * in the next paragraph, with or without a new opening mark.
 */
#ifndef WHOSAID_QUOTES_H
#define WHOSAID_QUOTES_H

#include <stdbool.h>
#include <stddef.h>

struct tokens;

#define QSPAN_NONE ((size_t)-1)

struct qspan {
	size_t open, close; /* mark tokens; QSPAN_NONE when missing */
	size_t first, last; /* tokens inside: [first, last) */
	size_t start, end;  /* bytes inside the marks, trimmed */
	size_t words;       /* word tokens inside */
	bool cont_prev;     /* goes on from the previous paragraph */
	bool cont_next;     /* runs past the end of its paragraph */
	bool single;        /* single quotation marks */
};

struct qspans {
	struct qspan *v;
	size_t n, cap;
};

/*
 * Find the quotations of the block whose tokens are tk. *carry is true
 * when the previous paragraph ended inside a quotation, and is set for the
 * next one; pass false for blocks that are not paragraphs. Marks tokens
 * TOK_QUOTED / TOK_QMARK and sets their quote index. Replaces qs's
 * contents.
 */
void quotes_find(struct tokens *tk, bool *carry, struct qspans *qs);

/* Whether token i is a double (2), single (1) or no (0) quotation mark. */
int quotes_mark_kind(const struct tokens *tk, size_t i);

#endif
