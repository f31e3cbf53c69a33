/*
 * article.c: load an article whole and decode it.
 *
 * Invariant: art->text is valid UTF-8 of art->len bytes followed by a NUL
 * and holds no other NUL byte. When the input is valid UTF-8 without NUL
 * bytes, text and bytes are the same buffer and t2f is NULL. Otherwise
 * text is a decoding (UTF-16 or UTF-32 after their byte order mark, else
 * UTF-8 or Windows-1252; a NUL becomes U+2400) and t2f[] maps each text
 * offset (0..len) to the file offset of the byte it came from: t2f never
 * decreases and t2f[len] == size, so offsets reported to the user or
 * stored in an index still refer to the file's bytes.
 *
 * A large regular file is mapped rather than read (maplen != 0): reading
 * 10 MB into fresh memory costs more than everything else before the
 * reader's first screen. The mapping is followed by at least one zero byte
 * (the end of the file's last page, or an anonymous page reserved after
 * it), so bytes stay NUL-terminated without being written to.
 * article_settle() later moves a copy to the same address, so a file
 * truncated while it is read cannot fault.
 *
 * article_load_prefix() checks only a prefix of a mapped file before the
 * first screen: while partial, the mapping is writable (private, so the
 * file is untouched), bytes[cut] holds a NUL in place of cut_byte and len
 * == cut, so the text is that prefix: valid UTF-8, NUL-terminated, with no
 * NUL or CR byte. article_settle() puts the byte back and decodes the
 * whole file (the same result as article_load()).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <uniconv.h>
#include <unistr.h>

#include "article.h"
#include "xmalloc.h"

/* Larger inputs are refused rather than exhausting memory. */
#define ARTICLE_MAX_SIZE ((size_t)512 * 1024 * 1024)

/* Regular files of this size and more are mapped, not read. */
#define ARTICLE_MAP_MIN ((size_t)256 * 1024)

/* U+2400 SYMBOL FOR NULL stands for a NUL byte of the input. */
#define ARTICLE_NUL_SYMBOL 0x2400

struct article {
	char *name;
	char *bytes; /* as read, NUL-terminated */
	size_t size;
	size_t maplen; /* bytes is a mapping of this length, or 0 */
	/* cppcheck does not read <sys/mman.h>, so misses its MREMAP_FIXED use */
	/* cppcheck-suppress unusedStructMember */
	bool settled;  /* the mapping holds a copy, no longer the file */
	char *text; /* == bytes when t2f is NULL */
	size_t len;
	size_t *t2f; /* text offset -> file offset, NULL for identity */
	int flags;
	bool partial; /* only bytes[0..cut) checked and seen; see above */
	size_t cut;
	char cut_byte;
};

/* Where article_load_prefix() looks for a line end to cut after. */
#define ARTICLE_CUT_SLACK ((size_t)1024 * 1024)

/* A text being built with its offset map. */
struct article_out {
	uint8_t *s;
	size_t *t2f;
	size_t len, cap;
	bool nul; /* a NUL was put (as U+2400) */
};

static void
article_out_init(struct article_out *o, size_t cap)
{
	o->cap = cap < 16 ? 16 : cap;
	o->s = xmalloc(o->cap + 1);
	o->t2f = xreallocarray(NULL, o->cap + 1, sizeof *o->t2f);
	o->len = 0;
	o->nul = false;
}

/* Make room for 6 more bytes (a character and a spare). */
static void
article_out_room(struct article_out *o)
{
	if (o->len + 6 > o->cap) {
		o->cap = o->cap * 2 + 6;
		o->s = xrealloc(o->s, o->cap + 1);
		o->t2f = xreallocarray(o->t2f, o->cap + 1, sizeof *o->t2f);
	}
}

/* Append the UTF-8 of uc, every byte of it coming from file offset off;
 * a NUL is put as U+2400. */
static void
article_out_put(struct article_out *o, ucs4_t uc, size_t off)
{
	int n, i;

	article_out_room(o);
	if (uc == 0) {
		uc = ARTICLE_NUL_SYMBOL;
		o->nul = true;
	}
	n = u8_uctomb(o->s + o->len, uc, 6);
	if (n < 1) /* not a character: cannot happen after u*_mbtouc */
		n = u8_uctomb(o->s + o->len, 0xfffd, 6);
	for (i = 0; i < n; i++)
		o->t2f[o->len + (size_t)i] = off;
	o->len += (size_t)n;
}

/* Make o the article's text; the map ends at the file's size. */
static void
article_out_finish(struct article *art, struct article_out *o)
{
	o->s[o->len] = '\0';
	o->t2f[o->len] = art->size;
	if (o->nul)
		art->flags |= ARTICLE_NUL;
	if (art->text != art->bytes)
		free(art->text);
	free(art->t2f);
	art->text = (char *)o->s;
	art->len = o->len;
	art->t2f = o->t2f;
}

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
			outlen += (size_t)u8_uctomb(out + outlen, c, 2);
		}
	}
	art->text = xmalloc(outlen + 1);
	memcpy(art->text, out, outlen);
	art->text[outlen] = '\0';
	art->len = outlen;
	free(out);

	/* Invert: every text byte maps to the file byte it came from. */
	art->t2f = xcalloc(outlen + 1, sizeof *art->t2f);
	for (i = 0; i < art->size; i++) {
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
 * Decode UTF-16 (unit 2) or UTF-32 (unit 4), big- or little-endian, from
 * the start of the bytes (the byte order mark becomes U+FEFF, as a UTF-8
 * BOM stays in the text). Units are put in native order and decoded by
 * libunistring, which gives U+FFFD for lone surrogates and values beyond
 * U+10FFFF; a trailing partial unit becomes U+FFFD too.
 */
static void
article_decode_wide(struct article *art, int unit, bool big)
{
	const uint8_t *b = (const uint8_t *)art->bytes;
	size_t n = art->size / (size_t)unit, i, k;
	struct article_out o;
	uint16_t *u16 = NULL;
	uint32_t *u32 = NULL;
	ucs4_t uc;
	int m;

	if (unit == 2) {
		u16 = xreallocarray(NULL, n + 1, sizeof *u16);
		for (i = 0; i < n; i++)
			u16[i] = big ? (uint16_t)(b[2 * i] << 8 | b[2 * i + 1])
			             : (uint16_t)(b[2 * i + 1] << 8 | b[2 * i]);
	} else {
		u32 = xreallocarray(NULL, n + 1, sizeof *u32);
		for (i = 0; i < n; i++) {
			const uint8_t *p = b + 4 * i;

			u32[i] = big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
			                   (uint32_t)p[2] << 8 | p[3]
			             : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
			                   (uint32_t)p[1] << 8 | p[0];
		}
	}
	/* Mostly ASCII or other BMP text: about 1.5 bytes per byte. */
	article_out_init(&o, art->size + art->size / 2);
	for (i = 0; i < n; i += (size_t)m) {
		if (u16 != NULL)
			m = u16_mbtouc(&uc, u16 + i, n - i);
		else
			m = u32_mbtouc(&uc, u32 + i, n - i);
		if (m < 1)
			m = 1;
		article_out_put(&o, uc, i * (size_t)unit);
	}
	if ((k = n * (size_t)unit) < art->size)
		article_out_put(&o, 0xfffd, k);
	free(u16);
	free(u32);
	article_out_finish(art, &o);
}

/* Replace every NUL of the text by U+2400, keeping the offset map. */
static void
article_show_nuls(struct article *art)
{
	const char *t = art->text;
	struct article_out o;
	size_t i, off;

	article_out_init(&o, art->len + 64);
	for (i = 0; i < art->len; i++) {
		off = art->t2f != NULL ? art->t2f[i] : i;
		if (t[i] == '\0') {
			article_out_put(&o, 0, off);
			continue;
		}
		article_out_room(&o);
		o.s[o.len] = (uint8_t)t[i];
		o.t2f[o.len++] = off;
	}
	article_out_finish(art, &o);
}

#ifdef __SSE2__
/*
 * The start of the first 32-byte block from i on that holds a byte with
 * the high bit set, a NUL or a CR; the start of the last partial block
 * if none does.
 */
static size_t
article_skip_plain(const char *s, size_t i, size_t len)
{
	const __m128i zero = _mm_setzero_si128(), cr = _mm_set1_epi8('\r');
	__m128i a, b, m;

	for (; i + 32 <= len; i += 32) {
		a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));
		m = _mm_or_si128(_mm_or_si128(a, b),
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(a, zero),
		                     _mm_cmpeq_epi8(b, zero)),
		        _mm_or_si128(_mm_cmpeq_epi8(a, cr),
		            _mm_cmpeq_epi8(b, cr))));
		if (_mm_movemask_epi8(m) != 0)
			break;
	}
	return i;
}
#else
/* The same, eight bytes at a time in a word (x - 1 & ~x has the high bit
 * of each zero byte set). */
static size_t
article_skip_plain(const char *s, size_t i, size_t len)
{
	const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
	uint64_t w, c;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		c = w ^ (ones * '\r');
		if ((w | ((w - ones) & ~w) | ((c - ones) & ~c)) & high)
			break;
	}
	return i;
}
#endif

/*
 * Is s valid UTF-8? Also sets *nul and *cr when s holds a NUL or a CR
 * byte. One pass: blocks of plain ASCII are skipped many bytes at a time;
 * runs of non-ASCII bytes are checked by libunistring's u8_check(). This
 * runs on every byte before the reader's first screen, so it is made
 * fast (u8_check() on a whole mostly-ASCII file, then two memchr() calls,
 * take twice as long).
 */
static bool
article_scan(const char *s, size_t len, bool *nul, bool *cr)
{
	size_t i = 0, j, end;
	unsigned char c;

	*nul = *cr = false;
	while (i < len) {
		i = article_skip_plain(s, i, len);
		/* Byte by byte to the end of that block (or further). */
		end = i + 32 < len ? i + 32 : len;
		while (i < end) {
			c = (unsigned char)s[i];
			if (c < 0x80) {
				if (c == '\0')
					*nul = true;
				else if (c == '\r')
					*cr = true;
				i++;
				continue;
			}
			/* A run up to the next ASCII byte: whole characters. */
			for (j = i; j < len && (unsigned char)s[j] >= 0x80; j++)
				;
			if (u8_check((const uint8_t *)s + i, j - i) != NULL)
				return false;
			i = j;
		}
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

/* Does s start with the byte string m (of n bytes)? */
static bool
article_starts(const char *s, size_t len, const char *m, size_t n)
{
	return len >= n && memcmp(s, m, n) == 0;
}

/*
 * Decode art->bytes into art->text (and len, t2f, flags) knowing that the
 * bytes before from are valid UTF-8 without NUL or CR (from is 0 or a
 * character boundary).
 */
static void
article_decode(struct article *art, size_t from)
{
	const char *b = art->bytes;
	size_t size = art->size;
	bool nul = false, cr = false;

	art->text = art->bytes;
	art->len = size;
	/* UTF-32 first: its little-endian mark starts like UTF-16's. */
	if (from > 0) {
		if (!article_scan(b + from, size - from, &nul, &cr)) {
			art->flags |= ARTICLE_CP1252;
			article_decode_cp1252(art);
			nul = memchr(art->text, '\0', art->len) != NULL;
			cr = memchr(art->text, '\r', art->len) != NULL;
		}
	} else if (article_starts(b, size, "\xff\xfe\0\0", 4)) {
		art->flags |= ARTICLE_UTF32;
		article_decode_wide(art, 4, false);
	} else if (article_starts(b, size, "\0\0\xfe\xff", 4)) {
		art->flags |= ARTICLE_UTF32;
		article_decode_wide(art, 4, true);
	} else if (article_starts(b, size, "\xff\xfe", 2)) {
		art->flags |= ARTICLE_UTF16;
		article_decode_wide(art, 2, false);
	} else if (article_starts(b, size, "\xfe\xff", 2)) {
		art->flags |= ARTICLE_UTF16;
		article_decode_wide(art, 2, true);
	} else if (!article_scan(b, size, &nul, &cr)) {
		art->flags |= ARTICLE_CP1252;
		article_decode_cp1252(art);
		nul = memchr(art->text, '\0', art->len) != NULL;
		cr = memchr(art->text, '\r', art->len) != NULL;
	}
	/* The wide decoders already replaced NULs and did not look for CR. */
	if (art->flags & (ARTICLE_UTF16 | ARTICLE_UTF32))
		cr = memchr(art->text, '\r', art->len) != NULL;
	else if (nul)
		article_show_nuls(art);
	if (article_starts(art->text, art->len, "\xef\xbb\xbf", 3))
		art->flags |= ARTICLE_BOM;
	if (cr && article_has_crlf(art->text, art->len))
		art->flags |= ARTICLE_CRLF;
}

/*
 * Make an article of buf; takes ownership of buf. When maplen is 0 buf is
 * allocated with room for size + 1 bytes; otherwise it is a mapping of
 * maplen bytes whose byte at size is already zero.
 */
static struct article *
article_adopt(char *buf, size_t size, size_t maplen, const char *name)
{
	struct article *art = xcalloc(1, sizeof *art);

	art->name = xstrdup(name != NULL ? name : "-");
	art->bytes = buf;
	art->maplen = maplen;
	if (maplen == 0)
		art->bytes[size] = '\0';
	art->size = size;
	article_decode(art, 0);
	return art;
}

/*
 * Where to cut a prefix of about prefix bytes: after the first line end
 * from there (within ARTICLE_CUT_SLACK), else at the first ASCII byte (a
 * character boundary); size when there is nothing to cut.
 */
static size_t
article_cut(const char *s, size_t size, size_t prefix)
{
	const char *nl;
	size_t n, i;

	if (prefix >= size)
		return size;
	n = size - prefix < ARTICLE_CUT_SLACK ? size - prefix :
	    ARTICLE_CUT_SLACK;
	if ((nl = memchr(s + prefix, '\n', n)) != NULL)
		return (size_t)(nl - s) + 1;
	for (i = prefix; i < size && (unsigned char)s[i] >= 0x80; i++)
		;
	return i;
}

/*
 * Make an article of the writable mapping buf seeing only its prefix when
 * that is clean UTF-8 (see the opening comment); else as article_adopt().
 */
static struct article *
article_adopt_prefix(char *buf, size_t size, size_t maplen,
                     const char *name, size_t prefix)
{
	struct article *art;
	size_t cut = article_cut(buf, size, prefix);
	bool nul, cr;

	if (cut >= size || !article_scan(buf, cut, &nul, &cr) || nul || cr) {
		mprotect(buf, maplen, PROT_READ);
		return article_adopt(buf, size, maplen, name);
	}
	art = xcalloc(1, sizeof *art);
	art->name = xstrdup(name != NULL ? name : "-");
	art->bytes = buf;
	art->maplen = maplen;
	art->size = size;
	art->text = buf;
	art->len = cut;
	art->partial = true;
	art->cut = cut;
	art->cut_byte = buf[cut];
	buf[cut] = '\0';
	if (article_starts(buf, cut, "\xef\xbb\xbf", 3))
		art->flags |= ARTICLE_BOM;
	return art;
}

struct article *
article_new(const char *bytes, size_t size, const char *name)
{
	char *buf = xmalloc(size + 1);

	if (size > 0)
		memcpy(buf, bytes, size);
	return article_adopt(buf, size, 0, name);
}

/*
 * Read fd to its end into *bufp (allocated, with room for a NUL after
 * *sizep bytes), starting with room for hint bytes. A FIFO opened with
 * O_NONBLOCK that has no writer gives an error rather than an empty
 * article; one with a writer is read blocking from then on.
 */
static int
article_read(int fd, const char *name, size_t hint, char **bufp,
    size_t *sizep, char **cause)
{
	/* Room for hint bytes, the read that finds the end, and a NUL. */
	size_t size = 0, cap = hint < 65536 ? 65536 : hint + 2;
	char *buf = xmalloc(cap);
	bool first = true;
	ssize_t n;
	int fl;

	for (;;) {
		if (size + 1 >= cap) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		n = read(fd, buf + size, cap - 1 - size);
		if (n == 0 && first && (fl = fcntl(fd, F_GETFL)) != -1 &&
		    (fl & O_NONBLOCK)) {
			struct stat st;

			if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode)) {
				*cause = xasprintf("%s: a FIFO with no writer",
				    name);
				goto fail;
			}
		}
		first = false;
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN && (fl = fcntl(fd, F_GETFL)) != -1 &&
			    (fl & O_NONBLOCK)) {
				/* A writer that has not written yet: wait. */
				if (fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == 0)
					continue;
			}
			*cause = xasprintf("%s: %s", name, strerror(errno));
			goto fail;
		}
		size += (size_t)n;
		if (size > ARTICLE_MAX_SIZE) {
			*cause = xasprintf("%s: too large (the limit is %zu MB)",
			    name, ARTICLE_MAX_SIZE >> 20);
			goto fail;
		}
	}
	*bufp = buf;
	*sizep = size;
	return 0;
fail:
	free(buf);
	return -1;
}

struct article *
article_load_fd(int fd, const char *name, char **cause)
{
	struct stat st;
	size_t size, hint = 0;
	char *buf;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
		hint = (size_t)st.st_size;
	if (article_read(fd, name, hint, &buf, &size, cause) == -1)
		return NULL;
	return article_adopt(buf, size, 0, name);
}

/*
 * Map size bytes of fd, followed by zeros to the end of a page and at
 * least one zero byte; sets *maplen. Returns NULL if mapping fails.
 */
static char *
article_map(int fd, size_t size, size_t *maplen, bool writable)
{
	long page = sysconf(_SC_PAGESIZE);
	size_t pg = page > 0 ? (size_t)page : 4096;
	void *base, *p;

	/*
	 * Reserve the pages with a zero one after them, then put the file
	 * over the start: past the end of the file, its last page reads as
	 * zeros, and the reserved page does when the size is a multiple of
	 * the page size.
	 */
	*maplen = (size / pg + 1) * pg;
	base = mmap(NULL, *maplen, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0);
	if (base == MAP_FAILED)
		return NULL;
	p = mmap(base, size, writable ? PROT_READ | PROT_WRITE : PROT_READ,
	    MAP_PRIVATE | MAP_FIXED, fd, 0);
	if (p == MAP_FAILED) {
		munmap(base, *maplen);
		return NULL;
	}
	return p;
}

/* Why a file of this type cannot be an article, or NULL if it can. */
static const char *
article_bad_type(mode_t mode)
{
	if (S_ISREG(mode) || S_ISFIFO(mode))
		return NULL;
	if (S_ISDIR(mode))
		return "Is a directory";
	if (S_ISCHR(mode))
		return "not a regular file (a character device)";
	if (S_ISBLK(mode))
		return "not a regular file (a block device)";
	if (S_ISSOCK(mode))
		return "not a regular file (a socket)";
	return "not a regular file";
}

/* article_load(), or article_load_prefix() when prefix is not 0. */
static struct article *
article_load_some(const char *path, size_t prefix, char **cause)
{
	struct article *art;
	const char *why;
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0)
		return article_load_fd(0, "-", cause);
	/*
	 * Look before opening: opening a device can have effects, and a
	 * FIFO is opened without waiting for a writer (O_NONBLOCK).
	 */
	if (stat(path, &st) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	if ((why = article_bad_type(st.st_mode)) != NULL) {
		*cause = xasprintf("%s: %s", path, why);
		return NULL;
	}
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) == -1) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	/* It may have been replaced since stat(). */
	if (fstat(fd, &st) == -1 ||
	    (why = article_bad_type(st.st_mode)) != NULL) {
		*cause = xasprintf("%s: %s", path,
		    why != NULL ? why : strerror(errno));
		close(fd);
		return NULL;
	}
	if (S_ISREG(st.st_mode) && (size_t)st.st_size >= ARTICLE_MAP_MIN &&
	    (size_t)st.st_size <= ARTICLE_MAX_SIZE) {
		size_t maplen;
		char *p = article_map(fd, (size_t)st.st_size, &maplen,
		    prefix > 0);

		if (p != NULL) {
			close(fd);
			if (prefix > 0)
				return article_adopt_prefix(p,
				    (size_t)st.st_size, maplen, path, prefix);
			return article_adopt(p, (size_t)st.st_size, maplen,
			    path);
		}
		/* Not mappable (some file systems): read it. */
	}
	art = article_load_fd(fd, path, cause);
	close(fd);
	return art;
}

struct article *
article_load(const char *path, char **cause)
{
	return article_load_some(path, 0, cause);
}

struct article *
article_load_prefix(const char *path, size_t prefix, char **cause)
{
	return article_load_some(path, prefix > 0 ? prefix : 1, cause);
}

/* Copy a mapping into memory at the same address. */
static void
article_copy(struct article *art)
{
#ifdef MREMAP_FIXED
	void *copy;

	if (art->maplen == 0 || art->settled)
		return;
	copy = mmap(NULL, art->maplen, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (copy == MAP_FAILED)
		return;
	memcpy(copy, art->bytes, art->size);
	mprotect(copy, art->maplen, PROT_READ);
	/* Atomically in place of the file's pages: pointers stay valid. */
	if (mremap(copy, art->maplen, art->maplen,
	    MREMAP_MAYMOVE | MREMAP_FIXED, art->bytes) == MAP_FAILED) {
		munmap(copy, art->maplen);
		return;
	}
	art->settled = true;
#else
	(void)art;
#endif
}

void
article_settle(struct article *art)
{
	if (art->partial)
		art->bytes[art->cut] = art->cut_byte;
	article_copy(art);
	if (!art->partial)
		return;
	art->partial = false;
	if (!art->settled)
		mprotect(art->bytes, art->maplen, PROT_READ);
	article_decode(art, art->cut);
}

bool
article_partial(const struct article *art)
{
	return art->partial;
}

void
article_free(struct article *art)
{
	if (art == NULL)
		return;
	if (art->text != art->bytes)
		free(art->text);
	if (art->maplen != 0)
		munmap(art->bytes, art->maplen);
	else
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
