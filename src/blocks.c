/*
 * blocks.c: split an article into blocks and give each block a kind.
 *
 * Two passes. The first cuts the text into lines and the lines into
 * segments: a run of non-blank lines is one segment (a hard-wrapped
 * paragraph), except that a line printed twice in a row is a caption, a
 * line opening with a list marker starts a list item and a Markdown "#"
 * line (or a line underlined with "===" / "---") is a heading. The second
 * pass gives the plain text segments their kinds by their shape and by the
 * phrase tables below: site chrome and legal notices are boilerplate, the
 * first real line is the title, a short line without end punctuation
 * between paragraphs is a heading, a name line followed by "NAME is a
 * journalist ..." near the end is the byline and bio.
 *
 * The rules are general: the tables hold phrases that mark a kind of text
 * on many sites, never facts of one article.
 *
 * Invariant: blocks are in text order, never overlap, never start or end
 * with blank space, and start >= 3 when the text opens with a BOM.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "article.h"
#include "blocks.h"
#include "xmalloc.h"

static const char *kind_names[BLOCK_NKINDS] = {
	[BLOCK_TITLE] = "title",
	[BLOCK_CAPTION] = "caption",
	[BLOCK_HEADING] = "heading",
	[BLOCK_PARAGRAPH] = "paragraph",
	[BLOCK_LIST] = "list",
	[BLOCK_BYLINE] = "byline",
	[BLOCK_BIO] = "bio",
	[BLOCK_BOILERPLATE] = "boilerplate",
};

/*
 * Site chrome: a block that is exactly one of these (ignoring case and
 * surrounding space) is boilerplate wherever it stands.
 */
static const char *blocks_chrome[] = {
	"Accessibility links", "Skip to main content", "Skip to content",
	"Skip to navigation", "Breaking News", "Advertisement",
	"Advertisements", "Sponsored", "Share", "Share this", "Share this:",
	"Share this article", "Share this story", "Share on Facebook",
	"Share on Twitter", "Share via Email", "Email", "Print", "Comments",
	"Comment", "Related", "Related Content", "Related Stories",
	"Related Articles", "Read more", "Read More:", "Read more:",
	"More from", "Most Popular", "Most Read", "Trending", "Menu",
	"Search", "Sign in", "Log in", "Subscribe", "Sign up",
	"Newsletter", "Follow us", "Back to top", "Top stories",
	"Image", "Video", "Listen", "Listen to this article", "Loading...",
	"Watch", "Live", "Home", "Tweet", "Copy link", "Copied",
	NULL
};

/*
 * Legal notices and calls to action: a block containing one of these is
 * boilerplate when it stands in the closing run of the article, or
 * anywhere when the block is short (see blocks_is_tail_notice()).
 */
static const char *blocks_notice[] = {
	"all rights reserved", "copyright \xc2\xa9", "\xc2\xa9 ",
	"(c) copyright", "terms of use", "terms of service",
	"privacy policy", "cookie policy", "we use cookies",
	"click here", "sign up for our newsletter", "subscribe to our",
	"follow us on", "share this article", "undesirable organization",
	"fines or imprisonment", "criminal liability for",
	"this material may not be published",
	"reproduction in whole or in part",
	"report an error", "contact us", "editor's note:",
	NULL
};

/* Phrases that make a short paragraph a photo caption. */
static const char *blocks_caption_prefix[] = {
	"Photo:", "Photograph:", "Photo by ", "Photos:", "Image:",
	"Image caption", "Caption:", "Picture:", "Pictured:", "Above:",
	"Top:", "File photo", "FILE PHOTO", NULL
};
static const char *blocks_caption_credit[] = {
	"(AP Photo", "(Photo by", "/ Getty Images", "(Getty Images",
	"Getty Images)", "REUTERS/", "/ Reuters", "(Reuters Photo",
	"/AFP", "(EPA", "/ EPA", "Photograph:", "Photo:", NULL
};

/* "NAME is a ...": how an author's biography opens (after a space). */
static const char *blocks_bio_verbs[] = {
	"is a ", "is an ", "covers ", "has been a", NULL
};

/* What follows "NAME is a" in an author's biography. */
static const char *blocks_bio_words[] = {
	"journalist", "reporter", "correspondent", "editor", "writer",
	"columnist", "producer", "bureau chief", "contributor", "author",
	"freelance", "covers ", "staff writer", "analyst at", NULL
};

static const char *blocks_weekdays[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday", NULL
};
static const char *blocks_months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December", NULL
};

/* A segment found by the first pass. */
enum blocks_seg {
	SEG_TEXT,    /* plain lines: kind decided later */
	SEG_CAPTION, /* a line repeated */
	SEG_LIST,    /* a list item */
	SEG_MDHEAD,  /* a Markdown or underlined heading */
	SEG_MDTITLE  /* "# " level 1 heading */
};

struct blocks_seg_info {
	enum blocks_seg seg;
	int nlines;
	bool numbered; /* list item marked "1." / "1)" */
};

struct blocks_line {
	size_t start, end; /* without indentation and line end */
	size_t indent;	   /* bytes of leading blank space */
	bool blank;
};

const char *
blocks_kind_name(enum block_kind kind)
{
	if ((int)kind < 0 || kind >= BLOCK_NKINDS)
		return "?";
	return kind_names[kind];
}

int
blocks_kind_from_name(const char *name)
{
	int i;

	for (i = 0; i < BLOCK_NKINDS; i++)
		if (strcmp(kind_names[i], name) == 0)
			return i;
	return -1;
}

static bool
blocks_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
	    c == '\v';
}

static bool
blocks_is_upper(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];

	if (n == 0)
		return false;
	if (c >= 'A' && c <= 'Z')
		return true;
	/* Letters outside ASCII: accept Latin-1 capitals and anything the
	 * ASCII rules cannot judge. */
	return c >= 0xc3;
}

static bool
blocks_is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

static char
blocks_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * Whether the phrase p (ASCII) opens s[0..n), ignoring the case of
 * letters: strncasecmp() without a call or a strlen(), since most
 * candidates differ in their second byte.
 */
static bool
blocks_iprefix(const char *s, size_t n, const char *p)
{
	size_t i;

	for (i = 0; p[i] != '\0'; i++)
		if (i >= n || blocks_lower(s[i]) != blocks_lower(p[i]))
			return false;
	return true;
}

/* 1 for an ASCII letter or digit (blocks_is_alnum()), by byte. */
static const unsigned char blocks_alnum_tab[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

#if defined(__SSE2__) && defined(__GNUC__)
/* Set bits in x (16 bits). */
static unsigned
blocks_bits16(unsigned x)
{
	x = x - ((x >> 1) & 0x5555);
	x = (x & 0x3333) + ((x >> 2) & 0x3333);
	x = (x + (x >> 4)) & 0x0f0f;
	return (x + (x >> 8)) & 0x1f;
}

/*
 * A bit per byte of the sixteen at s: white space (blocks_words_max()'s,
 * ' ' and '\t' to '\r'). x + (128 - '\t') is below 5 - 128 as a signed
 * byte exactly for x from '\t' to '\r'.
 */
static unsigned
blocks_space16(const char *s)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i ctl = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(128 - '\t')),
	    _mm_set1_epi8(5 - 128));

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(ctl,
	    _mm_cmpeq_epi8(x, _mm_set1_epi8(' '))));
}
#endif

/*
 * Whether one of the phrases of table in the chain from k (head[] and
 * next[] of blocks_table_contains()) opens s[i..n): one opening with a
 * letter or digit only at a word start.
 */
static bool
blocks_chain_at(const char *s, size_t i, size_t n, const char **table,
    const unsigned char *next, size_t k, bool word_start)
{
	for (; k != 0; k = next[k - 1]) {
		const char *p = table[k - 1];

		/* most phrases of the chain differ in their second byte: a
		 * test that mostly goes one way ('| 0x20' folds the case of
		 * letters, and may only let more through) */
		if (i + 1 < n && p[1] != '\0' &&
		    ((s[i + 1] | 0x20) != (p[1] | 0x20)))
			continue;
		if ((word_start || !blocks_is_alnum(p[0])) &&
		    blocks_iprefix(s + i, n - i, p))
			return true;
	}
	return false;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* A bit per byte of the sixteen at s: an ASCII letter or digit. */
static unsigned
blocks_alnum16(const char *s)
{
	__m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
	__m128i low = _mm_or_si128(x, _mm_set1_epi8(0x20));
	/* x + (128 - lo) is below n - 128 as a signed byte exactly for x
	 * from lo to lo + n - 1 */
	__m128i letter = _mm_cmplt_epi8(
	    _mm_add_epi8(low, _mm_set1_epi8((char)(128 - 'a'))),
	    _mm_set1_epi8(26 - 128));
	__m128i digit = _mm_cmplt_epi8(
	    _mm_add_epi8(x, _mm_set1_epi8((char)(128 - '0'))),
	    _mm_set1_epi8(10 - 128));

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digit));
}
#endif

/* Does s[0..n) hold one of the phrases of table (at a word start)? */
static bool
blocks_table_contains(const char *s, size_t n, const char **table)
{
	/* the phrases by first byte (case folded): head[c] is the first
	 * phrase starting with c and next[k] the one after phrase k, each
	 * as index + 1, 0 ending the chain (so at most 255 phrases) */
	unsigned char head[256] = { 0 }, next[255];
	size_t i = 0, k, m;
	unsigned after_alnum = 0;
	bool space_opens = false; /* a phrase opens with white space */

	for (m = 0; m < sizeof next && table[m] != NULL; m++)
		;
	for (k = m; k-- > 0;) {
		unsigned char c = (unsigned char)(table[k][0] | 0x20);

		next[k] = head[c];
		head[c] = (unsigned char)(k + 1);
		space_opens = space_opens || blocks_is_space(table[k][0]);
	}
#if defined(__SSE2__) && defined(__GNUC__)
	/*
	 * A phrase starts at a word start or at a byte that is no letter
	 * or digit: sixteen bytes a step, those bytes a bit mask, and only
	 * theirs looked up (white space opens no phrase here: none of it
	 * when no phrase opens with it).
	 */
	for (; n - i >= 16; i += 16) {
		unsigned alnum = blocks_alnum16(s + i);
		/* a bit per byte that follows a letter or digit */
		unsigned after = (alnum << 1 | after_alnum) & 0xffff;
		unsigned may = ~(alnum & after) & 0xffff;

		if (!space_opens)
			may &= ~blocks_space16(s + i);
		after_alnum = alnum >> 15;
		for (; may != 0; may &= may - 1) {
			unsigned j = (unsigned)__builtin_ctz(may);
			unsigned char c = (unsigned char)s[i + j];

			k = head[c | 0x20];
			if (k != 0 && blocks_chain_at(s, i + j, n, table, next,
			    k, !((after >> j) & 1)))
				return true;
		}
	}
#endif
	/* the bytes left: the tests are '&' of 0/1 values, one branch per
	 * byte that is seldom taken (letters that open phrases are most
	 * letters) */
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		unsigned alnum = blocks_alnum_tab[c];
		bool word_start = !after_alnum;

		k = head[c | 0x20];
		after_alnum = alnum;
		if (!((k != 0) & (word_start | (alnum ^ 1))))
			continue;
		if (blocks_chain_at(s, i, n, table, next, k, word_start))
			return true;
	}
	return false;
}

/* Does s[0..n) hold one of the phrases of table right after a space? */
static bool
blocks_after_space(const char *s, size_t n, const char **table)
{
	/* 1 for the bytes (either case) that open a phrase */
	unsigned char first[256] = { 0 };
	const char **p;
	size_t i;

	for (p = table; *p != NULL; p++) {
		unsigned char c = (unsigned char)(*p)[0];

		first[c] = 1;
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			first[c ^ 0x20] = 1;
	}
	/* the spaces of a line's head that a phrase's first byte follows
	 * ('&': one seldom-taken branch a byte, not one at each space) */
	for (i = 0; i + 1 < n; i++) {
		if (!((s[i] == ' ') & first[(unsigned char)s[i + 1]]))
			continue;
		for (p = table; *p != NULL; p++)
			if (blocks_iprefix(s + i + 1, n - i - 1, *p))
				return true;
	}
	return false;
}

static bool
blocks_table_prefix(const char *s, size_t n, const char **table)
{
	if (n == 0)
		return false;
	for (; *table != NULL; table++) {
		size_t k;

		if ((s[0] | 0x20) != ((*table)[0] | 0x20))
			continue;
		k = strlen(*table);

		if (k <= n && strncasecmp(s, *table, k) == 0)
			return true;
	}
	return false;
}

static bool
blocks_is_chrome(const char *s, size_t n)
{
	const char **p;

	if (n == 0 || n > 32)
		return false;
	for (p = blocks_chrome; *p != NULL; p++)
		if ((s[0] | 0x20) == ((*p)[0] | 0x20) && strlen(*p) == n &&
		    strncasecmp(s, *p, n) == 0)
			return true;
	return false;
}

/* Words in s[0..n) (runs of non-space), counting no further than max + 1. */
static int
blocks_words_max(const char *s, size_t n, int max)
{
	/* white space by byte: counted without a branch per byte, which
	 * text (a word, a space, a word) would keep mispredicting */
	static const unsigned char space[256] = {
		['\t'] = 1, ['\n'] = 1, ['\v'] = 1, ['\f'] = 1, ['\r'] = 1,
		[' '] = 1,
	};
	int words = 0;
	unsigned before = 1; /* white space (or the start) before s[i] */
	size_t i = 0;

#if defined(__SSE2__) && defined(__GNUC__)
	/* sixteen bytes a step: the words start at the bytes that are no
	 * white space after one that is */
	for (; n - i >= 16 && words <= max; i += 16) {
		unsigned sp = blocks_space16(s + i);

		words += (int)blocks_bits16(~sp & (sp << 1 | before) & 0xffff);
		before = sp >> 15;
	}
#endif
	for (; i < n && words <= max; i++) {
		unsigned sp = space[(unsigned char)s[i]];

		words += (int)(before & (sp ^ 1));
		before = sp;
	}
	return words <= max ? words : max + 1;
}

/* Does the text end like a sentence (punctuation, perhaps closed by a
 * quote or bracket)? */
static bool
blocks_ends_sentence(const char *s, size_t n)
{
	while (n > 0) {
		unsigned char c = (unsigned char)s[n - 1];

		if (c == '"' || c == '\'' || c == ')' || c == ']') {
			n--;
			continue;
		}
		/* Closing curly quotes U+2019, U+201D, guillemet U+00BB. */
		if (n >= 3 && memcmp(s + n - 3, "\xe2\x80", 2) == 0 &&
		    (c == 0x99 || c == 0x9d)) {
			n -= 3;
			continue;
		}
		if (n >= 2 && memcmp(s + n - 2, "\xc2\xbb", 2) == 0) {
			n -= 2;
			continue;
		}
		break;
	}
	if (n == 0)
		return false;
	if (strchr(".!?:;,", s[n - 1]) != NULL)
		return true;
	/* U+2026 ellipsis */
	return n >= 3 && memcmp(s + n - 3, "\xe2\x80\xa6", 3) == 0;
}

/* Length of a list marker at s ("• ", "- ", "* ", "+ ", "12. ", "3) "),
 * 0 when there is none; *numbered says which. */
static size_t
blocks_list_marker(const char *s, size_t n, bool *numbered)
{
	static const char *bullets[] = { "\xe2\x80\xa2", "\xe2\x97\xa6",
		"\xe2\x96\xaa", "\xe2\x80\xa3", "\xc2\xb7", "-", "*", "+",
		NULL };
	const char **b;
	size_t i;

	*numbered = false;
	/* most lines open with a letter, which opens no bullet */
	for (b = bullets; n > 0 && *b != NULL; b++) {
		size_t k;

		if (s[0] != (*b)[0])
			continue;
		k = strlen(*b);
		if (n > k && memcmp(s, *b, k) == 0 && (s[k] == ' ' ||
		    s[k] == '\t'))
			return k + 1;
	}
	for (i = 0; i < n && i < 3 && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ') {
		*numbered = true;
		return i + 2;
	}
	return 0;
}

/* "# Heading": the level (1-6), 0 when the line is no Markdown heading. */
static int
blocks_md_level(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < 7 && s[i] == '#'; i++)
		;
	if (i == 0 || i > 6 || i >= n || s[i] != ' ')
		return 0;
	return (int)i;
}

/* A line of only '=' or only '-' (at least 3): a Setext underline. */
static int
blocks_underline(const char *s, size_t n)
{
	size_t i;

	if (n < 3 || (s[0] != '=' && s[0] != '-'))
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] != s[0])
			return 0;
	return s[0] == '=' ? 1 : 2;
}

/*
 * A person's name: 2 to 5 words, each starting with a capital, holding
 * only letters and . - ' (e.g. "Chris Rickleton", "B. Lynn Winmill").
 */
static bool
blocks_is_name(const char *s, size_t n)
{
	size_t i;
	bool start = true;
	int words;

	if (n > 60 || (words = blocks_words_max(s, n, 5)) < 2 || words > 5)
		return false;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ') {
			start = true;
			continue;
		}
		if (start) {
			if (!blocks_is_upper(s + i, n - i))
				return false;
			start = false;
		}
		if (c < 0x80 && !((c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || c == '.' || c == '-' ||
		    c == '\''))
			return false;
	}
	return true;
}

/* "Friday, July 21, 2017", "July 21, 2017", "2017-07-21": a date line. */
static bool
blocks_is_date(const char *s, size_t n)
{
	bool digit = false;
	size_t i;

	if (n > 60 || blocks_words_max(s, n, 7) > 7)
		return false;
	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			digit = true;
	if (!digit)
		return false;
	if (blocks_table_prefix(s, n, blocks_weekdays) ||
	    blocks_table_prefix(s, n, blocks_months))
		return true;
	return n >= 10 && s[4] == '-' && s[7] == '-' && s[0] >= '0' &&
	    s[0] <= '9';
}

/* "By NAME" (or "By NAME and NAME"). */
static bool
blocks_is_byline(const char *s, size_t n)
{
	if (n < 5 || n > 100 || strncasecmp(s, "By ", 3) != 0)
		return false;
	if (!blocks_is_upper(s + 3, n - 3))
		return false;
	return !blocks_ends_sentence(s, n) && blocks_words_max(s, n, 12) <= 12;
}

/* A photo caption that is not repeated: a credit or caption prefix. */
static bool
blocks_is_caption(const char *s, size_t n)
{
	size_t tail = n < 80 ? n : 80;
	const char *end;

	if (n > 300)
		return false;
	end = s + n - tail;

	if (blocks_table_prefix(s, n, blocks_caption_prefix))
		return true;
	/*
	 * A credit stands at the end: look at the last 80 bytes only, and
	 * only when they hold one of the marks every credit above has.
	 */
	if (memchr(end, '(', tail) == NULL && memchr(end, '/', tail) == NULL &&
	    memchr(end, ':', tail) == NULL && memchr(end, ')', tail) == NULL)
		return false;
	return blocks_table_contains(end, tail, blocks_caption_credit);
}

/* "NAME is a journalist ...": name, then a biography word early on. */
static bool
blocks_is_bio(const char *s, size_t n, const char *name, size_t namelen)
{
	size_t head = n < 160 ? n : 160;

	if (name != NULL) {
		if (namelen > n || memcmp(s, name, namelen) != 0)
			return false;
		return true;
	}
	if (!blocks_after_space(s, head, blocks_bio_verbs))
		return false;
	return blocks_table_contains(s, head, blocks_bio_words);
}

static void
blocks_push(struct block_list *bl, size_t *cap, enum block_kind kind,
    size_t start, size_t end, size_t shown_end)
{
	if (bl->n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		bl->v = xreallocarray(bl->v, *cap, sizeof *bl->v);
	}
	bl->v[bl->n].kind = kind;
	bl->v[bl->n].start = start;
	bl->v[bl->n].end = end;
	bl->v[bl->n].shown_end = shown_end;
	bl->n++;
}

/* Read the line at t[*pos]: its range without indentation and line end. */
static void
blocks_next_line(const char *t, size_t len, size_t *pos,
    struct blocks_line *ln)
{
	size_t i = *pos, e;
	const char *nl = memchr(t + i, '\n', len - i);

	e = nl != NULL ? (size_t)(nl - t) : len;
	*pos = nl != NULL ? e + 1 : len;
	while (i < e && blocks_is_space(t[i]))
		i++;
	while (e > i && blocks_is_space(t[e - 1]))
		e--;
	ln->indent = i;
	ln->start = i;
	ln->end = e;
	ln->blank = i == e;
}

static bool
blocks_same_line(const char *t, const struct blocks_line *a,
    const struct blocks_line *b)
{
	size_t n = a->end - a->start;

	return n > 0 && n == b->end - b->start &&
	    memcmp(t + a->start, t + b->start, n) == 0;
}

/*
 * First pass over one group of non-blank lines: emit segments as blocks
 * (kind BLOCK_PARAGRAPH for plain text for now) and their seg info.
 */
static void
blocks_group(const char *t, const struct blocks_line *ln, size_t nl,
    struct block_list *bl, size_t *cap, struct blocks_seg_info **info,
    size_t *icap)
{
	size_t i = 0, j;
	bool numbered;

	while (i < nl) {
		enum blocks_seg seg = SEG_TEXT;
		size_t start = ln[i].start, end, shown;
		size_t n = ln[i].end - ln[i].start;
		int level;

		shown = 0;
		j = i + 1;
		numbered = false;
		if (i + 1 < nl && blocks_same_line(t, &ln[i], &ln[i + 1])) {
			seg = SEG_CAPTION;
			shown = ln[i].end;
			j = i + 2;
		} else if ((level = blocks_md_level(t + start, n)) > 0) {
			seg = level == 1 ? SEG_MDTITLE : SEG_MDHEAD;
		} else if (i + 1 < nl && blocks_underline(t + ln[i + 1].start,
		    ln[i + 1].end - ln[i + 1].start) > 0) {
			seg = blocks_underline(t + ln[i + 1].start,
			    ln[i + 1].end - ln[i + 1].start) == 1 ?
			    SEG_MDTITLE : SEG_MDHEAD;
			j = i + 2;
		} else if (blocks_list_marker(t + start, n, &numbered) > 0) {
			bool dummy;

			seg = SEG_LIST;
			/* Continuation lines belong to the item. */
			while (j < nl && blocks_list_marker(t + ln[j].start,
			    ln[j].end - ln[j].start, &dummy) == 0 &&
			    blocks_md_level(t + ln[j].start,
			    ln[j].end - ln[j].start) == 0 &&
			    !(j + 1 < nl &&
			    blocks_same_line(t, &ln[j], &ln[j + 1])))
				j++;
		} else {
			bool dummy;

			/* Plain lines up to the next special line. */
			while (j < nl && !(j + 1 < nl &&
			    blocks_same_line(t, &ln[j], &ln[j + 1])) &&
			    blocks_md_level(t + ln[j].start,
			    ln[j].end - ln[j].start) == 0 &&
			    blocks_list_marker(t + ln[j].start,
			    ln[j].end - ln[j].start, &dummy) == 0)
				j++;
		}
		end = ln[j - 1].end;
		if (bl->n >= *icap) {
			*icap = *icap ? *icap * 2 : 32;
			*info = xreallocarray(*info, *icap, sizeof **info);
		}
		blocks_push(bl, cap, BLOCK_PARAGRAPH, start, end,
		    shown ? shown : end);
		(*info)[bl->n - 1].seg = seg;
		(*info)[bl->n - 1].nlines = (int)(j - i);
		(*info)[bl->n - 1].numbered = numbered;
		i = j;
	}
}

/* Is block k a plain one-line text block? */
static bool
blocks_single(const struct blocks_seg_info *info, size_t k)
{
	return info[k].seg == SEG_TEXT && info[k].nlines == 1;
}

/* A short line without end punctuation, as a heading is. */
/* Whether s[0..n) reads "Label: value", the label one to three words. */
static bool
blocks_field_line(const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n < 40 ? n : 40);
	size_t k = colon != NULL ? (size_t)(colon - s) : 0;

	return k > 0 && k + 2 < n && s[k + 1] == ' ' &&
	    blocks_words_max(s, k, 3) <= 3 && !blocks_is_space(s[k - 1]);
}

static bool
blocks_heading_shape(const char *s, size_t n)
{
	if (n == 0 || n > 160 || blocks_words_max(s, n, 20) > 20)
		return false;
	if (blocks_ends_sentence(s, n))
		return false;
	/* "Advisor: Dr. Kevin Shinpaugh", "Project Title: Aeneas": a field
	 * of a list (a label of up to three words, a colon, its value), no
	 * heading */
	if (blocks_field_line(s, n))
		return false;
	/* Opens with a capital, a digit or a quote. */
	return blocks_is_upper(s, n) || (s[0] >= '0' && s[0] <= '9') ||
	    s[0] == '"' || s[0] == '\'' || (unsigned char)s[0] == 0xe2;
}

/* Second pass: the kinds of the plain text blocks. */
static void
blocks_classify(const char *t, struct block_list *bl,
    const struct blocks_seg_info *info)
{
	struct block *v = bl->v;
	size_t n = bl->n, k, title = n, first_body, tail;
	bool seen_real = false;

	/* Site chrome and captions, by shape. */
	for (k = 0; k < n; k++) {
		const char *s = t + v[k].start;
		size_t len = v[k].end - v[k].start;

		switch (info[k].seg) {
		case SEG_CAPTION:
			v[k].kind = BLOCK_CAPTION;
			break;
		case SEG_LIST:
			v[k].kind = BLOCK_LIST;
			break;
		case SEG_MDHEAD:
		case SEG_MDTITLE:
			v[k].kind = BLOCK_HEADING;
			break;
		case SEG_TEXT:
			if (blocks_is_chrome(s, len) || (len < 200 &&
			    blocks_words_max(s, len, 12) <= 12 &&
			    blocks_table_contains(s, len, blocks_notice)))
				v[k].kind = BLOCK_BOILERPLATE;
			break;
		}
	}

	/* The title: the first real line. */
	for (k = 0; k < n; k++) {
		if (v[k].kind == BLOCK_BOILERPLATE)
			continue;
		if (info[k].seg == SEG_MDTITLE || info[k].seg == SEG_MDHEAD ||
		    (info[k].seg == SEG_TEXT && (info[k].nlines == 1 ||
		    v[k].end - v[k].start <= 200))) {
			v[k].kind = BLOCK_TITLE;
			title = k;
		}
		break;
	}
	first_body = title < n ? title + 1 : 0;

	/* Date line or "By NAME" right under the title. */
	for (k = first_body; k < n && k < first_body + 3; k++) {
		const char *s = t + v[k].start;
		size_t len = v[k].end - v[k].start;

		if (!blocks_single(info, k) || v[k].kind != BLOCK_PARAGRAPH)
			continue;
		if (blocks_is_date(s, len) || blocks_is_byline(s, len))
			v[k].kind = BLOCK_BYLINE;
	}

	/*
	 * The closing run: legal notices and calls to action from the end
	 * back to the first block that is none.
	 */
	tail = n;
	while (tail > first_body) {
		const char *s = t + v[tail - 1].start;
		size_t len = v[tail - 1].end - v[tail - 1].start;

		if (v[tail - 1].kind == BLOCK_BOILERPLATE ||
		    (info[tail - 1].seg == SEG_TEXT &&
		    blocks_table_contains(s, len, blocks_notice))) {
			v[tail - 1].kind = BLOCK_BOILERPLATE;
			tail--;
		} else
			break;
	}

	/* Byline and bio near the end: a name line, then "NAME is a ...". */
	for (k = first_body + (n - first_body) / 2; k < tail; k++) {
		const char *s = t + v[k].start;
		size_t len = v[k].end - v[k].start;

		if (info[k].seg != SEG_TEXT || v[k].kind != BLOCK_PARAGRAPH)
			continue;
		if (blocks_single(info, k) && blocks_is_name(s, len) &&
		    k + 1 < tail && info[k + 1].seg == SEG_TEXT &&
		    blocks_is_bio(t + v[k + 1].start,
		    v[k + 1].end - v[k + 1].start, s, len)) {
			v[k].kind = BLOCK_BYLINE;
			v[k + 1].kind = BLOCK_BIO;
			k++;
		} else if (k + 3 >= tail && blocks_is_bio(s, len, NULL, 0))
			v[k].kind = BLOCK_BIO;
	}

	/* Photo captions by their credit line; "By NAME" anywhere. */
	for (k = first_body; k < n; k++) {
		const char *s = t + v[k].start;
		size_t len = v[k].end - v[k].start;

		if (info[k].seg != SEG_TEXT || v[k].kind != BLOCK_PARAGRAPH)
			continue;
		if (blocks_is_caption(s, len))
			v[k].kind = BLOCK_CAPTION;
		else if (blocks_single(info, k) && blocks_is_byline(s, len))
			v[k].kind = BLOCK_BYLINE;
	}

	/*
	 * Headings: a short line without end punctuation between two
	 * blocks of text. A lone numbered line of that shape ("1. Large
	 * Scale Trafficker Sentenced") is a numbered heading, not a list.
	 */
	for (k = 0, seen_real = false; k < first_body; k++)
		seen_real = seen_real || v[k].kind == BLOCK_PARAGRAPH ||
		    v[k].kind == BLOCK_BYLINE || v[k].kind == BLOCK_TITLE;
	for (k = first_body; k < tail; k++) {
		const char *s = t + v[k].start;
		size_t len = v[k].end - v[k].start;
		bool numbered_alone, real_before = seen_real;

		/* Text before the next one: kept as we go (no look back). */
		seen_real = seen_real || v[k].kind == BLOCK_PARAGRAPH ||
		    v[k].kind == BLOCK_BYLINE;

		numbered_alone = info[k].seg == SEG_LIST && info[k].numbered &&
		    info[k].nlines == 1 &&
		    (k == 0 || info[k - 1].seg != SEG_LIST) &&
		    (k + 1 >= n || info[k + 1].seg != SEG_LIST);
		if (!numbered_alone && (!blocks_single(info, k) ||
		    v[k].kind != BLOCK_PARAGRAPH))
			continue;
		if (!blocks_heading_shape(s, len))
			continue;
		/* Something real before it and a paragraph after it. */
		if (k + 1 >= tail || (v[k + 1].kind != BLOCK_PARAGRAPH &&
		    v[k + 1].kind != BLOCK_CAPTION))
			continue;
		if (real_before) {
			v[k].kind = BLOCK_HEADING;
			seen_real = real_before;
		}
	}
}

struct block_list *
blocks_parse(const struct article *art)
{
	return blocks_parse_prefix(art, (size_t)-1);
}

struct block_list *
blocks_parse_prefix(const struct article *art, size_t limit)
{
	struct block_list *bl = xcalloc(1, sizeof *bl);
	const char *t = article_text(art);
	size_t len = article_len(art), pos = 0, cap = 0, icap = 0;
	size_t nl = 0, lcap = 0;
	struct blocks_line *ln = NULL, cur;
	struct blocks_seg_info *info = NULL;

	if (len >= 3 && memcmp(t, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	while (pos < len) {
		blocks_next_line(t, len, &pos, &cur);
		if (!cur.blank) {
			if (nl == lcap) {
				lcap = lcap ? lcap * 2 : 64;
				ln = xreallocarray(ln, lcap, sizeof *ln);
			}
			ln[nl++] = cur;
		}
		if ((cur.blank || pos >= len) && nl > 0) {
			blocks_group(t, ln, nl, bl, &cap, &info, &icap);
			nl = 0;
			if (pos >= limit)
				break;
		}
	}
	if (bl->n > 0)
		blocks_classify(t, bl, info);
	free(info);
	free(ln);
	return bl;
}

void
blocks_free(struct block_list *bl)
{
	if (bl == NULL)
		return;
	free(bl->v);
	free(bl);
}

size_t
blocks_find(const struct block_list *bl, size_t off)
{
	size_t lo = 0, hi = bl->n;

	/* First block whose end is after off. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (bl->v[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
