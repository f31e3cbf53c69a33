/*
 * dump.h: the structured article as plain laid-out text (whosaid --dump).
 *
 * Output format, one shown block after another with one blank line
 * between blocks; boilerplate is left out and a caption printed twice in
 * the article is printed once. Every block is wrapped (layout.h) so that
 * no line, mark included, is wider than the width. The first line of a
 * block carries a mark for its kind, its other lines are indented by the
 * mark's width:
 *
 *   title      "# "           heading   "## "
 *   caption    "[caption] "   byline    "[byline] "
 *   bio        "[bio] "       paragraph, list item: no mark (a list
 *                             item keeps its own "• " / "- " / "1. ")
 *
 * When the width leaves fewer than 8 columns beside a mark, the block is
 * printed without mark. Text is sanitised (sanitize.h): no control
 * character reaches out.
 */
#ifndef WHOSAID_DUMP_H
#define WHOSAID_DUMP_H

#include <stdio.h>

struct article;
struct block_list;

/* The mark printed before a block of this kind ("" for none). */
const char *dump_mark(int kind);

/*
 * Print art, split into bl, wrapped at width (>= 1) to out. Returns 0, or
 * -1 when writing failed (errno set by stdio).
 */
int dump_write(FILE *out, const struct article *art,
    const struct block_list *bl, int width);

#endif
