/*
 * article.c: load an article whole and decode it.
 *
 * Invariant: art->text is valid UTF-8 of art->len bytes followed by a NUL.
 * When the input is valid UTF-8, text and bytes are the same buffer.
 * Otherwise text holds the Windows-1252 decoding and t2f[] maps each text
 * offset (0..len) to the file offset of the byte it came from.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <uniconv.h>
#include <unistr.h>

#include "article.h"
#include "xmalloc.h"

struct article {
	char *name;
	char *bytes; /* as read, NUL-terminated */
	size_t size;
	char *text; /* == bytes unless ARTICLE_CP1252 */
	size_t len;
	size_t *t2f; /* text offset -> file offset, NULL for UTF-8 */
	int flags;
};

/* Decode bytes as Windows-1252 into art->text, keeping an offset map. */
static void
article_decode_cp1252(struct article *art)
{
	size_t *f2t = xcalloc(art->size + 1, sizeof *f2t);
	size_t outlen = 0, i, j;
	uint8_t *out;

	out = u8_conv_from_encoding("CP1252", iconveh_question_mark,
	    art->bytes, art->size, f2t, NULL, &outlen);
	if (out == NULL) {
		/*
		 * No converter: fall back to Latin-1, which maps every byte
		 * to the code point of the same value.
		 */
		out = xmalloc(art->size * 2 + 1);
		for (i = 0, outlen = 0; i < art->size; i++) {
			unsigned char c = (unsigned char)art->bytes[i];

			f2t[i] = outlen;
			outlen += u8_uctomb(out + outlen, c, 2);
		}
	}
	art->text = xmalloc(outlen + 1);
	memcpy(art->text, out, outlen);
	art->text[outlen] = '\0';
	art->len = outlen;
	free(out);

	/* Invert: every text byte maps to the file byte it came from. */
	art->t2f = xcalloc(outlen + 1, sizeof *art->t2f);
	for (i = 0, j = 0; i < art->size; i++) {
		size_t end = (i + 1 < art->size) ? f2t[i + 1] : outlen;

		if (f2t[i] == (size_t)-1)
			continue;
		for (j = f2t[i]; j < end && j < outlen; j++)
			art->t2f[j] = i;
	}
	art->t2f[outlen] = art->size;
	free(f2t);
}

/*
 * Is s valid UTF-8? Runs of ASCII are skipped a word at a time; what lies
 * between them is checked by libunistring's u8_check(). (u8_check() on a
 * whole mostly-ASCII file is several times slower.)
 */
static bool
article_utf8_valid(const char *s, size_t len)
{
	const uint64_t high = 0x8080808080808080ull;
	size_t i = 0, j;
	uint64_t w;

	while (i < len) {
		while (i + 8 <= len) {
			memcpy(&w, s + i, 8);
			if (w & high)
				break;
			i += 8;
		}
		while (i < len && (unsigned char)s[i] < 0x80)
			i++;
		if (i >= len)
			break;
		/* A run up to the next ASCII byte: whole characters. */
		for (j = i; j < len && (unsigned char)s[j] >= 0x80; j++)
			;
		if (u8_check((const uint8_t *)s + i, j - i) != NULL)
			return false;
		i = j;
	}
	return true;
}

/* Is there a CR LF in s? (memchr is much faster than memmem here.) */
static bool
article_has_crlf(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while ((p = memchr(p, '\r', (size_t)(end - p))) != NULL) {
		if (p + 1 < end && p[1] == '\n')
			return true;
		p++;
	}
	return false;
}

/* Make an article of buf, which must have room for size + 1 bytes; takes
 * ownership of buf. */
static struct article *
article_adopt(char *buf, size_t size, const char *name)
{
	struct article *art = xcalloc(1, sizeof *art);

	art->name = xstrdup(name != NULL ? name : "-");
	art->bytes = buf;
	art->bytes[size] = '\0';
	art->size = size;

	if (article_utf8_valid(art->bytes, size)) {
		art->text = art->bytes;
		art->len = size;
	} else {
		art->flags |= ARTICLE_CP1252;
		article_decode_cp1252(art);
	}
	if (art->len >= 3 && memcmp(art->text, "\xef\xbb\xbf", 3) == 0)
		art->flags |= ARTICLE_BOM;
	if (article_has_crlf(art->text, art->len))
		art->flags |= ARTICLE_CRLF;
	return art;
}

struct article *
article_new(const char *bytes, size_t size, const char *name)
{
	char *buf = xmalloc(size + 1);

	if (size > 0)
		memcpy(buf, bytes, size);
	return article_adopt(buf, size, name);
}

struct article *
article_load_fd(int fd, const char *name, char **cause)
{
	size_t size = 0, cap = 65536;
	char *buf = xmalloc(cap);
	ssize_t n;

	for (;;) {
		if (size + 1 >= cap) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		n = read(fd, buf + size, cap - size);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*cause = xasprintf("%s: %s", name, strerror(errno));
			free(buf);
			return NULL;
		}
		size += (size_t)n;
	}
	return article_adopt(buf, size, name);
}

struct article *
article_load(const char *path, char **cause)
{
	struct article *art;
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0)
		return article_load_fd(0, "-", cause);
	if ((fd = open(path, O_RDONLY)) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		*cause = xasprintf("%s: Is a directory", path);
		close(fd);
		return NULL;
	}
	art = article_load_fd(fd, path, cause);
	close(fd);
	return art;
}

void
article_free(struct article *art)
{
	if (art == NULL)
		return;
	if (art->text != art->bytes)
		free(art->text);
	free(art->bytes);
	free(art->t2f);
	free(art->name);
	free(art);
}

const char *
article_name(const struct article *art)
{
	return art->name;
}

const char *
article_text(const struct article *art)
{
	return art->text;
}

size_t
article_len(const struct article *art)
{
	return art->len;
}

const char *
article_bytes(const struct article *art)
{
	return art->bytes;
}

size_t
article_size(const struct article *art)
{
	return art->size;
}

int
article_flags(const struct article *art)
{
	return art->flags;
}

size_t
article_file_offset(const struct article *art, size_t text_off)
{
	if (art->t2f == NULL)
		return text_off;
	if (text_off > art->len)
		text_off = art->len;
	return art->t2f[text_off];
}

size_t
article_text_offset(const struct article *art, size_t file_off)
{
	size_t lo = 0, hi;

	if (art->t2f == NULL)
		return file_off;
	/* t2f is non-decreasing: find the first text offset at file_off. */
	hi = art->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (art->t2f[mid] < file_off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
