/*
 * sentences.h: the tokens and sentences of one block of text.
 *
 * Tokens are words (UAX #29 word breaks from libunistring) and single
 * punctuation characters, with byte offsets into the article's text; white
 * space is never a token. A few tokens are joined after word breaking: an
 * initial or listed abbreviation with its period ("M.", "U.S.", "Mr."),
 * capitalised words joined by a hyphen ("Qasym-Zhomart"), and capitalised
 * words joined by a slash ("RFE/RL"). Sentences are ranges of tokens that
 * cover the block without gaps.
 */
#ifndef WHOSAID_SENTENCES_H
#define WHOSAID_SENTENCES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TOK_WORD      0x1    /* letters or digits */
#define TOK_CAP       0x2    /* starts with an upper-case letter */
#define TOK_UPPER     0x4    /* two or more letters, all upper case */
#define TOK_DIGIT     0x8    /* starts with a digit */
#define TOK_POSS      0x10   /* ends in 's or ’s: core_end leaves it out */
#define TOK_SPACE     0x20   /* white space (or the block start) before it */
#define TOK_ABBREV    0x40   /* ends in a period that is not a full stop */
#define TOK_INITIAL   0x80   /* initials: "M.", "K.C." */
#define TOK_SENTSTART 0x100  /* first token of a sentence */
#define TOK_QUOTED    0x200  /* inside quotation marks (set by quotes.c) */
#define TOK_QMARK     0x400  /* a quotation mark of a quote (quotes.c) */
#define TOK_LOWER     0x800  /* starts with a lower-case letter */
#define TOK_NL        0x1000 /* a line break before it */
#define TOK_NOCAPS    0x2000 /* no ASCII capital letter in it */

/* (48 bytes: the 64-bit fields first, no padding between the others) */
struct token {
	size_t start, end; /* bytes in the text */
	size_t core_end;   /* end without a possessive 's */
	uint64_t hash;     /* TOK_LOWER words in no list (lex has no bit
	                    * but LEX_PREFIX): lexicon_hash() of the core;
	                    * else 0 */
	unsigned lex;      /* lexicon_lookup() of the core */
	unsigned flags;    /* TOK_* */
	int quote;         /* quotes.c: quote holding it, or -1 */
	int mention;       /* actors.c: mention it belongs to, or -1 */
};

struct sentence {
	size_t first, last; /* tokens [first, last) */
};

struct tokens {
	const char *text; /* the article text (borrowed) */
	struct token *v;
	size_t n, cap;
	struct sentence *s;
	size_t ns, scap;
	size_t *sent_of; /* sentence index of each token */
	size_t sent_cap;
	char *breaks; /* scratch for u8_wordbreaks */
	size_t breaks_cap;
	size_t *cuts; /* scratch: where a join may start (sentences.c) */
	size_t ncuts, cuts_cap;
	size_t *stops; /* scratch: where a sentence may end (sentences.c) */
	size_t nstops, stops_cap;
	size_t *marks; /* the tokens that may be quotation marks, in order:
	                * every token of no word whose first byte is " ' `
	                * or the lead byte of « » “ ” „ ‘ ’ (0xc2, 0xe2),
	                * so that quotes.c looks at no other */
	size_t nmarks, marks_cap;
};

/* An empty token list, reusable from block to block. */
struct tokens *sentences_new(void);
void sentences_free(struct tokens *tk);

/*
 * Tokenise text[start, end) and split it into sentences, replacing what tk
 * held. text must stay alive while tk is used.
 */
void sentences_split(struct tokens *tk, const char *text, size_t start,
                     size_t end);

/*
 * The token tests below are inline: the annotator calls them token by
 * token with constant words, whose length the compiler then knows, so
 * that a word of another length costs a comparison.
 */

/* Whether token i is the one-character punctuation c (ASCII). */
static inline bool
sentences_is(const struct tokens *tk, size_t i, char c)
{
	const struct token *t = &tk->v[i];

	return t->end - t->start == 1 && tk->text[t->start] == c;
}

/* Length of token i's core in bytes. */
static inline size_t
sentences_len(const struct tokens *tk, size_t i)
{
	return tk->v[i].core_end - tk->v[i].start;
}

/* Whether token i spells s exactly / ignoring ASCII case (its core). */
static inline bool
sentences_eq(const struct tokens *tk, size_t i, const char *s)
{
	size_t len = strlen(s);

	return sentences_len(tk, i) == len &&
	       memcmp(tk->text + tk->v[i].start, s, len) == 0;
}

static inline bool
sentences_ieq(const struct tokens *tk, size_t i, const char *s)
{
	const char *p = tk->text + tk->v[i].start;
	size_t len = strlen(s), k;

	if (sentences_len(tk, i) != len)
		return false;
	for (k = 0; k < len; k++) {
		char a = p[k], b = s[k];

		if (a >= 'A' && a <= 'Z')
			a = (char)(a + 32);
		if (b >= 'A' && b <= 'Z')
			b = (char)(b + 32);
		if (a != b)
			return false;
	}
	return true;
}

/* Whether token i spells one of words (NULL-terminated) exactly. */
bool sentences_eq_any(const struct tokens *tk, size_t i,
                      const char *const *words);

/*
 * A copy of text[start, end) with each run of white space made one space
 * (none at the start). Allocated; the caller frees it.
 */
char *sentences_clean(const char *text, size_t start, size_t end);

/*
 * sentences_clean() written into buf, which has room for end - start + 1
 * bytes (the text can only shrink), instead of an allocation: the length
 * of the result, which is NUL-terminated. For temporaries a caller keeps
 * in a buffer of its own (an arena, a stack buffer).
 */
size_t sentences_clean_into(char *buf, const char *text, size_t start,
                            size_t end);


#endif
