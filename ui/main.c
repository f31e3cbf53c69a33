/*
 * main.c: the command line (first version; modes arrive with their issues).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "article.h"
#include "blocks.h"
#include "xmalloc.h"

int
main(int argc, char **argv)
{
	struct article *art;
	struct block_list *bl;
	char *cause = NULL;

	if (argc != 2) {
		fprintf(stderr, "usage: whosaid FILE\n");
		return 2;
	}
	if ((art = article_load(argv[1], &cause)) == NULL) {
		fprintf(stderr, "whosaid: %s\n", cause);
		free(cause);
		return 1;
	}
	bl = blocks_parse(art);
	printf("%zu blocks\n", bl->n);
	blocks_free(bl);
	article_free(art);
	return 0;
}
