/*
 * pane-sidebar.c: the actors, grouped under their country or
 * organisation, each with a short role and its number of quotes.
 *
 * Rows are built once from the annotation (pane_sidebar_init): a heading
 * per country or organisation (itself an actor when the annotation has
 * it as one, so it can be selected), the people, groups and anonymous
 * sources affiliated to it below, and "Others" for those without an
 * affiliation. Groups whose members speak come first, then by first
 * mention; members by first mention. Only rows with an actor can be
 * selected; r->sel always names one when there is any.
 *
 * Less noise: groups of people and anonymous sources that say nothing
 * ("Experts") are left out; an anonymous source placed "in" or "from" a
 * country goes under that country, and an organisation of a country that
 * speaks and has no members of its own ("Kazakhstan's Foreign Ministry")
 * goes under the country too, both named without the country. Countries
 * and organisations that are only mentioned are listed last, one row
 * each, under "Mentioned". A description too
 * long for its row keeps its end, where its head noun is ("government
 * official"), and a name without a role may use the role's columns.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curses.h>

#include "annotate.h"
#include "layout.h"
#include "nav.h"
#include "reader.h"
#include "sanitize.h"
#include "xmalloc.h"

#include "reader-internal.h"

struct sidebar_group {
	const char *label;
	int actor;		/* the country or organisation, or -1 */
	size_t first;		/* first mention of anyone in it */
	bool speaks;		/* someone in it has a quote */
	int *members;
	size_t nmembers;
};

static size_t
pane_sidebar_first(const struct annotation *ann, int a)
{
	size_t off = nav_first_mention(ann, a);

	return off;
}

static struct sidebar_group *
pane_sidebar_group(struct sidebar_group **gs, size_t *ng, const char *label)
{
	struct sidebar_group *g;
	size_t i;

	for (i = 0; i < *ng; i++)
		if (strcasecmp((*gs)[i].label, label) == 0)
			return &(*gs)[i];
	*gs = xreallocarray(*gs, *ng + 1, sizeof **gs);
	g = &(*gs)[(*ng)++];
	memset(g, 0, sizeof *g);
	g->label = label;
	g->actor = -1;
	g->first = (size_t)-1;
	return g;
}

static const struct annotation *sort_ann; /* for the qsort comparators */

static int
pane_sidebar_cmp_member(const void *a, const void *b)
{
	size_t fa = pane_sidebar_first(sort_ann, *(const int *)a);
	size_t fb = pane_sidebar_first(sort_ann, *(const int *)b);

	return fa < fb ? -1 : fa > fb;
}

/* Groups whose members speak, then groups with members, then the
 * country or organisation that is only mentioned. */
static int
pane_sidebar_rank(const struct sidebar_group *g)
{
	return g->speaks ? 0 : g->nmembers > 0 ? 1 : 2;
}

static int
pane_sidebar_cmp_group(const void *a, const void *b)
{
	const struct sidebar_group *ga = a, *gb = b;
	int ra = pane_sidebar_rank(ga), rb = pane_sidebar_rank(gb);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	return ga->first < gb->first ? -1 : ga->first > gb->first;
}

static bool
pane_sidebar_is_group_kind(enum actor_kind k)
{
	return k == ACTOR_COUNTRY || k == ACTOR_ORGANIZATION;
}

/* Groups of people and anonymous sources are only worth a row when they
 * speak. */
static bool
pane_sidebar_shown(const struct annotation *ann, int a)
{
	enum actor_kind k = ann->actors[a].kind;

	return (k != ACTOR_GROUP && k != ACTOR_ANONYMOUS) ||
	    nav_speaker_count(ann, a) > 0;
}

/* The country or organisation actor called name, or -1. */
static int
pane_sidebar_find_group(const struct annotation *ann, const char *name,
    size_t n)
{
	size_t a;

	for (a = 0; a < ann->nactors; a++)
		if (pane_sidebar_is_group_kind(ann->actors[a].kind) &&
		    strlen(ann->actors[a].name) == n &&
		    strncasecmp(ann->actors[a].name, name, n) == 0)
			return (int)a;
	return -1;
}

/*
 * The length of name without a trailing " in GROUP" (or from, of, at)
 * that names a country or organisation actor, whose index goes to *g;
 * strlen(name) and -1 when there is none.
 */
static size_t
pane_sidebar_place_suffix(const struct annotation *ann, const char *name,
    int *g)
{
	static const char *const preps[] = { " in ", " from ", " of ",
		" at " };
	size_t n = strlen(name), i;
	const char *p;

	*g = -1;
	for (i = 0; i < sizeof preps / sizeof preps[0]; i++) {
		/* The last one: "official of a ministry in Kyrgyzstan". */
		for (p = strstr(name, preps[i]); p != NULL;
		    p = strstr(p + 1, preps[i])) {
			const char *grp = p + strlen(preps[i]);
			int k = pane_sidebar_find_group(ann, grp, strlen(grp));

			if (k >= 0 && p > name) {
				*g = k;
				return (size_t)(p - name);
			}
		}
	}
	return n;
}

/*
 * An organisation shown under its country: it speaks, it has a country
 * (an actor other than itself) and no actor has it as affiliation. (One
 * that says nothing stays with those only mentioned.)
 */
static bool
pane_sidebar_nested(const struct annotation *ann, int a)
{
	const struct actor *ac = &ann->actors[a];
	size_t b;
	int g;

	if (ac->kind != ACTOR_ORGANIZATION || ac->affiliation == NULL ||
	    nav_speaker_count(ann, a) == 0)
		return false;
	g = pane_sidebar_find_group(ann, ac->affiliation,
	    strlen(ac->affiliation));
	if (g < 0 || g == a || ann->actors[g].kind != ACTOR_COUNTRY)
		return false;
	for (b = 0; b < ann->nactors; b++)
		if ((int)b != a && ann->actors[b].affiliation != NULL &&
		    strcasecmp(ann->actors[b].affiliation, ac->name) == 0)
			return false;
	return true;
}

/*
 * Where actor a goes: its affiliation, the country its description ends
 * with, else "Others". *label and *len: how to name it under that
 * heading (without the heading's name where it repeats it).
 */
static const char *
pane_sidebar_place(const struct annotation *ann, int a, const char **label,
    size_t *len)
{
	const struct actor *ac = &ann->actors[a];
	const char *aff = ac->affiliation, *name;
	size_t n;
	int g;

	*label = name = ac->kind == ACTOR_PERSON ?
	    pane_sidebar_short_name(ann, a) : ac->name;
	*len = strlen(name);
	if (ac->kind == ACTOR_PERSON)
		return aff != NULL ? aff : "Others";
	n = pane_sidebar_place_suffix(ann, name, &g);
	if (aff == NULL && g >= 0)
		aff = ann->actors[g].name;
	if (aff == NULL)
		return "Others";
	if (g >= 0 && strcasecmp(ann->actors[g].name, aff) == 0)
		*len = n;
	/* "Kazakhstan's Foreign Ministry" under Kazakhstan. */
	n = strlen(aff);
	if (strncasecmp(name, aff, n) == 0) {
		const char *rest = name + n;

		if (strncmp(rest, "'s ", 3) == 0 && rest[3] != '\0')
			rest += 3;
		else if (strncmp(rest, "\xe2\x80\x99s ", 5) == 0 &&
		    rest[5] != '\0')
			rest += 5;
		else if (rest[0] == ' ' && rest[1] != '\0')
			rest += 1; /* "United Kingdom Home Office" */
		if (rest != name + n && (size_t)(rest - name) < *len) {
			*len -= (size_t)(rest - name);
			*label = rest;
		}
	}
	return aff;
}

void
pane_sidebar_init(struct reader *r)
{
	const struct annotation *ann = r->ann;
	struct sidebar_group *gs = NULL, *g;
	size_t ng = 0, i, j, n = 0, f;
	int a;

	/* Countries and organisations are groups of their own. */
	for (a = 0; (size_t)a < ann->nactors; a++)
		if (pane_sidebar_is_group_kind(ann->actors[a].kind) &&
		    !pane_sidebar_nested(ann, a)) {
			g = pane_sidebar_group(&gs, &ng, ann->actors[a].name);
			if (g->actor < 0)
				g->actor = a;
		}
	for (a = 0; (size_t)a < ann->nactors; a++) {
		const char *place, *label;
		size_t len;

		if ((pane_sidebar_is_group_kind(ann->actors[a].kind) &&
		    !pane_sidebar_nested(ann, a)) ||
		    !pane_sidebar_shown(ann, a))
			continue;
		place = pane_sidebar_place(ann, a, &label, &len);
		g = pane_sidebar_group(&gs, &ng, place);
		g->members = xreallocarray(g->members, g->nmembers + 1,
		    sizeof *g->members);
		g->members[g->nmembers++] = a;
	}
	for (i = 0; i < ng; i++) {
		g = &gs[i];
		if (g->actor >= 0) {
			g->first = pane_sidebar_first(ann, g->actor);
			g->speaks = nav_speaker_count(ann, g->actor) > 0;
		}
		for (j = 0; j < g->nmembers; j++) {
			f = pane_sidebar_first(ann, g->members[j]);
			if (f < g->first)
				g->first = f;
			if (nav_speaker_count(ann, g->members[j]) > 0)
				g->speaks = true;
		}
		/* "Others" goes last among its kind. */
		if (g->actor < 0 && strcmp(g->label, "Others") == 0)
			g->first = (size_t)-1;
		n += 1 + g->nmembers;
	}
	sort_ann = ann;
	if (ng > 1)
		qsort(gs, ng, sizeof *gs, pane_sidebar_cmp_group);
	/* One more row: the heading of those only mentioned. */
	r->rows = xcalloc(n + 2, sizeof *r->rows);
	r->nrows = 0;
	for (i = 0; i < ng; i++) {
		struct sidebar_row *row;

		g = &gs[i];
		if (pane_sidebar_rank(g) == 2 && g->actor >= 0) {
			/* Listed under "Mentioned", one row each. */
			if (i == 0 || pane_sidebar_rank(&gs[i - 1]) != 2 ||
			    gs[i - 1].actor < 0) {
				row = &r->rows[r->nrows++];
				row->actor = -1;
				row->heading = true;
				row->label = "Mentioned";
				row->labellen = strlen(row->label);
				row->first = g->first;
			}
			row = &r->rows[r->nrows++];
			row->actor = g->actor;
			row->heading = false;
			row->label = g->label;
			row->labellen = strlen(g->label);
			row->first = g->first;
			row->quotes = 0;
			continue;
		}
		if (g->nmembers > 1)
			qsort(g->members, g->nmembers, sizeof *g->members,
			    pane_sidebar_cmp_member);
		row = &r->rows[r->nrows++];
		row->actor = g->actor;
		row->heading = true;
		row->label = g->label;
		row->labellen = strlen(g->label);
		row->first = g->first;
		row->quotes = g->actor >= 0 ?
		    nav_speaker_count(ann, g->actor) : 0;
		for (j = 0; j < g->nmembers; j++) {
			row = &r->rows[r->nrows++];
			row->actor = g->members[j];
			row->heading = false;
			(void)pane_sidebar_place(ann, g->members[j],
			    &row->label, &row->labellen);
			row->first = pane_sidebar_first(ann, g->members[j]);
			row->quotes = nav_speaker_count(ann, g->members[j]);
		}
		free(g->members);
	}
	free(gs);
	/* Select the first actor. */
	r->sel = 0;
	for (i = 0; i < r->nrows; i++)
		if (r->rows[i].actor >= 0) {
			r->sel = i;
			break;
		}
	r->sb_top = 0;
}

void
pane_sidebar_free(struct reader *r)
{
	free(r->rows);
	r->rows = NULL;
	r->nrows = 0;
}

/*
 * A person by surname, or by the first word of the name when the article
 * calls them by it ("Xi" for "Xi Jinping"); others by their whole name.
 */
const char *
pane_sidebar_short_name(const struct annotation *ann, int actor)
{
	const struct actor *a = &ann->actors[actor];
	const char *sp;
	size_t k, first;

	if (a->kind != ACTOR_PERSON || (sp = strrchr(a->name, ' ')) == NULL ||
	    sp[1] == '\0')
		return a->name;
	first = strcspn(a->name, " ");
	for (k = 0; k < a->naliases; k++)
		if (strlen(a->aliases[k]) == first &&
		    strncmp(a->aliases[k], a->name, first) == 0)
			return a->aliases[k];
	return sp + 1;
}

int
pane_sidebar_selected_actor(const struct reader *r)
{
	if (r->sel < r->nrows)
		return r->rows[r->sel].actor;
	return -1;
}

void
pane_sidebar_select_actor(struct reader *r, int actor)
{
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (r->rows[i].actor == actor) {
			r->sel = i;
			return;
		}
}

/*
 * The role to show in w columns: whole when it fits, else its head noun:
 * the last word before "of", "at", "for"... ("professor of Eurasian
 * studies" -> "professor"), else its last word ("Foreign Ministry
 * spokesman" -> "spokesman").
 */
static const char *
pane_sidebar_role(const char *role, int w, char *buf, size_t size)
{
	static const char *preps[] = { " of ", " at ", " for ", " on ",
		" in ", " with ", " to ", " and ", ", " };
	const char *sp, *cut = NULL, *p;
	size_t i, n;

	if (role == NULL)
		return "";
	if (sanitize_width(role, strlen(role)) <= w)
		return role;
	for (i = 0; i < sizeof preps / sizeof preps[0]; i++)
		if ((p = strstr(role, preps[i])) != NULL &&
		    (cut == NULL || p < cut))
			cut = p;
	n = cut != NULL ? (size_t)(cut - role) : strlen(role);
	if (n >= size)
		n = size - 1;
	memcpy(buf, role, n);
	buf[n] = '\0';
	if (sanitize_width(buf, n) <= w)
		return buf;
	if ((sp = strrchr(buf, ' ')) != NULL && sp[1] != '\0')
		return sp + 1;
	return buf;
}

/*
 * The part of a description (a group of people, an anonymous source) to
 * show in w columns: whole when it fits, else up to its first
 * preposition or comma, else without its first words, for the head noun
 * comes last ("senior government official" -> "government official").
 * Sets *n to the bytes to show from the pointer returned.
 */
const char *
pane_sidebar_fit(const char *s, size_t len, int w, size_t *n)
{
	static const char *const preps[] = { " of ", " at ", " for ", " on ",
		" in ", " with ", " to ", " from ", " who ", " that ", ", " };
	const char *p, *end = s + len;
	size_t i;

	*n = len;
	if (sanitize_width(s, len) <= w)
		return s;
	for (i = 0; i < sizeof preps / sizeof preps[0]; i++)
		if ((p = strstr(s, preps[i])) != NULL && p > s && p < end)
			end = p;
	while (sanitize_width(s, (size_t)(end - s)) > w &&
	    (p = memchr(s, ' ', (size_t)(end - s))) != NULL && p + 1 < end)
		s = p + 1;
	*n = (size_t)(end - s);
	return s;
}

/*
 * One row. Columns, from the line at sb_x: a blank, then for a heading
 * its name; for an actor a blank (or the ">" mark), the short name
 * padded to namew, the role; the quote count at the right, before one
 * blank column. A name longer than namew takes what it needs of the
 * role's columns (the role follows it, if 4 columns are left), all of
 * them when there is no role.
 */
static void
pane_sidebar_draw_row(struct reader *r, int ry, size_t i, int namew)
{
	const struct annotation *ann = r->ann;
	const struct sidebar_row *row = &r->rows[i];
	bool sel = i == r->sel && row->actor >= 0;
	bool focus = sel && r->focus == FOCUS_SIDEBAR;
	enum style nst = !sel ? (row->heading ? ST_GROUP : ST_ACTOR) :
	    focus ? ST_SELECTED_FOCUS : ST_SELECTED;
	int x0 = r->sb_x + 1, w = r->sb_w - 1, numx, numw, namex, rolex, nw;
	int lw, room;
	size_t cnt = row->quotes, n = row->labellen;
	char num[24] = "", rb[128];
	const char *role = NULL, *label = row->label;
	enum actor_kind kind;

	if (cnt > 0)
		snprintf(num, sizeof num, "%zu", cnt);
	numw = (int)strlen(num);
	numx = x0 + w - 1 - numw;
	if (focus) {
		attrset(colours_attr(nst));
		mvhline(ry, x0, ' ', w);
	}
	if (sel) {
		/* The mark stands just before the name. */
		attrset(colours_attr(nst));
		mvaddstr(ry, row->heading ? x0 : x0 + 1, ">");
	}
	if (row->heading) {
		reader_put(r, ry, x0 + 1, numx - 1 - (x0 + 1), label, n, nst);
		goto count;
	}
	namex = x0 + 2;
	room = numx - 1 - namex;
	kind = ann->actors[row->actor].kind;
	if (kind == ACTOR_GROUP || kind == ACTOR_ANONYMOUS)
		label = pane_sidebar_fit(label, n, room, &n);
	if (ann->actors[row->actor].role != NULL &&
	    ann->actors[row->actor].role[0] != '\0')
		role = ann->actors[row->actor].role;
	lw = sanitize_width(label, n);
	nw = namew;
	if (role == NULL || lw > namew)
		nw = role == NULL ? room : lw;
	if (nw > room)
		nw = room;
	reader_put(r, ry, namex, nw, label, n, nst);
	rolex = namex + nw + 1;
	if (role != NULL && numx - 1 - rolex >= 4) {
		role = pane_sidebar_role(role, numx - 1 - rolex, rb,
		    sizeof rb);
		reader_put(r, ry, rolex, numx - 1 - rolex, role,
		    strlen(role), focus ? nst : ST_ROLE);
	}
count:
	if (numw > 0)
		reader_put(r, ry, numx, numw, num, (size_t)numw,
		    focus ? nst : ST_COUNT);
}

void
pane_sidebar_draw(struct reader *r)
{
	const char *vline = r->utf8 ? "\xe2\x94\x82" : "|";
	size_t i, h = (size_t)r->pane_h;
	int y, w = r->sb_w - 1, namew = 0, lw;

	if (r->sel < r->sb_top)
		r->sb_top = r->sel;
	if (r->sel >= r->sb_top + h)
		r->sb_top = r->sel - h + 1;
	/* Keep the heading of the selected actor in view when it fits. */
	if (r->sb_top > 0 && r->sb_top == r->sel && !r->rows[r->sel].heading)
		r->sb_top--;
	/* People's names get a column as wide as the longest, within
	 * reason; descriptions of groups and sources do not set it. */
	for (i = 0; i < r->nrows; i++)
		if (!r->rows[i].heading &&
		    r->ann->actors[r->rows[i].actor].kind == ACTOR_PERSON) {
			lw = sanitize_width(r->rows[i].label,
			    r->rows[i].labellen);
			if (lw > namew)
				namew = lw;
		}
	if (namew > 10 + (w > 30 ? (w - 30) / 2 : 0))
		namew = 10 + (w > 30 ? (w - 30) / 2 : 0);
	for (y = 0; y < r->pane_h; y++) {
		int ry = r->pane_y + y;

		if (r->overlay) {
			attrset(A_NORMAL);
			mvhline(ry, r->sb_x, ' ', r->sb_w);
		}
		attrset(colours_attr(ST_BORDER));
		mvaddstr(ry, r->sb_x, vline);
		i = r->sb_top + (size_t)y;
		if (i < r->nrows)
			pane_sidebar_draw_row(r, ry, i, namew);
		else if (y == 0 && r->nrows == 0)
			reader_put(r, ry, r->sb_x + 2, w - 2, r->deferred ?
			    "reading..." : "nobody found",
			    r->deferred ? 10 : 12, ST_ROLE);
	}
}

static void
pane_sidebar_step(struct reader *r, long count, int dir)
{
	size_t i = r->sel, j;
	bool found;

	if (count < 1)
		count = 1;
	while (count-- > 0) {
		found = false;
		for (j = i; dir > 0 ? j + 1 < r->nrows : j > 0;) {
			j = dir > 0 ? j + 1 : j - 1;
			if (r->rows[j].actor >= 0) {
				found = true;
				break;
			}
		}
		if (!found)
			break;
		i = j;
	}
	r->sel = i;
}

/* Enter: the selected actor's first quote, else its first mention. */
static void
pane_sidebar_jump(struct reader *r)
{
	int a = pane_sidebar_selected_actor(r);
	size_t q, off;

	if (a < 0)
		return;
	if ((q = nav_first_quote(r->ann, a)) != NAV_NONE)
		reader_jump_to_quote(r, q);
	else if ((off = nav_first_mention(r->ann, a)) != (size_t)-1) {
		reader_jump_to_offset(r, off, true);
		/* Show the mention as a search match would be shown. */
		if (r->ann->actors[a].nmentions > 0) {
			r->has_match = true;
			r->match_start = off;
			r->match_end = r->ann->actors[a].mentions[0].end;
		}
		reader_message(r, false, "%s: no quotes; first mention",
		    pane_sidebar_short_name(r->ann, a));
	}
	if (r->overlay) {
		r->sb_open = false;
		r->focus = FOCUS_ARTICLE;
		reader_geometry(r);
	}
}

bool
pane_sidebar_key(struct reader *r, enum action a, long count)
{
	size_t i;

	switch (a) {
	case ACT_SELECT_DOWN:
		pane_sidebar_step(r, count, 1);
		return true;
	case ACT_SELECT_UP:
		pane_sidebar_step(r, count, -1);
		return true;
	case ACT_SELECT_FIRST:
		for (i = 0; i < r->nrows; i++)
			if (r->rows[i].actor >= 0) {
				r->sel = i;
				break;
			}
		return true;
	case ACT_SELECT_LAST:
		for (i = r->nrows; i-- > 0;)
			if (r->rows[i].actor >= 0) {
				r->sel = i;
				break;
			}
		return true;
	case ACT_SELECT_JUMP:
		pane_sidebar_jump(r);
		return true;
	default:
		return false;
	}
}
