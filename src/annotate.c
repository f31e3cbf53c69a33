/*
 * annotate.c: the annotation pipeline.
 *
 * Blocks are read one at a time in text order: tokens and sentences
 * (sentences.c), quotation spans (quotes.c), mentions (actors.c),
 * speakers (attribute.c) and position candidates (positions.c). Only the
 * actor table, the quotes found and a little hand-over state live longer
 * than a block (and a Bloom filter of the article's lower-case words,
 * about a quarter of the text's size), so memory grows with what is
 * found, not with the text (a paragraph longer than PIECE is read in
 * pieces). Boilerplate blocks are skipped; a caption
 * printed twice is read once; titles and headings name no new people.
 * At the end, positions are chosen and the people are checked
 * (person_verdict()): things, places, laws and works typed as people are
 * dropped or made organisations, by the form of their names (head nouns,
 * foreign articles, places, given names: content/lexicon/) and by what
 * the article says of them (titles, quotes, verbs of speech, ages).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "annotate.h"
#include "article.h"
#include "attribute.h"
#include "blocks.h"
#include "positions.h"
#include "quotes.h"
#include "lexicon.h"
#include "sentences.h"
#include "strmap.h"
#include "xmalloc.h"

static const char *const actor_kinds[ACTOR_NKINDS] = {
	[ACTOR_PERSON] = "person",
	[ACTOR_COUNTRY] = "country",
	[ACTOR_ORGANIZATION] = "organization",
	[ACTOR_GROUP] = "group",
	[ACTOR_ANONYMOUS] = "anonymous",
};

static const char *const quote_kinds[QUOTE_NKINDS] = {
	[QUOTE_DIRECT] = "direct",
	[QUOTE_PARTIAL] = "partial",
	[QUOTE_SCARE] = "scare",
};

const char *
annotate_actor_kind_name(enum actor_kind kind)
{
	return (unsigned)kind < ACTOR_NKINDS ? actor_kinds[kind] : "?";
}

int
annotate_actor_kind_from_name(const char *name)
{
	int i;

	for (i = 0; i < ACTOR_NKINDS; i++)
		if (strcmp(actor_kinds[i], name) == 0)
			return i;
	return -1;
}

const char *
annotate_quote_kind_name(enum quote_kind kind)
{
	return (unsigned)kind < QUOTE_NKINDS ? quote_kinds[kind] : "?";
}

int
annotate_quote_kind_from_name(const char *name)
{
	int i;

	for (i = 0; i < QUOTE_NKINDS; i++)
		if (strcmp(quote_kinds[i], name) == 0)
			return i;
	return -1;
}

void
annotate_actor_clear(struct actor *a)
{
	size_t k;

	free(a->name);
	free(a->role);
	free(a->affiliation);
	for (k = 0; k < a->naliases; k++)
		free(a->aliases[k]);
	free(a->aliases);
	free(a->position);
	free(a->mentions);
	memset(a, 0, sizeof *a);
}

void
annotation_free(struct annotation *ann)
{
	size_t i;

	if (ann == NULL)
		return;
	for (i = 0; i < ann->nactors; i++)
		annotate_actor_clear(&ann->actors[i]);
	free(ann->actors);
	for (i = 0; i < ann->nquotes; i++) {
		free(ann->quotes[i].text);
		free(ann->quotes[i].cue);
	}
	free(ann->quotes);
	free(ann->title);
	free(ann->byline);
	free(ann->dateline);
	free(ann);
}


/* Whether a line opens with a day or month name ("Thursday, February
 * 23, 2023"): a date, not an author's name. */
static bool
dated(const char *t, size_t start, size_t end)
{
	static const char *const names[] = { "Monday", "Tuesday", "Wednesday",
		"Thursday", "Friday", "Saturday", "Sunday", "January",
		"February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December", NULL };
	size_t i;

	for (i = 0; names[i] != NULL; i++) {
		size_t n = strlen(names[i]);

		if (end - start >= n && memcmp(t + start, names[i], n) == 0)
			return true;
	}
	return false;
}

/* "ALMATY, Kazakhstan -- When ...": the dateline before the dash. */
static char *
dateline(const char *t, size_t start, size_t end)
{
	size_t i, caps = 0;

	for (i = start; i < end && i < start + 80; i++) {
		unsigned char c = (unsigned char)t[i];

		if (c >= 'A' && c <= 'Z')
			caps++;
		else if (c >= 'a' && c <= 'z' && caps < 2)
			return NULL;
		if (caps >= 2 && i > start && t[i] == ' ' &&
		    ((i + 2 < end && t[i + 1] == '-' && t[i + 2] == '-') ||
		     (i + 3 < end &&
		      memcmp(t + i + 1, "\xe2\x80\x93", 3) == 0) ||
		     (i + 3 < end &&
		      memcmp(t + i + 1, "\xe2\x80\x94", 3) == 0) ||
		     (i + 1 < end && t[i + 1] == '-' && t[i + 2] == ' ')))
			return sentences_clean(t, start, i);
	}
	return NULL;
}

struct quotes_out {
	struct quote *v;
	size_t n, cap;
};

static void
add_quote(struct quotes_out *qo, const struct tokens *tk, const struct qspan *q,
          const struct attr_result *r, size_t block)
{
	struct quote *o;

	if (qo->n == qo->cap) {
		qo->cap = qo->cap ? qo->cap * 2 : 32;
		qo->v = xreallocarray(qo->v, qo->cap, sizeof *qo->v);
	}
	o = &qo->v[qo->n++];
	memset(o, 0, sizeof *o);
	o->span.start = q->start;
	o->span.end = q->end;
	o->text = xstrndup(tk->text + q->start, q->end - q->start);
	o->speaker = r->speaker;
	if (r->cue_last > r->cue_first) {
		o->cue_span.start = tk->v[r->cue_first].start;
		o->cue_span.end = tk->v[r->cue_last - 1].end;
		o->cue = sentences_clean(tk->text, o->cue_span.start, o->cue_span.end);
	}
	o->kind = r->kind;
	o->confidence = r->confidence;
	o->block = block;
}

static bool
has_double_quote(const struct qspans *qs)
{
	size_t i;

	for (i = 0; i < qs->n; i++)
		if (!qs->v[i].single)
			return true;
	return false;
}

/*
 * The lower-case words of the article, as a Bloom filter over the hashes
 * the lexicon lookups compute anyway (two bits a word; two bits of filter
 * per byte of text, from 2^12 to 2^24): a word is never missed, and a
 * false hit (about one in a few hundred) only drops a person with nothing
 * to vouch for it.
 */
struct seen {
	uint64_t *bits;
	uint64_t mask; /* bit count - 1, a power of two minus one */
};

/* The filter's words, zeroed, from a buffer of *cap words (grown if need
 * be): the buffer is kept from article to article (struct scratch). */
static void
seen_init(struct seen *sn, size_t textlen, uint64_t **buf, size_t *cap)
{
	uint64_t n = 1U << 12;

	while (n < (uint64_t)textlen * 2 && n < (1U << 24))
		n *= 2;
	sn->mask = n - 1;
	if (*cap < n / 64) {
		free(*buf);
		*cap = (size_t)(n / 64);
		*buf = xcalloc(*cap, sizeof **buf);
	} else
		memset(*buf, 0, (size_t)(n / 64) * sizeof **buf);
	sn->bits = *buf;
}

/* Note the word of hash h when add is 1 (0: nothing), without a branch. */
static void
seen_add(struct seen *sn, uint64_t h, unsigned add)
{
	uint64_t a = h & sn->mask, b = (h >> 32) & sn->mask;

	sn->bits[a / 64] |= (uint64_t)add << (a % 64);
	sn->bits[b / 64] |= (uint64_t)add << (b % 64);
}

static bool
seen_get(const struct seen *sn, uint64_t h)
{
	uint64_t a = h & sn->mask, b = (h >> 32) & sn->mask;

	return h != 0 && (sn->bits[a / 64] >> (a % 64) & 1) &&
	       (sn->bits[b / 64] >> (b % 64) & 1);
}

/*
 * The final check of the people, in this order:
 * - a web address ("Example.com") is an organisation;
 * - a "person" with a title, role, affiliation or quote is one, unless
 *   its name ends in the head noun of a body ("Mercy Hospital", no given
 *   name first) or it is introduced as a publication ("the magazine X"):
 *   then an organisation;
 * - one named by the tail of another person's name ("Le Pen" beside
 *   "Marine Le Pen": an unmerged surname) is one;
 * - named by capitalised common words of this very article ("Space
 *   Shuttle Columbia" where "shuttle" also stands in lower case): only the
 *   words before the last count, and not a given name first, so that
 *   "Chuck Close" stays a person even where "close" is a common word;
 *   dropped;
 * - introduced as a thing ("the magazine X", "the band X", "the X
 *   newspaper", "the X neighborhood"): an organisation or dropped;
 * - opening with a foreign article ("La Nina", "Los Alamos", "Der
 *   Spiegel"): dropped unless a verb of speech vouches for it;
 * - ending in the head noun of a thing (content/lexicon/thing-words.txt:
 *   "Clean Air Act", "Mercy Hospital", "Galaxy Wars"): an organisation
 *   when the word names a body or institution, else dropped; opening with
 *   a word that opens things ("Operation", "Mount", a colour): dropped;
 * - else, vouched for by a verb of speech or of what people do, an
 *   honorific or an age next to a mention ("Jafari said", "said Mauer.",
 *   "according to X", "Mr. X", "X died", "X, 45,") or by a pronoun linked
 *   to it (a gender): kept; without that, dropped when it is one word
 *   ("Medicine", "Advances"), a known place ("Hong Kong"), or, when its
 *   first word is no given name, opens with a place ("Detroit Water"),
 *   ends in one capital ("Plan B") or in a common word of the article
 *   ("Better Idea" where "idea" stands in lower case).
 */
enum verdict {
	VERDICT_KEEP,
	VERDICT_DROP,
	VERDICT_ORG
};

static bool
letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The word of letters (and a final '.') ending before text[i], blanks
 * skipped: [*ws, i'). False when none. */
static bool
word_before(const char *t, size_t i, size_t *ws, size_t *we)
{
	while (i > 0 && t[i - 1] == ' ')
		i--;
	*we = i;
	if (i > 0 && t[i - 1] == '.')
		i--;
	while (i > 0 && letter(t[i - 1]))
		i--;
	*ws = i;
	return *we > *ws && letter(t[*ws]);
}

/* The word of letters starting after text[i], blanks skipped. */
static bool
word_after(const char *t, size_t len, size_t i, size_t *ws, size_t *we)
{
	while (i < len && t[i] == ' ')
		i++;
	*ws = i;
	while (i < len && letter(t[i]))
		i++;
	*we = i;
	return *we > *ws;
}

/* Whether the word at t (n bytes) is one of the plain verbs of speech
 * that take a person as subject ("said", "told"), or of the verbs of what
 * people do ("died", "resigned"): the wider list of cues (describe, call,
 * ask...) also follows things ("a study describing"). */
static bool
says(const char *t, size_t n)
{
	static const char *const verbs[] = { "said", "says", "say", "told",
		"tells", "added", "adds", "explained", "stated", "wrote",
		"writes", "noted", "replied", "recalled", "insisted",
		"admitted", "testified", "remarked", "commented", "spoke",
		"died", "resigned", "tweeted", "pleaded", "married", "smiled",
		"laughed", "scored", "confessed", "apologised", "apologized",
		"thanked", "joked", "wept", NULL };
	size_t i;

	if (n < 3 || n > 9 || t[0] < 'a' || t[0] > 'z')
		return false;
	for (i = 0; verbs[i] != NULL; i++)
		if (verbs[i][0] == t[0] && strlen(verbs[i]) == n &&
		    memcmp(verbs[i], t, n) == 0)
			return true;
	return false;
}

/* Whether an age follows text[i): "X, 45, was", "X (45)". */
static bool
aged(const char *t, size_t len, size_t i)
{
	size_t d = 0;

	if (i + 1 >= len || !((t[i] == ',' && t[i + 1] == ' ') ||
	                      (t[i] == ' ' && t[i + 1] == '(')))
		return false;
	i += 2;
	while (i < len && t[i] >= '0' && t[i] <= '9' && d < 4) {
		i++;
		d++;
	}
	return d >= 1 && d <= 3 && i < len &&
	       (t[i] == ',' || t[i] == ')' || t[i] == ' ');
}

/* Whether a plain verb of speech or an honorific stands next to a
 * mention of e, or an age follows it: "X said", "X has also said", "said
 * X." (not "said X would": X is then the subject of what was said),
 * "according to X", "Mrs X", "X, 45,". */
static bool
spoken(const struct ent *e, const char *t, size_t len)
{
	size_t k, ws, we;

	for (k = 0; k < e->a.nmentions; k++) {
		const struct span *m = &e->a.mentions[k];
		size_t i = m->end, aux = 0;

		if (m->end > len || m->start >= m->end)
			continue;
		if (aged(t, len, m->end))
			return true;
		while (word_after(t, len, i, &ws, &we)) {
			if (says(t + ws, we - ws))
				return true;
			if (!(lexicon_lookup(t + ws, we - ws) & LEX_BIT(LEX_AUX)) ||
			    ++aux > 2)
				break;
			i = we;
		}
		if (!word_before(t, m->start, &ws, &we))
			continue;
		if (lexicon_lookup(t + ws, we - ws) & LEX_BIT(LEX_HONORIFIC))
			return true;
		/* "said X." but not "said X would": a clause's subject */
		for (i = m->end; i < len && t[i] == ' '; i++)
			;
		if (i < len && letter(t[i]))
			continue;
		if (says(t + ws, we - ws))
			return true;
		if (we - ws == 2 && memcmp(t + ws, "to", 2) == 0 &&
		    word_before(t, ws, &ws, &we) && we - ws == 9 &&
		    memcmp(t + ws, "according", 9) == 0)
			return true;
	}
	return false;
}

/* Whether the word w (n bytes) can open a person's name: a given name
 * ("Jean" of "Jean-Pierre" too) or an initial ("J."). */
static bool
given(const char *w, size_t n)
{
	const char *h = memchr(w, '-', n);

	if (n == 2 && w[1] == '.')
		return true;
	return lexicon_has(LEX_GIVEN_NAME, w, n) ||
	       (h != NULL && lexicon_has(LEX_GIVEN_NAME, w, (size_t)(h - w)));
}

/* Whether the phrase names a place: a city, region, country, capital. */
static bool
place(const char *s, size_t n)
{
	return lexicon_has(LEX_PLACE_NAME, s, n) ||
	       (lexicon_lookup(s, n) &
	        (LEX_BIT(LEX_COUNTRY) | LEX_BIT(LEX_CAPITAL))) != 0;
}

static bool
foreign_article(const char *w, size_t n)
{
	static const char *const arts[] = { "La", "Le", "Les", "El", "Los",
		"Las", "Il", "Lo", "Gli", "Der", "Die", "Das", NULL };
	size_t i;

	if (n < 2 || n > 3)
		return false;
	for (i = 0; arts[i] != NULL; i++)
		if (arts[i][0] == w[0] && strlen(arts[i]) == n &&
		    memcmp(arts[i], w, n) == 0)
			return true;
	return false;
}

/* Whether the name is a web address: "Gawker.com", "Example.org". */
static bool
web_name(const char *name)
{
	static const char *const tlds[] = { "com", "org", "net", "gov",
		"edu", "io", "info", "tv", "co", NULL };
	const char *dot = strrchr(name, '.');
	size_t i;

	if (dot == NULL || dot - name < 2 || strchr(dot, ' ') != NULL)
		return false;
	for (i = 0; tlds[i] != NULL; i++)
		if (strcmp(dot + 1, tlds[i]) == 0)
			return true;
	return false;
}

/* The value of the word w (n bytes) in the list of heads of names of
 * things: "org", "first" (only heading a name), "" (a thing), or NULL. */
static const char *
thing(const char *w, size_t n)
{
	const char *v = lexicon_value(LEX_THING_WORD, w, n);

	if (v == NULL)
		return NULL;
	return strcmp(v, "org") == 0 || strcmp(v, "first") == 0 ? v : "";
}

/* Whether the n bytes at w are lower-case letters. */
static bool
lower_word(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return false;
	return n > 0;
}

/* Whether the lower-case word w (n bytes) names a publication or a part
 * of a town, which a name before it only qualifies: "the X newspaper",
 * "the X neighborhood". */
static bool
qualified(const char *w, size_t n)
{
	static const char *const nouns[] = { "newspaper", "newspapers",
		"magazine", "paper", "daily", "tabloid", "website", "site",
		"neighborhood", "neighbourhood", "district", "area", "suburb",
		"village", "township", "county", "province", "region",
		"municipality", NULL };
	size_t i;

	for (i = 0; nouns[i] != NULL; i++)
		if (nouns[i][0] == w[0] && strlen(nouns[i]) == n &&
		    memcmp(nouns[i], w, n) == 0)
			return true;
	return false;
}

/* Whether e's role ends in the word w (n bytes): "chief of staff X" is
 * no "staff X". */
static bool
role_ends_in(const struct ent *e, const char *w, size_t n)
{
	const char *r = e->a.role;
	size_t len;

	if (r == NULL || (len = strlen(r)) < n)
		return false;
	return memcmp(r + len - n, w, n) == 0 &&
	       (len == n || r[len - n - 1] == ' ');
}

/* The thing the first mentions of e follow (where a name is introduced),
 * as thing() tells: "the magazine X", "the local paper X", "the band X";
 * with after (no title, role or quote vouches for e), also the
 * publication or place noun right after one: "the X newspaper". NULL
 * when none. */
static const char *
named_thing(const struct ent *e, const char *t, size_t len, bool after)
{
	size_t k, ws, we;
	const char *v;

	for (k = 0; k < e->a.nmentions && k < 2; k++) {
		const struct span *m = &e->a.mentions[k];

		if (m->end > len || m->start >= m->end)
			continue;
		if (after && word_after(t, len, m->end, &ws, &we) &&
		    lower_word(t + ws, we - ws) && qualified(t + ws, we - ws) &&
		    (v = thing(t + ws, we - ws)) != NULL)
			return v;
		if (!word_before(t, m->start, &ws, &we) ||
		    !lower_word(t + ws, we - ws) ||
		    role_ends_in(e, t + ws, we - ws))
			continue;
		if ((v = thing(t + ws, we - ws)) != NULL &&
		    strcmp(v, "first") != 0)
			return v;
	}
	return NULL;
}

/*
 * The word tails of the names of the people who look like people (a given
 * name first, or a title, role, affiliation or quote), lower-cased, to
 * the person: "le pen" and "pen" for "Marine Le Pen". A "person" named by
 * such a tail is that person's surname left unmerged, no thing. Built in
 * one pass over the actors (bytes of names, no more).
 */
static void
lower_copy(char *buf, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
}

static struct strmap *
person_tails(const struct actors *as)
{
	struct strmap *m = strmap_new();
	char buf[128];
	size_t i;

	for (i = 0; i < as->n; i++) {
		const struct ent *e = &as->v[i];
		const char *name = e->a.name, *sp = strchr(name, ' ');

		if (e->a.kind != ACTOR_PERSON || sp == NULL ||
		    (e->a.role == NULL && e->a.affiliation == NULL &&
		     e->nquotes == 0 && !given(name, (size_t)(sp - name))))
			continue;
		for (; sp != NULL; sp = strchr(sp + 1, ' ')) {
			size_t n = strlen(sp + 1);

			if (n == 0 || n > sizeof buf)
				continue;
			lower_copy(buf, sp + 1, n);
			strmap_set(m, buf, n, (int)i);
		}
	}
	return m;
}

/* Whether e (actor number self) is named by a tail of another person. */
static bool
tail_of_other(const struct strmap *tails, const struct ent *e, size_t self)
{
	char buf[128];
	size_t n = strlen(e->a.name);
	int o;

	if (n == 0 || n > sizeof buf)
		return false;
	lower_copy(buf, e->a.name, n);
	o = strmap_get(tails, buf, n);
	return o >= 0 && (size_t)o != self;
}

/*
 * What the shape of e's name and its first mentions say against a
 * person: a digit in the name or a number glued on ("Airbus A320",
 * "Crew-8": a model or a mission), or an initial last ("Artemis I.")
 * drops it; "X & Y" ("Teledyne
 * Scientific & Imaging") makes it a company. VERDICT_KEEP when neither.
 */
static enum verdict
name_shape(const struct ent *e, const char *t, size_t len)
{
	size_t k, i;

	if (actors_name_is_thing(e->a.name))
		return VERDICT_DROP;
	for (k = 0; k < e->a.nmentions && k < 2; k++) {
		const struct span *m = &e->a.mentions[k];

		if (m->end >= len || m->start >= m->end)
			continue;
		/* "Crew-8", "Carrier Air Wing 17", "Apollo 11" (not a
		 * score: "beat Rafael Nadal 6-4") */
		if (t[m->end] == '-' && m->end + 1 < len &&
		    t[m->end + 1] >= '0' && t[m->end + 1] <= '9')
			return VERDICT_DROP;
		if (t[m->end] == ' ') {
			for (i = m->end + 1; i < len && t[i] >= '0' && t[i] <= '9';
			     i++)
				;
			if (i > m->end + 1 && (i == len || t[i] != '-'))
				return VERDICT_DROP;
		}
		for (i = m->end; i < len && t[i] == ' '; i++)
			;
		if (i > m->end && i + 2 < len && t[i] == '&' && t[i + 1] == ' ' &&
		    t[i + 2] >= 'A' && t[i + 2] <= 'Z')
			return VERDICT_ORG;
	}
	return VERDICT_KEEP;
}

/* Whether a first mention of e reads "in X, PLACE" ("in Thousand Oaks,
 * California"): X is a town. */
static bool
town(const struct ent *e, const char *t, size_t len)
{
	size_t k, ws, we;

	for (k = 0; k < e->a.nmentions && k < 2; k++) {
		const struct span *m = &e->a.mentions[k];

		if (m->end + 2 >= len || m->start >= m->end ||
		    t[m->end] != ',' || !word_before(t, m->start, &ws, &we) ||
		    we - ws != 2 || memcmp(t + ws, "in", 2) != 0)
			continue;
		if (word_after(t, len, m->end + 1, &ws, &we) &&
		    place(t + ws, we - ws))
			return true;
	}
	return false;
}

/* Whether the quotation text names something: every word of four or
 * more letters capitalised ("Dynamic Ecosystems Of Mars"). */
static bool
title_like(const char *s)
{
	size_t words = 0;

	while (*s != '\0') {
		size_t n = 0;

		while (*s == ' ')
			s++;
		while (s[n] != '\0' && s[n] != ' ')
			n++;
		if (n >= 4 && letter(s[0])) {
			if (!(s[0] >= 'A' && s[0] <= 'Z'))
				return false;
			words++;
		}
		s += n;
	}
	return words > 0;
}

/*
 * Whether every mention of e lies inside a quotation that names a thing
 * (a scare quote, or a title-like one): "the project \"Dynamic Mars
 * Ecosystems\"". qo is in text order: a binary search per mention.
 */
static bool
only_in_titles(const struct ent *e, const struct quotes_out *qo)
{
	size_t k;

	if (e->a.nmentions == 0)
		return false;
	for (k = 0; k < e->a.nmentions; k++) {
		const struct span *m = &e->a.mentions[k];
		size_t lo = 0, hi = qo->n;

		while (lo < hi) { /* the first quotation ending after m */
			size_t mid = lo + (hi - lo) / 2;

			if (qo->v[mid].span.end <= m->start)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo == qo->n || qo->v[lo].span.start > m->start ||
		    qo->v[lo].span.end < m->end ||
		    (qo->v[lo].kind != QUOTE_SCARE &&
		     !title_like(qo->v[lo].text)))
			return false;
	}
	return true;
}

static enum verdict
person_verdict(const struct ent *e, size_t self, const char *text,
               size_t textlen, const struct seen *lower,
               const struct strmap *tails, const struct quotes_out *qo)
{
	const char *name = e->a.name, *n, *sp, *last, *v;
	size_t namelen, firstlen, lastlen, words = 1, k;
	bool first_given;
	enum verdict shape;

	if (e->a.kind != ACTOR_PERSON)
		return VERDICT_KEEP;
	if (web_name(name))
		return VERDICT_ORG;
	if ((shape = name_shape(e, text, textlen)) != VERDICT_KEEP)
		return shape == VERDICT_ORG || e->nquotes > 0 ? VERDICT_ORG
		                                             : VERDICT_DROP;
	sp = strchr(name, ' ');
	firstlen = sp != NULL ? (size_t)(sp - name) : strlen(name);
	last = strrchr(name, ' ');
	last = last != NULL ? last + 1 : name;
	lastlen = strlen(last);
	namelen = (size_t)(last - name) + lastlen;
	/* a body or institution, whatever vouches for it: "Mercy
	 * Hospital said", "the newspaper X reported" */
	if (e->a.role != NULL || e->a.affiliation != NULL || e->nquotes > 0) {
		if (last != name && (v = thing(last, lastlen)) != NULL &&
		    strcmp(v, "org") == 0 && !given(name, firstlen))
			return VERDICT_ORG;
		if ((v = named_thing(e, text, textlen, false)) != NULL &&
		    strcmp(v, "org") == 0)
			return VERDICT_ORG;
		return VERDICT_KEEP;
	}
	if (tail_of_other(tails, e, self))
		return VERDICT_KEEP;
	if (only_in_titles(e, qo))
		return VERDICT_DROP;
	first_given = given(name, firstlen);
	for (n = name; (sp = strchr(n, ' ')) != NULL; n = sp + 1, words++) {
		size_t len = (size_t)(sp - n);

		/* a particle is lower-case in the name too ("bin") */
		if (len >= 3 && !(n == name && first_given) &&
		    !(*n >= 'a' && *n <= 'z') &&
		    seen_get(lower, lexicon_hash(n, len)))
			return VERDICT_DROP;
	}
	if ((v = named_thing(e, text, textlen, true)) != NULL)
		return *v != '\0' ? VERDICT_ORG : VERDICT_DROP;
	if (words >= 2 && foreign_article(name, firstlen))
		return spoken(e, text, textlen) ? VERDICT_KEEP : VERDICT_DROP;
	if (words >= 2 && (v = thing(last, lastlen)) != NULL &&
	    strcmp(v, "first") != 0)
		return *v != '\0' ? VERDICT_ORG : VERDICT_DROP;
	if (words >= 2 && (v = thing(name, firstlen)) != NULL &&
	    strcmp(v, "first") == 0)
		return VERDICT_DROP;
	if (e->gender != 0 || spoken(e, text, textlen))
		return VERDICT_KEEP;
	if (words == 1 || place(name, namelen) || town(e, text, textlen))
		return VERDICT_DROP;
	if (first_given)
		return VERDICT_KEEP;
	/* "Detroit Water", "Cumbria Fire": a place first */
	for (k = firstlen; k < namelen; k++)
		if (name[k] == ' ' && place(name, k))
			return VERDICT_DROP;
	/* "Plan B", "Hepatitis C"; a common word of the article last */
	if ((lastlen == 1 && last[0] >= 'A' && last[0] <= 'Z') ||
	    (lastlen >= 3 && seen_get(lower, lexicon_hash(last, lastlen))))
		return VERDICT_DROP;
	return VERDICT_KEEP;
}

/* The quotes of block b without a speaker, or with one guessed from an
 * earlier paragraph, go to actor a ("— NAME"). */
static void
credit(struct quotes_out *qo, struct actors *as, int a, size_t b,
       const struct tokens *tk)
{
	size_t i;

	for (i = qo->n; i > 0 && qo->v[i - 1].block == b; i--) {
		struct quote *q = &qo->v[i - 1];

		/* a credit line beats a guess from the paragraphs before */
		if ((q->speaker >= 0 && (q->cue != NULL || q->confidence > 0.75)) ||
		    q->kind == QUOTE_SCARE)
			continue;
		if (q->speaker >= 0 && as->v[q->speaker].nquotes > 0)
			as->v[q->speaker].nquotes--;
		q->speaker = a;
		q->confidence = 0.6;
		q->cue_span.start = tk->v[0].start;
		q->cue_span.end = tk->v[0].end;
		q->cue = xstrndup(tk->text + tk->v[0].start,
		                  tk->v[0].end - tk->v[0].start);
		as->v[a].nquotes++;
		if (as->v[a].quote_conf < q->confidence) {
			as->v[a].quote_conf = q->confidence;
			as->v[a].quote_span = q->span;
		}
	}
}

/*
 * A paragraph is read in pieces of at most PIECE bytes, so that the tokens
 * held at once stay bounded however long a paragraph runs (a book on one
 * line would otherwise need some twelve bytes of tokens per byte of text).
 * A piece ends after a sentence (a full stop, a space, a capital), else at
 * white space, else at a character boundary; a quotation open at the cut
 * carries over as it does from paragraph to paragraph. News paragraphs
 * are a few hundred bytes, so this only ever splits hostile input.
 */
#define PIECE ((size_t)256 * 1024)

static bool
blank(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static size_t
piece_end(const char *t, size_t start, size_t end)
{
	size_t i, space = 0;

	if (end - start <= PIECE)
		return end;
	for (i = start + PIECE; i > start + PIECE / 2; i--) {
		size_t j = i;

		if (!blank(t[i - 1]) || blank(t[i]))
			continue;
		if (space == 0)
			space = i;
		while (j > start && blank(t[j - 1]))
			j--;
		if (t[i] >= 'A' && t[i] <= 'Z' && j > start &&
		    (t[j - 1] == '.' || t[j - 1] == '?' || t[j - 1] == '!'))
			return i;
	}
	if (space != 0)
		return space;
	i = start + PIECE; /* no space: a character boundary */
	while (i > start && ((unsigned char)t[i] & 0xC0) == 0x80)
		i--;
	return i > start ? i : start + PIECE;
}

/*
 * Working buffers kept from one annotate() to the next: the token list,
 * the per-block arrays of quotations, mentions and results, and the
 * filter's words grow to the largest article or piece read so far and are
 * reused, so that an article after the first allocates none of them (nor
 * frees them). annotate() takes them at its start and gives them back at
 * its end; the engine runs on one thread (actors.c keeps scan state in
 * statics too). What they hold is bounded by PIECE bytes of text and by
 * the filter's 2^24 bits, and stays reachable until the process exits.
 */
struct scratch {
	struct tokens *tk;
	struct qspans qs;
	struct mentions ms;
	struct attr_result *res;
	size_t rescap;
	uint64_t *seen;
	size_t seencap;
	size_t *at; /* the tokens positions_block_at() looks at */
	size_t atcap;
	uint64_t *hs; /* hashes of common words (atcap of them) */
};

static struct scratch spare;

/* What annotate() keeps from piece to piece of the article. */
struct run {
	struct annotation *ann;
	const char *text;
	struct tokens *tk;
	struct actors *as;
	struct qspans qs;
	struct mentions ms;
	struct quotes_out qo;
	struct attr_result *res;
	size_t rescap;
	struct attr_state st;
	struct topic tp;
	size_t topic_block; /* the title's, read with its words; else -1 */
	bool carry;
	size_t prev_block;
	struct seen lower;
	size_t *at; /* a piece's tokens of stance and speech words */
	size_t atcap, nat;
	uint64_t *hs; /* a piece's hashes of common words (atcap of them) */
};

/*
 * A quotation cut by a piece boundary (not a paragraph's end) is one
 * quotation: text[start, end), first of its piece, extends the last one
 * found when only white space lies between them. Its text is made again
 * at the end (join_text()), so that a quotation spanning many pieces is
 * copied once.
 */
static bool
joined(struct run *r, size_t b, size_t start, size_t end)
{
	struct quote *last;
	size_t i;

	if (r->qo.n == 0)
		return false;
	last = &r->qo.v[r->qo.n - 1];
	if (last->block != b || last->span.end > start)
		return false;
	for (i = last->span.end; i < start; i++)
		if (!blank(r->text[i]))
			return false; /* not the quotation cut here */
	if (last->speaker >= 0) {
		struct ent *e = &r->as->v[last->speaker];

		if (e->quote_span.start == last->span.start &&
		    e->quote_span.end == last->span.end)
			e->quote_span.end = end;
	}
	last->span.end = end;
	free(last->text);
	last->text = NULL;
	return true;
}

static void
join_text(struct run *r)
{
	size_t i;

	for (i = 0; i < r->qo.n; i++) {
		struct quote *q = &r->qo.v[i];

		if (q->text == NULL)
			q->text = xstrndup(r->text + q->span.start,
			                   q->span.end - q->span.start);
	}
}

/*
 * A quotation nobody was found for whose words recur in another quotation
 * with a speaker (a pull quote or a deck above the story repeats what the
 * story attributes): that speaker, with low confidence. Only quotations
 * of at least MIN_REPEAT bytes, each compared with the REPEAT_REACH
 * quotations before and after it, so that this stays linear.
 */
#define MIN_REPEAT 24
#define REPEAT_REACH 64

static void
repeated(struct run *r)
{
	size_t i, j;

	for (i = 0; i < r->qo.n; i++) {
		struct quote *q = &r->qo.v[i];

		if (q->speaker >= 0 || q->kind == QUOTE_SCARE ||
		    strlen(q->text) < MIN_REPEAT)
			continue;
		for (j = i > REPEAT_REACH ? i - REPEAT_REACH : 0;
		     j < r->qo.n && j <= i + REPEAT_REACH; j++) {
			const struct quote *o = &r->qo.v[j];
			struct ent *e;

			if (j == i || o->speaker < 0 || o->kind == QUOTE_SCARE ||
			    strstr(o->text, q->text) == NULL)
				continue;
			q->speaker = o->speaker;
			q->confidence = 0.5;
			e = &r->as->v[o->speaker];
			e->nquotes++;
			break;
		}
	}
}

/*
 * Read text[start, end) of block b: its quotes, actors and positions.
 * more: the piece goes on from an earlier piece of the same block.
 */
static void
read_piece(struct run *r, size_t b, const struct block *blk, size_t start,
           size_t end, bool more)
{
	struct tokens *tk = r->tk;
	struct actors *as = r->as;
	bool open = more && r->carry;
	size_t i, words, nat, nhs;

	sentences_split(tk, r->text, start, end);
	/* the title's words, from this very split */
	if (b == r->topic_block) {
		positions_topic_tokens(&r->tp, tk);
		r->topic_block = (size_t)-1;
	}
	/* words, the common words of this article for prune(), and the
	 * stance and speech words for positions_block_at(): the tests are
	 * '&' of 0/1 values, not branches, since a token's kind changes
	 * word by word and a mispredicted branch costs more (a token is
	 * written to at[] always, counted when it is one) */
	if (r->atcap < tk->n) {
		free(r->at);
		free(r->hs);
		r->atcap = tk->n + 256;
		r->at = xreallocarray(NULL, r->atcap, sizeof *r->at);
		r->hs = xreallocarray(NULL, r->atcap, sizeof *r->hs);
	}
	for (i = 0, words = 0, nat = 0, nhs = 0; i < tk->n; i++) {
		const struct token *t = &tk->v[i];
		unsigned common = ((t->flags & TOK_LOWER) != 0) &
		                  ((t->lex & ~LEX_PREFIX) == 0) & (t->hash != 0);

		words += t->flags & TOK_WORD;
		r->hs[nhs] = t->hash;
		nhs += common;
		r->at[nat] = i;
		nat += (t->lex & POSITIONS_LEX) != 0;
	}
	for (i = 0; i < nhs; i++)
		seen_add(&r->lower, r->hs[i], 1);
	r->nat = nat;
	r->ann->words += words;
	quotes_find(tk, &r->carry, &r->qs);
	/* a piece wholly inside a quotation cut by pieces: no marks */
	if (open && r->qs.n == 0 && tk->n > 0 &&
	    joined(r, b, tk->v[0].start, tk->v[tk->n - 1].end))
		r->carry = true;
	if (blk->kind != BLOCK_PARAGRAPH && blk->kind != BLOCK_LIST)
		r->carry = false;
	/* a title or heading names people only when they were named
	 * before; a "heading" holding a double-quoted span is more likely a
	 * short paragraph */
	as->headline = blk->kind == BLOCK_TITLE || b == 0 ||
	               (blk->kind == BLOCK_HEADING && !has_double_quote(&r->qs));
	actors_scan(as, tk, &r->ms);
	if (r->rescap <= r->qs.n) {
		r->rescap = r->qs.n + 16;
		r->res = xreallocarray(r->res, r->rescap, sizeof *r->res);
	}
	attribute_block(as, tk, &r->qs, &r->ms, &r->st, r->res);
	if (r->qs.n == 0 &&
	    (i = (size_t)attribute_dash_credit(as, tk, &r->ms)) != (size_t)-1)
		credit(&r->qo, as, (int)i, r->prev_block, tk);
	r->prev_block = b;
	positions_block_at(as, tk, &r->ms, &r->tp, r->at, r->nat);
	for (i = 0; i < r->qs.n; i++) {
		const struct attr_result *res = &r->res[i];

		if (r->qs.v[i].end <= r->qs.v[i].start)
			continue;
		if (i == 0 && open && r->qs.v[0].cont_prev &&
		    joined(r, b, r->qs.v[0].start, r->qs.v[0].end))
			continue;
		add_quote(&r->qo, tk, &r->qs.v[i], res, b);
		if (res->speaker >= 0 && res->kind != QUOTE_SCARE) {
			struct ent *e = &as->v[res->speaker];

			e->nquotes++;
			if (res->confidence > e->quote_conf) {
				e->quote_conf = res->confidence;
				e->quote_span = r->qo.v[r->qo.n - 1].span;
			}
		}
	}
}

/* Give buffers back to spare (or free them should spare hold some:
 * only a call made while another ran could leave it so). */
static void
scratch_give(struct scratch *sc)
{
	if (spare.tk == NULL) {
		spare = *sc;
		return;
	}
	sentences_free(sc->tk);
	free(sc->qs.v);
	free(sc->ms.v);
	free(sc->res);
	free(sc->seen);
	free(sc->at);
	free(sc->hs);
}

struct annotation *
annotate(const struct article *art, const struct block_list *bl)
{
	struct run run = { 0 }, *r = &run;
	struct scratch sc = spare;
	struct annotation *ann;
	const char *text = article_text(art);
	struct tokens *tk;
	struct actors *as;
	bool seen_para = false;
	size_t b, i, topic = (size_t)-1;
	int *remap;
	struct strmap *tails;

	memset(&spare, 0, sizeof spare); /* taken: ours until the end */
	r->ann = ann = xcalloc(1, sizeof *ann);
	r->text = text;
	r->tk = tk = sc.tk != NULL ? sc.tk : sentences_new();
	r->qs = sc.qs;
	r->ms = sc.ms;
	r->res = sc.res;
	r->rescap = sc.rescap;
	r->at = sc.at;
	r->hs = sc.hs;
	r->atcap = sc.atcap;
	r->as = as = actors_new(text);
	r->prev_block = (size_t)-1;
	r->topic_block = (size_t)-1;
	attribute_init(&r->st);
	seen_init(&r->lower, article_len(art), &sc.seen, &sc.seencap);
	for (b = 0; b < bl->n; b++) {
		const struct block *blk = &bl->v[b];

		if (blk->kind == BLOCK_TITLE && ann->title == NULL) {
			ann->title = sentences_clean(text, blk->start, blk->end);
			topic = b;
		}
		if (blk->kind == BLOCK_BYLINE && ann->byline == NULL &&
		    !dated(text, blk->start, blk->end)) {
			size_t s = blk->start;

			if (blk->end - s > 3 &&
			    (memcmp(text + s, "By ", 3) == 0 ||
			     memcmp(text + s, "by ", 3) == 0))
				s += 3;
			ann->byline = sentences_clean(text, s, blk->end);
		}
	}
	if (ann->title == NULL && bl->n > 0 &&
	    bl->v[0].kind != BLOCK_BOILERPLATE) {
		ann->title = sentences_clean(text, bl->v[0].start, bl->v[0].end);
		topic = 0;
	}
	/* The title's words score every block's sentences. When the title
	 * is the first block read, and in one piece, they are taken from
	 * its own split (no second one); else from a split of their own
	 * now. */
	if (topic != (size_t)-1) {
		const struct block *tb = &bl->v[topic];

		for (b = 0; b < topic && bl->v[b].kind == BLOCK_BOILERPLATE; b++)
			;
		if (b == topic && tb->shown_end == tb->end &&
		    piece_end(text, tb->start, tb->end) == tb->end)
			r->topic_block = topic;
		else
			positions_topic(&r->tp, tk, text, tb->start, tb->end);
	}
	for (b = 0; b < bl->n; b++) {
		const struct block *blk = &bl->v[b];
		size_t end =
		    blk->shown_end > blk->start && blk->shown_end <= blk->end
		        ? blk->shown_end
		        : blk->end;
		size_t s = blk->start, e;

		if (blk->kind == BLOCK_BOILERPLATE)
			continue;
		if (blk->kind != BLOCK_PARAGRAPH && blk->kind != BLOCK_LIST)
			r->carry = false;
		if (blk->kind == BLOCK_PARAGRAPH && !seen_para) {
			seen_para = true;
			ann->dateline = dateline(text, blk->start, end);
		}
		do {
			e = piece_end(text, s, end);
			read_piece(r, b, blk, s, e, s > blk->start);
			s = e;
		} while (s < end);
	}
	join_text(r);
	repeated(r);
	positions_finish(as, text);
	/* hand the actor records over, less the unlikely people */
	ann->actors = xcalloc(as->n + 1, sizeof *ann->actors);
	remap = xcalloc(as->n + 1, sizeof *remap);
	tails = person_tails(as);
	for (i = 0; i < as->n; i++) {
		switch (person_verdict(&as->v[i], i, text, article_len(art),
		                       &r->lower, tails, &r->qo)) {
		case VERDICT_DROP:
			remap[i] = -1;
			annotate_actor_clear(&as->v[i].a);
			continue;
		case VERDICT_ORG:
			as->v[i].a.kind = ACTOR_ORGANIZATION;
			break;
		case VERDICT_KEEP:
			break;
		}
		remap[i] = (int)ann->nactors;
		ann->actors[ann->nactors++] = as->v[i].a;
	}
	for (i = 0; i < r->qo.n; i++)
		if (r->qo.v[i].speaker >= 0)
			r->qo.v[i].speaker = remap[r->qo.v[i].speaker];
	free(remap);
	strmap_free(tails);
	as->n = 0;
	ann->quotes = r->qo.v;
	ann->nquotes = r->qo.n;
	actors_free(as);
	positions_topic_free(&r->tp);
	/* the buffers back for the next article */
	sc.tk = tk;
	sc.qs = r->qs;
	sc.ms = r->ms;
	sc.res = r->res;
	sc.rescap = r->rescap;
	sc.at = r->at;
	sc.hs = r->hs;
	sc.atcap = r->atcap;
	scratch_give(&sc);
	return ann;
}
