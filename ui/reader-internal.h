/*
 * reader-internal.h: the reader's state, shared by reader.c and the panes
 * (pane-article.c, pane-sidebar.c, pane-status.c, help.c).
 *
 * The screen is a function of this state: every pane's _draw reads it and
 * draws its part from scratch; curses sends only the cells that changed.
 * Positions are kept as text offsets (anchor, marks, back) so that they
 * survive a relayout at another width; top is derived from anchor.
 *
 * Screen rows: 0 the header (title, "Actors"), 1 .. pane_h the article
 * and sidebar, then the detail strip and the status line.
 */
#ifndef WHOSAID_READER_INTERNAL_H
#define WHOSAID_READER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "colours.h"
#include "keys.h"

struct article;
struct block_list;
struct annotation;
struct layout;
struct reader_input;

#define READER_NARROW 70    /* below this width the sidebar overlays */
#define READER_ART_MAX 100  /* widest article column, margins included */
#define READER_SB_MIN 26    /* narrowest sidebar beside the article */
#define READER_SB_OVERLAY 34 /* widest overlay sidebar */

enum reader_focus {
	FOCUS_ARTICLE,
	FOCUS_SIDEBAR
};

enum reader_mode {
	MODE_NORMAL,
	MODE_PROMPT,
	MODE_HELP
};

/* A row of the sidebar: a group heading or an actor under it. */
struct sidebar_row {
	int actor;	/* actor index, -1 for a heading that is no actor */
	bool heading;	/* a country or organisation */
	const char *label; /* borrowed from the annotation */
	size_t labellen; /* its bytes shown (a group's name may be cut off) */
	size_t first;	/* first mention (for ordering) */
	size_t quotes;	/* its speech quotes */
};

struct reader {
	const struct reader_input *in;
	const struct annotation *ann;
	struct annotation *owned;	/* ann when the reader opened it */
	bool deferred;			/* ann still to be opened */
	const struct block_list *bl;
	struct block_list *bl_owned;	/* bl when the reader parsed it */
	const char *text;
	size_t len;
	struct layout *lo;
	bool utf8;		/* the locale is UTF-8 */
	int outfd;		/* the terminal, for OSC 52 */

	/* Geometry, from reader_geometry(). */
	int cols, scr_lines;
	int pane_y, pane_h;	/* article and sidebar rows */
	int art_x, art_w;	/* article column, margins included */
	int sb_x, sb_w;		/* sidebar (sb_w 0: hidden) */
	bool overlay;		/* narrow: the sidebar is drawn over */
	bool sb_wide;		/* wide terminal: user wants the sidebar */
	bool sb_open;		/* narrow terminal: overlay open */

	/* Position. */
	size_t top;		/* first visible layout line */
	size_t anchor;		/* first visible byte, kept on resizes */
	size_t back;		/* where the last jump started ('') */
	bool has_back;
	size_t marks[26];
	bool marked[26];

	/* What is current. */
	enum reader_focus focus;
	enum reader_mode mode;
	size_t cur;		/* current quote, NAV_NONE */
	struct sidebar_row *rows;
	size_t nrows;
	size_t sel;		/* selected sidebar row */
	size_t sb_top;		/* first sidebar row shown */

	/* Search. */
	char pattern[256];
	size_t plen;
	bool backward;		/* the last search went backward */
	bool has_match;
	size_t match_start, match_end;
	char prompt[256];	/* the prompt being typed */
	char prompt_char;	/* '/' or '?' */
	size_t prompt_len;

	/* Input. */
	long count;		/* typed count, 0: none */
	enum action pending;	/* an action waiting for its key argument */
	size_t help_top;
	char message[256];	/* shown in the status line until a key */
	bool message_error;
	bool quit;
	bool cursor_on;		/* the cursor is visible (prompt) */
};

/*
 * reader.c. Positions: reader_set_top() shows layout line `line` first
 * (pulled up so the last page stays full) and sets the anchor to its
 * first byte; reader_scroll() moves by delta lines; reader_jump_*() put
 * an offset (a quote: its start, and make it current and select its
 * speaker) in the upper third of the pane, remembering where the jump
 * started for ''. reader_geometry() recomputes the panes from the screen
 * size and the sidebar state and keeps the anchor on the first line.
 * reader_message() sets the status line's message until the next key.
 */
void reader_message(struct reader *r, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void reader_geometry(struct reader *r);
void reader_set_top(struct reader *r, size_t line);
void reader_scroll(struct reader *r, long delta);
void reader_jump_to_offset(struct reader *r, size_t off, bool record);
void reader_jump_to_quote(struct reader *r, size_t q);
/* Run the search typed at the prompt (or the last one if empty). */
void reader_search_accept(struct reader *r);
/* The end of the last line on screen; whether off's line is on screen. */
size_t reader_bottom_offset(struct reader *r);
bool reader_line_visible(struct reader *r, size_t off);
/* "…" and " · ", or ASCII stand-ins outside UTF-8 locales. */
const char *reader_ellipsis(const struct reader *r);
const char *reader_dot(const struct reader *r);
/*
 * Put n bytes of s at (y, x) in style st, sanitised glyph by glyph, in at
 * most w columns (cut with an ellipsis); returns the columns used.
 */
int reader_put(struct reader *r, int y, int x, int w, const char *s,
    size_t n, enum style st);

/*
 * The panes. _init builds what a pane keeps, _draw draws it from the
 * state, _key takes an action and returns whether it was the pane's.
 */

/* pane-article.c; _title: the title, or the file's name (borrowed). */
void pane_article_init(struct reader *r);
void pane_article_draw(struct reader *r);
bool pane_article_key(struct reader *r, enum action a, long count);
const char *pane_article_title(struct reader *r, size_t *n);

/* pane-sidebar.c: the rows from r->ann (again after it changes). */
void pane_sidebar_init(struct reader *r);
void pane_sidebar_free(struct reader *r);
void pane_sidebar_draw(struct reader *r);
bool pane_sidebar_key(struct reader *r, enum action a, long count);
/* Select actor's row if it has one; the selected actor or -1. */
void pane_sidebar_select_actor(struct reader *r, int actor);
int pane_sidebar_selected_actor(const struct reader *r);
/* A person's surname, else the whole name (borrowed). */
const char *pane_sidebar_short_name(const struct annotation *ann, int actor);
/*
 * A description (a group, an anonymous source) cut to w columns keeping
 * its head noun: up to its first preposition, then without its first
 * words ("senior government official in Kyrgyzstan" -> "government
 * official"). Returns a pointer into s; *n is the bytes to show.
 */
const char *pane_sidebar_fit(const char *s, size_t len, int w, size_t *n);

/* pane-status.c: the detail strip and the status line; _key edits the
 * search prompt (key is the raw key, for the characters typed). */
void pane_status_draw(struct reader *r);
bool pane_status_key(struct reader *r, enum action a, int key);

/* help.c: the help screen, built from keys.c for the screen's width. */
void help_draw(struct reader *r);
bool help_key(struct reader *r, enum action a);
void help_free(void);

#endif
