/*
 * hostile-test.c: the reader against hostile articles, and every way out
 * of it, in a pseudo-terminal (harness.c), looking at the raw bytes the
 * program writes.
 *
 * - Not one escape sequence of an article reaches the terminal: the
 *   article's CSI, OSC (title, OSC 52 clipboard, OSC 8 link), DCS,
 *   APC/PM/SOS, RIS and C1 controls and its bidi controls are absent
 *   from the program's output, and the terminal is asked nothing (no
 *   reply to a query ever comes back).
 * - Every way out (q, SIGINT, SIGTERM, SIGHUP, an error: out of memory
 *   in the analysis after the first screen, SIGBUS as from a mapped file
 *   cut short: a message and exit 1) ends the process and leaves
 *   the terminal as it was: the terminfo entry's rmcup (leave the
 *   alternate screen) and cnorm (cursor shown) are written after the
 *   last smcup and civis. Checked for each TERM whose entry is
 *   installed.
 * - Articles that cannot be read are refused before the screen is
 *   touched; odd ones (empty, binary, a 50 MB line) open and quit.
 * Articles are made at run time in a temporary folder.
 */
#include "config.h"

#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <curses.h>
#include <jansson.h>
#include <term.h>

#include "harness.h"

static const char *whosaid;
static char dir[256];

/* The article's attacks, each with a payload that names it. */
#define ESC "\033"
#define ST  ESC "\\"
static const char *const attacks[] = {
	ESC "]0;pwned-title\a",		/* OSC 0: window title */
	ESC "]2;pwned-title2" ST,	/* OSC 2, ended by ST */
	ESC "]52;c;cm0gLXJmIH4K\a",	/* OSC 52: write the clipboard */
	ESC "]8;;http://evil.example/" ST, /* OSC 8: a hyperlink */
	ESC "P+q544e" ST,		/* DCS XTGETTCAP: a query */
	ESC "P$qm" ST,			/* DCS DECRQSS: a query */
	ESC "_apc-payload" ST,		/* APC */
	ESC "^pm-payload" ST,		/* PM */
	ESC "Xsos-payload" ST,		/* SOS */
	ESC "[6n",			/* CSI DSR: report the cursor */
	ESC "[21t",			/* CSI: report the title */
	ESC "[>c",			/* CSI DA2 */
	ESC "[31mred-payload",		/* CSI SGR */
	ESC "[?1049lleave-alt",		/* CSI: leave the alternate screen */
	ESC "c",			/* RIS: reset the terminal */
	ESC "#8",			/* DECALN: fill the screen with E */
	"\xc2\x9b" "2J",		/* C1 CSI (U+009B) */
	"\xc2\x9d" "0;c1-title\xc2\x9c", /* C1 OSC ... ST */
	"\xc2\x90" "c1-dcs",		/* C1 DCS */
	"\xc2\x9f" "c1-apc",		/* C1 APC */
};

/* Bidi controls: the reader drops them (sanitize.c). */
static const char *const bidi[] = {
	"\xe2\x80\xaa", "\xe2\x80\xab", "\xe2\x80\xac", "\xe2\x80\xad",
	"\xe2\x80\xae", "\xe2\x81\xa6", "\xe2\x81\xa7", "\xe2\x81\xa8",
	"\xe2\x81\xa9", "\xe2\x80\x8e", "\xe2\x80\x8f", "\xd8\x9c",
};

#define NATTACKS (sizeof attacks / sizeof attacks[0])
#define NBIDI	 (sizeof bidi / sizeof bidi[0])

/* Write a file in the test's folder; returns its path (allocated). */
static char *
make_file(const char *name, const char *data, size_t len)
{
	char *path;
	FILE *f;

	assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* The attack article: every attack in the title, a name, a quote, a cue
 * and the body, and every bidi control in a quote. */
static char *
make_attack_article(void)
{
	char *buf = NULL, *path;
	size_t len = 0, i;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	fprintf(f, "Attack Title %s%s\n\n", attacks[0], attacks[13]);
	for (i = 0; i < NATTACKS; i++)
		fprintf(f,
		    "Minister Ann %sLee said \"we will %s go on\" on "
		    "Monday%s.\n\n",
		    attacks[i], attacks[(i + 3) % NATTACKS],
		    attacks[(i + 7) % NATTACKS]);
	fputs("\"Mixed ", f);
	for (i = 0; i < NBIDI; i++)
		fprintf(f, "%sword%zu ", bidi[i], i);
	fputs("end,\" said Bob Smith.\n", f);
	fclose(f);
	path = make_file("attack.txt", buf, len);
	free(buf);
	return path;
}

/* Start the reader on path in rows x cols with TERM term. */
static struct tty *
start(const char *path, const char *term, int rows, int cols)
{
	char *argv[] = { (char *)whosaid, (char *)path, NULL };
	char termvar[64];
	const char *env[] = { termvar, "LANG=C.UTF-8", "LC_ALL=", NULL };

	snprintf(termvar, sizeof termvar, "TERM=%s", term);
	return tty_start(argv, rows, cols, env);
}

/* The first occurrence of needle in out[from..len), or NULL. */
static const char *
find_bytes(const char *out, size_t len, size_t from, const char *needle)
{
	return from <= len ? memmem(out + from, len - from, needle,
	    strlen(needle)) : NULL;
}

/* The last occurrence of needle in out[0..len), or NULL. */
static const char *
find_last(const char *out, size_t len, const char *needle)
{
	const char *p, *last = NULL;
	size_t n = strlen(needle), from = 0;

	while ((p = find_bytes(out, len, from, needle)) != NULL) {
		last = p;
		from = (size_t)(p - out) + n;
	}
	return last;
}

/* ---- escapes -------------------------------------------------------- */

static void
check_no_attack(struct tty *t)
{
	const char *out;
	size_t len, i;

	out = tty_output(t, &len);
	for (i = 0; i < NATTACKS; i++)
		if (find_bytes(out, len, 0, attacks[i]) != NULL)
			fail_msg("attack %zu (%s) reached the terminal", i,
			    attacks[i] + 1);
	for (i = 0; i < NBIDI; i++)
		if (find_bytes(out, len, 0, bidi[i]) != NULL)
			fail_msg("bidi control %zu reached the terminal", i);
	/* No C1 control at all, in its UTF-8 form. */
	for (i = 0; i + 1 < len; i++)
		if ((unsigned char)out[i] == 0xc2 &&
		    (unsigned char)out[i + 1] >= 0x80 &&
		    (unsigned char)out[i + 1] <= 0x9f)
			fail_msg("a C1 control (U+00%02X) reached the terminal",
			    (unsigned char)out[i + 1]);
	/* Nothing asked the terminal a question. */
	assert_int_equal(tty_replies(t), 0);
}

/*
 * What "y" put on the clipboard (the program's own OSC 52, base64) holds
 * no control character either: it is pasted into terminals later.
 */
static void
check_copied(struct tty *t)
{
	const char *out, *p, *end;
	char *text;
	size_t len, n, i;

	out = tty_output(t, &len);
	p = find_last(out, len, ESC "]52;c;");
	if (p == NULL)
		fail_msg("y copied nothing");
	p += strlen(ESC "]52;c;");
	for (end = p; end < out + len && *end != '\a' && *end != '\033';)
		end++;
	text = tty_base64_decode(p, (size_t)(end - p), &n);
	assert_non_null(text);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		if ((unsigned char)text[i] < 0x20 && text[i] != '\n')
			fail_msg("the copied text holds control 0x%02x",
			    (unsigned char)text[i]);
	for (i = 0; i < NBIDI; i++)
		assert_null(memmem(text, n, bidi[i], strlen(bidi[i])));
	for (i = 0; i + 1 < n; i++)
		assert_false((unsigned char)text[i] == 0xc2 &&
		    (unsigned char)text[i + 1] >= 0x80 &&
		    (unsigned char)text[i + 1] <= 0x9f);
	free(text);
}

static void
test_escapes(void **state)
{
	static const char *const keys[] = { "]", "]", "}", "]", "G", "g",
		"/pwned\r", "n", "\t", "j", "\r", "\t", "s", "s", "d", "G",
		"y" };
	const int *size = *state;
	char *path = make_attack_article();
	struct tty *t = start(path, "xterm-256color", size[0], size[1]);
	size_t i;

	assert_non_null(t);
	assert_true(tty_wait_for(t, "Attack Title", 10000));
	/* The analysis is there: the status line counts the quotes. */
	assert_true(tty_wait_for(t, " quotes", 20000));
	tty_settle(t, 150, 5000);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		tty_keys(t, keys[i]);
		check_no_attack(t);
	}
	check_copied(t);
	/* The payloads are shown, as text. */
	tty_keys(t, "g");
	assert_true(tty_find(t, "^[", NULL, NULL));
	tty_send(t, "q");
	assert_int_equal(tty_wait_exit(t, 5000), 0);
	check_no_attack(t);
	tty_free(t);
	unlink(path);
	free(path);
}

/* Not UTF-8: raw 8-bit C1 bytes (decoded as Windows-1252, where five of
 * them are undefined) never become controls on the terminal. */
static void
test_escapes_8bit(void **state)
{
	static const char raw[] = "Raw \x9b" "2J \x9d" "0;pwned\x9c Title\n\n"
	    "He said \"x\033[2J\x81\x8d\x8f\x90\x9d y\" loudly, \x85 \x96.\n";
	char *path = make_file("raw.txt", raw, sizeof raw - 1);
	struct tty *t = start(path, "xterm-256color", 24, 80);

	(void)state;
	assert_non_null(t);
	assert_true(tty_wait_for(t, "Title", 10000));
	tty_settle(t, 150, 5000);
	tty_keys(t, "]");
	check_no_attack(t);
	tty_send(t, "q");
	assert_int_equal(tty_wait_exit(t, 5000), 0);
	check_no_attack(t);
	tty_free(t);
	unlink(path);
	free(path);
}

/* The file's name holds escapes too: the header shows it harmless, and
 * a missing one is reported harmless. The article is never written. */
static void
test_escapes_in_name(void **state)
{
	static const char text[] = "Plain Title\n\nShe said \"fine\".\n";
	char name[128], *path, *missing, *bytes;
	struct tty *t;
	struct stat sb;
	FILE *f;
	int st;

	(void)state;
	snprintf(name, sizeof name, "name%s%s.txt", attacks[0], attacks[12]);
	path = make_file(name, text, sizeof text - 1);
	t = start(path, "xterm-256color", 24, 80);
	assert_non_null(t);
	assert_true(tty_wait_for(t, "Plain Title", 10000));
	tty_settle(t, 150, 5000);
	check_no_attack(t);
	tty_send(t, "q");
	assert_int_equal(tty_wait_exit(t, 5000), 0);
	tty_free(t);
	/* Byte for byte as it was written. */
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_size, sizeof text - 1);
	bytes = calloc(1, sizeof text);
	assert_non_null(bytes);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(bytes, 1, sizeof text, f), sizeof text - 1);
	fclose(f);
	assert_memory_equal(bytes, text, sizeof text - 1);
	free(bytes);

	assert_true(asprintf(&missing, "%s/gone%s", dir, attacks[2]) > 0);
	t = start(missing, "xterm-256color", 24, 80);
	assert_non_null(t);
	st = tty_wait_exit(t, 10000);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 1);
	check_no_attack(t);
	tty_free(t);
	unlink(path);
	free(path);
	free(missing);
}

/*
 * An index is anybody's file too: escapes in its strings (title, actor
 * names, roles, aliases, positions, cues) reach neither the screen nor
 * the clipboard.
 */
static void
test_escapes_from_index(void **state)
{
	static const char text[] = "Plain Title\n\nMinister Ann Lee said "
	    "\"we will go on\" on Monday.\n\n\"Not now,\" said Bob Smith, "
	    "a farmer.\n";
	static const char *const keys[] = { "]", "]", "[", "}", "\t", "j",
		"\r", "\t", "G", "g", "]" };
	char *path = make_file("indexed.txt", text, sizeof text - 1);
	char *ipath, cmd[1200], *evil;
	json_t *root, *actors, *a, *quotes, *q;
	json_error_t err;
	struct tty *t;
	size_t i;

	(void)state;
	assert_true(asprintf(&ipath, "%s.whosaid", path) > 0);
	snprintf(cmd, sizeof cmd, "'%s' --index '%s' >/dev/null", whosaid,
	    path);
	assert_int_equal(system(cmd), 0);
	root = json_load_file(ipath, 0, &err);
	assert_non_null(root);
	assert_true(asprintf(&evil, "%s%s%s%s", attacks[0], attacks[2],
	    attacks[18], bidi[4]) > 0);
	json_object_set_new(json_object_get(root, "article"), "title",
	    json_sprintf("Evil%s", evil));
	actors = json_object_get(root, "actors");
	assert_true(json_array_size(actors) > 0);
	json_array_foreach(actors, i, a) {
		json_object_set_new(a, "name", json_sprintf("N%zu%s", i, evil));
		json_object_set_new(a, "role", json_sprintf("R%s", evil));
		json_object_set_new(a, "affiliation",
		    json_sprintf("F%s", evil));
		json_object_set_new(a, "aliases", json_pack("[s]", evil));
		json_object_set_new(a, "position", json_sprintf("P%s", evil));
		json_object_set_new(a, "position_curated", json_true());
		json_object_del(a, "position_start");
		json_object_del(a, "position_end");
	}
	quotes = json_object_get(root, "quotes");
	json_array_foreach(quotes, i, q)
		json_object_set_new(q, "cue", json_sprintf("said%s", evil));
	assert_int_equal(json_dump_file(root, ipath, JSON_INDENT(1)), 0);
	json_decref(root);
	free(evil);

	t = start(path, "xterm-256color", 24, 80);
	assert_non_null(t);
	/* The index was read, not recomputed: its names are on screen. */
	assert_true(tty_wait_for(t, "N0", 20000));
	tty_settle(t, 150, 5000);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		tty_keys(t, keys[i]);
		check_no_attack(t);
	}
	tty_keys(t, "y");
	check_copied(t);
	check_no_attack(t);
	tty_send(t, "q");
	assert_int_equal(tty_wait_exit(t, 5000), 0);
	tty_free(t);
	unlink(ipath);
	unlink(path);
	free(ipath);
	free(path);
}

/* ---- every way out restores the terminal ------------------------------ */

/* SIGBUS: what a mapped article cut short while it is read raises. */
enum way { WAY_Q, WAY_SIGINT, WAY_SIGTERM, WAY_SIGHUP, WAY_ERROR, WAY_SIGBUS };
static const char *const way_names[] = { "q", "SIGINT", "SIGTERM",
	"SIGHUP", "out of memory", "SIGBUS" };
static const int way_signals[] = { 0, SIGINT, SIGTERM, SIGHUP, 0, SIGBUS };

/* A terminfo string of term, copied, or NULL. */
static char *
terminfo(const char *term, const char *cap)
{
	char *s;
	int err;

	if (setupterm(term, 1, &err) != OK)
		return NULL;
	s = tigetstr(cap);
	s = (s == NULL || s == (char *)-1) ? NULL : strdup(s);
	del_curterm(cur_term);
	return s;
}

/* An article of about mb megabytes with many quotes, made once. */
static char *
big_article(int mb)
{
	static const char para[] = "Minister Ann Lee said \"we will go on\" "
	    "on Monday, and Bob Smith agreed with her.\n\n";
	char name[64], *path;
	FILE *f;
	size_t i, n = (size_t)mb * 1024 * 1024 / (sizeof para - 1);
	struct stat sb;

	snprintf(name, sizeof name, "big%d.txt", mb);
	assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
	if (stat(path, &sb) == 0)
		return path;
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("Big Title\n\n", f);
	for (i = 0; i < n; i++)
		fputs(para, f);
	assert_int_equal(fclose(f), 0);
	return path;
}

/* Whether whosaid was built with AddressSanitizer (which cannot run
 * under a limit on address space). */
static bool
built_with_asan(void)
{
	char cmd[4200];

	snprintf(cmd, sizeof cmd, "grep -q __asan_init '%s'", whosaid);
	return system(cmd) == 0;
}

/*
 * Leave the reader one way and check the output after the first screen:
 * rmcup after the last smcup, cnorm after the last civis, the process
 * gone with the status that way gives.
 */
static void
check_way(const char *term, enum way way)
{
	char *rmcup = terminfo(term, "rmcup"), *smcup = terminfo(term, "smcup");
	char *cnorm = terminfo(term, "cnorm"), *civis = terminfo(term, "civis");
	char *path = NULL, cmd[300];
	const char *out, *last_smcup, *last_rmcup, *last_civis, *last_cnorm;
	struct tty *t;
	size_t len;
	int st;

	if (rmcup == NULL || cnorm == NULL || smcup == NULL) {
		print_message("# %s: no terminfo entry with smcup, rmcup and "
		    "cnorm here: skipped\n", term);
		goto out;
	}
	if (way == WAY_ERROR) {
		/*
		 * Out of memory after the first screen: the analysis of
		 * a 20 MB article under a 45 MB address-space limit.
		 */
		char *argv[] = { (char *)"/bin/sh", (char *)"-c", cmd,
			(char *)whosaid, NULL, NULL };
		char termvar[64];
		const char *env[] = { termvar, "LANG=C.UTF-8", "LC_ALL=",
			NULL };

		if (built_with_asan()) {
			print_message("# AddressSanitizer build: no address-"
			    "space limit, out of memory not tested\n");
			goto out;
		}
		path = big_article(20);
		argv[4] = path;
		snprintf(cmd, sizeof cmd, "ulimit -v 45000 && exec \"$0\" "
		    "\"$1\"");
		snprintf(termvar, sizeof termvar, "TERM=%s", term);
		t = tty_start(argv, 24, 80, env);
	} else {
		path = make_file("way.txt", "Way Out\n\nShe said \"bye\".\n",
		    25);
		t = start(path, term, 24, 80);
	}
	assert_non_null(t);
	assert_true(tty_wait_for(t, way == WAY_ERROR ? "Big Title" : "Way Out",
	    10000));
	switch (way) {
	case WAY_Q:
		tty_settle(t, 150, 5000);
		tty_send(t, "q");
		break;
	case WAY_ERROR:
		if (!tty_wait_output(t, "out of memory", 60000)) {
			/* The reader got leaner: nothing to test here. */
			print_message("# the analysis fit in 45 MB: out of "
			    "memory not reached\n");
			tty_send(t, "q");
			tty_wait_exit(t, 5000);
			goto done;
		}
		break;
	default:
		tty_settle(t, 150, 5000);
		kill(tty_pid(t), way_signals[way]);
		break;
	}
	st = tty_wait_exit(t, 60000);
	if (st == -1)
		fail_msg("%s, %s: the reader did not end", term, way_names[way]);
	switch (way) {
	case WAY_Q:
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
		break;
	case WAY_ERROR:
	case WAY_SIGBUS:
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 1);
		break;
	default:
		/* It dies of the signal, as a shell expects. */
		assert_true(WIFSIGNALED(st) &&
		    WTERMSIG(st) == way_signals[way]);
		break;
	}
	out = tty_output(t, &len);
	last_smcup = find_last(out, len, smcup);
	last_rmcup = find_last(out, len, rmcup);
	last_cnorm = find_last(out, len, cnorm);
	last_civis = civis != NULL ? find_last(out, len, civis) : NULL;
	if (last_smcup == NULL)
		fail_msg("%s, %s: the alternate screen was never entered",
		    term, way_names[way]);
	if (last_rmcup == NULL || last_rmcup < last_smcup)
		fail_msg("%s, %s: the alternate screen was not left", term,
		    way_names[way]);
	if (last_cnorm == NULL || (last_civis != NULL &&
	    last_cnorm < last_civis))
		fail_msg("%s, %s: the cursor was not shown again", term,
		    way_names[way]);
	assert_false(tty_altscreen(t));
	assert_true(tty_cursor_visible(t));
	if (way == WAY_ERROR || way == WAY_SIGBUS) {
		/* The message comes after the screen is given back. */
		const char *msg = find_bytes(out, len, 0, way == WAY_ERROR ?
		    "out of memory" : "way.txt: the file was cut short");

		assert_non_null(msg);
		assert_true(msg > last_rmcup);
	}
done:
	tty_free(t);
out:
	free(path);
	free(rmcup);
	free(smcup);
	free(cnorm);
	free(civis);
}

static const char *const terms[] = { "xterm-256color", "screen-256color",
	"tmux-256color", "xterm", "rxvt-unicode-256color" };

static void
test_way_out(void **state)
{
	enum way way = *(const enum way *)*state;
	size_t i;

	for (i = 0; i < sizeof terms / sizeof terms[0]; i++) {
		check_way(terms[i], way);
		/* Out of memory is slow to reach: one terminal is enough. */
		if (way == WAY_ERROR)
			break;
	}
}

/* A signal while the analysis of a big article runs after the first
 * screen: the reader still ends, and gives the terminal back. */
static void
test_signal_during_analysis(void **state)
{
	char *path = big_article(5);
	struct tty *t = start(path, "xterm-256color", 24, 80);
	int st;

	(void)state;
	assert_non_null(t);
	assert_true(tty_wait_for(t, "Big Title", 10000));
	kill(tty_pid(t), SIGTERM);
	st = tty_wait_exit(t, 120000);
	assert_true(st != -1);
	assert_true(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
	assert_false(tty_altscreen(t));
	assert_true(tty_cursor_visible(t));
	tty_free(t);
	free(path);
}

/* ---- articles the reader is given --------------------------------------- */

/* Cannot be read: one line, exit 1, the screen never touched. */
static void
test_unreadable_articles(void **state)
{
	char *paths[3];
	const char *out;
	struct tty *t;
	size_t len, i;
	int st;

	(void)state;
	assert_true(asprintf(&paths[0], "%s/missing.txt", dir) > 0);
	assert_true(asprintf(&paths[1], "%s", dir) > 0);
	assert_true(asprintf(&paths[2], "/dev/zero") > 0);
	for (i = 0; i < 3; i++) {
		t = start(paths[i], "xterm-256color", 24, 80);
		assert_non_null(t);
		st = tty_wait_exit(t, 10000);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 1);
		out = tty_output(t, &len);
		assert_non_null(find_bytes(out, len, 0, paths[i]));
		assert_null(find_bytes(out, len, 0, "\033[?1049h"));
		assert_false(tty_altscreen(t));
		tty_free(t);
		free(paths[i]);
	}
}

/* Odd articles open, show their first screen and quit cleanly. */
static void
test_odd_articles(void **state)
{
	static const char nul[] = "Nul\0Title\n\nShe said \"a\0b\" today.\n";
	char *paths[4], *line;
	struct tty *t;
	size_t i, n = (size_t)50 << 20;
	FILE *f;

	(void)state;
	paths[0] = make_file("empty.txt", "", 0);
	paths[1] = make_file("nul.txt", nul, sizeof nul - 1);
	/* The start of the program itself: an ELF binary. */
	{
		char buf[8192];
		FILE *in = fopen(whosaid, "rb");
		size_t got;

		assert_non_null(in);
		got = fread(buf, 1, sizeof buf, in);
		fclose(in);
		paths[2] = make_file("binary.bin", buf, got);
	}
	/* 50 MB on one line. */
	assert_true(asprintf(&paths[3], "%s/line.txt", dir) > 0);
	f = fopen(paths[3], "w");
	assert_non_null(f);
	line = malloc(1 << 20);
	assert_non_null(line);
	for (i = 0; i < (1 << 20); i++)
		line[i] = (i % 6 == 5) ? ' ' : "Words"[i % 6];
	for (i = 0; i < n >> 20; i++)
		assert_int_equal(fwrite(line, 1, 1 << 20, f), 1 << 20);
	assert_int_equal(fclose(f), 0);
	free(line);

	for (i = 0; i < 4; i++) {
		t = start(paths[i], "xterm-256color", 24, 80);
		assert_non_null(t);
		/* The first screen: the alternate screen, then quiet. */
		if (!tty_wait_output(t, "\033[?1049h", 60000))
			fail_msg("%s: no first screen", paths[i]);
		tty_settle(t, 300, 60000);
		assert_true(tty_altscreen(t));
		tty_keys(t, "G");
		tty_send(t, "q");
		if (tty_wait_exit(t, 120000) != 0)
			fail_msg("%s: did not quit cleanly", paths[i]);
		assert_false(tty_altscreen(t));
		tty_free(t);
		unlink(paths[i]);
		free(paths[i]);
	}
}

static int
setup_all(void **state)
{
	const char *tmp = getenv("TMPDIR");

	(void)state;
	if ((whosaid = getenv("WHOSAID")) == NULL)
		whosaid = "./whosaid";
	snprintf(dir, sizeof dir, "%s/hostile-test.XXXXXX",
	    tmp != NULL && tmp[0] == '/' ? tmp : "/tmp");
	return mkdtemp(dir) != NULL ? 0 : -1;
}

static int
teardown_all(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	static const int s80[] = { 24, 80 }, s50[] = { 20, 50 },
	    s120[] = { 40, 120 };
	static const enum way q = WAY_Q, sint = WAY_SIGINT,
	    sterm = WAY_SIGTERM, shup = WAY_SIGHUP, err = WAY_ERROR,
	    sbus = WAY_SIGBUS;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_prestate(test_escapes, (void *)s80),
		cmocka_unit_test_prestate(test_escapes, (void *)s50),
		cmocka_unit_test_prestate(test_escapes, (void *)s120),
		cmocka_unit_test(test_escapes_8bit),
		cmocka_unit_test(test_escapes_in_name),
		cmocka_unit_test(test_escapes_from_index),
		cmocka_unit_test_prestate(test_way_out, (void *)&q),
		cmocka_unit_test_prestate(test_way_out, (void *)&sint),
		cmocka_unit_test_prestate(test_way_out, (void *)&sterm),
		cmocka_unit_test_prestate(test_way_out, (void *)&shup),
		cmocka_unit_test_prestate(test_way_out, (void *)&err),
		cmocka_unit_test_prestate(test_way_out, (void *)&sbus),
		cmocka_unit_test(test_signal_during_analysis),
		cmocka_unit_test(test_unreadable_articles),
		cmocka_unit_test(test_odd_articles),
	};

	return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
