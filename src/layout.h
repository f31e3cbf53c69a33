/*
 * layout.h: an article wrapped to a width, as display lines.
 *
 * Shown blocks are wrapped with UAX #14 line breaking and display widths
 * (libunistring); boilerplate is left out, a repeated caption is shown
 * once, and one blank separator line stands between blocks. Lines are
 * computed lazily, block by block, as far as a caller asks. No line is
 * wider than the width; a word with no break opportunity is cut.
 */
#ifndef WHOSAID_LAYOUT_H
#define WHOSAID_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

struct article;
struct block_list;
struct layout;

#define LAYOUT_NO_BLOCK ((size_t)-1)

struct layout_line {
	size_t block;	   /* block index, LAYOUT_NO_BLOCK for a separator */
	size_t start, end; /* text bytes shown on this line */
	int width;	   /* display columns those bytes take */
};

/* Borrow art and bl (they must outlive the layout); width >= 1. */
struct layout *layout_new(const struct article *art,
    const struct block_list *bl, int width);
void layout_free(struct layout *lo);

int layout_width(const struct layout *lo);

/* Forget all lines and lay out again at a new width, lazily. */
void layout_set_width(struct layout *lo, int width);

/* Line n (from 0), laying out as far as needed; false past the end. */
bool layout_get(struct layout *lo, size_t n, struct layout_line *out);

/* The number of lines; lays out everything. */
size_t layout_nlines(struct layout *lo);

/*
 * The line showing text offset off, and in *col (when not NULL) its
 * column. An offset in a hidden block or in blank space maps to the start
 * of the next shown line (the last line past the end).
 */
size_t layout_line_of(struct layout *lo, size_t off, int *col);

/* The text offset shown at (line, col): the character covering col, or
 * the line's end when col is past it. */
size_t layout_offset_at(struct layout *lo, size_t line, int col);

#endif
