/*
 * main.c: the command line.
 *
 * One mode per run: the reader (the default when stdout is a terminal),
 * --summary (the default otherwise), --index or --dump. Files are handled
 * one after another; a file that cannot be read is reported in the form
 * "whosaid: FILE: No such file or directory" and the others still go
 * through. Exit status: 0 success, 1 an input could not be read, parsed or
 * written, 2 usage. Everything from an article that reaches stdout goes
 * through the engine's sanitiser (summary.c, dump.c, the reader).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "dump.h"
#include "index.h"
#include "sanitize.h"
#include "summary.h"
#include "xmalloc.h"
#include "reader.h"

#define MAIN_BUNDLED   "central-asia-referendums.txt"
#define MAIN_MAX_WIDTH 10000

enum main_mode {
	MAIN_AUTO, /* reader on a terminal, summary otherwise */
	MAIN_READ,
	MAIN_SUMMARY,
	MAIN_INDEX,
	MAIN_DUMP
};

/* Articles longer than this open on the blocks of their first bytes. */
#define MAIN_PREFIX_BLOCKS ((size_t)64 * 1024)

struct main_options {
	enum main_mode mode;
	int format; /* enum summary_format, -1 not given */
	int width;  /* 0: not given */
	bool no_index;
	const char *index_file;
	bool mouse;
};

/* Every option getopt accepts; --help must list each (tests/cli checks). */
static const struct option main_longopts[] = {
	{ "summary", no_argument, NULL, 's' },
	{ "format", required_argument, NULL, 'f' },
	{ "index", no_argument, NULL, 'i' },
	{ "dump", no_argument, NULL, 'd' },
	{ "width", required_argument, NULL, 'w' },
	{ "no-index", no_argument, NULL, 'n' },
	{ "index-file", required_argument, NULL, 'I' },
	{ "mouse", no_argument, NULL, 'm' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};
/* The leading ':' tells a missing argument (':') from a bad option. */
static const char main_shortopts[] = ":sf:idw:nI:mhV";

/* clang-format off */
static const char main_help[] =
"usage: whosaid [OPTION]... [FILE]...\n"
"Read a news article with who said what beside it, or print that analysis.\n"
"With no FILE: standard input when it is a pipe or a file, else the\n"
"bundled article. \"-\" is standard input. With stdout not a terminal and\n"
"no mode given, whosaid prints the text summary.\n"
"\n"
"Modes:\n"
"  -s, --summary          print a summary of each FILE\n"
"  -f, --format=FORMAT    summary format: text (default), markdown, json\n"
"  -i, --index            build and save the annotation index of each FILE\n"
"  -d, --dump             print each FILE as laid out, without annotations\n"
"\n"
"Options:\n"
"  -w, --width=N          wrap the summary or dump to N columns\n"
"  -n, --no-index         neither read nor write an annotation index\n"
"  -I, --index-file=PATH  use the index at PATH (one FILE only)\n"
"  -m, --mouse            let the reader use the mouse (wheel, clicks)\n"
"  -h, --help             print this help and exit\n"
"  -V, --version          print the version and exit\n"
"\n"
"Examples:\n"
"  whosaid article.txt                     read it in the terminal\n"
"  whosaid --summary --format=json a.txt b.txt | jq '.[].quotes[].text'\n"
"  curl -s https://example.org/story.txt | whosaid --summary --width=72\n"
"\n"
"Exit status: 0 success, 1 an input could not be read, 2 usage error.\n"
"See whosaid(1) for the reader's keys.\n";
/* clang-format on */

/*
 * Print one line to fp, sanitised: a file name (from a glob over files
 * anybody could name) may hold ESC sequences or newlines, and messages
 * go to a terminal like the article does.
 */
static void main_line(FILE *fp, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
main_line(FILE *fp, const char *fmt, ...)
{
	va_list ap;
	char *raw, *clean, *p;

	va_start(ap, fmt);
	raw = xvasprintf(fmt, ap);
	va_end(ap);
	clean = sanitize_string(raw, strlen(raw), NULL);
	for (p = clean; (p = strchr(p, '\n')) != NULL;)
		*p = ' ';
	fprintf(fp, "%s\n", clean);
	free(clean);
	free(raw);
}

/*
 * A large article is mapped (article.c): if its file is cut short while
 * it is read, before the copy article_settle() makes, reading the lost
 * pages raises SIGBUS. Rather than die of it, say so and exit 1 with the
 * terminal given back. The message is made before each file is opened:
 * the handler only writes it.
 */
static char main_bus_msg[640];
static size_t main_bus_len;

static void
main_bus_file(const char *path)
{
	char *clean = sanitize_string(path, strlen(path), NULL), *p;
	int n;

	for (p = clean; (p = strchr(p, '\n')) != NULL;)
		*p = ' ';
	n = snprintf(main_bus_msg, sizeof main_bus_msg,
	    "whosaid: %.500s: the file was cut short while it was read\n",
	    clean);
	main_bus_len = n > 0 && (size_t)n < sizeof main_bus_msg ? (size_t)n :
	    0;
	free(clean);
}

/* Only async-signal-safe calls: write, tcsetattr, _exit. */
static void
main_on_sigbus(int sig)
{
	ssize_t n;

	(void)sig;
	reader_restore_now();
	n = write(STDERR_FILENO, main_bus_msg, main_bus_len);
	(void)n;
	_exit(1);
}

static void main_usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Print a usage error the way getopt does, and where to get help. */
static void
main_usage_error(const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	main_line(stderr, "whosaid: %s", msg);
	free(msg);
	fprintf(stderr, "Try 'whosaid --help' for more information.\n");
}

/*
 * What getopt_long would have said about a bad option (opterr is off so
 * that the option, which may come from a hostile file name in a glob,
 * is printed sanitised): c is ':' for a missing argument, '?' otherwise;
 * arg is the argument where getopt stopped.
 */
static void
main_bad_option(int c, const char *arg)
{
	bool lng = strncmp(arg, "--", 2) == 0;

	if (c == ':' && lng)
		main_usage_error("option '%s' requires an argument", arg);
	else if (c == ':')
		main_usage_error("option requires an argument -- '%c'", optopt);
	else if (optopt == 0)
		main_usage_error("unrecognized option '%s'", arg);
	else if (lng)
		main_usage_error("option '%.*s' doesn't allow an argument",
		                 (int)strcspn(arg, "="), arg);
	else
		main_usage_error("invalid option -- '%c'", optopt);
}

/* The width of the terminal on fd, or 0. */
static int
main_terminal_width(int fd)
{
	struct winsize ws;
	const char *env;
	long n;
	char *end;

	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if ((env = getenv("COLUMNS")) != NULL) {
		errno = 0;
		n = strtol(env, &end, 10);
		if (errno == 0 && *end == '\0' && n > 0 && n <= MAIN_MAX_WIDTH)
			return (int)n;
	}
	return 0;
}

/* --width, else the terminal's when stdout is one, else 80. */
static int
main_width(const struct main_options *o)
{
	int w;

	if (o->width > 0)
		return o->width;
	if (isatty(STDOUT_FILENO) && (w = main_terminal_width(1)) > 0)
		return w;
	return 80;
}

static bool
main_exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/*
 * The bundled article: beside the build tree's sources when this is the
 * binary built there, else relative to the binary's folder (an installed
 * tree, wherever DESTDIR or a move put it), else the configured data
 * folder, else the source tree. Allocated.
 */
static char *
main_bundled(void)
{
	char exe[PATH_MAX], build[PATH_MAX], *dir, *p;
	ssize_t n;

	/* The build folder as the kernel names it: no symbolic links. */
	if (realpath(WHOSAID_BUILDDIR, build) == NULL)
		snprintf(build, sizeof build, "%s", WHOSAID_BUILDDIR);
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((dir = strrchr(exe, '/')) != NULL)
			*dir = '\0';
		if (strcmp(exe, build) != 0) {
			p = xasprintf("%s/../share/%s/content/%s", exe,
			              PACKAGE_TARNAME, MAIN_BUNDLED);
			if (main_exists(p) && realpath(p, exe) != NULL) {
				/* Print "/usr/share/...", not "/usr/bin/..". */
				free(p);
				return xstrdup(exe);
			}
			free(p);
			p = xasprintf("%s/content/%s", WHOSAID_PKGDATADIR,
			              MAIN_BUNDLED);
			if (main_exists(p))
				return p;
			free(p);
		}
	}
	return xasprintf("%s/content/%s", WHOSAID_SRCDIR, MAIN_BUNDLED);
}

/* An article with its blocks and annotation. */
struct main_doc {
	const char *path;
	struct article *art;
	struct block_list *bl;
	struct annotation *ann;
	char *note; /* from the index, or NULL */
};

static void
main_doc_free(struct main_doc *d)
{
	annotation_free(d->ann);
	blocks_free(d->bl);
	article_free(d->art);
	free(d->note);
	memset(d, 0, sizeof *d);
}

/*
 * The index file to use for path, or NULL for none: --index-file, else
 * the one index_path() names (none for standard input). Allocated.
 */
static char *
main_index_file(const struct main_options *o, const char *path)
{
	if (o->no_index)
		return NULL;
	if (o->index_file != NULL)
		return xstrdup(o->index_file);
	return index_path(path);
}

/*
 * Load path and its analysis (from the index unless --no-index, or
 * computed when annotate is true and there is no usable index); blocks up
 * to blocks_limit (SIZE_MAX: all; see blocks_parse_prefix). On failure
 * prints the error and returns -1.
 */
static int
main_doc_load(struct main_doc *d, const struct main_options *o,
              const char *path, bool annotate_it, size_t blocks_limit)
{
	enum index_status status;
	char *cause = NULL, *ifile;

	memset(d, 0, sizeof *d);
	d->path = path;
	main_bus_file(path);
	/* The reader's first screen: only a prefix is checked before it. */
	d->art = blocks_limit == SIZE_MAX ? article_load(path, &cause) :
	    article_load_prefix(path, blocks_limit, &cause);
	if (d->art == NULL) {
		main_line(stderr, "whosaid: %s", cause);
		free(cause);
		return -1;
	}
	/*
	 * A large file is mapped: a copy now, unless this is the reader's
	 * first screen (the reader settles it after that), so that a file
	 * truncated while it is analysed cannot kill us with SIGBUS.
	 */
	if (blocks_limit == SIZE_MAX)
		article_settle(d->art);
	d->bl = blocks_parse_prefix(d->art, blocks_limit);
	if (!annotate_it)
		return 0;
	ifile = main_index_file(o, path);
	d->ann = index_open(ifile, d->art, d->bl, &status, &d->note);
	free(ifile);
	return 0;
}

/* Print a note from the index (stale, invalid) to stderr. */
static void
main_doc_note(const struct main_doc *d)
{
	if (d->note == NULL)
		return;
	/* Say which article, unless the note names it (or its index). */
	if (strncmp(d->note, d->path, strlen(d->path)) == 0)
		main_line(stderr, "whosaid: %s", d->note);
	else
		main_line(stderr, "whosaid: %s: %s", d->path, d->note);
}

/*
 * Print obj as an element of a JSON array that is being printed, laid out
 * as json_dumpf() lays out a whole array: each element on its own lines,
 * indented by two more spaces.
 */
static void
main_json_element(json_t *obj, bool first)
{
	char *s = json_dumps(obj, SUMMARY_JSON_FLAGS), *line, *nl;

	if (s == NULL)
		return;
	fputs(first ? "\n" : ",\n", stdout);
	for (line = s; line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		printf("  %s%s", line, nl != NULL ? "\n" : "");
	}
	free(s);
}

static int
main_summary(const struct main_options *o, char **files, int nfiles)
{
	struct summary_style style;
	json_t *one;
	bool array;
	int i, status = 0, format = o->format < 0 ? SUMMARY_TEXT : o->format;
	bool tty = isatty(STDOUT_FILENO), first = true;
	const char *nc = getenv("NO_COLOR");
	char *s;

	style.width = main_width(o);
	/* NO_COLOR as no-color.org and the reader read it: set, not empty. */
	style.bold = tty && (nc == NULL || nc[0] == '\0');
	style.color = style.bold;
	/* Several files: a JSON array, printed as it grows. */
	array = format == SUMMARY_JSON && nfiles > 1;
	if (array)
		fputs("[", stdout);
	for (i = 0; i < nfiles; i++) {
		struct main_doc d;
		struct summary_input in;

		if (main_doc_load(&d, o, files[i], true, SIZE_MAX) == -1) {
			status = 1;
			continue;
		}
		main_doc_note(&d);
		in.path = files[i];
		in.art = d.art;
		in.bl = d.bl;
		in.ann = d.ann;
		switch (format) {
		case SUMMARY_JSON:
			one = summary_json(&in);
			if (array)
				main_json_element(one, first);
			else if (json_dumpf(one, stdout, SUMMARY_JSON_FLAGS) ==
			         0)
				putchar('\n');
			json_decref(one);
			break;
		case SUMMARY_MARKDOWN:
			s = summary_markdown(&in);
			printf("%s%s", first ? "" : "\n---\n\n", s);
			free(s);
			break;
		default:
			s = summary_text(&in, &style);
			printf("%s%s", first ? "" : "\n", s);
			free(s);
			break;
		}
		first = false;
		/* Print as we go, so one bad file late does not hide the rest.
		 */
		fflush(stdout);
		main_doc_free(&d);
	}
	if (array)
		fputs(first ? "]\n" : "\n]\n", stdout);
	return status;
}

/*
 * --index: analyse each file afresh and save its index, carrying over the
 * curated entries of the index already there (index_rebuild). A curated
 * quote or actor that can no longer be found stops that file: the old
 * index stays for a person to fix.
 */
static int
main_index(const struct main_options *o, char **files, int nfiles)
{
	int i, status = 0;
	char *where, *cause;

	for (i = 0; i < nfiles; i++) {
		struct main_doc d;

		if (strcmp(files[i], "-") == 0) {
			fprintf(stderr, "whosaid: -: standard input has no "
			                "index (give a file)\n");
			status = 1;
			continue;
		}
		if (main_doc_load(&d, o, files[i], false, SIZE_MAX) == -1) {
			status = 1;
			continue;
		}
		where = cause = NULL;
		if (index_rebuild(files[i], o->index_file, d.art, d.bl, &where,
		                  NULL, &cause) == -1) {
			main_line(stderr, "whosaid: %s", cause);
			free(cause);
			status = 1;
		} else {
			main_line(stdout, "%s: index written to %s", files[i],
			          where);
			free(where);
		}
		main_doc_free(&d);
	}
	return status;
}

static int
main_dump(const struct main_options *o, char **files, int nfiles)
{
	int i, status = 0, width = main_width(o);

	for (i = 0; i < nfiles; i++) {
		struct main_doc d;

		if (main_doc_load(&d, o, files[i], false, SIZE_MAX) == -1) {
			status = 1;
			continue;
		}
		if (i > 0)
			putchar('\n');
		if (dump_write(stdout, d.art, d.bl, width) == -1) {
			fprintf(stderr, "whosaid: standard output: %s\n",
			        strerror(errno));
			main_doc_free(&d);
			return 1;
		}
		main_doc_free(&d);
	}
	return status;
}

/* The reader on one article; the index note and the decoding go to its
 * status line. */
static int
main_read(const struct main_options *o, const char *path)
{
	struct reader_input in;
	struct main_doc d;
	const char *msg = NULL;
	char *ifile;
	int status;

	memset(&in, 0, sizeof in);
	/*
	 * The reader shows the article first and opens the index (or
	 * computes the analysis) after the first screen is drawn.
	 */
	/*
	 * A large article: the first screen from the blocks of its start;
	 * the reader parses the rest after drawing it.
	 */
	if (main_doc_load(&d, o, path, false, MAIN_PREFIX_BLOCKS) == -1)
		return 1;
	in.blocks_partial = article_len(d.art) > MAIN_PREFIX_BLOCKS ||
	    article_partial(d.art);
	if (article_flags(d.art) & ARTICLE_CP1252)
		msg = "not UTF-8: decoded as Windows-1252";
	ifile = main_index_file(o, path);
	in.art = d.art;
	in.blocks = d.bl;
	in.ann = NULL;
	in.index_file = ifile;
	in.message = msg;
	in.mouse = o->mouse;
	status = reader_run(&in);
	free(ifile);
	main_doc_free(&d);
	return status;
}

/* Parse a width: an integer from 1 to MAIN_MAX_WIDTH, or -1. */
static int
main_parse_width(const char *s)
{
	long n;
	char *end;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || n < 1 ||
	    n > MAIN_MAX_WIDTH)
		return -1;
	return (int)n;
}

static int
main_set_mode(struct main_options *o, enum main_mode m, const char *name)
{
	if (o->mode != MAIN_AUTO && o->mode != m) {
		main_usage_error("%s: only one of --summary, --index and "
		                 "--dump at a time",
		                 name);
		return -1;
	}
	o->mode = m;
	return 0;
}

/* True when standard input should be read for lack of a FILE. */
static bool
main_stdin_has_data(void)
{
	struct stat sb;

	if (isatty(STDIN_FILENO) || fstat(STDIN_FILENO, &sb) != 0)
		return false;
	return S_ISFIFO(sb.st_mode) || S_ISREG(sb.st_mode) ||
	       S_ISSOCK(sb.st_mode);
}

int
main(int argc, char **argv)
{
	struct main_options o = { MAIN_AUTO, -1, 0, false, NULL, false };
	static char progname[] = "whosaid";
	char *bundled = NULL, *dash[] = { NULL }, **files;
	int c, nfiles, status;
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = main_on_sigbus;
	sigaction(SIGBUS, &sa, NULL);
	/* getopt's messages start with argv[0]: make it "whosaid: ...". */
	if (argc > 0)
		argv[0] = progname;
	opterr = 0; /* main_bad_option() says it, sanitised */
	while ((c = getopt_long(argc, argv, main_shortopts, main_longopts,
	                        NULL)) != -1) {
		switch (c) {
		case 's':
			if (main_set_mode(&o, MAIN_SUMMARY, "--summary") == -1)
				return 2;
			break;
		case 'i':
			if (main_set_mode(&o, MAIN_INDEX, "--index") == -1)
				return 2;
			break;
		case 'd':
			if (main_set_mode(&o, MAIN_DUMP, "--dump") == -1)
				return 2;
			break;
		case 'f':
			o.format = summary_format_from_name(optarg);
			if (o.format < 0) {
				main_usage_error(
				    "--format: unknown format "
				    "'%s' (text, markdown or json)",
				    optarg);
				return 2;
			}
			break;
		case 'w':
			if ((o.width = main_parse_width(optarg)) < 0) {
				main_usage_error("--width: not a width from 1 "
				                 "to 10000: '%s'",
				                 optarg);
				return 2;
			}
			break;
		case 'n':
			o.no_index = true;
			break;
		case 'I':
			o.index_file = optarg;
			break;
		case 'm':
			o.mouse = true;
			break;
		case 'h':
			fputs(main_help, stdout);
			return fflush(stdout) == 0 ? 0 : 1;
		case 'V':
			printf("whosaid %s\n", PACKAGE_VERSION);
			return fflush(stdout) == 0 ? 0 : 1;
		default:
			main_bad_option(c, argv[optind - 1]);
			return 2;
		}
	}
	files = argv + optind;
	nfiles = argc - optind;

	if (o.format >= 0 && o.mode != MAIN_AUTO && o.mode != MAIN_SUMMARY) {
		main_usage_error("%s", "--format goes with --summary");
		return 2;
	}
	if (o.format >= 0)
		o.mode = MAIN_SUMMARY;
	if (o.mode == MAIN_AUTO)
		o.mode = isatty(STDOUT_FILENO) ? MAIN_READ : MAIN_SUMMARY;
	if (o.no_index && (o.index_file != NULL || o.mode == MAIN_INDEX)) {
		main_usage_error("%s", "--no-index goes with neither "
		                       "--index nor --index-file");
		return 2;
	}
	if (o.index_file != NULL && nfiles > 1) {
		main_usage_error("%s", "--index-file takes one FILE");
		return 2;
	}
	if (o.mode == MAIN_READ && nfiles > 1) {
		main_usage_error("%s", "the reader takes one FILE (--summary "
		                       "takes several)");
		return 2;
	}
	if (nfiles == 0) {
		if (o.mode == MAIN_INDEX || o.mode == MAIN_DUMP) {
			main_usage_error("%s", o.mode == MAIN_INDEX
			                           ? "--index: no FILE given"
			                           : "--dump: no FILE given");
			return 2;
		}
		if (main_stdin_has_data()) {
			dash[0] = xstrdup("-");
		} else {
			bundled = main_bundled();
			dash[0] = bundled;
		}
		files = dash;
		nfiles = 1;
	}

	switch (o.mode) {
	case MAIN_INDEX:
		status = main_index(&o, files, nfiles);
		break;
	case MAIN_DUMP:
		status = main_dump(&o, files, nfiles);
		break;
	case MAIN_READ:
		status = main_read(&o, files[0]);
		break;
	default:
		status = main_summary(&o, files, nfiles);
		break;
	}
	if (dash[0] != bundled)
		free(dash[0]);
	free(bundled);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "whosaid: standard output: %s\n",
		        strerror(errno));
		status = 1;
	}
	return status;
}
