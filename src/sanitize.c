/*
 * sanitize.c: what a character of article text looks like on a display.
 *
 * Every character maps to a glyph: the bytes it came from, a short UTF-8
 * string that is safe to send to a terminal, and its width in columns.
 * Replacements:
 *   C0 controls and DEL      caret notation, "^[" for ESC, "^?" for DEL
 *   C1 controls (U+0080-9F)  "<9B>" (hex of the code point)
 *   tab                      spaces to the next multiple of 8 columns
 *   newline                  one space (a line break inside a block)
 *   CR before LF             nothing (the LF stands for the line end)
 *   lone CR                  one space (an old Mac line end)
 *   invalid UTF-8, code points libunistring cannot give a width
 *                            U+FFFD
 *   bidirectional controls   nothing (they would reorder the terminal)
 * Invariant: show[] never holds a byte below 0x20, DEL or a C1 code, and
 * width is always >= 0 and equals the columns show takes.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <unistr.h>
#include <uniwidth.h>

#include "sanitize.h"
#include "xmalloc.h"

#define SANITIZE_TAB 8

/* U+FFFD REPLACEMENT CHARACTER */
static const char sanitize_fffd[] = "\xef\xbf\xbd";

/* Bidirectional formatting characters: dropped from display. */
static int
sanitize_is_bidi(ucs4_t uc)
{
	return uc == 0x061c || uc == 0x200e || uc == 0x200f ||
	    (uc >= 0x202a && uc <= 0x202e) || (uc >= 0x2066 && uc <= 0x2069);
}

static void
sanitize_set(struct glyph *g, const char *show, int width)
{
	size_t n = strlen(show);

	memcpy(g->show, show, n + 1);
	g->width = width;
}

void
sanitize_glyph(const char *text, size_t len, size_t *pos, int col,
    struct glyph *g)
{
	const uint8_t *s = (const uint8_t *)text + *pos;
	size_t left = len - *pos;
	unsigned char c = s[0];
	ucs4_t uc;
	int n, w;

	g->off = *pos;
	if (c < 0x80) {
		g->len = 1;
		*pos += 1;
		if (c >= 0x20 && c < 0x7f) {
			g->show[0] = (char)c;
			g->show[1] = '\0';
			g->width = 1;
		} else if (c == '\t') {
			w = SANITIZE_TAB - (col < 0 ? 0 : col) % SANITIZE_TAB;
			memset(g->show, ' ', (size_t)w);
			g->show[w] = '\0';
			g->width = w;
		} else if (c == '\n') {
			sanitize_set(g, " ", 1);
		} else if (c == '\r') {
			if (left > 1 && s[1] == '\n')
				sanitize_set(g, "", 0);
			else
				sanitize_set(g, " ", 1);
		} else {
			/* Caret notation: ^@ .. ^_ and ^? for DEL. */
			g->show[0] = '^';
			g->show[1] = (char)(c == 0x7f ? '?' : c + '@');
			g->show[2] = '\0';
			g->width = 2;
		}
		return;
	}

	n = u8_mbtouc(&uc, s, left);
	if (n < 1)
		n = 1;
	g->len = (size_t)n;
	*pos += (size_t)n;
	if (uc >= 0x80 && uc < 0xa0) {
		snprintf(g->show, sizeof g->show, "<%02X>", (unsigned)uc);
		g->width = 4;
		return;
	}
	if (sanitize_is_bidi(uc)) {
		sanitize_set(g, "", 0);
		return;
	}
	w = uc_width(uc, "UTF-8");
	/*
	 * u8_mbtouc returns U+FFFD for an invalid sequence; a real U+FFFD
	 * in the text shows the same. Undisplayable code points (width -1)
	 * are shown as U+FFFD too.
	 */
	if (w < 0 || (uc == 0xfffd && (n != 3 || memcmp(s, sanitize_fffd,
	    3) != 0))) {
		sanitize_set(g, sanitize_fffd, 1);
		return;
	}
	memcpy(g->show, s, (size_t)n);
	g->show[n] = '\0';
	g->width = w;
}

char *
sanitize_string(const char *text, size_t len, size_t *outlen)
{
	size_t cap = len + 16, n = 0, pos = 0, k;
	char *out = xmalloc(cap);
	struct glyph g;
	int col = 0;

	while (pos < len) {
		if (text[pos] == '\n') {
			g.show[0] = '\n';
			g.show[1] = '\0';
			pos++;
			col = 0;
		} else {
			sanitize_glyph(text, len, &pos, col, &g);
			col += g.width;
		}
		k = strlen(g.show);
		if (n + k + 1 > cap) {
			cap = cap * 2 + k;
			out = xrealloc(out, cap);
		}
		memcpy(out + n, g.show, k);
		n += k;
	}
	out[n] = '\0';
	if (outlen != NULL)
		*outlen = n;
	return out;
}

int
sanitize_width(const char *text, size_t len)
{
	size_t pos = 0;
	struct glyph g;
	int col = 0;

	while (pos < len) {
		sanitize_glyph(text, len, &pos, col, &g);
		col += g.width;
	}
	return col;
}
