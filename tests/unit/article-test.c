/*
 * article-test.c: loading and decoding articles.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "article.h"

static void
test_utf8_kept(void **state)
{
	const char s[] = "caf\xc3\xa9 \"quoted\"\n";
	struct article *art = article_new(s, sizeof s - 1, "t");

	(void)state;
	assert_int_equal(article_flags(art), 0);
	assert_int_equal(article_len(art), sizeof s - 1);
	assert_memory_equal(article_text(art), s, sizeof s - 1);
	assert_int_equal(article_file_offset(art, 5), 5);
	article_free(art);
}

static void
test_cp1252_decoded(void **state)
{
	/* 0x93 and 0x94 are curly double quotes in Windows-1252. */
	const char s[] = "\x93Hi\x94 caf\xe9";
	struct article *art = article_new(s, sizeof s - 1, "t");

	(void)state;
	assert_true(article_flags(art) & ARTICLE_CP1252);
	assert_string_equal(article_text(art),
	    "\xe2\x80\x9cHi\xe2\x80\x9d caf\xc3\xa9");
	/* "H" is at text offset 3 and at file offset 1. */
	assert_int_equal(article_file_offset(art, 3), 1);
	assert_int_equal(article_text_offset(art, 1), 3);
	assert_int_equal(article_file_offset(art, article_len(art)),
	    sizeof s - 1);
	article_free(art);
}

static void
test_bom_crlf_flagged(void **state)
{
	const char s[] = "\xef\xbb\xbfTitle\r\n\r\nBody\r\n";
	struct article *art = article_new(s, sizeof s - 1, "t");

	(void)state;
	assert_int_equal(article_flags(art), ARTICLE_BOM | ARTICLE_CRLF);
	assert_int_equal(article_len(art), sizeof s - 1);
	article_free(art);
}

static void
test_empty(void **state)
{
	struct article *art = article_new("", 0, "t");

	(void)state;
	assert_int_equal(article_len(art), 0);
	assert_string_equal(article_text(art), "");
	article_free(art);
}

/* NUL bytes neither end the text nor reach it: each becomes U+2400. */
static void
test_nul_shown(void **state)
{
	const char s[] = "a\0b \"q\0\0t\"";
	struct article *art = article_new(s, sizeof s - 1, "t");

	(void)state;
	assert_int_equal(article_flags(art), ARTICLE_NUL);
	assert_int_equal(article_len(art), sizeof s - 1 + 3 * 2);
	assert_string_equal(article_text(art), "a\xe2\x90\x80"
	    "b \"q\xe2\x90\x80\xe2\x90\x80t\"");
	assert_null(memchr(article_text(art), '\0', article_len(art)));
	/* Every byte of the symbol is the NUL's file offset; "b" is at 2. */
	assert_int_equal(article_file_offset(art, 1), 1);
	assert_int_equal(article_file_offset(art, 3), 1);
	assert_int_equal(article_file_offset(art, 4), 2);
	assert_int_equal(article_text_offset(art, 2), 4);
	/* The pair of NULs: file 6 and 7, text 8 and 11. */
	assert_int_equal(article_text_offset(art, 6), 8);
	assert_int_equal(article_text_offset(art, 7), 11);
	assert_int_equal(article_file_offset(art, 13), 7);
	assert_int_equal(article_file_offset(art, 14), 8);
	assert_int_equal(article_file_offset(art, article_len(art)),
	    sizeof s - 1);
	/* The file's bytes stay as read. */
	assert_int_equal(article_size(art), sizeof s - 1);
	assert_memory_equal(article_bytes(art), s, sizeof s - 1);
	article_free(art);

	/* With Windows-1252 too: 0x93 is a curly quote. */
	art = article_new("\x93x\0y", 4, "t");
	assert_int_equal(article_flags(art), ARTICLE_CP1252 | ARTICLE_NUL);
	assert_string_equal(article_text(art),
	    "\xe2\x80\x9cx\xe2\x90\x80y");
	assert_int_equal(article_file_offset(art, 4), 2);
	assert_int_equal(article_file_offset(art, 7), 3);
	article_free(art);
}

/*
 * One special thing at every offset of a plain ASCII text, across the
 * blocks the fast scan skips: found wherever it is, and nothing else is.
 */
static void
test_scan_offsets(void **state)
{
	static const struct {
		const char *s;
		int flags;
	} cases[] = {
		{ "\0", ARTICLE_NUL },
		{ "\r\n", ARTICLE_CRLF },
		{ "\r", 0 },
		{ "\xc3\xa9", 0 },
		{ "\xe2\x80\x9c", 0 },
		{ "\xff", ARTICLE_CP1252 },
		{ "\xc3", ARTICLE_CP1252 },     /* cut short */
		{ "\xc0\xaf", ARTICLE_CP1252 }, /* overlong */
	};
	char buf[200];
	size_t c, n, at, k;
	struct article *art;

	(void)state;
	for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		k = strlen(cases[c].s);
		if (k == 0)
			k = 1; /* the NUL */
		for (n = 1; n < 140; n += 7) {
			for (at = 0; at + k <= n; at++) {
				memset(buf, 'a', n);
				memcpy(buf + at, cases[c].s, k);
				art = article_new(buf, n, "t");
				assert_int_equal(article_flags(art),
				    cases[c].flags);
				article_free(art);
			}
		}
	}
}

/* s (n bytes, UTF-8 without NULs) as UTF-16 with a BOM. */
static char *
utf16(const char *s, size_t n, bool big, size_t *outn)
{
	char *out = malloc(2 * n + 2), *p = out;
	size_t i;

	*p++ = big ? '\xfe' : '\xff';
	*p++ = big ? '\xff' : '\xfe';
	/* ASCII only, plus the surrogate pair written by the caller. */
	for (i = 0; i < n; i++) {
		*p++ = big ? 0 : s[i];
		*p++ = big ? s[i] : 0;
	}
	*outn = (size_t)(p - out);
	return out;
}

static void
check_utf16(bool big)
{
	const char s[] = "Hi \"quote\"\r\n";
	struct article *art;
	size_t n;
	char *b = utf16(s, sizeof s - 1, big, &n);

	art = article_new(b, n, "t");
	assert_int_equal(article_flags(art),
	    ARTICLE_UTF16 | ARTICLE_BOM | ARTICLE_CRLF);
	/* The mark becomes a UTF-8 BOM, as a UTF-8 file would keep it. */
	assert_int_equal(article_len(art), 3 + sizeof s - 1);
	assert_memory_equal(article_text(art), "\xef\xbb\xbf", 3);
	assert_string_equal(article_text(art) + 3, s);
	/* "q" is character 4: text 3 + 4, file 2 + 2 * 4. */
	assert_int_equal(article_file_offset(art, 7), 10);
	assert_int_equal(article_text_offset(art, 10), 7);
	assert_int_equal(article_file_offset(art, 1), 0);
	assert_int_equal(article_file_offset(art, article_len(art)), n);
	assert_int_equal(article_size(art), n);
	article_free(art);
	free(b);
}

static void
test_utf16_le(void **state)
{
	(void)state;
	check_utf16(false);
}

static void
test_utf16_be(void **state)
{
	(void)state;
	check_utf16(true);
}

/* Beyond ASCII: a surrogate pair, a lone surrogate, a NUL, an odd byte. */
static void
test_utf16_hard(void **state)
{
	/* BOM, U+00E9, U+1F600 (D83D DE00), lone D800, U+0000, "a", odd. */
	const char le[] = "\xff\xfe" "\xe9\x00" "\x3d\xd8\x00\xde"
	    "\x00\xd8" "\x00\x00" "a\x00" "z";
	struct article *art = article_new(le, sizeof le - 1, "t");

	(void)state;
	assert_int_equal(article_flags(art),
	    ARTICLE_UTF16 | ARTICLE_BOM | ARTICLE_NUL);
	assert_string_equal(article_text(art), "\xef\xbb\xbf" "\xc3\xa9"
	    "\xf0\x9f\x98\x80" "\xef\xbf\xbd" "\xe2\x90\x80" "a"
	    "\xef\xbf\xbd");
	/* The emoji (text 5..8) came from file bytes 4..7. */
	assert_int_equal(article_file_offset(art, 5), 4);
	assert_int_equal(article_file_offset(art, 8), 4);
	assert_int_equal(article_file_offset(art, 9), 8);
	/* "a" at text 15, file 12; the odd byte at file 14. */
	assert_int_equal(article_file_offset(art, 15), 12);
	assert_int_equal(article_file_offset(art, 16), 14);
	assert_int_equal(article_file_offset(art, article_len(art)),
	    sizeof le - 1);
	article_free(art);
}

static void
test_utf32(void **state)
{
	const char be[] = "\0\0\xfe\xff" "\0\0\0A" "\0\x01\xf6\x00"
	    "\0\x11\0\0";
	struct article *art = article_new(be, sizeof be - 1, "t");

	(void)state;
	assert_int_equal(article_flags(art), ARTICLE_UTF32 | ARTICLE_BOM);
	/* A, U+1F600, then U+110000 (beyond Unicode) as U+FFFD. */
	assert_string_equal(article_text(art), "\xef\xbb\xbf" "A"
	    "\xf0\x9f\x98\x80" "\xef\xbf\xbd");
	assert_int_equal(article_file_offset(art, 4), 8);
	article_free(art);
	/* Little-endian, not taken for UTF-16. */
	art = article_new("\xff\xfe\0\0" "B\0\0\0", 8, "t");
	assert_int_equal(article_flags(art), ARTICLE_UTF32 | ARTICLE_BOM);
	assert_string_equal(article_text(art), "\xef\xbb\xbf" "B");
	article_free(art);
}

static void
test_missing_file(void **state)
{
	char *cause = NULL;

	(void)state;
	assert_null(article_load("/nonexistent/whosaid", &cause));
	assert_string_equal(cause,
	    "/nonexistent/whosaid: No such file or directory");
	free(cause);
	assert_null(article_load("/", &cause));
	assert_string_equal(cause, "/: Is a directory");
	free(cause);
}

static void
test_special_files(void **state)
{
	char dir[] = "/tmp/article-test-XXXXXX", path[64];
	struct sockaddr_un sun;
	char *cause = NULL;
	int fd;

	(void)state;
	assert_null(article_load("/dev/null", &cause));
	assert_string_equal(cause,
	    "/dev/null: not a regular file (a character device)");
	free(cause);

	assert_non_null(mkdtemp(dir));
	/* A FIFO nobody writes to: an error at once, not a hang. */
	snprintf(path, sizeof path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_null(article_load(path, &cause));
	assert_non_null(strstr(cause, "/fifo: a FIFO with no writer"));
	free(cause);
	unlink(path);

	snprintf(path, sizeof path, "%s/sock", dir);
	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	snprintf(sun.sun_path, sizeof sun.sun_path, "%s", path);
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&sun, sizeof sun), 0);
	assert_null(article_load(path, &cause));
	assert_non_null(strstr(cause, "/sock: not a regular file (a socket)"));
	free(cause);
	close(fd);
	unlink(path);
	rmdir(dir);
}

/* A FIFO with a writer is read like a pipe, e.g. whosaid <(command). */
static void
test_fifo_with_writer(void **state)
{
	int p[2];
	char path[64];
	char *cause = NULL;
	struct article *art;

	(void)state;
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], "Hello", 5), 5);
	close(p[1]);
	snprintf(path, sizeof path, "/dev/fd/%d", p[0]);
	art = article_load(path, &cause);
	assert_non_null(art);
	assert_string_equal(article_text(art), "Hello");
	article_free(art);
	close(p[0]);
}

/* A read error: a descriptor open for writing only. */
static void
test_read_error(void **state)
{
	char path[] = "/tmp/article-test-XXXXXX";
	char *cause = NULL;
	int fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	assert_true((fd = open(path, O_WRONLY)) >= 0);
	assert_null(article_load_fd(fd, "w", &cause));
	assert_string_equal(cause, "w: Bad file descriptor");
	free(cause);
	close(fd);
	unlink(path);
}

/* Does loading path fail with "path: Permission denied"? */
static bool
denied(const char *path)
{
	char *cause = NULL;
	struct article *art = article_load(path, &cause);
	bool ok;

	if (art != NULL) {
		article_free(art);
		return false;
	}
	ok = strlen(cause) > strlen(path) &&
	    strcmp(cause + strlen(path), ": Permission denied") == 0;
	free(cause);
	return ok;
}

static void
test_unreadable(void **state)
{
	char path[] = "/tmp/article-test-XXXXXX";
	int fd, status;
	pid_t pid;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	assert_int_equal(chmod(path, 0), 0);
	if (geteuid() != 0) {
		assert_true(denied(path));
		unlink(path);
		return;
	}
	/* root reads anything: try as nobody in a child. */
	if ((pid = fork()) == 0) {
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(2);
		_exit(denied(path) ? 0 : 1);
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	unlink(path);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 2)
		skip();
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/*
 * A large file is mapped: its text ends with a NUL even when its size is
 * a multiple of the page size, and after article_settle() it no longer
 * depends on the file (truncating the file would make reading a mapping
 * of it fault).
 */
static void
test_load_mapped(void **state)
{
	char path[] = "/tmp/article-test-XXXXXX";
	size_t n = 80 * 4096, i, sum = 0;
	char *s = malloc(n), *cause = NULL;
	const char *t;
	struct article *art;
	int fd;

	(void)state;
	for (i = 0; i < n; i++)
		s[i] = (char)('a' + i % 26);
	memcpy(s + n - 6, "\xc3\xa9\r\n\r\n", 6);
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, s, n), (ssize_t)n);
	close(fd);
	art = article_load(path, &cause);
	assert_non_null(art);
	assert_int_equal(article_flags(art), ARTICLE_CRLF);
	assert_int_equal(article_len(art), n);
	t = article_text(art);
	assert_memory_equal(t, s, n);
	assert_int_equal(t[n], '\0');
	article_settle(art);
	article_settle(art); /* twice is harmless */
	assert_int_equal(truncate(path, 0), 0);
	assert_ptr_equal(article_text(art), t);
	for (i = 0; i < n; i++)
		sum += (unsigned char)t[i];
	assert_true(sum > 0);
	assert_memory_equal(t, s, n);
	assert_int_equal(t[n], '\0');
	article_free(art);
	unlink(path);
	free(s);
}

/* A large file in Windows-1252: decoded from the mapping, its bytes
 * settled like those of a UTF-8 file. */
static void
test_load_mapped_cp1252(void **state)
{
	char path[] = "/tmp/article-test-XXXXXX";
	size_t n = 300000, i, sum = 0;
	char *s = malloc(n), *cause = NULL;
	const char *b;
	struct article *art;
	int fd;

	(void)state;
	memset(s, 'x', n);
	s[n - 1] = '\x93'; /* a curly quote, last */
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, s, n), (ssize_t)n);
	close(fd);
	art = article_load(path, &cause);
	assert_non_null(art);
	assert_int_equal(article_flags(art), ARTICLE_CP1252);
	assert_int_equal(article_len(art), n + 2);
	assert_memory_equal(article_text(art) + n - 1, "\xe2\x80\x9c", 3);
	assert_int_equal(article_file_offset(art, n + 1), n - 1);
	article_settle(art);
	assert_int_equal(truncate(path, 0), 0);
	b = article_bytes(art);
	for (i = 0; i < n; i++)
		sum += (unsigned char)b[i];
	assert_true(sum > 0);
	assert_memory_equal(b, s, n);
	article_free(art);
	unlink(path);
	free(s);
}

/* A file read whole, in a size where buffers grow. */
static void
test_load_file(void **state)
{
	char path[] = "/tmp/article-test-XXXXXX";
	size_t n = 300000, i;
	char *s = malloc(n), *cause = NULL;
	struct article *art;
	int fd;

	(void)state;
	for (i = 0; i < n; i++)
		s[i] = (char)('a' + i % 26);
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, s, n), (ssize_t)n);
	close(fd);
	art = article_load(path, &cause);
	assert_non_null(art);
	assert_int_equal(article_len(art), n);
	assert_memory_equal(article_text(art), s, n);
	assert_int_equal(article_text(art)[n], '\0');
	article_free(art);
	unlink(path);
	free(s);
}

/* Write n bytes of lines of letters with tail at the end to a new file;
 * returns the bytes (allocated). */
static char *
prefix_file(char *path, size_t n, const char *tail, size_t tn)
{
	char *s = malloc(n);
	size_t i;
	int fd;

	for (i = 0; i < n; i++)
		s[i] = i % 61 == 60 ? '\n' : (char)('a' + i % 26);
	memcpy(s + n - tn, tail, tn);
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, s, n), (ssize_t)n);
	close(fd);
	return s;
}

/*
 * article_load_prefix(): only the lines up to about the prefix are seen
 * (NUL-terminated, the file's bytes) until article_settle(), which then
 * gives what article_load() does: here the whole file as it is.
 */
static void
test_prefix_valid(void **state)
{
	char path[] = "/tmp/article-test-XXXXXX";
	size_t n = 400000, len;
	char *s = prefix_file(path, n, "\xc3\xa9\n", 3), *cause = NULL;
	const char *t;
	struct article *art;

	(void)state;
	art = article_load_prefix(path, 4096, &cause);
	assert_non_null(art);
	assert_true(article_partial(art));
	len = article_len(art);
	assert_true(len >= 4096 && len < 4096 + 61);
	t = article_text(art);
	assert_int_equal(t[len - 1], '\n');
	assert_int_equal(t[len], '\0');
	assert_memory_equal(t, s, len);
	article_settle(art);
	assert_false(article_partial(art));
	assert_int_equal(truncate(path, 0), 0);
	assert_int_equal(article_len(art), n);
	assert_int_equal(article_flags(art), 0);
	assert_memory_equal(article_text(art), s, n);
	assert_int_equal(article_text(art)[n], '\0');
	assert_int_equal(article_file_offset(art, n - 3), n - 3);
	article_free(art);
	unlink(path);
	free(s);
}

/*
 * A byte that is not UTF-8 past the prefix: the prefix is shown as it is
 * first; article_settle() decodes the whole file as Windows-1252, and a
 * prefix offset (a file offset) maps to the same character.
 */
static void
test_prefix_cp1252_tail(void **state)
{
	char path[] = "/tmp/article-test-XXXXXX";
	size_t n = 400000, off = 5000;
	char *s = prefix_file(path, n, "caf\xe9\n", 5), *cause = NULL;
	struct article *art;

	(void)state;
	s[0] = '\xc3'; /* a UTF-8 e-acute at the start: valid prefix */
	s[1] = '\xa9';
	{
		FILE *fp = fopen(path, "r+");

		assert_non_null(fp);
		assert_int_equal(fwrite(s, 1, 2, fp), 2);
		fclose(fp);
	}
	art = article_load_prefix(path, 4096, &cause);
	assert_non_null(art);
	assert_true(article_partial(art));
	assert_int_equal(article_flags(art), 0);
	assert_memory_equal(article_text(art), "\xc3\xa9", 2);
	article_settle(art);
	assert_false(article_partial(art));
	assert_int_equal(article_flags(art), ARTICLE_CP1252);
	/* The two bytes of the start are two Windows-1252 characters now. */
	assert_memory_equal(article_text(art), "\xc3\x83\xc2\xa9", 4);
	assert_int_equal(article_len(art), n + 3);
	assert_memory_equal(article_text(art) + n, "\xc3\xa9\n", 3);
	assert_int_equal(article_file_offset(art,
	    article_text_offset(art, off)), off);
	assert_int_equal(article_text(art)[article_text_offset(art, off)],
	    s[off]);
	article_free(art);
	unlink(path);
	free(s);
}

/* A NUL and a CR LF past the prefix: flagged and shown after settling. */
static void
test_prefix_nul_crlf_tail(void **state)
{
	char path[] = "/tmp/article-test-XXXXXX";
	size_t n = 400000;
	char *s = prefix_file(path, n, "a\0b\r\n", 5), *cause = NULL;
	struct article *art;

	(void)state;
	art = article_load_prefix(path, 4096, &cause);
	assert_non_null(art);
	assert_true(article_partial(art));
	article_settle(art);
	assert_int_equal(article_flags(art), ARTICLE_NUL | ARTICLE_CRLF);
	assert_int_equal(article_len(art), n + 2);
	assert_memory_equal(article_text(art) + n - 5, "a\xe2\x90\x80"
	    "b\r\n", 7);
	article_free(art);
	unlink(path);
	free(s);
}

/* A prefix that is not clean (a CR in it), or a small file: the whole
 * article at once, as article_load() gives it. */
static void
test_prefix_whole(void **state)
{
	char path[] = "/tmp/article-test-XXXXXX";
	size_t n = 400000;
	char *s = prefix_file(path, n, "\n", 1), *cause = NULL;
	struct article *art;
	FILE *fp;

	(void)state;
	assert_non_null(fp = fopen(path, "r+"));
	assert_int_equal(fwrite("\r", 1, 1, fp), 1);
	fclose(fp);
	art = article_load_prefix(path, 4096, &cause);
	assert_non_null(art);
	assert_false(article_partial(art));
	assert_int_equal(article_len(art), n);
	article_free(art);
	assert_int_equal(truncate(path, 1000), 0);
	art = article_load_prefix(path, 100, &cause);
	assert_non_null(art);
	assert_false(article_partial(art));
	assert_int_equal(article_len(art), 1000);
	article_free(art);
	unlink(path);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_kept),
		cmocka_unit_test(test_cp1252_decoded),
		cmocka_unit_test(test_bom_crlf_flagged),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_nul_shown),
		cmocka_unit_test(test_scan_offsets),
		cmocka_unit_test(test_utf16_le),
		cmocka_unit_test(test_utf16_be),
		cmocka_unit_test(test_utf16_hard),
		cmocka_unit_test(test_utf32),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_special_files),
		cmocka_unit_test(test_fifo_with_writer),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_load_mapped),
		cmocka_unit_test(test_load_mapped_cp1252),
		cmocka_unit_test(test_prefix_valid),
		cmocka_unit_test(test_prefix_cp1252_tail),
		cmocka_unit_test(test_prefix_nul_crlf_tail),
		cmocka_unit_test(test_prefix_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
