/*
 * replay-main.c: run a fuzz target's LLVMFuzzerTestOneInput on files,
 * without libFuzzer: built with the ordinary compiler (and its
 * sanitizers in a sanitizer build), so every build replays the crashers
 * of tests/data/crashers/ and the seed corpus.
 *
 * Usage: X-replay FILE...  Each file is one input, run in this process;
 * a broken invariant aborts (the checks of fuzz-check.c). Exit 0 when
 * every file ran, 1 when one could not be read.
 *
 * Without arguments (make check), TAP: each crasher kept for the target
 * (tests/data/crashers/NAME-*) and each seed (the articles of content/
 * and tests/data/, or the index seeds) is one test, run in a child
 * process so a crash is reported as "not ok" with its signal. NAME is
 * FUZZ_NAME, set at build time; the sources are found in $top_srcdir.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef FUZZ_NAME
#error "FUZZ_NAME (annotate, index, ...) must be defined"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
replay_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, n;

	if (fp == NULL) {
		perror(path);
		return -1;
	}
	for (;;) {
		if (len == cap) {
			uint8_t *nb;

			cap = cap == 0 ? 65536 : cap * 2;
			if ((nb = realloc(buf, cap)) == NULL) {
				perror(path);
				free(buf);
				fclose(fp);
				return -1;
			}
			buf = nb;
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		perror(path);
		free(buf);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	fprintf(stderr, "replay %s (%zu bytes)\n", path, len);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

/* Add the files matching dir/pattern under the source tree to g. */
static void
replay_glob(glob_t *g, const char *top, const char *pattern)
{
	char path[4096];

	snprintf(path, sizeof path, "%s/%s", top, pattern);
	glob(path, g->gl_pathc > 0 ? GLOB_APPEND : 0, NULL, g);
}

/* One file in a child: 0 when it ran, else the wait status. */
static int
replay_child(const char *path)
{
	pid_t pid;
	int st;

	fflush(stdout);
	if ((pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		/* The child's findings go to stderr (the test log). */
		if (dup2(STDERR_FILENO, STDOUT_FILENO) == -1)
			_exit(2);
		_exit(replay_file(path) == 0 ? 0 : 1);
	}
	if (waitpid(pid, &st, 0) == -1)
		return -1;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : st;
}

static int
replay_tap(void)
{
	const char *top = getenv("top_srcdir");
	glob_t g;
	size_t i;
	int failed = 0;

	if (top == NULL)
		top = WHOSAID_SRCDIR;
	memset(&g, 0, sizeof g);
	replay_glob(&g, top, "tests/data/crashers/" FUZZ_NAME "-*");
	if (strcmp(FUZZ_NAME, "index") == 0) {
		replay_glob(&g, top, "tests/fuzz/index-seeds/*");
		replay_glob(&g, top, "content/*.whosaid");
	} else {
		replay_glob(&g, top, "content/*.txt");
		replay_glob(&g, top, "tests/data/*.txt");
	}
	printf("1..%zu\n", g.gl_pathc);
	for (i = 0; i < g.gl_pathc; i++) {
		const char *p = g.gl_pathv[i], *base = strrchr(p, '/');
		int st = replay_child(p);

		base = base != NULL ? base + 1 : p;

		if (st == 0) {
			printf("ok %zu - %s-replay %s\n", i + 1, FUZZ_NAME, base);
			continue;
		}
		failed = 1;
		if (st != -1 && WIFSIGNALED(st))
			printf("not ok %zu - %s-replay %s: signal %d\n", i + 1,
			       FUZZ_NAME, base, WTERMSIG(st));
		else
			printf("not ok %zu - %s-replay %s: exit %d\n", i + 1,
			       FUZZ_NAME, base, st == -1 ? -1 : WEXITSTATUS(st));
	}
	globfree(&g);
	return failed;
}

int
main(int argc, char **argv)
{
	int i, rc = 0;

	if (argc == 1)
		return replay_tap();
	for (i = 1; i < argc; i++)
		if (replay_file(argv[i]) != 0)
			rc = 1;
	return rc;
}
