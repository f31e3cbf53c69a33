/*
 * index-fuzz.c: libFuzzer target for the index reader. Each input is the
 * content of an index file, opened twice: from memory against the small
 * article it was made for (index_open_buffer: rejected with a one-line
 * note, or fresh when the fingerprint matches: the seed corpus has such
 * an index), and from a file through index_open against the same article
 * edited (never fresh: stale, curated entries re-anchored onto a fresh
 * analysis, or invalid). Whatever comes back must keep the annotation
 * model's invariants (fuzz-check.c).
 *
 * Built and run by tests/fuzz/run-fuzz.sh (clang libFuzzer) and replayed
 * by tests/fuzz/index-replay (any compiler, replay-main.c).
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "fuzz-check.h"
#include "index.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The article the inputs are indexes of (tests/fuzz/index-fuzz.txt);
 * run-fuzz.sh makes its fresh index for the seed corpus. */
#ifndef FUZZ_ARTICLE
#define FUZZ_ARTICLE "tests/fuzz/index-fuzz.txt"
#endif

/* The edit that makes the article stale: a sentence in front, so every
 * offset of the old index moves. */
#define INDEX_FUZZ_EDIT "Updated.\n\n"

static struct article *index_fuzz_art, *index_fuzz_edited;
static struct block_list *index_fuzz_bl, *index_fuzz_edited_bl;
static char index_fuzz_file[64];

static void
index_fuzz_init(void)
{
	char *cause = NULL, *buf;
	const char *tmp = getenv("TMPDIR");
	size_t n;
	int fd;

	if ((index_fuzz_art = article_load(FUZZ_ARTICLE, &cause)) == NULL) {
		fprintf(stderr, "fuzz: %s\n", cause);
		abort();
	}
	index_fuzz_bl = blocks_parse(index_fuzz_art);
	n = article_size(index_fuzz_art);
	buf = malloc(sizeof INDEX_FUZZ_EDIT + n);
	FUZZ_CHECK(buf != NULL);
	memcpy(buf, INDEX_FUZZ_EDIT, sizeof INDEX_FUZZ_EDIT - 1);
	memcpy(buf + sizeof INDEX_FUZZ_EDIT - 1, article_bytes(index_fuzz_art),
	       n);
	index_fuzz_edited = article_new(buf, sizeof INDEX_FUZZ_EDIT - 1 + n,
	                                "edited");
	index_fuzz_edited_bl = blocks_parse(index_fuzz_edited);
	free(buf);

	if (tmp == NULL || strlen(tmp) > 32)
		tmp = "/tmp";
	snprintf(index_fuzz_file, sizeof index_fuzz_file,
	         "%s/index-fuzz.XXXXXX", tmp);
	if ((fd = mkstemp(index_fuzz_file)) == -1)
		abort();
	close(fd);
}

static void
index_fuzz_check(struct annotation *ann, const struct article *art,
                 const struct block_list *bl, char *note)
{
	FUZZ_CHECK(ann != NULL);
	/* A note is one line. */
	FUZZ_CHECK(note == NULL || strchr(note, '\n') == NULL);
	fuzz_check_annotation(ann, art, bl);
	free(note);
	annotation_free(ann);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct annotation *ann;
	enum index_status status;
	char *note = NULL;
	FILE *fp;

	if (index_fuzz_art == NULL)
		index_fuzz_init();

	ann = index_open_buffer("fuzz.whosaid", (const char *)data, size,
	                        index_fuzz_art, index_fuzz_bl, &status, &note);
	index_fuzz_check(ann, index_fuzz_art, index_fuzz_bl, note);

	/* The same index from a file, the article edited since. */
	if ((fp = fopen(index_fuzz_file, "w")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, fp) != size)
		abort();
	if (fclose(fp) != 0)
		abort();
	note = NULL;
	ann = index_open(index_fuzz_file, index_fuzz_edited,
	                 index_fuzz_edited_bl, &status, &note);
	FUZZ_CHECK(status != INDEX_FRESH);
	index_fuzz_check(ann, index_fuzz_edited, index_fuzz_edited_bl, note);
	return 0;
}
