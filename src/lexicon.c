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
 * Nearly every word of an article is looked up, and about two thirds of
 * those past tiny[] are in no list; a probe of a table bigger than the
 * CPU's first-level cache costs a cache miss or more. So each table (the
 * token table and the side table: struct ktab) has a blocked Bloom
 * filter of a few kilobytes over its keys' hashes, which answers "in no
 * list" for nearly every such word without touching a slot, and slots of
 * 16 bytes that hold a key of up to eight bytes themselves (most words):
 * a hit then reads one slot, a longer key one slot and the pool. The
 * tables may be three quarters full, since a miss seldom probes. Before
 * the token table: words of one to three letters are found by direct
 * address (tiny[]), and a lookup that wants no hash first asks a filter
 * of the keys' lengths and first and last bytes (shape[]). Every filter
 * answers "no" only for a phrase the table does not hold.
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
	size_t len;
	unsigned mask;
	const char *value[LEX_NINDEXED];
	char key[LEXICON_MAXLEN];
};

/*
 * A slot of a hash table of lower-cased keys (linear probing). A key of
 * up to eight bytes is kept in the slot itself (key8()), so that a hit
 * reads nothing else; a longer one is compared in the table's pool.
 */
struct slot {
	uint64_t key;   /* key8() of a key of 1 to 8 bytes; else its offset
	                 * in the pool */
	uint32_t data;  /* token table: the lists' mask (the entry's);
	                 * side table: index in sides[] */
	uint32_t id;    /* slot_id() of the key; 0: an empty slot */
};

/* What a slot says of its key, compared at once: bits 48 to 63 of its
 * hash, its length (1 to LEXICON_MAXLEN, never 0) and its tag (the side
 * table: the list's kind; the token table: 0). */
static inline uint32_t
slot_id(uint64_t h, size_t len, unsigned tag)
{
	return (uint32_t)(h >> 48) << 16 | (uint32_t)len << 8 | tag;
}

/*
 * A table: its slots (at most three quarters full) and a blocked Bloom
 * filter over the hashes of its keys: bloom[] word bloom_word() has the
 * two bits bloom_bits() of each key's hash set, so that a phrase whose
 * bits are not all set is in no slot (one word read, no slot touched).
 */
struct ktab {
	struct slot *slots;
	size_t nslots; /* a power of two */
	uint64_t *bloom;
	size_t nbloom; /* words, a power of two */
	char *pool;    /* the keys longer than eight bytes */
	size_t pool_len, pool_cap;
};

/* the entries while the tables are built (freed then) */
static struct lexent *ents;
static size_t nents, entcap;
/*
 * The token table: entries of all lists and their prefixes. Their values
 * for lexicon_value(): those of slot i's entry, one per list of its mask
 * in the order of the bits, from values[value_of[i]] on (a few dozen
 * kilobytes in all, not a pointer per list and entry).
 */
static struct ktab tok;
static uint32_t *value_of;
static const char **values;
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

/* The number of bits set in x. */
static inline size_t
popcount32(uint32_t x)
{
#if defined(__GNUC__)
	return (size_t)__builtin_popcount(x);
#else
	size_t n;

	for (n = 0; x != 0; x &= x - 1)
		n++;
	return n;
#endif
}

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

/*
 * The len bytes at s (1 to 8) as a number, the bytes past len zero: a
 * short key compared in one step. Reads only s[0, len), with overlapping
 * loads instead of a loop or a call (bytes read twice agree).
 */
static inline uint64_t
key8(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t a, b;

	if (len >= 4) {
		memcpy(&a, s, 4);
		memcpy(&b, s + len - 4, 4);
		return (uint64_t)a | (uint64_t)b << (8 * (len - 4));
	}
	return (uint64_t)u[0] | (uint64_t)u[len / 2] << (8 * (len / 2)) |
	       (uint64_t)u[len - 1] << (8 * (len - 1));
}

/* The Bloom filter's word and bits of a hash (bits 16 to 44 of it: the
 * slot index takes the low bits, slot_id() the high ones). */
static inline size_t
bloom_word(const struct ktab *t, uint64_t h)
{
	return (size_t)(h >> 16) & (t->nbloom - 1);
}

static inline uint64_t
bloom_bits(uint64_t h)
{
	return (uint64_t)1 << ((h >> 27) & 63) |
	       (uint64_t)1 << ((h >> 33) & 63);
}

/* A table for up to n keys, empty: at most three quarters full, a
 * Bloom filter word per four to eight keys (4 KB for the token table, 16
 * KB for the side table: some 2% of the phrases in no list pass). */
static void
ktab_init(struct ktab *t, size_t n)
{
	for (t->nslots = 64; t->nslots * 3 < n * 4; t->nslots *= 2)
		;
	for (t->nbloom = 8; t->nbloom * 8 < n; t->nbloom *= 2)
		;
	t->slots = xcalloc(t->nslots, sizeof *t->slots);
	t->bloom = xcalloc(t->nbloom, sizeof *t->bloom);
	t->pool = NULL;
	t->pool_len = t->pool_cap = 0;
}

/* The slot of the lower-cased key (1 to LEXICON_MAXLEN bytes) of hash h
 * and tag; NULL when the table does not hold it. A read-only probe: the
 * table is shared. */
static inline const struct slot *
ktab_find(const struct ktab *t, const char *key, size_t len, uint64_t h,
          unsigned tag)
{
	uint64_t want = bloom_bits(h), k8;
	uint32_t id = slot_id(h, len, tag);
	const struct slot *sl;
	size_t i, m = t->nslots - 1;

	if ((t->bloom[bloom_word(t, h)] & want) != want)
		return NULL;
	k8 = len <= 8 ? key8(key, len) : 0;
	for (i = (size_t)h & m; (sl = &t->slots[i])->id != 0; i = (i + 1) & m) {
		if (sl->id != id)
			continue;
		if (len <= 8 ? sl->key == k8
		             : bytes_same(t->pool + sl->key, key, len))
			return sl;
	}
	return NULL;
}

/* The slot of the lower-cased key of hash h and tag: the one holding it,
 * else a new one (its data 0) when *added is set. Building only: the
 * table must have room. */
static struct slot *
ktab_add(struct ktab *t, const char *key, size_t len, uint64_t h,
         unsigned tag, bool *added)
{
	struct slot *sl = (struct slot *)ktab_find(t, key, len, h, tag);
	size_t i, m = t->nslots - 1;

	*added = sl == NULL;
	if (sl != NULL)
		return sl;
	for (i = (size_t)h & m; t->slots[i].id != 0; i = (i + 1) & m)
		;
	sl = &t->slots[i];
	sl->id = slot_id(h, len, tag);
	if (len <= 8) {
		sl->key = key8(key, len);
	} else {
		if (t->pool_len + len > t->pool_cap) {
			t->pool_cap = t->pool_cap ? t->pool_cap * 2 : 4096;
			t->pool = xrealloc(t->pool, t->pool_cap);
		}
		memcpy(t->pool + t->pool_len, key, len);
		sl->key = t->pool_len;
		t->pool_len += len;
	}
	t->bloom[bloom_word(t, h)] |= bloom_bits(h);
	return sl;
}

/* The entry of key (lower case), added when new; its slot's data is
 * the entry's index while the table is built. */
static struct lexent *
insert(const char *key, size_t len)
{
	bool added;
	struct slot *sl = ktab_add(&tok, key, len, XXH3_64bits(key, len), 0,
	                           &added);

	if (added) {
		if (nents == entcap) {
			entcap = entcap ? entcap * 2 : 1024;
			ents = xreallocarray(ents, entcap, sizeof *ents);
		}
		memset(&ents[nents], 0, sizeof ents[nents]);
		memcpy(ents[nents].key, key, len);
		ents[nents].len = len;
		sl->data = (uint32_t)nents++;
	}
	return &ents[sl->data];
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

	/* room for every key and its prefixes (fewer: the lists overlap) */
	for (k = 0; k < LEX_NINDEXED; k++) {
		for (i = 0; i < tables[k]->n; i++) {
			const char *key = tables[k]->v[i].key;

			for (total++; *key != '\0'; key++)
				total += *key == ' ';
		}
	}
	ktab_init(&tok, total);
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
	/* the slots keep their entry's mask, values[] its values */
	for (i = 0, total = 0; i < nents; i++)
		total += popcount32(ents[i].mask & ~LEX_PREFIX);
	values = xcalloc(total + 1, sizeof *values);
	value_of = xcalloc(tok.nslots, sizeof *value_of);
	for (i = 0, total = 0; i < tok.nslots; i++) {
		const struct lexent *e;

		if (tok.slots[i].id == 0)
			continue;
		e = &ents[tok.slots[i].data];
		tok.slots[i].data = e->mask;
		value_of[i] = (uint32_t)total;
		for (k = 0; k < LEX_NINDEXED; k++)
			if (e->mask & LEX_BIT(k))
				values[total++] = e->value[k];
	}
	build_tiny();
	for (i = 0; i < nents; i++) {
		const char *key = ents[i].key;
		size_t b = (ents[i].len - 1) << 10 |
		           (size_t)(key[0] & 31) << 5 |
		           (size_t)(key[ents[i].len - 1] & 31);

		shape[b / 32] |= (uint32_t)1 << (b % 32);
	}
	free(ents);
	ents = NULL;
	nents = entcap = 0;
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
	return ktab_find(&tok, s, len, *hash, 0);
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
	return sl != NULL ? sl->data : 0;
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
	mask = sl != NULL ? sl->data : 0;

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
 * small and in cache), keyed by the hash of the lower-cased key mixed
 * with the list's kind and tagged with the kind; a slot's data is the
 * index of its entry in sides[]. Built with the token table. Most
 * phrases asked for are in no side list (capitalised words asked whether
 * they are given names): the Bloom filter answers those.
 */
struct side {
	const struct lexicon_entry *e;
};

static struct side *sides;
static struct ktab side;

static uint64_t
side_hash(uint64_t h, unsigned kind)
{
	return h ^ ((uint64_t)(kind + 1) * 0x9E3779B97F4A7C15ULL);
}

static void
build_sides(void)
{
	size_t total = 0, n = 0, i;
	unsigned k;
	char buf[LEXICON_MAXLEN];

	for (k = LEX_NINDEXED; k < LEX_NKINDS; k++)
		total += tables[k]->n;
	ktab_init(&side, total);
	sides = xcalloc(total + 1, sizeof *sides);
	for (k = LEX_NINDEXED; k < LEX_NKINDS; k++) {
		for (i = 0; i < tables[k]->n; i++) {
			const struct lexicon_entry *e = &tables[k]->v[i];
			size_t len = strlen(e->key);
			struct slot *sl;
			bool added;

			if (len == 0 || len > LEXICON_MAXLEN)
				continue;
			fold(e->key, len, buf);
			sl = ktab_add(&side, buf, len,
			              side_hash(XXH3_64bits(buf, len), k), k,
			              &added);
			if (!added)
				continue; /* a duplicate key: the first wins */
			sides[n].e = e;
			sl->data = (uint32_t)n++;
		}
	}
}

/* The entry of side list kind holding s; NULL when absent. */
static FLATTEN const struct lexicon_entry *
side_find(unsigned kind, const char *s, size_t len)
{
	char key[LEXICON_MAXLEN];
	const struct slot *sl;

	ensure_built();
	if (len == 0 || len > LEXICON_MAXLEN)
		return NULL;
	fold(s, len, key);
	sl = ktab_find(&side, key, len, side_hash(XXH3_64bits(key, len), kind),
	               kind);
	return sl != NULL ? sides[sl->data].e : NULL;
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
	if (sl == NULL || !(sl->data & LEX_BIT(kind)))
		return NULL;
	return values[value_of[sl - tok.slots] +
	              popcount32(sl->data & (LEX_BIT(kind) - 1))];
}

const struct lexicon_table *
lexicon_table(enum lexicon_kind kind)
{
	return tables[kind];
}
