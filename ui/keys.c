/*
 * keys.c: the action table and the key bindings of the reader.
 *
 * Invariant: actions[] has one entry per enum action, in enum order, and
 * every binding names an action other than ACT_NONE. Only curses' KEY_
 * constants are used here (no curses calls), so the terminal tests can
 * link this file to check the help screen against the table.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "keys.h"

static const struct keys_action actions[ACT_COUNT_] = {
	[ACT_NONE] = { "none", "", 0 },
	[ACT_DOWN] = { "down", "scroll down one line", KEYS_TAKES_COUNT },
	[ACT_UP] = { "up", "scroll up one line", KEYS_TAKES_COUNT },
	[ACT_PAGE_DOWN] = { "page-down", "scroll down one page",
	    KEYS_TAKES_COUNT },
	[ACT_PAGE_UP] = { "page-up", "scroll up one page", KEYS_TAKES_COUNT },
	[ACT_HALF_DOWN] = { "half-down", "scroll down half a page",
	    KEYS_TAKES_COUNT },
	[ACT_HALF_UP] = { "half-up", "scroll up half a page",
	    KEYS_TAKES_COUNT },
	[ACT_TOP] = { "top", "go to the top (with a count: line N)",
	    KEYS_TAKES_COUNT },
	[ACT_BOTTOM] = { "bottom", "go to the end (with a count: line N)",
	    KEYS_TAKES_COUNT },
	[ACT_QUOTE_NEXT] = { "quote-next", "next quote", KEYS_TAKES_COUNT },
	[ACT_QUOTE_PREV] = { "quote-prev", "previous quote",
	    KEYS_TAKES_COUNT },
	[ACT_SPEAKER_NEXT] = { "speaker-next",
	    "next quote of the same speaker", KEYS_TAKES_COUNT },
	[ACT_SPEAKER_PREV] = { "speaker-prev",
	    "previous quote of the same speaker", KEYS_TAKES_COUNT },
	[ACT_SEARCH_FORWARD] = { "search-forward", "search forward", 0 },
	[ACT_SEARCH_BACKWARD] = { "search-backward", "search backward", 0 },
	[ACT_SEARCH_NEXT] = { "search-next", "repeat the search",
	    KEYS_TAKES_COUNT },
	[ACT_SEARCH_PREV] = { "search-prev",
	    "repeat the search the other way", KEYS_TAKES_COUNT },
	[ACT_MARK_SET] = { "mark-set", "set mark a-z here", KEYS_TAKES_KEY },
	[ACT_MARK_GO] = { "mark-go",
	    "go to mark a-z; '' back to before the last jump",
	    KEYS_TAKES_KEY },
	[ACT_FOCUS] = { "focus", "move between article and sidebar", 0 },
	[ACT_SIDEBAR] = { "sidebar", "show or hide the sidebar", 0 },
	[ACT_SELECT_DOWN] = { "select-down", "select the next actor",
	    KEYS_TAKES_COUNT },
	[ACT_SELECT_UP] = { "select-up", "select the previous actor",
	    KEYS_TAKES_COUNT },
	[ACT_SELECT_FIRST] = { "select-first", "select the first actor", 0 },
	[ACT_SELECT_LAST] = { "select-last", "select the last actor", 0 },
	[ACT_SELECT_JUMP] = { "select-jump",
	    "jump to the selected actor's first quote", 0 },
	[ACT_COPY] = { "copy",
	    "copy the current quote and its speaker (OSC 52)", 0 },
	[ACT_HELP] = { "help", "this help", 0 },
	[ACT_REDRAW] = { "redraw", "repaint the screen", 0 },
	[ACT_CANCEL] = { "cancel",
	    "back to the article; clear a count and the search marks", 0 },
	[ACT_QUIT] = { "quit", "quit", 0 },
	[ACT_PROMPT_ACCEPT] = { "prompt-accept", "search", 0 },
	[ACT_PROMPT_ERASE] = { "prompt-erase", "erase a character", 0 },
	[ACT_PROMPT_KILL] = { "prompt-kill", "erase the line", 0 },
	[ACT_PROMPT_CANCEL] = { "prompt-cancel", "cancel the search", 0 },
	[ACT_HELP_DOWN] = { "help-down", "scroll down", 0 },
	[ACT_HELP_UP] = { "help-up", "scroll up", 0 },
	[ACT_HELP_PAGE_DOWN] = { "help-page-down", "page down", 0 },
	[ACT_HELP_PAGE_UP] = { "help-page-up", "page up", 0 },
	[ACT_HELP_CLOSE] = { "help-close", "close the help", 0 },
};

static const struct keys_binding bindings[] = {
	/* Reading: less's keys first. */
	{ KEYS_ARTICLE, 'j', ACT_DOWN },
	{ KEYS_ARTICLE, KEYS_FN(KEY_DOWN), ACT_DOWN },
	{ KEYS_ARTICLE, '\r', ACT_DOWN },
	{ KEYS_ARTICLE, '\n', ACT_DOWN },
	{ KEYS_ARTICLE, KEYS_CTRL('n'), ACT_DOWN },
	{ KEYS_ARTICLE, KEYS_CTRL('e'), ACT_DOWN },
	{ KEYS_ARTICLE, 'k', ACT_UP },
	{ KEYS_ARTICLE, KEYS_FN(KEY_UP), ACT_UP },
	{ KEYS_ARTICLE, KEYS_CTRL('p'), ACT_UP },
	{ KEYS_ARTICLE, KEYS_CTRL('y'), ACT_UP },
	{ KEYS_COMMON, ' ', ACT_PAGE_DOWN },
	{ KEYS_COMMON, 'f', ACT_PAGE_DOWN },
	{ KEYS_COMMON, KEYS_FN(KEY_NPAGE), ACT_PAGE_DOWN },
	{ KEYS_COMMON, KEYS_CTRL('f'), ACT_PAGE_DOWN },
	{ KEYS_COMMON, 'b', ACT_PAGE_UP },
	{ KEYS_COMMON, KEYS_FN(KEY_PPAGE), ACT_PAGE_UP },
	{ KEYS_COMMON, KEYS_CTRL('b'), ACT_PAGE_UP },
	{ KEYS_COMMON, 'd', ACT_HALF_DOWN },
	{ KEYS_COMMON, KEYS_CTRL('d'), ACT_HALF_DOWN },
	{ KEYS_COMMON, 'u', ACT_HALF_UP },
	{ KEYS_COMMON, KEYS_CTRL('u'), ACT_HALF_UP },
	{ KEYS_ARTICLE, 'g', ACT_TOP },
	{ KEYS_ARTICLE, '<', ACT_TOP },
	{ KEYS_ARTICLE, KEYS_FN(KEY_HOME), ACT_TOP },
	{ KEYS_ARTICLE, 'G', ACT_BOTTOM },
	{ KEYS_ARTICLE, '>', ACT_BOTTOM },
	{ KEYS_ARTICLE, KEYS_FN(KEY_END), ACT_BOTTOM },
	{ KEYS_COMMON, ']', ACT_QUOTE_NEXT },
	{ KEYS_COMMON, '[', ACT_QUOTE_PREV },
	{ KEYS_COMMON, '}', ACT_SPEAKER_NEXT },
	{ KEYS_COMMON, '{', ACT_SPEAKER_PREV },
	{ KEYS_COMMON, '/', ACT_SEARCH_FORWARD },
	{ KEYS_COMMON, '?', ACT_SEARCH_BACKWARD },
	{ KEYS_COMMON, 'n', ACT_SEARCH_NEXT },
	{ KEYS_COMMON, 'N', ACT_SEARCH_PREV },
	{ KEYS_COMMON, 'm', ACT_MARK_SET },
	{ KEYS_COMMON, '\'', ACT_MARK_GO },
	{ KEYS_COMMON, '\t', ACT_FOCUS },
	{ KEYS_COMMON, KEYS_FN(KEY_BTAB), ACT_FOCUS },
	{ KEYS_COMMON, 's', ACT_SIDEBAR },
	{ KEYS_COMMON, 'y', ACT_COPY },
	{ KEYS_COMMON, 'h', ACT_HELP },
	{ KEYS_COMMON, 'H', ACT_HELP },
	{ KEYS_COMMON, KEYS_FN(KEY_F(1)), ACT_HELP },
	{ KEYS_COMMON, KEYS_CTRL('l'), ACT_REDRAW },
	{ KEYS_COMMON, 'r', ACT_REDRAW },
	{ KEYS_COMMON, 27, ACT_CANCEL },
	{ KEYS_COMMON, 'q', ACT_QUIT },
	{ KEYS_COMMON, 'Q', ACT_QUIT },

	/* The sidebar, when it has the focus (Tab). */
	{ KEYS_SIDEBAR, 'j', ACT_SELECT_DOWN },
	{ KEYS_SIDEBAR, KEYS_FN(KEY_DOWN), ACT_SELECT_DOWN },
	{ KEYS_SIDEBAR, KEYS_CTRL('n'), ACT_SELECT_DOWN },
	{ KEYS_SIDEBAR, 'k', ACT_SELECT_UP },
	{ KEYS_SIDEBAR, KEYS_FN(KEY_UP), ACT_SELECT_UP },
	{ KEYS_SIDEBAR, KEYS_CTRL('p'), ACT_SELECT_UP },
	{ KEYS_SIDEBAR, 'g', ACT_SELECT_FIRST },
	{ KEYS_SIDEBAR, KEYS_FN(KEY_HOME), ACT_SELECT_FIRST },
	{ KEYS_SIDEBAR, 'G', ACT_SELECT_LAST },
	{ KEYS_SIDEBAR, KEYS_FN(KEY_END), ACT_SELECT_LAST },
	{ KEYS_SIDEBAR, '\r', ACT_SELECT_JUMP },
	{ KEYS_SIDEBAR, '\n', ACT_SELECT_JUMP },
	{ KEYS_SIDEBAR, KEYS_FN(KEY_ENTER), ACT_SELECT_JUMP },

	/* The search prompt (/ and ?). */
	{ KEYS_PROMPT, '\r', ACT_PROMPT_ACCEPT },
	{ KEYS_PROMPT, '\n', ACT_PROMPT_ACCEPT },
	{ KEYS_PROMPT, KEYS_FN(KEY_ENTER), ACT_PROMPT_ACCEPT },
	{ KEYS_PROMPT, KEYS_FN(KEY_BACKSPACE), ACT_PROMPT_ERASE },
	{ KEYS_PROMPT, 127, ACT_PROMPT_ERASE },
	{ KEYS_PROMPT, KEYS_CTRL('h'), ACT_PROMPT_ERASE },
	{ KEYS_PROMPT, KEYS_CTRL('u'), ACT_PROMPT_KILL },
	{ KEYS_PROMPT, 27, ACT_PROMPT_CANCEL },

	/* The help screen. */
	{ KEYS_HELP, 'j', ACT_HELP_DOWN },
	{ KEYS_HELP, KEYS_FN(KEY_DOWN), ACT_HELP_DOWN },
	{ KEYS_HELP, '\r', ACT_HELP_DOWN },
	{ KEYS_HELP, 'k', ACT_HELP_UP },
	{ KEYS_HELP, KEYS_FN(KEY_UP), ACT_HELP_UP },
	{ KEYS_HELP, ' ', ACT_HELP_PAGE_DOWN },
	{ KEYS_HELP, 'f', ACT_HELP_PAGE_DOWN },
	{ KEYS_HELP, KEYS_FN(KEY_NPAGE), ACT_HELP_PAGE_DOWN },
	{ KEYS_HELP, 'b', ACT_HELP_PAGE_UP },
	{ KEYS_HELP, KEYS_FN(KEY_PPAGE), ACT_HELP_PAGE_UP },
	{ KEYS_HELP, 'q', ACT_HELP_CLOSE },
	{ KEYS_HELP, 'h', ACT_HELP_CLOSE },
	{ KEYS_HELP, KEYS_FN(KEY_F(1)), ACT_HELP_CLOSE },
	{ KEYS_HELP, 27, ACT_HELP_CLOSE },
};

static const char *context_names[KEYS_NCONTEXTS] = {
	[KEYS_COMMON] = "Quotes, speakers, search (article and sidebar)",
	[KEYS_ARTICLE] = "Moving in the article",
	[KEYS_SIDEBAR] = "Sidebar (after Tab)",
	[KEYS_PROMPT] = "Search prompt",
	[KEYS_HELP] = "This help",
};

const struct keys_action *
keys_action(enum action a)
{
	return &actions[a < ACT_COUNT_ ? a : ACT_NONE];
}

const struct keys_binding *
keys_bindings(size_t *n)
{
	*n = sizeof bindings / sizeof bindings[0];
	return bindings;
}

static enum action
keys_find(enum keys_context ctx, int key)
{
	size_t i;

	for (i = 0; i < sizeof bindings / sizeof bindings[0]; i++)
		if (bindings[i].ctx == ctx && bindings[i].key == key)
			return bindings[i].action;
	return ACT_NONE;
}

enum action
keys_lookup(enum keys_context ctx, int key)
{
	enum action a = keys_find(ctx, key);

	if (a == ACT_NONE && (ctx == KEYS_ARTICLE || ctx == KEYS_SIDEBAR))
		a = keys_find(KEYS_COMMON, key);
	/* The sidebar scrolls like the article for keys it does not bind. */
	if (a == ACT_NONE && ctx == KEYS_SIDEBAR)
		a = keys_find(KEYS_ARTICLE, key);
	return a;
}

const char *
keys_context_name(enum keys_context ctx)
{
	return context_names[ctx];
}

static const struct {
	int key;
	const char *name;
} fn_names[] = {
	{ KEY_DOWN, "Down" }, { KEY_UP, "Up" }, { KEY_LEFT, "Left" },
	{ KEY_RIGHT, "Right" }, { KEY_NPAGE, "PgDn" }, { KEY_PPAGE, "PgUp" },
	{ KEY_HOME, "Home" }, { KEY_END, "End" }, { KEY_BTAB, "S-Tab" },
	{ KEY_ENTER, "KpEnter" }, { KEY_BACKSPACE, "Backspace" },
};

const char *
keys_name(int key, char *buf, size_t size)
{
	size_t i;

	if (KEYS_IS_FN(key)) {
		int k = key & ~0x1000000;

		for (i = 0; i < sizeof fn_names / sizeof fn_names[0]; i++)
			if (fn_names[i].key == k) {
				snprintf(buf, size, "%s", fn_names[i].name);
				return buf;
			}
		if (k >= KEY_F(1) && k <= KEY_F(63))
			snprintf(buf, size, "F%d", k - KEY_F0);
		else
			snprintf(buf, size, "key-%d", k);
		return buf;
	}
	switch (key) {
	case ' ':
		snprintf(buf, size, "Space");
		break;
	case '\t':
		snprintf(buf, size, "Tab");
		break;
	case '\r':
		snprintf(buf, size, "Enter");
		break;
	case '\n':
		snprintf(buf, size, "Ctrl-J");
		break;
	case 27:
		snprintf(buf, size, "Esc");
		break;
	case 127:
		snprintf(buf, size, "Del");
		break;
	default:
		if (key < 32)
			snprintf(buf, size, "Ctrl-%c", key + 'A' - 1);
		else
			snprintf(buf, size, "%c", key);
		break;
	}
	return buf;
}
