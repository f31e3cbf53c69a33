/*
 * reader.c: the interactive reader: terminal set-up and restore, the
 * input loop, key dispatch and the movements that cross panes (quote
 * jumps, search, marks, copy).
 *
 * Terminal discipline (made for SSH):
 * - nothing is asked of the terminal at start-up: colours and size come
 *   from terminfo and the tty driver;
 * - while idle the process sleeps in ppoll() with no timeout; SIGINT,
 *   SIGTERM, SIGHUP and SIGWINCH are blocked except inside that ppoll,
 *   so their handlers only set flags and no signal is lost or races;
 * - every key that has arrived is handled before the screen is redrawn,
 *   and each redraw rebuilds the screen from state while curses sends
 *   only the cells that changed;
 * - every way out (quit, signal, out of memory) goes through endwin()
 *   before anything is printed;
 * - while the analysis deferred past the first screen runs (seconds on a
 *   huge article, when no key is read), SIGINT, SIGTERM and SIGHUP are
 *   let through to a handler that writes the terminal's reset strings
 *   (taken from terminfo beforehand), restores the tty modes and dies of
 *   the signal: Ctrl-C works even then.
 */
#include "config.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "index.h"
#include "layout.h"
#include "nav.h"
#include "reader.h"
#include "sanitize.h"
#include "xmalloc.h"

#include "reader-internal.h"

static volatile sig_atomic_t reader_signal; /* INT, TERM or HUP received */
static volatile sig_atomic_t reader_winch;  /* the window changed size */

static void
reader_on_signal(int sig)
{
	reader_signal = sig;
}

static void
reader_on_winch(int sig)
{
	(void)sig;
	reader_winch = 1;
}

/* For a signal while the deferred analysis runs (see above). */
static char reader_busy_reset[256];
static size_t reader_busy_len;
static struct termios reader_busy_tio;
static bool reader_busy_tio_ok;

static volatile sig_atomic_t reader_screen_up; /* between newterm and endwin */

void
reader_restore_now(void)
{
	ssize_t n;
	size_t off = 0;

	if (!reader_screen_up)
		return;
	reader_screen_up = 0;
	while (off < reader_busy_len) {
		n = write(STDOUT_FILENO, reader_busy_reset + off,
		    reader_busy_len - off);
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	if (reader_busy_tio_ok)
		tcsetattr(STDOUT_FILENO, TCSADRAIN, &reader_busy_tio);
}

/* Only async-signal-safe calls: write, tcsetattr, sigaction, raise. */
static void
reader_on_signal_busy(int sig)
{
	struct sigaction sa;

	reader_restore_now();
	/* Die of it once the handler returns and it is unblocked. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
	raise(sig);
}

/* Append terminfo capability cap to the reset strings, without padding
 * ("$<5>"). */
static void
reader_busy_add(const char *cap)
{
	const char *s = tigetstr(cap);

	if (s == NULL || s == (char *)-1)
		return;
	for (; *s != '\0'; s++) {
		if (s[0] == '$' && s[1] == '<' && strchr(s, '>') != NULL) {
			s = strchr(s, '>');
			continue;
		}
		if (reader_busy_len + 1 < sizeof reader_busy_reset)
			reader_busy_reset[reader_busy_len++] = *s;
	}
}

/* What endwin() would do, ready for a signal handler. */
static void
reader_busy_prepare(bool mouse)
{
	static const char mouse_off[] = "\033[?1006l\033[?1000l";

	reader_busy_len = 0;
	if (mouse && sizeof mouse_off < sizeof reader_busy_reset) {
		memcpy(reader_busy_reset, mouse_off, sizeof mouse_off - 1);
		reader_busy_len = sizeof mouse_off - 1;
	}
	reader_busy_add("sgr0");
	reader_busy_add("rmkx");
	reader_busy_add("rmcup");
	reader_busy_add("cnorm");
}

/* Out of memory: give the terminal back before xmalloc prints. */
static void
reader_fatal(void)
{
	if (!isendwin())
		endwin();
}

void
reader_message(struct reader *r, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->message, sizeof r->message, fmt, ap);
	va_end(ap);
	r->message_error = error;
}

const char *
reader_ellipsis(const struct reader *r)
{
	return r->utf8 ? "\xe2\x80\xa6" : "~";
}

const char *
reader_dot(const struct reader *r)
{
	return r->utf8 ? " \xc2\xb7 " : " - ";
}

/* Show one glyph at the cursor; outside UTF-8 only ASCII goes out. */
static void
reader_put_glyph(struct reader *r, const struct glyph *g, attr_t attr)
{
	const unsigned char *p = (const unsigned char *)g->show;
	int i;

	for (; *p != '\0'; p++)
		if (*p >= 0x80)
			break;
	if (*p == '\0' || r->utf8) {
		attrset(attr);
		addstr(g->show);
		return;
	}
	attrset(colours_attr(ST_PLACEHOLDER));
	for (i = 0; i < g->width; i++)
		addch('?');
}

int
reader_put(struct reader *r, int y, int x, int w, const char *s, size_t n,
    enum style st)
{
	struct glyph g;
	size_t pos = 0;
	int col = 0, total;
	attr_t attr = colours_attr(st);

	if (w <= 0 || s == NULL)
		return 0;
	total = sanitize_width(s, n);
	move(y, x);
	while (pos < n) {
		sanitize_glyph(s, n, &pos, col, &g);
		if (total > w && col + g.width > w - 1) {
			attrset(attr);
			addstr(reader_ellipsis(r));
			return col + 1;
		}
		if (col + g.width > w)
			break;
		reader_put_glyph(r, &g, attr);
		col += g.width;
	}
	return col;
}

/* ---- position ---------------------------------------------------------- */

void
reader_set_top(struct reader *r, size_t line)
{
	struct layout_line ln;
	size_t n, h = (size_t)r->pane_h;

	if (!layout_get(r->lo, line, &ln) ||
	    !layout_get(r->lo, line + h - 1, &ln)) {
		/* Keep the last page full, as less does. */
		n = layout_nlines(r->lo);
		if (line + h > n)
			line = n > h ? n - h : 0;
	}
	r->top = line;
	r->anchor = layout_get(r->lo, line, &ln) ? ln.start : 0;
}

void
reader_scroll(struct reader *r, long delta)
{
	if (delta < 0 && (size_t)-delta > r->top)
		reader_set_top(r, 0);
	else
		reader_set_top(r, r->top + (size_t)delta);
}

bool
reader_line_visible(struct reader *r, size_t off)
{
	size_t l = layout_line_of(r->lo, off, NULL);

	return l >= r->top && l < r->top + (size_t)r->pane_h;
}

/* The end of the last line on screen. */
size_t
reader_bottom_offset(struct reader *r)
{
	struct layout_line ln;
	size_t i = r->top + (size_t)r->pane_h;

	while (i-- > r->top)
		if (layout_get(r->lo, i, &ln))
			return ln.end;
	return 0;
}

/* Put off in the upper third of the pane; record where we came from. */
void
reader_jump_to_offset(struct reader *r, size_t off, bool record)
{
	size_t line = layout_line_of(r->lo, off, NULL);
	size_t third = (size_t)r->pane_h / 3;

	if (record) {
		r->back = r->anchor;
		r->has_back = true;
	}
	reader_set_top(r, line > third ? line - third : 0);
}

void
reader_jump_to_quote(struct reader *r, size_t q)
{
	const struct quote *qq = &r->ann->quotes[q];

	r->cur = q;
	reader_jump_to_offset(r, qq->span.start, true);
	if (qq->speaker >= 0)
		pane_sidebar_select_actor(r, qq->speaker);
}

/* ---- geometry ---------------------------------------------------------- */

void
reader_geometry(struct reader *r)
{
	size_t keep;
	int w;

	r->cols = COLS;
	r->scr_lines = LINES;
	r->pane_y = 1;
	r->pane_h = LINES - 3 > 1 ? LINES - 3 : 1;
	r->art_x = 0;
	r->overlay = COLS < READER_NARROW;
	r->sb_w = 0;
	if (!r->overlay) {
		if (r->sb_wide) {
			/* The sidebar takes 30% (at least READER_SB_MIN),
			 * and whatever the capped article leaves. */
			w = COLS * 3 / 10;
			if (w < READER_SB_MIN)
				w = READER_SB_MIN;
			r->art_w = COLS - w;
			if (r->art_w > READER_ART_MAX)
				r->art_w = READER_ART_MAX;
			r->sb_x = r->art_w;
			r->sb_w = COLS - r->sb_x;
		} else
			r->art_w = COLS < READER_ART_MAX ? COLS :
			    READER_ART_MAX;
	} else {
		r->art_w = COLS < READER_ART_MAX ? COLS : READER_ART_MAX;
		if (r->sb_open) {
			r->sb_w = COLS - 6 < READER_SB_OVERLAY ? COLS - 6 :
			    READER_SB_OVERLAY;
			/* COLS comes from curses.h, which cppcheck does not
			 * read: it takes the width for a constant */
			/* cppcheck-suppress knownConditionTrueFalse */
			if (r->sb_w < 16)
				r->sb_w = COLS;
			r->sb_x = COLS - r->sb_w;
		}
	}
	if (r->sb_w == 0 && r->focus == FOCUS_SIDEBAR)
		r->focus = FOCUS_ARTICLE;
	w = r->art_w - 2 > 1 ? r->art_w - 2 : 1;
	if (layout_width(r->lo) != w)
		layout_set_width(r->lo, w);
	/*
	 * The first visible byte stays on the first line. reader_set_top()
	 * moves the anchor to the start of its line: keep the byte itself,
	 * so that going through a narrow width and back does not drift,
	 * unless the last page had to be pulled up.
	 */
	keep = r->anchor;
	reader_set_top(r, layout_line_of(r->lo, keep, NULL));
	if (layout_line_of(r->lo, keep, NULL) == r->top)
		r->anchor = keep;
}

/* The window changed: take the new size from the tty driver. */
static void
reader_resize(struct reader *r)
{
	struct winsize ws;

	if (ioctl(r->outfd, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
	reader_geometry(r);
}

/* ---- actions that cross panes ------------------------------------------ */

/* The current quote when it is on screen, else NAV_NONE. */
static size_t
reader_visible_quote(struct reader *r)
{
	if (r->cur == NAV_NONE)
		return NAV_NONE;
	return reader_line_visible(r, r->ann->quotes[r->cur].span.start) ?
	    r->cur : NAV_NONE;
}

static void
reader_quote_step(struct reader *r, long count, bool forward)
{
	size_t q = reader_visible_quote(r), n;

	if (count < 1)
		count = 1;
	while (count-- > 0) {
		if (q != NAV_NONE)
			n = forward ? nav_next_quote(r->ann, NAV_ANY,
			    r->ann->quotes[q].span.start + 1) :
			    nav_prev_quote(r->ann, NAV_ANY,
			    r->ann->quotes[q].span.start);
		else
			n = forward ?
			    nav_next_quote(r->ann, NAV_ANY, r->anchor) :
			    nav_prev_quote(r->ann, NAV_ANY, r->anchor);
		if (n == NAV_NONE)
			break;
		q = n;
	}
	if (q == NAV_NONE || q == reader_visible_quote(r)) {
		reader_message(r, true, r->ann->nquotes == 0 ?
		    "this article has no quotes" : forward ?
		    "no more quotes below" : "no more quotes above");
		return;
	}
	reader_jump_to_quote(r, q);
}

static void
reader_quote_next(struct reader *r, long count)
{
	reader_quote_step(r, count, true);
}

static void
reader_quote_prev(struct reader *r, long count)
{
	reader_quote_step(r, count, false);
}

static void
reader_speaker_step(struct reader *r, long count, bool forward)
{
	size_t q = r->cur, n;
	int actor;

	if (count < 1)
		count = 1;
	if (q == NAV_NONE) {
		/* No current quote: the actor selected in the sidebar. */
		if ((actor = pane_sidebar_selected_actor(r)) < 0) {
			reader_message(r, true,
			    "no current quote: ] first, or pick an actor "
			    "(Tab)");
			return;
		}
		q = forward ? nav_next_quote(r->ann, actor, r->anchor) :
		    nav_prev_quote(r->ann, actor, r->anchor);
		count--;
	} else
		actor = r->ann->quotes[q].speaker;
	while (q != NAV_NONE && count-- > 0) {
		n = forward ? nav_next_same_speaker(r->ann, q) :
		    nav_prev_same_speaker(r->ann, q);
		if (n == NAV_NONE)
			break;
		q = n;
	}
	if (q == NAV_NONE || q == r->cur) {
		reader_message(r, true, "no %s quote by %s",
		    forward ? "later" : "earlier", actor < 0 ? "nobody known" :
		    pane_sidebar_short_name(r->ann, actor));
		return;
	}
	reader_jump_to_quote(r, q);
}

static void
reader_speaker_next(struct reader *r, long count)
{
	reader_speaker_step(r, count, true);
}

static void
reader_speaker_prev(struct reader *r, long count)
{
	reader_speaker_step(r, count, false);
}

/* Search for the pattern count times from the last match or the top. */
static void
reader_search(struct reader *r, long count, bool forward)
{
	size_t from, s = 0, e = 0;
	bool found = false;

	if (r->plen == 0) {
		reader_message(r, true, "no previous search");
		return;
	}
	if (count < 1)
		count = 1;
	if (r->has_match && reader_line_visible(r, r->match_start))
		from = forward ? r->match_start + 1 : r->match_start;
	else
		from = r->anchor;
	while (count-- > 0) {
		if (!nav_search(r->text, r->len, r->bl, r->pattern, r->plen,
		    from, forward, &s, &e))
			break;
		found = true;
		from = forward ? s + 1 : s;
	}
	if (!found) {
		reader_message(r, true, "Pattern not found");
		return;
	}
	r->has_match = true;
	r->match_start = s;
	r->match_end = e;
	if (!reader_line_visible(r, s) || !reader_line_visible(r, e - 1))
		reader_jump_to_offset(r, s, true);
}

void
reader_search_accept(struct reader *r)
{
	r->mode = MODE_NORMAL;
	if (r->prompt_len > 0) {
		memcpy(r->pattern, r->prompt, r->prompt_len);
		r->plen = r->prompt_len;
		r->has_match = false;
	}
	r->backward = r->prompt_char == '?';
	reader_search(r, 1, !r->backward);
}

static void
reader_search_prompt(struct reader *r, char c)
{
	r->mode = MODE_PROMPT;
	r->prompt_char = c;
	r->prompt_len = 0;
	r->prompt[0] = '\0';
}

static void
reader_search_forward(struct reader *r, long count)
{
	(void)count;
	reader_search_prompt(r, '/');
}

static void
reader_search_backward(struct reader *r, long count)
{
	(void)count;
	reader_search_prompt(r, '?');
}

static void
reader_search_next(struct reader *r, long count)
{
	reader_search(r, count, !r->backward);
}

static void
reader_search_prev(struct reader *r, long count)
{
	reader_search(r, count, r->backward);
}

/* m and ' take a letter; '' swaps with where the last jump started. */
static void
reader_mark(struct reader *r, enum action a, int key)
{
	size_t to;

	if (a == ACT_MARK_GO && key == '\'') {
		if (!r->has_back) {
			reader_message(r, true, "no previous position");
			return;
		}
		to = r->back;
	} else if (key >= 'a' && key <= 'z') {
		if (a == ACT_MARK_SET) {
			r->marks[key - 'a'] = r->anchor;
			r->marked[key - 'a'] = true;
			reader_message(r, false, "mark %c set", key);
			return;
		}
		if (!r->marked[key - 'a']) {
			reader_message(r, true, "mark %c is not set", key);
			return;
		}
		to = r->marks[key - 'a'];
	} else {
		if (key != 27)
			reader_message(r, true, "marks are a to z");
		return;
	}
	r->back = r->anchor;
	r->has_back = true;
	reader_set_top(r, layout_line_of(r->lo, to, NULL));
	r->anchor = to;
}

static void
reader_focus(struct reader *r, long count)
{
	(void)count;
	if (r->focus == FOCUS_SIDEBAR) {
		r->focus = FOCUS_ARTICLE;
		if (r->overlay)
			r->sb_open = false;
	} else {
		if (r->overlay)
			r->sb_open = true;
		else
			r->sb_wide = true;
		r->focus = FOCUS_SIDEBAR;
	}
	reader_geometry(r);
}

static void
reader_sidebar(struct reader *r, long count)
{
	(void)count;
	if (r->overlay) {
		r->sb_open = !r->sb_open;
		r->focus = r->sb_open ? FOCUS_SIDEBAR : FOCUS_ARTICLE;
	} else
		r->sb_wide = !r->sb_wide;
	reader_geometry(r);
}

static char *
reader_base64(const char *s, size_t n)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				  "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = (const unsigned char *)s;
	char *out = xmalloc((n + 2) / 3 * 4 + 1), *o = out;
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		*o++ = b64[p[i] >> 2];
		*o++ = b64[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
		*o++ = b64[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)];
		*o++ = b64[p[i + 2] & 63];
	}
	if (i < n) {
		*o++ = b64[p[i] >> 2];
		if (i + 1 < n) {
			*o++ = b64[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
			*o++ = b64[(p[i + 1] & 15) << 2];
		} else {
			*o++ = b64[(p[i] & 3) << 4];
			*o++ = '=';
		}
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

static void
reader_write_all(int fd, const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, s, n)) == -1) {
			if (errno == EINTR)
				continue;
			return;
		}
		s += w;
		n -= (size_t)w;
	}
}

/*
 * y: the current quote and its attribution to the terminal's clipboard
 * with OSC 52, which terminals (and tmux) honour even over SSH. Written
 * straight to the terminal between two curses updates: curses has
 * flushed its buffer, and the sequence moves no cursor.
 */
static void
reader_copy(struct reader *r, long count)
{
	const struct quote *q;
	const struct actor *a = NULL;
	char *s, *clean, *b64, *seq;
	size_t k, n, len;

	(void)count;
	if (r->cur == NAV_NONE) {
		reader_message(r, true, "no current quote to copy: ] first");
		return;
	}
	q = &r->ann->quotes[r->cur];
	if (q->speaker >= 0)
		a = &r->ann->actors[q->speaker];
	if (a == NULL)
		s = xasprintf("\xe2\x80\x9c%s\xe2\x80\x9d (speaker unknown)",
		    q->text);
	else if (a->role != NULL)
		s = xasprintf("\xe2\x80\x9c%s\xe2\x80\x9d \xe2\x80\x94 %s, %s",
		    q->text, a->name, a->role);
	else
		s = xasprintf("\xe2\x80\x9c%s\xe2\x80\x9d \xe2\x80\x94 %s",
		    q->text, a->name);
	/* The clipboard is pasted into terminals later: an article's
	 * controls (an ESC ending a bracketed paste) must not ride along. */
	clean = sanitize_string(s, strlen(s), &len);
	b64 = reader_base64(clean, len);
	free(clean);
	seq = xasprintf("\033]52;c;%s\a", b64);
	reader_write_all(r->outfd, seq, strlen(seq));
	nav_quote_rank(r->ann, r->cur, &k, &n);
	reader_message(r, false, "quote %zu copied to the clipboard (OSC 52)",
	    k);
	free(seq);
	free(b64);
	free(s);
}

static void
reader_help(struct reader *r, long count)
{
	(void)count;
	r->mode = MODE_HELP;
	r->help_top = 0;
}

static void
reader_redraw(struct reader *r, long count)
{
	(void)count;
	(void)r;
	clearok(curscr, TRUE);
}

static void
reader_cancel(struct reader *r, long count)
{
	(void)count;
	r->count = 0;
	r->has_match = false;
	r->focus = FOCUS_ARTICLE;
	if (r->overlay && r->sb_open) {
		r->sb_open = false;
		reader_geometry(r);
	}
}

static void
reader_quit(struct reader *r, long count)
{
	(void)count;
	r->quit = true;
}

/* Handlers of the actions no pane takes, by action. */
static void (*const reader_handlers[ACT_COUNT_])(struct reader *, long) = {
	[ACT_QUOTE_NEXT] = reader_quote_next,
	[ACT_QUOTE_PREV] = reader_quote_prev,
	[ACT_SPEAKER_NEXT] = reader_speaker_next,
	[ACT_SPEAKER_PREV] = reader_speaker_prev,
	[ACT_SEARCH_FORWARD] = reader_search_forward,
	[ACT_SEARCH_BACKWARD] = reader_search_backward,
	[ACT_SEARCH_NEXT] = reader_search_next,
	[ACT_SEARCH_PREV] = reader_search_prev,
	[ACT_FOCUS] = reader_focus,
	[ACT_SIDEBAR] = reader_sidebar,
	[ACT_COPY] = reader_copy,
	[ACT_HELP] = reader_help,
	[ACT_REDRAW] = reader_redraw,
	[ACT_CANCEL] = reader_cancel,
	[ACT_QUIT] = reader_quit,
};

static void
reader_mouse(struct reader *r)
{
	MEVENT ev;
	size_t line, off, i;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		reader_scroll(r, -3);
		return;
	}
	if (ev.bstate & BUTTON5_PRESSED) {
		reader_scroll(r, 3);
		return;
	}
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return;
	if (ev.y < r->pane_y || ev.y >= r->pane_y + r->pane_h)
		return;
	if (r->sb_w > 0 && ev.x > r->sb_x) {
		i = r->sb_top + (size_t)(ev.y - r->pane_y);
		if (i < r->nrows && r->rows[i].actor >= 0) {
			r->sel = i;
			r->focus = FOCUS_SIDEBAR;
		}
		return;
	}
	line = r->top + (size_t)(ev.y - r->pane_y);
	off = layout_offset_at(r->lo, line, ev.x - r->art_x - 1);
	i = nav_quote_from(r->ann, off);
	if (i < r->ann->nquotes && r->ann->quotes[i].span.start <= off &&
	    nav_is_speech(&r->ann->quotes[i])) {
		r->cur = i;
		if (r->ann->quotes[i].speaker >= 0)
			pane_sidebar_select_actor(r, r->ann->quotes[i].speaker);
	}
	r->focus = FOCUS_ARTICLE;
}

/* Handle one key. */
static void
reader_key(struct reader *r, int key)
{
	enum action a;
	long count;
	char name[32];

	if (key == KEYS_FN(KEY_RESIZE))
		return; /* pushed by resizeterm(); handled already */
	r->message[0] = '\0';
	if (key == KEYS_FN(KEY_MOUSE)) {
		reader_mouse(r);
		return;
	}
	if (r->mode == MODE_HELP) {
		help_key(r, keys_lookup(KEYS_HELP, key));
		return;
	}
	if (r->mode == MODE_PROMPT) {
		pane_status_key(r, keys_lookup(KEYS_PROMPT, key), key);
		return;
	}
	if (r->pending != ACT_NONE) {
		a = r->pending;
		r->pending = ACT_NONE;
		reader_mark(r, a, key);
		return;
	}
	if (key >= '0' && key <= '9') {
		if (r->count < 100000000)
			r->count = r->count * 10 + (key - '0');
		return;
	}
	a = keys_lookup(r->focus == FOCUS_SIDEBAR ? KEYS_SIDEBAR :
	    KEYS_ARTICLE, key);
	count = r->count;
	r->count = 0;
	if (a == ACT_NONE) {
		reader_message(r, true, "%s: no such key (h for help)",
		    keys_name(key, name, sizeof name));
		return;
	}
	if (keys_action(a)->flags & KEYS_TAKES_KEY) {
		r->pending = a;
		return;
	}
	if (r->focus == FOCUS_SIDEBAR && pane_sidebar_key(r, a, count))
		return;
	if (pane_article_key(r, a, count))
		return;
	if (reader_handlers[a] != NULL)
		reader_handlers[a](r, count);
}

static void
reader_draw_header(struct reader *r)
{
	const char *title;
	size_t n, i;
	int x;

	/*
	 * The title, once it has scrolled away; while the article's own
	 * title is on screen, the article's name instead of a repeat.
	 */
	title = pane_article_title(r, &n);
	for (i = 0; i < r->bl->n; i++)
		if (r->bl->v[i].kind == BLOCK_TITLE)
			break;
	if (i < r->bl->n && reader_line_visible(r, r->bl->v[i].start)) {
		title = article_name(r->in->art);
		if (strcmp(title, "-") == 0)
			title = "standard input";
		else if (strrchr(title, '/') != NULL && strrchr(title, '/')[1])
			title = strrchr(title, '/') + 1;
		n = strlen(title);
		reader_put(r, 0, r->art_x + 1, r->art_w - 2, title, n,
		    ST_BYLINE);
	} else
		reader_put(r, 0, r->art_x + 1, r->art_w - 2, title, n,
		    ST_TITLE);
	if (r->sb_w > 0) {
		x = r->sb_x;
		if (r->overlay) {
			attrset(A_NORMAL);
			mvhline(0, x, ' ', r->sb_w);
		}
		attrset(colours_attr(ST_BORDER));
		mvaddstr(0, x, r->utf8 ? "\xe2\x94\x82" : "|");
		reader_put(r, 0, x + 2, r->sb_w - 2, "Actors", 6,
		    ST_PANE_TITLE);
	}
}

static void
reader_draw(struct reader *r)
{
	bool want_cursor = r->mode == MODE_PROMPT;

	erase();
	if (r->mode == MODE_HELP)
		help_draw(r);
	else {
		if (r->overlay && r->sb_w > 0 && r->sb_w >= r->cols) {
			/* The sidebar takes the whole width. */
		} else
			pane_article_draw(r);
		if (r->sb_w > 0)
			pane_sidebar_draw(r);
		reader_draw_header(r);
		pane_status_draw(r);
	}
	attrset(A_NORMAL);
	if (want_cursor != r->cursor_on) {
		curs_set(want_cursor ? 1 : 0);
		r->cursor_on = want_cursor;
	}
	if (!want_cursor)
		move(LINES - 1, 0);
	leaveok(stdscr, !want_cursor);
	refresh();
}

/* A key from curses as a key code, or -1 when none is waiting. */
static int
reader_getkey(void)
{
	wint_t wc;

	switch (wget_wch(stdscr, &wc)) {
	case KEY_CODE_YES:
		return KEYS_FN((int)wc);
	case OK:
		return (int)wc;
	default:
		return -1;
	}
}

static const char reader_hint[] =
    "try whosaid --summary FILE or whosaid --dump FILE";

/* A terminal type the reader cannot use at all, before touching it. */
static int
reader_check_term(const char *term)
{
	if (term == NULL || *term == '\0' || strcmp(term, "dumb") == 0) {
		fprintf(stderr, "whosaid: the reader needs a terminal that can "
		    "move the cursor (TERM=%s); %s\n",
		    term == NULL ? "" : term, reader_hint);
		return -1;
	}
	return 0;
}

/*
 * What the status line says about the input: the caller's message (the
 * index, Windows-1252), else how the text was decoded, or NULL.
 */
static const char *
reader_input_note(const struct reader_input *in)
{
	int fl = article_flags(in->art);

	if (in->message != NULL)
		return in->message;
	/* Found only after the first screen on a large article. */
	if (fl & ARTICLE_CP1252)
		return "not UTF-8: decoded as Windows-1252";
	if (fl & ARTICLE_UTF16)
		return "UTF-16: converted to UTF-8";
	if (fl & ARTICLE_UTF32)
		return "UTF-32: converted to UTF-8";
	if (fl & ARTICLE_NUL)
		return "NUL bytes in the file are shown as a symbol";
	return NULL;
}

/* Open the annotation the first screen did not wait for. */
static void
reader_open_annotation(struct reader *r)
{
	enum index_status st;
	char *note = NULL;
	size_t keep = r->anchor;
	bool partial = article_partial(r->in->art);

	/*
	 * A mapped file becomes a copy: truncating the file cannot fault.
	 * One checked only in part is decoded whole (maybe anew): the text
	 * offsets shown so far were file offsets.
	 */
	article_settle(r->in->art);
	if (partial) {
		keep = article_text_offset(r->in->art, keep);
		r->text = article_text(r->in->art);
		r->len = article_len(r->in->art);
	}
	if ((r->in->blocks_partial || partial) && r->bl_owned == NULL) {
		/* The whole article now; the first visible byte stays. */
		r->bl_owned = blocks_parse(r->in->art);
		r->bl = r->bl_owned;
		layout_free(r->lo);
		r->lo = layout_new(r->in->art, r->bl, 1);
		r->anchor = keep;
		reader_geometry(r);
	}
	r->owned = index_open(r->in->index_file, r->in->art, r->bl, &st,
	    &note);
	r->ann = r->owned;
	r->deferred = false;
	pane_sidebar_free(r);
	pane_sidebar_init(r);
	r->message[0] = '\0';
	if (note != NULL)
		reader_message(r, false, "%s", note);
	else if (reader_input_note(r->in) != NULL)
		reader_message(r, false, "%s", reader_input_note(r->in));
	free(note);
}

static void
reader_init(struct reader *r, const struct reader_input *in)
{
	static const struct annotation none;

	memset(r, 0, sizeof *r);
	r->in = in;
	r->ann = in->ann;
	if (r->ann == NULL) {
		/* The article first; its analysis after the first screen. */
		r->ann = &none;
		r->deferred = true;
	}
	r->bl = in->blocks;
	r->text = article_text(in->art);
	r->len = article_len(in->art);
	r->outfd = STDOUT_FILENO;
	r->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	r->cur = NAV_NONE;
	r->sb_wide = true;
	r->pending = ACT_NONE;
	if (reader_input_note(in) != NULL)
		reader_message(r, false, "%s", reader_input_note(in));
	else if (r->deferred)
		/* A large article can take a while, with keys waiting. */
		reader_message(r, false, "finding who said what%s%s",
		    reader_ellipsis(r), in->blocks_partial ?
		    " (keys wait; Ctrl-C quits)" : "");
	pane_article_init(r);
	pane_sidebar_init(r);
	reader_geometry(r);
}

int
reader_run(const struct reader_input *in)
{
	struct reader r;
	struct sigaction sa;
	sigset_t block, waitmask, busy;
	struct pollfd pfd;
	const char *term = getenv("TERM");
	FILE *infp = stdin;
	SCREEN *scr;
	char *cup;
	int key, sig, nkeys, empty = 0;
	bool readable = false;
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	size_t i;

	setlocale(LC_CTYPE, "");
	if (!isatty(STDOUT_FILENO)) {
		fprintf(stderr, "whosaid: the reader needs a terminal on "
		    "standard output\n");
		return 1;
	}
	if (reader_check_term(term) == -1)
		return 1;
	if (!isatty(STDIN_FILENO) &&
	    (infp = fopen("/dev/tty", "r")) == NULL) {
		fprintf(stderr, "whosaid: /dev/tty: %s (keys are read from "
		    "the terminal)\n", strerror(errno));
		return 1;
	}

	reader_busy_tio_ok = tcgetattr(STDOUT_FILENO, &reader_busy_tio) == 0;
	/*
	 * newterm() reads terminfo once and writes nothing until the first
	 * refresh, so an unknown terminal or one that cannot address the
	 * cursor is refused here with the screen untouched.
	 */
	if ((scr = newterm(term, stdout, infp)) == NULL) {
		fprintf(stderr, "whosaid: unknown terminal type \"%s\"; %s\n",
		    term, reader_hint);
		if (infp != stdin)
			fclose(infp);
		return 1;
	}
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		delscreen(scr);
		fprintf(stderr, "whosaid: terminal \"%s\" cannot move the "
		    "cursor; %s\n", term, reader_hint);
		if (infp != stdin)
			fclose(infp);
		return 1;
	}

	/*
	 * Our handlers replace the ones newterm() put in for SIGINT,
	 * SIGTERM and SIGWINCH; curses keeps SIGTSTP (suspend, then redraw
	 * on resume). They are blocked except while waiting in ppoll().
	 */
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = reader_on_signal;
	sigemptyset(&block);
	sigemptyset(&busy);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		sigaction(sigs[i], &sa, NULL);
		sigaddset(&block, sigs[i]);
		sigaddset(&busy, sigs[i]);
	}
	sa.sa_handler = reader_on_winch;
	sigaction(SIGWINCH, &sa, NULL);
	sigaddset(&block, SIGWINCH);
	/* Curses' SIGTSTP handler too only runs between two screens. */
	sigaddset(&block, SIGTSTP);
	sigprocmask(SIG_BLOCK, &block, &waitmask);
	sigdelset(&waitmask, SIGTSTP);
	sigdelset(&waitmask, SIGINT);
	sigdelset(&waitmask, SIGTERM);
	sigdelset(&waitmask, SIGHUP);
	sigdelset(&waitmask, SIGWINCH);

	xmalloc_set_fatal_hook(reader_fatal);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	colours_init();
	if (in->mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
		    BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}

	reader_busy_prepare(in->mouse);
	reader_screen_up = 1;
	reader_init(&r, in);
	nodelay(stdscr, TRUE);
	pfd.fd = fileno(infp);
	pfd.events = POLLIN;
	for (;;) {
		if (reader_winch) {
			reader_winch = 0;
			reader_resize(&r);
		}
		/* Every key that is there before one redraw. */
		nkeys = 0;
		while (!r.quit && !reader_signal &&
		    (key = reader_getkey()) != -1) {
			reader_key(&r, key);
			nkeys++;
		}
		if (r.quit || reader_signal)
			break;
		/* Readable again and again with nothing to read: the tty is
		 * gone (end of file). */
		empty = readable && nkeys == 0 ? empty + 1 : 0;
		if (empty > 2)
			break;
		readable = false;
		reader_draw(&r);
		if (r.deferred) {
			/*
			 * Keys typed meanwhile wait in the tty for the loop;
			 * a signal ends the program at once.
			 */
			sa.sa_handler = reader_on_signal_busy;
			for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
				sigaction(sigs[i], &sa, NULL);
			sigprocmask(SIG_UNBLOCK, &busy, NULL);
			reader_open_annotation(&r);
			sigprocmask(SIG_BLOCK, &busy, NULL);
			sa.sa_handler = reader_on_signal;
			for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
				sigaction(sigs[i], &sa, NULL);
			continue;
		}
		pfd.revents = 0;
		if (ppoll(&pfd, 1, NULL, &waitmask) == -1) {
			if (errno != EINTR)
				break;
			/* A resize while suspended sends no SIGWINCH to us. */
			reader_winch = 1;
			continue;
		}
		if (pfd.revents & (POLLHUP | POLLERR | POLLNVAL))
			break;
		readable = true;
	}

	sig = reader_signal;
	reader_screen_up = 0;
	endwin();
	delscreen(scr);
	if (infp != stdin)
		fclose(infp);
	xmalloc_set_fatal_hook(NULL);
	layout_free(r.lo);
	blocks_free(r.bl_owned);
	pane_sidebar_free(&r);
	annotation_free(r.owned);
	help_free();
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	if (sig != 0) {
		/* Die of the signal, as the shell expects. */
		signal(sig, SIG_DFL);
		raise(sig);
		return 128 + sig;
	}
	return 0;
}
