/*
 * index-fault-test.c: nothing is lost when saving an index fails.
 *
 * Built with src/index.c compiled with INDEX_FAULTS, which makes the step
 * of a save named by WHOSAID_INDEX_FAULT fail with EIO (see index.c; the
 * library and the program never read that variable). For every step of
 * a save (mkstemp, write, fsync, close, rename) the previous index must
 * be left byte for byte as it was, with no temporary file left behind;
 * a failed fsync of the folder after the rename loses nothing either.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "index.h"
#include "xmalloc.h"

static const char article_text_v1[] =
    "Neighbours Keep Quiet\n"
    "\n"
    "Kazakhstan said its position \"proceeds from the principles of "
    "territorial integrity,\" a spokesman said.\n"
    "\n"
    "\"We will not recognise it,\" said Luca Anceschi, a lecturer at the "
    "University of Glasgow.\n";

struct fixture {
	char dir[256];
	char path[300];  /* the article */
	char index[320]; /* path + ".whosaid" */
	char cache[300]; /* XDG_CACHE_HOME for the test */
};

static int
rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	chmod(p, 0700);
	return remove(p);
}

static void
write_file(const char *path, const char *s, size_t n)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static char *
read_file(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)len + 1);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	buf[len] = '\0';
	fclose(f);
	*n = (size_t)len;
	return buf;
}

/* Files in dir other than the article and its index. */
static int
count_strays(const struct fixture *fx, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 ||
		    strcmp(e->d_name, "..") == 0 ||
		    strcmp(e->d_name, "article.txt") == 0 ||
		    strcmp(e->d_name, "article.txt.whosaid") == 0 ||
		    strcmp(e->d_name, "cache") == 0)
			continue;
		n++;
	}
	closedir(d);
	(void)fx;
	return n;
}

static int
setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof *fx);
	const char *tmp = getenv("TMPDIR");

	snprintf(fx->dir, sizeof fx->dir, "%s/index-fault.XXXXXX",
	         tmp != NULL && tmp[0] == '/' ? tmp : "/tmp");
	assert_non_null(mkdtemp(fx->dir));
	snprintf(fx->path, sizeof fx->path, "%s/article.txt", fx->dir);
	snprintf(fx->index, sizeof fx->index, "%s.whosaid", fx->path);
	snprintf(fx->cache, sizeof fx->cache, "%s/cache", fx->dir);
	write_file(fx->path, article_text_v1, sizeof article_text_v1 - 1);
	/* A fallback to the cache must not reach the user's own. */
	setenv("XDG_CACHE_HOME", fx->cache, 1);
	unsetenv("WHOSAID_INDEX_FAULT");
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	unsetenv("WHOSAID_INDEX_FAULT");
	unsetenv("XDG_CACHE_HOME");
	nftw(fx->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(fx);
	return 0;
}

/* The article, its blocks and an analysis; words is changed so that a
 * second save writes other bytes than the first. */
struct doc {
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
};

static void
doc_load(struct doc *d, const char *path, size_t words)
{
	char *cause = NULL;

	d->art = article_load(path, &cause);
	assert_non_null(d->art);
	d->bl = blocks_parse(d->art);
	d->ann = annotate(d->art, d->bl);
	d->ann->words = words;
}

static void
doc_free(struct doc *d)
{
	annotation_free(d->ann);
	blocks_free(d->bl);
	article_free(d->art);
}

/* Save d's index at the default place; returns what index_save did. */
static int
save(struct fixture *fx, struct doc *d, char **cause)
{
	char *where = NULL;
	int r;

	*cause = NULL;
	r = index_save(fx->path, NULL, d->art, d->bl, d->ann, &where, cause);
	if (r == 0)
		assert_string_equal(where, fx->index);
	free(where);
	return r;
}

/* A save failing at the step in *state leaves the old index intact. */
static void
test_step_fails(void **state)
{
	static const char *const steps[] = { "mkstemp", "write", "fsync",
		                             "close", "rename" };
	struct fixture *fx;
	struct doc d;
	char *before, *after, *cause, cache_sub[320];
	size_t i, nb, na;

	(void)state;
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		setup((void **)&fx);
		snprintf(cache_sub, sizeof cache_sub, "%s/whosaid", fx->cache);
		doc_load(&d, fx->path, 1);
		assert_int_equal(save(fx, &d, &cause), 0);
		before = read_file(fx->index, &nb);
		d.ann->words = 2;

		setenv("WHOSAID_INDEX_FAULT", steps[i], 1);
		if (save(fx, &d, &cause) != -1)
			fail_msg("%s: the save did not fail", steps[i]);
		unsetenv("WHOSAID_INDEX_FAULT");
		assert_non_null(cause);
		/* One line, naming the file or its folder and the error. */
		assert_null(strchr(cause, '\n'));
		assert_non_null(strstr(cause, fx->dir));
		assert_non_null(strstr(cause, strerror(EIO)));
		free(cause);

		after = read_file(fx->index, &na);
		if (na != nb || memcmp(before, after, nb) != 0)
			fail_msg("%s: the old index changed", steps[i]);
		if (count_strays(fx, fx->dir) != 0)
			fail_msg("%s: a temporary file is left", steps[i]);
		/* Nothing went to the cache instead. */
		if (count_strays(fx, cache_sub) != 0)
			fail_msg("%s: something was left in the cache",
			         steps[i]);
		free(after);

		/* Without the fault, the same save goes through. */
		assert_int_equal(save(fx, &d, &cause), 0);
		after = read_file(fx->index, &na);
		assert_true(na != nb || memcmp(before, after, nb) != 0);
		free(after);
		free(before);
		doc_free(&d);
		teardown((void **)&fx);
	}
}

/*
 * The fsync of the folder comes after the rename: when it fails the new
 * index is whole and in place, and nothing else is left.
 */
static void
test_dir_fsync_fails(void **state)
{
	struct fixture *fx = *state;
	struct doc d;
	struct annotation *got;
	enum index_status st;
	char *cause, *note = NULL;

	doc_load(&d, fx->path, 1);
	assert_int_equal(save(fx, &d, &cause), 0);
	d.ann->words = 2;
	setenv("WHOSAID_INDEX_FAULT", "dirfsync", 1);
	assert_int_equal(save(fx, &d, &cause), 0);
	unsetenv("WHOSAID_INDEX_FAULT");
	assert_int_equal(count_strays(fx, fx->dir), 0);
	got = index_open(fx->index, d.art, d.bl, &st, &note);
	assert_int_equal(st, INDEX_FRESH);
	assert_null(note);
	assert_int_equal(got->words, 2);
	annotation_free(got);
	doc_free(&d);
}

/*
 * An article in a folder where no file can be made (/proc, even for
 * root) sends the index to the cache: a failure to make the cache folder
 * or the file there is an error that leaves nothing behind.
 */
static void
test_cache_steps_fail(void **state)
{
	static const char *const steps[] = { "mkdir", "mkstemp", "write",
		                             "rename" };
	static const char article[] = "/proc/version";
	struct fixture *fx = *state;
	struct doc d;
	struct stat sb;
	char *where = NULL, *cause = NULL;
	size_t i;

	if (access(article, R_OK) != 0) {
		print_message("# %s not readable: skipped\n", article);
		return;
	}
	doc_load(&d, article, 1);
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		setenv("WHOSAID_INDEX_FAULT", steps[i], 1);
		if (index_save(article, NULL, d.art, d.bl, d.ann, &where,
		               &cause) != -1)
			fail_msg("%s: the save did not fail", steps[i]);
		unsetenv("WHOSAID_INDEX_FAULT");
		assert_non_null(cause);
		assert_null(strchr(cause, '\n'));
		free(cause);
		cause = NULL;
		if (strcmp(steps[i], "mkdir") == 0)
			assert_int_equal(stat(fx->cache, &sb), -1);
		else
			assert_int_equal(count_strays(fx, fx->cache), 1);
		/* Only the (empty) whosaid folder: no file in it. */
		{
			char *sub = xasprintf("%s/whosaid", fx->cache);

			assert_int_equal(count_strays(fx, sub), 0);
			free(sub);
		}
	}
	/* And with no fault it is written there, in folders of mode 0700
	 * (an index tells what a person reads). */
	assert_int_equal(
	    index_save(article, NULL, d.art, d.bl, d.ann, &where, &cause), 0);
	assert_true(strncmp(where, fx->cache, strlen(fx->cache)) == 0);
	assert_int_equal(stat(fx->cache, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0700);
	{
		char *sub = xasprintf("%s/whosaid", fx->cache);

		assert_int_equal(stat(sub, &sb), 0);
		assert_int_equal(sb.st_mode & 07777, 0700);
		free(sub);
	}
	free(where);
	doc_free(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_step_fails),
		cmocka_unit_test_setup_teardown(test_dir_fsync_fails, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_cache_steps_fail, setup,
		                                teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
