/*
 * colours.h: the reader's theme, one table from style roles to curses
 * attributes, with variants for 256 colours, 8 colours and monochrome.
 */
#ifndef WHOSAID_COLOURS_H
#define WHOSAID_COLOURS_H

#include <curses.h>

enum style {
	ST_TEXT,
	ST_TITLE,	/* the title block and the header bar */
	ST_HEADING,
	ST_CAPTION,
	ST_BYLINE,	/* byline and author's bio */
	ST_QUOTE,	/* a quote that is not the current one */
	ST_QUOTE_CUR,	/* the current quote */
	ST_MATCH,	/* the current search match */
	ST_MATCH_OTHER,	/* other matches on screen */
	ST_PLACEHOLDER, /* a character the terminal cannot show */
	ST_BORDER,
	ST_PANE_TITLE,	/* "Actors" over the sidebar */
	ST_GROUP,	/* a country or organisation in the sidebar */
	ST_ACTOR,
	ST_ROLE,
	ST_COUNT,	/* quote counts */
	ST_SELECTED,	/* the selected actor, sidebar without focus */
	ST_SELECTED_FOCUS, /* the selected actor, sidebar with focus */
	ST_DETAIL,
	ST_DETAIL_NAME,
	ST_STATUS,
	ST_MESSAGE,
	ST_HELP_KEY,
	ST_NSTYLES
};

enum colours_depth {
	COLOURS_MONO,
	COLOURS_8,
	COLOURS_256
};

/*
 * Choose the theme for the terminal set up by newterm(): monochrome when
 * NO_COLOR is set (to anything but ""), when the terminal has no colours
 * or fewer than 8; else 8 or 256 colours. Needs no terminal query: the
 * number of colours comes from terminfo.
 */
void colours_init(void);

/* The depth chosen by colours_init(). */
enum colours_depth colours_depth(void);

/* The attributes (colour pair included) of a style role. */
attr_t colours_attr(enum style st);

#endif
