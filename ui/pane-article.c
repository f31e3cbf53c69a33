/*
 * pane-article.c: the article pane: the laid-out text with its blocks
 * styled (title, headings, captions, byline), speech quotes marked, the
 * current quote and the current search match highlighted; and the keys
 * that scroll it.
 *
 * Every character goes through sanitize_glyph(), so nothing from the
 * article reaches the terminal as a control sequence. The pane draws only
 * the lines on screen: the layout is computed lazily as far as they go.
 */
#include "config.h"

#include <string.h>

#include <curses.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "layout.h"
#include "nav.h"
#include "reader.h"
#include "sanitize.h"

#include "reader-internal.h"

void
pane_article_init(struct reader *r)
{
	r->lo = layout_new(r->in->art, r->bl, 1);
	r->top = 0;
	r->anchor = 0;
}

/* The article's title (annotation, else the title block, else its name). */
const char *
pane_article_title(struct reader *r, size_t *n)
{
	const char *t;
	size_t i;

	if (r->ann->title != NULL) {
		*n = strlen(r->ann->title);
		return r->ann->title;
	}
	for (i = 0; i < r->bl->n; i++)
		if (r->bl->v[i].kind == BLOCK_TITLE) {
			*n = r->bl->v[i].end - r->bl->v[i].start;
			return r->text + r->bl->v[i].start;
		}
	t = article_name(r->in->art);
	if (strrchr(t, '/') != NULL && strrchr(t, '/')[1] != '\0')
		t = strrchr(t, '/') + 1;
	*n = strlen(t);
	return t;
}

static enum style
pane_article_block_style(enum block_kind k)
{
	switch (k) {
	case BLOCK_TITLE:
		return ST_TITLE;
	case BLOCK_HEADING:
		return ST_HEADING;
	case BLOCK_CAPTION:
		return ST_CAPTION;
	case BLOCK_BYLINE:
	case BLOCK_BIO:
		return ST_BYLINE;
	default:
		return ST_TEXT;
	}
}

/* The byte length of the quotation mark ending just before off, or 0. */
static size_t
pane_article_mark_before(const char *t, size_t off)
{
	static const char *marks[] = { "\xe2\x80\x9c", "\xe2\x80\x9d",
		"\xe2\x80\x98", "\xe2\x80\x99", "\xc2\xab", "\xc2\xbb",
		"\xe2\x80\x9e", "\"", "'" };
	size_t i, n;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		n = strlen(marks[i]);
		if (off >= n && memcmp(t + off - n, marks[i], n) == 0)
			return n;
	}
	return 0;
}

static size_t
pane_article_mark_after(const char *t, size_t len, size_t off)
{
	static const char *marks[] = { "\xe2\x80\x9d", "\xe2\x80\x9c",
		"\xe2\x80\x99", "\xc2\xbb", "\xc2\xab", "\"", "'" };
	size_t i, n;

	for (i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		n = strlen(marks[i]);
		if (off + n <= len && memcmp(t + off, marks[i], n) == 0)
			return n;
	}
	return 0;
}

void
pane_article_draw(struct reader *r)
{
	const struct annotation *ann = r->ann;
	struct layout_line ln;
	struct glyph g;
	size_t qi = 0, hs = 0, he = 0, pos;
	size_t ms[64], me[64], nm = 0, mi = 0, from, lim;
	int y, col, w = r->art_w - 2, x0 = r->art_x + 1;
	bool first = true;
	enum style base, st;

	/* The other matches of the search on screen, in order. */
	if (r->has_match && r->plen > 0 && layout_get(r->lo, r->top, &ln)) {
		from = ln.start;
		lim = reader_bottom_offset(r);
		while (nm < 64 && nav_search_before(r->text, r->len, r->bl,
		    r->pattern, r->plen, from, lim, &ms[nm], &me[nm]))
			from = ms[nm++] + 1;
	}
	if (r->cur != NAV_NONE) {
		/* The current quote is highlighted with its marks. */
		hs = ann->quotes[r->cur].span.start;
		he = ann->quotes[r->cur].span.end;
		hs -= pane_article_mark_before(r->text, hs);
		he += pane_article_mark_after(r->text, r->len, he);
	}
	for (y = 0; y < r->pane_h; y++) {
		if (!layout_get(r->lo, r->top + (size_t)y, &ln))
			break;
		if (ln.block == LAYOUT_NO_BLOCK || ln.block >= r->bl->n)
			continue;
		if (first) {
			qi = nav_quote_from(ann, ln.start);
			first = false;
		}
		base = pane_article_block_style(r->bl->v[ln.block].kind);
		move(r->pane_y + y, x0);
		for (pos = ln.start, col = 0; pos < ln.end && col < w;) {
			sanitize_glyph(r->text, r->len, &pos, col, &g);
			if (col + g.width > w)
				break;
			while (qi < ann->nquotes &&
			    ann->quotes[qi].span.end <= g.off)
				qi++;
			st = base;
			if (qi < ann->nquotes &&
			    ann->quotes[qi].span.start <= g.off &&
			    nav_is_speech(&ann->quotes[qi]))
				st = ST_QUOTE;
			if (g.off >= hs && g.off < he)
				st = ST_QUOTE_CUR;
			while (mi < nm && me[mi] <= g.off)
				mi++;
			if (mi < nm && ms[mi] <= g.off)
				st = ST_MATCH_OTHER;
			if (r->has_match && g.off >= r->match_start &&
			    g.off < r->match_end)
				st = ST_MATCH;
			attrset(colours_attr(st));
			if (r->utf8 || (unsigned char)g.show[0] < 0x80)
				addstr(g.show);
			else {
				int i;

				attrset(colours_attr(ST_PLACEHOLDER));
				for (i = 0; i < g.width; i++)
					addch('?');
			}
			col += g.width;
		}
	}
}

/* Lines of a page: the whole pane, as in less. */
static long
pane_article_page(const struct reader *r)
{
	return r->pane_h;
}

bool
pane_article_key(struct reader *r, enum action a, long count)
{
	size_t n;

	switch (a) {
	case ACT_DOWN:
		reader_scroll(r, count > 0 ? count : 1);
		return true;
	case ACT_UP:
		reader_scroll(r, -(count > 0 ? count : 1));
		return true;
	case ACT_PAGE_DOWN:
		reader_scroll(r, count > 0 ? count : pane_article_page(r));
		return true;
	case ACT_PAGE_UP:
		reader_scroll(r, -(count > 0 ? count : pane_article_page(r)));
		return true;
	case ACT_HALF_DOWN:
		reader_scroll(r, count > 0 ? count : (r->pane_h + 1) / 2);
		return true;
	case ACT_HALF_UP:
		reader_scroll(r, -(count > 0 ? count : (r->pane_h + 1) / 2));
		return true;
	case ACT_TOP:
	case ACT_BOTTOM:
		r->back = r->anchor;
		r->has_back = true;
		if (count > 0)
			reader_set_top(r, (size_t)count - 1);
		else if (a == ACT_TOP)
			reader_set_top(r, 0);
		else {
			n = layout_nlines(r->lo);
			reader_set_top(r, n > (size_t)r->pane_h ?
			    n - (size_t)r->pane_h : 0);
		}
		return true;
	default:
		return false;
	}
}
