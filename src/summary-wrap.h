/*
 * summary-wrap.h: a growing string and Unicode-aware word wrapping of
 * plain strings, for the text summary (the article itself is laid out by
 * layout.h; these are short strings: names, positions, quotes).
 *
 * Wrapping uses UAX #14 break opportunities and display widths from
 * libunistring; a word wider than the line is cut between characters.
 */
#ifndef WHOSAID_SUMMARY_WRAP_H
#define WHOSAID_SUMMARY_WRAP_H

#include <stddef.h>

/* A NUL-terminated string that grows; start it zeroed ({0}). */
struct summary_buf {
	char *s;
	size_t len, cap;
};

void summary_wrap_append(struct summary_buf *b, const char *s, size_t n);
void summary_wrap_puts(struct summary_buf *b, const char *s);
void summary_wrap_printf(struct summary_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hand over the string (never NULL) and leave b empty. */
char *summary_wrap_take(struct summary_buf *b);

/*
 * A copy of text fit for output on one logical line (allocated):
 * sanitised (sanitize_string), newlines and tabs as spaces, runs of white
 * space as one, no white space at either end. text NULL gives NULL.
 */
char *summary_wrap_clean(const char *text, size_t len);

/*
 * Append text (clean: no control characters or newlines) wrapped to
 * width columns. The first line starts with first, the others with rest
 * (plain strings; their display width counts). When on and off are not
 * NULL, they enclose the text part of every line (SGR sequences: they take
 * no columns). Every line ends with a newline; empty text gives a line with
 * just the first prefix.
 */
void summary_wrap_text(struct summary_buf *b, const char *text, int width,
                       const char *first, const char *rest, const char *on,
                       const char *off);

/* Display width of a clean UTF-8 string. */
int summary_wrap_width(const char *s);

#endif
