/*
 * index.c: the precomputed annotation index (doc/index-format.md).
 *
 * The index is a JSON document written through jansson: the format name
 * and version, the article's size and XXH3-64 fingerprint, its blocks,
 * actors and quotes. Offsets in the file are FILE byte offsets; in
 * memory (struct annotation) they are text offsets, converted at the
 * boundary with article_file_offset() and article_text_offset().
 *
 * Invariants:
 * - An index is read as untrusted input: every field is type-checked and
 *   range-checked before a struct annotation is built from it; anything
 *   wrong makes the whole index invalid, with one line saying what.
 * - Curated entries ("curated": true, "position_curated": true) are never
 *   dropped silently: when they cannot be anchored by their text in the
 *   current article they are named in the note (or the save fails).
 * - The article file is never written; an index is replaced only by
 *   rename() of a complete, fsync'ed temporary file in the same folder.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>
#include <unistr.h>
#include <xxhash.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "index.h"
#include "xmalloc.h"

#define INDEX_FORMAT  "whosaid-index"
#define INDEX_VERSION 1
#define INDEX_SUFFIX  ".whosaid"
/* Larger index files are refused rather than read into memory. */
#define INDEX_MAX_BYTES ((size_t)256 * 1024 * 1024)
/* How much of a quote a note shows. */
#define INDEX_NOTE_QUOTE 40

/* An index as read from its file, before it is matched to an article. */
struct index_data {
	size_t size;            /* the article's size when it was written */
	char xxh3[17];          /* its fingerprint, 16 lowercase hex digits */
	char *generator;        /* the whosaid that wrote it, or NULL */
	struct annotation *ann; /* offsets are FILE offsets of that article */
};

/* A growing list of problems, joined into one line for a note. */
struct index_problems {
	char *text;
	size_t n;
	size_t dropped; /* of which left out (a position is kept, unplaced) */
};

/* ---- small helpers --------------------------------------------------- */

static void index_problem_add(struct index_problems *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
index_problem_add(struct index_problems *p, const char *fmt, ...)
{
	va_list ap;
	char *s, *joined;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	if (p->text == NULL)
		joined = s;
	else {
		joined = xasprintf("%s, %s", p->text, s);
		free(s);
		free(p->text);
	}
	p->text = joined;
	p->n++;
}

/*
 * A copy of s fit for a one-line message: control characters become
 * spaces and the result is cut (on a character boundary) after max bytes.
 */
static char *
index_oneline(const char *s, size_t max)
{
	size_t len = strlen(s), i;
	char *out;

	if (len > max) {
		/* Back up to the start of a UTF-8 character. */
		while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
			max--;
		out = xmalloc(max + 4);
		memcpy(out, s, max);
		memcpy(out + max, "...", 4);
		len = max;
	} else
		out = xstrdup(s);
	for (i = 0; i < len; i++)
		if ((unsigned char)out[i] < 0x20 || out[i] == 0x7f)
			out[i] = ' ';
	return out;
}

static void
index_fingerprint(const struct article *art, char out[17])
{
	XXH64_hash_t h = XXH3_64bits(article_bytes(art), article_size(art));

	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* Whether something is at file: a symbolic link counts, even a dangling
 * one (it is never followed, see index_read). */
static bool
index_exists(const char *file)
{
	struct stat st;

	return lstat(file, &st) == 0;
}

/*
 * Failure injection for tests (tests/unit/index-fault-test): only a build
 * with INDEX_FAULTS defined reads WHOSAID_INDEX_FAULT, naming the step of
 * a save that fails with EIO ("mkdir", "mkstemp", "write", "fsync",
 * "close", "rename", "dirfsync"). The library and the program are built
 * without it, so they never read that variable.
 */
#ifdef INDEX_FAULTS
static bool
index_fault(const char *step)
{
	const char *want = getenv("WHOSAID_INDEX_FAULT");

	if (want == NULL || strcmp(want, step) != 0)
		return false;
	errno = EIO;
	return true;
}
#else
#define index_fault(step) false
#endif

/* ---- where the index goes -------------------------------------------- */

/* The article's absolute path (it need not exist). Allocated. */
static char *
index_abspath(const char *path)
{
	char *abs, *cwd;

	if ((abs = realpath(path, NULL)) != NULL)
		return abs;
	if (path[0] == '/')
		return xstrdup(path);
	if ((cwd = getcwd(NULL, 0)) == NULL)
		return xstrdup(path);
	abs = xasprintf("%s/%s", cwd, path);
	free(cwd);
	return abs;
}

/* $XDG_CACHE_HOME/whosaid, else ~/.cache/whosaid; NULL when neither is
 * known. Allocated; not created here. */
static char *
index_cache_dir(void)
{
	const char *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");

	/* The XDG spec says to ignore relative values. */
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/whosaid", xdg);
	if (home != NULL && home[0] == '/')
		return xasprintf("%s/.cache/whosaid", home);
	return NULL;
}

/*
 * The cache file of the article at path: its base name (so a person can
 * tell which it is) and a hash of its absolute path (so two articles of
 * the same name do not collide). NULL when there is no cache folder.
 */
static char *
index_cache_path(const char *path)
{
	char *dir, *abs, *out;
	const char *base;
	XXH64_hash_t h;

	if ((dir = index_cache_dir()) == NULL)
		return NULL;
	abs = index_abspath(path);
	h = XXH3_64bits(abs, strlen(abs));
	base = strrchr(abs, '/');
	base = (base != NULL && base[1] != '\0') ? base + 1 : "article";
	/* Keep the name under NAME_MAX (255) with room for the rest. */
	out = xasprintf("%s/%.200s.%016llx%s", dir, base, (unsigned long long)h,
	                INDEX_SUFFIX);
	free(abs);
	free(dir);
	return out;
}

/* Create dir and its parents (mode 0700). */
static int
index_mkdirs(const char *dir, char **cause)
{
	char *copy = xstrdup(dir), *p;

	for (p = copy + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;

		*p = '\0';
		if ((index_fault("mkdir") || mkdir(copy, 0700) == -1) &&
		    errno != EEXIST) {
			*cause = xasprintf("%s: %s", copy, strerror(errno));
			free(copy);
			return -1;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(copy);
	return 0;
}

/* The folder of file: everything before the last slash. Allocated. */
static char *
index_dirname(const char *file)
{
	const char *slash = strrchr(file, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == file)
		return xstrdup("/");
	return xstrndup(file, (size_t)(slash - file));
}

static time_t
index_mtime(const char *file)
{
	struct stat st;

	return lstat(file, &st) == 0 ? st.st_mtime : 0;
}

char *
index_path(const char *path)
{
	char *beside, *cache, *dir;
	const char *base;
	bool writable;

	if (path == NULL || strcmp(path, "-") == 0)
		return NULL;
	beside = xasprintf("%s%s", path, INDEX_SUFFIX);
	cache = index_cache_path(path);
	if (cache != NULL && index_exists(cache)) {
		/*
		 * Both exist when an index beside a read-only article (one
		 * shipped with it) was refreshed into the cache: the newer
		 * one is the one to use.
		 */
		if (!index_exists(beside) ||
		    index_mtime(cache) >= index_mtime(beside)) {
			free(beside);
			return cache;
		}
	}
	if (index_exists(beside) || cache == NULL) {
		free(cache);
		return beside;
	}
	dir = index_dirname(path);
	/* An article whose name is near NAME_MAX cannot have one beside it. */
	base = strrchr(beside, '/');
	base = base != NULL ? base + 1 : beside;
	writable = strlen(base) <= NAME_MAX && access(dir, W_OK) == 0;
	free(dir);
	if (writable) {
		free(cache);
		return beside;
	}
	free(beside);
	return cache;
}

/* ---- building annotations -------------------------------------------- */

static char *
index_strdup0(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
index_actor_copy(struct actor *dst, const struct actor *src)
{
	size_t i;

	*dst = *src;
	dst->name = index_strdup0(src->name);
	dst->role = index_strdup0(src->role);
	dst->affiliation = index_strdup0(src->affiliation);
	dst->position = index_strdup0(src->position);
	dst->aliases = NULL;
	if (src->naliases > 0) {
		dst->aliases = xcalloc(src->naliases, sizeof *dst->aliases);
		for (i = 0; i < src->naliases; i++)
			dst->aliases[i] = xstrdup(src->aliases[i]);
	}
	dst->mentions = NULL;
	if (src->nmentions > 0) {
		dst->mentions = xcalloc(src->nmentions, sizeof *dst->mentions);
		memcpy(dst->mentions, src->mentions,
		       src->nmentions * sizeof *dst->mentions);
	}
}

static void
index_quote_copy(struct quote *dst, const struct quote *src)
{
	*dst = *src;
	dst->text = index_strdup0(src->text);
	dst->cue = index_strdup0(src->cue);
}

/* A deep copy, freed with annotation_free(). */
static struct annotation *
index_annotation_copy(const struct annotation *src)
{
	struct annotation *dst = xcalloc(1, sizeof *dst);
	size_t i;

	dst->title = index_strdup0(src->title);
	dst->byline = index_strdup0(src->byline);
	dst->dateline = index_strdup0(src->dateline);
	dst->words = src->words;
	dst->nactors = src->nactors;
	if (src->nactors > 0) {
		dst->actors = xcalloc(src->nactors, sizeof *dst->actors);
		for (i = 0; i < src->nactors; i++)
			index_actor_copy(&dst->actors[i], &src->actors[i]);
	}
	dst->nquotes = src->nquotes;
	if (src->nquotes > 0) {
		dst->quotes = xcalloc(src->nquotes, sizeof *dst->quotes);
		for (i = 0; i < src->nquotes; i++)
			index_quote_copy(&dst->quotes[i], &src->quotes[i]);
	}
	return dst;
}

static size_t
index_actor_append(struct annotation *ann, const struct actor *a)
{
	ann->actors =
	    xreallocarray(ann->actors, ann->nactors + 1, sizeof *ann->actors);
	index_actor_copy(&ann->actors[ann->nactors], a);
	return ann->nactors++;
}

static int
index_quote_cmp(const void *va, const void *vb)
{
	const struct quote *a = va, *b = vb;

	if (a->span.start != b->span.start)
		return a->span.start < b->span.start ? -1 : 1;
	if (a->span.end != b->span.end)
		return a->span.end < b->span.end ? -1 : 1;
	return 0;
}

static int
index_span_cmp(const void *va, const void *vb)
{
	const struct span *a = va, *b = vb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	/* Longer first, so overlaps keep the longest form. */
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return 0;
}

/* ---- finding text in the article ------------------------------------- */

static bool
index_span_is(const struct article *art, struct span sp, const char *s)
{
	size_t n = strlen(s);

	return sp.start <= sp.end && sp.end <= article_len(art) &&
	       sp.end - sp.start == n &&
	       memcmp(article_text(art) + sp.start, s, n) == 0;
}

/*
 * The occurrence of s in the article's text nearest to text offset hint:
 * true and *out set, or false when s does not occur (or is empty).
 */
static bool
index_find_nearest(const struct article *art, const char *s, size_t hint,
                   struct span *out)
{
	const char *text = article_text(art), *p = text;
	size_t len = article_len(art), n = strlen(s), best = 0, bestd = 0;
	bool found = false;

	if (n == 0)
		return false;
	while ((size_t)(p - text) < len &&
	       (p = memmem(p, len - (size_t)(p - text), s, n)) != NULL) {
		size_t at = (size_t)(p - text);
		size_t d = at > hint ? at - hint : hint - at;

		if (!found || d < bestd) {
			best = at;
			bestd = d;
			found = true;
		}
		if (at > hint)
			break; /* later ones are only farther */
		p++;
	}
	if (found) {
		out->start = best;
		out->end = best + n;
	}
	return found;
}

static bool
index_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/*
 * Whether s stands at text offset at, any run of white space in s
 * matching any run in the text (positions are stored with white space
 * made one space, and a person copies them from wrapped text): the end
 * offset of the match, or SIZE_MAX.
 */
static size_t
index_match_loose(const struct article *art, size_t at, const char *s)
{
	const char *text = article_text(art);
	size_t len = article_len(art), i = at;

	while (*s != '\0') {
		if (index_is_space(*s)) {
			if (i >= len || !index_is_space(text[i]))
				return SIZE_MAX;
			while (index_is_space(*s))
				s++;
			while (i < len && index_is_space(text[i]))
				i++;
			continue;
		}
		if (i >= len || text[i] != *s)
			return SIZE_MAX;
		i++;
		s++;
	}
	return i;
}

/* As index_find_nearest, matching white space loosely. */
static bool
index_find_nearest_loose(const struct article *art, const char *s, size_t hint,
                         struct span *out)
{
	const char *text = article_text(art), *p;
	size_t len = article_len(art), at = 0, end, best = 0, bestend = 0;
	size_t bestd = 0, d;
	bool found = false;

	while (index_is_space(*s))
		s++;
	if (*s == '\0')
		return false;
	while (at < len && (p = memchr(text + at, *s, len - at)) != NULL) {
		at = (size_t)(p - text);
		if ((end = index_match_loose(art, at, s)) != SIZE_MAX) {
			d = at > hint ? at - hint : hint - at;
			if (!found || d < bestd) {
				best = at;
				bestend = end;
				bestd = d;
				found = true;
			}
			if (at > hint)
				break;
		}
		at++;
	}
	if (found) {
		/* Trailing white space of s is not part of the span. */
		while (bestend > best && index_is_space(text[bestend - 1]))
			bestend--;
		out->start = best;
		out->end = bestend;
	}
	return found;
}

static bool
index_is_word_byte(unsigned char c)
{
	/* Bytes of non-ASCII characters do not join words here, so
	 * "Nazirov" is found in "Nazirov’s". */
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	       (c >= 'a' && c <= 'z') || c == '_' || c == '-';
}

/* Append every whole-word occurrence of s to the span list. */
static void
index_find_words(const struct article *art, const char *s, struct span **v,
                 size_t *n)
{
	const char *text = article_text(art), *p = text;
	size_t len = article_len(art), sl = strlen(s);

	if (sl == 0)
		return;
	while ((size_t)(p - text) < len &&
	       (p = memmem(p, len - (size_t)(p - text), s, sl)) != NULL) {
		size_t at = (size_t)(p - text);

		if ((at == 0 || !index_is_word_byte(text[at - 1])) &&
		    (at + sl >= len || !index_is_word_byte(text[at + sl]))) {
			*v = xreallocarray(*v, *n + 1, sizeof **v);
			(*v)[*n].start = at;
			(*v)[*n].end = at + sl;
			(*n)++;
		}
		p++;
	}
}

/* Mentions of an actor found by its name and aliases, sorted, without
 * overlaps. */
static void
index_find_mentions(const struct article *art, struct actor *a)
{
	struct span *v = NULL;
	size_t n = 0, i, kept = 0;

	free(a->mentions);
	index_find_words(art, a->name, &v, &n);
	for (i = 0; i < a->naliases; i++)
		index_find_words(art, a->aliases[i], &v, &n);
	if (n > 0)
		qsort(v, n, sizeof *v, index_span_cmp);
	for (i = 0; i < n; i++) {
		if (kept > 0 && v[i].start < v[kept - 1].end)
			continue;
		v[kept++] = v[i];
	}
	a->mentions = v;
	a->nmentions = kept;
}

/* ---- writing ---------------------------------------------------------- */

/* A JSON string of s (null for NULL); invalid UTF-8, which the annotator
 * should never produce, is replaced rather than lost. */
static json_t *
index_json_str(const char *s)
{
	json_t *j;
	char *fixed;
	size_t i;

	if (s == NULL)
		return json_null();
	if ((j = json_string(s)) != NULL)
		return j;
	fixed = xstrdup(s);
	for (i = 0; fixed[i] != '\0'; i++)
		if ((unsigned char)fixed[i] >= 0x80)
			fixed[i] = '?';
	j = json_string(fixed);
	free(fixed);
	return j != NULL ? j : json_string("");
}

static json_t *
index_json_off(const struct article *art, size_t text_off)
{
	return json_integer((json_int_t)article_file_offset(art, text_off));
}

static void
index_set_span(json_t *obj, const char *kstart, const char *kend,
               const struct article *art, struct span sp)
{
	json_object_set_new(obj, kstart, index_json_off(art, sp.start));
	json_object_set_new(obj, kend, index_json_off(art, sp.end));
}

static json_t *
index_json_actor(const struct article *art, const struct actor *a, size_t i)
{
	json_t *o = json_object(), *arr;
	char id[32];
	size_t k;

	snprintf(id, sizeof id, "A%zu", i + 1);
	json_object_set_new(o, "id", json_string(id));
	json_object_set_new(o, "name", index_json_str(a->name));
	json_object_set_new(o, "kind",
	                    json_string(annotate_actor_kind_name(a->kind)));
	json_object_set_new(o, "role", index_json_str(a->role));
	json_object_set_new(o, "affiliation", index_json_str(a->affiliation));
	arr = json_array();
	for (k = 0; k < a->naliases; k++)
		json_array_append_new(arr, index_json_str(a->aliases[k]));
	json_object_set_new(o, "aliases", arr);
	json_object_set_new(o, "position", index_json_str(a->position));
	index_set_span(o, "position_start", "position_end", art,
	               a->position_span);
	arr = json_array();
	for (k = 0; k < a->nmentions; k++) {
		json_t *pair = json_array();

		json_array_append_new(
		    pair, index_json_off(art, a->mentions[k].start));
		json_array_append_new(pair,
		                      index_json_off(art, a->mentions[k].end));
		json_array_append_new(arr, pair);
	}
	json_object_set_new(o, "mentions", arr);
	json_object_set_new(o, "curated", json_boolean(a->curated));
	json_object_set_new(o, "position_curated",
	                    json_boolean(a->position_curated));
	return o;
}

static json_t *
index_json_quote(const struct article *art, const struct annotation *ann,
                 const struct quote *q, size_t i)
{
	json_t *o = json_object();
	char id[32];
	double c = q->confidence;

	snprintf(id, sizeof id, "Q%zu", i + 1);
	json_object_set_new(o, "id", json_string(id));
	index_set_span(o, "start", "end", art, q->span);
	json_object_set_new(o, "text", index_json_str(q->text));
	if (q->speaker >= 0 && (size_t)q->speaker < ann->nactors) {
		snprintf(id, sizeof id, "A%d", q->speaker + 1);
		json_object_set_new(o, "speaker", json_string(id));
	} else
		json_object_set_new(o, "speaker", json_null());
	json_object_set_new(o, "cue", index_json_str(q->cue));
	index_set_span(o, "cue_start", "cue_end", art, q->cue_span);
	json_object_set_new(o, "kind",
	                    json_string(annotate_quote_kind_name(q->kind)));
	/* Keep the file valid whatever the annotator computed. */
	if (!(c >= 0.0))
		c = 0.0;
	if (c > 1.0)
		c = 1.0;
	json_object_set_new(o, "confidence", json_real(c));
	json_object_set_new(o, "curated", json_boolean(q->curated));
	return o;
}

static json_t *
index_to_json(const struct article *art, const struct block_list *bl,
              const struct annotation *ann)
{
	json_t *root = json_object(), *o, *arr;
	char fp[17];
	size_t i;

	json_object_set_new(root, "format", json_string(INDEX_FORMAT));
	json_object_set_new(root, "version", json_integer(INDEX_VERSION));
	json_object_set_new(root, "generator", json_string(PACKAGE_STRING));

	index_fingerprint(art, fp);
	o = json_object();
	json_object_set_new(o, "size",
	                    json_integer((json_int_t)article_size(art)));
	json_object_set_new(o, "xxh3", json_string(fp));
	json_object_set_new(o, "title", index_json_str(ann->title));
	json_object_set_new(o, "byline", index_json_str(ann->byline));
	json_object_set_new(o, "dateline", index_json_str(ann->dateline));
	json_object_set_new(o, "words", json_integer((json_int_t)ann->words));
	json_object_set_new(root, "article", o);

	arr = json_array();
	for (i = 0; bl != NULL && i < bl->n; i++) {
		const struct block *b = &bl->v[i];

		o = json_object();
		json_object_set_new(o, "kind",
		                    json_string(blocks_kind_name(b->kind)));
		index_set_span(o, "start", "end", art,
		               (struct span){ b->start, b->end });
		json_object_set_new(o, "shown_end",
		                    index_json_off(art, b->shown_end));
		json_array_append_new(arr, o);
	}
	json_object_set_new(root, "blocks", arr);

	arr = json_array();
	for (i = 0; i < ann->nactors; i++)
		json_array_append_new(
		    arr, index_json_actor(art, &ann->actors[i], i));
	json_object_set_new(root, "actors", arr);

	arr = json_array();
	for (i = 0; i < ann->nquotes; i++)
		json_array_append_new(
		    arr, index_json_quote(art, ann, &ann->quotes[i], i));
	json_object_set_new(root, "quotes", arr);
	return root;
}

/*
 * Write data to file atomically: a temporary file in the same folder,
 * fsync, rename. On failure the temporary file is removed, an old file
 * is left as it was, and *create_errno is the errno of creating the
 * temporary file (0 when that worked and a later step failed).
 */
static int
index_write_atomic(const char *file, const char *data, size_t len,
                   int *create_errno, char **cause)
{
	char *dir = index_dirname(file), *tmp;
	const char *base = strrchr(file, '/');
	size_t off = 0;
	int fd, dfd, saved;
	mode_t mask;

	*create_errno = 0;
	base = base != NULL ? base + 1 : file;
	tmp = xasprintf("%s/.%.200s.XXXXXX", dir, base);
	if (index_fault("mkstemp") || (fd = mkstemp(tmp)) == -1) {
		*create_errno = errno;
		*cause = xasprintf("%s: %s", dir, strerror(errno));
		goto fail_nofile;
	}
	/* mkstemp makes 0600; an index is as readable as other files. */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	while (off < len) {
		ssize_t n = index_fault("write")
		                ? -1
		                : write(fd, data + off, len - off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto fail_errno;
		}
		off += (size_t)n;
	}
	if (index_fault("fsync") || fsync(fd) == -1)
		goto fail_errno;
	if (index_fault("close")) {
		close(fd);
		fd = -1;
		goto fail_errno;
	}
	if (close(fd) == -1) {
		fd = -1;
		goto fail_errno;
	}
	fd = -1;
	if (index_fault("rename") || rename(tmp, file) == -1)
		goto fail_errno;
	/*
	 * Make the rename itself durable. Failing here loses nothing: the
	 * new index is complete under its name, the old one is gone by
	 * design, and there is no temporary file left to remove.
	 */
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) != -1) {
		if (!index_fault("dirfsync"))
			(void)fsync(dfd);
		close(dfd);
	}
	free(tmp);
	free(dir);
	return 0;

fail_errno:
	saved = errno;
	*cause = xasprintf("%s: %s", file, strerror(saved));
	if (fd != -1)
		close(fd);
	unlink(tmp);
fail_nofile:
	free(tmp);
	free(dir);
	return -1;
}

/* ---- reading and checking --------------------------------------------- */

/* What is being checked, and the first problem found. */
struct index_check {
	size_t limit; /* offsets must not pass this (the article size) */
	char *error;  /* the problem, without the file name */
};

/*
 * index_bad(c, fmt, ...) records the first problem and is -1. It is a
 * macro around a non-variadic index_fail() so that the static analyser,
 * which does not follow variadic calls, sees the -1.
 */
#define index_bad(...) index_fail(index_bad_note(__VA_ARGS__))

static struct index_check *index_bad_note(struct index_check *c,
                                          const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static struct index_check *
index_bad_note(struct index_check *c, const char *fmt, ...)
{
	va_list ap;

	if (c->error == NULL) {
		va_start(ap, fmt);
		c->error = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return c;
}

static int
index_fail(const struct index_check *c)
{
	(void)c;
	return -1;
}

static const char *
index_type_name(const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
		return "an integer";
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	case JSON_NULL:
		return "null";
	}
	return "something else";
}

/* obj[key], or NULL (and a problem) when it is missing and required. */
static json_t *
index_get(struct index_check *c, json_t *obj, const char *where,
          const char *key, bool required)
{
	json_t *j = json_object_get(obj, key);

	if (j == NULL && required)
		index_bad(c, "%s: \"%s\" is missing", where, key);
	return j;
}

static int
index_wrong(struct index_check *c, const char *where, const char *key,
            const char *want, const json_t *got)
{
	return index_bad(c, "%s.%s: expected %s, not %s", where, key, want,
	                 index_type_name(got));
}

/*
 * A string field: *out is allocated (or NULL when the field is null and
 * nullable, or missing and optional).
 */
static int
index_get_str(struct index_check *c, json_t *obj, const char *where,
              const char *key, bool required, bool nullable, char **out)
{
	json_t *j = index_get(c, obj, where, key, required);

	*out = NULL;
	if (j == NULL)
		return required ? -1 : 0;
	if (json_is_null(j) && nullable)
		return 0;
	if (!json_is_string(j))
		return index_wrong(c, where, key,
		                   nullable ? "a string or null" : "a string",
		                   j);
	/* jansson refuses \u0000 when loading, so the string is whole. */
	*out = xstrdup(json_string_value(j));
	return 0;
}

static int
index_get_bool(struct index_check *c, json_t *obj, const char *where,
               const char *key, bool *out)
{
	json_t *j = index_get(c, obj, where, key, false);

	*out = false;
	if (j == NULL)
		return 0;
	if (!json_is_boolean(j))
		return index_wrong(c, where, key, "true or false", j);
	*out = json_is_true(j);
	return 0;
}

/* A non-negative integer no larger than max. */
static int
index_get_uint(struct index_check *c, json_t *obj, const char *where,
               const char *key, bool required, size_t max, size_t *out)
{
	json_t *j = index_get(c, obj, where, key, required);
	json_int_t v;

	*out = 0;
	if (j == NULL)
		return required ? -1 : 0;
	if (!json_is_integer(j))
		return index_wrong(c, where, key, "an integer", j);
	v = json_integer_value(j);
	if (v < 0)
		return index_bad(c, "%s.%s: %lld is negative", where, key,
		                 (long long)v);
	if ((unsigned long long)v > (unsigned long long)max)
		return index_bad(c,
		                 "%s.%s: %lld is beyond the article "
		                 "(%zu bytes)",
		                 where, key, (long long)v, max);
	*out = (size_t)v;
	return 0;
}

/* An integer element of a JSON array, as an offset. */
static int
index_elem_off(struct index_check *c, json_t *j, const char *where, size_t *out)
{
	json_int_t v;

	if (!json_is_integer(j))
		return index_bad(c, "%s: expected an integer, not %s", where,
		                 index_type_name(j));
	v = json_integer_value(j);
	if (v < 0 || (unsigned long long)v > (unsigned long long)c->limit)
		return index_bad(c,
		                 "%s: %lld is beyond the article "
		                 "(%zu bytes)",
		                 where, (long long)v, c->limit);
	*out = (size_t)v;
	return 0;
}

static int
index_get_span(struct index_check *c, json_t *obj, const char *where,
               const char *kstart, const char *kend, bool required,
               struct span *sp)
{
	if (index_get_uint(c, obj, where, kstart, required, c->limit,
	                   &sp->start) == -1 ||
	    index_get_uint(c, obj, where, kend, required, c->limit, &sp->end) ==
	        -1)
		return -1;
	if (sp->start > sp->end)
		return index_bad(c, "%s: %s %zu is after %s %zu", where, kstart,
		                 sp->start, kend, sp->end);
	return 0;
}

static json_t *
index_get_array(struct index_check *c, json_t *obj, const char *where,
                const char *key, bool required)
{
	json_t *j = index_get(c, obj, where, key, required);

	if (j == NULL)
		return NULL;
	if (!json_is_array(j)) {
		index_wrong(c, where, key, "an array", j);
		return NULL;
	}
	return j;
}

static int
index_check_blocks(struct index_check *c, json_t *arr)
{
	size_t i, prev_end = 0;
	json_t *b;
	char where[64];

	json_array_foreach(arr, i, b)
	{
		struct span sp;
		size_t shown;
		char *kind;
		int k;

		snprintf(where, sizeof where, "blocks[%zu]", i);
		if (!json_is_object(b))
			return index_bad(c, "%s: expected an object, not %s",
			                 where, index_type_name(b));
		if (index_get_str(c, b, where, "kind", true, false, &kind) ==
		    -1)
			return -1;
		k = blocks_kind_from_name(kind);
		free(kind);
		if (k < 0)
			return index_bad(c, "%s.kind: unknown kind", where);
		if (index_get_span(c, b, where, "start", "end", true, &sp) ==
		        -1 ||
		    index_get_uint(c, b, where, "shown_end", true, c->limit,
		                   &shown) == -1)
			return -1;
		if (shown < sp.start || shown > sp.end)
			return index_bad(c,
			                 "%s.shown_end: %zu is outside "
			                 "%zu-%zu",
			                 where, shown, sp.start, sp.end);
		if (sp.start < prev_end)
			return index_bad(c, "%s: overlaps the block before",
			                 where);
		prev_end = sp.end;
	}
	return 0;
}

static int
index_check_mentions(struct index_check *c, json_t *arr, const char *where,
                     struct actor *a)
{
	size_t i;
	json_t *m;
	char w[96];

	if (json_array_size(arr) == 0)
		return 0;
	a->mentions = xcalloc(json_array_size(arr), sizeof *a->mentions);
	json_array_foreach(arr, i, m)
	{
		struct span *sp = &a->mentions[i];

		snprintf(w, sizeof w, "%s.mentions[%zu]", where, i);
		if (!json_is_array(m) || json_array_size(m) != 2)
			return index_bad(c, "%s: expected [start, end]", w);
		if (index_elem_off(c, json_array_get(m, 0), w, &sp->start) ==
		        -1 ||
		    index_elem_off(c, json_array_get(m, 1), w, &sp->end) == -1)
			return -1;
		a->nmentions = i + 1;
		if (sp->start > sp->end)
			return index_bad(c, "%s: start %zu is after end %zu", w,
			                 sp->start, sp->end);
	}
	return 0;
}

static int
index_check_actor(struct index_check *c, json_t *o, size_t i, struct actor *a,
                  char **id)
{
	char where[64], *kind = NULL;
	json_t *arr, *j;
	size_t k;
	int kv;

	snprintf(where, sizeof where, "actors[%zu]", i);
	if (!json_is_object(o))
		return index_bad(c, "%s: expected an object, not %s", where,
		                 index_type_name(o));
	if (index_get_str(c, o, where, "id", true, false, id) == -1 ||
	    index_get_str(c, o, where, "name", true, false, &a->name) == -1)
		return -1;
	if (**id == '\0')
		return index_bad(c, "%s.id: empty", where);
	if (a->name[0] == '\0')
		return index_bad(c, "%s.name: empty", where);
	if (index_get_str(c, o, where, "kind", true, false, &kind) == -1)
		return -1;
	kv = annotate_actor_kind_from_name(kind);
	free(kind);
	if (kv < 0)
		return index_bad(c, "%s.kind: unknown kind", where);
	a->kind = (enum actor_kind)kv;
	if (index_get_str(c, o, where, "role", false, true, &a->role) == -1 ||
	    index_get_str(c, o, where, "affiliation", false, true,
	                  &a->affiliation) == -1 ||
	    index_get_str(c, o, where, "position", false, true, &a->position) ==
	        -1 ||
	    index_get_span(c, o, where, "position_start", "position_end", false,
	                   &a->position_span) == -1 ||
	    index_get_bool(c, o, where, "curated", &a->curated) == -1 ||
	    index_get_bool(c, o, where, "position_curated",
	                   &a->position_curated) == -1)
		return -1;
	if (a->position_curated && a->position == NULL)
		return index_bad(c, "%s: position_curated without a position",
		                 where);
	if (a->position == NULL && a->position_span.end > a->position_span.start)
		return index_bad(c, "%s: position_start/position_end without "
		                 "a position", where);
	if ((arr = index_get_array(c, o, where, "aliases", false)) == NULL &&
	    c->error != NULL)
		return -1;
	if (arr != NULL && json_array_size(arr) > 0) {
		a->aliases = xcalloc(json_array_size(arr), sizeof *a->aliases);
		json_array_foreach(arr, k, j)
		{
			if (!json_is_string(j))
				return index_bad(c,
				                 "%s.aliases[%zu]: expected "
				                 "a string, not %s",
				                 where, k, index_type_name(j));
			a->aliases[k] = xstrdup(json_string_value(j));
			a->naliases = k + 1;
		}
	}
	if ((arr = index_get_array(c, o, where, "mentions", false)) == NULL &&
	    c->error != NULL)
		return -1;
	if (arr != NULL && index_check_mentions(c, arr, where, a) == -1)
		return -1;
	return 0;
}

/* The index of the actor with id in ids (a JSON object used as a hash
 * table: id -> index), or -1. */
static int
index_actor_by_id(json_t *ids, const char *id)
{
	json_t *j = json_object_get(ids, id);

	return j != NULL ? (int)json_integer_value(j) : -1;
}

static int
index_check_quote(struct index_check *c, json_t *o, size_t i, struct quote *q,
                  json_t *ids)
{
	char where[64], *s = NULL;
	json_t *j;
	int kv;

	snprintf(where, sizeof where, "quotes[%zu]", i);
	if (!json_is_object(o))
		return index_bad(c, "%s: expected an object, not %s", where,
		                 index_type_name(o));
	if (index_get_str(c, o, where, "id", true, false, &s) == -1)
		return -1;
	free(s);
	if (index_get_span(c, o, where, "start", "end", true, &q->span) == -1 ||
	    index_get_str(c, o, where, "text", true, false, &q->text) == -1)
		return -1;
	if (index_get_str(c, o, where, "speaker", true, true, &s) == -1)
		return -1;
	q->speaker = -1;
	if (s != NULL) {
		q->speaker = index_actor_by_id(ids, s);
		if (q->speaker < 0) {
			index_bad(c, "%s.speaker: no actor has the id \"%s\"",
			          where, s);
			free(s);
			return -1;
		}
		free(s);
	}
	if (index_get_str(c, o, where, "cue", false, true, &q->cue) == -1 ||
	    index_get_span(c, o, where, "cue_start", "cue_end", false,
	                   &q->cue_span) == -1)
		return -1;
	if (index_get_str(c, o, where, "kind", true, false, &s) == -1)
		return -1;
	kv = annotate_quote_kind_from_name(s);
	free(s);
	if (kv < 0)
		return index_bad(c, "%s.kind: unknown kind", where);
	q->kind = (enum quote_kind)kv;
	q->confidence = 1.0;
	if ((j = index_get(c, o, where, "confidence", false)) != NULL) {
		if (!json_is_number(j))
			return index_wrong(c, where, "confidence", "a number",
			                   j);
		q->confidence = json_number_value(j);
		if (!(q->confidence >= 0.0 && q->confidence <= 1.0))
			return index_bad(c,
			                 "%s.confidence: %g is not "
			                 "between 0 and 1",
			                 where, q->confidence);
	}
	return index_get_bool(c, o, where, "curated", &q->curated);
}

/*
 * The annotator never finds two quotes that overlap, so computed quotes
 * (sorted by start) that do make the index invalid. A curated quote may
 * lie over computed ones: index_fit() lets it win.
 */
static int
index_check_overlaps(struct index_check *c, const struct annotation *ann)
{
	const struct quote *last = NULL;
	size_t i;

	for (i = 0; i < ann->nquotes; i++) {
		const struct quote *q = &ann->quotes[i];

		if (q->curated)
			continue;
		if (last != NULL && q->span.start < last->span.end)
			return index_bad(c,
			                 "quotes at bytes %zu-%zu and %zu-%zu "
			                 "overlap",
			                 last->span.start, last->span.end,
			                 q->span.start, q->span.end);
		if (last == NULL || q->span.end > last->span.end)
			last = q;
	}
	return 0;
}

static int
index_check_article(struct index_check *c, json_t *root, struct index_data *d,
                    struct annotation *ann)
{
	json_t *art = index_get(c, root, "index", "article", true);
	char *fp = NULL;
	size_t i;

	if (art == NULL)
		return -1;
	if (!json_is_object(art))
		return index_wrong(c, "index", "article", "an object", art);
	if (index_get_uint(c, art, "article", "size", true, SIZE_MAX / 2,
	                   &d->size) == -1 ||
	    index_get_str(c, art, "article", "xxh3", true, false, &fp) == -1)
		return -1;
	for (i = 0; fp[i] != '\0'; i++)
		if (!((fp[i] >= '0' && fp[i] <= '9') ||
		      (fp[i] >= 'a' && fp[i] <= 'f')))
			break;
	if (i != 16 || fp[i] != '\0') {
		free(fp);
		return index_bad(c, "article.xxh3: expected 16 lowercase "
		                    "hex digits");
	}
	memcpy(d->xxh3, fp, 17);
	free(fp);
	c->limit = d->size;
	return index_get_str(c, art, "article", "title", false, true,
	                     &ann->title) == -1 ||
	               index_get_str(c, art, "article", "byline", false, true,
	                             &ann->byline) == -1 ||
	               index_get_str(c, art, "article", "dateline", false, true,
	                             &ann->dateline) == -1 ||
	               index_get_uint(c, art, "article", "words", false,
	                              SIZE_MAX / 2, &ann->words) == -1
	           ? -1
	           : 0;
}

/*
 * Parse and check index bytes. On success fills d (its annotation in
 * FILE offsets of the article it was made for) and returns 0; otherwise
 * returns -1 with *problem (allocated, without the file name).
 */
static int
index_parse(const char *buf, size_t len, struct index_data *d, char **problem)
{
	struct index_check c = { SIZE_MAX, NULL };
	struct annotation *ann = xcalloc(1, sizeof *ann);
	json_t *root, *j, *arr;
	json_error_t err;
	char *format = NULL, *id = NULL;
	json_t *ids = json_object();
	size_t i, n;

	memset(d, 0, sizeof *d);
	if (len == 0) {
		c.error = xstrdup("empty file");
		goto fail;
	}
	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL) {
		/* jansson stops at the end of input when it is cut short. */
		if ((size_t)err.position >= len)
			c.error = xasprintf("truncated JSON (%s)", err.text);
		else
			c.error = xasprintf("malformed JSON at line %d, "
			                    "column %d: %s",
			                    err.line, err.column, err.text);
		goto fail;
	}
	if (!json_is_object(root)) {
		index_bad(&c, "expected a JSON object, not %s",
		          index_type_name(root));
		goto fail_json;
	}
	if (index_get_str(&c, root, "index", "format", true, false, &format) ==
	    -1) {
		free(c.error);
		c.error = xstrdup("not a whosaid index (no \"format\")");
		goto fail_json;
	}
	if (strcmp(format, INDEX_FORMAT) != 0) {
		char *shown = index_oneline(format, 40);

		index_bad(&c, "not a whosaid index (format \"%s\")", shown);
		free(shown);
		goto fail_json;
	}
	if ((j = index_get(&c, root, "index", "version", true)) == NULL)
		goto fail_json;
	if (!json_is_integer(j)) {
		index_wrong(&c, "index", "version", "an integer", j);
		goto fail_json;
	}
	if (json_integer_value(j) > INDEX_VERSION) {
		index_bad(&c,
		          "version %lld is newer than this whosaid reads "
		          "(%d)",
		          (long long)json_integer_value(j), INDEX_VERSION);
		goto fail_json;
	}
	if (json_integer_value(j) < 1) {
		index_bad(&c, "version %lld is not valid",
		          (long long)json_integer_value(j));
		goto fail_json;
	}
	if (index_get_str(&c, root, "index", "generator", false, false,
	                  &d->generator) == -1 ||
	    index_check_article(&c, root, d, ann) == -1)
		goto fail_json;

	if ((arr = index_get_array(&c, root, "index", "blocks", true)) ==
	        NULL ||
	    index_check_blocks(&c, arr) == -1)
		goto fail_json;

	if ((arr = index_get_array(&c, root, "index", "actors", true)) == NULL)
		goto fail_json;
	n = json_array_size(arr);
	if (n > (size_t)INT_MAX) {
		index_bad(&c, "too many actors");
		goto fail_json;
	}
	ann->actors = xcalloc(n, sizeof *ann->actors);
	json_array_foreach(arr, i, j)
	{
		/* Count it first, so annotation_free sees what was set. */
		ann->nactors = i + 1;
		if (index_check_actor(&c, j, i, &ann->actors[i], &id) == -1)
			goto fail_json;
		if (index_actor_by_id(ids, id) >= 0) {
			char *shown = index_oneline(id, 40);

			index_bad(&c, "actors[%zu].id: \"%s\" is used twice", i,
			          shown);
			free(shown);
			goto fail_json;
		}
		json_object_set_new(ids, id, json_integer((json_int_t)i));
		free(id);
		id = NULL;
	}

	if ((arr = index_get_array(&c, root, "index", "quotes", true)) == NULL)
		goto fail_json;
	n = json_array_size(arr);
	ann->quotes = xcalloc(n, sizeof *ann->quotes);
	json_array_foreach(arr, i, j)
	{
		ann->nquotes = i + 1;
		if (index_check_quote(&c, j, i, &ann->quotes[i], ids) == -1)
			goto fail_json;
	}
	/* The reader relies on quotes in text order; ids are positions. */
	if (ann->nquotes > 1)
		qsort(ann->quotes, ann->nquotes, sizeof *ann->quotes,
		      index_quote_cmp);
	if (index_check_overlaps(&c, ann) == -1)
		goto fail_json;

	json_decref(ids);
	free(format);
	json_decref(root);
	d->ann = ann;
	return 0;

fail_json:
	json_decref(root);
fail:
	free(d->generator);
	d->generator = NULL;
	free(id);
	json_decref(ids);
	free(format);
	annotation_free(ann);
	*problem = c.error != NULL ? c.error : xstrdup("invalid index");
	return -1;
}

/*
 * Read a whole index file. Returns 0 with the bytes (allocated), 1 when
 * the file does not exist, -1 with *problem when it cannot be read, and
 * INDEX_READ_SYMLINK with *problem when file is a symbolic link.
 *
 * Anyone may have put the file there: a symbolic link is not followed
 * (it could point at any file of the user's), and O_NONBLOCK keeps a FIFO
 * or a device from blocking open() before fstat() can refuse it.
 */
#define INDEX_READ_SYMLINK 2
static int
index_read(const char *file, char **buf, size_t *len, char **problem)
{
	struct stat st;
	size_t cap, size = 0;
	ssize_t n;
	char *b;
	int fd;

	fd = open(file, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1) {
		/* A name too long for the folder cannot be there either. */
		if (errno == ENOENT || errno == ENAMETOOLONG)
			return 1;
		if (errno == ELOOP && lstat(file, &st) == 0 &&
		    S_ISLNK(st.st_mode)) {
			*problem = xstrdup("a symbolic link (not followed)");
			return INDEX_READ_SYMLINK;
		}
		*problem = xstrdup(strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) == -1) {
		*problem = xstrdup(strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		if (S_ISDIR(st.st_mode))
			*problem = xstrdup("Is a directory");
		else if (S_ISFIFO(st.st_mode))
			*problem = xstrdup("a FIFO, not a file");
		else
			*problem = xstrdup("not a regular file");
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > INDEX_MAX_BYTES) {
		*problem = xasprintf("larger than %zu bytes", INDEX_MAX_BYTES);
		close(fd);
		return -1;
	}
	cap = (size_t)st.st_size + 1;
	b = xmalloc(cap);
	for (;;) {
		if (size + 1 >= cap) {
			if (cap > INDEX_MAX_BYTES) {
				*problem = xasprintf("larger than %zu bytes",
				                     INDEX_MAX_BYTES);
				goto fail;
			}
			cap *= 2;
			b = xrealloc(b, cap);
		}
		n = read(fd, b + size, cap - size - 1);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*problem = xstrdup(strerror(errno));
			goto fail;
		}
		size += (size_t)n;
	}
	close(fd);
	b[size] = '\0';
	*buf = b;
	*len = size;
	return 0;
fail:
	close(fd);
	free(b);
	return -1;
}

/* ---- matching an index to an article ---------------------------------- */

static bool
index_is_fresh(const struct index_data *d, const struct article *art)
{
	char fp[17];

	index_fingerprint(art, fp);
	return d->size == article_size(art) && strcmp(d->xxh3, fp) == 0;
}

static size_t
index_text_off(const struct article *art, size_t file_off)
{
	if (file_off > article_size(art))
		file_off = article_size(art);
	return article_text_offset(art, file_off);
}

static void
index_span_to_text(const struct article *art, struct span *sp)
{
	sp->start = index_text_off(art, sp->start);
	sp->end = index_text_off(art, sp->end);
}

/* A UTF-8 continuation byte can never start or end a span. */
static bool
index_on_boundary(const struct article *art, size_t off)
{
	return off >= article_len(art) ||
	       ((unsigned char)article_text(art)[off] & 0xc0) != 0x80;
}

static bool
index_span_on_boundaries(const struct article *art, struct span sp)
{
	return index_on_boundary(art, sp.start) &&
	       index_on_boundary(art, sp.end);
}

static void
index_note_quote(struct index_problems *p, const char *text)
{
	char *shown = index_oneline(text, INDEX_NOTE_QUOTE);

	index_problem_add(p, "quote \"%s\"", shown);
	p->dropped++;
	free(shown);
}

static void
index_note_position(struct index_problems *p, const char *name)
{
	char *shown = index_oneline(name, INDEX_NOTE_QUOTE);

	index_problem_add(p, "position of %s", shown);
	free(shown);
}

/*
 * Anchor a curated position by its text, nearest to hint (a text
 * offset); when the text is gone the position stays with span 0,0 and is
 * reported.
 */
static void
index_anchor_position(const struct article *art, struct actor *a, size_t hint,
                      struct index_problems *p)
{
	struct span sp;

	if (a->position_span.end > a->position_span.start &&
	    index_match_loose(art, a->position_span.start, a->position) ==
	        a->position_span.end)
		return;
	if (index_find_nearest_loose(art, a->position, hint, &sp))
		a->position_span = sp;
	else {
		a->position_span.start = a->position_span.end = 0;
		index_note_position(p, a->name);
	}
}

static bool
index_spans_overlap(struct span a, struct span b)
{
	return (a.start < b.end && b.start < a.end) ||
	       (a.start == b.start && a.end == b.end);
}

/* Curated quotes win: computed quotes that overlap one are dropped (a
 * person may add a curated quote by hand over a computed one). */
static void
index_drop_overlapped(struct annotation *ann)
{
	struct span *cur;
	size_t i, k, kept = 0, ncur = 0;

	cur = xcalloc(ann->nquotes + 1, sizeof *cur);
	for (i = 0; i < ann->nquotes; i++)
		if (ann->quotes[i].curated)
			cur[ncur++] = ann->quotes[i].span;
	for (i = 0; ncur > 0 && i < ann->nquotes; i++) {
		struct quote *q = &ann->quotes[i];
		bool covered = false;

		for (k = 0; !q->curated && !covered && k < ncur; k++)
			covered = index_spans_overlap(q->span, cur[k]);
		if (covered) {
			free(q->text);
			free(q->cue);
			continue;
		}
		ann->quotes[kept++] = *q;
	}
	if (ncur > 0)
		ann->nquotes = kept;
	free(cur);
}

/*
 * Turn a checked index for this very article (fingerprint matches) into
 * the annotation to use: offsets to text offsets, then check that every
 * span lies on character boundaries and that quotes say what the article
 * says. Curated entries whose text moved are re-anchored (or reported,
 * and a curated quote that cannot be found is left out). Returns -1 with
 * *problem when the index does not fit the article.
 */
static int
index_fit(struct annotation *ann, const struct article *art,
          const struct block_list *bl, struct index_problems *p, char **problem)
{
	size_t i, k, kept = 0;

	for (i = 0; i < ann->nactors; i++) {
		struct actor *a = &ann->actors[i];

		for (k = 0; k < a->nmentions; k++) {
			index_span_to_text(art, &a->mentions[k]);
			if (!index_span_on_boundaries(art, a->mentions[k])) {
				*problem =
				    xasprintf("actors[%zu].mentions[%zu]"
				              ": not on a character boundary",
				              i, k);
				return -1;
			}
		}
		index_span_to_text(art, &a->position_span);
		if (!index_span_on_boundaries(art, a->position_span)) {
			*problem = xasprintf("actors[%zu].position_start: not "
			                     "on a character boundary",
			                     i);
			return -1;
		}
		if (a->position_curated)
			index_anchor_position(art, a, a->position_span.start,
			                      p);
	}
	/* Check every quote before anything is dropped, so a failure
	 * leaves the annotation whole for annotation_free(). */
	for (i = 0; i < ann->nquotes; i++) {
		struct quote *q = &ann->quotes[i];

		index_span_to_text(art, &q->span);
		index_span_to_text(art, &q->cue_span);
		if (!index_span_on_boundaries(art, q->span) ||
		    !index_span_on_boundaries(art, q->cue_span)) {
			*problem = xasprintf("quotes[%zu]: not on a character "
			                     "boundary",
			                     i);
			return -1;
		}
		if (!q->curated && !index_span_is(art, q->span, q->text)) {
			*problem = xasprintf(
			    "quotes[%zu].text: not the "
			    "article's text at %zu-%zu",
			    i, article_file_offset(art, q->span.start),
			    article_file_offset(art, q->span.end));
			return -1;
		}
	}
	for (i = 0; i < ann->nquotes; i++) {
		struct quote *q = &ann->quotes[i];
		struct span sp;

		if (!index_span_is(art, q->span, q->text)) {
			/* Only curated quotes get here: re-anchor. */
			if (!index_find_nearest(art, q->text, q->span.start,
			                        &sp)) {
				index_note_quote(p, q->text);
				free(q->text);
				free(q->cue);
				continue;
			}
			q->span = sp;
		}
		q->block = blocks_find(bl, q->span.start);
		ann->quotes[kept++] = *q;
	}
	ann->nquotes = kept;
	index_drop_overlapped(ann);
	if (ann->nquotes > 1)
		qsort(ann->quotes, ann->nquotes, sizeof *ann->quotes,
		      index_quote_cmp);
	return 0;
}

/* Whether two actors are the same one: by name, or a name of one is an
 * alias of the other. */
static bool
index_actor_same(const struct actor *a, const struct actor *b)
{
	size_t i;

	if (strcmp(a->name, b->name) == 0)
		return true;
	for (i = 0; i < a->naliases; i++)
		if (strcmp(a->aliases[i], b->name) == 0)
			return true;
	for (i = 0; i < b->naliases; i++)
		if (strcmp(b->aliases[i], a->name) == 0)
			return true;
	return false;
}

/* The state of carrying curated entries from an old index to a new
 * annotation. */
struct index_merge {
	struct annotation *dst;
	const struct annotation *old;
	const struct article *art; /* the current article */
	int *map;      /* old actor -> dst actor; -2 not yet looked up */
	bool *claimed; /* dst actors a curated old actor took over */
	size_t nclaimed;
};

static void
index_merge_claim(struct index_merge *m, size_t di)
{
	if (di >= m->nclaimed) {
		m->claimed =
		    xreallocarray(m->claimed, di + 1, sizeof *m->claimed);
		memset(m->claimed + m->nclaimed, 0,
		       (di + 1 - m->nclaimed) * sizeof *m->claimed);
		m->nclaimed = di + 1;
	}
	m->claimed[di] = true;
}

static bool
index_merge_claimed(const struct index_merge *m, size_t di)
{
	return di < m->nclaimed && m->claimed[di];
}

/*
 * The dst actor that old actor oi becomes: the computed one with the
 * same name (the same kind preferred), else a copy of the old one with
 * its mentions found again by name. -1 when there is none and the old
 * actor is not in the article any more.
 */
static int
index_merge_actor(struct index_merge *m, size_t oi)
{
	const struct actor *oa = &m->old->actors[oi];
	struct actor copy;
	size_t i, found = SIZE_MAX;
	int di;

	if (m->map[oi] != -2)
		return m->map[oi];
	for (i = 0; i < m->dst->nactors; i++) {
		const struct actor *da = &m->dst->actors[i];

		/* A computed actor becomes one curated actor at most. */
		if ((oa->curated && index_merge_claimed(m, i)) ||
		    !index_actor_same(oa, da))
			continue;
		if (found == SIZE_MAX ||
		    (da->kind == oa->kind &&
		     m->dst->actors[found].kind != oa->kind) ||
		    (strcmp(da->name, oa->name) == 0 &&
		     strcmp(m->dst->actors[found].name, oa->name) != 0))
			found = i;
	}
	if (found != SIZE_MAX) {
		m->map[oi] = (int)found;
		if (oa->curated)
			index_merge_claim(m, found);
		return m->map[oi];
	}
	index_actor_copy(&copy, oa);
	free(copy.mentions);
	copy.mentions = NULL;
	copy.nmentions = 0;
	copy.position_span.start = copy.position_span.end = 0;
	if (!copy.position_curated) {
		free(copy.position);
		copy.position = NULL;
	}
	index_find_mentions(m->art, &copy);
	/*
	 * Nowhere in the article: a curated position is still kept (with
	 * span 0,0, named in every note until a person removes it); anything
	 * else has nothing left to show.
	 */
	if (copy.nmentions == 0 && !copy.position_curated) {
		annotate_actor_clear(&copy);
		m->map[oi] = -1;
		return -1;
	}
	di = (int)index_actor_append(m->dst, &copy);
	annotate_actor_clear(&copy);
	index_merge_claim(m, (size_t)di);
	m->map[oi] = di;
	return di;
}

/* Carry the curated parts of old actor oi over to the dst. */
static void
index_merge_curated_actor(struct index_merge *m, size_t oi,
                          struct index_problems *p)
{
	const struct actor *oa = &m->old->actors[oi];
	struct actor *da;
	size_t hint, i;
	int di;

	if ((di = index_merge_actor(m, oi)) < 0) {
		char *shown = index_oneline(oa->name, INDEX_NOTE_QUOTE);

		/* Only the actor's curated position is lost when it was
		 * all a person chose. */
		if (oa->curated) {
			index_problem_add(p, "actor %s", shown);
			p->dropped++;
		} else
			index_problem_add(p, "position of %s", shown);
		free(shown);
		return;
	}
	da = &m->dst->actors[di];
	if (oa->curated) {
		/* A person's name, role and affiliation win. */
		free(da->name);
		da->name = xstrdup(oa->name);
		free(da->role);
		da->role = index_strdup0(oa->role);
		free(da->affiliation);
		da->affiliation = index_strdup0(oa->affiliation);
		da->kind = oa->kind;
		for (i = 0; i < da->naliases; i++)
			free(da->aliases[i]);
		free(da->aliases);
		da->aliases = NULL;
		da->naliases = 0;
		if (oa->naliases > 0) {
			da->aliases =
			    xcalloc(oa->naliases, sizeof *da->aliases);
			for (i = 0; i < oa->naliases; i++)
				da->aliases[i] = xstrdup(oa->aliases[i]);
			da->naliases = oa->naliases;
		}
		da->curated = true;
	}
	if (oa->position_curated) {
		free(da->position);
		da->position = xstrdup(oa->position);
		da->position_curated = true;
		hint = index_text_off(m->art, oa->position_span.start);
		da->position_span.start = da->position_span.end = 0;
		index_anchor_position(m->art, da, hint, p);
	}
}

/* Carry old quote oq over to dst, replacing computed quotes it covers. */
static void
index_merge_curated_quote(struct index_merge *m, const struct quote *oq,
                          const struct block_list *bl, struct index_problems *p)
{
	struct annotation *dst = m->dst;
	struct quote nq;
	struct span sp;
	size_t i, kept = 0;
	long delta;

	if (!index_find_nearest(m->art, oq->text,
	                        index_text_off(m->art, oq->span.start), &sp)) {
		index_note_quote(p, oq->text);
		return;
	}
	/* The curated quote wins over every quote it overlaps. */
	for (i = 0; i < dst->nquotes; i++) {
		struct quote *q = &dst->quotes[i];

		if (index_spans_overlap(q->span, sp)) {
			free(q->text);
			free(q->cue);
			continue;
		}
		dst->quotes[kept++] = *q;
	}
	dst->nquotes = kept;

	index_quote_copy(&nq, oq);
	nq.span = sp;
	nq.curated = true;
	nq.speaker =
	    oq->speaker >= 0 ? index_merge_actor(m, (size_t)oq->speaker) : -1;
	if (oq->speaker >= 0 && nq.speaker < 0) {
		char *shown = index_oneline(m->old->actors[oq->speaker].name,
		                            INDEX_NOTE_QUOTE);

		index_problem_add(p, "speaker %s", shown);
		p->dropped++;
		free(shown);
	}
	/* The cue keeps its place relative to the quote when it still
	 * reads the same there; else it is looked for nearby. */
	nq.cue_span.start = nq.cue_span.end = 0;
	if (oq->cue != NULL && oq->cue_span.end > oq->cue_span.start) {
		struct span cs;

		delta = (long)oq->cue_span.start - (long)oq->span.start;
		cs.start = (size_t)((long)sp.start + delta);
		cs.end = cs.start + (oq->cue_span.end - oq->cue_span.start);
		if (((long)sp.start + delta >= 0 &&
		     index_span_is(m->art, cs, oq->cue)) ||
		    index_find_nearest(m->art, oq->cue, sp.start, &cs))
			nq.cue_span = cs;
	}
	nq.block = blocks_find(bl, sp.start);
	dst->quotes =
	    xreallocarray(dst->quotes, dst->nquotes + 1, sizeof *dst->quotes);
	dst->quotes[dst->nquotes++] = nq;
}

/*
 * Carry the curated entries of old (an index in FILE offsets of some
 * earlier version of the article) over to dst (computed for art),
 * anchoring them by their text. What cannot be anchored is added to p.
 */
static void
index_merge(struct annotation *dst, const struct annotation *old,
            const struct article *art, const struct block_list *bl,
            struct index_problems *p)
{
	struct index_merge m = { dst, old, art, NULL, NULL, 0 };
	size_t i;

	m.map = xcalloc(old->nactors + 1, sizeof *m.map);
	for (i = 0; i < old->nactors; i++)
		m.map[i] = -2;
	/* Whole curated actors first, so they claim their computed twin. */
	for (i = 0; i < old->nactors; i++)
		if (old->actors[i].curated)
			index_merge_curated_actor(&m, i, p);
	for (i = 0; i < old->nactors; i++)
		if (!old->actors[i].curated && old->actors[i].position_curated)
			index_merge_curated_actor(&m, i, p);
	for (i = 0; i < old->nquotes; i++)
		if (old->quotes[i].curated)
			index_merge_curated_quote(&m, &old->quotes[i], bl, p);
	if (dst->nquotes > 1)
		qsort(dst->quotes, dst->nquotes, sizeof *dst->quotes,
		      index_quote_cmp);
	free(m.map);
	free(m.claimed);
}

/* ---- the public functions ------------------------------------------- */

static char *
index_note(const char *file, const char *what, struct index_problems *p)
{
	if (p->n == 0)
		return what != NULL ? xasprintf("%s: %s", file, what) : NULL;
	if (what != NULL)
		return xasprintf("%s: %s; curated %s not found in the "
		                 "article: %s",
		                 file, what, p->n == 1 ? "entry" : "entries",
		                 p->text);
	return xasprintf("%s: curated %s not found in the article: %s", file,
	                 p->n == 1 ? "entry" : "entries", p->text);
}

/* Make a note one line: jansson's messages quote the input. */
static void
index_note_flatten(char *note)
{
	for (; note != NULL && *note != '\0'; note++)
		if ((unsigned char)*note < 0x20 || *note == 0x7f)
			*note = ' ';
}

static struct annotation *
index_open_bytes(const char *name, const char *buf, size_t len,
                 const struct article *art, const struct block_list *bl,
                 enum index_status *status, char **note);

struct annotation *
index_open_buffer(const char *name, const char *buf, size_t len,
                  const struct article *art, const struct block_list *bl,
                  enum index_status *status, char **note)
{
	struct annotation *ann;

	ann = index_open_bytes(name, buf, len, art, bl, status, note);
	index_note_flatten(*note);
	return ann;
}

static struct annotation *
index_open_bytes(const char *name, const char *buf, size_t len,
                 const struct article *art, const struct block_list *bl,
                 enum index_status *status, char **note)
{
	struct index_problems p = { NULL, 0, 0 };
	struct index_data d;
	struct annotation *ann;
	char *problem = NULL, *why;

	*note = NULL;
	if (index_parse(buf, len, &d, &problem) == -1) {
		*status = INDEX_INVALID;
		*note = xasprintf("%s: %s", name, problem);
		free(problem);
		return annotate(art, bl);
	}
	/*
	 * An index another version of whosaid wrote is what an older (or
	 * newer) annotator found: recompute it, as for a changed article.
	 * A hand-made index without "generator" is taken as it is.
	 */
	if (index_is_fresh(&d, art) &&
	    (d.generator == NULL || strcmp(d.generator, PACKAGE_STRING) == 0)) {
		free(d.generator);
		if (index_fit(d.ann, art, bl, &p, &problem) == -1) {
			*status = INDEX_INVALID;
			*note = xasprintf("%s: %s", name, problem);
			free(problem);
			free(p.text);
			annotation_free(d.ann);
			return annotate(art, bl);
		}
		*status = INDEX_FRESH;
		*note = index_note(name, NULL, &p);
		free(p.text);
		return d.ann;
	}
	ann = annotate(art, bl);
	index_merge(ann, d.ann, art, bl, &p);
	annotation_free(d.ann);
	*status = INDEX_STALE;
	if (index_is_fresh(&d, art)) {
		char *gen = index_oneline(d.generator, 40);

		why = xasprintf("index recomputed: written by %s", gen);
		free(gen);
	} else
		why = xstrdup("index recomputed: article changed");
	*note = index_note(name, why, &p);
	free(why);
	free(d.generator);
	free(p.text);
	return ann;
}

struct annotation *
index_open(const char *index_file, const struct article *art,
           const struct block_list *bl, enum index_status *status, char **note)
{
	struct annotation *ann;
	char *buf = NULL, *problem = NULL;
	size_t len = 0;
	int r;

	*note = NULL;
	if (index_file == NULL) {
		*status = INDEX_MISSING;
		return annotate(art, bl);
	}
	if ((r = index_read(index_file, &buf, &len, &problem)) != 0) {
		if (r == 1)
			*status = INDEX_MISSING;
		else {
			*status = INDEX_INVALID;
			*note = xasprintf("%s: %s", index_file, problem);
			index_note_flatten(*note);
			free(problem);
		}
		return annotate(art, bl);
	}
	ann = index_open_buffer(index_file, buf, len, art, bl, status, note);
	free(buf);
	return ann;
}

/*
 * The annotation to write to file: ann with the curated entries of an
 * index already there carried over. NULL with *cause when the index
 * there cannot be read or checked: a person's corrections may be in it,
 * so it is not overwritten.
 */
static struct annotation *
index_save_merged(const char *file, const struct article *art,
                  const struct block_list *bl, const struct annotation *ann,
                  struct index_problems *p, char **cause)
{
	struct annotation *out = index_annotation_copy(ann);
	struct index_data d;
	char *buf = NULL, *problem = NULL;
	size_t len = 0;
	int r;

	/*
	 * Nothing there, or a symbolic link: the save replaces the link
	 * itself (rename), and what it points at is neither read nor
	 * touched.
	 */
	if ((r = index_read(file, &buf, &len, &problem)) == 1)
		return out;
	if (r == INDEX_READ_SYMLINK) {
		free(problem);
		return out;
	}
	if (r == 0 && index_parse(buf, len, &d, &problem) == 0) {
		free(buf);
		index_merge(out, d.ann, art, bl, p);
		annotation_free(d.ann);
		free(d.generator);
		return out;
	}
	free(buf);
	*cause = xasprintf("%s: %s; not overwritten (fix it or remove it)",
	                   file, problem);
	free(problem);
	annotation_free(out);
	return NULL;
}

static char *
index_serialize(const struct article *art, const struct block_list *bl,
                const struct annotation *ann, size_t *len)
{
	json_t *root = index_to_json(art, bl, ann);
	char *s, *out;

	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	                         JSON_REAL_PRECISION(6));
	json_decref(root);
	if (s == NULL)
		return NULL;
	/* End with a newline, as text files do. */
	*len = strlen(s) + 1;
	out = xmalloc(*len + 1);
	memcpy(out, s, *len - 1);
	out[*len - 1] = '\n';
	out[*len] = '\0';
	free(s);
	return out;
}

/* Merge with the index at base (when there is one) and write to file. */
static int
index_save_to(const char *file, const char *base, const struct article *art,
              const struct block_list *bl, const struct annotation *ann,
              int *create_errno, char **note, char **cause)
{
	struct index_problems p = { NULL, 0, 0 };
	struct annotation *merged;
	char *data;
	size_t len = 0;
	int r;

	*create_errno = 0;
	if ((merged = index_save_merged(base, art, bl, ann, &p, cause)) == NULL)
		return -1;
	if (p.dropped > 0 && note == NULL) {
		*cause =
		    xasprintf("%s: curated %s not found in the article: "
		              "%s; not overwritten (fix it or remove it)",
		              base, p.n == 1 ? "entry" : "entries", p.text);
		free(p.text);
		annotation_free(merged);
		return -1;
	}
	data = index_serialize(art, bl, merged, &len);
	annotation_free(merged);
	if (data == NULL) {
		*cause = xasprintf("%s: cannot encode the index", file);
		free(p.text);
		return -1;
	}
	r = index_write_atomic(file, data, len, create_errno, cause);
	free(data);
	if (r == 0 && note != NULL)
		*note = index_note(base, NULL, &p);
	free(p.text);
	return r;
}

/* Whether the index file b is the article a: a symbolic link at b does
 * not count, as the save replaces the link, not what it points to. */
static bool
index_same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && lstat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* Make the cache folder that holds file. */
static int
index_make_cache_dir(const char *file, char **cause)
{
	char *dir = index_dirname(file);
	int r = index_mkdirs(dir, cause);

	free(dir);
	return r;
}

int
index_save_noted(const char *path, const char *index_file,
                 const struct article *art, const struct block_list *bl,
                 const struct annotation *ann, char **where, char **note,
                 char **cause)
{
	char *file, *cache, *cause2 = NULL;
	const char *base;
	int create_errno, r = -1;

	if (note != NULL)
		*note = NULL;
	*cause = NULL;
	if (index_file != NULL && index_same_file(path, index_file)) {
		/* The rename would put the index in the article's place. */
		*cause = xasprintf("%s: is the article itself; not "
		                   "overwritten",
		                   index_file);
		return -1;
	}
	if (index_file != NULL) {
		if (index_save_to(index_file, index_file, art, bl, ann,
		                  &create_errno, note, cause) == -1)
			return -1;
		*where = xstrdup(index_file);
		return 0;
	}
	if ((file = index_path(path)) == NULL) {
		*cause = xstrdup("standard input has no index file");
		return -1;
	}
	cache = index_cache_path(path);
	if (cache != NULL && strcmp(cache, file) == 0) {
		if (index_make_cache_dir(cache, cause) == -1)
			goto out;
	}
	if (index_save_to(file, file, art, bl, ann, &create_errno, note,
	                  cause) == 0) {
		*where = file;
		file = NULL;
		r = 0;
		goto out;
	}
	/*
	 * Only a folder where no file can be made sends the index to the
	 * cache; a full disk or an unreadable old index is an error. The
	 * curated entries come from the index beside the article when the
	 * cache has none yet (an index shipped in a read-only folder).
	 */
	if (create_errno == 0 || cache == NULL || strcmp(cache, file) == 0)
		goto out;
	base = index_exists(cache) ? cache : file;
	if (index_make_cache_dir(cache, &cause2) == -1 ||
	    index_save_to(cache, base, art, bl, ann, &create_errno, note,
	                  &cause2) == -1) {
		free(*cause);
		*cause = cause2;
		goto out;
	}
	free(*cause);
	*cause = NULL;
	*where = cache;
	cache = NULL;
	r = 0;
out:
	free(cache);
	free(file);
	return r;
}

int
index_save(const char *path, const char *index_file, const struct article *art,
           const struct block_list *bl, const struct annotation *ann,
           char **where, char **cause)
{
	return index_save_noted(path, index_file, art, bl, ann, where, NULL,
	                        cause);
}

int
index_rebuild(const char *path, const char *index_file,
              const struct article *art, const struct block_list *bl,
              char **where, char **note, char **cause)
{
	struct annotation *ann = annotate(art, bl);
	int r;

	r = index_save_noted(path, index_file, art, bl, ann, where, note,
	                     cause);
	annotation_free(ann);
	return r;
}
