/*
 * summary.h: the analysis of an article as a summary for stdout, in three
 * formats: JSON (the schema in DESIGN.md, "Summary JSON"), plain text
 * wrapped to a width, and Markdown.
 *
 * The functions only build values and strings; printing is the caller's
 * business (the engine never prints). Every string taken from the article
 * is sanitised first (sanitize.h), so no control character, ESC included,
 * reaches the output. Offsets in the JSON are file offsets
 * (article_file_offset()).
 */
#ifndef WHOSAID_SUMMARY_H
#define WHOSAID_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

struct article;
struct block_list;
struct annotation;

#define SUMMARY_FORMAT_NAME "whosaid-summary"
#define SUMMARY_VERSION     1

/* Flags for json_dumps()/json_dumpf() of a summary: indented, and reals
 * printed with no spurious digits (0.92, not 0.92000000000000004). */
#define SUMMARY_JSON_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(6))

enum summary_format { SUMMARY_TEXT, SUMMARY_MARKDOWN, SUMMARY_JSON };

/* Everything a summary is made from; all borrowed. path is the name given
 * on the command line ("-" for standard input). */
struct summary_input {
	const char *path;
	const struct article *art;
	const struct block_list *bl;
	const struct annotation *ann;
};

struct summary_style {
	int width; /* columns of the text format; values below 20 count as 20 */
	bool bold; /* bold headings (SGR) */
	bool color; /* coloured names and marks (SGR) */
};

/* The format named "text", "json" or "markdown" (also "md"), or -1. */
int summary_format_from_name(const char *name);

/*
 * The summary object of one article (a new reference; json_decref() it).
 * Missing strings are JSON null. Never NULL.
 */
json_t *summary_json(const struct summary_input *in);

/* The text summary, wrapped to style->width (allocated, NUL-terminated). */
char *summary_text(const struct summary_input *in,
                   const struct summary_style *style);

/* The Markdown summary (allocated, NUL-terminated). */
char *summary_markdown(const struct summary_input *in);

/*
 * Paragraph number of block bi, counting paragraphs and list items from 1
 * in text order; 0 when the block is not one (title, caption, heading...).
 */
size_t summary_paragraph_number(const struct block_list *bl, size_t bi);

#endif
