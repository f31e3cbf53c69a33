/*
 * blocks.c: split an article into blocks (first version: paragraphs
 * separated by blank lines, the first one the title).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "blocks.h"
#include "xmalloc.h"

static const char *kind_names[BLOCK_NKINDS] = {
	[BLOCK_TITLE] = "title",
	[BLOCK_CAPTION] = "caption",
	[BLOCK_HEADING] = "heading",
	[BLOCK_PARAGRAPH] = "paragraph",
	[BLOCK_LIST] = "list",
	[BLOCK_BYLINE] = "byline",
	[BLOCK_BIO] = "bio",
	[BLOCK_BOILERPLATE] = "boilerplate",
};

const char *
blocks_kind_name(enum block_kind kind)
{
	return kind_names[kind];
}

int
blocks_kind_from_name(const char *name)
{
	int i;

	for (i = 0; i < BLOCK_NKINDS; i++)
		if (strcmp(kind_names[i], name) == 0)
			return i;
	return -1;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct block_list *
blocks_parse(const struct article *art)
{
	struct block_list *bl = xcalloc(1, sizeof *bl);
	const char *t = article_text(art);
	size_t len = article_len(art), i = 0, cap = 0;

	if (len >= 3 && memcmp(t, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len) {
		size_t start, end, j;

		while (i < len && is_space(t[i]))
			i++;
		if (i >= len)
			break;
		start = i;
		/* A block ends at a line holding only blank space. */
		for (;;) {
			const char *nl = memchr(t + i, '\n', len - i);

			if (nl == NULL) {
				i = len;
				break;
			}
			i = (size_t)(nl - t) + 1;
			for (j = i; j < len && t[j] != '\n' && is_space(t[j]); j++)
				;
			if (j >= len || t[j] == '\n')
				break;
		}
		end = i;
		while (end > start && is_space(t[end - 1]))
			end--;
		if (bl->n == cap) {
			cap = cap ? cap * 2 : 32;
			bl->v = xreallocarray(bl->v, cap, sizeof *bl->v);
		}
		bl->v[bl->n].kind = bl->n == 0 ? BLOCK_TITLE : BLOCK_PARAGRAPH;
		bl->v[bl->n].start = start;
		bl->v[bl->n].end = end;
		bl->v[bl->n].shown_end = end;
		bl->n++;
	}
	return bl;
}

void
blocks_free(struct block_list *bl)
{
	if (bl == NULL)
		return;
	free(bl->v);
	free(bl);
}

size_t
blocks_find(const struct block_list *bl, size_t off)
{
	size_t lo = 0, hi = bl->n;

	/* First block whose end is after off. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (bl->v[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
