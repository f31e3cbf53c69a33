/*
 * pane-status.c: the two bottom lines. The detail strip tells about the
 * current quote (speaker, role, cue) or, with the sidebar focused, the
 * selected actor (role, affiliation, position). The status line reads
 * "quote 3/20 · Pantucci 1/2 · 41%" with key hints on the right, or shows
 * a message, or the search prompt being typed.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <curses.h>
#include <unistr.h>

#include "annotate.h"
#include "layout.h"
#include "nav.h"
#include "reader.h"
#include "sanitize.h"

#include "reader-internal.h"

/* Append s and a separator to buf (size n), if s is not NULL. */
static void
pane_status_add(const struct reader *r, char *buf, size_t n, const char *s)
{
	size_t len = strlen(buf);

	if (s == NULL || *s == '\0')
		return;
	snprintf(buf + len, n - len, "%s%s", len > 0 ? reader_dot(r) : "", s);
}

static void
pane_status_detail(struct reader *r, int y)
{
	const struct annotation *ann = r->ann;
	const struct actor *a = NULL;
	const struct quote *q = NULL;
	char rest[1024] = "";
	const char *name = NULL;
	int x = 1, w = r->cols - 2, sel;
	char words[64];

	sel = pane_sidebar_selected_actor(r);
	if (r->cur != NAV_NONE && r->focus == FOCUS_ARTICLE) {
		q = &ann->quotes[r->cur];
		if (q->speaker >= 0)
			a = &ann->actors[q->speaker];
		name = a != NULL ? a->name : "speaker unknown";
		if (a != NULL)
			pane_status_add(r, rest, sizeof rest, a->role);
		pane_status_add(r, rest, sizeof rest, q->cue);
	} else if (r->focus == FOCUS_SIDEBAR && sel >= 0) {
		a = &ann->actors[sel];
		name = a->name;
		pane_status_add(r, rest, sizeof rest, a->role);
		pane_status_add(r, rest, sizeof rest, a->affiliation);
		pane_status_add(r, rest, sizeof rest, a->position);
	} else {
		name = ann->byline;
		pane_status_add(r, rest, sizeof rest, ann->dateline);
		snprintf(words, sizeof words, "%zu words", ann->words);
		if (ann->words > 0)
			pane_status_add(r, rest, sizeof rest, words);
	}
	if (name != NULL) {
		x += reader_put(r, y, x, w, name, strlen(name),
		    ST_DETAIL_NAME);
		if (rest[0] != '\0' && x < w) {
			const char *dot = reader_dot(r);

			x += reader_put(r, y, x, w - x + 1, dot, strlen(dot),
			    ST_DETAIL);
		}
	}
	if (x < w + 1)
		reader_put(r, y, x, w - x + 1, rest, strlen(rest), ST_DETAIL);
}

/*
 * A speaker's name for the status line, shortened to STATUS_NAME_MAX
 * columns so the ranks and percentage stay: a description by its head
 * ("government official"), a name cut with an ellipsis.
 */
#define STATUS_NAME_MAX 20
static void
pane_status_name(const struct reader *r, int actor, const char *s,
    char *buf, size_t size)
{
	struct glyph g;
	size_t pos = 0, len = strlen(s), out = 0, n;
	enum actor_kind k = actor >= 0 ? r->ann->actors[actor].kind :
	    ACTOR_ANONYMOUS;
	int col = 0;

	if (k == ACTOR_GROUP || k == ACTOR_ANONYMOUS) {
		s = pane_sidebar_fit(s, len, STATUS_NAME_MAX, &n);
		len = n;
	}
	if (sanitize_width(s, len) <= STATUS_NAME_MAX) {
		snprintf(buf, size, "%.*s", (int)len, s);
		return;
	}
	while (pos < len) {
		size_t at = pos;

		sanitize_glyph(s, len, &pos, col, &g);
		if (col + g.width > STATUS_NAME_MAX - 1 || out + (pos - at) +
		    4 >= size)
			break;
		memcpy(buf + out, s + at, pos - at);
		out += pos - at;
		col += g.width;
	}
	snprintf(buf + out, size - out, "%s", reader_ellipsis(r));
}

static void
pane_status_line(struct reader *r, int y)
{
	const struct annotation *ann = r->ann;
	char left[512], right[64], tmp[192], name[128];
	size_t k, n, sk, sn, bottom;
	unsigned pct;
	int rw;
	struct layout_line ln;

	attrset(colours_attr(ST_STATUS));
	mvhline(y, 0, ' ', r->cols);
	if (r->mode == MODE_PROMPT) {
		left[0] = r->prompt_char;
		left[1] = '\0';
		reader_put(r, y, 0, 1, left, 1, ST_STATUS);
		rw = sanitize_width(r->prompt, r->prompt_len);
		/* Show the end of a long pattern. */
		{
			size_t off = 0;

			while (rw > r->cols - 2 && off < r->prompt_len) {
				struct glyph g;

				sanitize_glyph(r->prompt, r->prompt_len, &off,
				    0, &g);
				rw -= g.width;
			}
			reader_put(r, y, 1, r->cols - 2, r->prompt + off,
			    r->prompt_len - off, ST_STATUS);
			move(y, 1 + rw);
		}
		return;
	}
	if (r->message[0] != '\0') {
		reader_put(r, y, 0, r->cols, r->message, strlen(r->message),
		    r->message_error ? ST_MESSAGE : ST_STATUS);
		return;
	}
	bottom = reader_bottom_offset(r);
	pct = r->len == 0 ? 100 : (unsigned)(bottom * 100 / r->len);
	if (!layout_get(r->lo, r->top + (size_t)r->pane_h, &ln))
		pct = 100;
	nav_quote_rank(ann, r->cur, &k, &n);
	if (r->cur != NAV_NONE) {
		snprintf(left, sizeof left, "quote %zu/%zu", k, n);
		nav_speaker_rank(ann, r->cur, &sk, &sn);
		pane_status_name(r, ann->quotes[r->cur].speaker,
		    ann->quotes[r->cur].speaker >= 0 ?
		    pane_sidebar_short_name(ann, ann->quotes[r->cur].speaker) :
		    "unattributed", name, sizeof name);
		snprintf(tmp, sizeof tmp, "%s %zu/%zu", name, sk, sn);
		pane_status_add(r, left, sizeof left, tmp);
	} else
		snprintf(left, sizeof left, "%zu quote%s", n,
		    n == 1 ? "" : "s");
	snprintf(tmp, sizeof tmp, "%u%%", pct);
	pane_status_add(r, left, sizeof left, tmp);
	if (r->count > 0) {
		snprintf(tmp, sizeof tmp, "%ld", r->count);
		pane_status_add(r, left, sizeof left, tmp);
	}
	if (r->focus == FOCUS_SIDEBAR)
		snprintf(right, sizeof right, "Enter jump  Tab back  h help");
	else
		snprintf(right, sizeof right, "] quote  h help  q quit");
	rw = (int)strlen(right);
	reader_put(r, y, 1, r->cols - 2, left, strlen(left), ST_STATUS);
	if (r->cols - rw - 1 > sanitize_width(left, strlen(left)) + 3)
		reader_put(r, y, r->cols - rw - 1, rw, right, strlen(right),
		    ST_STATUS);
}

void
pane_status_draw(struct reader *r)
{
	pane_status_detail(r, r->pane_y + r->pane_h);
	pane_status_line(r, r->scr_lines - 1);
}

/* Keys while a search pattern is typed. */
bool
pane_status_key(struct reader *r, enum action a, int key)
{
	uint8_t buf[8];
	int n;

	switch (a) {
	case ACT_PROMPT_ACCEPT:
		reader_search_accept(r);
		return true;
	case ACT_PROMPT_CANCEL:
		r->mode = MODE_NORMAL;
		return true;
	case ACT_PROMPT_KILL:
		r->prompt_len = 0;
		r->prompt[0] = '\0';
		return true;
	case ACT_PROMPT_ERASE:
		if (r->prompt_len == 0) {
			/* As in less: erasing past the start cancels. */
			r->mode = MODE_NORMAL;
			return true;
		}
		do
			r->prompt_len--;
		while (r->prompt_len > 0 &&
		    ((unsigned char)r->prompt[r->prompt_len] & 0xc0) == 0x80);
		r->prompt[r->prompt_len] = '\0';
		return true;
	default:
		break;
	}
	if (KEYS_IS_FN(key) || key < 32 || key == 127 || key > 0x10ffff)
		return false;
	if ((n = u8_uctomb(buf, (ucs4_t)key, sizeof buf)) <= 0)
		return false;
	if (r->prompt_len + (size_t)n >= sizeof r->prompt)
		return true;
	memcpy(r->prompt + r->prompt_len, buf, (size_t)n);
	r->prompt_len += (size_t)n;
	r->prompt[r->prompt_len] = '\0';
	return true;
}
