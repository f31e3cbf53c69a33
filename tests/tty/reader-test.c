/*
 * reader-test.c: the reader driven through a pseudo-terminal (harness.c)
 * at 80x24, 120x40 and 50x20, its screen read through libvterm.
 *
 * What the screen should show is worked out from the engine (the same
 * article, blocks and annotation the reader loads) and from the key table
 * (keys.c), not written down here, so the tests follow the annotator.
 */
#include "config.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "index.h"
#include "keys.h"
#include "nav.h"

#include "harness.h"

struct size {
	int rows, cols;
};

static struct size s80 = { 24, 80 }, s120 = { 40, 120 }, s50 = { 20, 50 };

/* The bundled article and its annotation, as the reader sees them. */
static char article_path[4096];
static const char *whosaid;
static struct article *art;
static struct block_list *bl;
static struct annotation *ann;
static const char *title = "Russia's 'Sham' Referendums";

static int
setup_all(void **state)
{
	const char *top = getenv("top_srcdir");
	enum index_status st;
	char *cause = NULL, *note = NULL, *ifile;

	(void)state;
	if ((whosaid = getenv("WHOSAID")) == NULL)
		whosaid = "./whosaid";
	snprintf(article_path, sizeof article_path,
	    "%s/content/central-asia-referendums.txt", top ? top : ".");
	if ((art = article_load(article_path, &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		return -1;
	}
	bl = blocks_parse(art);
	ifile = index_path(article_path);
	ann = index_open(ifile, art, bl, &st, &note);
	free(ifile);
	free(note);
	return 0;
}

static int
teardown_all(void **state)
{
	(void)state;
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
	return 0;
}

/* Start the reader on the bundled article and wait for its first screen. */
static struct tty *
start(const struct size *sz)
{
	char *argv[] = { (char *)whosaid, article_path, NULL };
	static const char *const env[] = { "LANG=C.UTF-8", "LC_ALL=", NULL };
	struct tty *t = tty_start(argv, sz->rows, sz->cols, env);

	assert_non_null(t);
	assert_true(tty_wait_for(t, title, 10000));
	tty_settle(t, 150, 5000);
	return t;
}

static void
quit(struct tty *t)
{
	tty_send(t, "q");
	assert_int_equal(tty_wait_exit(t, 5000), 0);
	tty_free(t);
}

static char *
status_row(struct tty *t)
{
	return tty_row(t, tty_rows(t) - 1);
}

/* The column of the line between article and sidebar, or -1. */
static int
sidebar_column(struct tty *t)
{
	struct tty_cell c;
	int x, y, n;

	for (x = 1; x < tty_cols(t); x++) {
		for (y = 1, n = 0; y < tty_rows(t) - 2; y++) {
			tty_cell(t, y, x, &c);
			if (c.ch == 0x2502 || c.ch == '|')
				n++;
		}
		if (n >= tty_rows(t) - 4)
			return x;
	}
	return -1;
}

/* The speech quote with rank k (from 1). */
static size_t
quote_of_rank(size_t k)
{
	size_t i, n = 0;

	for (i = 0; i < ann->nquotes; i++)
		if (nav_is_speech(&ann->quotes[i]) && ++n == k)
			return i;
	return NAV_NONE;
}

/*
 * A word the reader shows for an actor: a person's surname; for a group
 * or an anonymous source the head noun of its description, the last word
 * before " in ", " of "... ("official" for "senior government official in
 * Kyrgyzstan"); else the name. Static storage.
 */
static const char *
surname(int actor)
{
	static const char *const preps[] = { " of ", " at ", " for ", " on ",
		" in ", " with ", " to ", " from ", " who ", " that ", ", " };
	static char buf[128];
	const struct actor *a = &ann->actors[actor];
	const char *sp = strrchr(a->name, ' '), *end, *p;
	size_t i;

	if (a->kind == ACTOR_PERSON)
		return sp != NULL ? sp + 1 : a->name;
	if (a->kind != ACTOR_GROUP && a->kind != ACTOR_ANONYMOUS)
		return a->name;
	end = a->name + strlen(a->name);
	for (i = 0; i < sizeof preps / sizeof preps[0]; i++)
		if ((p = strstr(a->name, preps[i])) != NULL && p > a->name &&
		    p < end)
			end = p;
	for (p = end; p > a->name && p[-1] != ' '; p--)
		;
	snprintf(buf, sizeof buf, "%.*s", (int)(end - p), p);
	return buf;
}

/* The text of the cells drawn as the current quote (a background). */
static char *
highlighted(struct tty *t, bool reverse)
{
	struct tty_cell c;
	char *s = calloc(1, 8192), buf[8];
	size_t len = 0;
	int y, x;

	for (y = 1; y < tty_rows(t) - 2; y++)
		for (x = 0; x < tty_cols(t); x++) {
			tty_cell(t, y, x, &c);
			if (reverse ? !c.reverse : c.bg < 0)
				continue;
			if (!reverse && c.ch == ' ')
				continue;
			if (len + 8 >= 8192)
				break;
			if (c.ch < 0x80)
				buf[0] = (char)c.ch, buf[1] = '\0';
			else
				snprintf(buf, sizeof buf, "?");
			len += (size_t)snprintf(s + len, 8192 - len, "%s", buf);
		}
	return s;
}

/* Whether the first ASCII words of the quote appear in the highlight. */
static bool
highlight_matches(struct tty *t, size_t q)
{
	char *h = highlighted(t, false), want[24];
	const char *qt = ann->quotes[q].text;
	size_t i, n = 0;
	bool ok;

	/* Lines wrap anywhere: compare without blanks. */
	for (i = 0; qt[i] != '\0' && n < 12; i++)
		if (qt[i] == ' ' || qt[i] == '\n')
			continue;
		else if ((unsigned char)qt[i] > 0x20 &&
		    (unsigned char)qt[i] < 0x80)
			want[n++] = qt[i];
		else
			break;
	want[n] = '\0';
	ok = n > 0 && strstr(h, want) != NULL;
	if (!ok)
		fprintf(stderr, "# highlight \"%s\" lacks \"%s\"\n", h, want);
	free(h);
	return ok;
}

/* ---- scenarios ----------------------------------------------------------- */

static void
test_opens(void **state)
{
	const struct size *sz = *state;
	const char *names[] = { "Smadiyarov", "Bitabarova", "Pantucci",
		"Anceschi" };
	struct tty *t = start(sz);
	struct tty_cell c;
	char *s;
	int x, i, k, row, col, y;

	/* The title, in the title style, at the top of the article. */
	assert_true(tty_find(t, title, &row, &col));
	tty_cell(t, row, col, &c);
	assert_true(c.bold);
	assert_int_equal(tty_replies(t), 0); /* no terminal queries */
	if (sz->cols < 70) {
		/* Narrow: the sidebar is an overlay, opened with s. */
		assert_int_equal(sidebar_column(t), -1);
		tty_keys(t, "s");
	}
	x = sidebar_column(t);
	assert_true(x > 0);
	for (i = 0; i < 4; i++) {
		/*
		 * The overlay of a small terminal shows fewer rows: move the
		 * selection down (the focus is in the sidebar) until the
		 * name is in view.
		 */
		for (k = 0; sz->cols < 70 && k < 40 &&
		    (!tty_find(t, names[i], &row, &col) || col <= x); k++)
			tty_keys(t, "j");
		if (!tty_find(t, names[i], &row, &col) || col <= x) {
			s = tty_screen(t);
			fprintf(stderr, "# %s not in the sidebar:\n%s",
			    names[i], s);
			free(s);
			fail();
		}
		/*
		 * Under a country or organisation: the nearest heading above
		 * (a row starting right after the line) is not "Others".
		 */
		for (y = row - 1; y >= 1; y--) {
			tty_cell(t, y, x + 2, &c);
			if (c.ch != ' ' && c.ch != '>')
				break;
		}
		assert_true(y >= 1);
		s = tty_text(t, y, x + 2, tty_cols(t) - x - 2);
		fprintf(stderr, "# %s under %s\n", names[i], s);
		assert_null(strstr(s, "Others"));
		free(s);
	}
	quit(t);
}

/*
 * Less noise in the sidebar of the bundled article, in a terminal tall
 * enough for every row: a group that says nothing ("Experts") has no
 * row; the anonymous official who is quoted is named whole by the end of
 * the description ("government official", not "senior go..."), under a
 * country rather than "Others"; countries only mentioned come last, under
 * "Mentioned".
 */
static void
test_sidebar_noise(void **state)
{
	static const struct size tall = { 60, 80 };
	struct tty *t = start(&tall);
	int x = sidebar_column(t), y, others = -1, mentioned = -1;
	int official = -1, ukraine = -1, heading = -1, official_heading = -1;
	char *s;

	(void)state;
	assert_true(x > 0);
	for (y = 1; y < tty_rows(t) - 2; y++) {
		s = tty_text(t, y, x + 1, tty_cols(t) - x - 1);
		if (strstr(s, "Experts") != NULL)
			fail_msg("a row for Experts: \"%s\"", s);
		if (s[0] != '\0' && s[1] != ' ' && s[1] != '\0')
			heading = y;
		if (strcmp(s, " Others") == 0)
			others = y;
		if (strcmp(s, " Mentioned") == 0)
			mentioned = y;
		if (strstr(s, "official") != NULL) {
			official = y;
			official_heading = heading;
			assert_null(strstr(s, "\xe2\x80\xa6"));
		}
		if (strstr(s, "Ukraine") != NULL && ukraine < 0)
			ukraine = y;
		free(s);
	}
	assert_true(official > 0);
	assert_true(official_heading > 0 && official_heading != others);
	assert_true(mentioned > others);
	assert_true(ukraine > mentioned);
	quit(t);
}

static void
test_quote3(void **state)
{
	const struct size *sz = *state;
	struct tty *t = start(sz);
	size_t k, n, q = quote_of_rank(3);
	char *s, want[64];

	assert_true(q != NAV_NONE);
	nav_quote_rank(ann, q, &k, &n);
	tty_keys(t, "]]]");
	s = status_row(t);
	snprintf(want, sizeof want, "quote 3/%zu", n);
	if (strstr(s, want) == NULL)
		fprintf(stderr, "# status: %s\n", s);
	assert_non_null(strstr(s, want));
	if (ann->quotes[q].speaker >= 0)
		assert_non_null(strstr(s, surname(ann->quotes[q].speaker)));
	free(s);
	assert_true(highlight_matches(t, q));
	/* [ goes back to quote 2. */
	tty_keys(t, "[");
	s = status_row(t);
	snprintf(want, sizeof want, "quote 2/%zu", n);
	assert_non_null(strstr(s, want));
	free(s);
	quit(t);
}

static void
test_same_speaker(void **state)
{
	const struct size *sz = *state;
	struct tty *t;
	size_t i, k, n, next, sk, sn;
	char keys[32], *s, want[128];

	/* The first speech quote whose speaker has another one later. */
	for (i = 0; i < ann->nquotes; i++)
		if (nav_is_speech(&ann->quotes[i]) &&
		    ann->quotes[i].speaker >= 0 &&
		    nav_next_same_speaker(ann, i) != NAV_NONE)
			break;
	if (i == ann->nquotes)
		skip();
	next = nav_next_same_speaker(ann, i);
	t = start(sz);
	nav_quote_rank(ann, i, &k, &n);
	snprintf(keys, sizeof keys, "%zu]", k); /* a count */
	tty_keys(t, keys);
	s = status_row(t);
	snprintf(want, sizeof want, "quote %zu/%zu", k, n);
	assert_non_null(strstr(s, want));
	free(s);
	tty_keys(t, "}");
	nav_quote_rank(ann, next, &k, &n);
	nav_speaker_rank(ann, next, &sk, &sn);
	s = status_row(t);
	snprintf(want, sizeof want, "quote %zu/%zu", k, n);
	assert_non_null(strstr(s, want));
	/* The speaker (a long name may be shortened) and its rank. */
	snprintf(want, sizeof want, "%.8s", surname(ann->quotes[i].speaker));
	if (strstr(s, want) == NULL)
		fprintf(stderr, "# status: %s, want %s\n", s, want);
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof want, " %zu/%zu ", sk, sn);
	assert_non_null(strstr(s, want));
	free(s);
	assert_true(highlight_matches(t, next));
	/* { comes back. */
	tty_keys(t, "{");
	nav_quote_rank(ann, i, &k, &n);
	s = status_row(t);
	snprintf(want, sizeof want, "quote %zu/%zu", k, n);
	assert_non_null(strstr(s, want));
	free(s);
	quit(t);
}

static void
test_sidebar_jump(void **state)
{
	const struct size *sz = *state;
	struct tty *t = start(sz);
	char *s, *name, want[128];
	int row, col, a;
	size_t q, k, n, sk, sn;

	tty_keys(t, "\t");
	tty_keys(t, "j");
	/* The selected actor is marked with ">" before its name. */
	assert_true(tty_find(t, ">", &row, &col));
	name = tty_text(t, row, col + 1, 14);
	if (strchr(name, ' ') != NULL)
		*strchr(name, ' ') = '\0';
	for (a = 0; (size_t)a < ann->nactors; a++)
		if (strcmp(surname(a), name) == 0)
			break;
	assert_true((size_t)a < ann->nactors);
	tty_keys(t, "\r");
	q = nav_first_quote(ann, a);
	s = status_row(t);
	if (q != NAV_NONE) {
		nav_quote_rank(ann, q, &k, &n);
		nav_speaker_rank(ann, q, &sk, &sn);
		snprintf(want, sizeof want, "quote %zu/%zu", k, n);
		assert_non_null(strstr(s, want));
		snprintf(want, sizeof want, "%s 1/%zu", name, sn);
		if (strstr(s, want) == NULL)
			fprintf(stderr, "# status: %s, want %s\n", s, want);
		assert_non_null(strstr(s, want));
		assert_true(highlight_matches(t, q));
	} else
		assert_non_null(strstr(s, "no quotes"));
	free(s);
	free(name);
	quit(t);
}

static void
test_search(void **state)
{
	const struct size *sz = *state;
	struct tty *t = start(sz);
	size_t s1, e1, s2, e2;
	char *h;
	int r1, r2, c1, c2;
	bool two;

	assert_true(nav_search(article_text(art), article_len(art), bl,
	    "Pantucci", 8, 0, true, &s1, &e1));
	two = nav_search(article_text(art), article_len(art), bl, "Pantucci",
	    8, s1 + 1, true, &s2, &e2);
	tty_keys(t, "/Pantucci");
	h = status_row(t);
	assert_non_null(strstr(h, "/Pantucci"));
	free(h);
	tty_keys(t, "\r");
	h = highlighted(t, true);
	assert_string_equal(h, "Pantucci");
	free(h);
	assert_true(tty_find(t, "Pantucci", &r1, &c1));
	tty_keys(t, "n");
	h = highlighted(t, true);
	if (two) {
		assert_string_equal(h, "Pantucci");
		/* The match moved: another cell, or the text scrolled. */
		{
			struct tty_cell c;

			tty_cell(t, r1, c1, &c);
			assert_true(!c.reverse || c.ch != 'P');
			(void)r2;
			(void)c2;
		}
	} else {
		char *s = status_row(t);

		assert_non_null(strstr(s, "not found"));
		free(s);
	}
	free(h);
	quit(t);
}

/* The first text line of the article pane. */
static char *
first_line(struct tty *t)
{
	int y;
	char *s;

	for (y = 1; y < tty_rows(t) - 2; y++) {
		int x = sidebar_column(t);

		s = tty_text(t, y, 0, x > 0 ? x : tty_cols(t));
		if (s[0] != '\0')
			return s;
		free(s);
	}
	return strdup("");
}

static void
test_resize(void **state)
{
	struct tty *t = start(&s80);
	char *before, *narrow, *after, *word, *sp;

	(void)state;
	tty_keys(t, "17j");
	before = first_line(t);
	tty_resize(t, 20, 50);
	tty_settle(t, 200, 5000);
	narrow = first_line(t);
	/* The first word at 80 columns starts the narrow first line too,
	 * or is on it (the first visible byte stays on the first line). */
	word = strdup(before + strspn(before, " "));
	if ((sp = strchr(word, ' ')) != NULL)
		*sp = '\0';
	fprintf(stderr, "# 80: \"%s\"\n# 50: \"%s\"\n", before, narrow);
	assert_non_null(strstr(narrow, word));
	tty_resize(t, 24, 80);
	tty_settle(t, 200, 5000);
	after = first_line(t);
	assert_string_equal(before, after);
	free(before);
	free(narrow);
	free(after);
	free(word);
	quit(t);
}

static void
test_sidebar_toggle(void **state)
{
	const struct size *sz = *state;
	struct tty *t = start(sz);
	int x = sidebar_column(t);

	assert_true(x > 0);
	assert_true(tty_find(t, "Actors", NULL, NULL));
	tty_keys(t, "s");
	assert_int_equal(sidebar_column(t), -1);
	assert_false(tty_find(t, "Actors", NULL, NULL));
	tty_keys(t, "s");
	assert_int_equal(sidebar_column(t), x);
	quit(t);
}

/* Whether tok appears in s as a whole word (between blanks). */
static bool
has_token(const char *s, const char *tok)
{
	size_t n = strlen(tok);
	const char *p = s;

	while ((p = strstr(p, tok)) != NULL) {
		if ((p == s || p[-1] == ' ' || p[-1] == '\n') &&
		    (p[n] == ' ' || p[n] == '\n' || p[n] == '\0'))
			return true;
		p++;
	}
	return false;
}

static void
test_help(void **state)
{
	const struct size *sz = *state;
	struct tty *t = start(sz);
	const struct keys_binding *b;
	size_t nb, i, len = 0, cap = 1 << 16;
	char *all = calloc(1, cap), *page, name[32];
	int pages;

	tty_keys(t, "h");
	assert_true(tty_find(t, "keys", NULL, NULL));
	/* Page through to the end, which the help's last line says. */
	for (pages = 0; pages < 20; pages++) {
		page = tty_screen(t);
		len += (size_t)snprintf(all + len, cap - len, "%s", page);
		free(page);
		page = status_row(t);
		if (strstr(page, "(END)") != NULL) {
			free(page);
			break;
		}
		free(page);
		tty_keys(t, " ");
	}
	assert_true(pages < 20);
	b = keys_bindings(&nb);
	for (i = 0; i < nb; i++) {
		keys_name(b[i].key, name, sizeof name);
		if (!has_token(all, name)) {
			fprintf(stderr, "# help lacks key %s\n", name);
			fail();
		}
	}
	tty_keys(t, "q");
	assert_false(tty_find(t, "whosaid: keys", NULL, NULL));
	free(all);
	quit(t);
}

static void
test_copy(void **state)
{
	struct tty *t = start(&s80);
	size_t q = quote_of_rank(1), len, mark;
	const char *out, *p, *end;
	char *dec;

	(void)state;
	assert_true(q != NAV_NONE);
	tty_keys(t, "]");
	mark = tty_mark(t);
	tty_keys(t, "y");
	out = tty_output(t, &len);
	p = strstr(out + mark, "\033]52;c;");
	assert_non_null(p);
	p += 7;
	end = strchr(p, '\a');
	assert_non_null(end);
	dec = tty_base64_decode(p, (size_t)(end - p), NULL);
	assert_non_null(dec);
	assert_non_null(strstr(dec, ann->quotes[q].text));
	if (ann->quotes[q].speaker >= 0)
		assert_non_null(strstr(dec,
		    ann->actors[ann->quotes[q].speaker].name));
	free(dec);
	quit(t);
}

static void
test_quit_restores(void **state)
{
	struct tty *t = start(&s80);

	(void)state;
	assert_true(tty_altscreen(t));
	assert_false(tty_cursor_visible(t));
	tty_send(t, "q");
	assert_int_equal(tty_wait_exit(t, 5000), 0);
	assert_false(tty_altscreen(t));
	assert_true(tty_cursor_visible(t));
	tty_free(t);
}

static int sig_term = SIGTERM, sig_hup = SIGHUP, sig_int = SIGINT;

static void
test_signal_restores(void **state)
{
	struct tty *t = start(&s80);
	int st, sig = *(int *)*state;

	kill(tty_pid(t), sig);
	st = tty_wait_exit(t, 5000);
	assert_true(WIFSIGNALED(st) && WTERMSIG(st) == sig);
	assert_false(tty_altscreen(t));
	assert_true(tty_cursor_visible(t));
	tty_free(t);
}

/*
 * While the analysis of a huge article runs after the first screen (no
 * key is read then), Ctrl-C and the other signals still end the reader
 * at once, leaving the alternate screen with the cursor shown and the
 * tty modes restored. The article: one 16 MB paragraph of quotes, which
 * takes the annotator far longer than the 10 s given for the exit (8 MB
 * took 10 s when this was written).
 */
static void
test_signal_while_busy(void **state)
{
	char path[] = "/tmp/whosaid-busy-XXXXXX";
	char *argv[] = { (char *)whosaid, path, NULL };
	static const char *const env[] = { "LANG=C.UTF-8", NULL };
	static const char *const words[] = { "the", "minister", "said",
		"\"we will", "go\"", "Kazakhstan", "and", "of", "officials" };
	int sig = *(int *)*state, st, fd;
	size_t n = 0, k;
	unsigned seed = 7;
	struct tty *t;
	FILE *f;

	fd = mkstemp(path);
	assert_true(fd >= 0 && (f = fdopen(fd, "w")) != NULL);
	fputs("Busy Title\n\n", f);
	while (n < 16000000) {
		seed = seed * 1103515245u + 12345u;
		k = (seed >> 16) % (sizeof words / sizeof words[0]);
		n += (size_t)fprintf(f, "%s ", words[k]);
	}
	fputs("\n", f);
	assert_int_equal(fclose(f), 0);
	t = tty_start(argv, 24, 80, env);
	assert_non_null(t);
	assert_true(tty_wait_for(t, "Busy Title", 20000));
	tty_settle(t, 100, 1000);
	if (sig == SIGINT)
		tty_send(t, "\003"); /* as typed: the tty sends SIGINT */
	else
		kill(tty_pid(t), sig);
	st = tty_wait_exit(t, 10000);
	assert_true(WIFSIGNALED(st) && WTERMSIG(st) == sig);
	assert_false(tty_altscreen(t));
	assert_true(tty_cursor_visible(t));
	tty_free(t);
	unlink(path);
}

static void
test_pipe(void **state)
{
	char cmd[8192];
	char *argv[] = { (char *)"/bin/sh", (char *)"-c", cmd, NULL };
	static const char *const env[] = { "LANG=C.UTF-8", NULL };
	struct tty *t;
	char *s;

	(void)state;
	snprintf(cmd, sizeof cmd, "cat '%s' | '%s'", article_path, whosaid);
	t = tty_start(argv, 24, 80, env);
	assert_non_null(t);
	assert_true(tty_wait_for(t, title, 10000));
	tty_settle(t, 150, 5000);
	tty_keys(t, "]");
	s = status_row(t);
	assert_non_null(strstr(s, "quote 1/"));
	free(s);
	quit(t);
}

static void
test_dumb_terminal(void **state)
{
	char *argv[] = { (char *)whosaid, article_path, NULL };
	static const char *const env[] = { "TERM=dumb", NULL };
	struct tty *t = tty_start(argv, 24, 80, env);
	const char *out;
	size_t len;
	int st;

	(void)state;
	st = tty_wait_exit(t, 5000);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 1);
	out = tty_output(t, &len);
	assert_non_null(strstr(out, "--summary"));
	assert_null(strstr(out, "\033["));
	tty_free(t);
}

/* CPU time (clock ticks) the process has used, from /proc. */
static long
cpu_ticks(pid_t pid)
{
	char path[64], buf[4096], *p;
	unsigned long ut, st;
	FILE *f;
	int i;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	p = fgets(buf, sizeof buf, f);
	fclose(f);
	if (p == NULL || (p = strrchr(buf, ')')) == NULL)
		return -1;
	for (i = 0; p != NULL && i < 12; i++)
		p = strchr(p + 1, ' ');
	if (p == NULL || sscanf(p, " %lu %lu", &ut, &st) != 2)
		return -1;
	return (long)(ut + st);
}

/* Idle means asleep: no CPU used while nothing happens. */
static void
test_idle(void **state)
{
	struct tty *t = start(&s80);
	long before, after;

	(void)state;
	tty_keys(t, "]");
	before = cpu_ticks(tty_pid(t));
	if (before < 0) {
		quit(t);
		skip();
	}
	usleep(500000);
	after = cpu_ticks(tty_pid(t));
	assert_true(after == before);
	quit(t);
}

/*
 * Ctrl-Z (SIGTSTP): the terminal is given back (alternate screen left,
 * cursor shown) before stopping, and the screen is drawn again on resume.
 * The harness's child is in an orphaned process group, which the kernel
 * does not stop, so suspend and resume follow each other at once.
 */
static void
test_suspend(void **state)
{
	struct tty *t = start(&s80);
	size_t mark, len;
	const char *out, *left, *back;
	double t0;

	(void)state;
	tty_keys(t, "]");
	mark = tty_mark(t);
	kill(tty_pid(t), SIGTSTP);
	for (t0 = tty_now_ms(); tty_now_ms() - t0 < 5000;) {
		tty_settle(t, 20, 50);
		out = tty_output(t, &len);
		if ((left = strstr(out + mark, "\033[?1049l")) != NULL &&
		    strstr(left, "\033[?1049h") != NULL)
			break;
	}
	tty_settle(t, 150, 5000);
	out = tty_output(t, &len);
	left = strstr(out + mark, "\033[?1049l");
	assert_non_null(left);
	assert_non_null(strstr(out + mark, "\033[?25h"));
	back = strstr(left, "\033[?1049h");
	assert_non_null(back);
	assert_non_null(strstr(back, "quote 1/"));
	assert_true(tty_altscreen(t));
	assert_true(tty_find(t, "quote 1/", NULL, NULL));
	quit(t);
}

/*
 * Control characters in an article never reach the terminal: an OSC that
 * would set the title and a colour change are shown as visible text.
 */
static void
test_control_chars(void **state)
{
	char path[] = "/tmp/whosaid-evil-XXXXXX";
	char *argv[] = { (char *)whosaid, path, NULL };
	static const char *const env[] = { "LANG=C.UTF-8", NULL };
	static const char evil[] = "Evil Title\n\nThe man said \033]0;pwned\a"
	    " and \033[31mred\033[0m text.\n";
	struct tty *t;
	const char *out;
	size_t len;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, evil, sizeof evil - 1),
	    (ssize_t)(sizeof evil - 1));
	close(fd);
	t = tty_start(argv, 24, 80, env);
	assert_non_null(t);
	assert_true(tty_wait_for(t, "Evil Title", 10000));
	tty_settle(t, 150, 5000);
	out = tty_output(t, &len);
	assert_null(strstr(out, "pwned\a"));
	assert_null(strstr(out, "\033]0;"));
	assert_null(strstr(out, "\033[31mred"));
	assert_true(tty_find(t, "pwned", NULL, NULL));
	assert_true(tty_find(t, "red", NULL, NULL));
	quit(t);
	unlink(path);
}

/*
 * An article in UTF-16 (with a BOM) reads as its text; a NUL byte shows as
 * U+2400 and does not end the text; the status line says which. Neither
 * sends a NUL to the terminal.
 */
static void
test_utf16_and_nul(void **state)
{
	char path[] = "/tmp/whosaid-u16-XXXXXX";
	char *argv[] = { (char *)whosaid, path, NULL };
	static const char *const env[] = { "LANG=C.UTF-8", NULL };
	static const char text[] = "Wide Title\n\nThe mayor said \"we w\0n\" "
	    "and then left caf\xc3\xa9 Zurich.\n";
	char buf[512];
	size_t i, n = 0;
	const char *out;
	size_t len;
	struct tty *t;
	int fd, round;

	(void)state;
	for (round = 0; round < 2; round++) {
		n = 0;
		if (round == 0) {
			/* UTF-16LE: ASCII and U+00E9 ("\xc3\xa9"). */
			buf[n++] = '\xff';
			buf[n++] = '\xfe';
			for (i = 0; i < sizeof text - 1; i++) {
				if (text[i] == '\xc3') {
					buf[n++] = '\xe9';
					buf[n++] = 0;
					i++;
					continue;
				}
				buf[n++] = text[i];
				buf[n++] = 0;
			}
		} else {
			memcpy(buf, text, sizeof text - 1);
			n = sizeof text - 1;
		}
		fd = mkstemp(path);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, buf, n), (ssize_t)n);
		close(fd);
		t = tty_start(argv, 24, 80, env);
		assert_non_null(t);
		assert_true(tty_wait_for(t, "Wide Title", 10000));
		tty_settle(t, 150, 5000);
		/* The whole line, past the NUL, with the symbol for it. */
		assert_true(tty_find(t, "w\xe2\x90\x80n", NULL, NULL));
		assert_true(tty_find(t, "then left caf\xc3\xa9 Zurich.", NULL,
		    NULL));
		out = tty_output(t, &len);
		assert_null(memchr(out, '\0', len));
		/* The status line says how the file was read. */
		assert_true(tty_find(t, round == 0 ? "UTF-16: converted" :
		    "NUL bytes", NULL, NULL));
		quit(t);
		unlink(path);
		strcpy(path, "/tmp/whosaid-u16-XXXXXX");
	}
}

/* The mouse is off unless --mouse; with it, a click selects an actor. */
static void
test_mouse(void **state)
{
	char *argv[] = { (char *)whosaid, (char *)"--mouse", article_path,
		NULL };
	static const char *const env[] = { "LANG=C.UTF-8", NULL };
	struct tty *t = start(&s80);
	const char *out;
	char click[64], *s;
	size_t len;
	int x, y, row, col;

	(void)state;
	out = tty_output(t, &len);
	assert_null(strstr(out, "1000h"));
	quit(t);

	t = tty_start(argv, 24, 80, env);
	assert_non_null(t);
	assert_true(tty_wait_for(t, title, 10000));
	tty_settle(t, 150, 5000);
	out = tty_output(t, &len);
	assert_non_null(strstr(out, "1000h"));
	x = sidebar_column(t);
	assert_true(x > 0);
	/* The first actor row below the first heading. */
	for (y = 2; y < 20; y++) {
		s = tty_text(t, y, x + 3, 10);
		if (s[0] != '\0' && s[0] != ' ') {
			free(s);
			break;
		}
		free(s);
	}
	/* An SGR (1006) press and release there. */
	snprintf(click, sizeof click, "\033[<0;%d;%dM\033[<0;%d;%dm", x + 5,
	    y + 1, x + 5, y + 1);
	tty_keys(t, click);
	assert_true(tty_find(t, ">", &row, &col));
	assert_int_equal(row, y);
	assert_true(col > x);
	quit(t);
}

/*
 * A large article opens on the blocks of its start; the rest is parsed
 * after the first screen, so G still reaches the end of all of it and the
 * analysis covers every copy.
 */
static void
test_large_article(void **state)
{
	char path[] = "/tmp/whosaid-large-XXXXXX";
	char *argv[] = { (char *)whosaid, path, NULL };
	static const char *const env[] = { "LANG=C.UTF-8", "LC_ALL=", NULL };
	const char *text, *body;
	char *s;
	struct tty *t;
	FILE *fp;
	int fd, i;

	(void)state;
	text = article_text(art); /* the bundled article, loaded once */
	body = strchr(text, '\n');
	assert_non_null(body);
	assert_true((fd = mkstemp(path)) != -1);
	assert_non_null(fp = fdopen(fd, "w"));
	fwrite(text, 1, (size_t)(body - text), fp);
	for (i = 0; i < 150; i++) /* about 1.6 MB */
		fwrite(body, 1, article_len(art) - (size_t)(body - text), fp);
	fclose(fp);

	t = tty_start(argv, 24, 80, env);
	assert_non_null(t);
	assert_true(tty_wait_for(t, title, 10000));
	/* The analysis of all 150 copies arrives: Pantucci in the sidebar. */
	assert_true(tty_wait_for(t, "Pantucci", 20000));
	tty_settle(t, 150, 5000);
	tty_keys(t, "G");
	s = status_row(t);
	assert_non_null(strstr(s, "100%"));
	free(s);
	tty_keys(t, "g");
	tty_keys(t, "]");
	s = status_row(t);
	/* 150 copies of the article's quotes, not only those of the start */
	assert_non_null(strstr(s, "quote 1/"));
	assert_true(atoi(strstr(s, "quote 1/") + 8) > 1000);
	free(s);
	quit(t);
	unlink(path);
}

/*
 * A large article whose only byte that is not UTF-8 lies past the prefix
 * checked before the first screen: it opens on its start, then the whole
 * of it is decoded as Windows-1252 (the status line says so) and its end
 * shows the byte decoded.
 */
static void
test_large_cp1252_tail(void **state)
{
	char path[] = "/tmp/whosaid-tail-XXXXXX";
	char *argv[] = { (char *)whosaid, path, NULL };
	static const char *const env[] = { "LANG=C.UTF-8", "LC_ALL=", NULL };
	const char *text, *body;
	struct tty *t;
	FILE *fp;
	int fd, i, row, col;

	(void)state;
	text = article_text(art);
	body = strchr(text, '\n');
	assert_non_null(body);
	assert_true((fd = mkstemp(path)) != -1);
	assert_non_null(fp = fdopen(fd, "w"));
	fwrite(text, 1, (size_t)(body - text), fp);
	for (i = 0; i < 40; i++) /* about 440 kB: mapped, past the prefix */
		fwrite(body, 1, article_len(art) - (size_t)(body - text), fp);
	fputs("\n\nThe last words: caf\xe9 au lait.\n", fp);
	fclose(fp);

	t = tty_start(argv, 24, 80, env);
	assert_non_null(t);
	assert_true(tty_wait_for(t, title, 10000));
	assert_true(tty_wait_for(t, "decoded as Windows-1252", 20000));
	tty_settle(t, 150, 5000);
	tty_keys(t, "G");
	assert_true(tty_find(t, "caf\xc3\xa9 au lait.", &row, &col));
	quit(t);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_prestate(test_opens, &s80),
		cmocka_unit_test_prestate(test_opens, &s120),
		cmocka_unit_test_prestate(test_opens, &s50),
		cmocka_unit_test_prestate(test_quote3, &s80),
		cmocka_unit_test_prestate(test_quote3, &s120),
		cmocka_unit_test_prestate(test_quote3, &s50),
		cmocka_unit_test_prestate(test_same_speaker, &s80),
		cmocka_unit_test_prestate(test_same_speaker, &s50),
		cmocka_unit_test_prestate(test_same_speaker, &s120),
		cmocka_unit_test_prestate(test_sidebar_jump, &s80),
		cmocka_unit_test_prestate(test_sidebar_jump, &s50),
		cmocka_unit_test_prestate(test_sidebar_jump, &s120),
		cmocka_unit_test_prestate(test_search, &s80),
		cmocka_unit_test_prestate(test_search, &s50),
		cmocka_unit_test_prestate(test_search, &s120),
		cmocka_unit_test(test_resize),
		cmocka_unit_test_prestate(test_sidebar_toggle, &s80),
		cmocka_unit_test(test_sidebar_noise),
		cmocka_unit_test(test_utf16_and_nul),
		cmocka_unit_test_prestate(test_signal_while_busy, &sig_int),
		cmocka_unit_test_prestate(test_signal_while_busy, &sig_term),
		cmocka_unit_test_prestate(test_sidebar_toggle, &s120),
		cmocka_unit_test_prestate(test_help, &s80),
		cmocka_unit_test_prestate(test_help, &s50),
		cmocka_unit_test_prestate(test_help, &s120),
		cmocka_unit_test(test_copy),
		cmocka_unit_test(test_quit_restores),
		cmocka_unit_test_prestate(test_signal_restores, &sig_term),
		cmocka_unit_test_prestate(test_signal_restores, &sig_hup),
		cmocka_unit_test_prestate(test_signal_restores, &sig_int),
		cmocka_unit_test(test_idle),
		cmocka_unit_test(test_suspend),
		cmocka_unit_test(test_pipe),
		cmocka_unit_test(test_dumb_terminal),
		cmocka_unit_test(test_mouse),
		cmocka_unit_test(test_control_chars),
		cmocka_unit_test(test_large_article),
		cmocka_unit_test(test_large_cp1252_tail),
	};

	return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
