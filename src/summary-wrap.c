/*
 * summary-wrap.c: growing strings and greedy word wrapping for summaries.
 *
 * Invariant: a summary_buf with s != NULL holds len bytes and a NUL at
 * s[len], len < cap. Wrapped lines never exceed the width unless a prefix
 * alone is wider (then each line still gets at least one character).
 */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "sanitize.h"
#include "summary-wrap.h"
#include "xmalloc.h"

void
summary_wrap_append(struct summary_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap == 0 ? 256 : b->cap;

		while (b->len + n + 1 > cap)
			cap *= 2;
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
summary_wrap_puts(struct summary_buf *b, const char *s)
{
	summary_wrap_append(b, s, strlen(s));
}

void
summary_wrap_printf(struct summary_buf *b, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	summary_wrap_puts(b, s);
	free(s);
}

char *
summary_wrap_take(struct summary_buf *b)
{
	char *s = b->s;

	if (s == NULL)
		s = xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

static bool
summary_wrap_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char *
summary_wrap_clean(const char *text, size_t len)
{
	char *flat, *san, *out;
	size_t i, j, sanlen;
	bool plain;

	if (text == NULL)
		return NULL;
	/*
	 * Line ends and tabs become spaces before sanitising, so a quote
	 * running over paragraphs reads as one line and a CR of a CRLF file
	 * is not shown as a control picture.
	 */
	flat = xmalloc(len + 1);
	plain = true;
	for (i = 0; i < len; i++) {
		flat[i] = summary_wrap_is_space(text[i]) ? ' ' : text[i];
		/* Printable ASCII is shown as it is: no need to sanitise. */
		if ((unsigned char)flat[i] < 0x20 ||
		    (unsigned char)flat[i] > 0x7e)
			plain = false;
	}
	flat[len] = '\0';
	if (plain) {
		san = flat;
		sanlen = len;
	} else {
		san = sanitize_string(flat, len, &sanlen);
		free(flat);
	}

	out = xmalloc(sanlen + 1);
	for (i = 0, j = 0; i < sanlen; i++) {
		if (summary_wrap_is_space(san[i])) {
			if (j > 0 && out[j - 1] != ' ')
				out[j++] = ' ';
			continue;
		}
		out[j++] = san[i];
	}
	while (j > 0 && out[j - 1] == ' ')
		j--;
	out[j] = '\0';
	free(san);
	return out;
}

int
summary_wrap_width(const char *s)
{
	const char *p;
	int w;

	for (p = s; (unsigned char)*p - 1U < 0x7f; p++)
		;
	if (*p == '\0')
		return (int)(p - s); /* ASCII: a column a byte */
	w = u8_strwidth((const uint8_t *)s, "UTF-8");
	return w < 0 ? (int)strlen(s) : w;
}

/* Width of the character at s[*i] (advancing *i past it). */
static int
summary_wrap_char(const char *s, size_t n, size_t *i)
{
	ucs4_t uc;
	int len, w;

	/* Clean text has no control characters: ASCII is one column. */
	if ((unsigned char)s[*i] < 0x80) {
		(*i)++;
		return 1;
	}
	len = u8_mbtouc(&uc, (const uint8_t *)s + *i, n - *i);
	if (len < 1)
		len = 1;
	*i += (size_t)len;
	w = uc_width(uc, "UTF-8");
	return w < 0 ? 1 : w;
}

/* Append one line: prefix, on, text[start..end) without trailing spaces,
 * off, newline. */
static void
summary_wrap_line(struct summary_buf *b, const char *prefix, const char *on,
                  const char *off, const char *text, size_t start, size_t end)
{
	while (end > start && text[end - 1] == ' ')
		end--;
	summary_wrap_puts(b, prefix);
	if (end > start) {
		if (on != NULL)
			summary_wrap_puts(b, on);
		summary_wrap_append(b, text + start, end - start);
		if (off != NULL)
			summary_wrap_puts(b, off);
	}
	summary_wrap_puts(b, "\n");
}

static int
summary_wrap_avail(int width, const char *prefix)
{
	int avail = width - summary_wrap_width(prefix);

	return avail < 1 ? 1 : avail;
}

void
summary_wrap_text(struct summary_buf *b, const char *text, int width,
                  const char *first, const char *rest, const char *on,
                  const char *off)
{
	size_t n = strlen(text), ls = 0, i = 0, brk = 0;
	const char *prefix = first;
	int avail = summary_wrap_avail(width, first), col = 0;
	char *p;

	/*
	 * Most lines of a summary fit: then there is no break to find, and
	 * line breaking (the costly part) is skipped. No UTF-8 character is
	 * wider in columns than in bytes, so n bytes fit in n columns.
	 */
	if (n <= (size_t)avail || summary_wrap_width(text) <= avail) {
		summary_wrap_line(b, first, on, off, text, 0, n);
		return;
	}
	p = xmalloc(n);
	u8_possible_linebreaks((const uint8_t *)text, n, "UTF-8", p);
	while (i < n) {
		size_t next = i;
		int w;

		/* A break opportunity after the line's first character. */
		if (i > ls && p[i] == UC_BREAK_POSSIBLE)
			brk = i;
		w = summary_wrap_char(text, n, &next);
		/* Spaces hang past the margin; they are trimmed at the end. */
		if (text[i] != ' ' && col + w > avail && i > ls) {
			size_t cut = brk > ls ? brk : i;

			summary_wrap_line(b, prefix, on, off, text, ls, cut);
			ls = cut;
			while (ls < n && text[ls] == ' ')
				ls++;
			prefix = rest;
			avail = summary_wrap_avail(width, rest);
			/* Measure the new line again from its start. */
			i = ls;
			brk = 0;
			col = 0;
			continue;
		}
		col += w;
		i = next;
	}
	if (ls < n)
		summary_wrap_line(b, prefix, on, off, text, ls, n);
	free(p);
}
