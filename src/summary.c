/*
 * summary.c: the summary of an annotated article as JSON, text and
 * Markdown.
 *
 * All three are built from the same struct annotation. Every string that
 * comes from the article passes through sanitize_string() (directly for
 * JSON, which keeps line ends, or through summary_wrap_clean() for text
 * and Markdown), so no control character reaches the output: the SGR
 * sequences of the styled text format are the only escapes we write, and
 * only when asked to.
 *
 * Actors are grouped for text and Markdown "by country or organisation":
 * a country is its own group, an actor with an affiliation joins the group
 * of that name (or, when the affiliation is an actor itself, that actor's
 * group), an organisation without one is its own group, and the rest fall
 * in "Other". Groups keep the order of their first actor; the country or
 * organisation a group is named after heads it.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate.h"
#include "article.h"
#include "blocks.h"
#include "sanitize.h"
#include "summary-wrap.h"
#include "summary.h"
#include "xmalloc.h"

#define SUMMARY_SGR_BOLD  "\033[1m"
#define SUMMARY_SGR_NAME  "\033[36m"
#define SUMMARY_SGR_DIM   "\033[2m"
#define SUMMARY_SGR_OFF   "\033[0m"
#define SUMMARY_MIN_WIDTH 20

int
summary_format_from_name(const char *name)
{
	if (strcmp(name, "text") == 0)
		return SUMMARY_TEXT;
	if (strcmp(name, "json") == 0)
		return SUMMARY_JSON;
	if (strcmp(name, "markdown") == 0 || strcmp(name, "md") == 0)
		return SUMMARY_MARKDOWN;
	return -1;
}

size_t
summary_paragraph_number(const struct block_list *bl, size_t bi)
{
	size_t i, n = 0;

	if (bl == NULL || bi >= bl->n)
		return 0;
	if (bl->v[bi].kind != BLOCK_PARAGRAPH && bl->v[bi].kind != BLOCK_LIST)
		return 0;
	for (i = 0; i <= bi; i++) {
		if (bl->v[i].kind == BLOCK_PARAGRAPH ||
		    bl->v[i].kind == BLOCK_LIST)
			n++;
	}
	return n;
}

/* ---- JSON --------------------------------------------------------------- */

/* A sanitised JSON string of a possibly NULL C string, or null. */
static json_t *
summary_json_str(const char *s)
{
	json_t *j;
	const char *p;
	char *san;
	size_t len;

	if (s == NULL)
		return json_null();
	/* Printable ASCII and line ends pass the sanitiser unchanged. */
	for (p = s; (*p >= 0x20 && *p <= 0x7e) || *p == '\n'; p++)
		;
	if (*p == '\0')
		return json_stringn_nocheck(s, (size_t)(p - s));
	san = sanitize_string(s, strlen(s), &len);
	/* Sanitised text is valid UTF-8; json_stringn copes with NULs. */
	j = json_stringn(san, len);
	free(san);
	return j != NULL ? j : json_string("");
}

static json_t *
summary_json_id(char prefix, size_t i)
{
	char id[32];

	snprintf(id, sizeof id, "%c%zu", prefix, i + 1);
	return json_string(id);
}

static json_t *
summary_json_article(const struct summary_input *in)
{
	const struct annotation *ann = in->ann;
	json_t *o = json_object();

	json_object_set_new(o, "path", summary_json_str(in->path));
	json_object_set_new(o, "title", summary_json_str(ann->title));
	json_object_set_new(o, "byline", summary_json_str(ann->byline));
	json_object_set_new(o, "dateline", summary_json_str(ann->dateline));
	json_object_set_new(o, "bytes",
	                    json_integer((json_int_t)article_size(in->art)));
	json_object_set_new(o, "words", json_integer((json_int_t)ann->words));
	return o;
}

static json_t *
summary_json_actor(const struct annotation *ann, size_t ai)
{
	const struct actor *a = &ann->actors[ai];
	json_t *o = json_object(), *aliases = json_array();
	json_t *quotes = json_array();
	size_t i;

	json_object_set_new(o, "id", summary_json_id('A', ai));
	json_object_set_new(o, "name", summary_json_str(a->name));
	json_object_set_new(o, "kind",
	                    json_string(annotate_actor_kind_name(a->kind)));
	json_object_set_new(o, "role", summary_json_str(a->role));
	json_object_set_new(o, "affiliation", summary_json_str(a->affiliation));
	for (i = 0; i < a->naliases; i++)
		json_array_append_new(aliases, summary_json_str(a->aliases[i]));
	json_object_set_new(o, "aliases", aliases);
	json_object_set_new(o, "position", summary_json_str(a->position));
	/* Filled by summary_json() in one pass over the quotes. */
	json_object_set_new(o, "quotes", quotes);
	json_object_set_new(o, "mentions",
	                    json_integer((json_int_t)a->nmentions));
	return o;
}

static json_t *
summary_json_quote(const struct summary_input *in, size_t qi)
{
	const struct annotation *ann = in->ann;
	const struct quote *q = &ann->quotes[qi];
	json_t *o = json_object();
	bool has = q->speaker >= 0 && (size_t)q->speaker < ann->nactors;
	double conf = q->confidence;

	json_object_set_new(o, "id", summary_json_id('Q', qi));
	json_object_set_new(o, "text", summary_json_str(q->text));
	/*
	 * The annotation speaks in text offsets; a Windows-1252 file was
	 * decoded, so its file offsets differ and scripts index the file.
	 */
	json_object_set_new(o, "start",
	                    json_integer((json_int_t)article_file_offset(
	                        in->art, q->span.start)));
	json_object_set_new(o, "end",
	                    json_integer((json_int_t)article_file_offset(
	                        in->art, q->span.end)));
	json_object_set_new(o, "speaker",
	                    has ? summary_json_id('A', (size_t)q->speaker)
	                        : json_null());
	json_object_set_new(o, "speaker_name",
	                    has ? summary_json_str(ann->actors[q->speaker].name)
	                        : json_null());
	json_object_set_new(o, "cue", summary_json_str(q->cue));
	json_object_set_new(o, "kind",
	                    json_string(annotate_quote_kind_name(q->kind)));
	/*
	 * The schema promises 0..1, and json_real() refuses NaN and the
	 * infinities (it returns NULL), so a confused score must not pass.
	 */
	if (!(conf >= 0))
		conf = 0; /* NaN too */
	if (conf > 1)
		conf = 1;
	json_object_set_new(o, "confidence", json_real(conf));
	return o;
}

json_t *
summary_json(const struct summary_input *in)
{
	const struct annotation *ann = in->ann;
	json_t *o = json_object(), *actors = json_array();
	json_t *quotes = json_array();
	size_t i;

	json_object_set_new(o, "format", json_string(SUMMARY_FORMAT_NAME));
	json_object_set_new(o, "version", json_integer(SUMMARY_VERSION));
	json_object_set_new(o, "article", summary_json_article(in));
	for (i = 0; i < ann->nactors; i++)
		json_array_append_new(actors, summary_json_actor(ann, i));
	for (i = 0; i < ann->nquotes; i++) {
		int sp = ann->quotes[i].speaker;

		if (sp >= 0 && (size_t)sp < ann->nactors)
			json_array_append_new(
			    json_object_get(json_array_get(actors, (size_t)sp),
			                    "quotes"),
			    summary_json_id('Q', i));
	}
	json_object_set_new(o, "actors", actors);
	for (i = 0; i < ann->nquotes; i++)
		json_array_append_new(quotes, summary_json_quote(in, i));
	json_object_set_new(o, "quotes", quotes);
	return o;
}

/* ---- what text and Markdown share ---------------------------------------- */

/* An actor prepared for display: clean strings, its group, quote count. */
struct summary_row {
	size_t actor;
	char *name, *role, *affiliation, *position;
	const char *group; /* borrowed from a row's name or affiliation */
	size_t group_rank; /* order of the group's first appearance */
	size_t quotes;
};

struct summary_view {
	const struct summary_input *in;
	struct summary_row *rows; /* in display order: grouped */
	size_t nrows;
	char *title, *byline, *dateline;
	size_t nquotes, nscare, nspeakers;
};

static char *
summary_clean_str(const char *s)
{
	return s == NULL ? NULL : summary_wrap_clean(s, strlen(s));
}

/*
 * The group of row i (see the file comment), following affiliations that
 * name another actor up to where they lead: "Luca Anceschi" of "University
 * of Glasgow" of "United Kingdom" is in the United Kingdom's group. Rows
 * are still in actor order here. At most four steps are followed, which
 * stops cycles (a loop, not recursion: affiliations come from the article).
 */
static const char *
summary_group_of(const struct annotation *ann, const struct summary_row *rows,
                 size_t i)
{
	const struct summary_row *r;
	enum actor_kind kind;
	size_t j;
	int depth;

	for (depth = 0;; depth++) {
		r = &rows[i];
		kind = ann->actors[i].kind;
		if (kind == ACTOR_COUNTRY && r->name[0] != '\0')
			return r->name;
		if (r->affiliation == NULL || r->affiliation[0] == '\0')
			break;
		for (j = 0; depth < 4 && j < ann->nactors; j++)
			if (j != i && strcmp(rows[j].name, r->affiliation) == 0)
				break;
		if (depth >= 4 || j >= ann->nactors)
			return r->affiliation;
		i = j;
	}
	if (kind == ACTOR_ORGANIZATION && r->name[0] != '\0')
		return r->name;
	return NULL;
}

/* True when r is the actor its group is named after (the country). */
static bool
summary_row_is_head(const struct summary_row *r)
{
	return r->group != NULL && strcmp(r->group, r->name) == 0;
}

static int
summary_row_cmp(const void *pa, const void *pb)
{
	const struct summary_row *a = pa, *b = pb;
	bool a_head, b_head;

	if (a->group_rank != b->group_rank)
		return a->group_rank < b->group_rank ? -1 : 1;
	/* The group's own actor (the country itself) comes first. */
	a_head = summary_row_is_head(a);
	b_head = summary_row_is_head(b);
	if (a_head != b_head)
		return a_head ? -1 : 1;
	return a->actor < b->actor ? -1 : a->actor > b->actor;
}

static void
summary_view_init(struct summary_view *v, const struct summary_input *in)
{
	const struct annotation *ann = in->ann;
	bool *speaks;
	size_t i, j, other_rank = (size_t)-1;

	memset(v, 0, sizeof *v);
	v->in = in;
	v->title = summary_clean_str(ann->title);
	/* No title from the annotator: the title block, when there is one. */
	for (i = 0; v->title == NULL && in->bl != NULL && i < in->bl->n; i++) {
		const struct block *b = &in->bl->v[i];

		if (b->kind == BLOCK_TITLE)
			v->title =
			    summary_wrap_clean(article_text(in->art) + b->start,
			                       b->end - b->start);
	}
	v->byline = summary_clean_str(ann->byline);
	v->dateline = summary_clean_str(ann->dateline);

	/*
	 * Counts of speech: a scare quote is a word held at a distance, not
	 * something said, so it neither counts as a quote nor makes a
	 * speaker (as in the scoring of tests/eval).
	 */
	speaks = xcalloc(ann->nactors + 1, sizeof *speaks);
	for (i = 0; i < ann->nquotes; i++) {
		const struct quote *q = &ann->quotes[i];

		if (q->kind == QUOTE_SCARE) {
			v->nscare++;
			continue;
		}
		v->nquotes++;
		if (q->speaker >= 0 && (size_t)q->speaker < ann->nactors &&
		    !speaks[q->speaker]) {
			speaks[q->speaker] = true;
			v->nspeakers++;
		}
	}
	free(speaks);

	v->nrows = ann->nactors;
	v->rows = xcalloc(v->nrows + 1, sizeof *v->rows);
	for (i = 0; i < ann->nactors; i++) {
		struct summary_row *r = &v->rows[i];
		const struct actor *a = &ann->actors[i];

		r->actor = i;
		r->name = summary_clean_str(a->name != NULL ? a->name : "");
		r->role = summary_clean_str(a->role);
		r->affiliation = summary_clean_str(a->affiliation);
		r->position = summary_clean_str(a->position);
	}
	for (i = 0; i < ann->nactors; i++)
		v->rows[i].group = summary_group_of(ann, v->rows, i);
	for (j = 0; j < ann->nquotes; j++) {
		int sp = ann->quotes[j].speaker;

		if (sp >= 0 && (size_t)sp < ann->nactors)
			v->rows[sp].quotes++;
	}
	/* A group ranks where its name first appears; "Other" goes last. */
	for (i = 0; i < v->nrows; i++) {
		struct summary_row *r = &v->rows[i];

		r->group_rank = other_rank;
		if (r->group == NULL)
			continue;
		for (j = 0; j <= i; j++) {
			if (v->rows[j].group != NULL &&
			    strcmp(v->rows[j].group, r->group) == 0) {
				r->group_rank = j;
				break;
			}
		}
	}
	qsort(v->rows, v->nrows, sizeof *v->rows, summary_row_cmp);
}

static void
summary_view_free(struct summary_view *v)
{
	size_t i;

	for (i = 0; i < v->nrows; i++) {
		free(v->rows[i].name);
		free(v->rows[i].role);
		free(v->rows[i].affiliation);
		free(v->rows[i].position);
	}
	free(v->rows);
	free(v->title);
	free(v->byline);
	free(v->dateline);
}

static const char *
summary_plural(size_t n)
{
	return n == 1 ? "" : "s";
}

/* "paragraph 9", or the block's kind ("title", "caption"). Allocated. */
static char *
summary_where(const struct summary_input *in, const struct quote *q)
{
	size_t p = summary_paragraph_number(in->bl, q->block);

	if (p > 0)
		return xasprintf("paragraph %zu", p);
	if (in->bl != NULL && q->block < in->bl->n)
		return xstrdup(blocks_kind_name(in->bl->v[q->block].kind));
	return xstrdup("paragraph ?");
}

/* The display name of the speaker of q (clean, allocated), or NULL. */
static char *
summary_speaker(const struct annotation *ann, const struct quote *q)
{
	if (q->speaker < 0 || (size_t)q->speaker >= ann->nactors)
		return NULL;
	return summary_clean_str(ann->actors[q->speaker].name != NULL
	                             ? ann->actors[q->speaker].name
	                             : "");
}

/* The counts line: "1612 words, 20 quotes (2 scare), 12 speakers". */
static char *
summary_counts(const struct summary_view *v)
{
	char scare[64] = "";

	if (v->nscare > 0)
		snprintf(scare, sizeof scare, " (and %zu scare quote%s)",
		         v->nscare, summary_plural(v->nscare));
	return xasprintf("%zu words, %zu quote%s%s, %zu speaker%s",
	                 v->in->ann->words, v->nquotes,
	                 summary_plural(v->nquotes), scare, v->nspeakers,
	                 summary_plural(v->nspeakers));
}

/*
 * "Aibek Smadiyarov, Foreign Ministry spokesman: 1 quote, 2 mentions";
 * other kinds than person say so: "Kazakhstan (country): 20 mentions".
 * Allocated.
 */
static char *
summary_actor_line(const struct annotation *ann, const struct summary_row *r)
{
	const struct actor *a = &ann->actors[r->actor];
	const char *aff = r->affiliation;
	char quotes[64] = "";

	/* The affiliation when it says more than the group and the role. */
	if (aff != NULL && (aff[0] == '\0' ||
	                    (r->group != NULL && strcmp(aff, r->group) == 0) ||
	                    (r->role != NULL && strstr(r->role, aff) != NULL)))
		aff = NULL;
	if (r->quotes > 0)
		snprintf(quotes, sizeof quotes, "%zu quote%s, ", r->quotes,
		         summary_plural(r->quotes));
	return xasprintf(
	    "%s%s%s%s%s%s%s%s: %s%zu mention%s", r->name,
	    r->role != NULL ? ", " : "", r->role != NULL ? r->role : "",
	    aff != NULL ? ", " : "", aff != NULL ? aff : "",
	    a->kind != ACTOR_PERSON ? " (" : "",
	    a->kind != ACTOR_PERSON ? annotate_actor_kind_name(a->kind) : "",
	    a->kind != ACTOR_PERSON ? ")" : "", quotes, a->nmentions,
	    summary_plural(a->nmentions));
}

/* ---- text ---------------------------------------------------------------- */

char *
summary_text(const struct summary_input *in, const struct summary_style *st)
{
	const struct annotation *ann = in->ann;
	struct summary_buf b = { 0 };
	struct summary_view v;
	const char *bold = st->bold ? SUMMARY_SGR_BOLD : NULL;
	const char *name = st->color ? SUMMARY_SGR_NAME : NULL;
	const char *off = (st->bold || st->color) ? SUMMARY_SGR_OFF : NULL;
	const char *last_group = "";
	int width =
	    st->width < SUMMARY_MIN_WIDTH ? SUMMARY_MIN_WIDTH : st->width;
	char *s, *path;
	size_t i, npos = 0;

	summary_view_init(&v, in);

	/* The headline, then who wrote it, where, and the counts. */
	if (v.title != NULL && v.title[0] != '\0') {
		summary_wrap_text(&b, v.title, width, "", "", bold, off);
	} else {
		path = summary_clean_str(in->path != NULL ? in->path : "-");
		summary_wrap_text(&b, path, width, "", "", bold, off);
		free(path);
	}
	if (v.byline != NULL || v.dateline != NULL) {
		s = xasprintf("%s%s%s%s", v.byline != NULL ? "By " : "",
		              v.byline != NULL ? v.byline : "",
		              v.byline != NULL && v.dateline != NULL ? " - "
		                                                     : "",
		              v.dateline != NULL ? v.dateline : "");
		summary_wrap_text(&b, s, width, "", "", NULL, NULL);
		free(s);
	}
	s = summary_counts(&v);
	summary_wrap_text(&b, s, width, "", "", NULL, NULL);
	free(s);

	/* Actors, grouped. */
	summary_wrap_puts(&b, "\n");
	s = xasprintf("Actors (%zu)", v.nrows);
	summary_wrap_text(&b, s, width, "", "", bold, off);
	free(s);
	if (v.nrows == 0)
		summary_wrap_puts(&b, "  None found.\n");
	for (i = 0; i < v.nrows; i++) {
		const struct summary_row *r = &v.rows[i];
		const char *g = r->group != NULL ? r->group : "Other";
		bool head = summary_row_is_head(r);

		s = summary_actor_line(ann, r);
		if (head) {
			/* The country or organisation heads its group. */
			summary_wrap_text(&b, s, width, "  ", "      ", bold,
			                  off);
		} else {
			if (i == 0 || strcmp(g, last_group) != 0)
				summary_wrap_text(&b, g, width, "  ", "  ",
				                  bold, off);
			summary_wrap_text(&b, s, width, "    ", "        ",
			                  NULL, NULL);
		}
		last_group = g;
		free(s);
	}

	/* Positions, one line each, attributed. */
	for (i = 0; i < v.nrows; i++)
		npos += v.rows[i].position != NULL;
	summary_wrap_puts(&b, "\n");
	s = xasprintf("Positions (%zu)", npos);
	summary_wrap_text(&b, s, width, "", "", bold, off);
	free(s);
	if (npos == 0)
		summary_wrap_puts(&b, "  None found.\n");
	for (i = 0; i < v.nrows; i++) {
		const struct summary_row *r = &v.rows[i];

		if (r->position == NULL)
			continue;
		s = xasprintf("%s: %s", r->name, r->position);
		summary_wrap_text(&b, s, width, "  ", "      ", NULL, NULL);
		free(s);
	}

	/* Every quote with its speaker, cue and paragraph. */
	summary_wrap_puts(&b, "\n");
	s = xasprintf("Quotes (%zu)", ann->nquotes);
	summary_wrap_text(&b, s, width, "", "", bold, off);
	free(s);
	if (ann->nquotes == 0)
		summary_wrap_puts(&b, "  None found.\n");
	for (i = 0; i < ann->nquotes; i++) {
		const struct quote *q = &ann->quotes[i];
		char *who = summary_speaker(ann, q), *cue, *where, *text, *t;

		cue = summary_clean_str(q->cue);
		where = summary_where(in, q);
		s = xasprintf("Q%zu, %s: %s%s%s%s%s", i + 1, where,
		              who != NULL ? who : "no speaker found",
		              cue != NULL ? " (" : "", cue != NULL ? cue : "",
		              cue != NULL ? ")" : "",
		              q->kind != QUOTE_DIRECT
		                  ? (q->kind == QUOTE_SCARE ? " [scare quote]"
		                                            : " [partial]")
		                  : "");
		summary_wrap_text(&b, s, width, "  ", "      ", name, off);
		text = summary_clean_str(q->text != NULL ? q->text : "");
		t = xasprintf("\"%s\"", text);
		summary_wrap_text(&b, t, width, "      ", "       ", NULL,
		                  NULL);
		free(t);
		free(text);
		free(s);
		free(where);
		free(cue);
		free(who);
	}
	summary_view_free(&v);
	return summary_wrap_take(&b);
}

/* ---- Markdown ------------------------------------------------------------ */

/*
 * Append s (clean) with Markdown's specials escaped so it renders as the
 * text it is, in a paragraph, a list item or a table cell: backslash
 * escapes for inline punctuation and "|", and for what would start a
 * heading, list or block quote at the start.
 */
static void
summary_md_escape(struct summary_buf *b, const char *s)
{
	size_t i = 0;

	if (s[0] != '\0' && strchr("+-=", s[0]) != NULL) {
		summary_wrap_append(b, "\\", 1);
	} else {
		/* "1. " and "1) " start an ordered list. */
		while (s[i] >= '0' && s[i] <= '9')
			i++;
		if (i > 0 && (s[i] == '.' || s[i] == ')')) {
			summary_wrap_append(b, s, i);
			summary_wrap_append(b, "\\", 1);
			s += i;
		}
	}
	for (; *s != '\0'; s++) {
		if (strchr("\\`*_[]<>|~&!#", *s) != NULL)
			summary_wrap_append(b, "\\", 1);
		summary_wrap_append(b, s, 1);
	}
}

char *
summary_markdown(const struct summary_input *in)
{
	const struct annotation *ann = in->ann;
	struct summary_buf b = { 0 };
	struct summary_view v;
	char *s;
	size_t i, npos = 0;

	summary_view_init(&v, in);

	summary_wrap_puts(&b, "# ");
	if (v.title != NULL && v.title[0] != '\0') {
		summary_md_escape(&b, v.title);
	} else {
		s = summary_clean_str(in->path != NULL ? in->path : "-");
		summary_md_escape(&b, s);
		free(s);
	}
	summary_wrap_puts(&b, "\n\n");
	if (v.byline != NULL) {
		summary_wrap_puts(&b, "By ");
		summary_md_escape(&b, v.byline);
		summary_wrap_puts(&b, v.dateline != NULL ? " · " : "  \n");
	}
	if (v.dateline != NULL) {
		summary_md_escape(&b, v.dateline);
		summary_wrap_puts(&b, "  \n");
	}
	s = summary_counts(&v);
	summary_wrap_puts(&b, s);
	summary_wrap_puts(&b, "\n");
	free(s);

	summary_wrap_printf(&b, "\n## Actors\n\n");
	if (v.nrows == 0) {
		summary_wrap_puts(&b, "None found.\n");
	} else {
		summary_wrap_puts(&b, "| Group | Actor | Kind | Role | "
		                      "Affiliation | Quotes | Mentions |\n"
		                      "|---|---|---|---|---|--:|--:|\n");
	}
	for (i = 0; i < v.nrows; i++) {
		const struct summary_row *r = &v.rows[i];
		const struct actor *a = &ann->actors[r->actor];

		summary_wrap_puts(&b, "| ");
		summary_md_escape(&b, r->group != NULL ? r->group : "Other");
		summary_wrap_puts(&b, " | ");
		summary_md_escape(&b, r->name);
		summary_wrap_printf(&b, " | %s | ",
		                    annotate_actor_kind_name(a->kind));
		if (r->role != NULL)
			summary_md_escape(&b, r->role);
		summary_wrap_puts(&b, " | ");
		if (r->affiliation != NULL)
			summary_md_escape(&b, r->affiliation);
		summary_wrap_printf(&b, " | %zu | %zu |\n", r->quotes,
		                    a->nmentions);
	}

	for (i = 0; i < v.nrows; i++)
		npos += v.rows[i].position != NULL;
	summary_wrap_puts(&b, "\n## Positions\n\n");
	if (npos == 0)
		summary_wrap_puts(&b, "None found.\n");
	for (i = 0; i < v.nrows; i++) {
		const struct summary_row *r = &v.rows[i];

		if (r->position == NULL)
			continue;
		summary_wrap_puts(&b, "- **");
		summary_md_escape(&b, r->name);
		summary_wrap_puts(&b, ":** ");
		summary_md_escape(&b, r->position);
		summary_wrap_puts(&b, "\n");
	}

	summary_wrap_puts(&b, "\n## Quotes\n");
	if (ann->nquotes == 0)
		summary_wrap_puts(&b, "\nNone found.\n");
	for (i = 0; i < ann->nquotes; i++) {
		const struct quote *q = &ann->quotes[i];
		char *who = summary_speaker(ann, q), *cue, *where, *text;

		cue = summary_clean_str(q->cue);
		where = summary_where(in, q);
		text = summary_clean_str(q->text != NULL ? q->text : "");
		summary_wrap_puts(&b, "\n> ");
		summary_md_escape(&b, text);
		summary_wrap_puts(&b, "\n>\n> — ");
		if (who != NULL) {
			summary_wrap_puts(&b, "**");
			summary_md_escape(&b, who);
			summary_wrap_puts(&b, "**");
		} else {
			summary_wrap_puts(&b, "*no speaker found*");
		}
		if (cue != NULL) {
			summary_wrap_puts(&b, " (");
			summary_md_escape(&b, cue);
			summary_wrap_puts(&b, ")");
		}
		summary_wrap_printf(&b, ", %s, Q%zu%s\n", where, i + 1,
		                    q->kind == QUOTE_SCARE     ? ", scare quote"
		                    : q->kind == QUOTE_PARTIAL ? ", partial"
		                                               : "");
		free(text);
		free(where);
		free(cue);
		free(who);
	}
	summary_view_free(&v);
	return summary_wrap_take(&b);
}
