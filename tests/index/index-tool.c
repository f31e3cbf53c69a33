/*
 * index-tool.c: small commands around the index, for `make content` and
 * the check of the shipped index (tests/index/shipped.sh).
 *
 *   index-tool rebuild [-f] ARTICLE [INDEX]
 *                                        recompute the index, keeping the
 *                                        curated entries of the one there
 *   index-tool status ARTICLE INDEX      fresh, stale, missing or invalid
 *   index-tool compare A B               same JSON, key order aside?
 *   index-tool curated INDEX NAME...     each actor NAME has an anchored
 *                                        curated position
 *
 * Exit status: 0 yes/done, 1 no/failed, 2 usage.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "index.h"
#include "xmalloc.h"

static int
tool_usage(void)
{
	fprintf(stderr, "usage: index-tool rebuild [-f] ARTICLE [INDEX]\n"
	                "       index-tool status ARTICLE INDEX\n"
	                "       index-tool compare A B\n"
	                "       index-tool curated INDEX NAME...\n");
	return 2;
}

/*
 * Without force, a curated quote or actor that can no longer be found
 * stops the rebuild (the old index stays for a person to fix); with it,
 * the new index is written and the lost entries named.
 */
static int
tool_rebuild(const char *path, const char *index_file, bool force)
{
	struct article *art;
	struct block_list *bl;
	char *cause = NULL, *where = NULL, *note = NULL;
	int r;

	if ((art = article_load(path, &cause)) == NULL) {
		fprintf(stderr, "index-tool: %s\n", cause);
		free(cause);
		return 1;
	}
	bl = blocks_parse(art);
	r = index_rebuild(path, index_file, art, bl, &where,
	                  force ? &note : NULL, &cause);
	if (note != NULL)
		fprintf(stderr, "index-tool: %s\n", note);
	if (r == 0)
		printf("%s: index written to %s\n", path, where);
	else
		fprintf(stderr, "index-tool: %s\n", cause);
	free(note);
	free(where);
	free(cause);
	blocks_free(bl);
	article_free(art);
	return r == 0 ? 0 : 1;
}

static int
tool_status(const char *path, const char *index_file)
{
	static const char *names[] = {
		[INDEX_FRESH] = "fresh",
		[INDEX_STALE] = "stale",
		[INDEX_MISSING] = "missing",
		[INDEX_INVALID] = "invalid",
	};
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	enum index_status status;
	char *cause = NULL, *note = NULL;

	if ((art = article_load(path, &cause)) == NULL) {
		fprintf(stderr, "index-tool: %s\n", cause);
		free(cause);
		return 1;
	}
	bl = blocks_parse(art);
	ann = index_open(index_file, art, bl, &status, &note);
	printf("%s%s%s\n", names[status], note != NULL ? ": " : "",
	       note != NULL ? note : "");
	free(note);
	annotation_free(ann);
	blocks_free(bl);
	article_free(art);
	return status == INDEX_FRESH ? 0 : 1;
}

/* Print where a and b first differ (path like actors[3].name); true when
 * they are equal. */
static bool
tool_diff(const json_t *a, const json_t *b, const char *path)
{
	const char *key;
	json_t *va;
	size_t i;
	char sub[512];

	if (json_equal(a, b))
		return true;
	if (json_is_object(a) && json_is_object(b)) {
		json_object_foreach((json_t *)a, key, va)
		{
			json_t *vb = json_object_get(b, key);

			snprintf(sub, sizeof sub, "%s.%s", path, key);
			if (vb == NULL) {
				printf("%s: only in the first\n", sub);
				return false;
			}
			if (!tool_diff(va, vb, sub))
				return false;
		}
		json_object_foreach((json_t *)b, key, va)
		{
			if (json_object_get(a, key) == NULL) {
				printf("%s.%s: only in the second\n", path,
				       key);
				return false;
			}
		}
	}
	if (json_is_array(a) && json_is_array(b)) {
		for (i = 0; i < json_array_size(a) && i < json_array_size(b);
		     i++) {
			snprintf(sub, sizeof sub, "%s[%zu]", path, i);
			if (!tool_diff(json_array_get(a, i),
			               json_array_get(b, i), sub))
				return false;
		}
		printf("%s: %zu entries against %zu\n", path,
		       json_array_size(a), json_array_size(b));
		return false;
	}
	{
		char *sa = json_dumps(a, JSON_ENCODE_ANY | JSON_COMPACT);
		char *sb = json_dumps(b, JSON_ENCODE_ANY | JSON_COMPACT);

		printf("%s: %.200s against %.200s\n", path, sa, sb);
		free(sa);
		free(sb);
	}
	return false;
}

static json_t *
tool_load(const char *file)
{
	json_error_t err;
	json_t *j = json_load_file(file, 0, &err);

	if (j == NULL)
		fprintf(stderr, "index-tool: %s: %s\n", file, err.text);
	return j;
}

static int
tool_compare(const char *fa, const char *fb)
{
	json_t *a = tool_load(fa), *b = tool_load(fb);
	bool same;

	if (a == NULL || b == NULL) {
		json_decref(a);
		json_decref(b);
		return 1;
	}
	same = tool_diff(a, b, "index");
	json_decref(a);
	json_decref(b);
	return same ? 0 : 1;
}

static int
tool_curated(const char *file, char **names, int n)
{
	json_t *root = tool_load(file), *actors, *a;
	int i, bad = 0;
	size_t k;

	if (root == NULL)
		return 1;
	actors = json_object_get(root, "actors");
	for (i = 0; i < n; i++) {
		bool ok = false;

		json_array_foreach(actors, k, a)
		{
			const char *name =
			    json_string_value(json_object_get(a, "name"));

			if (name == NULL || strcmp(name, names[i]) != 0)
				continue;
			ok = json_is_true(
			         json_object_get(a, "position_curated")) &&
			     json_integer_value(
			         json_object_get(a, "position_end")) >
			         json_integer_value(
			             json_object_get(a, "position_start"));
		}
		if (!ok) {
			printf("%s: no anchored curated position\n", names[i]);
			bad = 1;
		}
	}
	json_decref(root);
	return bad;
}

int
main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "rebuild") == 0) {
		bool force = strcmp(argv[2], "-f") == 0;

		argv += force;
		argc -= force;
		if (argc >= 3 && argc <= 4)
			return tool_rebuild(argv[2], argc == 4 ? argv[3] : NULL,
			                    force);
	}
	if (argc == 4 && strcmp(argv[1], "status") == 0)
		return tool_status(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "compare") == 0)
		return tool_compare(argv[2], argv[3]);
	if (argc >= 3 && strcmp(argv[1], "curated") == 0)
		return tool_curated(argv[2], argv + 3, argc - 3);
	return tool_usage();
}
