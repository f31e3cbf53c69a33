/*
 * index-fuzz.c: libFuzzer target for the index reader. Each input is the
 * content of an index file, opened against one small article, so every
 * path runs: rejected (with a one-line note), fresh (the fingerprint
 * matches: the seed corpus has such an index) and stale (curated entries
 * re-anchored onto a fresh analysis).
 *
 * Build: clang -fsanitize=fuzzer,address (tests/fuzz/index-fuzz.sh).
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "index.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The article the inputs are indexes of (tests/fuzz/index-fuzz.txt);
 * index-fuzz.sh makes its fresh index for the seed corpus. */
#ifndef FUZZ_ARTICLE
#define FUZZ_ARTICLE "tests/fuzz/index-fuzz.txt"
#endif

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct article *art;
	static struct block_list *bl;
	struct annotation *ann;
	enum index_status status;
	char *note = NULL;
	size_t i;

	if (art == NULL) {
		char *cause = NULL;

		if ((art = article_load(FUZZ_ARTICLE, &cause)) == NULL)
			abort();
		bl = blocks_parse(art);
	}
	ann = index_open_buffer("fuzz.whosaid", (const char *)data, size, art,
	                        bl, &status, &note);
	if (ann == NULL)
		abort();
	/* A note is one line. */
	if (note != NULL && strchr(note, '\n') != NULL)
		abort();
	/* Whatever was loaded must hold together for the reader. */
	for (i = 0; i < ann->nquotes; i++) {
		const struct quote *q = &ann->quotes[i];

		if (q->span.start > q->span.end ||
		    q->span.end > article_len(art) ||
		    (q->speaker >= 0 && (size_t)q->speaker >= ann->nactors) ||
		    (i > 0 && q->span.start < ann->quotes[i - 1].span.start))
			abort();
	}
	free(note);
	annotation_free(ann);
	return 0;
}
