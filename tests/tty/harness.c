/*
 * harness.c: a program in a pty, its screen through libvterm.
 *
 * Invariant: every byte read from the pty master is both appended to
 * t->out and written into the vterm, in order; the vterm's own output
 * (its answers to queries such as DA or DSR) is counted in t->replies
 * and written back to the program, as a terminal would.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <vterm.h>

#include "harness.h"

struct tty {
	pid_t pid;
	int fd;
	int rows, cols;
	VTerm *vt;
	VTermScreen *vs;
	char *out;
	size_t len, cap;
	size_t replies;
	bool altscreen, cursor_visible;
	bool exited;
	int status;
};

double
tty_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
tty_on_output(const char *s, size_t len, void *user)
{
	struct tty *t = user;
	ssize_t w;

	t->replies += len;
	while (len > 0 && t->fd >= 0) {
		if ((w = write(t->fd, s, len)) <= 0)
			break;
		s += w;
		len -= (size_t)w;
	}
}

static int
tty_on_prop(VTermProp prop, VTermValue *val, void *user)
{
	struct tty *t = user;

	if (prop == VTERM_PROP_ALTSCREEN)
		t->altscreen = val->boolean;
	else if (prop == VTERM_PROP_CURSORVISIBLE)
		t->cursor_visible = val->boolean;
	return 1;
}

static VTermScreenCallbacks tty_callbacks = {
	.settermprop = tty_on_prop,
};

struct tty *
tty_start(char *const argv[], int rows, int cols, const char *const env[])
{
	struct tty *t = calloc(1, sizeof *t);
	struct winsize ws;
	size_t i;

	if (t == NULL)
		abort();
	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	t->rows = rows;
	t->cols = cols;
	t->cursor_visible = true;
	fflush(NULL);
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (t->pid == -1) {
		fprintf(stderr, "forkpty: %s\n", strerror(errno));
		free(t);
		return NULL;
	}
	if (t->pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		unsetenv("NO_COLOR");
		unsetenv("ESCDELAY");
		for (i = 0; env != NULL && env[i] != NULL; i++) {
			const char *eq = strchr(env[i], '=');
			char *name;

			if (eq == NULL)
				continue;
			name = strndup(env[i], (size_t)(eq - env[i]));
			if (eq[1] == '\0')
				unsetenv(name);
			else
				setenv(name, eq + 1, 1);
			free(name);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	fcntl(t->fd, F_SETFL, fcntl(t->fd, F_GETFL) | O_NONBLOCK);
	t->vt = vterm_new(rows, cols);
	vterm_set_utf8(t->vt, 1);
	vterm_output_set_callback(t->vt, tty_on_output, t);
	t->vs = vterm_obtain_screen(t->vt);
	vterm_screen_enable_altscreen(t->vs, 1);
	vterm_screen_set_callbacks(t->vs, &tty_callbacks, t);
	vterm_screen_reset(t->vs, 1);
	return t;
}

void
tty_send_n(struct tty *t, const char *keys, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(t->fd, keys, n);
		if (w == -1 && (errno == EAGAIN || errno == EINTR)) {
			struct pollfd p = { t->fd, POLLOUT, 0 };

			poll(&p, 1, 100);
			continue;
		}
		if (w <= 0)
			return;
		keys += w;
		n -= (size_t)w;
	}
}

void
tty_send(struct tty *t, const char *keys)
{
	tty_send_n(t, keys, strlen(keys));
}

/* Read what is there within ms; returns bytes read, -1 at end. */
static long
tty_read(struct tty *t, int ms)
{
	struct pollfd p = { t->fd, POLLIN, 0 };
	char buf[65536];
	ssize_t n;

	if (t->fd < 0)
		return -1;
	if (poll(&p, 1, ms) <= 0)
		return 0;
	n = read(t->fd, buf, sizeof buf);
	if (n == -1 && (errno == EAGAIN || errno == EINTR))
		return 0;
	if (n <= 0)
		return -1; /* EIO: the child closed the pty */
	if (t->len + (size_t)n + 1 > t->cap) {
		t->cap = (t->len + (size_t)n + 1) * 2;
		if ((t->out = realloc(t->out, t->cap)) == NULL)
			abort();
	}
	memcpy(t->out + t->len, buf, (size_t)n);
	t->len += (size_t)n;
	t->out[t->len] = '\0';
	vterm_input_write(t->vt, buf, (size_t)n);
	return n;
}

size_t
tty_settle(struct tty *t, int quiet_ms, int timeout_ms)
{
	double start = tty_now_ms(), last = start;
	size_t total = 0;
	long n;

	for (;;) {
		double now = tty_now_ms();

		if (now - last >= quiet_ms || now - start >= timeout_ms)
			break;
		n = tty_read(t, 10);
		if (n < 0)
			break;
		if (n > 0) {
			total += (size_t)n;
			last = tty_now_ms();
		}
	}
	return total;
}

bool
tty_wait_for(struct tty *t, const char *text, int timeout_ms)
{
	double start = tty_now_ms();

	while (!tty_find(t, text, NULL, NULL)) {
		if (tty_now_ms() - start >= timeout_ms)
			return false;
		if (tty_read(t, 20) < 0)
			return tty_find(t, text, NULL, NULL);
	}
	return true;
}

bool
tty_wait_output(struct tty *t, const char *s, int timeout_ms)
{
	double start = tty_now_ms();

	while (t->out == NULL || strstr(t->out, s) == NULL) {
		if (tty_now_ms() - start >= timeout_ms)
			return false;
		if (tty_read(t, 20) < 0)
			return t->out != NULL && strstr(t->out, s) != NULL;
	}
	return true;
}

void
tty_keys(struct tty *t, const char *keys)
{
	size_t mark = t->len;
	double start;

	tty_send(t, keys);
	/*
	 * Wait for the answer to begin (a loaded machine may take a while),
	 * then for it to end: the program writes each screen update at once.
	 */
	for (start = tty_now_ms(); t->len == mark &&
	    tty_now_ms() - start < 1500;)
		if (tty_read(t, 20) < 0)
			break;
	tty_settle(t, 100, 5000);
}

void
tty_cell(struct tty *t, int row, int col, struct tty_cell *c)
{
	VTermScreenCell vc;
	VTermPos pos = { row, col };

	memset(c, 0, sizeof *c);
	c->ch = ' ';
	c->fg = c->bg = -1;
	if (!vterm_screen_get_cell(t->vs, pos, &vc))
		return;
	c->ch = vc.chars[0] == 0 ? ' ' : vc.chars[0];
	c->bold = vc.attrs.bold;
	c->underline = vc.attrs.underline != 0;
	c->reverse = vc.attrs.reverse;
	if (VTERM_COLOR_IS_INDEXED(&vc.fg) &&
	    !VTERM_COLOR_IS_DEFAULT_FG(&vc.fg))
		c->fg = vc.fg.indexed.idx;
	if (VTERM_COLOR_IS_INDEXED(&vc.bg) &&
	    !VTERM_COLOR_IS_DEFAULT_BG(&vc.bg))
		c->bg = vc.bg.indexed.idx;
}

static size_t
tty_put_utf8(char *o, uint32_t c)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xc0 | (c >> 6));
		o[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xe0 | (c >> 12));
		o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		o[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (c >> 18));
	o[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	o[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

char *
tty_text(struct tty *t, int row, int col, int n)
{
	char *s = malloc((size_t)n * 4 + 1);
	size_t len = 0, keep = 0;
	int x;
	VTermScreenCell vc;

	if (s == NULL)
		abort();
	for (x = col; x < col + n && x < t->cols; x++) {
		VTermPos pos = { row, x };

		if (!vterm_screen_get_cell(t->vs, pos, &vc))
			continue;
		if (vc.chars[0] == (uint32_t)-1)
			continue; /* the right half of a wide character */
		len += tty_put_utf8(s + len, vc.chars[0] ? vc.chars[0] : ' ');
		if (vc.chars[0] != 0 && vc.chars[0] != ' ')
			keep = len;
	}
	s[keep] = '\0';
	return s;
}

char *
tty_row(struct tty *t, int row)
{
	return tty_text(t, row, 0, t->cols);
}

char *
tty_screen(struct tty *t)
{
	size_t cap = (size_t)t->rows * ((size_t)t->cols * 4 + 1) + 1, len = 0;
	char *s = malloc(cap), *r;
	int y;

	if (s == NULL)
		abort();
	s[0] = '\0';
	for (y = 0; y < t->rows; y++) {
		r = tty_row(t, y);
		len += (size_t)snprintf(s + len, cap - len, "%s\n", r);
		free(r);
	}
	return s;
}

/* Decode one UTF-8 character of s; returns its length. */
static size_t
tty_get_utf8(const unsigned char *s, uint32_t *c)
{
	if (s[0] < 0x80) {
		*c = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0 && s[1]) {
		*c = ((uint32_t)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
		return 2;
	}
	if ((s[0] & 0xf0) == 0xe0 && s[1] && s[2]) {
		*c = ((uint32_t)(s[0] & 0x0f) << 12) |
		    ((uint32_t)(s[1] & 0x3f) << 6) | (s[2] & 0x3f);
		return 3;
	}
	if ((s[0] & 0xf8) == 0xf0 && s[1] && s[2] && s[3]) {
		*c = ((uint32_t)(s[0] & 0x07) << 18) |
		    ((uint32_t)(s[1] & 0x3f) << 12) |
		    ((uint32_t)(s[2] & 0x3f) << 6) | (s[3] & 0x3f);
		return 4;
	}
	*c = 0xfffd;
	return 1;
}

bool
tty_find(struct tty *t, const char *text, int *row, int *col)
{
	uint32_t want[512], line[1024];
	int cols[1024];
	size_t nw = 0, nl, i, j;
	const unsigned char *p = (const unsigned char *)text;
	int y, x;
	VTermScreenCell vc;

	while (*p != '\0' && nw < 512)
		p += tty_get_utf8(p, &want[nw++]);
	if (nw == 0)
		return true;
	for (y = 0; y < t->rows; y++) {
		for (x = 0, nl = 0; x < t->cols && nl < 1024; x++) {
			VTermPos pos = { y, x };

			if (!vterm_screen_get_cell(t->vs, pos, &vc) ||
			    vc.chars[0] == (uint32_t)-1)
				continue;
			cols[nl] = x;
			line[nl++] = vc.chars[0] ? vc.chars[0] : ' ';
		}
		for (i = 0; i + nw <= nl; i++) {
			for (j = 0; j < nw && line[i + j] == want[j]; j++)
				;
			if (j == nw) {
				if (row != NULL)
					*row = y;
				if (col != NULL)
					*col = cols[i];
				return true;
			}
		}
	}
	return false;
}

int
tty_rows(const struct tty *t)
{
	return t->rows;
}

int
tty_cols(const struct tty *t)
{
	return t->cols;
}

void
tty_resize(struct tty *t, int rows, int cols)
{
	struct winsize ws;

	memset(&ws, 0, sizeof ws);
	ws.ws_row = (unsigned short)rows;
	ws.ws_col = (unsigned short)cols;
	t->rows = rows;
	t->cols = cols;
	vterm_set_size(t->vt, rows, cols);
	/* The kernel sends SIGWINCH to the pty's foreground group. */
	ioctl(t->fd, TIOCSWINSZ, &ws);
}

const char *
tty_output(const struct tty *t, size_t *len)
{
	*len = t->len;
	return t->out != NULL ? t->out : "";
}

size_t
tty_mark(const struct tty *t)
{
	return t->len;
}

size_t
tty_replies(const struct tty *t)
{
	return t->replies;
}

bool
tty_altscreen(const struct tty *t)
{
	return t->altscreen;
}

bool
tty_cursor_visible(const struct tty *t)
{
	return t->cursor_visible;
}

pid_t
tty_pid(const struct tty *t)
{
	return t->pid;
}

int
tty_wait_exit(struct tty *t, int timeout_ms)
{
	double start = tty_now_ms();
	pid_t r;

	if (t->exited)
		return t->status;
	for (;;) {
		r = waitpid(t->pid, &t->status, WNOHANG);
		if (r == t->pid) {
			/* Take what is left in the pty. */
			while (tty_read(t, 20) > 0)
				;
			t->exited = true;
			return t->status;
		}
		if (tty_now_ms() - start >= timeout_ms) {
			kill(t->pid, SIGKILL);
			waitpid(t->pid, &t->status, 0);
			t->exited = true;
			return -1;
		}
		tty_read(t, 20);
	}
}

void
tty_free(struct tty *t)
{
	if (t == NULL)
		return;
	if (!t->exited) {
		kill(t->pid, SIGKILL);
		waitpid(t->pid, &t->status, 0);
	}
	if (t->fd >= 0)
		close(t->fd);
	vterm_free(t->vt);
	free(t->out);
	free(t);
}

char *
tty_base64_decode(const char *s, size_t n, size_t *outlen)
{
	char *out = malloc(n / 4 * 3 + 4);
	unsigned v = 0;
	int bits = 0;
	size_t i, len = 0;
	const char *p;
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				  "abcdefghijklmnopqrstuvwxyz0123456789+/";

	if (out == NULL)
		abort();
	for (i = 0; i < n && s[i] != '='; i++) {
		if ((p = strchr(tab, s[i])) == NULL || s[i] == '\0') {
			free(out);
			return NULL;
		}
		v = (v << 6) | (unsigned)(p - tab);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[len++] = (char)((v >> bits) & 0xff);
		}
	}
	out[len] = '\0';
	if (outlen != NULL)
		*outlen = len;
	return out;
}
