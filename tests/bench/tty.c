/*
 * tty.c: the reader against less in the same run, in a pty at 80x24
 * (tests/tty/harness.c): time to the first screen (median and best of 7
 * starts, whosaid and less alternating so that a busy machine slows both
 * alike), then on one more start of each: when the start-up work ends
 * (whosaid analyses the article after its first screen; the end is when
 * the process stops using CPU), bytes written for the start-up and for j,
 * Space, G and q (whosaid also for ]), and CPU used in 1 s of idling after
 * the start-up work. On the bundled article and on a 10 MB article made by
 * repeating its paragraphs. Prints both and the ratios.
 * Run by `make bench`; never part of `make check`.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"

#define RUNS 7

struct result {
	double times[RUNS];	/* times to the first screen */
	double first_ms;	/* their median */
	double best_ms;		/* and the best */
	size_t first_bytes;	/* bytes up to the first screen */
	double ready_ms;	/* until the start-up work ends (+- 100 ms) */
	double ready_cpu_ms;	/* CPU used by then */
	size_t start, j, space, quote, G, q;
	double G_ms;		/* time until G's output ends */
	double idle_cpu_ms;	/* CPU used in 1 s of idling */
};

static char *const *
command(const char *prog, const char *file)
{
	static char *argv[4];

	argv[0] = (char *)prog;
	argv[1] = (char *)file;
	argv[2] = NULL;
	return argv;
}

static const char *const bench_env[] = { "LANG=C.UTF-8", "LESS=",
	"LESSOPEN=", "LESSCLOSE=", NULL };

/* Start prog and wait until the bottom row is drawn; returns ms. */
static double
first_screen(struct tty **tp, const char *prog, const char *file)
{
	double t0 = tty_now_ms(), t1;
	struct tty *t = tty_start(command(prog, file), 24, 80, bench_env);
	char *row;

	*tp = t;
	for (;;) {
		tty_settle(t, 1, 5);
		row = tty_row(t, 23);
		t1 = tty_now_ms();
		if (row[0] != '\0') {
			free(row);
			return t1 - t0;
		}
		free(row);
		if (t1 - t0 > 120000)
			return -1;
	}
}

/* Bytes written in answer to keys: wait for the first byte (up to
 * wait_ms), then until 200 ms of quiet. */
static size_t
key_bytes(struct tty *t, const char *keys, int wait_ms, double *ms)
{
	size_t mark = tty_mark(t);
	double t0 = tty_now_ms();

	tty_send(t, keys);
	while (tty_mark(t) == mark && tty_now_ms() - t0 < wait_ms)
		tty_settle(t, 5, 10);
	tty_settle(t, 200, 60000);
	if (ms != NULL)
		*ms = tty_now_ms() - t0 - 200;
	return tty_mark(t) - mark;
}

/* CPU time (ms) of pid, from /proc. */
static double
cpu_ms(pid_t pid)
{
	char path[64], buf[4096], *p;
	unsigned long ut = 0, st = 0;
	FILE *f;
	int i;

	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	if (fgets(buf, sizeof buf, f) == NULL) {
		fclose(f);
		return -1;
	}
	fclose(f);
	p = strrchr(buf, ')');
	for (i = 0; p != NULL && i < 12; i++)
		p = strchr(p + 1, ' ');
	if (p == NULL || sscanf(p, " %lu %lu", &ut, &st) != 2)
		return -1;
	return (double)(ut + st) * 1000.0 / (double)sysconf(_SC_CLK_TCK);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/*
 * Wait until pid has used no CPU for 300 ms, reading its output; returns
 * the time (since t0) of the last CPU use seen.
 */
static double
wait_ready(struct tty *t, double t0, double *cpu)
{
	double last = cpu_ms(tty_pid(t)), now, at = tty_now_ms();
	int still = 0;

	while (still < 3 && tty_now_ms() - t0 < 300000) {
		tty_settle(t, 100, 100);
		now = cpu_ms(tty_pid(t));
		if (now != last) {
			last = now;
			at = tty_now_ms();
			still = 0;
		} else
			still++;
	}
	*cpu = last;
	return at - t0;
}

static void
quit(struct tty *t)
{
	tty_send(t, "q");
	tty_wait_exit(t, 60000);
	tty_free(t);
}

static void
measure(const char *prog, const char *file, bool whosaid, struct result *r)
{
	double before, t0;
	struct tty *t = NULL;

	t0 = tty_now_ms();
	r->times[RUNS - 1] = first_screen(&t, prog, file);
	r->first_bytes = tty_mark(t);
	r->ready_ms = wait_ready(t, t0, &r->ready_cpu_ms);
	tty_settle(t, 300, 60000);
	r->start = tty_mark(t);
	before = cpu_ms(tty_pid(t));
	sleep(1);
	r->idle_cpu_ms = cpu_ms(tty_pid(t)) - before;
	r->j = key_bytes(t, "j", 2000, NULL);
	r->space = key_bytes(t, " ", 2000, NULL);
	if (whosaid)
		r->quote = key_bytes(t, "]", 2000, NULL);
	r->G = key_bytes(t, "G", 60000, &r->G_ms);
	{
		size_t mark = tty_mark(t);

		tty_send(t, "q");
		tty_wait_exit(t, 60000);
		r->q = tty_mark(t) - mark;
	}
	tty_free(t);
	qsort(r->times, RUNS, sizeof r->times[0], cmp_double);
	r->first_ms = r->times[RUNS / 2];
	r->best_ms = r->times[0];
}

/* Both programs on one file: first screens alternating, then the rest. */
static void
measure_both(const char *whosaid, const char *file, struct result *w,
    struct result *l)
{
	struct tty *t;
	int i;

	memset(w, 0, sizeof *w);
	memset(l, 0, sizeof *l);
	for (i = 0; i < RUNS - 1; i++) {
		w->times[i] = first_screen(&t, whosaid, file);
		quit(t);
		l->times[i] = first_screen(&t, "less", file);
		quit(t);
	}
	measure(whosaid, file, true, w);
	measure("less", file, false, l);
}

static void
row_bytes(const char *what, size_t w, size_t l)
{
	printf("  %-22s %10zu %10zu", what, w, l);
	if (l > 0)
		printf(" %8.2f\n", (double)w / (double)l);
	else
		printf(" %8s\n", "-");
}

static void
report(const char *name, const struct result *w, const struct result *l)
{
	printf("\n%s (80x24)\n  %-22s %10s %10s %8s\n", name, "", "whosaid",
	    "less", "ratio");
	printf("  %-22s %10.1f %10.1f %8.2f\n", "first screen (ms)",
	    w->first_ms, l->first_ms,
	    l->first_ms > 0 ? w->first_ms / l->first_ms : 0);
	printf("  %-22s %10.1f %10.1f %8.2f\n", "  best of 7 (ms)",
	    w->best_ms, l->best_ms,
	    l->best_ms > 0 ? w->best_ms / l->best_ms : 0);
	row_bytes("first screen bytes", w->first_bytes, l->first_bytes);
	printf("  %-22s %10.0f %10.0f\n", "start-up done (ms)",
	    w->ready_ms, l->ready_ms);
	printf("  %-22s %10.0f %10.0f\n", "start-up CPU (ms)",
	    w->ready_cpu_ms, l->ready_cpu_ms);
	row_bytes("start-up bytes", w->start, l->start);
	row_bytes("j bytes", w->j, l->j);
	row_bytes("Space bytes", w->space, l->space);
	printf("  %-22s %10zu %10s\n", "] bytes", w->quote, "-");
	row_bytes("G bytes", w->G, l->G);
	printf("  %-22s %10.0f %10.0f\n", "G time (ms)", w->G_ms, l->G_ms);
	row_bytes("q bytes", w->q, l->q);
	printf("  %-22s %10.1f %10.1f\n", "idle CPU in 1 s (ms)",
	    w->idle_cpu_ms, l->idle_cpu_ms);
	printf("  (start-up done: when the process stopped using CPU; the "
	    "bytes, keys and\n  idle figures are taken after it)\n");
}

/* A 10 MB article: the bundled one's title, then its body repeated. */
static int
make_big(const char *src, const char *dst)
{
	FILE *in = fopen(src, "r"), *out = fopen(dst, "w");
	char *buf, *body;
	long n;
	size_t written = 0;

	if (in == NULL || out == NULL)
		return -1;
	fseek(in, 0, SEEK_END);
	n = ftell(in);
	rewind(in);
	buf = malloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, in) != (size_t)n)
		return -1;
	buf[n] = '\0';
	fclose(in);
	fwrite(buf, 1, (size_t)n, out);
	written = (size_t)n;
	/* Repeat from the first paragraph after the title. */
	body = strstr(buf, "ALMATY");
	if (body == NULL)
		body = buf;
	while (written < 10 * 1024 * 1024) {
		fputs("\n\n", out);
		fwrite(body, 1, strlen(body), out);
		written += strlen(body) + 2;
	}
	free(buf);
	return fclose(out) == 0 ? 0 : -1;
}

int
main(void)
{
	const char *whosaid = getenv("WHOSAID"), *top = getenv("top_srcdir");
	char small[4096], big[] = "/tmp/whosaid-bench-XXXXXX";
	char bigfile[4096];
	struct result w, l;
	int fd;

	if (whosaid == NULL || top == NULL) {
		fprintf(stderr, "tty bench: set WHOSAID and top_srcdir "
		    "(make bench does)\n");
		return 1;
	}
	snprintf(small, sizeof small, "%s/content/central-asia-referendums.txt",
	    top);
	if ((fd = mkstemp(big)) == -1)
		return 1;
	close(fd);
	unlink(big);
	if (mkdir(big, 0700) == -1)
		return 1;
	snprintf(bigfile, sizeof bigfile, "%s/article.txt", big);
	if (make_big(small, bigfile) == -1) {
		fprintf(stderr, "tty bench: cannot write %s\n", bigfile);
		return 1;
	}
	printf("whosaid against less, same pty and terminal type "
	    "(xterm-256color);\nfirst screen is the median of %d starts "
	    "(alternating); ratio = whosaid / less\n", RUNS);
	measure_both(whosaid, small, &w, &l);
	report("bundled article (11 kB)", &w, &l);
	measure_both(whosaid, bigfile, &w, &l);
	report("10 MB article", &w, &l);
	unlink(bigfile);
	rmdir(big);
	return 0;
}
