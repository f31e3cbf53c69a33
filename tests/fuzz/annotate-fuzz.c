/*
 * annotate-fuzz.c: libFuzzer target for the whole annotator. Each input
 * is an article (decoded as UTF-8 or Windows-1252), split into blocks and
 * annotated; the annotation must keep the model's invariants
 * (fuzz-check.c): quote offsets in range, ordered and holding their text,
 * speaker ids resolving to actors, mentions and positions in range and
 * belonging to existing actors. The reader's quick first look
 * (blocks_parse_prefix) is annotated too.
 *
 * Built and run by tests/fuzz/run-fuzz.sh (clang libFuzzer) and replayed
 * by tests/fuzz/annotate-replay (any compiler, replay-main.c).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "fuzz-check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
annotate_fuzz_one(const struct article *art, const struct block_list *bl)
{
	struct annotation *ann;

	fuzz_check_blocks(bl, art);
	ann = annotate(art, bl);
	fuzz_check_annotation(ann, art, bl);
	annotation_free(ann);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct article *art;
	struct block_list *bl;

	art = article_new((const char *)data, size, "fuzz");
	bl = blocks_parse(art);
	annotate_fuzz_one(art, bl);
	blocks_free(bl);
	/* The first look of a large article: a cut at a third. */
	if (article_len(art) > 64) {
		bl = blocks_parse_prefix(art, article_len(art) / 3);
		annotate_fuzz_one(art, bl);
		blocks_free(bl);
	}
	article_free(art);
	return 0;
}
