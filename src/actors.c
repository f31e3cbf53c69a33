/*
 * actors.c: mentions and actors.
 *
 * A block is read in three steps. (1) Lexicon phrases: at each
 * capitalised token the longest country, capital, demonym or outlet
 * phrase (up to four words) is marked. (2) Capitalised runs: maximal
 * sequences of capitalised words, initials and inner connectors ("of",
 * "for", "and"...) are classified. A run that ends in name-like words
 * (capitalised, in no word list) preceded by a title is a person; two or
 * more name-like words are a person; one is a person only when it is a
 * known surname or first name or a speech verb follows. Runs holding an
 * organisation word or an outlet are organisations; a bare lexicon phrase
 * is a country. (3) Roles: the title words before a name ("Kazakh Foreign
 * Ministry spokesman"), an apposition after it ("X, a lecturer at Y,"),
 * "X of the Y", "X from the Y College", "his Kyrgyz counterpart, X",
 * "the secretary general of Y, X", "X is a journalist"; a plural title
 * heads a list ("photographers A, B and C", "... including A and B");
 * an honorific alone is no role; demonyms and "Tashkent-based" give the
 * affiliated country. Hyphen and space variants of a name are one
 * person ("Kim Jong Un", "Kim Jong-Un").
 *
 * Merging looks back only: a one-word mention joins the latest person with
 * that surname (or first name); a longer name joins a person known by its
 * last word when the forms agree. Everything is linear in the tokens
 * except short bounded look-arounds.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "arena.h"
#include "lexicon.h"
#include "sentences.h"
#include "strmap.h"
#include "xmalloc.h"

#define NOTNAME                                                                \
	(LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_TITLE_MOD) | LEX_BIT(LEX_ORG_WORD) | \
	 LEX_BIT(LEX_STOPWORD) | LEX_BIT(LEX_PLACE_WORD) |                     \
	 LEX_BIT(LEX_COUNTRY) | LEX_BIT(LEX_DEMONYM) | LEX_BIT(LEX_CAPITAL) |  \
	 LEX_BIT(LEX_HONORIFIC) | LEX_BIT(LEX_OUTLET) |                        \
	 LEX_BIT(LEX_ANON_WORD) | LEX_BIT(LEX_SPEECH_VERB) |                   \
	 LEX_BIT(LEX_PRONOUN))
#define COUNTRYISH                                                             \
	(LEX_BIT(LEX_COUNTRY) | LEX_BIT(LEX_DEMONYM) | LEX_BIT(LEX_CAPITAL))
#define TITLEISH (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_HONORIFIC))
/* the lists find_phrases() marks */
#define PHRASE_KINDS                                                           \
	(LEX_BIT(LEX_OUTLET) | LEX_BIT(LEX_COUNTRY) | LEX_BIT(LEX_CAPITAL) |   \
	 LEX_BIT(LEX_DEMONYM))

/* Phrase marks of the current block (parallel to the tokens). */
struct phrase {
	unsigned char kind; /* 0, or LEX_COUNTRY/CAPITAL/DEMONYM/OUTLET + 1 */
	unsigned char len;  /* tokens of the phrase, at its first token */
	const char *value;  /* country name, at its first token */
};

/* The phrase marks of the block being scanned: points into the table's
 * scratch array (struct actors.ph) during actors_scan(). */
static struct phrase *ph;

/* A list of names after a plural title ("photographers A, B and C"): the
 * person whose role the next names share, and the token after its name;
 * list_actor is -1 outside such a list. Reset by actors_scan(). */
static int list_actor = -1;
static size_t list_end;

/*
 * The scratch arrays of a table (phrase marks, candidates), kept when a
 * table is freed for the next one: they grow to the longest block read
 * so far, and an article after the first then allocates none. The engine
 * runs on one thread (ph above is shared too); a table made while another
 * lives starts with none.
 */
static struct {
	void *ph;
	size_t phcap;
	size_t *cand;
	size_t candcap;
} spare;

/* The actor keys of an article fit in one small chunk (about 20 actors of
 * 16 bytes), allocated with the arena's header. */
#define KEYS_CHUNK ((size_t)960)

struct actors *
actors_new(const char *text)
{
	struct actors *as = xcalloc(1, sizeof *as);

	as->names = strmap_new_fold();
	as->last_plural = -1;
	as->surnames = strmap_new_fold();
	as->text = text;
	as->arena = arena_new(KEYS_CHUNK);
	as->ph = spare.ph;
	as->phcap = spare.phcap;
	as->cand = spare.cand;
	as->candcap = spare.candcap;
	memset(&spare, 0, sizeof spare);
	return as;
}

void
actors_free(struct actors *as)
{
	size_t i;

	if (as == NULL)
		return;
	for (i = 0; i < as->n; i++)
		annotate_actor_clear(&as->v[i].a);
	free(as->v);
	arena_free(as->arena);
	strmap_free(as->names);
	strmap_free(as->surnames);
	if (spare.ph == NULL && spare.cand == NULL) {
		spare.ph = as->ph;
		spare.phcap = as->phcap;
		spare.cand = as->cand;
		spare.candcap = as->candcap;
	} else {
		free(as->ph);
		free(as->cand);
	}
	free(as);
}


/* A lower-cased copy of s (NUL-terminated, in the table's arena). */
static char *
lower(struct actors *as, const char *s, size_t len)
{
	char *l = arena_alloc(as->arena, len + 1);

	strmap_lower(l, s, len);
	l[len] = '\0';
	return l;
}

/* The names maps ignore ASCII case (strmap_new_fold()). */
static void
map_set(struct strmap *m, const char *s, size_t len, int v)
{
	strmap_set(m, s, len, v);
}

static int
map_get(const struct strmap *m, const char *s, size_t len)
{
	return strmap_get(m, s, len);
}

/* c lower-cased if an ASCII capital. */
static char
lc(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

static int
add_actor(struct actors *as, enum actor_kind kind, char *name)
{
	size_t len = strlen(name);
	struct ent *e;

	if (as->n == as->cap) {
		as->cap = as->cap ? as->cap * 2 : 32;
		as->v = xreallocarray(as->v, as->cap, sizeof *as->v);
	}
	e = &as->v[as->n];
	memset(e, 0, sizeof *e);
	e->a.name = name;
	e->initial = lc(name[0]);
	e->a.kind = kind;
	e->key = lower(as, name, len);
	e->order = as->n;
	map_set(as->names, name, len, (int)as->n);
	return (int)as->n++;
}

/* Whether actor a (or -1) is the one actors_get() wants for kind. */
static bool
get_fits(const struct actors *as, int a, enum actor_kind kind)
{
	return a >= 0 &&
	       (as->v[a].a.kind == kind ||
	        (kind != ACTOR_PERSON && as->v[a].a.kind != ACTOR_PERSON));
}

int
actors_get(struct actors *as, enum actor_kind kind, const char *name,
           size_t len)
{
	int a = map_get(as->names, name, len);

	if (get_fits(as, a, kind))
		return a;
	return add_actor(as, kind, xstrndup(name, len));
}

/* actors_get() of an allocated name, which it takes (frees or keeps). */
static int
get_owned(struct actors *as, enum actor_kind kind, char *name)
{
	int a = map_get(as->names, name, strlen(name));

	if (get_fits(as, a, kind)) {
		free(name);
		return a;
	}
	return add_actor(as, kind, name);
}

void
actors_mention(struct actors *as, int a, size_t start, size_t end)
{
	struct ent *e = &as->v[a];
	size_t k = e->a.nmentions;

	/* In text order, each once: attribution may name an actor again
	 * at a mention already found, or before the last one. */
	while (k > 0 && e->a.mentions[k - 1].start > start)
		k--;
	if (k > 0 && e->a.mentions[k - 1].start == start &&
	    e->a.mentions[k - 1].end == end)
		return;
	if (e->a.nmentions == e->mcap) {
		e->mcap = e->mcap ? e->mcap * 2 : 4;
		e->a.mentions = xreallocarray(e->a.mentions, e->mcap,
		                              sizeof *e->a.mentions);
	}
	if (k < e->a.nmentions)
		memmove(&e->a.mentions[k + 1], &e->a.mentions[k],
		        (e->a.nmentions - k) * sizeof *e->a.mentions);
	e->a.mentions[k].start = start;
	e->a.mentions[k].end = end;
	e->a.nmentions++;
}

void
actors_alias(struct actors *as, int a, const char *s, size_t len)
{
	struct ent *e = &as->v[a];
	size_t k;
	int known;

	if (len == 0 || (known = map_get(as->names, s, len)) == a)
		return; /* the name or a known alias (case aside) */
	if ((strlen(e->a.name) == len && memcmp(e->a.name, s, len) == 0))
		return;
	for (k = 0; k < e->a.naliases; k++)
		if (strlen(e->a.aliases[k]) == len &&
		    memcmp(e->a.aliases[k], s, len) == 0)
			return;
	if (e->a.naliases >= 16)
		return;
	if (e->a.naliases == e->acap) {
		e->acap = e->acap ? e->acap * 2 : 2;
		e->a.aliases =
		    xreallocarray(e->a.aliases, e->acap, sizeof *e->a.aliases);
	}
	e->a.aliases[e->a.naliases++] = xstrndup(s, len);
	if (known < 0)
		map_set(as->names, s, len, a);
}

bool
actors_name_is_thing(const char *name)
{
	const char *c;
	size_t k;

	for (c = name; *c != '\0'; c++)
		if (*c >= '0' && *c <= '9')
			return true;
	k = (size_t)(c - name);
	return k >= 4 && name[k - 1] == '.' && name[k - 3] == ' ' &&
	       name[k - 2] >= 'A' && name[k - 2] <= 'Z';
}

bool
actors_role_has(const struct actors *as, int a, const char *w, size_t len)
{
	const char *r = as->v[a].a.role;
	size_t i, n;

	if (r == NULL || len == 0)
		return false;
	n = strlen(r);
	for (i = 0; i + len <= n; i++) {
		size_t k;

		for (k = 0; k < len; k++) {
			char x = r[i + k], y = w[k];

			if (x >= 'A' && x <= 'Z')
				x = (char)(x + 32);
			if (y >= 'A' && y <= 'Z')
				y = (char)(y + 32);
			if (x != y)
				break;
		}
		if (k == len)
			return true;
	}
	return false;
}

/* ---- token predicates ------------------------------------------------ */

static const char *
ttext(const struct tokens *tk, size_t i)
{
	return tk->text + tk->v[i].start;
}

static bool
is_cap(const struct tokens *tk, size_t i)
{
	return (tk->v[i].flags & (TOK_CAP | TOK_INITIAL)) != 0;
}

/* sentences_eq() (token i spells s, a non-empty word), its first byte
 * tested here first: most tokens differ there, and a call is saved. */
static inline bool
word_is(const struct tokens *tk, size_t i, const char *s)
{
	return tk->text[tk->v[i].start] == s[0] && sentences_eq(tk, i, s);
}

/* sentences_is() (token i is the punctuation c), its first byte first. */
static inline bool
char_is(const struct tokens *tk, size_t i, char c)
{
	return tk->text[tk->v[i].start] == c && sentences_is(tk, i, c);
}

/* sentences_ieq() (ASCII case aside), its first byte first. */
static bool
word_ieq(const struct tokens *tk, size_t i, const char *s)
{
	char c = tk->text[tk->v[i].start];

	if (c >= 'A' && c <= 'Z')
		c = (char)(c + 32);
	return c == (s[0] >= 'A' && s[0] <= 'Z' ? (char)(s[0] + 32) : s[0]) &&
	       sentences_ieq(tk, i, s);
}

/* Same quotation context: a run never crosses a quotation mark. */
static bool
same_ctx(const struct tokens *tk, size_t a, size_t b)
{
	return tk->v[a].quote == tk->v[b].quote &&
	       !(tk->v[b].flags & TOK_QMARK);
}

static inline bool
is_connector(const struct tokens *tk, size_t i)
{
	if (tk->v[i].flags & TOK_CAP)
		return false;
	return (tk->v[i].lex & LEX_BIT(LEX_CONNECTOR)) ||
	       (!(tk->v[i].flags & TOK_WORD) && char_is(tk, i, '&'));
}

/* Whether token i is a regnal number: "II", "XVI" ("King Abdullah II"). */
static bool
regnal(const struct tokens *tk, size_t i)
{
	const char *t = ttext(tk, i);
	size_t n = sentences_len(tk, i), k;

	if (n < 2 || n > 5 || !(tk->v[i].flags & TOK_UPPER))
		return false;
	for (k = 0; k < n; k++)
		if (t[k] != 'I' && t[k] != 'V' && t[k] != 'X')
			return false;
	return true;
}

/* Small words inside persons' names, lower-case there. */
static const char *const name_particles[] = {
	"bin", "ibn", "bint", "van", "von", "der", "den", "da", "di", "du",
	"dos", "das", "de", NULL
};

/* Whether tokens [s, e) are all name particles, in any case ("Bin",
 * "van der"). */
static bool
particles_only(const struct tokens *tk, size_t s, size_t e)
{
	size_t k;
	const char *const *p;

	for (k = s; k < e; k++) {
		size_t n = tk->v[k].end - tk->v[k].start;
		char c = (char)(ttext(tk, k)[0] | 0x20);

		/* every particle is two to four letters, b, i, v or d first */
		if (n < 2 || n > 4 ||
		    (c != 'b' && c != 'i' && c != 'v' && c != 'd'))
			return false;
		for (p = name_particles; *p != NULL; p++)
			if (sentences_ieq(tk, k, *p))
				break;
		if (*p == NULL)
			return false;
	}
	return s < e;
}

/*
 * Whether the connector at k is a particle inside a person's name, between
 * two capitalised words of the run [.., e): "Osama bin Laden", "Ludwig
 * van Beethoven", "Sharif Ali bin Zaid", "Ursula von der Leyen".
 */
static bool
particle(const struct tokens *tk, size_t k, size_t e)
{
	size_t j = k + 1, i = k;

	if (!is_connector(tk, k) || !sentences_eq_any(tk, k, name_particles))
		return false;
	/* "von der Leyen": particles in a row */
	while (j < e && !(tk->v[j].flags & TOK_CAP) &&
	       sentences_eq_any(tk, j, name_particles))
		j++;
	while (i > 0 && !(tk->v[i - 1].flags & TOK_CAP) &&
	       sentences_eq_any(tk, i - 1, name_particles))
		i--;
	return i > 0 && j < e && is_cap(tk, i - 1) && is_cap(tk, j) &&
	       !(tk->v[i - 1].lex & (LEX_BIT(LEX_ORG_WORD) |
	                             LEX_BIT(LEX_OUTLET)));
}

/*
 * A capitalised adherent in -ist ("Scientologist", "Methodist",
 * "Socialist"): a description before a name, not a name ("Lindqvist",
 * "Holmquist" are).
 */
static inline bool
ist_word(const struct tokens *tk, size_t i)
{
	const char *w = ttext(tk, i);
	size_t len = sentences_len(tk, i);

	if (!(tk->v[i].flags & TOK_CAP) || (tk->v[i].flags & TOK_UPPER))
		return false;
	if (len > 1 && w[len - 1] == 's')
		len--;
	return len >= 7 && memcmp(w + len - 3, "ist", 3) == 0 &&
	       w[len - 4] != 'u' && w[len - 4] != 'v';
}

/* A phrase mark that says "part of a person's name after all" ("Michael
 * Jordan"): run_one() sets it on a country or capital word. */
#define PH_NAME 255

/* Whether token i is a listed given name ("Dean", "Jordan"). */
static bool
given_name(const struct tokens *tk, size_t i)
{
	return (tk->v[i].flags & TOK_CAP) &&
	       lexicon_has(LEX_GIVEN_NAME, ttext(tk, i), sentences_len(tk, i));
}

/* Whether token i is a capitalised word in no list that bars names. */
static bool
plain_cap(const struct tokens *tk, size_t i)
{
	return (tk->v[i].flags & (TOK_CAP | TOK_WORD)) == (TOK_CAP | TOK_WORD) &&
	       !(tk->v[i].lex & NOTNAME) && !(tk->v[i].flags & TOK_UPPER);
}

/* A capitalised speech verb between two name words, inside a sentence:
 * "Abdourahim Said Bakar" (Said, Saeed are names too). */
static inline bool
verb_in_name(const struct tokens *tk, size_t i)
{
	const struct token *t = &tk->v[i];

	return (t->lex & NOTNAME) == LEX_BIT(LEX_SPEECH_VERB) &&
	       (t->flags & TOK_CAP) && !(t->flags & TOK_SENTSTART) &&
	       !(t->flags & TOK_UPPER) && i > 0 && i + 1 < tk->n &&
	       (t->flags & TOK_SPACE) && (tk->v[i + 1].flags & TOK_SPACE) &&
	       plain_cap(tk, i - 1) && plain_cap(tk, i + 1);
}

static bool
is_det(const struct tokens *tk, size_t i)
{
	return word_ieq(tk, i, "a") || word_ieq(tk, i, "an") ||
	       word_ieq(tk, i, "the");
}

/*
 * A capitalised speech verb opening a name: "Said Mohammed, a witness,
 * said" (Said is a given name too): a name word after it, then an
 * apposition (", a/an/the/who").
 */
static inline bool
verb_first_name(const struct tokens *tk, size_t i)
{
	const struct token *t = &tk->v[i];

	if ((t->lex & NOTNAME) != LEX_BIT(LEX_SPEECH_VERB) ||
	    !(t->flags & TOK_CAP) || (t->flags & (TOK_UPPER | TOK_QUOTED)) ||
	    i + 2 >= tk->n || !(tk->v[i + 1].flags & TOK_SPACE) ||
	    !plain_cap(tk, i + 1))
		return false;
	return char_is(tk, i + 2, ',') && i + 3 < tk->n &&
	       (is_det(tk, i + 3) || word_is(tk, i + 3, "who"));
}

static inline bool
namelike(const struct tokens *tk, size_t i)
{
	const struct token *t = &tk->v[i];

	if (t->flags & TOK_INITIAL)
		return true;
	if (ph[i].kind == PH_NAME)
		return true;
	if (verb_in_name(tk, i) || verb_first_name(tk, i))
		return true;
	if (!(t->flags & TOK_CAP) || (t->lex & NOTNAME) || ph[i].kind)
		return false;
	if (ist_word(tk, i))
		return false;
	if ((t->flags & TOK_UPPER) && sentences_len(tk, i) > 1)
		return false; /* an acronym */
	return true;
}

/* Whether the number at token i is an amount, no part of a name:
 * "fined Acme Corp 1.2 billion euros", "Acme Corp 12 percent". */
static bool
quantity(const struct tokens *tk, size_t i)
{
	static const char *const units[] = { "million", "billion",
		"trillion", "percent", "per", "thousand", "hundred", NULL };
	const char *w = ttext(tk, i);
	size_t len = sentences_len(tk, i);

	return memchr(w, '.', len) != NULL || memchr(w, ',', len) != NULL ||
	       (i + 1 < tk->n && sentences_eq_any(tk, i + 1, units));
}

/* The last words of a company's name that its short name leaves out:
 * "Acme Corp" is "Acme". */
static const char *const company_suffixes[] = { "Corp", "Corporation",
	"Inc", "Incorporated", "Ltd", "Limited", "LLC", "PLC", "plc", "Group",
	"Holdings", "GmbH", "AG", NULL };

/* End of the capitalised run starting at i (connectors inside). */
static size_t
run_end(const struct tokens *tk, size_t i)
{
	size_t j = i;

	while (j < tk->n && same_ctx(tk, i, j)) {
		if (j > i && !(tk->v[j].flags & TOK_WORD)) {
			/* "American-Islamic": capitalised words hyphened (a
			 * demonym is joined to none in sentences.c) */
			if (char_is(tk, j, '-') && j + 1 < tk->n &&
			    !(tk->v[j].flags & TOK_SPACE) &&
			    !(tk->v[j + 1].flags & TOK_SPACE) &&
			    (tk->v[j + 1].flags & TOK_CAP) && is_cap(tk, j - 1) &&
			    same_ctx(tk, i, j + 1)) {
				j++;
				continue;
			}
			break;
		}
		if ((tk->v[j].flags & TOK_WORD) && is_cap(tk, j)) {
			j++;
			if (tk->v[j - 1].flags & TOK_POSS)
				break;
			continue;
		}
		if ((tk->v[j].flags & TOK_DIGIT) && j > i &&
		    (tk->v[j - 1].lex & LEX_BIT(LEX_ORG_WORD)) &&
		    !quantity(tk, j)) {
			j++; /* "Center 18" */
			continue;
		}
		/* "told VOA the North does": no name goes on after an
		 * acronym with a bare "the" */
		if (j > i && (tk->v[j - 1].flags & TOK_UPPER) &&
		    word_is(tk, j, "the") && sentences_len(tk, j - 1) > 1)
			break;
		if (j > i && is_connector(tk, j)) {
			size_t k = j + 1;
			size_t kk = k;

			/* "University of Glasgow in the United Kingdom": a
			 * place after "in" or "at" is not part of the name */
			if (kk < tk->n && word_is(tk, kk, "the"))
				kk++;
			if ((word_is(tk, j, "in") ||
			     word_is(tk, j, "at") ||
			     word_is(tk, j, "on")) &&
			    kk < tk->n &&
			    (tk->v[kk].lex & (COUNTRYISH | LEX_PREFIX)) &&
			    ph[kk].kind != 0 &&
			    /* "Council on American-Islamic Relations" */
			    !(kk + 1 < tk->n && char_is(tk, kk + 1, '-') &&
			      !(tk->v[kk + 1].flags & TOK_SPACE)))
				break;

			/* "of the", "for the" */
			if (k < tk->n && word_is(tk, k, "the"))
				k++;
			/* "von der Leyen" */
			while (k < tk->n && is_connector(tk, k) &&
			       sentences_eq_any(tk, j, name_particles) &&
			       sentences_eq_any(tk, k, name_particles))
				k++;
			if (k < tk->n && same_ctx(tk, i, k) &&
			    (tk->v[k].flags & TOK_CAP) &&
			    !(tk->v[k].lex & LEX_BIT(LEX_STOPWORD))) {
				j = k;
				continue;
			}
		}
		break;
	}
	return j;
}

/*
 * The longest lexicon phrase (country, capital, demonym, outlet; up to
 * four words) starting at token i, which is in some list or starts a
 * longer entry: its length in tokens (0: none), its list in *kind and
 * value in *val. A phrase of L words is tried after its first L - 1
 * words, so its text is built a word at a time.
 */
static size_t
phrase_at(const struct tokens *tk, size_t i, int *kind, const char **val)
{
	static const enum lexicon_kind kinds[] = { LEX_OUTLET, LEX_COUNTRY,
		                                   LEX_CAPITAL, LEX_DEMONYM };
	char buf[LEXICON_MAXLEN];
	size_t L, best = 0, k, len = 0;

	for (L = 1; L <= 4 && i + L <= tk->n; L++) {
		size_t tl;
		unsigned lex;

		k = i + L - 1;
		tl = sentences_len(tk, k);
		/* capitalised words, or a small word inside: "The Globe and
		 * Mail"; a possessive only last */
		if (k > i && (!(tk->v[k].flags & TOK_WORD) ||
		              (!(tk->v[k].flags & TOK_CAP) &&
		               !(tk->v[k].lex & LEX_BIT(LEX_CONNECTOR))) ||
		              !same_ctx(tk, i, k) ||
		              (tk->v[k - 1].flags & TOK_POSS)))
			break;
		if (len + tl + 1 > sizeof buf)
			break;
		/* one word is looked up where it stands */
		if (k == i + 1)
			memcpy(buf, ttext(tk, i), len);
		if (k > i) {
			buf[len++] = ' ';
			memcpy(buf + len, ttext(tk, k), tl);
		}
		len += tl;
		lex = L == 1 ? tk->v[i].lex : lexicon_lookup(buf, len);
		for (k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
			if (lex & LEX_BIT(kinds[k])) {
				best = L;
				*kind = (int)kinds[k];
				*val = lexicon_value(kinds[k],
				                     L == 1 ? ttext(tk, i) : buf,
				                     len);
				break;
			}
		}
		if (!(lex & LEX_PREFIX) && L > 1)
			break;
		if (L == 1 && !(lex & LEX_PREFIX) && best == 0)
			break;
	}
	return best;
}

/*
 * Mark lexicon phrases (phrase_at()) and set every token's mention to -1
 * on the way (add_mention() sets them). Lists in cand (room for tk->n)
 * the tokens a run may start at, in order: capitalised words and the
 * first word of a phrase that a small word opens ("the Kremlin"); returns
 * their number.
 */
static size_t
find_phrases(struct tokens *tk, size_t *cand)
{
	struct token *v = tk->v; /* locals: the stores below change neither */
	const size_t n = tk->n;
	size_t i = 0, nc = 0;

	memset(ph, 0, (n + 1) * sizeof *ph);
	while (i < n) {
		size_t best, k;
		int kind = -1;
		const char *val = NULL;

		/* most tokens are in no list and start no phrase; whether a
		 * token is a capitalised word changes from token to token, so
		 * it is counted in ('&' of 0/1 values), not branched on: the
		 * slot after the last candidate is free (nc <= i < n) */
		for (; i < n; i++) {
			unsigned f = v[i].flags;

			v[i].mention = -1;
			cand[nc] = i;
			nc += ((f & TOK_WORD) != 0) &
			      ((f & (TOK_CAP | TOK_INITIAL)) != 0); /* is_cap() */
			if ((v[i].lex & (PHRASE_KINDS | LEX_PREFIX)) &&
			    (f & TOK_WORD) &&
			    ((f & TOK_CAP) || word_is(tk, i, "the")))
				break;
		}
		if (i == n)
			break;
		best = phrase_at(tk, i, &kind, &val);
		if (best == 0 || (best == 1 && word_is(tk, i, "the"))) {
			i++;
			continue;
		}
		if (best > 1 && !is_cap(tk, i))
			cand[nc++] = i;
		for (k = i; k < i + best; k++) {
			ph[k].kind = (unsigned char)(kind + 1);
			if (k == i)
				continue;
			v[k].mention = -1;
			if ((v[k].flags & TOK_WORD) && is_cap(tk, k))
				cand[nc++] = k;
		}
		ph[i].len = (unsigned char)best;
		ph[i].value = val;
		i += best;
	}
	return nc;
}

static void
add_mention(struct actors *as, struct tokens *tk, struct mentions *ms, int a,
            size_t first, size_t last, size_t role_first)
{
	struct mention *m;
	size_t k;

	if (ms->n == ms->cap) {
		ms->cap = ms->cap ? ms->cap * 2 : 32;
		ms->v = xreallocarray(ms->v, ms->cap, sizeof *ms->v);
	}
	m = &ms->v[ms->n];
	m->first = first;
	m->last = last;
	m->role_first = role_first;
	m->actor = a;
	m->quoted = (tk->v[first].flags & TOK_QUOTED) != 0;
	m->object = false;
	if (role_first > 0) {
		size_t b = role_first - 1;
		char c;

		if (b > 0 && word_is(tk, b, "the"))
			b--;
		/* "thanked" is no speech verb: test the lists first;
		 * the words all start with 't' or 'a' */
		c = ttext(tk, b)[0];
		m->object = (c == 't' || c == 'a') &&
		            ((tk->v[b].lex & LEX_BIT(LEX_SPEECH_VERB) &&
		             (word_is(tk, b, "told") ||
		              word_is(tk, b, "tells") ||
		              word_is(tk, b, "asked") ||
		              word_is(tk, b, "telling"))) ||
		             word_is(tk, b, "thanked"));
	}
	for (k = role_first; k < last; k++)
		tk->v[k].mention = (int)ms->n;
	ms->n++;
	actors_mention(as, a, tk->v[first].start, tk->v[last - 1].core_end);
	if (as->v[a].a.nmentions == 1)
		as->v[a].order = tk->v[first].start;
}

/* The country a token range names through a demonym, country, capital
 * or "X-based"; NULL when none. */
static const char *
country_in(const struct tokens *tk, size_t from, size_t to)
{
	size_t k;

	for (k = from; k < to && k < tk->n; k++)
		if (ph[k].kind && ph[k].len && ph[k].kind != LEX_OUTLET + 1)
			return ph[k].value;
	return NULL;
}

/* An organisation named by a capitalised run inside [from, to). */
static bool
org_in(const struct tokens *tk, size_t from, size_t to, size_t *os, size_t *oe)
{
	size_t k;

	for (k = from; k < to; k++) {
		size_t e, j;

		if (!is_cap(tk, k) || (tk->v[k].lex & LEX_BIT(LEX_STOPWORD)))
			continue;
		e = run_end(tk, k);
		if (e > to)
			e = to;
		for (j = k; j < e; j++) {
			if ((tk->v[j].lex &
			     (LEX_BIT(LEX_ORG_WORD) | LEX_BIT(LEX_OUTLET))) &&
			    is_cap(tk, j)) {
				size_t b = k, q;

				/* "Dean for Public Health at X University":
				 * the body after the last "at"/"for" before
				 * its organisation word */
				for (q = k; q < j; q++)
					if ((word_is(tk, q, "at") ||
					     word_is(tk, q, "for")) &&
					    q + 1 < j)
						b = q + 1;
				while (b < j && !is_cap(tk, b))
					b++;
				/* "Museum of Flight CEO": no title after */
				while (e > j + 1 &&
				       (tk->v[e - 1].lex & TITLEISH) &&
				       !(tk->v[e - 1].lex &
				         (LEX_BIT(LEX_ORG_WORD) |
				          LEX_BIT(LEX_OUTLET))))
					e--;
				*os = b;
				*oe = e;
				return true;
			}
		}
		k = e > k ? e - 1 : k;
	}
	return false;
}

static void
set_role(struct actors *as, int a, const struct tokens *tk, size_t from,
         size_t to)
{
	struct ent *e = &as->v[a];

	if (from >= to || e->a.role != NULL)
		return;
	e->a.role = sentences_clean(tk->text, tk->v[from].start, tk->v[to - 1].end);
}

static void
set_affiliation(struct actors *as, int a, const char *s)
{
	if (s != NULL && as->v[a].a.affiliation == NULL)
		as->v[a].a.affiliation = xstrdup(s);
}

/*
 * Whether the tokens from e read ", a/an ... TITLE": an apposition that
 * describes a person ("Valeska Paris, an Australian woman and former
 * Scientologist," has "former"), a title or title modifier within six
 * lower-case words of the article.
 */
static bool
person_apposition(const struct tokens *tk, size_t e)
{
	size_t k;

	if (e + 2 >= tk->n || !char_is(tk, e, ',') ||
	    !(word_ieq(tk, e + 1, "a") || word_ieq(tk, e + 1, "an")))
		return false;
	for (k = e + 2; k < tk->n && k < e + 8; k++) {
		const struct token *t = &tk->v[k];

		if (!(t->flags & TOK_WORD) || (t->flags & TOK_QUOTED))
			return false;
		if ((t->flags & TOK_LOWER) &&
		    (t->lex & (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_TITLE_MOD))))
			return true;
	}
	return false;
}

/* A lowercase plural of a title: "photographers", "athletes". */
static bool
plural_title(const struct tokens *tk, size_t i)
{
	size_t len = sentences_len(tk, i);
	const char *w = ttext(tk, i);

	return (tk->v[i].flags & TOK_LOWER) && (tk->v[i].flags & TOK_WORD) &&
	       len > 3 && len < 40 && w[len - 1] == 's' &&
	       !(tk->v[i].lex & LEX_BIT(LEX_TITLE)) &&
	       (lexicon_lookup(w, len - 1) & LEX_BIT(LEX_TITLE));
}

/* A lowercase word in -ed (a verb in the past, mostly). */
static bool
ends_ed(const struct tokens *tk, size_t i)
{
	size_t len = sentences_len(tk, i);

	return (tk->v[i].flags & TOK_LOWER) && len > 4 &&
	       memcmp(ttext(tk, i) + len - 2, "ed", 2) == 0;
}

/* A lower-case verb or preposition that may stand right before a
 * description and a name ("met president X", "beat champion X"), or an
 * age word: no part of a role. */
static bool
verb_before_name(const struct tokens *tk, size_t i)
{
	static const char *const v[] = { "met", "meet", "meets", "told",
		"saw", "see", "sees", "beat", "beats", "hit", "led", "won",
		"lost", "made", "took", "gave", "sent", "left", "kept", "let",
		"put", "got", "thank", "thanks", "praise", "praises", "urge",
		"urges", "ask", "asks", "call", "calls", "hire", "hires",
		"replace", "replaces", "elect", "elects", "appoint", "appoints",
		"defeat", "defeats", "sue", "sues", "accuse", "accuses", "join",
		"joins", "include", "includes", "including", "like", "with",
		"against", "by", "under", "from", "between", "among", "than",
		"via", "after", "before", "about", "when", "while", "whom",
		"become", "became", "becomes", "visit", "visits", "greet",
		"greets", "welcome", "welcomes", "named", "fired", "interview",
		"interviews", "question", "questions", "support", "supports",
		/* an age: "84 year old lady X" */
		"old", "year", "years", "aged", NULL };

	return sentences_eq_any(tk, i, v);
}

/* The title words before a name starting at s: sets *rs (role start)
 * and returns whether a title word was among them. */
static bool
role_before(const struct tokens *tk, size_t s, size_t *rs, size_t *rw,
            size_t *aff)
{
	size_t k = s, lowmods = 0;
	bool title = false, hyph = false, lowchain = true;

	*aff = (size_t)-1;
	while (k > 0) {
		size_t p = k - 1;
		const struct token *t = &tk->v[p];

		if (!same_ctx(tk, s, p))
			break;
		if (t->flags & TOK_WORD) {
			bool h = hyph;

			hyph = false;
			if (!(t->flags & TOK_LOWER) || is_connector(tk, p))
				lowchain = false;
			if (t->flags & TOK_POSS) {
				if (k < s && is_cap(tk, p))
					*aff = p;
				break;
			}
			/* "a major Warhol exhibit": the adjective */
			if (word_is(tk, p, "major") && p > 0 &&
			    is_det(tk, p - 1))
				break;
			if ((t->lex & TITLEISH) || ist_word(tk, p)) {
				title = true;
				k = p;
				continue;
			}
			/* "chief of staff X", "director of communications
			 * X": a title with its "of" complement */
			if (k == s && (t->flags & TOK_LOWER) && p >= 2 &&
			    word_is(tk, p - 1, "of") &&
			    (tk->v[p - 2].lex & LEX_BIT(LEX_TITLE)) &&
			    (tk->v[p - 2].flags & (TOK_LOWER | TOK_SENTSTART)) &&
			    !(t->lex & ~(LEX_PREFIX | LEX_BIT(LEX_ORG_WORD))) &&
			    same_ctx(tk, s, p - 2)) {
				title = true;
				k = p - 2;
				continue;
			}
			/* "photographers Nat Finkelstein" */
			if (k == s && plural_title(tk, p)) {
				title = true;
				k = p;
				break;
			}
			if (t->lex & LEX_BIT(LEX_TITLE_MOD) &&
			    !(t->lex & LEX_BIT(LEX_STOPWORD))) {
				k = p;
				continue;
			}
			if ((t->flags & (TOK_CAP | TOK_INITIAL)) &&
			    !(t->lex & LEX_BIT(LEX_STOPWORD))) {
				k = p;
				continue;
			}
			if (k < s &&
			    (is_connector(tk, p) ||
			     word_is(tk, p, "to")) &&
			    p > 0 &&
			    (is_cap(tk, k) || (tk->v[k].lex & TITLEISH) ||
			     is_connector(tk, k)) &&
			    !word_is(tk, p, "and") &&
			    /* "guest at the Science Fair": a place, but
			     * "Agent in Charge" */
			    !((word_is(tk, p, "at") ||
			       word_is(tk, p, "in")) &&
			      word_is(tk, k, "the"))) {
				k = p;
				continue;
			}
			/* "pro-democracy activist": the word before a
			 * hyphen in a compound of the role */
			if (h && (t->flags & TOK_LOWER)) {
				k = p;
				continue;
			}
			/* lower-case words before a lower-case title
			 * ("veteran politician", "nonpartisan pan-democrat
			 * lawmaker", "police chief", "council member"), not
			 * a verb ("met president X") */
			if (k < s && (t->flags & TOK_LOWER) && lowmods < 3 &&
			    !(t->lex & ~(LEX_PREFIX | LEX_BIT(LEX_ORG_WORD) |
			                 LEX_BIT(LEX_ANON_WORD))) &&
			    title && lowchain &&
			    (tk->v[k].flags & TOK_LOWER) &&
			    !ends_ed(tk, p) && !verb_before_name(tk, p)) {
				lowmods++;
				k = p;
				continue;
			}
			break;
		}
		/* "[former Museum CEO] X": an editor's bracket */
		if (k == s && char_is(tk, p, ']')) {
			k = p;
			continue;
		}
		if (char_is(tk, p, '-') && k < s &&
		    !(t->flags & TOK_SPACE) &&
		    (is_cap(tk, k) || (tk->v[k].lex & TITLEISH) ||
		     (title && lowchain && (tk->v[k].flags & TOK_LOWER))) &&
		    p > 0 && (tk->v[p - 1].flags & TOK_WORD) &&
		    !(tk->v[p - 1].flags & (TOK_POSS | TOK_DIGIT)) &&
		    !word_is(tk, p - 1, "year") &&
		    !word_is(tk, p - 1, "old")) {
			hyph = (tk->v[k].flags & TOK_LOWER) != 0;
			k = p;
			continue;
		}
		break;
	}
	if (!title) {
		*rs = *rw = s;
		return false;
	}
	/* trim the left: connectors, dashes, then demonyms (affiliation) */
	while (k < s && (!(tk->v[k].flags & TOK_WORD) || is_connector(tk, k) ||
	                 word_is(tk, k, "to") ||
	                 (tk->v[k].lex & LEX_BIT(LEX_STOPWORD))))
		k++;
	*rw = k;
	while (k < s && (!(tk->v[k].flags & TOK_WORD) || is_connector(tk, k) ||
	                 word_is(tk, k, "to") || ph[k].kind ||
	                 (tk->v[k].lex & LEX_BIT(LEX_STOPWORD))))
		k++;
	*rs = k;
	return k < s;
}


/*
 * An honorific that states an office ("Sen. X", "Gov. X", "Gen. X"): the
 * office, spelt out, is the role; "Mr." and "Dr." state none.
 */
static void
honorific_role(struct actors *as, int a, const struct tokens *tk, size_t from,
               size_t to)
{
	static const char *const map[][2] = {
		{ "sen", "Senator" },     { "rep", "Representative" },
		{ "gov", "Governor" },    { "gen", "General" },
		{ "lt", "Lieutenant" },   { "col", "Colonel" },
		{ "capt", "Captain" },    { "sgt", "Sergeant" },
		{ "prof", "Professor" },  { "rev", "Reverend" },
		{ "judge", "Judge" },     { "lord", "Lord" },
		{ "king", "King" },       { "queen", "Queen" },
		{ "prince", "Prince" },   { "princess", "Princess" },
	};
	size_t k, m, len, i;

	if (as->v[a].a.role != NULL)
		return;
	for (k = from; k < to; k++) {
		const char *w = ttext(tk, k);

		len = sentences_len(tk, k);
		if (len > 1 && w[len - 1] == '.')
			len--;
		for (m = 0; m < sizeof map / sizeof map[0]; m++) {
			if (strlen(map[m][0]) != len)
				continue;
			for (i = 0; i < len; i++)
				if ((w[i] | 0x20) != map[m][0][i])
					break;
			if (i == len) {
				as->v[a].a.role = xstrdup(map[m][1]);
				return;
			}
		}
	}
}

/* "(R-Texas)", "(D-Ore.)": a party letter and a state after a name. */
static bool
party_state(struct actors *as, int a, const struct tokens *tk, size_t e)
{
	const char *w;
	const char *party;
	size_t len, close = e + 2;

	if (e + 2 >= tk->n || !char_is(tk, e, '('))
		return false;
	w = ttext(tk, e + 1);
	len = tk->v[e + 1].end - tk->v[e + 1].start;
	if (len < 4 || w[1] != '-' || w[2] < 'A' || w[2] > 'Z')
		return false;
	if (w[0] == 'R')
		party = "Republican";
	else if (w[0] == 'D')
		party = "Democrat";
	else if (w[0] == 'I')
		party = "Independent";
	else
		return false;
	if (char_is(tk, close, '.') && close + 1 < tk->n)
		close++;
	if (!char_is(tk, close, ')'))
		return false;
	if (as->v[a].a.affiliation != NULL)
		return true;
	as->v[a].a.affiliation = xasprintf("%s, %.*s", party, (int)(len - 2),
	                                   w + 2);
	return true;
}

/*
 * Letters after a name at token k ("X, QC,", "X, Ph.D.", "X Jr."): the
 * token after them in *next; *office when they state an office (QC,
 * SC, MP...), which is then a role.
 */
static bool
postnominal(const struct tokens *tk, size_t k, size_t *next, bool *office)
{
	static const char *const offices[] = { "QC", "SC", "KC", "MP", "MSP",
		"MLA", "MPP", "MEP" };
	static const char *const others[] = { "Ph.D.", "PhD", "M.D.", "MD",
		"Jr.", "Jr", "Sr.", "Sr", "Esq.", "OBE", "MBE", "CBE", "KBE" };
	const char *w;
	size_t m, len, end, j;

	if (k >= tk->n || !(tk->v[k].flags & (TOK_CAP | TOK_INITIAL)))
		return false;
	w = ttext(tk, k);
	end = tk->v[tk->n - 1].end;
	for (m = 0; m < sizeof offices / sizeof offices[0] + sizeof others /
	                sizeof others[0]; m++) {
		const char *o = m < sizeof offices / sizeof offices[0] ?
		    offices[m] : others[m - sizeof offices / sizeof offices[0]];

		len = strlen(o);
		if (tk->v[k].start + len > end || memcmp(w, o, len) != 0)
			continue;
		/* the letters end a word */
		for (j = k; j < tk->n && tk->v[j].end < tk->v[k].start + len; j++)
			;
		if (j >= tk->n || tk->v[j].end != tk->v[k].start + len)
			continue;
		*next = j + 1;
		*office = m < sizeof offices / sizeof offices[0];
		return true;
	}
	return false;
}

/*
 * Whether the apposition [k, end) after a name, its determiner at det
 * (det == k: none), describes the person though it holds no listed
 * title: "X, a 14-year-old boy from Y," "X, the voice of Z,". It must
 * open with "a"/"an" and a lower-case word, or be "the NOUN of ...", and
 * end the clause (a comma, a full stop, a bracket or the sentence end);
 * a time phrase ("an hour later") or a clause ("a move that ...") is
 * none.
 */
static bool
description(const struct tokens *tk, size_t det, size_t k, size_t end)
{
	size_t j;

	if (k >= end || end - k > 10)
		return false;
	if (det == k) {
		/* "X, father of three,", "X, co-ordinator of Y,": a bare
		 * lower-case noun and "of" */
		j = k;
		if (j + 2 < end && char_is(tk, j + 1, '-') &&
		    !(tk->v[j + 1].flags & TOK_SPACE))
			j += 2;
		if (!(tk->v[k].flags & TOK_LOWER) || j + 1 >= end ||
		    !word_is(tk, j + 1, "of") ||
		    word_is(tk, k, "both") || word_is(tk, k, "all") ||
		    word_is(tk, k, "one") || word_is(tk, k, "some") ||
		    word_is(tk, k, "most") || word_is(tk, k, "many") ||
		    word_is(tk, k, "none") || word_is(tk, k, "each") ||
		    word_is(tk, k, "instead") ||
		    word_is(tk, k, "either") ||
		    word_is(tk, k, "neither") ||
		    word_is(tk, k, "because") ||
		    word_is(tk, k, "out") || word_is(tk, k, "ahead"))
			return false;
	}
	if (end < tk->n && !char_is(tk, end, ',') &&
	    !char_is(tk, end, '.') && !char_is(tk, end, ')') &&
	    !char_is(tk, end, ';') &&
	    tk->sent_of[end] == tk->sent_of[k])
		return false;
	if (det == k) {
		/* checked above */
	} else if (word_ieq(tk, det, "the")) {
		if (!(tk->v[k].flags & TOK_LOWER) || k + 1 >= end ||
		    !word_is(tk, k + 1, "of"))
			return false;
	} else if (!(tk->v[k].flags & (TOK_LOWER | TOK_DIGIT)) &&
	           !(tk->v[k].lex & LEX_BIT(LEX_TITLE_MOD))) {
		/* "a Booker Prize-winner": a lower-case word must follow */
		for (j = k; j < end && !(tk->v[j].flags & TOK_LOWER); j++)
			;
		if (j == end)
			return false;
	}
	for (j = k; j < end; j++) {
		/* "a 14-year-old boy": a word in a compound is no time */
		if (!(tk->v[j].flags & TOK_SPACE) && j > k &&
		    char_is(tk, j - 1, '-'))
			continue;
		if (word_is(tk, j, "later") ||
		    word_is(tk, j, "earlier") ||
		    word_is(tk, j, "ago") ||
		    word_is(tk, j, "that") ||
		    word_is(tk, j, "after") ||
		    word_is(tk, j, "before") ||
		    word_is(tk, j, "day") ||
		    word_is(tk, j, "week") ||
		    word_is(tk, j, "year") ||
		    word_is(tk, j, "time") ||
		    word_is(tk, j, "move") ||
		    word_is(tk, j, "claim") ||
		    word_is(tk, j, "charge"))
			return false;
	}
	return true;
}

static void apposition_at(struct actors *as, int a, const struct tokens *tk,
                          size_t e);

/* The apposition after a person's name at e: "X, a lecturer at Y,". */
static void
apposition(struct actors *as, int a, const struct tokens *tk, size_t e)
{
	size_t k, end, lim, os, oe;

	if (e >= tk->n)
		return;
	/* "Dr. Eric Meloche from the College of DuPage": an organisation
	 * (a place after "from" is no affiliation) */
	if (word_is(tk, e, "from") && as->v[a].a.affiliation == NULL) {
		k = e + 1;
		if (k < tk->n && word_ieq(tk, k, "the"))
			k++;
		if (k < tk->n && is_cap(tk, k) && same_ctx(tk, e, k)) {
			end = run_end(tk, k);
			/* "... of DuPage and Jennifer Erickson" */
			for (lim = k; lim < end && !word_is(tk, lim, "and");
			     lim++)
				;
			if (org_in(tk, k, lim, &os, &oe))
				as->v[a].a.affiliation =
				    sentences_clean(tk->text, tk->v[os].start,
				                    tk->v[oe - 1].core_end);
		}
		return;
	}
	if ((word_is(tk, e, "of") || word_is(tk, e, "for")) &&
	    as->v[a].a.affiliation == NULL) {
		/* "Luca Anceschi of the University of Glasgow", "Lydia
		 * Buchtmann for Food Standards Australia", "X of NASA" */
		k = e + 1;
		if (k < tk->n && word_ieq(tk, k, "the"))
			k++;
		if (k < tk->n && is_cap(tk, k) && same_ctx(tk, e, k)) {
			end = run_end(tk, k);
			if (org_in(tk, k, end, &os, &oe))
				as->v[a].a.affiliation =
				    sentences_clean(tk->text, tk->v[os].start,
				          tk->v[oe - 1].core_end);
			else if (end - k >= 2 || ph[k].kind == LEX_OUTLET + 1 ||
			         ((tk->v[k].flags & TOK_UPPER) && !ph[k].kind &&
			          sentences_len(tk, k) >= 2))
				as->v[a].a.affiliation =
				    sentences_clean(tk->text, tk->v[k].start,
				          tk->v[end - 1].core_end);
		}
		return;
	}
	if ((word_is(tk, e, "is") || word_is(tk, e, "was")) &&
	    e + 1 < tk->n && is_det(tk, e + 1)) {
		for (k = e + 2; k < tk->n && k < e + 6; k++) {
			if (!(tk->v[k].flags & TOK_WORD))
				break;
			if (tk->v[k].lex & LEX_BIT(LEX_TITLE)) {
				set_role(as, a, tk, e + 2, k + 1);
				return;
			}
		}
		return;
	}
	if (party_state(as, a, tk, e))
		return;
	/* "X (a spokesman for Y)": a bracket like a comma; "X (Y), an
	 * officer": the comma after a bracket that held no role */
	if (char_is(tk, e, '(') && as->v[a].a.role == NULL) {
		for (k = e + 1; k < tk->n && k < e + 16 &&
		                !char_is(tk, k, ')');
		     k++)
			;
		if (k + 1 < tk->n && char_is(tk, k, ')') &&
		    char_is(tk, k + 1, ',') && same_ctx(tk, e, k + 1)) {
			apposition_at(as, a, tk, e);
			if (as->v[a].a.role == NULL)
				apposition_at(as, a, tk, k + 1);
			return;
		}
	}
	apposition_at(as, a, tk, e);
}

/* Whether a role is a rank or honorific alone: "Army Gen.", "Lt. Col.",
 * "Dr." (three words at most, the last abbreviated). */
static bool
rank_only(const char *role)
{
	size_t n = strlen(role), words = 1, k;

	for (k = 0; k < n; k++)
		words += role[k] == ' ';
	return n > 0 && n <= 24 && words <= 3 && role[n - 1] == '.';
}

/* The apposition opening at token e, a comma or a bracket. */
static void
apposition_at(struct actors *as, int a, const struct tokens *tk, size_t e)
{
	size_t k, end, lim, os, oe, det;
	bool title = false;
	const char *c;

	if ((!char_is(tk, e, ',') && !char_is(tk, e, '(')) ||
	    e + 1 >= tk->n)
		return;
	k = e + 1;
	/* "X, QC, a barrister": the letters, then on */
	{
		size_t nx;
		bool office;

		if (char_is(tk, e, ',') &&
		    postnominal(tk, k, &nx, &office)) {
			if (office)
				set_role(as, a, tk, k, nx);
			if (nx + 1 < tk->n && char_is(tk, nx, ','))
				k = nx + 1;
			else
				return;
		}
	}
	/* "X, 42, a homeopath": an age first */
	if (k + 2 < tk->n && (tk->v[k].flags & TOK_DIGIT) &&
	    char_is(tk, k + 1, ',') && sentences_len(tk, k) <= 3)
		k += 2;
	/* "X, Flint, Michigan pediatrician and ...": a town, then its
	 * state or country opening the role */
	if (k + 3 < tk->n && is_cap(tk, k) && (tk->v[k].flags & TOK_WORD) &&
	    char_is(tk, k + 1, ',') && is_cap(tk, k + 2) &&
	    same_ctx(tk, e, k + 2) &&
	    ((ph[k + 2].kind && ph[k + 2].kind != LEX_OUTLET + 1 &&
	      ph[k + 2].kind != PH_NAME) ||
	     lexicon_has(LEX_PLACE_NAME, ttext(tk, k + 2),
	                 sentences_len(tk, k + 2))))
		k += 2;
again:
	/* "X, 42, and his wife Y": a list; "X, with illustrator Y": an
	 * adverbial; no apposition (all lower-case words) */
	if ((tk->v[k].flags & TOK_LOWER) &&
	    (word_is(tk, k, "and") || word_is(tk, k, "or") ||
	    word_is(tk, k, "with") || word_is(tk, k, "in") ||
	    word_is(tk, k, "at") || word_is(tk, k, "on") ||
	    word_is(tk, k, "after") || word_is(tk, k, "during") ||
	    word_is(tk, k, "by") || word_is(tk, k, "while") ||
	    word_is(tk, k, "when") || word_is(tk, k, "as")))
		return;
	det = k;
	if (is_det(tk, k))
		k++;
	lim = k + 30 < tk->n ? k + 30 : tk->n;
	for (end = k; end < lim; end++) {
		const struct token *t = &tk->v[end];

		/* punctuation is no word; "who" and "which" are lower
		 * case */
		if (!same_ctx(tk, e, end) ||
		    (!(t->flags & TOK_WORD) &&
		     (char_is(tk, end, ',') ||
		      char_is(tk, end, '.') ||
		      char_is(tk, end, '(') ||
		      char_is(tk, end, ';') ||
		      char_is(tk, end, ')'))) ||
		    (t->lex & LEX_BIT(LEX_SPEECH_VERB)) ||
		    ((t->flags & TOK_LOWER) &&
		     (word_is(tk, end, "who") ||
		      word_is(tk, end, "which"))))
			break;
		/* a role stops at a verb: "... in Golden each received" */
		if (end > k && (t->flags & TOK_LOWER) &&
		    ((t->lex & (LEX_BIT(LEX_AUX) | LEX_BIT(LEX_STANCE_VERB))) ||
		     word_is(tk, end, "each") ||
		     word_is(tk, end, "both") ||
		     word_is(tk, end, "also") ||
		     (is_cap(tk, end - 1) && ends_ed(tk, end))))
			break;
		if ((t->lex & LEX_BIT(LEX_TITLE)) && end < k + 6)
			title = true;
	}
	/* "X, University of Utah, president of ...": an organisation
	 * alone, then the role */
	if (!title && end > k && end + 1 < tk->n && k == e + 1 &&
	    char_is(tk, end, ',') && is_cap(tk, k) &&
	    org_in(tk, k, end, &os, &oe) && os == k && oe == end) {
		if (as->v[a].a.affiliation == NULL)
			as->v[a].a.affiliation = sentences_clean(
			    tk->text, tk->v[os].start, tk->v[oe - 1].core_end);
		k = end + 1;
		goto again;
	}
	if (!title && !description(tk, det, k, end))
		return;
	if (end == k)
		return;
	/* "Army Gen. Tommy Franks, the Central Command chief,": a rank
	 * alone before the name keeps the office after it */
	if (as->v[a].a.role != NULL && rank_only(as->v[a].a.role)) {
		char *app = sentences_clean(tk->text, tk->v[k].start,
		                            tk->v[end - 1].end);
		char *both = xasprintf("%s, %s", as->v[a].a.role, app);

		free(app);
		free(as->v[a].a.role);
		as->v[a].a.role = both;
	}
	set_role(as, a, tk, k, end);
	if (org_in(tk, k, end, &os, &oe) && as->v[a].a.affiliation == NULL)
		as->v[a].a.affiliation =
		    sentences_clean(tk->text, tk->v[os].start, tk->v[oe - 1].core_end);
	if ((c = country_in(tk, k, end)) != NULL)
		set_affiliation(as, a, c);
}

/*
 * The start of the lowercase title words ending just before token o
 * ("secretary general", "co-founder"), when at least one is a title and
 * a determiner, a possessive or the sentence start comes before them;
 * else o.
 */
static size_t
title_words_before(const struct tokens *tk, size_t o)
{
	size_t k = o;
	bool title = false;

	while (k > 0 && k + 4 > o) {
		const struct token *t = &tk->v[k - 1];

		if ((t->flags & TOK_WORD) &&
		    (t->lex & (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_TITLE_MOD))) &&
		    ((t->flags & TOK_LOWER) || (t->flags & TOK_SENTSTART))) {
			if (t->lex & LEX_BIT(LEX_TITLE))
				title = true;
			k--;
			continue;
		}
		/* "Co-founder": a prefix joined by a hyphen */
		if (char_is(tk, k - 1, '-') && k >= 2 &&
		    !(t->flags & TOK_SPACE) && (tk->v[k - 2].flags & TOK_WORD) &&
		    k < o) {
			k -= 2;
			continue;
		}
		break;
	}
	if (!title || k == o)
		return o;
	/* "As head of the Yuanhua Group, Lai Changxing": "as" too */
	if ((tk->v[k].flags & TOK_SENTSTART) ||
	    (k > 0 && (is_det(tk, k - 1) || (tk->v[k - 1].flags & TOK_POSS) ||
	               word_ieq(tk, k - 1, "as") ||
	               word_ieq(tk, k - 1, "his") ||
	               word_ieq(tk, k - 1, "her") ||
	               word_ieq(tk, k - 1, "its") ||
	               word_ieq(tk, k - 1, "their"))))
		return k;
	return o;
}

/* "his Kyrgyz counterpart, Sadyr Japarov": a title just before ", X". */
static void
role_comma_before(struct actors *as, int a, const struct tokens *tk, size_t s)
{
	size_t k, t;

	/* "their father, 53-year-old X": an age between comma and name */
	if (s >= 6 && word_is(tk, s - 1, "old")) {
		for (k = s - 1; k > s - 6 && !(tk->v[k].flags & TOK_DIGIT); k--)
			if (!char_is(tk, k, '-') &&
			    !word_is(tk, k, "year") &&
			    !word_is(tk, k, "years") &&
			    !word_is(tk, k, "old"))
				break;
		if ((tk->v[k].flags & TOK_DIGIT) && k >= 2)
			s = k;
	}
	if (s < 2 || !char_is(tk, s - 1, ','))
		return;
	/* "the president of the Lombardy region, Roberto Maroni,", "The
	 * secretary general of X (Y), Z", "Co-founder of Google, Z" */
	for (k = s - 1; k > 1 && k + 12 > s; k--) {
		if (k < s - 1 &&
		    (word_is(tk, k, "of") || word_is(tk, k, "for")) &&
		    (t = title_words_before(tk, k)) < k) {
			set_role(as, a, tk, t, s - 1);
			return;
		}
		if (!same_ctx(tk, s - 1, k - 1) ||
		    (tk->v[k - 1].lex & LEX_BIT(LEX_SPEECH_VERB)))
			break;
	}
	/* "Malaysia's Prime Minister, Najib Razak said" */
	if (!(tk->v[s - 2].lex & LEX_BIT(LEX_TITLE)) ||
	    !(tk->v[s - 2].flags & (TOK_LOWER | TOK_CAP)))
		return;
	t = s - 2;
	for (k = t; k > 0 && k + 3 > t; k--) {
		const struct token *p = &tk->v[k - 1];

		if (!(p->flags & TOK_WORD) ||
		    (p->lex & LEX_BIT(LEX_STOPWORD)) ||
		    (p->lex & LEX_BIT(LEX_PRONOUN)))
			break;
	}
	while (k < t && ph[k].kind)
		k++;
	set_role(as, a, tk, k, t + 1);
	set_affiliation(as, a, country_in(tk, k > 3 ? k - 3 : 0, t));
}

/*
 * "NASA's Jane Roe", "Russia's Ivan Petrov", "the Green Party's Ann
 * Lee": an organisation, outlet or country in the possessive right
 * before a name is the person's affiliation (a person's possessive,
 * "Smith's Ann Lee", is none).
 */
static void
poss_org(struct actors *as, int a, const struct tokens *tk, size_t s)
{
	size_t p, b, os, oe;

	if (s == 0 || as->v[a].a.affiliation != NULL)
		return;
	p = s - 1;
	if (!(tk->v[p].flags & TOK_POSS) || !is_cap(tk, p) ||
	    !same_ctx(tk, s, p))
		return;
	if (ph[p].kind && ph[p].kind != LEX_OUTLET + 1) {
		/* the phrase's first token holds the country */
		for (b = p; b > 0 && !ph[b].len && ph[b - 1].kind == ph[p].kind;
		     b--)
			;
		set_affiliation(as, a, ph[b].value);
		return;
	}
	if (((tk->v[p].flags & TOK_UPPER) && sentences_len(tk, p) >= 2) ||
	    ph[p].kind == LEX_OUTLET + 1) {
		for (b = p; ph[p].kind && b > 0 && !ph[b].len; b--)
			;
		as->v[a].a.affiliation = sentences_clean(
		    tk->text, tk->v[b].start, tk->v[p].core_end);
		return;
	}
	/* an organisation run ending at the possessive */
	for (b = p; b > 0 && b + 8 > p && same_ctx(tk, p, b - 1) &&
	            !(tk->v[b - 1].flags & TOK_POSS) &&
	            !word_is(tk, b - 1, "and") &&
	            (is_cap(tk, b - 1) || is_connector(tk, b - 1));
	     b--)
		;
	/* "pro-Beijing New People Party's": not the hyphened word */
	while (b < p && (!is_cap(tk, b) ||
	                 (b > 0 && !(tk->v[b].flags & TOK_SPACE) &&
	                  char_is(tk, b - 1, '-'))))
		b++;
	if (org_in(tk, b, p + 1, &os, &oe) && oe == p + 1 &&
	    (tk->v[p].lex & (LEX_BIT(LEX_ORG_WORD) | LEX_BIT(LEX_OUTLET))))
		as->v[a].a.affiliation = sentences_clean(
		    tk->text, tk->v[os].start, tk->v[p].core_end);
}

/* The person whose affiliation came from a possessive ("DAB's A"), and
 * the token after its name: "and B" right after shares it. Reset by
 * actors_scan(). */
static int poss_actor = -1;
static size_t poss_end;

/*
 * The possessive right before a name at s (the name ends at e): an
 * organisation, outlet or country is the affiliation (poss_org()); a
 * lower-case one is the role ("the pan-democracy camp's X" -> "pan-
 * democracy camp"). "ORG's A and B": B shares A's.
 */
static void
poss_affiliation(struct actors *as, int a, const struct tokens *tk, size_t s,
                 size_t e)
{
	struct ent *x = &as->v[a];
	size_t p = s - 1, b, n;

	if (s > 0 && (tk->v[p].flags & TOK_POSS) && same_ctx(tk, s, p)) {
		if (is_cap(tk, p)) {
			poss_org(as, a, tk, s);
		} else if (x->a.role == NULL && (tk->v[p].flags & TOK_LOWER) &&
		           !(tk->v[p].lex & ~(LEX_PREFIX | LEX_BIT(LEX_ORG_WORD)))) {
			for (b = p, n = 0; b > 0 && n < 4; n++) {
				const struct token *t = &tk->v[b - 1];

				if (char_is(tk, b - 1, '-') &&
				    !(t->flags & TOK_SPACE) && b >= 2 &&
				    (tk->v[b - 2].flags & TOK_LOWER)) {
					b -= 2;
					continue;
				}
				if (!(t->flags & TOK_LOWER) ||
				    (t->lex & ~(LEX_PREFIX |
				                LEX_BIT(LEX_TITLE_MOD))) ||
				    ends_ed(tk, b - 1) ||
				    verb_before_name(tk, b - 1))
					break;
				b--;
			}
			/* one word ("the agency's X") may be an owner, not
			 * a description */
			if (b < p)
				x->a.role = sentences_clean(tk->text,
				                            tk->v[b].start,
				                            tk->v[p].core_end);
		}
		if (x->a.affiliation != NULL || x->a.role != NULL) {
			poss_actor = a;
			poss_end = e;
		}
		return;
	}
	if (poss_actor >= 0 && poss_actor != a && poss_end + 1 == s &&
	    word_is(tk, poss_end, "and")) {
		const struct ent *o = &as->v[poss_actor];

		if (x->a.affiliation == NULL && o->a.affiliation != NULL)
			x->a.affiliation = xstrdup(o->a.affiliation);
		if (x->a.role == NULL && o->a.role != NULL)
			x->a.role = xstrdup(o->a.role);
		poss_actor = -1;
	}
}

/* "founded by X", "led by X": the agent noun of the verb is the role. */
static void
agent_role(struct actors *as, int a, const struct tokens *tk, size_t s)
{
	static const char *const map[][2] = {
		{ "founded", "founder" },     { "created", "creator" },     { "invented", "inventor" },
		{ "led", "leader" },          { "directed", "director" },
		{ "organised", "organiser" }, { "organized", "organizer" },
		{ "designed", "designer" },   { "painted", "painter" },
		{ "chaired", "chair" },
	};
	size_t m;

	if (s < 2 || as->v[a].a.role != NULL || !word_is(tk, s - 1, "by"))
		return;
	for (m = 0; m < sizeof map / sizeof map[0]; m++)
		if (word_is(tk, s - 2, map[m][0])) {
			as->v[a].a.role = xstrdup(map[m][1]);
			return;
		}
}

/* The verbs that take a role after "as": "resigned as minister". */
static bool
as_verb(const struct tokens *tk, size_t i)
{
	static const char *const v[] = { "resign", "resigned", "resigns",
		"serve", "served", "serves", "serving", "appointed", "named",
		"elected", "re-elected", "nominated", "confirmed", "installed",
		"hired", "work", "worked", "works", "working", "retired",
		"retires", "quit", "down", "over", "in", "remains", "remained",
		"continues", "continued", "reappointed", "chosen", "selected",
		NULL };

	if (!(tk->v[i].flags & TOK_LOWER))
		return false;
	return sentences_eq_any(tk, i, v);
}

/*
 * "X, who heads the opposition party,", "X, 24, who works for the city
 * administration,": a relative clause after the name whose verb tells an
 * occupation (role_after_as() reads "who is the ...") is the role when
 * the name has none, up to its comma; an organisation named in it is the
 * affiliation. Not "X, who turns 80 this month,".
 */
static void
role_relative(struct actors *as, int a, const struct tokens *tk, size_t e)
{
	/* verbs of an occupation: "who heads", "who worked for" */
	static const char *const role_verbs[] = {
		"heads", "headed", "leads", "led", "runs", "ran", "works",
		"worked", "chairs", "chaired", "directs", "directed",
		"manages", "managed", "serves", "served", "teaches", "taught",
		"represents", "represented", "owns", "owned", "founded",
		"co-founded", "coaches", "coached", "edits", "edited",
		"tracks", "covers", "covered", "studies", "studied",
		"advises", "advised", "oversees", "oversaw", "commands",
		"commanded", "organised", "organized", "organises",
		"organizes", NULL
	};
	size_t w = e, k, os, oe;

	if (as->v[a].a.role != NULL || e + 3 >= tk->n || !char_is(tk, e, ','))
		return;
	/* ", 24, who" */
	if ((tk->v[e + 1].flags & TOK_DIGIT) && e + 4 < tk->n &&
	    char_is(tk, e + 2, ','))
		w = e + 2;
	if (!word_is(tk, w + 1, "who") || w + 2 >= tk->n)
		return;
	w += 2;
	if (!(tk->v[w].flags & TOK_LOWER) ||
	    !sentences_eq_any(tk, w, role_verbs))
		return;
	for (k = w; k < tk->n && k < w + 14; k++)
		if (!same_ctx(tk, w, k) || char_is(tk, k, ',') ||
		    (tk->v[k].lex & LEX_BIT(LEX_SPEECH_VERB)) ||
		    (k > w && (tk->v[k].flags & TOK_SENTSTART)) ||
		    (!(tk->v[k].flags & TOK_WORD) && !char_is(tk, k, '-') &&
		     !char_is(tk, k, '\'')))
			break;
	/* up to its comma, its full stop, or the verb it forgot the comma
	 * before ("who tracks sites for NBC News said") */
	if (k == w + 1 || k >= w + 14 ||
	    (k < tk->n && !char_is(tk, k, ',') && !char_is(tk, k, '.') &&
	     !(tk->v[k].lex & LEX_BIT(LEX_SPEECH_VERB))))
		return;
	set_role(as, a, tk, w, k);
	if (as->v[a].a.affiliation == NULL && org_in(tk, w, k, &os, &oe))
		as->v[a].a.affiliation = sentences_clean(
		    tk->text, tk->v[os].start, tk->v[oe - 1].core_end);
}

/*
 * A role after a verb and "as", later in the sentence of the name that
 * ends at e: "X was forced to resign as foreign minister", "X, who served
 * as chief executive of Y,"; or after "who is/was/became" and a
 * determiner: "X, who is the director of Y,". The words between hold no
 * other name; the
 * role is title words (capitalised or not) with at least one title,
 * and "of ORG" after it.
 */
static void
role_after_as(struct actors *as, int a, const struct tokens *tk, size_t e)
{
	/* (their first letters: j, w, s) */
	static const char *const gap_verbs[] = { "join", "joins", "joined",
		"joining", "work", "works", "worked", "working", "serve",
		"serves", "served", "serving", NULL };
	size_t j, k, r, last = 0, os, oe;
	size_t gap = 0; /* after a verb of gap_verbs: its index + 1 */

	if (as->v[a].a.role != NULL)
		return;
	for (j = e; j < tk->n && j < e + 10; j++) {
		if (word_is(tk, j, "as") && j > e &&
		    (as_verb(tk, j - 1) || (gap > 0 && j <= gap + 4)))
			break;
		/* "joined the firm as", "will join EPA as": the subject's
		 * role past the verb's object (not "appointed Y as": Y's) */
		if (gap == 0 && (tk->v[j].flags & TOK_LOWER) &&
		    (tk->text[tk->v[j].start] == 'j' ||
		     tk->text[tk->v[j].start] == 'w' ||
		     tk->text[tk->v[j].start] == 's') &&
		    sentences_eq_any(tk, j, gap_verbs)) {
			gap = j + 1; /* the token after the verb */
			continue;
		}
		if (gap > 0 && j >= gap && j < gap + 3 &&
		    (tk->v[j].flags & TOK_WORD) && !word_is(tk, j, "as"))
			continue;
		/* "X, who is the director of Y," */
		if (j > e && word_is(tk, j - 1, "who") &&
		    (word_is(tk, j, "is") || word_is(tk, j, "was") ||
		     word_is(tk, j, "became")) &&
		    j + 1 < tk->n &&
		    (is_det(tk, j + 1) ||
		     /* "who is director of ..." */
		     (tk->v[j + 1].lex &
		      (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_TITLE_MOD)))))
			break;
		if (!(tk->v[j].flags & TOK_WORD) && !char_is(tk, j, ',') &&
		    !char_is(tk, j, '-'))
			return;
		if ((tk->v[j].flags & TOK_WORD) && is_cap(tk, j))
			return;
		if (j > e && (tk->v[j].flags & TOK_SENTSTART))
			return;
	}
	if (j >= tk->n || j >= e + 10 || !same_ctx(tk, e, j))
		return;
	r = j + 1;
	if (r < tk->n && (is_det(tk, r) || word_is(tk, r, "its") ||
	                  word_is(tk, r, "his") ||
	                  word_is(tk, r, "her") ||
	                  word_is(tk, r, "their")))
		r++;
	for (k = r; k < tk->n && k < r + 6; k++) {
		const struct token *t = &tk->v[k];

		if (!(t->flags & TOK_WORD) || !same_ctx(tk, e, k) ||
		    (k > r && (t->flags & TOK_SENTSTART)))
			break;
		if (t->lex & LEX_BIT(LEX_TITLE)) {
			last = k + 1;
			continue;
		}
		if ((t->lex & LEX_BIT(LEX_TITLE_MOD)) ||
		    (is_cap(tk, k) && !(t->lex & LEX_BIT(LEX_STOPWORD))) ||
		    char_is(tk, k, '-'))
			continue;
		break;
	}
	if (last == 0)
		return;
	/* "chief executive of Norsk Data" */
	if (last + 1 < tk->n && word_is(tk, last, "of")) {
		k = last + 1;
		if (word_is(tk, k, "the") && k + 1 < tk->n)
			k++;
		if (is_cap(tk, k) && same_ctx(tk, e, k))
			last = run_end(tk, k);
	}
	set_role(as, a, tk, r, last);
	if (as->v[a].a.affiliation == NULL && org_in(tk, r, last, &os, &oe))
		as->v[a].a.affiliation = sentences_clean(
		    tk->text, tk->v[os].start, tk->v[oe - 1].core_end);
}

/* Whether tokens [from, to) are all honorifics ("Dr.", "Mr."), which
 * are no role. */
static bool
honorifics_only(const struct tokens *tk, size_t from, size_t to)
{
	size_t k;

	for (k = from; k < to; k++)
		if ((tk->v[k].flags & TOK_WORD) &&
		    (!(tk->v[k].lex & LEX_BIT(LEX_HONORIFIC)) ||
		     !(tk->v[k].flags & TOK_CAP)))
			return false; /* "his father X": a role */
	return true;
}

/*
 * A name in a list that a plural title heads: "photographers A, B and
 * C", "athletes A (tennis) and B" share the first name's role; "defectors
 * ... including A and B", "photographers ..., such as A, B" take the
 * plural title found a few words before "including"/"such as" in the
 * same sentence.
 */
static void
list_role(struct actors *as, int a, const struct tokens *tk, size_t ns,
          size_t e)
{
	size_t j, k, words;

	if (as->v[a].a.role != NULL)
		return;
	if (list_actor >= 0 && list_actor != a && list_end <= ns &&
	    as->v[list_actor].a.role != NULL) {
		for (j = list_end; j < ns; j++) {
			if (char_is(tk, j, ',') || word_is(tk, j, "and") ||
			    word_is(tk, j, "or"))
				continue;
			/* "publishers A of Rolling Stone and B": the
			 * affiliation of the name before */
			if ((word_is(tk, j, "of") ||
			     word_is(tk, j, "from")) &&
			    j + 1 < ns) {
				k = j + 1;
				if (word_is(tk, k, "the") && k + 1 < ns)
					k++;
				if (is_cap(tk, k)) {
					k = run_end(tk, k);
					/* the run went on over "and B" */
					while (k > j + 1 && k > ns)
						k--;
					if (k <= ns) {
						j = k - 1;
						continue;
					}
				}
			}
			if (char_is(tk, j, '(')) {
				/* "(tennis)" */
				for (k = j + 1; k < ns && k < j + 5 &&
				                !char_is(tk, k, ')');
				     k++)
					;
				if (k < ns && char_is(tk, k, ')')) {
					j = k;
					continue;
				}
			}
			break;
		}
		if (j == ns) {
			as->v[a].a.role = xstrdup(as->v[list_actor].a.role);
			list_end = e;
			list_actor = a;
			return;
		}
	}
	if (ns >= 1 && (word_is(tk, ns - 1, "including") ||
	                word_is(tk, ns - 1, "like")))
		j = ns - 1;
	else if (ns >= 2 && word_is(tk, ns - 2, "such") &&
	         word_is(tk, ns - 1, "as"))
		j = ns - 2;
	else
		return;
	for (k = j, words = 0; k > 0 && words < 12; k--, words++) {
		if (tk->sent_of[k - 1] != tk->sent_of[ns] ||
		    !same_ctx(tk, ns, k - 1))
			break;
		if (plural_title(tk, k - 1)) {
			set_role(as, a, tk, k - 1, k);
			list_actor = a;
			list_end = e;
			return;
		}
	}
}

/* Whether a speech verb follows token e (perhaps after an auxiliary). */
static bool
speech_follows(const struct tokens *tk, size_t e)
{
	size_t k;

	for (k = e; k < tk->n && k < e + 3; k++) {
		if (tk->v[k].lex & LEX_BIT(LEX_SPEECH_VERB))
			return (tk->v[k].flags & TOK_LOWER) != 0;
		if (!(tk->v[k].lex & LEX_BIT(LEX_AUX)))
			return false;
	}
	return false;
}

static bool
speech_precedes(const struct tokens *tk, size_t s)
{
	return s > 0 && (tk->v[s - 1].lex & LEX_BIT(LEX_SPEECH_VERB)) &&
	       (tk->v[s - 1].flags & TOK_LOWER);
}

/*
 * A name's key, in buf (size 128): a '~', then its words one space apart,
 * hyphens as spaces, middle initials left out; 0 when it does not fit.
 * "Kim Jong-Un" and "Kim Jong Un" share it, so do "Compton J. Tucker" and
 * "Compton Tucker".
 */
static bool
key_gap(char c)
{
	return c == ' ' || c == '-' || c == '\n' || c == '\t' || c == '\r';
}

static size_t
spaced_key(const char *name, size_t len, char *buf)
{
	size_t i = 0, j, n = 1, words = 0;

	buf[0] = '~';
	while (i < len) {
		while (i < len && key_gap(name[i]))
			i++;
		for (j = i; j < len && !key_gap(name[j]); j++)
			;
		if (j == i)
			break;
		/* "J." between the first and the last word */
		if (words > 0 && j < len && j - i == 2 && name[i] >= 'A' &&
		    name[i] <= 'Z' && name[i + 1] == '.') {
			i = j;
			continue;
		}
		if (n + 1 + (j - i) > 128)
			return 0;
		if (words++ > 0)
			buf[n++] = ' ';
		memcpy(buf + n, name + i, j - i);
		n += j - i;
		i = j;
	}
	return n;
}

/* The person of a spaced key (spaced_key(), n bytes; 0: none), or -1. */
static int
spaced_get(const struct actors *as, const char *key, size_t n)
{
	int a = n ? map_get(as->names, key, n) : -1;

	return a >= 0 && as->v[a].a.kind == ACTOR_PERSON ? a : -1;
}

/* Let the spaced key (n bytes; 0: none) name person a unless it names
 * someone. */
static void
spaced_set(struct actors *as, const char *key, size_t n, int a)
{
	if (n)
		strmap_add(as->names, key, n, a);
}

/* Remove alias s from person o's list (the names map keeps it: a lone
 * "Chan" still finds a Chan). */
static void
drop_alias(struct actors *as, int o, const char *s, size_t len)
{
	struct ent *e = &as->v[o];
	size_t k;

	if (e->a.kind != ACTOR_PERSON)
		return;
	for (k = 0; k < e->a.naliases; k++) {
		if (strlen(e->a.aliases[k]) != len ||
		    memcmp(e->a.aliases[k], s, len) != 0)
			continue;
		free(e->a.aliases[k]);
		memmove(&e->a.aliases[k], &e->a.aliases[k + 1],
		        (e->a.naliases - k - 1) * sizeof *e->a.aliases);
		e->a.naliases--;
		return;
	}
}


/*
 * A recent person whose name and the name [s, e) (two words or more
 * each) are one the other's first words: "Ana Maria Lopez Vega", then
 * "Ana Maria Lopez". The longer form names the person. -1 when none.
 * Looks at the latest 64 actors only.
 */
static int
prefix_person(struct actors *as, const struct tokens *tk, size_t s, size_t e)
{
	const char *name = ttext(tk, s);
	size_t len = tk->v[e - 1].core_end - tk->v[s].start, i, k, n;

	for (i = as->n; i > 0 && i + 64 > as->n; i--) {
		struct ent *p = &as->v[i - 1];
		const char *pn = p->a.name;

		/* a first letter apart (most): no prefix either way; a
		 * one-word name only with a role ("his wife, Maddie,") */
		if (p->a.kind != ACTOR_PERSON || p->initial != lc(name[0]) ||
		    (strchr(pn, ' ') == NULL && p->a.role == NULL))
			continue;
		n = strlen(pn);
		if (n == len)
			continue;
		for (k = 0; k < n && k < len; k++)
			if (lc(pn[k]) != lc(name[k]))
				break;
		if (k < n && k < len)
			continue;
		if (n > len) {
			/* the known name is the longer: "A B C D", "A B C" */
			if (pn[len] != ' ')
				continue;
			actors_alias(as, (int)(i - 1), name, len);
			return (int)(i - 1);
		}
		if (name[n] != ' ' && !(name[n] == '\n' || name[n] == '\t'))
			continue;
		/* the new name is the longer: it names the person */
		{
			char *old = p->a.name;
			int a = (int)(i - 1);

			p->a.name = sentences_clean(tk->text, tk->v[s].start,
			                            tk->v[e - 1].core_end);
			p->initial = lc(p->a.name[0]);
			actors_alias(as, a, old, strlen(old));
			free(old);
			map_set(as->names, p->a.name, strlen(p->a.name), a);
			return a;
		}
	}
	return -1;
}

/* Find or create the person named by tokens [s, e). */
static int
person(struct actors *as, const struct tokens *tk, size_t s, size_t e,
       bool may_create)
{
	const char *name = ttext(tk, s);
	size_t len = tk->v[e - 1].core_end - tk->v[s].start;
	/* the surname: "Abdullah" of "King Abdullah II" */
	size_t sn = e - s > 1 && regnal(tk, e - 1) ? e - 2 : e - 1;
	size_t lastlen = sentences_len(tk, sn);
	int a = map_get(as->names, name, len);
	int last = -1; /* the person known by the last word (e - s > 1) */
	char buf[128], sk[128];
	size_t skn = 0, k;
	bool shared;

	if (a >= 0 && as->v[a].a.kind == ACTOR_PERSON)
		return a;
	/* "Kim Jong-Un" after "Kim Jong Un": one person */
	if (e - s > 1)
		skn = spaced_key(name, len, sk);
	if (e - s > 1 && (a = spaced_get(as, sk, skn)) >= 0) {
		actors_alias(as, a, name, len);
		return a;
	}
	if (e - s == 1) {
		a = map_get(as->surnames, name, len);
		if (a < 0 && len < sizeof buf - 1) {
			buf[0] = '^';
			memcpy(buf + 1, name, len);
			a = map_get(as->surnames, buf, len + 1);
			/* called by the first word ("Xi" for "Xi Jinping"):
			 * that is a form the article uses */
			if (a >= 0 && as->v[a].a.kind == ACTOR_PERSON)
				actors_alias(as, a, name, len);
		}
		if (a >= 0)
			return a;
		if (!may_create)
			return -1;
	} else {
		/* a fuller form of a person known by its last word */
		a = last = map_get(as->surnames, ttext(tk, sn), lastlen);
		/* "Bin Zaid" after "Sharif Ali bin Zaid" */
		if (a >= 0 && as->v[a].a.kind == ACTOR_PERSON &&
		    particles_only(tk, s, e - 1)) {
			actors_alias(as, a, name, len);
			return a;
		}
		if (a >= 0 && strchr(as->v[a].a.name, ' ') == NULL) {
			char *old = as->v[a].a.name;

			as->v[a].a.name = sentences_clean(tk->text, tk->v[s].start,
			                        tk->v[e - 1].core_end);
			as->v[a].initial = lc(as->v[a].a.name[0]);
			actors_alias(as, a, old, strlen(old));
			free(old);
			map_set(as->names, as->v[a].a.name,
			        strlen(as->v[a].a.name), a);
			return a;
		}
		if ((a = prefix_person(as, tk, s, e)) >= 0)
			return a;
		if (!may_create)
			return -1;
	}
	/* a second person of that surname ("Ben Chan", then "Tanya Chan"):
	 * the surname alone names neither */
	shared = false;
	if (e - s > 1) {
		/* prefix_person() changes no surname */
		int o = last;

		if (o >= 0 && as->v[o].a.kind == ACTOR_PERSON) {
			drop_alias(as, o, ttext(tk, sn), lastlen);
			shared = true;
		}
	}
	a = add_actor(as, ACTOR_PERSON,
	              sentences_clean(tk->text, tk->v[s].start, tk->v[e - 1].core_end));
	map_set(as->surnames, ttext(tk, sn), lastlen, a);
	if (e - s > 1) {
		size_t fl = sentences_len(tk, s);

		spaced_set(as, sk, skn, a);
		/* the first name too, marked: "Xi" for "Xi Jinping"; and
		 * a middle name ("Neslisah" for "Fatma Neslisah Osmanoglu") */
		if (fl < sizeof buf - 1) {
			buf[0] = '^';
			memcpy(buf + 1, ttext(tk, s), fl);
			strmap_add(as->surnames, buf, fl + 1, a);
		}
		for (k = s + 1; k < sn; k++) {
			size_t ml = sentences_len(tk, k);

			if (ml < 3 || ml >= sizeof buf - 1 ||
			    !(tk->v[k].flags & TOK_CAP) ||
			    (tk->v[k].flags & TOK_INITIAL))
				continue;
			buf[0] = '^';
			memcpy(buf + 1, ttext(tk, k), ml);
			strmap_add(as->surnames, buf, ml + 1, a);
		}
		if (!(tk->v[sn].flags & TOK_INITIAL) && !shared)
			actors_alias(as, a, ttext(tk, sn), lastlen);
	}
	return a;
}

static void
note_gender(struct actors *as, int a, const struct tokens *tk, size_t from,
            size_t to)
{
	size_t k;

	for (k = from; k < to; k++) {
		const char *g;

		if (!(tk->v[k].lex & LEX_BIT(LEX_HONORIFIC)))
			continue;
		g = lexicon_value(LEX_HONORIFIC, ttext(tk, k),
		                  tk->v[k].end - tk->v[k].start);
		if (g != NULL && (*g == 'm' || *g == 'f'))
			as->v[a].gender = *g;
	}
}

/* Whether token i is an acronym (capitals, perhaps a plural 's'):
 * its first and last capital in *f, *l. */
static bool
acronym(const struct tokens *tk, size_t i, char *f, char *l)
{
	const char *w = ttext(tk, i);
	size_t len = sentences_len(tk, i), k;

	if (len > 1 && w[len - 1] == 's')
		len--;
	if (len < 2 || len > 10)
		return false;
	for (k = 0; k < len; k++)
		if (w[k] < 'A' || w[k] > 'Z')
			return false;
	*f = w[0];
	*l = w[len - 1];
	return true;
}

/*
 * Whether the run [s, e) spells out an acronym next to it: "Coordinated
 * Hurricane Ocean Sampling (CHOS)", "CHOS (Coordinated ... Sampling)":
 * the first and last words start with its first and last letters. Such
 * a run names a thing or a body, not a person.
 */
static bool
expands_acronym(const struct tokens *tk, size_t s, size_t e)
{
	char f, l;
	size_t a;

	if (e + 2 < tk->n && char_is(tk, e, '(') &&
	    char_is(tk, e + 2, ')'))
		a = e + 1;
	else if (s >= 2 && char_is(tk, s - 1, '('))
		a = s - 2;
	else
		return false;
	if (!acronym(tk, a, &f, &l))
		return false;
	return tk->text[tk->v[s].start] == f &&
	       tk->text[tk->v[e - 1].start] == l;
}

/* "James To", "Wilson Or": a capitalised function word inside a
 * sentence right after a given name is a surname. */
static bool
stop_surname(const struct tokens *tk, size_t i)
{
	return i > 0 && (tk->v[i].flags & TOK_CAP) &&
	       sentences_len(tk, i) >= 2 &&
	       !(tk->v[i].lex & LEX_BIT(LEX_PRONOUN)) &&
	       !(tk->v[i].flags & (TOK_SENTSTART | TOK_UPPER)) &&
	       (tk->v[i].lex & LEX_BIT(LEX_STOPWORD)) && !ph[i].kind &&
	       namelike(tk, i - 1) && given_name(tk, i - 1) &&
	       same_ctx(tk, i - 1, i);
}

/*
 * Whether [k, e) opens with a name of two or more name-like words that
 * ends the run or a connector follows: "the Labour Party and Ann Lee of
 * the X", not "Bill and Melinda Gates Foundation".
 */
static bool
name_follows(const struct tokens *tk, size_t k, size_t e)
{
	size_t j = k;

	while (j < e && (namelike(tk, j) || (j > k && stop_surname(tk, j))) &&
	       !(tk->v[j].flags & TOK_INITIAL))
		j++;
	return j - k >= 2 && (j == e || is_connector(tk, j));
}

static void run_one(struct actors *as, struct tokens *tk,
                    struct mentions *ms, size_t s, size_t e);

/* Set while run_one() classifies the organisation part of a run that
 * ends in a person's name (one level only). */
static bool glued;

/*
 * "Bill and Melinda Gates", "teenagers Ana and Rui Costa": a given name
 * alone before "and" and a given name with a surname ending the run (or
 * before a connector) shares that surname. Records the person of [s, k)
 * and returns true; false when the pattern does not hold.
 */
static bool
shared_surname(struct actors *as, struct tokens *tk, struct mentions *ms,
               size_t s, size_t k, size_t e)
{
	size_t rs, rw, aff, fl, ll;
	char *name;
	int a;

	if (k != s + 1 || !word_is(tk, k, "and") || k + 3 > e ||
	    !namelike(tk, s) || !given_name(tk, s) ||
	    !namelike(tk, k + 1) || !given_name(tk, k + 1) ||
	    !namelike(tk, k + 2) || (tk->v[k + 2].flags & TOK_INITIAL) ||
	    (tk->v[s].flags & TOK_POSS) || (tk->v[k + 1].flags & TOK_POSS) ||
	    (k + 3 < e && !is_connector(tk, k + 3)))
		return false;
	if (tk->v[s].flags & TOK_QUOTED)
		return false;
	fl = sentences_len(tk, s);
	ll = sentences_len(tk, k + 2);
	name = xmalloc(fl + ll + 2);
	memcpy(name, ttext(tk, s), fl);
	name[fl] = ' ';
	memcpy(name + fl + 1, ttext(tk, k + 2), ll);
	name[fl + ll + 1] = '\0';
	a = map_get(as->names, name, fl + ll + 1);
	if (a >= 0 && as->v[a].a.kind == ACTOR_PERSON) {
		free(name);
	} else {
		a = add_actor(as, ACTOR_PERSON, name);
		map_set(as->surnames, ttext(tk, k + 2), ll, a);
	}
	if (role_before(tk, s, &rs, &rw, &aff)) {
		if (!honorifics_only(tk, rs, s))
			set_role(as, a, tk, rs, s);
		if (plural_title(tk, s - 1)) {
			list_actor = a;
			list_end = s + 1;
		}
	} else {
		rw = s;
	}
	add_mention(as, tk, ms, a, s, s + 1, rw);
	return true;
}

/*
 * Whether the "and" at k joins two words of one organisation's name
 * after its "of" or "for": "Center for Strategic and International
 * Studies", "Department of Health and Human Services" (one word between
 * the connector and "and", a capitalised word after it: not "... of
 * California and the Justice Department").
 */
static bool
inner_and(const struct tokens *tk, size_t s, size_t k)
{
	return k >= s + 2 && k + 1 < tk->n && is_cap(tk, k - 1) &&
	       is_cap(tk, k + 1) &&
	       (word_is(tk, k - 2, "of") || word_is(tk, k - 2, "for"));
}

/*
 * Classify the capitalised run [s, e) and record its mentions: split at a
 * connector unless an organisation word comes before it ("University of
 * Glasgow" stays, "Luca Anceschi of the ..." splits), then run_one() on
 * each part. A loop, not recursion: a hostile article's run can hold a
 * million connectors ("A of B of C ...").
 */
static void
run(struct actors *as, struct tokens *tk, struct mentions *ms, size_t s,
    size_t e)
{
	size_t k;
	bool org;

again:
	org = false;
	for (k = s; k < e; k++) {
		if ((tk->v[k].lex &
		     (LEX_BIT(LEX_ORG_WORD) | LEX_BIT(LEX_OUTLET))) &&
		    is_cap(tk, k))
			org = true;
		if (is_connector(tk, k) && !(tk->v[k].flags & TOK_CAP) &&
		    !ph[k].kind && k > s && !particle(tk, k, e) &&
		    (!org ||
		     (word_is(tk, k, "and") &&
		      ((namelike(tk, k - 1) && !inner_and(tk, s, k)) ||
		       (k + 1 < e && ph[k + 1].len && ph[k + 1].value) ||
		       name_follows(tk, k + 1, e))))) {
			/* [s, k) has no split of its own: the loop got here */
			if (!shared_surname(as, tk, ms, s, k, e))
				run_one(as, tk, ms, s, k);
			while (k < e && is_connector(tk, k))
				k++;
			if (k < e) {
				s = k;
				goto again;
			}
			return;
		}
	}
	run_one(as, tk, ms, s, e);
}

/*
 * "Public Safety Minister Stockwell Day said", "singer Doris Day": a
 * place word ending the run [s, e) is a surname after a name-like word
 * that follows a title, or when a speech verb follows.
 */
static bool
place_surname(const struct tokens *tk, size_t s, size_t e)
{
	return e >= s + 2 && (tk->v[e - 1].lex & LEX_BIT(LEX_PLACE_WORD)) &&
	       (tk->v[e - 1].flags & TOK_CAP) &&
	       !(tk->v[e - 1].flags & TOK_UPPER) &&
	       ((e >= s + 3 && (tk->v[e - 3].lex & TITLEISH)) ||
	        speech_follows(tk, e));
}

/* Classify the capitalised run [s, e), which has no split left.
 * Recursive one level at most: it calls itself only while !glued, and
 * sets glued for that call. */
static void
/* NOLINTNEXTLINE(misc-no-recursion) */
run_one(struct actors *as, struct tokens *tk, struct mentions *ms, size_t s,
        size_t e)
{
	size_t k, ns, rs, rw, aff, os, oe;
	bool org = false, title, quoted = tk->v[s].flags & TOK_QUOTED;
	int a, known = -1;

	/* no branch per word ('|=' of 0/1 values): which word of a run is
	 * an organisation's varies */
	for (k = s; k < e; k++)
		org |= ((tk->v[k].lex &
		         (LEX_BIT(LEX_ORG_WORD) | LEX_BIT(LEX_OUTLET))) != 0) &
		       ((tk->v[k].flags & (TOK_CAP | TOK_INITIAL)) != 0);
	/* sentence openers and other function words */
	while (s < e && (tk->v[s].lex & LEX_BIT(LEX_STOPWORD)) && !ph[s].kind)
		s++;
	if (s >= e)
		return;
	/* "the state news agency, Petra,", "the ruling party, Fidesz,": a
	 * name in apposition to an organisation's kind is that body; so is
	 * one right after it ("the charity Christian Aid") or after
	 * "CITY-based" */
	if (e - s <= 3 && s >= 2 && char_is(tk, s - 1, ',') &&
	    (tk->v[s - 2].flags & TOK_LOWER) &&
	    (tk->v[s - 2].lex & LEX_BIT(LEX_ORG_WORD)) && e < tk->n &&
	    char_is(tk, e, ',') && !ph[s].kind && !quoted)
		goto organisation;
	/* "his wife, Maddie,", "Kohail's brother, Ali,": a given name
	 * alone in apposition to a possessed title is a person, and the
	 * title is the role */
	if (e == s + 1 && s >= 3 && e < tk->n && char_is(tk, e, ',') &&
	    char_is(tk, s - 1, ',') && (tk->v[s - 2].flags & TOK_LOWER) &&
	    (tk->v[s - 2].lex & LEX_BIT(LEX_TITLE)) &&
	    ((tk->v[s - 3].flags & TOK_POSS) || word_is(tk, s - 3, "his") ||
	     word_is(tk, s - 3, "her") || word_is(tk, s - 3, "their")) &&
	    given_name(tk, s) && !quoted) {
		a = person(as, tk, s, e, true);
		set_role(as, a, tk, s - 2, s - 1);
		add_mention(as, tk, ms, a, s, e, s);
		return;
	}
	/* a name known as an organisation's ("Christian Aid's", "UNICEF
	 * and Christian Aid" after "the charity Christian Aid"); one word
	 * only once a company has a short name ("Acme" after "Acme Corp") */
	if (!ph[s].kind &&
	    (e - s >= 2 ? !(s > 0 && (tk->v[s - 1].flags & TOK_POSS))
	                : as->org_stems)) {
		int o = map_get(as->names, ttext(tk, s),
		                tk->v[e - 1].core_end - tk->v[s].start);

		if (o >= 0 && as->v[o].a.kind == ACTOR_ORGANIZATION) {
			add_mention(as, tk, ms, o, s, e, s);
			return;
		}
	}
	/* "analysts at Goldman Sachs", "an analyst with Eurasia Group":
	 * people are at or with a body, not at a person */
	if (e - s >= 2 && e - s <= 4 && s >= 2 && !ph[s].kind && !quoted &&
	    !(tk->v[s].lex & TITLEISH) &&
	    /* "analysts at Morgan Stanley", not "a partner with Ann
	     * Lee" */
	    (word_is(tk, s - 1, "at") ||
	     (word_is(tk, s - 1, "with") && !given_name(tk, s))) &&
	    (tk->v[s - 2].flags & (TOK_LOWER | TOK_SENTSTART)) &&
	    ((tk->v[s - 2].lex & (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_ANON_WORD))) ||
	     (lexicon_lookup(ttext(tk, s - 2), sentences_len(tk, s - 2) - 1) &
	      LEX_BIT(LEX_TITLE))))
		goto organisation;
	if (e - s <= 4 && s >= 2 && !ph[s].kind && !quoted &&
	    !(tk->v[s].lex & TITLEISH) &&
	    (((tk->v[s - 1].flags & TOK_LOWER) &&
	      (tk->v[s - 1].lex & LEX_BIT(LEX_ORG_WORD)) &&
	      !(tk->v[s - 1].lex &
	        (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_ANON_WORD))) &&
	      is_det(tk, s - 2)) ||
	     (word_is(tk, s - 1, "based") && char_is(tk, s - 2, '-'))))
		goto organisation;
	/* "Michael Jordan", "Paris Hilton": a given name and a one-word
	 * country or capital are a person's name */
	/* later "Jordan said": the surname of that person, not the
	 * country */
	if (e - s == 1 && ph[s].len == 1 &&
	    (ph[s].kind == LEX_COUNTRY + 1 || ph[s].kind == LEX_CAPITAL + 1)) {
		int p = map_get(as->surnames, ttext(tk, s), sentences_len(tk, s));

		if (p >= 0 && as->v[p].a.kind == ACTOR_PERSON) {
			ph[s].kind = PH_NAME;
			ph[s].len = 0;
			ph[s].value = NULL;
		}
	}
	if (e - s == 2 && !org) {
		size_t c = ph[s + 1].len == 1 ? s + 1 : s;
		size_t o = c == s ? s + 1 : s;

		/* "Valeska Paris, an Australian woman and former ...": a
		 * person's apposition vouches for an unlisted given name */
		if (ph[c].len == 1 &&
		    (ph[c].kind == LEX_COUNTRY + 1 ||
		     ph[c].kind == LEX_CAPITAL + 1) &&
		    !(tk->v[o].lex & NOTNAME) && !ph[o].kind &&
		    (tk->v[o].flags & TOK_CAP) && !(tk->v[o].flags & TOK_UPPER) &&
		    !(tk->v[c].flags & TOK_POSS) &&
		    (given_name(tk, s) || (c == s + 1 && person_apposition(tk, e)))) {
			ph[c].kind = PH_NAME;
			ph[c].len = 0;
			ph[c].value = NULL;
		}
	}
	/* lexicon phrases inside the run count as country/outlet mentions */
	for (k = s; k < e; k++) {
		if (!ph[k].len)
			continue;
		if (ph[k].kind == LEX_OUTLET + 1) {
			size_t pe = k + ph[k].len;
			size_t st = k;

			a = actors_get(as, ACTOR_ORGANIZATION, ttext(tk, st),
			               tk->v[pe - 1].core_end -
			                   tk->v[st].start);
			add_mention(as, tk, ms, a, st, pe, st);
		} else if (ph[k].value != NULL &&
		           !(ph[k].len == 1 && ph[k].kind == LEX_DEMONYM + 1 &&
		             k + 1 < e && org)) {
			a = actors_get(as, ACTOR_COUNTRY, ph[k].value,
			               strlen(ph[k].value));
			if (ph[k].kind != LEX_COUNTRY + 1 ||
			    strcmp(ph[k].value, as->v[a].a.name) != 0)
				actors_alias(as, a, ttext(tk, k),
				             tk->v[k + ph[k].len - 1].core_end -
				                 tk->v[k].start);
			add_mention(as, tk, ms, a, k, k + ph[k].len, k);
		}
		k += ph[k].len - 1;
	}
	/* the name-like words at the end, with a particle or a regnal
	 * number after a given name inside ("Osama bin Laden", "King
	 * Abdullah II"; not "Delta IV") */
	for (ns = e; ns > s && (namelike(tk, ns - 1) ||
	                        (ns - 1 > s && ns < e &&
	                         particle(tk, ns - 1, e)) ||
	                        /* "Elio De Bolle", "Johan Van den Broek" */
	                        (ns - 1 > s && ns < e &&
	                         !(tk->v[ns - 1].flags & TOK_SENTSTART) &&
	                         particles_only(tk, ns - 1, ns) &&
	                         namelike(tk, ns - 2)) ||
	                        (ns - 1 > s && ns == e &&
	                         ((given_name(tk, ns - 2) &&
	                           regnal(tk, ns - 1)) ||
	                          (namelike(tk, ns - 2) &&
	                           place_surname(tk, s, e)))));
	     ns--)
		;
	while (ns < e && (tk->v[ns].flags & TOK_INITIAL) && ns + 1 == e)
		ns++;
	/* "Nonpartisan Paul Tse won": a capitalised sentence opener before
	 * a given name and a surname is no part of the name (cppcheck
	 * takes ns to be e here, which the loops above do not make it;
	 * actors-test's test_name_edges covers the case) */
	/* cppcheck-suppress knownConditionTrueFalse */
	if (e - ns == 3 && (tk->v[ns].flags & TOK_SENTSTART) &&
	    !given_name(tk, ns) && given_name(tk, ns + 1) &&
	    !(tk->v[ns + 1].flags & TOK_INITIAL) &&
	    !particles_only(tk, ns + 1, ns + 2))
		ns++;
	/* "James To", "Wilson Or": a capitalised function word after a
	 * given name, inside a sentence, is a surname */
	if (ns == e && e - s >= 2 && e - 2 >= s && !as->headline &&
	    stop_surname(tk, e - 1)) {
		ph[e - 1].kind = PH_NAME;
		for (ns = e - 1; ns > s && namelike(tk, ns - 1); ns--)
			;
	}
	/*
	 * "the Council on Islamic Relations Ann Lee said", "a student at
	 * University of Texas Arlington Ann Lee heard": an organisation
	 * ending in four or more name-like words, a lower-case word after
	 * it: the last two are a person's name; so are two right after the
	 * organisation word when a speech verb follows.
	 */
	if (org && !glued && ns > s && e < tk->n && e - ns >= 2 &&
	    (tk->v[e].flags & TOK_LOWER) && (tk->v[e].flags & TOK_WORD) &&
	    !(tk->v[e - 2].flags & TOK_INITIAL) &&
	    (e - ns >= 4 ||
	     /* "according to the Harbour Authority Ann Lee said" */
	     (e - ns == 2 && speech_follows(tk, e) &&
	      (tk->v[ns - 1].lex & LEX_BIT(LEX_ORG_WORD)) &&
	      is_cap(tk, ns - 1)))) {
		glued = true;
		run_one(as, tk, ms, s, e - 2);
		glued = false;
		s = ns = e - 2;
		org = false;
	}
	if (ns < e) {
		title = role_before(tk, ns, &rs, &rw, &aff);
		/* "founded by Dean Kamen": a title that is a given name,
		 * alone before one name-like word, opens the name */
		if (title && e - ns == 1 && rs + 1 == ns && rs == s &&
		    (tk->v[rs].lex & LEX_BIT(LEX_TITLE)) &&
		    !(tk->v[rs].lex & LEX_BIT(LEX_HONORIFIC)) &&
		    given_name(tk, rs)) {
			ns = rs;
			title = role_before(tk, ns, &rs, &rw, &aff);
		}
		if (!title && e - s >= 2 && expands_acronym(tk, s, e))
			goto not_person;
		if (title || e - ns >= 2 ||
		    (!quoted &&
		     (speech_follows(tk, e) || speech_precedes(tk, ns)) &&
		     !((tk->v[ns].flags & TOK_SENTSTART) &&
		       tk->text[tk->v[e - 1].core_end - 1] == 's')) ||
		    (known = person(as, tk, ns, e, false)) >= 0) {
			/* a person found by person(as, tk, ns, e, false) is
			 * the one person(..., true) would return */
			if (org && !title && ns > s)
				goto organisation;
			if (as->headline && known < 0 &&
			    (known = person(as, tk, ns, e, false)) < 0)
				return;
			a = known >= 0 ? known : person(as, tk, ns, e, true);
			if (title) {
				const char *c =
				    country_in(tk, rs > 3 ? rs - 3 : 0, rs);

				if (!honorifics_only(tk, rs, ns))
					set_role(as, a, tk, rs,
					         char_is(tk, ns - 1, ']') ?
					             ns - 1 :
					             ns);
				else
					honorific_role(as, a, tk, rs, ns);
				note_gender(as, a, tk, rs, ns);
				if (plural_title(tk, ns - 1)) {
					list_actor = a;
					list_end = e;
				}
				if (aff != (size_t)-1) {
					if (ph[aff].value != NULL)
						c = ph[aff].value;
					else if (c == NULL &&
					         as->v[a].a.affiliation == NULL)
						as->v[a].a.affiliation =
						    sentences_clean(tk->text,
						          tk->v[aff].start,
						          tk->v[aff].core_end);
				}
				if (org_in(tk, rs, ns, &os, &oe) &&
				    as->v[a].a.affiliation == NULL && c == NULL)
					as->v[a].a.affiliation =
					    sentences_clean(tk->text, tk->v[os].start,
					          tk->v[oe - 1].core_end);
				set_affiliation(as, a, c);
			} else {
				rw = ns;
				agent_role(as, a, tk, ns);
				poss_affiliation(as, a, tk, ns, e);
				role_comma_before(as, a, tk, ns);
				list_role(as, a, tk, ns, e);
			}
			if (!quoted) {
				apposition(as, a, tk, e);
				role_after_as(as, a, tk, e);
				role_relative(as, a, tk, e);
			}
			add_mention(as, tk, ms, a, ns, e, rw);
			if (tk->v[e - 1].flags & TOK_POSS)
				actors_alias(as, a, ttext(tk, ns),
				             tk->v[e - 1].end -
				                 tk->v[ns].start);
			return;
		}
	}
not_person:
	if (!org) {
		/* an acronym on its own: an organisation */
		if (e - s == 1 && (tk->v[s].flags & TOK_UPPER) && !ph[s].kind &&
		    !(tk->v[s].lex & TITLEISH) &&
		    !(tk->v[s].flags & TOK_INITIAL) &&
		    !(s == 0 && e < tk->n && !(tk->v[e].flags & TOK_WORD))) {
			a = actors_get(as, ACTOR_ORGANIZATION, ttext(tk, s),
			               sentences_len(tk, s));
			add_mention(as, tk, ms, a, s, e, s);
		}
		return;
	}
organisation:
	/* an organisation; a possessive country before it qualifies it */
	{
		size_t st = s;
		char *name, buf[256];

		if (ph[s].len == 1 && ph[s].kind == LEX_OUTLET + 1 &&
		    e == s + 1)
			return;
		if (st > 0 && (tk->v[st - 1].flags & TOK_POSS) &&
		    ph[st - 1].kind && ph[st - 1].kind != LEX_OUTLET + 1) {
			st--;
			/* the whole phrase: "South Korea's Defense Ministry" */
			while (st > 0 && !ph[st].len &&
			       ph[st - 1].kind == ph[st].kind)
				st--;
		}
		/* "the State Department Spokesperson": a role, "the United
		 * Nations Charter": a document; the organisation ends before */
		while (e > st + 1 &&
		       (tk->v[e - 1].lex &
		        (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_DOCUMENT))) &&
		       !(tk->v[e - 1].lex &
		         (LEX_BIT(LEX_ORG_WORD) | LEX_BIT(LEX_OUTLET))))
			e--;
		/*
		 * A headline capitalises every word, so its run is the whole
		 * line: the organisation ends at its last organisation word
		 * ("City Council Approves New Budget" -> "City Council").
		 */
		if (as->headline) {
			size_t oe2 = e;

			while (oe2 > st &&
			       !(tk->v[oe2 - 1].lex & (LEX_BIT(LEX_ORG_WORD) |
			                                LEX_BIT(LEX_OUTLET))))
				oe2--;
			if (oe2 > st)
				e = oe2;
		}
		/* most organisations are named again: the name is cleaned
		 * into a buffer and copied only for a new one */
		if (tk->v[e - 1].core_end - tk->v[st].start < sizeof buf) {
			sentences_clean_into(buf, tk->text, tk->v[st].start,
			                     tk->v[e - 1].core_end);
			a = actors_get(as, ACTOR_ORGANIZATION, buf, strlen(buf));
		} else {
			name = sentences_clean(tk->text, tk->v[st].start,
			                       tk->v[e - 1].core_end);
			a = get_owned(as, ACTOR_ORGANIZATION, name);
		}
		if (as->v[a].a.affiliation == NULL)
			set_affiliation(as, a, country_in(tk, st, e));
		add_mention(as, tk, ms, a, st, e, st);
		/* "Acme Corp", later "Acme": the name before a company
		 * suffix names the company too */
		if (e - st >= 2 && sentences_eq_any(tk, e - 1, company_suffixes) &&
		    map_get(as->names, ttext(tk, st),
		            tk->v[e - 2].core_end - tk->v[st].start) < 0) {
			actors_alias(as, a, ttext(tk, st),
			             tk->v[e - 2].core_end - tk->v[st].start);
			as->org_stems = true;
		}
	}
}

/*
 * "Advisor: Dr. Kevin Shinpaugh", "Deputy Editor: Ann Lee, Tom Ray": a
 * block opening on a label of up to three capitalised words that ends in
 * a title and a colon gives that label as the role of the persons named
 * after it (a list field of a press release or a credits box).
 */
static void
label_roles(struct actors *as, const struct tokens *tk,
            const struct mentions *ms)
{
	size_t c, i;

	for (c = 0; c < tk->n && c < 4 && is_cap(tk, c); c++)
		;
	if (c == 0 || c >= tk->n || !char_is(tk, c, ':') ||
	    !(tk->v[c - 1].lex & LEX_BIT(LEX_TITLE)))
		return;
	for (i = 0; i < ms->n; i++)
		if (ms->v[i].first > c && !ms->v[i].quoted &&
		    as->v[ms->v[i].actor].a.kind == ACTOR_PERSON)
			set_role(as, ms->v[i].actor, tk, 0, c);
}

void
actors_scan(struct actors *as, struct tokens *tk, struct mentions *ms)
{
	size_t i, c, ncand;
	bool moved = false;

	ms->n = 0;
	if (as->phcap < tk->n + 1) {
		as->phcap = tk->n + 64;
		as->ph =
		    xreallocarray(as->ph, as->phcap, sizeof(struct phrase));
	}
	if (as->candcap < tk->n) {
		as->candcap = tk->n + 64;
		as->cand = xreallocarray(as->cand, as->candcap, sizeof *as->cand);
	}
	ph = as->ph;
	list_actor = -1;
	poss_actor = -1;
	ncand = find_phrases(tk, as->cand);
	/* the runs, at the tokens that may start one after the last run
	 * (a run changes the phrase marks of its own tokens only) */
	for (c = 0, i = 0; c < ncand; c++) {
		size_t e, s = as->cand[c];

		if (s < i)
			continue;
		if (!is_cap(tk, s)) {
			/* "the Kremlin": a phrase opened by a small word */
			e = run_end(tk, s + 1);
			if (e < s + ph[s].len)
				e = s + ph[s].len;
		} else {
			e = run_end(tk, s);
			if (e <= s)
				e = s + 1;
		}
		i = e;
		/* a function word alone ("The", "But" opening a sentence):
		 * run_one() would drop it and find nothing */
		if (e == s + 1 && (tk->v[s].lex & LEX_BIT(LEX_STOPWORD)) &&
		    !ph[s].kind)
			continue;
		run(as, tk, ms, s, e);
	}
	label_roles(as, tk, ms);
	/* mentions were added in run order; keep them in text order */
	for (i = 1; i < ms->n; i++) {
		struct mention m = ms->v[i];
		size_t j = i;

		if (ms->v[j - 1].first <= m.first)
			continue;
		while (j > 0 && ms->v[j - 1].first > m.first) {
			ms->v[j] = ms->v[j - 1];
			j--;
		}
		ms->v[j] = m;
		moved = true;
	}
	/* the tokens' mentions, set by add_mention() in run order, are
	 * those of the text order unless the order changed */
	if (!moved)
		return;
	for (i = 0; i < tk->n; i++)
		tk->v[i].mention = -1;
	for (i = 0; i < ms->n; i++) {
		size_t k;

		for (k = ms->v[i].role_first; k < ms->v[i].last; k++)
			tk->v[k].mention = (int)i;
	}
}
