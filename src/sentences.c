/*
 * sentences.c: tokens and sentences of a block.
 *
 * Word boundaries come from libunistring (u8_wordbreaks, UAX #29); white
 * space separates tokens and is dropped. A small pass then joins initials
 * and listed abbreviations with their period, and capitalised compounds
 * ("Qasym-Zhomart", "RFE/RL"), so later stages see one token per name
 * part. A sentence ends at ".", "?" or "!" (with any closing quotation
 * marks or brackets glued to it) when the next token does not start in
 * lower case; an abbreviation ends one only before a capitalised function
 * word ("... to the U.S. The President ..."). Invariant: sentences cover
 * tokens [0, n) in order without gaps.
 *
 * Most text takes a fast path (fast_tokens(): ASCII and a few common
 * marks, cut as UAX #29 cuts them), which classifies each token as it
 * makes it and notes the only tokens the later passes need to visit: the
 * cuts (a word glued to . - /, where merge() may join), the stops (full
 * stops, where split() may end a sentence; merge() carries them along
 * and adds its abbreviations) and the marks (what may be a quotation
 * mark, for quotes.c; merge() carries them along). Text it does not
 * know goes to the general path from the last token after white space.
 */
#include "config.h"

#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include <unictype.h>
#include <unistr.h>
#include <uniwbrk.h>

#include "lexicon.h"
#include "sentences.h"
#include "xmalloc.h"

#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

struct tokens *
sentences_new(void)
{
	return xcalloc(1, sizeof(struct tokens));
}

void
sentences_free(struct tokens *tk)
{
	if (tk == NULL)
		return;
	free(tk->v);
	free(tk->s);
	free(tk->sent_of);
	free(tk->breaks);
	free(tk->cuts);
	free(tk->stops);
	free(tk->marks);
	free(tk);
}

/* Bytes of white space at p (0 when none): ASCII and Unicode spaces. */
static size_t
space_len(const unsigned char *p, const unsigned char *end)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' ||
	    *p == '\v')
		return 1;
	if (*p < 0x80)
		return 0;
	if (p + 1 < end && p[0] == 0xc2 && p[1] == 0xa0)
		return 2;
	if (p + 2 < end && p[0] == 0xe2 && p[1] == 0x80 &&
	    ((p[2] >= 0x80 && p[2] <= 0x8b) || p[2] == 0xa8 || p[2] == 0xa9 ||
	     p[2] == 0xaf))
		return 3;
	if (p + 2 < end && p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	if (p + 2 < end && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		return 3;
	return 0;
}

/* Case and kind flags of the token starting at p. */
static unsigned
first_char_flags(const unsigned char *p, size_t len)
{
	ucs4_t uc;

	if (*p < 0x80) {
		if (*p >= 'A' && *p <= 'Z')
			return TOK_WORD | TOK_CAP;
		if (*p >= 'a' && *p <= 'z')
			return TOK_WORD | TOK_LOWER;
		if (*p >= '0' && *p <= '9')
			return TOK_WORD | TOK_DIGIT;
		return 0;
	}
	u8_mbtouc(&uc, p, len);
	if (uc_is_upper(uc))
		return TOK_WORD | TOK_CAP;
	if (uc_is_lower(uc))
		return TOK_WORD | TOK_LOWER;
	if (uc_is_alpha(uc))
		return TOK_WORD;
	if (uc_is_digit(uc))
		return TOK_WORD | TOK_DIGIT;
	return 0;
}

/* Whether s[0, len) holds an ASCII capital letter. */
static bool
has_caps(const unsigned char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			return true;
	return false;
}

static bool
all_upper(const char *s, size_t len)
{
	size_t i, letters = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'a' && c <= 'z')
			return false;
		if (c >= 'A' && c <= 'Z')
			letters++;
	}
	return letters >= 2;
}

static void
grow(struct tokens *tk)
{
	tk->cap = tk->cap ? tk->cap * 2 : 256;
	tk->v = xreallocarray(tk->v, tk->cap, sizeof *tk->v);
}

/* A new token; finish() or classify() completes it. Inline: the fast
 * path makes every token of the text through it. */
static inline struct token *
push(struct tokens *tk, size_t start, size_t end, unsigned flags)
{
	struct token *t;

	if (tk->n == tk->cap)
		grow(tk);
	t = &tk->v[tk->n++];
	t->start = start;
	t->end = end;
	t->core_end = end;
	t->flags = flags;
	t->lex = 0;
	t->hash = 0;
	t->quote = -1;
	t->mention = -1;
	return t;
}

/*
 * Classify a token once its extent is final, given the flags of its first
 * character (first_char_flags()) and its flags that finish() keeps.
 * lower: the token is known to hold an ASCII lower-case letter (the fast
 * path sees it for free), so that unless a possessive is cut off it is
 * not all upper case. apos: it may hold an apostrophe (false: the fast
 * path joined no mark inside it), so may end in a possessive. Inline:
 * the fast path classifies every token of the text through it, and the
 * fields are worked out in registers.
 */
static ALWAYS_INLINE void
classify(const char *text, struct token *t, unsigned first, bool lower,
         bool apos)
{
	const char *s = text + t->start;
	size_t len = t->end - t->start, core = len;
	unsigned flags = t->flags | first;

	if (!(first & TOK_WORD)) {
		t->flags = flags;
		return;
	}
	/* one seldom-taken branch for both endings (one comparison: whether a
	 * word ends in 's', or is longer than two bytes, is a coin toss for
	 * the branch predictor; apos is seldom true, and len & -apos is len
	 * when it is, 0 when not) */
	if ((len & -(size_t)apos) > 2 &&
	    ((s[len - 1] == 's') &
	     ((s[len - 2] == '\'') | (s[len - 2] == '\x99')))) {
		if (s[len - 2] == '\'') {
			core = len - 2;
			flags |= TOK_POSS;
		} else if (len > 4 &&
		           memcmp(s + len - 4, "\xe2\x80\x99", 3) == 0) {
			core = len - 4;
			flags |= TOK_POSS;
		}
	}
	t->core_end = t->start + core;
	/* no capital, no TOK_UPPER; a lower-case letter in the core, none.
	 * Again one comparison, TOK_NOCAPS clear and TOK_POSS or !lower:
	 * capitals come and go word by word, while words with a capital
	 * and no lower-case letter are few. */
	if (((flags & (TOK_NOCAPS | TOK_POSS)) | (lower ? 0 : TOK_POSS)) ==
	        TOK_POSS &&
	    all_upper(s, core))
		flags |= TOK_UPPER;
	t->flags = flags;
	/* no list holds a number: spare the lookup */
	if (flags & TOK_DIGIT)
		return;
	/* only a lower-case word in no list needs its hash (annotate.c's
	 * common words); the lexicon spares hashing the others it can */
	if (!(first & TOK_LOWER))
		t->lex = lexicon_lookup(s, core);
	else
		t->lex = lexicon_lookup_word(s, core, (flags & TOK_NOCAPS) != 0,
		                             &t->hash);
}

/* Classify a token anew once its extent is final. */
static void
finish(struct tokens *tk, struct token *t)
{
	t->flags &= TOK_SPACE | TOK_NL | TOK_ABBREV | TOK_INITIAL | TOK_NOCAPS;
	classify(tk->text, t,
	         first_char_flags((const unsigned char *)tk->text + t->start,
	                          t->end - t->start),
	         false, true);
}

bool
sentences_eq_any(const struct tokens *tk, size_t i, const char *const *words)
{
	const char *p = tk->text + tk->v[i].start;
	size_t len = sentences_len(tk, i), k;

	/* words of a list, not constants: byte by byte, no strlen() */
	for (; *words != NULL; words++) {
		const char *s = *words;

		for (k = 0; k < len && s[k] != '\0' && p[k] == s[k]; k++)
			;
		if (k == len && s[len] == '\0')
			return true;
	}
	return false;
}

/* Whether the word token t is one or more single letters joined by '.'. */
static bool
letters_and_dots(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		bool letter = (s[i] >= 'A' && s[i] <= 'Z') ||
		              (s[i] >= 'a' && s[i] <= 'z');

		if ((i % 2 == 0) != letter)
			return false;
		if (i % 2 == 1 && s[i] != '.')
			return false;
	}
	return len % 2 == 1;
}

/*
 * Whether s[0, len) is one romanised East Asian syllable, the parts of a
 * hyphenated given name ("Young-shik", "Ki-moon", "Ing-wen"): an optional
 * consonant onset, perhaps a glide (y, w), one to three vowels, an
 * optional final n, ng, k, l, m, p, t, b or g. ASCII letters; the first
 * may be a capital.
 */
static bool
syllable(const char *s, size_t len)
{
	static const char *const onsets[] = { "kk", "pp", "ss", "tt", "jj",
		"ch", "sh", "ts", "wh", "hs", "zh", "b", "d", "f", "g", "h",
		"j", "k", "l", "m", "n", "p", "q", "r", "s", "t", "w", "x",
		"y", "z", "" };
	static const char *const codas[] = { "ng", "n", "k", "l", "m", "p",
		"t", "b", "g", "" };
	char w[8];
	size_t i, k, v, o;

	if (len == 0 || len > 6)
		return false;
	for (i = 0; i < len; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z' && i == 0)
			c = (char)(c + 32);
		if (c < 'a' || c > 'z')
			return false;
		w[i] = c;
	}
	w[len] = '\0';
	for (k = 0; k < sizeof onsets / sizeof onsets[0]; k++) {
		o = strlen(onsets[k]);
		if (o <= len && memcmp(w, onsets[k], o) == 0)
			break;
	}
	i = o;
	/* a glide after a consonant: "Myung", "Hwa" */
	if (o > 0 && i + 1 < len && (w[i] == 'y' || w[i] == 'w') &&
	    strchr("aeiou", w[i + 1]) != NULL)
		i++;
	for (v = 0; i < len && v < 3 && strchr("aeiou", w[i]) != NULL; i++)
		v++;
	if (v == 0)
		return false;
	for (k = 0; k < sizeof codas / sizeof codas[0]; k++)
		if (strcmp(w + i, codas[k]) == 0)
			return true;
	return false;
}

#define NONAME_LEX                                                             \
	(LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_TITLE_MOD) | LEX_BIT(LEX_STOPWORD) | \
	 LEX_BIT(LEX_DEMONYM) | LEX_BIT(LEX_COUNTRY) | LEX_BIT(LEX_CAPITAL))

/*
 * Join the token t (written at the output position) with the input tokens
 * r + 1 .. r + k - 1 that follow it: t ends where the last of them ends, is
 * capital-free only when all of them are, and the read position moves past
 * them. Nothing is moved, so merge() stays linear however many joins a
 * paragraph holds.
 */
static void
join(struct tokens *tk, struct token *t, size_t *r, size_t k)
{
	unsigned nocaps = t->flags & TOK_NOCAPS;
	size_t m;

	for (m = 1; m < k; m++)
		nocaps &= tk->v[*r + m].flags;
	t->flags = (t->flags & ~(unsigned)TOK_NOCAPS) | nocaps;
	t->end = tk->v[*r + k - 1].end;
	*r += k - 1;
}

/* Append i to the list *v (*n entries, room for *cap). */
static inline void
note(size_t **v, size_t *n, size_t *cap, size_t i)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = i;
}

/* Note token i as a cut: a word glued to a '.', '-' or '/' after it, the
 * only places merge() may join tokens. */
static inline void
add_cut(struct tokens *tk, size_t i)
{
	note(&tk->cuts, &tk->ncuts, &tk->cuts_cap, i);
}

/* Note token i as a stop: a full stop (is_full_stop()), or after merge()
 * also an abbreviation, the only tokens split() looks at. */
static inline void
add_stop(struct tokens *tk, size_t i)
{
	note(&tk->stops, &tk->nstops, &tk->stops_cap, i);
}

/* 1 for the first bytes of the tokens tk->marks holds (sentences.h) */
static const unsigned char mark_lead[256] = {
	['"'] = 1, ['\''] = 1, ['`'] = 1, [0xc2] = 1, [0xe2] = 1,
};

/* Note token i, which is no word, as a mark when its first byte is one
 * of mark_lead[]: written each time, kept only then, without a branch on
 * the byte (marks come and go among the other punctuation). */
static inline void
add_mark(struct tokens *tk, size_t i)
{
	if (tk->nmarks == tk->marks_cap) {
		tk->marks_cap = tk->marks_cap ? tk->marks_cap * 2 : 64;
		tk->marks = xreallocarray(tk->marks, tk->marks_cap,
		                          sizeof *tk->marks);
	}
	tk->marks[tk->nmarks] = i;
	tk->nmarks += mark_lead[(unsigned char)tk->text[tk->v[i].start]];
}

static bool
adjacent(const struct tokens *tk, size_t i)
{
	return i < tk->n && !(tk->v[i].flags & TOK_SPACE);
}

/*
 * The joins of the input token *r, written at the output position w
 * (w <= *r): *r moves past the tokens it takes in. The tokens still to
 * read, *r + 1 onwards, are looked at through their input positions,
 * which no write has reached yet.
 */
static void
merge_one(struct tokens *tk, size_t w, size_t *rp)
{
	size_t r = *rp, n = tk->n;
	struct token *t = &tk->v[w];
	const char *s;
	size_t len;

	if (w != r)
		*t = tk->v[r];
	s = tk->text + t->start;
	len = t->end - t->start;
	/* every join below needs a token glued to this word */
	if (!(t->flags & TOK_WORD) || !adjacent(tk, r + 1))
		return;
	/* an initial or an abbreviation and its period */
	if (sentences_is(tk, r + 1, '.') && !(t->flags & TOK_POSS)) {
		unsigned lex = lexicon_lookup(s, len + 1);

		if (letters_and_dots(s, len) && (t->flags & TOK_CAP)) {
			join(tk, t, &r, 2);
			t->flags |= TOK_ABBREV;
			if (!(lex & (LEX_BIT(LEX_COUNTRY) |
			             LEX_BIT(LEX_ABBREV))))
				t->flags |= TOK_INITIAL;
			finish(tk, t);
			*rp = r;
			return;
		}
		if (lex &
		    (LEX_BIT(LEX_ABBREV) | LEX_BIT(LEX_HONORIFIC) |
		     LEX_BIT(LEX_COUNTRY))) {
			join(tk, t, &r, 2);
			t->flags |= TOK_ABBREV;
			finish(tk, t);
			*rp = r;
			return;
		}
	}
	/* capitalised compounds: "Qasym-Zhomart", "RFE/RL" */
	while ((t->flags & TOK_CAP) && !(t->lex & NONAME_LEX) &&
	       !(t->flags & TOK_POSS) && r + 2 < n &&
	       adjacent(tk, r + 1) && adjacent(tk, r + 2) &&
	       (sentences_is(tk, r + 1, '-') ||
	        sentences_is(tk, r + 1, '/')) &&
	       (tk->v[r + 2].flags & TOK_CAP) &&
	       (sentences_is(tk, r + 1, '/') ||
	        !(tk->v[r + 2].lex & NONAME_LEX))) {
		join(tk, t, &r, 3);
		finish(tk, t);
	}
	/* name particles: "al-Amr", "bin-Salman"; short tails
	 * ("Jong-un") and two syllables ("Young-shik"). The joined
	 * token counts as capitalised. */
	if (r + 2 < n && adjacent(tk, r + 1) && adjacent(tk, r + 2) &&
	    sentences_is(tk, r + 1, '-') &&
	    (tk->v[r + 2].flags & TOK_WORD)) {
		bool particle = (t->flags & TOK_LOWER) &&
		                (tk->v[r + 2].flags & TOK_CAP) &&
		                (sentences_eq(tk, w, "al") ||
		                 sentences_eq(tk, w, "el") ||
		                 sentences_eq(tk, w, "bin") ||
		                 sentences_eq(tk, w, "ibn") ||
		                 sentences_eq(tk, w, "abu"));
		bool tail = (t->flags & TOK_CAP) &&
		            !(t->lex & NONAME_LEX) &&
		            (tk->v[r + 2].flags & TOK_LOWER) &&
		            (tk->v[r + 2].end - tk->v[r + 2].start <= 2 ||
		             (syllable(s, len) &&
		              syllable(tk->text + tk->v[r + 2].start,
		                       tk->v[r + 2].core_end -
		                           tk->v[r + 2].start))) &&
		            !(r + 3 < n && adjacent(tk, r + 3) &&
		              (tk->v[r + 3].flags & TOK_WORD));

		if (particle || tail) {
			join(tk, t, &r, 3);
			finish(tk, t);
			t->flags |= TOK_CAP;
			t->flags &= ~(unsigned)TOK_LOWER;
		}
	}
	*rp = r;
}

/*
 * The joins, in one pass over the cuts (tk->cuts: every word token glued
 * to a following '.', '-' or '/', the only places a join starts): r
 * reads, w writes (w <= r). The tokens between two cuts are moved down
 * as a block, and not at all before the first join. The stops move with
 * their tokens, in place (each written entry stands for one read: a
 * stop, or the period an abbreviation takes in): a stop taken in by a
 * join goes, an abbreviation comes. So do the marks (no join takes one
 * in: a join takes words and . - /).
 */
static void
merge(struct tokens *tk)
{
	size_t r = 0, w = 0, c, n = tk->n, si = 0, so = 0, mi = 0, mo = 0;
	size_t *stops = tk->stops, *marks = tk->marks;

	for (c = 0; c < tk->ncuts; c++) {
		size_t at = tk->cuts[c];

		if (at < r)
			continue; /* taken in by an earlier join */
		/* the stops and marks before the cut keep the shift r - w */
		for (; si < tk->nstops && stops[si] < at; si++)
			stops[so++] = stops[si] - (r - w);
		for (; mi < tk->nmarks && marks[mi] < at; mi++)
			marks[mo++] = marks[mi] - (r - w);
		if (w != r)
			memmove(&tk->v[w], &tk->v[r], (at - r) * sizeof *tk->v);
		w += at - r;
		r = at;
		merge_one(tk, w, &r);
		if (tk->v[w].flags & TOK_ABBREV)
			stops[so++] = w;
		/* the stops (and marks, none) it took in */
		for (; si < tk->nstops && stops[si] <= r; si++)
			;
		for (; mi < tk->nmarks && marks[mi] <= r; mi++)
			;
		r++;
		w++;
	}
	for (; si < tk->nstops; si++)
		stops[so++] = stops[si] - (r - w);
	tk->nstops = so;
	for (; mi < tk->nmarks; mi++)
		marks[mo++] = marks[mi] - (r - w);
	tk->nmarks = mo;
	if (w != r)
		memmove(&tk->v[w], &tk->v[r], (n - r) * sizeof *tk->v);
	tk->n = w + (n - r);
}

static bool
is_closer(const struct tokens *tk, size_t i)
{
	const char *s = tk->text + tk->v[i].start;
	size_t len = tk->v[i].end - tk->v[i].start;

	if (len == 1)
		return *s == '"' || *s == '\'' || *s == ')' || *s == ']';
	if (len == 2)
		return memcmp(s, "\xc2\xbb", 2) == 0;
	if (len == 3)
		return memcmp(s, "\xe2\x80\x9d", 3) == 0 ||
		       memcmp(s, "\xe2\x80\x99", 3) == 0 ||
		       memcmp(s, "\xe2\x80\x9c", 3) == 0;
	return false;
}

static bool
is_full_stop(const struct tokens *tk, size_t i)
{
	const char *s = tk->text + tk->v[i].start;
	size_t len = tk->v[i].end - tk->v[i].start;

	if (tk->v[i].flags & TOK_WORD)
		return false; /* most tokens */
	if (len == 1)
		return *s == '.' || *s == '?' || *s == '!';
	return len == 3 && memcmp(s, "\xe2\x80\xa6", 3) == 0;
}

static void
add_sentence(struct tokens *tk, size_t first, size_t last)
{
	size_t k, ns, *so;

	if (tk->ns == tk->scap) {
		tk->scap = tk->scap ? tk->scap * 2 : 32;
		tk->s = xreallocarray(tk->s, tk->scap, sizeof *tk->s);
	}
	tk->s[tk->ns].first = first;
	tk->s[tk->ns].last = last;
	tk->v[first].flags |= TOK_SENTSTART;
	/* through locals: a store to sent_of[] could be one to tk->ns */
	for (k = first, so = tk->sent_of, ns = tk->ns; k < last; k++)
		so[k] = ns;
	tk->ns++;
}

/* Sentences from the stops (tk->stops: the full stops and abbreviations,
 * the only tokens that may end one, in order). */
static void
split(struct tokens *tk)
{
	const struct token *v = tk->v;
	size_t c, first = 0, n = tk->n;

	tk->ns = 0;
	if (tk->sent_cap < n) {
		tk->sent_cap = n;
		tk->sent_of = xreallocarray(tk->sent_of, tk->sent_cap,
		                            sizeof *tk->sent_of);
	}
	for (c = 0; c < tk->nstops; c++) {
		size_t i = tk->stops[c], j;
		const struct token *t = &v[i];
		bool stop;

		if (i < first)
			continue; /* inside the closers of a sentence's end */
		stop = is_full_stop(tk, i);
		if (!stop && (t->flags & TOK_ABBREV) &&
		    !(t->flags & TOK_INITIAL) &&
		    !(t->lex & LEX_BIT(LEX_HONORIFIC)) && i + 1 < n &&
		    (v[i + 1].lex & LEX_BIT(LEX_STOPWORD)) &&
		    (v[i + 1].flags & TOK_CAP))
			stop = true;
		if (!stop)
			continue;
		j = i + 1;
		while (j < n && adjacent(tk, j) &&
		       (is_closer(tk, j) || is_full_stop(tk, j)))
			j++;
		if (j < n && (v[j].flags & TOK_LOWER))
			continue;
		add_sentence(tk, first, j);
		first = j;
	}
	if (first < n)
		add_sentence(tk, first, n);
}

/* Word-break class of an ASCII byte: 'L' letter, 'N' digit, '_', or the
 * byte itself. */
static int
aclass(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 'L';
	if (c >= '0' && c <= '9')
		return 'N';
	if (c == '_')
		return '_';
	return c;
}

/*
 * Classes of bytes for the fast path, or-ed: the word characters of
 * ASCII ('_' WORDC_JOIN, capital letters, other letters, digits), white
 * space, the bytes that may join two parts of a word (WORDC_MID: ' . : ,
 * ; and every byte of a non-ASCII character, for middle() to look at),
 * those bytes (WORDC_HIGH), and the marks a word glued to may be joined
 * with by merge() (WORDC_CUT: . - /).
 */
#define WORDC_JOIN  0x01
#define WORDC_CAP   0x02
#define WORDC_LOWER 0x04
#define WORDC_DIGIT 0x08
#define WORDC_WORD  0x0f
#define WORDC_SPACE 0x10
#define WORDC_MID   0x20
#define WORDC_HIGH  0x40
#define WORDC_CUT   0x80
static const unsigned char wordc[256] = {
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x10, 0x10, 0x10, 0x10, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0x20, 0x80, 0xa0, 0x80,
	0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x08, 0x20, 0x20, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02,
	0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
	0x00, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04,
	0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60,
	0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60,
	0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60,
	0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60,
	0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60,
	0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60,
	0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60,
	0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60, 0x60,
};

/* first_char_flags() of an ASCII character by its word class */
static const unsigned wordc_flags[WORDC_WORD + 1] = {
	[WORDC_CAP] = TOK_WORD | TOK_CAP,
	[WORDC_LOWER] = TOK_WORD | TOK_LOWER,
	[WORDC_DIGIT] = TOK_WORD | TOK_DIGIT,
};

static bool
is_wordc(unsigned char c)
{
	return (wordc[c] & WORDC_WORD) != 0;
}

/*
 * The few non-ASCII characters common in English news, which the fast
 * path handles itself: the length of the character at p and its class
 * (' ' a space: NBSP; '\'' MidNumLet: ‘ ’; 'P' punctuation: “ ” – — …
 * •), or 0 for any other character.
 */
static size_t
known(const unsigned char *p, const unsigned char *end, int *cls)
{
	if (p + 1 < end && p[0] == 0xc2 && p[1] == 0xa0) {
		*cls = ' ';
		return 2;
	}
	if (p + 2 < end && p[0] == 0xe2 && p[1] == 0x80) {
		switch (p[2]) {
		case 0x98: /* ‘ */
		case 0x99: /* ’ */
			*cls = '\'';
			return 3;
		case 0x93: /* – */
		case 0x94: /* — */
		case 0x9c: /* “ */
		case 0x9d: /* ” */
		case 0xa2: /* • */
		case 0xa6: /* … */
			*cls = 'P';
			return 3;
		}
	}
	return 0;
}

/* Length of a MidNumLet/MidLetter/MidNum character at p joining word
 * classes a and (the character after it) b; 0 when it does not join. */
static size_t
middle(const unsigned char *p, const unsigned char *end, int a)
{
	size_t n = 1;
	int m = *p, cls, b;

	/* most words end at a space or a mark that joins nothing */
	if (m != '\'' && m != '.' && m != ':' && m != ',' && m != ';' &&
	    m < 0x80)
		return 0;
	if (*p >= 0x80) {
		if ((n = known(p, end, &cls)) == 0 || cls != '\'')
			return 0;
		m = '\'';
	}
	if (p + n >= end || !is_wordc(p[n]))
		return 0;
	b = aclass(p[n]);
	if (a == 'L' && b == 'L' && (m == '\'' || m == '.' || m == ':'))
		return n;
	if (a == 'N' && b == 'N' &&
	    (m == ',' || m == ';' || m == '.' || m == '\''))
		return n;
	return 0;
}


/*
 * The end of the run of ASCII word bytes from q on (before e), or-ing
 * their classes into *seen. Two bytes a step.
 */
static ALWAYS_INLINE const unsigned char *
word_run_bytes(const unsigned char *q, const unsigned char *e,
               unsigned *seen)
{
	const unsigned char *last = e - 1;
	unsigned s = *seen, w0, w1;

	/* the classes or-ed before the tests: a byte that is no word byte
	 * adds nothing anyone reads (*seen's word classes only) */
	for (; q < last; q += 2) {
		w0 = wordc[q[0]];
		w1 = wordc[q[1]];
		if (!(w0 & WORDC_WORD))
			goto out;
		s |= w0 | w1;
		if (!(w1 & WORDC_WORD)) {
			q++;
			goto out;
		}
	}
	if (q < e && (wordc[*q] & WORDC_WORD))
		s |= wordc[*q++];
out:
	*seen = s & WORDC_WORD;
	return q;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* 0xff in each byte of x from lo to lo + n - 1, else 0: x + (128 - lo)
 * is then below n - 128 as a signed byte (SSE2 compares only those). */
static ALWAYS_INLINE __m128i
in_range(__m128i x, char lo, int n)
{
	return _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(128 - lo))),
	                      _mm_set1_epi8((char)(n - 128)));
}

/*
 * word_run_bytes() sixteen bytes a step: the word bytes of a step are a
 * bit mask, its first clear bit the run's end. Words end at lengths that
 * change word by word, so a branch per byte (or two) keeps being
 * mispredicted; one per sixteen bytes mostly goes the same way. The last
 * bytes before e (fewer than sixteen) are left to word_run_bytes(), so
 * that nothing past e is read.
 */
static ALWAYS_INLINE const unsigned char *
word_run(const unsigned char *q, const unsigned char *e, unsigned *seen)
{
	for (; e - q >= 16; q += 16) {
		__m128i x = _mm_loadu_si128((const __m128i *)(const void *)q);
		__m128i cap = in_range(x, 'A', 26), low = in_range(x, 'a', 26);
		__m128i word = _mm_or_si128(
		    _mm_or_si128(cap, low),
		    _mm_or_si128(in_range(x, '0', 10),
		                 _mm_cmpeq_epi8(x, _mm_set1_epi8('_'))));
		unsigned stop = ~(unsigned)_mm_movemask_epi8(word) & 0xffff;
		/* the bytes before the first that is no word byte (all
		 * sixteen when each is one) */
		unsigned in = (stop & -stop) - 1;

		*seen |= ((_mm_movemask_epi8(cap) & in) != 0 ? WORDC_CAP : 0) |
		         ((_mm_movemask_epi8(low) & in) != 0 ? WORDC_LOWER : 0);
		if (stop != 0)
			return q + __builtin_ctz(stop);
	}
	return word_run_bytes(q, e, seen);
}
#else
#define word_run word_run_bytes
#endif

/*
 * The white space after a token that ends at q (before e): one byte of
 * ' ', '\t', '\n'... is taken with the token (*p moves past it; else *p
 * is q), and the flags of the next token are TOK_SPACE (and TOK_NL for
 * '\n') or 0. No branch on the byte: most tokens have a space after
 * them, but those that do not come and go.
 */
static ALWAYS_INLINE unsigned
space_after(const unsigned char *q, const unsigned char *e,
            const unsigned char **p)
{
	/* the flags a white-space byte (WORDC_SPACE) gives the next token */
	static const uint16_t space_flags[256] = {
		['\t'] = TOK_SPACE, ['\n'] = TOK_SPACE | TOK_NL,
		['\v'] = TOK_SPACE, ['\f'] = TOK_SPACE, ['\r'] = TOK_SPACE,
		[' '] = TOK_SPACE,
	};
	unsigned f = space_flags[q < e ? *q : 0];

	*p = q + (f / TOK_SPACE & 1);
	return f;
}

/*
 * Tokens of text that is ASCII but for the characters known() takes, in
 * one pass, with the word boundaries u8_wordbreaks() (UAX #29, rules
 * WB5-WB13a) gives there: letters and digits run together, '_' joins
 * both, an apostrophe (also ‘ ’), period or colon between two letters
 * stays inside, and a comma, semicolon, period or apostrophe between two
 * digits stays inside; any other character is a token of its own. Most
 * news text qualifies, and this is several times faster than the general
 * path. Each token is classified as it is made, and the cuts for merge()
 * noted.
 */
static bool
fast_tokens(struct tokens *tk, const unsigned char *u, size_t start,
            size_t end)
{
	const unsigned char *p = u + start, *e = u + end;
	unsigned before = TOK_SPACE; /* TOK_SPACE, TOK_NL of the next token */

	while (p < e) {
		const unsigned char *q = p + 1;
		unsigned k = wordc[*p], seen, after;
		struct token *t;
		bool joined;
		size_t n;
		int cls;

		if (k & WORDC_SPACE) {
			before |= *p == '\n' ? TOK_SPACE | TOK_NL : TOK_SPACE;
			p++;
			continue;
		}
		if (!(k & WORDC_WORD)) {
			if (k & WORDC_HIGH) {
				/* not for this path: the tokens so far
				 * stay for sentences_split() to keep */
				if ((n = known(p, e, &cls)) == 0)
					return false;
				if (cls == ' ') {
					before |= TOK_SPACE;
					p += n;
					continue;
				}
				/* known() characters are all punctuation */
				q = p + n;
			}
			/* . ? ! and … (the only known() character of
			 * three bytes starting 0xe2 0x80 0xa6) */
			if (q == p + 1 ? (*p == '.' || *p == '?' || *p == '!')
			               : (q == p + 3 && p[2] == 0xa6))
				add_stop(tk, tk->n);
			push(tk, (size_t)(p - u), (size_t)(q - u),
			     TOK_NOCAPS | before);
			add_mark(tk, tk->n - 1);
			before = space_after(q, e, &p);
			continue;
		}
		/* a word; the classes of its bytes, or-ed: whether it holds a
		 * capital (which spares the lexicon looking) or a lower-case
		 * letter */
		seen = k;
		for (joined = false;; joined = true) {
			q = word_run(q, e, &seen);
			after = q < e ? wordc[*q] : 0;
			if (!(after & WORDC_MID) ||
			    (n = middle(q, e, aclass(q[-1]))) == 0)
				break;
			seen |= wordc[q[n]];
			q += n + 1;
		}
		/* a word glued to . - /: merge() looks at it */
		if (after & WORDC_CUT)
			add_cut(tk, tk->n);
		t = push(tk, (size_t)(p - u), (size_t)(q - u),
		         (seen & WORDC_CAP ? 0 : TOK_NOCAPS) | before);
		classify(tk->text, t, wordc_flags[k & WORDC_WORD],
		         (seen & WORDC_LOWER) != 0, joined);
		before = space_after(q, e, &p);
	}
	return true;
}

void
sentences_split(struct tokens *tk, const char *text, size_t start, size_t end)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t len = end - start, i, kept;
	bool space = true, nl = false;

	tk->text = text;
	tk->n = 0;
	tk->ns = 0;
	tk->ncuts = 0;
	tk->nstops = 0;
	tk->nmarks = 0;
	if (len == 0)
		return;
	/* the fast path classifies each token as it makes it */
	if (fast_tokens(tk, u, start, end))
		goto classified;
	/*
	 * The general path takes over from the last token the fast path
	 * made after white space (the block's start if none): the white
	 * space before it is a word break, and no rule of UAX #29 looks back
	 * across it, so u8_wordbreaks() of the rest alone cuts it as it
	 * cuts the whole. Its tokens before it stay, with their cuts, stops
	 * and marks (no cut is glued to a token after white space).
	 */
	for (kept = tk->n; kept > 0 && !(tk->v[kept - 1].flags & TOK_SPACE);
	     kept--)
		;
	if (kept > 0)
		kept--;
	tk->n = kept;
	while (tk->ncuts > 0 && tk->cuts[tk->ncuts - 1] >= kept)
		tk->ncuts--;
	while (tk->nstops > 0 && tk->stops[tk->nstops - 1] >= kept)
		tk->nstops--;
	while (tk->nmarks > 0 && tk->marks[tk->nmarks - 1] >= kept)
		tk->nmarks--;
	if (kept > 0) {
		start = tk->v[kept - 1].end;
		len = end - start;
	}
	if (tk->breaks_cap < len) {
		tk->breaks_cap = len;
		tk->breaks = xrealloc(tk->breaks, len);
	}
	u8_wordbreaks(u + start, len, tk->breaks);
	for (i = 0; i < len;) {
		size_t sp = space_len(u + start + i, u + end), j;

		if (sp > 0) {
			if (u[start + i] == '\n')
				nl = true;
			space = true;
			i += sp;
			continue;
		}
		for (j = i + 1; j < len; j++)
			if (tk->breaks[j] || space_len(u + start + j, u + end))
				break;
		/* keep "’s" and "'s" inside a word even if split off */
		push(tk, start + i, start + j,
		     (space ? TOK_SPACE : 0) | (nl ? TOK_NL : 0) |
		         (has_caps(u + start + i, j - i) ? 0 : TOK_NOCAPS));
		space = nl = false;
		i = j;
	}
	for (i = kept; i < tk->n; i++)
		finish(tk, &tk->v[i]);
	/* the cuts, stops and marks, as fast_tokens() notes them */
	for (i = kept; i < tk->n; i++) {
		if ((tk->v[i].flags & TOK_WORD) && adjacent(tk, i + 1) &&
		    (sentences_is(tk, i + 1, '.') ||
		     sentences_is(tk, i + 1, '-') ||
		     sentences_is(tk, i + 1, '/')))
			add_cut(tk, i);
		if (is_full_stop(tk, i))
			add_stop(tk, i);
		if (!(tk->v[i].flags & TOK_WORD))
			add_mark(tk, i);
	}
classified:
	merge(tk);
	split(tk);
}

/* The white space sentences_clean() folds: 1 for ' ', '\t', '\n', '\r'. */
static const unsigned char clean_space[256] = {
	['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1,
};

/*
 * Whether the eight bytes x (in memory order) may be copied as they are
 * by sentences_clean(): no byte below ' ' and no ' ' after a space (the
 * byte before them one when before is 1). Little-endian: the byte before
 * another is the lower one. The tests may say false for bytes that pass
 * (a borrow past a byte that fails), never true for bytes that fail.
 */
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define CLEAN_WORDS 1
static inline bool
clean_plain8(uint64_t x, unsigned before)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
	uint64_t sp = x ^ ones * ' ';
	uint64_t below = (x - ones * ' ') & ~x & highs;

	sp = (sp - ones) & ~sp & highs; /* the spaces */
	return (below | (sp & (sp << 8 | (uint64_t)before << 7))) == 0;
}
#endif

char *
sentences_clean(const char *text, size_t start, size_t end)
{
	char *s = xmalloc(end - start + 1);

	sentences_clean_into(s, text, start, end);
	return s;
}

size_t
sentences_clean_into(char *buf, const char *text, size_t start, size_t end)
{
	const unsigned char *u = (const unsigned char *)text;
	char *p = buf;
	unsigned before = 1; /* white space (or the start) before u[i] */
	size_t i = start;

	for (;;) {
#ifdef CLEAN_WORDS
		/* words parted by single spaces (most text): eight bytes
		 * copied a step, a branch that mostly goes one way */
		uint64_t x;

		while (end - i >= 8 && (memcpy(&x, u + i, 8),
		                        clean_plain8(x, before))) {
			memcpy(p, &x, 8);
			p += 8;
			i += 8;
			before = (x >> 56) == ' ';
		}
#endif
		if (i == end)
			break;
		/* else a byte at a time, each written, white space as ' ',
		 * and kept (p moves on) unless it is white space after
		 * white space or the start: no branch on the byte */
		{
			unsigned sp = clean_space[u[i]];

			*p = (char)(sp ? ' ' : u[i]);
			p += (sp & before) ^ 1;
			before = sp;
			i++;
		}
	}
	/* white space at the end: its one space goes too */
	if (before && p > buf)
		p--;
	*p = '\0';
	return (size_t)(p - buf);
}
