/*
 * colours.c: the theme table. Each role has a foreground and background
 * for 256 and for 8 colours (-1 = the terminal's default, so light and
 * dark terminals both keep their own background) and attributes for each
 * depth. Colour pair n+1 belongs to role n.
 */
#include "config.h"

#include <stdlib.h>

#include "colours.h"

struct theme_entry {
	short fg256, bg256;
	attr_t attr256;
	short fg8, bg8;
	attr_t attr8;
	attr_t mono;
};

static const struct theme_entry theme[ST_NSTYLES] = {
	[ST_TEXT] = { -1, -1, A_NORMAL, -1, -1, A_NORMAL, A_NORMAL },
	[ST_TITLE] = { 172, -1, A_BOLD, COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ST_HEADING] = { -1, -1, A_BOLD, -1, -1, A_BOLD, A_BOLD },
	[ST_CAPTION] = { 244, -1, A_NORMAL, -1, -1, A_DIM, A_DIM },
	[ST_BYLINE] = { 244, -1, A_NORMAL, -1, -1, A_DIM, A_DIM },
	[ST_QUOTE] = { 31, -1, A_NORMAL, COLOR_CYAN, -1, A_NORMAL,
	    A_UNDERLINE },
	[ST_QUOTE_CUR] = { 16, 221, A_NORMAL, COLOR_BLACK, COLOR_YELLOW,
	    A_NORMAL, A_REVERSE },
	[ST_MATCH] = { -1, -1, A_REVERSE, -1, -1, A_REVERSE, A_REVERSE },
	[ST_MATCH_OTHER] = { -1, -1, A_BOLD | A_UNDERLINE, -1, -1,
	    A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
	[ST_PLACEHOLDER] = { 160, -1, A_NORMAL, COLOR_RED, -1, A_NORMAL,
	    A_REVERSE },
	[ST_BORDER] = { 242, -1, A_NORMAL, -1, -1, A_NORMAL, A_NORMAL },
	[ST_PANE_TITLE] = { -1, -1, A_BOLD, -1, -1, A_BOLD, A_BOLD },
	[ST_GROUP] = { 172, -1, A_BOLD, COLOR_YELLOW, -1, A_NORMAL, A_BOLD },
	[ST_ACTOR] = { -1, -1, A_NORMAL, -1, -1, A_NORMAL, A_NORMAL },
	[ST_ROLE] = { 244, -1, A_NORMAL, -1, -1, A_NORMAL, A_NORMAL },
	[ST_COUNT] = { 31, -1, A_NORMAL, COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[ST_SELECTED] = { -1, -1, A_BOLD | A_UNDERLINE, -1, -1,
	    A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE },
	[ST_SELECTED_FOCUS] = { -1, -1, A_REVERSE, -1, -1, A_REVERSE,
	    A_REVERSE },
	[ST_DETAIL] = { 244, -1, A_NORMAL, -1, -1, A_NORMAL, A_NORMAL },
	[ST_DETAIL_NAME] = { -1, -1, A_BOLD, -1, -1, A_BOLD, A_BOLD },
	[ST_STATUS] = { -1, -1, A_REVERSE, -1, -1, A_REVERSE, A_REVERSE },
	[ST_MESSAGE] = { -1, -1, A_REVERSE | A_BOLD, -1, -1,
	    A_REVERSE | A_BOLD, A_REVERSE | A_BOLD },
	[ST_HELP_KEY] = { -1, -1, A_BOLD, -1, -1, A_BOLD, A_BOLD },
};

static enum colours_depth depth = COLOURS_MONO;
static attr_t attrs[ST_NSTYLES];

void
colours_init(void)
{
	const char *nc = getenv("NO_COLOR");
	short fg, bg;
	int i;

	depth = COLOURS_MONO;
	if ((nc == NULL || *nc == '\0') && has_colors() &&
	    start_color() == OK && COLORS >= 8) {
		depth = COLORS >= 256 && COLOR_PAIRS > ST_NSTYLES ?
		    COLOURS_256 : COLOURS_8;
		use_default_colors();
	}
	for (i = 0; i < ST_NSTYLES; i++) {
		const struct theme_entry *t = &theme[i];

		switch (depth) {
		case COLOURS_MONO:
			attrs[i] = t->mono;
			continue;
		case COLOURS_8:
			fg = t->fg8;
			bg = t->bg8;
			attrs[i] = t->attr8;
			break;
		default:
			fg = t->fg256;
			bg = t->bg256;
			attrs[i] = t->attr256;
			break;
		}
		if (fg == -1 && bg == -1)
			continue;
		if (i + 1 < COLOR_PAIRS &&
		    init_pair((short)(i + 1), fg, bg) == OK)
			attrs[i] |= COLOR_PAIR(i + 1);
	}
}

enum colours_depth
colours_depth(void)
{
	return depth;
}

attr_t
colours_attr(enum style st)
{
	return attrs[st];
}
