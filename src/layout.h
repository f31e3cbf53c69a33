/*
 * layout.h: an article wrapped to a width, as display lines.
 *
 * Shown blocks are wrapped with UAX #14 line breaking and display widths
 * (libunistring); boilerplate is left out, a repeated caption is shown
 * once, and one blank separator line stands between blocks. Lines are
 * computed lazily, block by block, as far as a caller asks. No line is
 * wider than the width; a word with no break opportunity is cut. (Only a
 * character wider than the width by itself, at widths below 4, gets a
 * line of its own that is wider.)
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

/*
 * Columns are counted by clusters: a character of non-zero width with the
 * zero-width characters (combining marks, joiners) that follow it; a
 * cluster starts where its first character does. So for an offset o shown
 * on line l, layout_offset_at(l, c) with c from layout_line_of(o, &c) is
 * the start of the cluster holding o. Blank space where a line was
 * wrapped is not shown: it maps to the start of the next line. A tab
 * expands to the next multiple of 8 columns, clipped at the line's end.
 */

/*
 * Wrap block `block` of the layout's block list at `width` without
 * keeping anything: fn is called for each line in order (ln->block is
 * `block`). Used to wrap some blocks narrower than others (--dump marks).
 */
void layout_wrap_block(struct layout *lo, size_t block, int width,
    void (*fn)(const struct layout_line *ln, void *arg), void *arg);

/*
 * The text of a line as displayed: sanitised UTF-8, allocated and
 * NUL-terminated, *len (when not NULL) its length in bytes. width is the
 * width the line was wrapped at (for clipping a tab).
 */
char *layout_render(const struct layout *lo, const struct layout_line *ln,
    int width, size_t *len);

#endif
