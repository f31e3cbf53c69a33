/*
 * blocks.h: the structure of an article as a list of blocks.
 *
 * A block is a run of text of one kind with its byte range in the
 * article's text. Blocks are in text order and do not overlap; blank
 * lines between blocks belong to no block. A hard-wrapped paragraph
 * (lines joined by single newlines) is one block.
 */
#ifndef WHOSAID_BLOCKS_H
#define WHOSAID_BLOCKS_H

#include <stddef.h>

struct article;

enum block_kind {
	BLOCK_TITLE,
	BLOCK_CAPTION,	  /* a photo caption; a repeated caption is one block */
	BLOCK_HEADING,	  /* a short line without end punctuation */
	BLOCK_PARAGRAPH,
	BLOCK_LIST,	  /* a list item ("• ...", "- ...", "1. ...") */
	BLOCK_BYLINE,	  /* "By NAME", the author's name line, or the
			     date line under the title */
	BLOCK_BIO,	  /* the author's biography */
	BLOCK_BOILERPLATE /* site chrome and legal notices: never shown */
};
#define BLOCK_NKINDS (BLOCK_BOILERPLATE + 1)

struct block {
	enum block_kind kind;
	size_t start, end; /* text range, without surrounding blank space */
	/*
	 * End of the part that is shown: equal to end, except for a
	 * caption printed twice in a row, where it ends the first copy.
	 */
	size_t shown_end;
};

struct block_list {
	struct block *v;
	size_t n;
};

/* Split an article into blocks. Never fails; an empty article has none. */
struct block_list *blocks_parse(const struct article *art);

/*
 * The blocks of the text up to the end of the first block that ends at or
 * after byte limit: a quick look at the start of a large article (the
 * reader's first screen) before all of it is parsed. Kinds near the cut
 * may differ from blocks_parse()'s, which sees the whole article.
 */
struct block_list *blocks_parse_prefix(const struct article *art,
    size_t limit);

/* Free a list; blocks_free(NULL) does nothing. */
void blocks_free(struct block_list *bl);

/* "title", "caption", ...: the names used in the index and in tests. */
const char *blocks_kind_name(enum block_kind kind);

/* The kind of a name, or -1. */
int blocks_kind_from_name(const char *name);

/* Index of the block holding text offset off, or of the first block after
 * it; bl->n when there is none. */
size_t blocks_find(const struct block_list *bl, size_t off);

#endif
