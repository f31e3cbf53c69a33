/*
 * lexicon.c: fast lookups in the compiled word lists.
 *
 * On first use every entry of every list goes into one open-addressing
 * hash table keyed by the lower-cased phrase (xxh3), each entry holding
 * the bitmask of lists and the value per list, so that a token is
 * classified against all lists with one probe. Multi-word keys also enter
 * their leading words with LEX_PREFIX so callers know when to try a
 * longer phrase. The table is built once (pthread_once) and never freed.
 * The side lists (LEX_NINDEXED and after: given names, place names...)
 * stay out of it, so that they change no token's classification and the
 * table stays small: they have a hash table of their own, read only by
 * lexicon_has()/lexicon_value().
 *
 * Nearly every word of an article is looked up, and about half of them
 * are in no list, so the table is kept at most a quarter full: a miss
 * usually stops at the first, empty slot. Before it: words of one to
 * three letters are found by direct address (tiny[]), and a lookup that
 * wants no hash first asks a filter of the keys' lengths and first and
 * last bytes (shape[]), which most words in no list do not pass. Both
 * answer exactly as the table does.
 */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#define XXH_INLINE_ALL /* short keys: inline xxh3 rather than call it */
#include <xxhash.h>

#include "bytes.h"
#include "lexicon.h"
#include "xmalloc.h"

/* The token lookups take XXH3 inline (not the call the compiler makes of
 * it, for its code for long keys): a lookup costs little more than the
 * hash, and nearly every word of a text is looked up. */
#if defined(__GNUC__)
#define FLATTEN  __attribute__((flatten))
#define NOINLINE __attribute__((noinline))
#else
#define FLATTEN
#define NOINLINE
#endif

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
extern const struct lexicon_table lexicon_data_auxiliaries;
extern const struct lexicon_table lexicon_data_connectors;
extern const struct lexicon_table lexicon_data_given_names;
extern const struct lexicon_table lexicon_data_place_names;
extern const struct lexicon_table lexicon_data_thing_words;

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
	[LEX_AUX] = &lexicon_data_auxiliaries,
	[LEX_CONNECTOR] = &lexicon_data_connectors,
	[LEX_GIVEN_NAME] = &lexicon_data_given_names,
	[LEX_PLACE_NAME] = &lexicon_data_place_names,
	[LEX_THING_WORD] = &lexicon_data_thing_words,
};

/* An entry: a lower-cased phrase, its lists and its value per list. */
struct lexent {
	char *key;
	size_t len;
	unsigned mask;
	const char *value[LEX_NINDEXED];
};

/* Slots are small (8 bytes, the table some 128 KB) so that the table
 * stays in cache: a lookup that misses touches nothing else. */
struct slot {
	uint16_t check; /* high bits of the hash */
	uint16_t idx;   /* entry index + 1; 0: empty */
	uint32_t mask;  /* copy of the entry's mask */
};

static struct lexent *ents;
static size_t nents, entcap;
/* The keys again, packed for find(): keyref[idx - 1] locates the key of
 * entry idx in pool, so that a hit reads a few contiguous kilobytes, not
 * a large entry and a string allocated apart (each a cache miss). */
struct keyref {
	uint32_t off, len;
};
static struct keyref *keyref;
static char *pool;
static struct slot *slots;
static size_t nslots; /* a power of two */
/* The shape filter of shape_may(): a bit per key length (1 to 64), first
 * byte & 31 and last byte & 31 of the token table's keys. */
static uint32_t shape[LEXICON_MAXLEN * 32 * 32 / 32];
/*
 * Words of one to three ASCII letters ("a", "of", "The": a third of the
 * words of a text) are looked up by direct address instead: tiny[] maps
 * their letters (1 to 26 each, either case; 0 past the end: a number in
 * base 27, tiny_index()) to an entry of tiny_mask[], the lists of the
 * word; 0 (mask 0) for a word in none, TINY_ASK when more distinct masks
 * than fit need the hash table asked.
 */
#define TINY_N   (27 * 27 * 27)
#define TINY_ASK 255
static uint8_t tiny[TINY_N];
static uint32_t tiny_mask[TINY_ASK];
/* A letter's digit (1 to 26, either case) for tiny_index(); 0x80: none */
static uint8_t tiny_digit[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;
static atomic_bool built; /* set by build() when the table is ready */

static bool
is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/*
 * s (len bytes, 1 to LEXICON_MAXLEN) copied into buf with its ASCII
 * capitals lower-cased, eight bytes at a time. A word of 4 to 16 bytes
 * (most) is read and written as two overlapping halves, without a call
 * to memcpy(); another is copied first. buf holds LEXICON_MAXLEN bytes, a
 * multiple of eight.
 */
static void
fold(const char *s, size_t len, char *buf)
{
	uint64_t x, y;
	uint32_t a, b;
	size_t i;

	if (len >= 8 && len <= 16) {
		memcpy(&x, s, 8);
		memcpy(&y, s + len - 8, 8);
		x = bytes_lower8(x);
		y = bytes_lower8(y);
		memcpy(buf, &x, 8);
		memcpy(buf + len - 8, &y, 8);
		return;
	}
	if (len >= 4 && len < 8) {
		memcpy(&a, s, 4);
		memcpy(&b, s + len - 4, 4);
		x = bytes_lower8((uint64_t)a | (uint64_t)b << 32);
		a = (uint32_t)x;
		b = (uint32_t)(x >> 32);
		memcpy(buf, &a, 4);
		memcpy(buf + len - 4, &b, 4);
		return;
	}
	/* the last eight-byte step reads past len: zeros, not junk */
	memset(buf + (len - 1) / 8 * 8, 0, 8);
	memcpy(buf, s, len);
	for (i = 0; i < len; i += 8) {
		memcpy(&x, buf + i, 8);
		x = bytes_lower8(x);
		memcpy(buf + i, &x, 8);
	}
}

static struct slot *
probe(const char *key, size_t len, uint64_t h)
{
	uint16_t check = (uint16_t)(h >> 48);
	size_t i = (size_t)h & (nslots - 1);

	while (slots[i].idx != 0) {
		const struct lexent *e = &ents[slots[i].idx - 1];

		if (slots[i].check == check && e->len == len &&
		    memcmp(e->key, key, len) == 0)
			break;
		i = (i + 1) & (nslots - 1);
	}
	slots[i].check = check;
	return &slots[i];
}

/* The entry of key (lower case), added when new. */
static struct lexent *
insert(const char *key, size_t len)
{
	uint64_t h = XXH3_64bits(key, len);
	struct slot *s = probe(key, len, h);

	if (s->idx == 0) {
		if (nents == entcap) {
			entcap = entcap ? entcap * 2 : 1024;
			ents = xreallocarray(ents, entcap, sizeof *ents);
		}
		memset(&ents[nents], 0, sizeof ents[nents]);
		ents[nents].key = xstrndup(key, len);
		ents[nents].len = len;
		s->idx = (uint16_t)++nents;
	}
	return &ents[s->idx - 1];
}

static void build_sides(void);

/* The tiny[] index of s (1 to 3 bytes); TINY_N unless all ASCII
 * letters. */
static inline unsigned
tiny_index(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	/* no branch on the length, which changes word by word: a byte past
	 * the end is read as u[0] again and counts as 0 */
	unsigned a = tiny_digit[u[0]];
	unsigned b = tiny_digit[u[len > 1]] & -(unsigned)(len > 1);
	unsigned c =
	    tiny_digit[u[(size_t)(len > 2) * 2]] & -(unsigned)(len > 2);

	if ((a | b | c) & 0x80)
		return TINY_N;
	return (a * 27 + b) * 27 + c;
}

/* Fill tiny[] from the entries (after their masks are final). */
static void
build_tiny(void)
{
	size_t i, m, nmasks = 1; /* tiny_mask[0] = 0: in no list */
	unsigned x;

	for (i = 0; i < 256; i++)
		tiny_digit[i] = 0x80;
	for (i = 0; i < 26; i++) {
		tiny_digit['a' + i] = (uint8_t)(i + 1);
		tiny_digit['A' + i] = (uint8_t)(i + 1);
	}

	for (i = 0; i < nents; i++) {
		if (ents[i].len > 3 ||
		    (x = tiny_index(ents[i].key, ents[i].len)) == TINY_N)
			continue;
		for (m = 1; m < nmasks && tiny_mask[m] != ents[i].mask; m++)
			;
		if (m == nmasks && nmasks < TINY_ASK)
			tiny_mask[nmasks++] = ents[i].mask;
		tiny[x] = m < nmasks ? (uint8_t)m : TINY_ASK;
	}
}

static void
build(void)
{
	size_t total = 0, i, k, j;
	char buf[LEXICON_MAXLEN];

	for (k = 0; k < LEX_NINDEXED; k++)
		total += tables[k]->n;
	/* every key and its prefixes (fewer than the entries of all lists,
	 * which overlap): at most a quarter full */
	for (nslots = 64; nslots < total * 4; nslots *= 2)
		;
	slots = xcalloc(nslots, sizeof *slots);
	for (k = 0; k < LEX_NINDEXED; k++) {
		for (i = 0; i < tables[k]->n; i++) {
			const struct lexicon_entry *e = &tables[k]->v[i];
			size_t len = strlen(e->key);
			struct lexent *s;

			if (len == 0 || len > LEXICON_MAXLEN)
				continue;
			for (j = 0; j < len; j++)
				buf[j] = is_upper(e->key[j]) ? (char)(e->key[j] + 32)
				                             : e->key[j];
			s = insert(buf, len);
			s->mask |= LEX_BIT(k);
			s->value[k] = e->value != NULL ? e->value : e->key;
			for (j = 1; j < len; j++)
				if (buf[j] == ' ')
					insert(buf, j)->mask |= LEX_PREFIX;
		}
	}
	for (i = 0; i < nslots; i++) {
		if (slots[i].idx != 0)
			slots[i].mask = ents[slots[i].idx - 1].mask;
	}
	build_tiny();
	for (i = 0; i < nents; i++) {
		const char *key = ents[i].key;
		size_t b = (ents[i].len - 1) << 10 |
		           (size_t)(key[0] & 31) << 5 |
		           (size_t)(key[ents[i].len - 1] & 31);

		shape[b / 32] |= (uint32_t)1 << (b % 32);
	}
	keyref = xcalloc(nents + 1, sizeof *keyref);
	for (i = 0, total = 0; i < nents; i++)
		total += ents[i].len;
	pool = xcalloc(total + 1, 1);
	for (i = 0, total = 0; i < nents; i++) {
		keyref[i].off = (uint32_t)total;
		keyref[i].len = (uint32_t)ents[i].len;
		memcpy(pool + total, ents[i].key, ents[i].len);
		total += ents[i].len;
	}
	build_sides();
	atomic_store_explicit(&built, true, memory_order_release);
}

/* The table is ready to read (built on first use). */
static inline void
ensure_built(void)
{
	/* pthread_once() is a call per lookup; the flag is a load */
	if (!atomic_load_explicit(&built, memory_order_acquire))
		pthread_once(&once, build);
}

/* The slot of the lower-cased key (len bytes) of hash h; NULL when no
 * list holds it. A read-only probe: the table is shared. */
static inline const struct slot *
probe_ro(const char *key, size_t len, uint64_t h)
{
	uint16_t check = (uint16_t)(h >> 48);
	const struct slot *sl;
	size_t i;

	for (i = (size_t)h & (nslots - 1); (sl = &slots[i])->idx != 0;
	     i = (i + 1) & (nslots - 1)) {
		const struct keyref *k;

		if (sl->check != check)
			continue;
		k = &keyref[sl->idx - 1];
		if (k->len == len && bytes_same(pool + k->off, key, len))
			return sl;
	}
	return NULL;
}

/* find() of a key s known to hold no ASCII capital letter: s is its own
 * key, neither copied nor folded. */
static inline const struct slot *
find_lower(const char *s, size_t len, uint64_t *hash)
{
	if (len == 0 || len > LEXICON_MAXLEN) {
		*hash = 0;
		return NULL;
	}
	*hash = XXH3_64bits(s, len);
	return probe_ro(s, len, *hash);
}

/* find() of a key that may hold capitals, folded in a buffer of its own
 * (kept out of find_lower() and its callers, which then need no stack
 * canary). */
static FLATTEN NOINLINE const struct slot *
find_folded(const char *s, size_t len, uint64_t *hash)
{
	char buf[LEXICON_MAXLEN];

	if (len == 0 || len > LEXICON_MAXLEN) {
		*hash = 0;
		return NULL;
	}
	fold(s, len, buf);
	return find_lower(buf, len, hash);
}

/*
 * The slot of s (NULL: in no list) and its hash (0 when s is empty or
 * longer than LEXICON_MAXLEN); nocaps: s holds no ASCII capital letter.
 * The table must be built (ensure_built()).
 */
static inline const struct slot *
find(const char *s, size_t len, bool nocaps, uint64_t *hash)
{
	return nocaps ? find_lower(s, len, hash) : find_folded(s, len, hash);
}

/*
 * Whether the shape filter lets s (1 to LEXICON_MAXLEN bytes) through:
 * false only when no key of the token table has its length, first byte
 * and last byte (each & 31, the same for both cases of an ASCII letter).
 * A word in no list mostly stops here, before it is folded and hashed.
 */
static bool
shape_may(const char *s, size_t len)
{
	size_t b = (len - 1) << 10 | (size_t)(s[0] & 31) << 5 |
	           (size_t)(s[len - 1] & 31);

	return (shape[b / 32] >> (b % 32)) & 1;
}

/* find() for a caller that needs no hash: the shape filter first. */
static const struct slot *
find_nohash(const char *s, size_t len)
{
	uint64_t h;

	if (len == 0 || len > LEXICON_MAXLEN || !shape_may(s, len))
		return NULL;
	return find(s, len, false, &h);
}

/* tiny[] of s when s is a word of one to three letters that tiny[]
 * answers for; -1 when the hash table must be asked. */
static inline long
tiny_find(const char *s, size_t len)
{
	unsigned x;

	if (len == 0 || len > 3 || (x = tiny_index(s, len)) == TINY_N ||
	    tiny[x] == TINY_ASK)
		return -1;
	return tiny[x];
}

FLATTEN unsigned
lexicon_lookup(const char *s, size_t len)
{
	const struct slot *sl;
	long m;

	ensure_built();
	if ((m = tiny_find(s, len)) >= 0)
		return tiny_mask[m];
	sl = find_nohash(s, len);
	return sl != NULL ? sl->mask : 0;
}

/* lexicon_lookup_word() past tiny[]: hashed, the table probed. Apart,
 * so that a short word in a list calls nothing and saves no registers. */
static FLATTEN NOINLINE unsigned
word_hashed(const char *s, size_t len, bool nocaps, uint64_t *hash)
{
	const struct slot *sl;
	unsigned mask;

	ensure_built();
	sl = find(s, len, nocaps, hash);
	mask = sl != NULL ? sl->mask : 0;

	if (mask & ~LEX_PREFIX)
		*hash = 0;
	return mask;
}

unsigned
lexicon_lookup_word(const char *s, size_t len, bool nocaps, uint64_t *hash)
{
	long m;

	/* in a list: no hash wanted, none made (word_hashed() builds the
	 * table when it is not yet) */
	if (atomic_load_explicit(&built, memory_order_acquire) &&
	    (m = tiny_find(s, len)) >= 0 && (tiny_mask[m] & ~LEX_PREFIX)) {
		*hash = 0;
		return tiny_mask[m];
	}
	return word_hashed(s, len, nocaps, hash);
}

uint64_t
lexicon_hash(const char *s, size_t len)
{
	uint64_t h;

	ensure_built();
	find(s, len, false, &h);
	return h;
}

/*
 * The side lists have a table of their own (so that the token table stays
 * small and in cache): entry numbers + 1 (0: empty) in open addressing,
 * keyed by the hash of the lower-cased key mixed with the list's kind,
 * at most a quarter full. Built with the token table.
 */
struct sideent {
	const struct lexicon_entry *e;
	const char *folded; /* the key lower-cased, in side_pool */
	size_t len;
	unsigned kind;
};

static struct sideent *sides;
static char *side_pool;
static uint32_t *side_slots;
static size_t nside_slots; /* a power of two */

static uint64_t
side_hash(uint64_t h, unsigned kind)
{
	return h ^ ((uint64_t)(kind + 1) * 0x9E3779B97F4A7C15ULL);
}

static void
build_sides(void)
{
	size_t total = 0, bytes = 0, n = 0, i, j;
	unsigned k;
	char *buf;

	for (k = LEX_NINDEXED; k < LEX_NKINDS; k++) {
		total += tables[k]->n;
		for (i = 0; i < tables[k]->n; i++)
			bytes += strlen(tables[k]->v[i].key);
	}
	for (nside_slots = 64; nside_slots < total * 4; nside_slots *= 2)
		;
	side_slots = xcalloc(nside_slots, sizeof *side_slots);
	sides = xcalloc(total + 1, sizeof *sides);
	/* the folded keys, one after another (fold() writes up to eight
	 * bytes a step: room for a step past the last) */
	buf = side_pool = xcalloc(bytes + LEXICON_MAXLEN, 1);
	for (k = LEX_NINDEXED; k < LEX_NKINDS; k++) {
		for (i = 0; i < tables[k]->n; i++) {
			const struct lexicon_entry *e = &tables[k]->v[i];
			size_t len = strlen(e->key);
			uint64_t h;

			if (len == 0 || len > LEXICON_MAXLEN)
				continue;
			fold(e->key, len, buf);
			h = side_hash(XXH3_64bits(buf, len), k);
			for (j = (size_t)h & (nside_slots - 1); side_slots[j] != 0;
			     j = (j + 1) & (nside_slots - 1)) {
				const struct sideent *o = &sides[side_slots[j] - 1];

				if (o->kind == k && o->len == len &&
				    bytes_same(o->folded, buf, len))
					break; /* a duplicate key: the first wins */
			}
			if (side_slots[j] != 0)
				continue;
			sides[n].e = e;
			sides[n].folded = buf;
			sides[n].len = len;
			sides[n].kind = k;
			side_slots[j] = (uint32_t)++n;
			buf += len;
		}
	}
}

/* The entry of side list kind holding s; NULL when absent. */
static const struct lexicon_entry *
side_find(unsigned kind, const char *s, size_t len)
{
	char key[LEXICON_MAXLEN];
	uint64_t h;
	size_t j;

	ensure_built();
	if (len == 0 || len > LEXICON_MAXLEN)
		return NULL;
	fold(s, len, key);
	h = side_hash(XXH3_64bits(key, len), kind);
	for (j = (size_t)h & (nside_slots - 1); side_slots[j] != 0;
	     j = (j + 1) & (nside_slots - 1)) {
		const struct sideent *o = &sides[side_slots[j] - 1];

		if (o->kind == kind && o->len == len &&
		    bytes_same(o->folded, key, len))
			return o->e;
	}
	return NULL;
}

bool
lexicon_has(enum lexicon_kind kind, const char *s, size_t len)
{
	if ((unsigned)kind >= LEX_NKINDS)
		return false;
	if (kind >= LEX_NINDEXED)
		return side_find(kind, s, len) != NULL;
	return (lexicon_lookup(s, len) & LEX_BIT(kind)) != 0;
}

const char *
lexicon_value(enum lexicon_kind kind, const char *s, size_t len)
{
	const struct slot *sl;

	if ((unsigned)kind >= LEX_NKINDS)
		return NULL;
	if (kind >= LEX_NINDEXED) {
		const struct lexicon_entry *e = side_find(kind, s, len);

		if (e == NULL)
			return NULL;
		return e->value != NULL ? e->value : e->key;
	}
	ensure_built();
	sl = find_nohash(s, len);
	return sl != NULL ? ents[sl->idx - 1].value[kind] : NULL;
}

const struct lexicon_table *
lexicon_table(enum lexicon_kind kind)
{
	return tables[kind];
}
