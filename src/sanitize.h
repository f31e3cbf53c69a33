/*
 * sanitize.h: what a character of article text looks like on a display.
 *
 * Nothing from an article reaches a terminal or text output unsanitised:
 * ESC and the other C0 and C1 control characters become visible
 * replacements, DEL too; tab expands to the next multiple of 8 columns;
 * a newline inside a block is shown as a space. Display widths come from
 * libunistring (wide characters 2 columns, combining marks 0).
 */
#ifndef WHOSAID_SANITIZE_H
#define WHOSAID_SANITIZE_H

#include <stddef.h>

struct glyph {
	size_t off, len; /* the source bytes */
	char show[16];	 /* what to display, UTF-8, NUL-terminated */
	int width;	 /* display columns of show */
};

/*
 * Decode the character at text[*pos] (*pos < len) into g and advance *pos
 * past it. col is the display column where it starts (for tabs).
 */
void sanitize_glyph(const char *text, size_t len, size_t *pos, int col,
    struct glyph *g);

/* A sanitised, NUL-terminated copy of text (allocated); *outlen its length
 * when outlen is not NULL. Newlines are kept. */
char *sanitize_string(const char *text, size_t len, size_t *outlen);

/* Display width of text after sanitising (newlines count as spaces). */
int sanitize_width(const char *text, size_t len);

#endif
