/*
 * annotate-helpers.h: run the annotator on a string (tests only).
 */
#ifndef WHOSAID_ANNOTATE_HELPERS_H
#define WHOSAID_ANNOTATE_HELPERS_H

#include "annotate.h"
#include "article.h"
#include "blocks.h"

static inline struct annotation *
annotate_string(const char *s, size_t len)
{
	struct article *art = article_new(s, len, "test");
	struct block_list *bl = blocks_parse(art);
	struct annotation *ann = annotate(art, bl);

	blocks_free(bl);
	article_free(art);
	return ann;
}

/* The speaker's name of the quote whose text starts with prefix. */
static inline const char *
speaker_of(const struct annotation *ann, const char *prefix)
{
	size_t i;

	for (i = 0; i < ann->nquotes; i++)
		if (strncmp(ann->quotes[i].text, prefix, strlen(prefix)) == 0)
			return ann->quotes[i].speaker < 0
			           ? "(none)"
			           : ann->actors[ann->quotes[i].speaker].name;
	return "(no such quote)";
}

static inline const struct actor *
actor_named(const struct annotation *ann, const char *name)
{
	size_t i;

	for (i = 0; i < ann->nactors; i++)
		if (strcmp(ann->actors[i].name, name) == 0)
			return &ann->actors[i];
	return NULL;
}

#endif
