/*
 * reader.h: the interactive pager (ncurses).
 */
#ifndef WHOSAID_READER_H
#define WHOSAID_READER_H

#include <stdbool.h>

struct article;
struct block_list;
struct annotation;

struct reader_input {
	struct article *art;		/* borrowed */
	struct block_list *blocks;	/* borrowed */
	struct annotation *ann;		/* borrowed */
	const char *message;		/* first status message, or NULL */
	bool mouse;			/* --mouse */
	/*
	 * When ann is NULL, the reader shows the article first and then
	 * opens the annotation itself, with index_open(index_file, ...)
	 * (index_file NULL: compute it), so the first screen does not wait
	 * for the analysis; the reader frees that annotation, and
	 * index_open's note goes to the status line.
	 */
	const char *index_file;
	/*
	 * blocks covers only the start of the article (blocks_parse_prefix):
	 * with ann NULL, the reader parses the whole article after the
	 * first screen, before it opens the annotation.
	 */
	bool blocks_partial;
};

/*
 * Run the reader until the user quits. Keys come from the terminal on
 * standard input, or from /dev/tty when standard input is a pipe.
 * Returns the exit status (0, or 1 after printing a one-line error such
 * as an unusable TERM). The terminal is always restored.
 */
int reader_run(const struct reader_input *in);

/*
 * For a fatal signal's handler (async-signal-safe): while the reader's
 * screen is up, leave it as endwin() would (terminfo's strings taken
 * beforehand) and restore the tty modes; otherwise nothing.
 */
void reader_restore_now(void);

#endif
