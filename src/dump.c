/*
 * dump.c: print the structured article as laid-out text.
 *
 * Each shown block is wrapped on its own with layout_wrap_block(), at the
 * width less its mark, so no line grows wider than the width; nothing is
 * kept between blocks, so dumping a large article needs no memory beyond
 * the article itself.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "blocks.h"
#include "dump.h"
#include "layout.h"
#include "xmalloc.h"

#define DUMP_MIN_TEXT 8 /* columns of text needed beside a mark */

static const char *dump_marks[BLOCK_NKINDS] = {
	[BLOCK_TITLE] = "# ",
	[BLOCK_CAPTION] = "[caption] ",
	[BLOCK_HEADING] = "## ",
	[BLOCK_PARAGRAPH] = "",
	[BLOCK_LIST] = "",
	[BLOCK_BYLINE] = "[byline] ",
	[BLOCK_BIO] = "[bio] ",
	[BLOCK_BOILERPLATE] = "",
};

struct dump_state {
	FILE *out;
	struct layout *lo;
	const char *mark;
	int markw;
	int width;	/* the width text was wrapped at */
	int first;	/* next line is the block's first */
};

const char *
dump_mark(int kind)
{
	if (kind < 0 || kind >= BLOCK_NKINDS)
		return "";
	return dump_marks[kind];
}

static void
dump_line(const struct layout_line *ln, void *arg)
{
	struct dump_state *ds = arg;
	size_t len;
	char *s = layout_render(ds->lo, ln, ds->width, &len);

	if (ds->first)
		fputs(ds->mark, ds->out);
	else if (ds->markw > 0)
		fprintf(ds->out, "%*s", ds->markw, "");
	fwrite(s, 1, len, ds->out);
	fputc('\n', ds->out);
	ds->first = 0;
	free(s);
}

int
dump_write(FILE *out, const struct article *art, const struct block_list *bl,
    int width)
{
	struct layout *lo;
	struct dump_state ds;
	size_t k;
	int shown = 0;

	if (width < 1)
		width = 1;
	lo = layout_new(art, bl, width);
	memset(&ds, 0, sizeof ds);
	ds.out = out;
	ds.lo = lo;
	for (k = 0; k < bl->n; k++) {
		const struct block *bk = &bl->v[k];

		if (bk->kind == BLOCK_BOILERPLATE || bk->shown_end <= bk->start)
			continue;
		ds.mark = dump_mark((int)bk->kind);
		ds.markw = (int)strlen(ds.mark); /* marks are ASCII */
		if (width - ds.markw < DUMP_MIN_TEXT) {
			ds.mark = "";
			ds.markw = 0;
		}
		ds.width = width - ds.markw;
		ds.first = 1;
		if (shown++ > 0)
			fputc('\n', out);
		layout_wrap_block(lo, k, ds.width, dump_line, &ds);
	}
	layout_free(lo);
	if (fflush(out) != 0 || ferror(out))
		return -1;
	return 0;
}
