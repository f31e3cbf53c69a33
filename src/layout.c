/*
 * layout.c: wrap the shown blocks of an article to a width.
 *
 * Line breaking follows UAX #14 as libunistring implements it. Running
 * u8_possible_linebreaks() over every byte is the slow part of wrapping,
 * so printable ASCII is looked up in two tables built from libunistring
 * itself at start-up: brk_pair[a][b] (may the line break between a and
 * b?) and brk_space[a][b] (between a and b with spaces in between). For
 * ASCII text libunistring's decisions depend on those two characters
 * only; layout_init() checks this on random strings and falls back to
 * libunistring alone if it ever does not hold, and layout-test.c checks it
 * against libunistring on whole texts. Any word holding another character
 * (non-ASCII, a control, a tab) goes to u8_possible_linebreaks() in a
 * window that starts with the end of the word before it, so the rules that
 * look across spaces see their context; windows are at most LAYOUT_WINDOW
 * bytes, so a huge unbroken block never needs a buffer of its size.
 *
 * Most lines are filled a line at a time (layout_fill_fast()): measure
 * from the line's start to the first character that does not fit, then
 * look back for the last break opportunity. Lines with a tab, a CR or a
 * control character, and a line whose start is in doubt, go a character
 * at a time (layout_fill()); both follow the same rule, and layout-test.c
 * checks the result against libunistring's breaks for whole blocks.
 *
 * Lines are filled greedily: a line ends at the last break opportunity
 * that fits, spaces hang past the width and are not part of the line, and
 * a word longer than the width is cut before the first character that
 * does not fit. Widths come from sanitize_glyph() (ASCII is 1 column
 * without asking), a tab is clipped at the line's end.
 *
 * Lines are kept compactly (start, length, width) and only as far as a
 * caller has asked: blocks are laid out in order, on demand.
 *
 * Invariants: lines[] is in text order; a separator line (width -1 in
 * struct layout_rec) stands between the lines of two shown blocks; every
 * other line has width <= lo->width, except a line holding one character
 * wider than the width by itself (a wide character below 2 columns, a
 * control's replacement such as "<9B>" below 4).
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>

#include "article.h"
#include "blocks.h"
#include "layout.h"
#include "sanitize.h"
#include "xmalloc.h"

#ifndef LAYOUT_WINDOW
#define LAYOUT_WINDOW 65536 /* bytes given to libunistring at once */
#endif
#define LAYOUT_CONTEXT 16	/* bytes of context before a window */
#define LAYOUT_MAXLINE (1U << 30) /* bytes in one line, at most */

struct layout_rec {
	size_t start;
	uint32_t len;
	int32_t width; /* -1: separator */
};

/* A shown block that has been laid out, and its first line. */
struct layout_blk {
	size_t block;
	size_t first;
};

struct layout {
	const struct article *art;
	const struct block_list *bl;
	const char *t;
	int width;

	struct layout_rec *lines;
	size_t nlines, lcap;
	struct layout_blk *blks;
	size_t nblks, bcap;
	size_t next_block; /* first block not laid out yet */
	size_t hint;	   /* blks[] entry of the last line asked for */

	/* libunistring windows: text copy and break flags. */
	char *scratch;
	char *flags;
};

/* Where a line is emitted: into the layout, or to a caller's function. */
struct layout_sink {
	struct layout *lo;
	size_t block;
	void (*fn)(const struct layout_line *, void *);
	void *arg;
};

/* Breaking state for one block. */
struct layout_brk {
	const char *t;
	size_t bs, be;	  /* the block */
	size_t w0, w1;	  /* window: flags valid for [w0, w1) */
	size_t wctx;	  /* flags[wctx] is the flag of t[w0] */
	size_t tok_start; /* current word */
	size_t tok_end;
	bool tok_ascii;
	bool tok_plain;	  /* ASCII without a break opportunity inside */
	bool in_tok;
	int prev_kind;	  /* word before: 0 none, 1 ASCII, 2 other */
	size_t prev_end;  /* its end */
};

static bool layout_ready;
static bool layout_fast = true;
static unsigned char brk_pair[128][128];
static unsigned char brk_space[128][128];

/* Byte classes for the word scanner. */
#define CLS_SEP 0   /* space, LF, CR: between words */
#define CLS_ASCII 1 /* printable ASCII, no break after it in a word */
#define CLS_OTHER 2 /* anything else */
#define CLS_BRK 3   /* printable ASCII that may allow a break after it */
static unsigned char layout_cls[256];
/* Bytes the line-at-a-time path takes: printable ASCII, space, LF. */
static unsigned char layout_ok[256];

static bool
layout_is_printable_ascii(unsigned char c)
{
	return c > 0x20 && c < 0x7f;
}

static bool
layout_is_sep(char c)
{
	return c == ' ' || c == '\n' || c == '\r';
}

/* Break flags of libunistring for s, as booleans in out[]. */
static bool
layout_lib_break(char flag)
{
	return flag == UC_BREAK_POSSIBLE || flag == UC_BREAK_HYPHENATION;
}

/*
 * Printable ASCII (from '!') in groups whose characters libunistring's
 * line breaking treats alike (the same row and column in both tables, as
 * found with libunistring 1.1): the tables are built from the first
 * character of each group, 11 x 11 pairs rather than 94 x 94 (0.9 ms at
 * every start). Should another libunistring differ, the check on random
 * text turns the tables off, and layout-test.c fails.
 */
static const char layout_groups[] = "ABCDDCBEFCDGHGGIIIIIIIIIIGGCCCACCCCCC"
    "CCCCCCCCCCCCCCCCCCCCCEDFCCCCCCCCCCCCCCCCCCCCCCCCCCCCCEJKC";

/*
 * Build the ASCII tables from libunistring, then make sure the tables
 * agree with it on random ASCII text; if they ever do not, wrap ASCII with
 * libunistring too.
 */
static void
layout_init(void)
{
	char s[40], p[40];
	unsigned int seed = 12345, it;
	int a, b, i, n, g, first[26] = { 0 }, rep[128];

	if (layout_ready)
		return;
	layout_ready = true;
	for (a = 0x21; a < 0x7f; a++) {
		g = layout_groups[a - 0x21] - 'A';
		if (first[g] == 0)
			first[g] = a;
		rep[a] = first[g];
	}
	for (a = 0x21; a < 0x7f; a++) {
		for (b = 0x21; b < 0x7f; b++) {
			if (rep[a] != a || rep[b] != b) {
				brk_pair[a][b] = brk_pair[rep[a]][rep[b]];
				brk_space[a][b] = brk_space[rep[a]][rep[b]];
				continue;
			}
			s[0] = (char)a;
			s[1] = (char)b;
			u8_possible_linebreaks((const uint8_t *)s, 2, "UTF-8",
			    p);
			brk_pair[a][b] = layout_lib_break(p[1]);
			s[1] = ' ';
			s[2] = (char)b;
			u8_possible_linebreaks((const uint8_t *)s, 3, "UTF-8",
			    p);
			brk_space[a][b] = layout_lib_break(p[2]);
		}
	}
	for (a = 0; a < 256; a++)
		layout_cls[a] = CLS_OTHER;
	layout_cls[' '] = layout_cls['\n'] = layout_cls['\r'] = CLS_SEP;
	for (a = 0x21; a < 0x7f; a++) {
		layout_cls[a] = CLS_ASCII;
		for (b = 0x21; b < 0x7f; b++)
			if (brk_pair[a][b])
				layout_cls[a] = CLS_BRK;
	}
	for (a = 0; a < 256; a++)
		layout_ok[a] = (a >= 0x20 && a < 0x7f) || a == '\n';
	for (it = 0; it < 300; it++) {
		int last = -1;
		bool sp = false;

		n = 2 + (int)(it % 30);
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245U + 12345U;
			a = (int)((seed >> 16) % 100);
			s[i] = a >= 94 ? ' ' : (char)(0x21 + a);
		}
		u8_possible_linebreaks((const uint8_t *)s, (size_t)n, "UTF-8",
		    p);
		for (i = 0; i < n; i++) {
			bool want = false;

			if (s[i] == ' ') {
				sp = true;
				continue;
			}
			if (last >= 0)
				want = sp ? brk_space[last][(int)s[i]] :
				    brk_pair[last][(int)s[i]];
			if (want != layout_lib_break(p[i]))
				layout_fast = false;
			last = (unsigned char)s[i];
			sp = false;
		}
	}
}

#define LAYOUT_WORD_MAX 4096 /* a longer word is taken a piece at a time */

/*
 * Find the end of the word starting at i and whether it is all ASCII.
 * With mid, i is inside a word (a piece after the first): such a piece
 * always goes to libunistring, with the bytes before it as context.
 */
static void
layout_word(struct layout_brk *b, size_t i, bool mid)
{
	const unsigned char *t = (const unsigned char *)b->t;
	size_t j, lim = b->be - i > LAYOUT_WORD_MAX ? i + LAYOUT_WORD_MAX :
	    b->be;
	bool ascii = !mid, inner = false;
	unsigned char k, pk = CLS_ASCII;

	for (j = i; j < lim && (k = layout_cls[t[j]]) != CLS_SEP; j++) {
		if (k == CLS_OTHER)
			ascii = false;
		else if (pk == CLS_BRK && brk_pair[t[j - 1]][t[j]])
			inner = true;
		pk = k;
	}
	if (j == lim && j < b->be && layout_cls[t[j]] != CLS_SEP) {
		/* Too long: a piece ending on a character boundary. */
		while (j > i + 1 && (t[j] & 0xc0) == 0x80)
			j--;
		ascii = false;
	}
	b->tok_start = mid ? i - 1 : i;
	b->tok_end = j;
	b->tok_ascii = ascii && layout_fast;
	b->tok_plain = b->tok_ascii && !inner;
	b->in_tok = true;
}

/*
 * Run libunistring over a window starting at i (a character boundary):
 * context from before i, then text up to and including the first
 * character of the next all-ASCII word, at most LAYOUT_WINDOW bytes.
 */
static void
layout_window(struct layout *lo, struct layout_brk *b, size_t i)
{
	const char *t = b->t;
	size_t n = 0, c0, j, k, limit;

	/* Context: the end of the word before, then one space. */
	if (i == b->tok_start) {
		if (b->prev_kind != 0) {
			c0 = b->prev_end > b->bs + LAYOUT_CONTEXT ?
			    b->prev_end - LAYOUT_CONTEXT : b->bs;
			while (c0 < b->prev_end &&
			    ((unsigned char)t[c0] & 0xc0) == 0x80)
				c0++;
			memcpy(lo->scratch, t + c0, b->prev_end - c0);
			n = b->prev_end - c0;
			lo->scratch[n++] = ' ';
		}
	} else {
		c0 = i > b->bs + LAYOUT_CONTEXT ? i - LAYOUT_CONTEXT : b->bs;
		while (c0 < i && ((unsigned char)t[c0] & 0xc0) == 0x80)
			c0++;
		memcpy(lo->scratch, t + c0, i - c0);
		n = i - c0;
	}
	for (k = 0; k < n; k++)
		if (lo->scratch[k] == '\n' || lo->scratch[k] == '\r')
			lo->scratch[k] = ' ';

	/* The window itself. */
	limit = i + LAYOUT_WINDOW < b->be ? i + LAYOUT_WINDOW : b->be;
	if (i == b->tok_start && b->tok_ascii) {
		j = i + 1;
	} else {
		size_t te = b->tok_end;

		for (;;) {
			/* The rest of the current word. */
			if (te > limit) {
				j = limit;
				while (j > i + 1 &&
				    ((unsigned char)t[j] & 0xc0) == 0x80)
					j--;
				break;
			}
			j = te;
			while (j < limit && layout_is_sep(t[j]))
				j++;
			if (j >= limit)
				break;
			/* The next word: an ASCII one ends the window. */
			for (te = j; te < limit && !layout_is_sep(t[te]); te++)
				if (!layout_is_printable_ascii(
				    (unsigned char)t[te]))
					break;
			if (layout_fast && (te == b->be ||
			    (te < limit && layout_is_sep(t[te])))) {
				j++;
				break;
			}
			while (te < limit && !layout_is_sep(t[te]))
				te++;
			if (te >= limit && te < b->be)
				te = limit + 1; /* goes on past the window */
		}
	}
	for (k = i; k < j; k++) {
		char c = t[k];

		lo->scratch[n + k - i] = c == '\n' || c == '\r' ? ' ' : c;
	}
	u8_possible_linebreaks((const uint8_t *)lo->scratch, n + (j - i),
	    "UTF-8", lo->flags);
	b->w0 = i;
	b->w1 = j;
	b->wctx = n;
}

/* May the line break before t[i] (a non-separator)? */
static bool
layout_break_at(struct layout *lo, struct layout_brk *b, size_t i)
{
	const char *t = b->t;

	if (!b->in_tok || i >= b->tok_end)
		layout_word(b, i, b->in_tok);
	if (i >= b->w0 && i < b->w1)
		return layout_lib_break(lo->flags[b->wctx + (i - b->w0)]);
	if (b->tok_ascii) {
		if (i > b->tok_start)
			return brk_pair[(unsigned char)t[i - 1]]
			    [(unsigned char)t[i]];
		if (b->prev_kind == 0)
			return false;
		if (b->prev_kind == 1)
			return brk_space[(unsigned char)t[b->prev_end - 1]]
			    [(unsigned char)t[i]];
	}
	layout_window(lo, b, i);
	return layout_lib_break(lo->flags[b->wctx]);
}

/* The display width of the character at t[*pos], moving past it. */
static int
layout_glyph(const char *t, size_t end, size_t *pos, int col, int width)
{
	unsigned char c = (unsigned char)t[*pos];
	struct glyph g;

	if (layout_is_printable_ascii(c) || c == ' ' || c == '\n') {
		(*pos)++;
		return 1;
	}
	sanitize_glyph(t, end, pos, col, &g);
	if (c == '\t') {
		/* Clip a tab at the line's end. */
		if (g.width > width - col)
			return width - col > 0 ? width - col : 0;
	}
	return g.width;
}

static void
layout_emit(struct layout_sink *sk, size_t start, size_t end, int width)
{
	struct layout *lo = sk->lo;

	if (sk->fn != NULL) {
		struct layout_line ln;

		ln.block = sk->block;
		ln.start = start;
		ln.end = end;
		ln.width = width;
		sk->fn(&ln, sk->arg);
		return;
	}
	if (lo->nlines == lo->lcap) {
		lo->lcap = lo->lcap ? lo->lcap * 2 : 1024;
		lo->lines = xreallocarray(lo->lines, lo->lcap,
		    sizeof *lo->lines);
	}
	lo->lines[lo->nlines].start = start;
	lo->lines[lo->nlines].len = (uint32_t)(end - start);
	lo->lines[lo->nlines].width = width;
	lo->nlines++;
}

/* The state of filling one line. */
struct layout_fill {
	struct layout_sink *sk;
	int width;
	size_t line;	 /* start of the line being filled */
	size_t end_trim; /* end of its last non-blank character */
	int col;	 /* columns used, hanging blanks included */
	int col_trim;	 /* columns up to end_trim */
	bool have_brk;	 /* a break opportunity inside the line: */
	size_t brk;	 /* where */
	size_t brk_end;	 /* end_trim there */
	int brk_w;	 /* col_trim there */
	int brk_col;	 /* col there */
};

static void
layout_fill_break(struct layout_fill *f, size_t at)
{
	if (at > f->line) {
		f->have_brk = true;
		f->brk = at;
		f->brk_end = f->end_trim;
		f->brk_w = f->col_trim;
		f->brk_col = f->col;
	}
}

/* End the line at its last break opportunity. */
static void
layout_fill_rewind(struct layout_fill *f)
{
	layout_emit(f->sk, f->line, f->brk_end, f->brk_w);
	f->line = f->brk;
	/* Nothing shown on the new line yet: its end is its start. */
	if (f->end_trim < f->line)
		f->end_trim = f->line;
	f->col -= f->brk_col;
	f->col_trim = f->col_trim > f->brk_col ? f->col_trim - f->brk_col : 0;
	f->have_brk = false;
}

/* End the line where it is (before at). */
static void
layout_fill_cut(struct layout_fill *f, size_t at)
{
	layout_emit(f->sk, f->line, f->end_trim, f->col_trim);
	f->line = at;
	f->col = f->col_trim = 0;
	f->have_brk = false;
}

/*
 * Place an ASCII word without break opportunities inside, t[ws..we): one
 * column a byte, so fitting and cutting are arithmetic.
 */
static void
layout_fill_plain(struct layout_fill *f, size_t ws, size_t we)
{
	size_t pos = ws;
	int take;

	if (f->col + (int)(we - ws) > f->width && ws > f->line && f->have_brk)
		layout_fill_rewind(f);
	while ((size_t)f->col + (we - pos) > (size_t)f->width) {
		take = f->width - f->col;
		if (take > 0) {
			pos += (size_t)take;
			f->col += take;
			f->col_trim = f->col;
			f->end_trim = pos;
		}
		if (pos > f->line)
			layout_fill_cut(f, pos);
	}
	f->col += (int)(we - pos);
	f->col_trim = f->col;
	f->end_trim = we;
}

static bool
layout_fast_valid(const unsigned char *t, size_t a, size_t b)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t high = 0x8080808080808080ULL;
	uint64_t w, lt, del;

	/*
	 * Eight bytes at a time: none at or above 0x80, none below 0x20
	 * (LF aside: those words take the byte loop), no DEL.
	 */
	while (a + 8 <= b) {
		memcpy(&w, t + a, 8);
		lt = (w - ones * 0x20) & ~w & high;
		del = ((w ^ (ones * 0x7f)) - ones) & ~(w ^ (ones * 0x7f)) &
		    high;
		if ((w & high) != 0 || lt != 0 || del != 0)
			break;
		a += 8;
	}
	while (a < b && layout_ok[t[a]])
		a++;
	return a == b;
}

/* End of the text before t[p], blanks trimmed (the line starts at l). */
static size_t
layout_trim(const char *t, size_t l, size_t p)
{
	while (p > l && (t[p - 1] == ' ' || t[p - 1] == '\n'))
		p--;
	return p;
}

/* Is the word holding t[l] ASCII from its start up to l? */
static bool
layout_head_ascii(const char *t, size_t bs, size_t l)
{
	size_t k;

	for (k = l; k > bs && !layout_is_sep(t[k - 1]); k--)
		if (l - k >= 64 ||
		    !layout_is_printable_ascii((unsigned char)t[k - 1]))
			return false;
	return true;
}

/* Display width of t[a..b) (no tab, CR or control in it). */
static int
layout_span_width(const char *t, size_t a, size_t b)
{
	struct glyph g;
	int w = 0;

	while (a < b) {
		if ((unsigned char)t[a] < 0x80) {
			a++;
			w++;
			continue;
		}
		sanitize_glyph(t, b, &a, w, &g);
		w += g.width;
	}
	return w;
}

/*
 * libunistring's break flags for t[ws..we) (ws a character boundary),
 * with context before ws as layout_window() takes it. Returns the index
 * in lo->flags of the flag of t[ws].
 */
static size_t
layout_flags(struct layout *lo, size_t bs, size_t ws, size_t we)
{
	const char *t = lo->t;
	size_t n = 0, c0, q, k;

	if (ws > bs && layout_is_sep(t[ws - 1])) {
		/* A word start: the end of the word before, one space. */
		for (q = ws; q > bs && layout_is_sep(t[q - 1]); q--)
			;
		if (q > bs) {
			c0 = q > bs + LAYOUT_CONTEXT ? q - LAYOUT_CONTEXT : bs;
			while (c0 < q && ((unsigned char)t[c0] & 0xc0) == 0x80)
				c0++;
			memcpy(lo->scratch, t + c0, q - c0);
			n = q - c0;
			lo->scratch[n++] = ' ';
		}
	} else if (ws > bs) {
		c0 = ws > bs + LAYOUT_CONTEXT ? ws - LAYOUT_CONTEXT : bs;
		while (c0 < ws && ((unsigned char)t[c0] & 0xc0) == 0x80)
			c0++;
		memcpy(lo->scratch, t + c0, ws - c0);
		n = ws - c0;
	}
	for (k = 0; k < n; k++)
		if (lo->scratch[k] == '\n' || lo->scratch[k] == '\r')
			lo->scratch[k] = ' ';
	for (k = ws; k < we; k++)
		lo->scratch[n + k - ws] = t[k] == '\n' || t[k] == '\r' ? ' ' :
		    t[k];
	u8_possible_linebreaks((const uint8_t *)lo->scratch, n + (we - ws),
	    "UTF-8", lo->flags);
	return n;
}

/* How far back layout_last_break() looks for a word's start. */
#define LAYOUT_SCAN (LAYOUT_WINDOW < 512 ? LAYOUT_WINDOW / 2 : 256)

/* Start of the character before t[p]. */
static size_t
layout_prev_char(const char *t, size_t bs, size_t p)
{
	if (p > bs)
		p--;
	while (p > bs && ((unsigned char)t[p] & 0xc0) == 0x80)
		p--;
	return p;
}

/*
 * The last break opportunity in (l, at] of a line holding characters
 * other than ASCII (no tab, CR or control): 0 when there is none. Words
 * all of ASCII use the tables, as layout_break_at() does; the others get
 * a libunistring window from their start (at most LAYOUT_SCAN bytes
 * back).
 */
static size_t
layout_last_break(struct layout *lo, size_t bs, size_t be, size_t l,
    size_t at)
{
	const char *t = lo->t;
	const unsigned char *u = (const unsigned char *)t;
	size_t p = at, ts, te, q, ws, base, pe;
	bool ascii, whole;

	while (p > l) {
		if (layout_is_sep(t[p])) {
			p = layout_prev_char(t, bs, p);
			continue;
		}
		/* The word holding p: [ts, te), looked for nearby only. */
		for (ts = p; ts > bs && !layout_is_sep(t[ts - 1]) &&
		    p - ts < LAYOUT_SCAN; ts--)
			;
		for (te = p + 1; te < be && !layout_is_sep(t[te]) &&
		    te - p < 64; te++)
			;
		whole = (ts == bs || layout_is_sep(t[ts - 1])) &&
		    (te == be || layout_is_sep(t[te]));
		ascii = whole;
		for (q = ts; ascii && q < te; q++)
			if (!layout_is_printable_ascii(u[q]))
				ascii = false;
		if (ascii) {
			for (q = p; q > ts && q > l; q--)
				if (brk_pair[u[q - 1]][u[q]])
					return q;
			if (ts <= l)
				return 0;
			pe = layout_trim(t, bs, ts);
			if (pe > bs && layout_is_printable_ascii(u[pe - 1]) &&
			    u[pe - 1] != '\r') {
				if (brk_space[u[pe - 1]][u[ts]])
					return ts;
			} else {
				base = layout_flags(lo, bs, ts, ts + 1);
				if (layout_lib_break(lo->flags[base]))
					return ts;
			}
			p = pe > l ? layout_prev_char(t, bs, pe) : l;
			continue;
		}
		/* Not all ASCII: libunistring from the word's start. */
		ws = ts;
		while (ws < p && ((unsigned char)t[ws] & 0xc0) == 0x80)
			ws++;
		q = p + 1;
		while (q < te && ((unsigned char)t[q] & 0xc0) == 0x80)
			q++;
		base = layout_flags(lo, bs, ws, q);
		for (q = p; q > l && q >= ws; q = layout_prev_char(t, bs, q)) {
			if (((unsigned char)t[q] & 0xc0) != 0x80 &&
			    layout_lib_break(lo->flags[base + (q - ws)]))
				return q;
			if (q == ws)
				break;
		}
		if (ws <= l)
			return 0;
		p = layout_prev_char(t, bs, ws);
	}
	return 0;
}

/*
 * Fill lines from l, a line start, a line at a time: a line of ASCII
 * takes one column a byte, so its end is found by looking back from
 * l + width for the last break opportunity (the greedy rule of
 * layout_fill); a line with other characters is measured glyph by glyph
 * first. Returns where it stopped: the start of a line it does not do
 * (a tab, CR or control character near it), or be.
 */
static size_t
layout_fill_fast(struct layout *lo, struct layout_fill *f, size_t bs,
    size_t l, size_t be)
{
	const char *t = lo->t;
	const unsigned char *u = (const unsigned char *)t;
	size_t e, at, p, q, end;
	int col, w;

	for (;;) {
		e = l + (size_t)f->width;
		if (!layout_head_ascii(t, bs, l))
			goto mixed;
		if (e >= be) {
			if (!layout_fast_valid(u, l, be))
				goto mixed;
			layout_emit(f->sk, l, be, (int)(be - l));
			return be;
		}
		if (!layout_fast_valid(u, l, e + 1))
			goto mixed;
		/* at: the first non-blank at or after e; it does not fit. */
		at = e;
		while (at < be && (t[at] == ' ' || t[at] == '\n'))
			at++;
		if (at >= be) {
			end = layout_trim(t, l, e);
			layout_emit(f->sk, l, end, (int)(end - l));
			return be;
		}
		if (!layout_ok[u[at]])
			goto mixed;
		/* The last break opportunity in (l, at]. */
		for (p = at; p > l; p--) {
			if (t[p] == ' ' || t[p] == '\n')
				continue;
			if (t[p - 1] == ' ' || t[p - 1] == '\n') {
				q = layout_trim(t, l, p);
				if (q > l && brk_space[u[q - 1]][u[p]])
					break;
				p = q; /* the loop steps to q - 1 */
				continue;
			}
			if (brk_pair[u[p - 1]][u[p]])
				break;
		}
		if (p > l) {
			end = layout_trim(t, l, p);
			layout_emit(f->sk, l, end, (int)(end - l));
			l = p;
		} else {
			/* No break: cut before at. */
			end = layout_trim(t, l, at);
			layout_emit(f->sk, l, end, (int)(end - l));
			l = at;
		}
		continue;

mixed:
		/* at: the first non-blank character that does not fit. */
		col = 0;
		for (at = l; at < be;) {
			unsigned char c = u[at];
			struct glyph g;

			if (c == ' ' || c == '\n') {
				col++;
				at++;
				continue;
			}
			if (c < 0x80) {
				if (!layout_ok[c])
					return l;
				w = 1;
			} else {
				q = at;
				sanitize_glyph(t, be, &q, col, &g);
				w = g.width;
			}
			if (col + w > f->width && at > l)
				break;
			if (at - l >= LAYOUT_MAXLINE)
				return l;
			col += w;
			at += c < 0x80 ? 1 : (size_t)(q - at);
		}
		if (at >= be) {
			end = layout_trim(t, l, be);
			w = layout_span_width(t, l, end);
			layout_emit(f->sk, l, end, w);
			return be;
		}
		p = layout_last_break(lo, bs, be, l, at);
		/* End at the break, or cut before at when there is none. */
		q = p > l ? p : at;
		end = layout_trim(t, l, q);
		w = layout_span_width(t, l, end);
		layout_emit(f->sk, l, end, w);
		l = q;
	}
}

/*
 * Make the word state right for starting a line at l (after the fast
 * path, or when a line is filled again from its start).
 */
static void
layout_brk_reset(struct layout_brk *b, size_t l)
{
	const char *t = b->t;
	size_t q, k;

	b->in_tok = false;
	if (l > b->bs && !layout_is_sep(t[l - 1])) {
		/* In the middle of a word: the word goes on from l. */
		layout_word(b, l, true);
		return;
	}
	/* The word before: ASCII when its last 64 bytes are. */
	for (q = l; q > b->bs && layout_is_sep(t[q - 1]); q--)
		;
	b->prev_end = q;
	if (q == b->bs) {
		b->prev_kind = 0;
		return;
	}
	b->prev_kind = 1;
	for (k = q; k > b->bs && !layout_is_sep(t[k - 1]); k--) {
		if (q - k >= 64 ||
		    !layout_is_printable_ascii((unsigned char)t[k - 1])) {
			b->prev_kind = 2;
			break;
		}
	}
}

/* Start the line at l again, with nothing on it. */
static void
layout_fill_restart(struct layout_fill *f, struct layout_brk *b, size_t l)
{
	f->line = f->end_trim = l;
	f->col = f->col_trim = 0;
	f->have_brk = false;
	layout_brk_reset(b, l);
}

/* Wrap t[bs..be) to width, emitting lines into sk. */
static void
layout_fill(struct layout *lo, struct layout_sink *sk, size_t bs, size_t be,
    int width)
{
	const char *t = lo->t;
	struct layout_brk b;
	struct layout_fill f;
	size_t i = bs, line0;
	int w;

	memset(&b, 0, sizeof b);
	b.t = t;
	b.bs = bs;
	b.be = be;
	memset(&f, 0, sizeof f);
	f.sk = sk;
	f.width = width;
	f.line = f.end_trim = bs;
	while (i < be) {
		unsigned char c = (unsigned char)t[i];
		size_t at = i;

		if (i == f.line && f.col == 0 && layout_fast) {
			i = layout_fill_fast(lo, &f, bs, i, be);
			if (i >= be)
				return;
			if (i != f.line)
				layout_fill_restart(&f, &b, i);
			c = (unsigned char)t[i];
			at = i;
		}
		if (layout_is_sep((char)c)) {
			if (b.in_tok) {
				b.in_tok = false;
				b.prev_kind = b.tok_ascii ? 1 : 2;
				b.prev_end = i;
			}
			/* Spaces hang past the width; CR before LF is 0. */
			f.col += (c == '\r' && i + 1 < be && t[i + 1] == '\n') ?
			    0 : 1;
			i++;
			continue;
		}
		if (layout_break_at(lo, &b, i))
			layout_fill_break(&f, i);
		if (i == b.tok_start && b.tok_plain) {
			line0 = f.line;
			layout_fill_plain(&f, i, b.tok_end);
			i = b.tok_end;
			if (f.line != line0 && layout_fast) {
				i = f.line;
				layout_fill_restart(&f, &b, i);
			}
			continue;
		}
		w = layout_glyph(t, be, &i, f.col, width);
		if (c == '\t') {
			/* A tab is blank: it hangs like a space. */
			f.col += w;
			continue;
		}
		if (f.col + w > width && at > f.line) {
			/*
			 * When the next line looks like plain ASCII, end this
			 * one and fill the next from its start, a line at a
			 * time; otherwise go on here.
			 */
			if (layout_fast) {
				if (f.have_brk)
					layout_fill_rewind(&f);
				else
					layout_fill_cut(&f, at);
				i = f.line;
				layout_fill_restart(&f, &b, i);
				continue;
			}
			if (f.have_brk)
				layout_fill_rewind(&f);
			if (f.col + w > width && at > f.line)
				layout_fill_cut(&f, at);
		} else if (at - f.line >= LAYOUT_MAXLINE)
			layout_fill_cut(&f, at);
		f.col += w;
		f.col_trim = f.col;
		f.end_trim = i;
	}
	if (f.end_trim > f.line)
		layout_emit(sk, f.line, f.end_trim, f.col_trim);
}

struct layout *
layout_new(const struct article *art, const struct block_list *bl, int width)
{
	struct layout *lo = xcalloc(1, sizeof *lo);

	layout_init();
	lo->art = art;
	lo->bl = bl;
	lo->t = article_text(art);
	lo->width = width < 1 ? 1 : width;
	lo->scratch = xmalloc(LAYOUT_WINDOW + LAYOUT_CONTEXT + 8);
	lo->flags = xmalloc(LAYOUT_WINDOW + LAYOUT_CONTEXT + 8);
	return lo;
}

void
layout_free(struct layout *lo)
{
	if (lo == NULL)
		return;
	free(lo->lines);
	free(lo->blks);
	free(lo->scratch);
	free(lo->flags);
	free(lo);
}

int
layout_width(const struct layout *lo)
{
	return lo->width;
}

void
layout_set_width(struct layout *lo, int width)
{
	lo->width = width < 1 ? 1 : width;
	lo->nlines = 0;
	lo->nblks = 0;
	lo->next_block = 0;
}

static bool
layout_shown(const struct block *bk)
{
	return bk->kind != BLOCK_BOILERPLATE && bk->shown_end > bk->start;
}

/* Lay out the next shown block; false when there is none left. */
static bool
layout_more(struct layout *lo)
{
	const struct block_list *bl = lo->bl;
	struct layout_sink sk;
	const struct block *bk;

	while (lo->next_block < bl->n &&
	    !layout_shown(&bl->v[lo->next_block]))
		lo->next_block++;
	if (lo->next_block >= bl->n)
		return false;
	bk = &bl->v[lo->next_block];
	if (lo->nblks > 0) {
		memset(&sk, 0, sizeof sk);
		sk.lo = lo;
		layout_emit(&sk, bk->start, bk->start, -1);
	}
	if (lo->nblks == lo->bcap) {
		lo->bcap = lo->bcap ? lo->bcap * 2 : 64;
		lo->blks = xreallocarray(lo->blks, lo->bcap, sizeof *lo->blks);
	}
	lo->blks[lo->nblks].block = lo->next_block;
	lo->blks[lo->nblks].first = lo->nlines;
	lo->nblks++;
	memset(&sk, 0, sizeof sk);
	sk.lo = lo;
	layout_fill(lo, &sk, bk->start, bk->shown_end, lo->width);
	lo->next_block++;
	return true;
}

/* The entry of blks[] that line n belongs to (n < nlines). */
static size_t
layout_blk_of_line(struct layout *lo, size_t n)
{
	size_t a = 0, z = lo->nblks, h = lo->hint;

	/* Lines are mostly asked for in order: try the last answer first. */
	if (h < lo->nblks && lo->blks[h].first <= n &&
	    (h + 1 == lo->nblks || lo->blks[h + 1].first > n))
		return h;
	while (z - a > 1) {
		size_t mid = a + (z - a) / 2;

		if (lo->blks[mid].first <= n)
			a = mid;
		else
			z = mid;
	}
	lo->hint = a;
	return a;
}

bool
layout_get(struct layout *lo, size_t n, struct layout_line *out)
{
	const struct layout_rec *r;

	while (n >= lo->nlines)
		if (!layout_more(lo))
			return false;
	r = &lo->lines[n];
	out->start = r->start;
	out->end = r->start + r->len;
	if (r->width < 0) {
		out->block = LAYOUT_NO_BLOCK;
		out->width = 0;
	} else {
		out->block = lo->blks[layout_blk_of_line(lo, n)].block;
		out->width = r->width;
	}
	return true;
}

size_t
layout_nlines(struct layout *lo)
{
	while (layout_more(lo))
		;
	return lo->nlines;
}

size_t
layout_line_of(struct layout *lo, size_t off, int *col)
{
	const struct block_list *bl = lo->bl;
	size_t k = blocks_find(bl, off), e, a, z, n;
	const struct layout_rec *r;
	size_t pos;
	int acc = 0, ccol = 0;
	bool seen = false;

	if (col != NULL)
		*col = 0;
	/* Lay out through the block holding off and one shown block more. */
	while (lo->next_block <= k + 1 && layout_more(lo))
		;
	if (lo->nlines == 0)
		return 0;
	/* The last laid-out shown block starting at or before off. */
	a = 0;
	z = lo->nblks;
	while (a < z) {
		size_t mid = a + (z - a) / 2;

		if (bl->v[lo->blks[mid].block].start <= off)
			a = mid + 1;
		else
			z = mid;
	}
	if (a == 0)
		return 0; /* before the first shown block */
	e = a - 1;
	if (off >= bl->v[lo->blks[e].block].shown_end) {
		/* Hidden or blank: the next shown line. */
		if (e + 1 >= lo->nblks && !layout_more(lo)) {
			n = lo->nlines - 1;
			if (col != NULL)
				*col = lo->lines[n].width < 0 ? 0 :
				    lo->lines[n].width;
			return n;
		}
		return lo->blks[e + 1].first;
	}
	/* The lines of that block: the last one starting at or before off. */
	a = lo->blks[e].first;
	z = e + 1 < lo->nblks ? lo->blks[e + 1].first - 1 : lo->nlines;
	n = a;
	while (a < z) {
		size_t mid = a + (z - a) / 2;

		if (lo->lines[mid].start <= off) {
			n = mid;
			a = mid + 1;
		} else
			z = mid;
	}
	r = &lo->lines[n];
	if (off >= r->start + r->len) {
		/* Blank at a wrap: belongs to the start of the next line. */
		return n + 1 < lo->nlines ? n + 1 : n;
	}
	/* The column of the cluster holding off (see layout_offset_at). */
	pos = r->start;
	while (pos < r->start + r->len) {
		int w = layout_glyph(lo->t, r->start + r->len, &pos, acc,
		    lo->width);

		if (w > 0) {
			if (seen)
				ccol = acc;
			seen = true;
		}
		if (off < pos)
			break;
		acc += w;
	}
	if (col != NULL)
		*col = ccol;
	return n;
}

size_t
layout_offset_at(struct layout *lo, size_t line, int col)
{
	struct layout_line ln;
	size_t pos, cstart;
	int acc = 0;
	bool seen = false;

	if (!layout_get(lo, line, &ln)) {
		/* past the last line: the end of the last one */
		if (lo->nlines == 0)
			return 0;
		return lo->lines[lo->nlines - 1].start +
		    lo->lines[lo->nlines - 1].len;
	}
	pos = cstart = ln.start;
	while (pos < ln.end) {
		size_t g = pos;
		int w = layout_glyph(lo->t, ln.end, &pos, acc, lo->width);

		if (w > 0) {
			if (seen)
				cstart = g;
			seen = true;
			if (col < acc + w)
				return cstart;
			acc += w;
		}
	}
	return ln.end;
}

void
layout_wrap_block(struct layout *lo, size_t block, int width,
    void (*fn)(const struct layout_line *, void *), void *arg)
{
	const struct block *bk = &lo->bl->v[block];
	struct layout_sink sk;

	memset(&sk, 0, sizeof sk);
	sk.lo = lo;
	sk.block = block;
	sk.fn = fn;
	sk.arg = arg;
	layout_fill(lo, &sk, bk->start, bk->shown_end, width < 1 ? 1 : width);
}

char *
layout_render(const struct layout *lo, const struct layout_line *ln,
    int width, size_t *len)
{
	size_t cap = (ln->end - ln->start) * 2 + 16, n = 0, pos = ln->start;
	char *out = xmalloc(cap);
	struct glyph g;
	int col = 0;

	while (pos < ln->end) {
		unsigned char c = (unsigned char)lo->t[pos];
		size_t k;

		if (layout_is_printable_ascii(c) || c == ' ') {
			/* Tabs and replacements before may have used up
			 * the room kept for a byte per byte. */
			if (n + 2 > cap) {
				cap *= 2;
				out = xrealloc(out, cap);
			}
			out[n++] = (char)c;
			pos++;
			col++;
			continue;
		}
		sanitize_glyph(lo->t, ln->end, &pos, col, &g);
		if (c == '\t' && g.width > width - col) {
			g.width = width - col > 0 ? width - col : 0;
			g.show[g.width] = '\0';
		}
		k = strlen(g.show);
		if (n + k + 1 > cap) {
			cap = cap * 2 + k;
			out = xrealloc(out, cap);
		}
		memcpy(out + n, g.show, k);
		n += k;
		col += g.width;
	}
	out[n] = '\0';
	if (len != NULL)
		*len = n;
	return out;
}
