/*
 * lexicon.c: fast lookups in the compiled word lists.
 *
 * On first use every entry of every list goes into one open-addressing
 * hash table keyed by the lower-cased phrase (XXH3), each slot holding the
 * bitmask of lists and the value per list, so that a token is classified
 * against all lists with one probe. Multi-word keys also enter their
 * leading words with LEX_PREFIX so callers know when to try a longer
 * phrase. The table is built once (pthread_once) and never freed.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <xxhash.h>

#include "lexicon.h"
#include "xmalloc.h"

extern const struct lexicon_table lexicon_data_speech_verbs;
extern const struct lexicon_table lexicon_data_stance_verbs;
extern const struct lexicon_table lexicon_data_stance_nouns;
extern const struct lexicon_table lexicon_data_titles;
extern const struct lexicon_table lexicon_data_title_modifiers;
extern const struct lexicon_table lexicon_data_honorifics;
extern const struct lexicon_table lexicon_data_countries;
extern const struct lexicon_table lexicon_data_demonyms;
extern const struct lexicon_table lexicon_data_capitals;
extern const struct lexicon_table lexicon_data_org_words;
extern const struct lexicon_table lexicon_data_outlets;
extern const struct lexicon_table lexicon_data_stopwords;
extern const struct lexicon_table lexicon_data_place_words;
extern const struct lexicon_table lexicon_data_abbreviations;
extern const struct lexicon_table lexicon_data_pronouns;
extern const struct lexicon_table lexicon_data_anonymous_words;
extern const struct lexicon_table lexicon_data_documents;

static const struct lexicon_table *const tables[LEX_NKINDS] = {
	[LEX_SPEECH_VERB] = &lexicon_data_speech_verbs,
	[LEX_STANCE_VERB] = &lexicon_data_stance_verbs,
	[LEX_STANCE_NOUN] = &lexicon_data_stance_nouns,
	[LEX_TITLE] = &lexicon_data_titles,
	[LEX_TITLE_MOD] = &lexicon_data_title_modifiers,
	[LEX_HONORIFIC] = &lexicon_data_honorifics,
	[LEX_COUNTRY] = &lexicon_data_countries,
	[LEX_DEMONYM] = &lexicon_data_demonyms,
	[LEX_CAPITAL] = &lexicon_data_capitals,
	[LEX_ORG_WORD] = &lexicon_data_org_words,
	[LEX_OUTLET] = &lexicon_data_outlets,
	[LEX_STOPWORD] = &lexicon_data_stopwords,
	[LEX_PLACE_WORD] = &lexicon_data_place_words,
	[LEX_ABBREV] = &lexicon_data_abbreviations,
	[LEX_PRONOUN] = &lexicon_data_pronouns,
	[LEX_ANON_WORD] = &lexicon_data_anonymous_words,
	[LEX_DOCUMENT] = &lexicon_data_documents,
};

struct slot {
	char *key; /* lower-cased; NULL: empty */
	size_t len;
	unsigned mask;
	const char *value[LEX_NKINDS];
};

static struct slot *slots;
static size_t nslots; /* a power of two */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Lower-case ASCII letters of s into buf; false when too long. */
static bool
fold(const char *s, size_t len, char *buf)
{
	size_t i;

	if (len == 0 || len > LEXICON_MAXLEN)
		return false;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
	}
	return true;
}

static struct slot *
probe(const char *key, size_t len)
{
	size_t i = (size_t)XXH3_64bits(key, len) & (nslots - 1);

	while (slots[i].key != NULL &&
	    (slots[i].len != len || memcmp(slots[i].key, key, len) != 0))
		i = (i + 1) & (nslots - 1);
	return &slots[i];
}

static struct slot *
insert(const char *key, size_t len)
{
	struct slot *s = probe(key, len);

	if (s->key == NULL) {
		s->key = xstrndup(key, len);
		s->len = len;
	}
	return s;
}

static void
build(void)
{
	size_t total = 0, i, k, j;
	char buf[LEXICON_MAXLEN];

	for (k = 0; k < LEX_NKINDS; k++)
		total += tables[k]->n;
	/* every key and its prefixes, at most half full */
	for (nslots = 64; nslots < total * 4; nslots *= 2)
		;
	slots = xcalloc(nslots, sizeof *slots);
	for (k = 0; k < LEX_NKINDS; k++) {
		for (i = 0; i < tables[k]->n; i++) {
			const struct lexicon_entry *e = &tables[k]->v[i];
			size_t len = strlen(e->key);
			struct slot *s;

			if (!fold(e->key, len, buf))
				continue;
			s = insert(buf, len);
			s->mask |= LEX_BIT(k);
			s->value[k] = e->value != NULL ? e->value : e->key;
			for (j = 1; j < len; j++)
				if (buf[j] == ' ')
					insert(buf, j)->mask |= LEX_PREFIX;
		}
	}
}

static const struct slot *
find(const char *s, size_t len)
{
	char buf[LEXICON_MAXLEN];
	const struct slot *sl;

	pthread_once(&once, build);
	if (!fold(s, len, buf))
		return NULL;
	sl = probe(buf, len);
	return sl->key != NULL ? sl : NULL;
}

unsigned
lexicon_lookup(const char *s, size_t len)
{
	const struct slot *sl = find(s, len);

	return sl != NULL ? sl->mask : 0;
}

bool
lexicon_has(enum lexicon_kind kind, const char *s, size_t len)
{
	return (lexicon_lookup(s, len) & LEX_BIT(kind)) != 0;
}

const char *
lexicon_value(enum lexicon_kind kind, const char *s, size_t len)
{
	const struct slot *sl = find(s, len);

	return sl != NULL ? sl->value[kind] : NULL;
}

const struct lexicon_table *
lexicon_table(enum lexicon_kind kind)
{
	return tables[kind];
}
