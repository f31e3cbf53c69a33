/*
 * help.c: the help screen, generated from the key table (keys.c): for
 * each context, each action once with all its keys and its help text.
 * Lines are built for the current width on every draw; when keys and
 * text do not fit on one line the text goes on the next, indented, and a
 * long list of keys wraps, so every key is listed at any width.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "keys.h"
#include "reader.h"
#include "xmalloc.h"

#include "reader-internal.h"

#define HELP_KEYW 24 /* the keys column */

struct help_line {
	char *text;
	bool heading;
	bool keys;	/* starts with keys (drawn in the key style) */
	int keyw;	/* columns of the keys part */
};

static struct help_line *lines;
static size_t nlines, caplines;
static int built_width = -1;

static void
help_add(const char *text, bool heading, bool keys, int keyw)
{
	if (nlines == caplines) {
		caplines = caplines ? caplines * 2 : 64;
		lines = xreallocarray(lines, caplines, sizeof *lines);
	}
	lines[nlines].text = xstrdup(text);
	lines[nlines].heading = heading;
	lines[nlines].keys = keys;
	lines[nlines].keyw = keyw;
	nlines++;
}

void
help_free(void)
{
	size_t i;

	for (i = 0; i < nlines; i++)
		free(lines[i].text);
	free(lines);
	lines = NULL;
	nlines = caplines = 0;
	built_width = -1;
}

/* The lines of one action in context ctx, for a screen w columns wide. */
static void
help_action(enum keys_context ctx, enum action a, int w)
{
	const struct keys_binding *b;
	size_t nb, i;
	char keys[256] = "", name[32], line[512];
	size_t len = 0;
	const char *text = keys_action(a)->help;

	b = keys_bindings(&nb);
	for (i = 0; i < nb; i++) {
		if (b[i].ctx != ctx || b[i].action != a)
			continue;
		keys_name(b[i].key, name, sizeof name);
		/* Wrap the keys themselves when they are too many. */
		if (len > 0 && (int)(len + 1 + strlen(name)) > w - 2) {
			help_add(keys, false, true, (int)len);
			keys[0] = '\0';
			len = 0;
		}
		len += (size_t)snprintf(keys + len, sizeof keys - len, "%s%s",
		    len > 0 ? " " : "", name);
	}
	if ((int)len + 2 <= HELP_KEYW &&
	    HELP_KEYW + (int)strlen(text) <= w - 2) {
		snprintf(line, sizeof line, "%-*s%s", HELP_KEYW, keys, text);
		help_add(line, false, true, (int)len);
	} else if ((int)(len + 2 + strlen(text)) <= w - 2) {
		snprintf(line, sizeof line, "%s  %s", keys, text);
		help_add(line, false, true, (int)len);
	} else {
		help_add(keys, false, true, (int)len);
		snprintf(line, sizeof line, "    %s", text);
		help_add(line, false, false, 0);
	}
}

static void
help_build(int w)
{
	const struct keys_binding *b;
	size_t nb, i;
	int ctx;
	bool seen[ACT_COUNT_];

	if (w == built_width)
		return;
	help_free();
	built_width = w;
	b = keys_bindings(&nb);
	static const enum keys_context order[] = { KEYS_ARTICLE, KEYS_COMMON,
		KEYS_SIDEBAR, KEYS_PROMPT, KEYS_HELP };
	size_t o;

	for (o = 0; o < sizeof order / sizeof order[0]; o++) {
		ctx = (int)order[o];
		memset(seen, 0, sizeof seen);
		if (nlines > 0)
			help_add("", false, false, 0);
		help_add(keys_context_name((enum keys_context)ctx), true,
		    false, 0);
		for (i = 0; i < nb; i++) {
			if ((int)b[i].ctx != ctx || seen[b[i].action])
				continue;
			seen[b[i].action] = true;
			help_action((enum keys_context)ctx, b[i].action, w);
		}
	}
	help_add("", false, false, 0);
	help_add("Counts: digits before a key repeat it (5j, 3]); with g "
	    "or G they give a line.", false, false, 0);
}

void
help_draw(struct reader *r)
{
	const char *status = "Space/b page  j/k line  q close";
	char where[64];
	size_t i;
	int y, x, h = r->scr_lines - 2;

	help_build(r->cols);
	if (h < 1)
		h = 1;
	if (nlines > (size_t)h && r->help_top > nlines - (size_t)h)
		r->help_top = nlines - (size_t)h;
	if (nlines <= (size_t)h)
		r->help_top = 0;
	reader_put(r, 0, 1, r->cols - 2, "whosaid: keys", 13, ST_TITLE);
	for (y = 0; y < h; y++) {
		const struct help_line *l;

		i = r->help_top + (size_t)y;
		if (i >= nlines)
			break;
		l = &lines[i];
		if (l->heading)
			reader_put(r, 1 + y, 1, r->cols - 2, l->text,
			    strlen(l->text), ST_TITLE);
		else if (l->keys) {
			reader_put(r, 1 + y, 1, r->cols - 2, l->text,
			    (size_t)l->keyw, ST_HELP_KEY);
			if (strlen(l->text) > (size_t)l->keyw)
				reader_put(r, 1 + y, 1 + l->keyw,
				    r->cols - 2 - l->keyw,
				    l->text + l->keyw,
				    strlen(l->text) - (size_t)l->keyw,
				    ST_TEXT);
		} else
			reader_put(r, 1 + y, 1, r->cols - 2, l->text,
			    strlen(l->text), ST_TEXT);
	}
	/* Where we are, and "(END)" on the last page, as less says it. */
	if (r->help_top + (size_t)h >= nlines)
		snprintf(where, sizeof where, "(END)  ");
	else
		snprintf(where, sizeof where, "lines %zu-%zu/%zu  ",
		    r->help_top + 1, r->help_top + (size_t)h, nlines);
	attrset(colours_attr(ST_STATUS));
	mvhline(r->scr_lines - 1, 0, ' ', r->cols);
	x = reader_put(r, r->scr_lines - 1, 1, r->cols - 2, where,
	    strlen(where), ST_STATUS);
	reader_put(r, r->scr_lines - 1, 1 + x, r->cols - 2 - x, status,
	    strlen(status), ST_STATUS);
}

bool
help_key(struct reader *r, enum action a)
{
	int h = r->scr_lines - 2 > 1 ? r->scr_lines - 2 : 1;

	switch (a) {
	case ACT_HELP_DOWN:
		r->help_top++;
		return true;
	case ACT_HELP_UP:
		if (r->help_top > 0)
			r->help_top--;
		return true;
	case ACT_HELP_PAGE_DOWN:
		r->help_top += (size_t)h;
		return true;
	case ACT_HELP_PAGE_UP:
		r->help_top = r->help_top > (size_t)h ?
		    r->help_top - (size_t)h : 0;
		return true;
	case ACT_HELP_CLOSE:
		r->mode = MODE_NORMAL;
		return true;
	default:
		return false;
	}
}
