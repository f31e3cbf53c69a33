/*
 * lexicon.h: the annotator's word lists (the text files in
 * content/lexicon/), compiled into the binary by build-aux/gen-lexicon.sh.
 *
 * Lookups are case-insensitive for ASCII letters and take a phrase of one
 * or more words separated by single spaces ("foreign ministry"). Each list
 * may map a key to a value ("Kazakh" -> "Kazakhstan" in LEX_DEMONYM).
 * All returned strings are static.
 */
#ifndef WHOSAID_LEXICON_H
#define WHOSAID_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One line of a list: the key as written and its value, or NULL. */
struct lexicon_entry {
	const char *key;
	const char *value;
};

/* A list, sorted by lower-cased key (generated). */
struct lexicon_table {
	const struct lexicon_entry *v;
	size_t n;
};

enum lexicon_kind {
	LEX_SPEECH_VERB, /* said, told, according...: cues */
	LEX_STANCE_VERB, /* support, oppose, recognize... */
	LEX_STANCE_NOUN, /* position, stance, statement... */
	LEX_TITLE,       /* president, spokesman, coach... */
	LEX_TITLE_MOD,   /* foreign, deputy, senior...: qualify a title */
	LEX_HONORIFIC,   /* mr. -> "m", ms -> "f", dr. -> "" */
	LEX_COUNTRY,     /* "Kazakhstan", "U.S." -> "United States" */
	LEX_DEMONYM,     /* "Kazakh" -> "Kazakhstan" */
	LEX_CAPITAL,     /* "Astana", "the Kremlin" -> the country */
	LEX_ORG_WORD,    /* ministry, university, police... */
	LEX_OUTLET,      /* news outlets: "Sky News", "RFE/RL" */
	LEX_STOPWORD,    /* capitalised words that name nobody */
	LEX_PLACE_WORD,  /* stadium, valley, forum...: not a person */
	LEX_ABBREV,      /* "mr.", "u.s.": no sentence end */
	LEX_PRONOUN,     /* he -> "m", she -> "f", it -> "n", they -> "p" */
	LEX_ANON_WORD,   /* official, officials, sources... */
	LEX_DOCUMENT,    /* affidavit, letter, readout...: not a person */
	LEX_AUX,         /* has, not, also, later...: before a verb */
	LEX_CONNECTOR,   /* of, for, and, the...: inside names */
	/* side lists: never in lexicon_lookup*() results, only read with
	 * lexicon_has() and lexicon_value() */
	LEX_GIVEN_NAME,  /* maria, tom...: first names */
	LEX_PLACE_NAME,  /* "new york", "tuscany": cities, regions */
	LEX_THING_WORD   /* act, hospital -> "org": heads of names of things */
};
#define LEX_NKINDS (LEX_THING_WORD + 1)
/* The lists token lookups classify against (the side lists follow). */
#define LEX_NINDEXED (LEX_CONNECTOR + 1)
#define LEX_BIT(k) (1u << (k))
/* Set in a lookup result when some longer phrase starts with the words. */
#define LEX_PREFIX (1u << 31)

/*
 * The lists holding the phrase s (len bytes), as LEX_BIT() flags, plus
 * LEX_PREFIX when a longer entry starts with it. 0 when in none. Only the
 * first LEX_NINDEXED lists count: a side list is no part of the result.
 */
unsigned lexicon_lookup(const char *s, size_t len);

/*
 * The hash of the case-folded phrase (XXH3), 0 when it is empty or longer
 * than LEXICON_MAXLEN: the fingerprint lexicon_lookup_word() gives.
 */
uint64_t lexicon_hash(const char *s, size_t len);

/*
 * lexicon_lookup() of a word as a tokeniser wants it: *hash is set to
 * lexicon_hash() of it when the result holds no list's bit (0 or
 * LEX_PREFIX: a word in no list, the ones a caller may count), to 0 when
 * it holds one, which spares hashing the short words of the lists.
 * nocaps: s is known to hold no ASCII capital letter.
 */
unsigned lexicon_lookup_word(const char *s, size_t len, bool nocaps,
                             uint64_t *hash);

/* Whether list kind holds the phrase (any list, side lists too: those
 * from a hash table of their own, for a few lookups per actor, not per
 * token). */
bool lexicon_has(enum lexicon_kind kind, const char *s, size_t len);

/*
 * The value of the phrase in list kind: its mapped value when the entry
 * has one, else the key as written in the list ("Kazakhstan"). NULL when
 * the list does not hold the phrase.
 */
const char *lexicon_value(enum lexicon_kind kind, const char *s, size_t len);

/* The compiled list of a kind (for tests). */
const struct lexicon_table *lexicon_table(enum lexicon_kind kind);

/* Longest phrase accepted by the lookups, in bytes. */
#define LEXICON_MAXLEN 64

#endif
