/*
 * annotate-bench.c: time the annotator on a corpus file.
 *
 * usage: annotate-bench [--whole] FILE
 * The file holds articles separated by lines holding only a form feed
 * ("\f"); each is annotated on its own (as whosaid does per file), or,
 * with --whole, the file is annotated as one article (no quadratic
 * corner may hide there). Prints bytes, seconds in blocks_parse() and in
 * annotate() (loading excluded), MB/s of annotate(), quotes and actors
 * found, one "key value" a line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "xmalloc.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The bytes of the file at path (NUL-terminated), as read; NULL on
 * error. Read in one piece of the size fstat() gives (as article_load()
 * does), not grown by doubling: the bench times the annotator, not the
 * copies and page faults of a growing buffer. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	char *buf;
	size_t n;

	if (f == NULL)
		return NULL;
	if (fstat(fileno(f), &st) != 0 || st.st_size < 0) {
		fclose(f);
		return NULL;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	n = fread(buf, 1, (size_t)st.st_size, f);
	if (ferror(f) || n != (size_t)st.st_size) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

int
main(int argc, char **argv)
{
	struct article *all = NULL;
	const char *text, *path = argc > 1 ? argv[argc - 1] : NULL;
	char *cause = NULL, *raw = NULL;
	size_t len, i = 0, quotes = 0, actors = 0, articles = 0;
	int whole = argc > 2 && strcmp(argv[1], "--whole") == 0;
	double t0, t1, t2, secs = 0, bsecs = 0;

	if (path == NULL) {
		fprintf(stderr, "usage: annotate-bench [--whole] FILE\n");
		return 2;
	}
	/* As whosaid reads its files: the whole corpus as one article is
	 * loaded (and checked) once; articles one by one are cut from the
	 * raw bytes and each made an article (checked) on its own. */
	if (whole) {
		if ((all = article_load(path, &cause)) == NULL) {
			fprintf(stderr, "annotate-bench: %s\n", cause);
			free(cause);
			return 1;
		}
		text = article_text(all);
		len = article_len(all);
	} else {
		if ((raw = slurp(path, &len)) == NULL) {
			fprintf(stderr, "annotate-bench: %s: cannot read\n",
			        path);
			return 1;
		}
		text = raw;
	}
	while (i < len) {
		const char *ff = whole ? NULL : memchr(text + i, '\f', len - i);
		size_t end = ff != NULL ? (size_t)(ff - text) : len;
		struct article *art =
		    whole ? all : article_new(text + i, end - i, "bench");
		struct block_list *bl;
		struct annotation *ann;

		t0 = now();
		bl = blocks_parse(art);
		t1 = now();
		ann = annotate(art, bl);
		t2 = now();
		bsecs += t1 - t0;
		secs += t2 - t1;
		quotes += ann->nquotes;
		actors += ann->nactors;
		articles++;
		annotation_free(ann);
		blocks_free(bl);
		if (!whole)
			article_free(art);
		i = end + 1;
	}
	printf("bytes %zu\narticles %zu\nquotes %zu\nactors %zu\n", len,
	       articles, quotes, actors);
	/* blocks_parse() is the article engine's; annotate() is timed apart */
	printf("blocks_seconds %.3f\nseconds %.3f\nmb_per_s %.1f\n", bsecs,
	       secs, secs > 0 ? (double)len / 1e6 / secs : 0.0);
	article_free(all);
	free(raw);
	return 0;
}
