/*
 * layout-bench.c: load an article, split it into blocks and lay out every
 * line at a width, as the reader would when asked for the last line.
 * Prints bytes, lines and seconds; tests/bench/layout runs it beside fold.
 *
 *   layout-bench FILE [WIDTH]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "article.h"
#include "blocks.h"
#include "layout.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct article *art;
	struct block_list *bl;
	struct layout *lo;
	struct layout_line ln;
	char *cause = NULL;
	size_t n, i, cols = 0;
	double t0, t1;
	int width;

	if (argc < 2) {
		fprintf(stderr, "usage: layout-bench FILE [WIDTH]\n");
		return 2;
	}
	width = argc > 2 ? atoi(argv[2]) : 80;
	t0 = now();
	if ((art = article_load(argv[1], &cause)) == NULL) {
		fprintf(stderr, "layout-bench: %s\n", cause);
		free(cause);
		return 1;
	}
	bl = blocks_parse(art);
	lo = layout_new(art, bl, width);
	n = layout_nlines(lo);
	for (i = 0; i < n; i++) {
		layout_get(lo, i, &ln);
		cols += (size_t)ln.width;
	}
	t1 = now();
	printf("bytes %zu lines %zu columns %zu seconds %.3f\n",
	    article_size(art), n, cols, t1 - t0);
	layout_free(lo);
	blocks_free(bl);
	article_free(art);
	return 0;
}
