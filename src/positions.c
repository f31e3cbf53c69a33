/*
 * positions.c: choose each actor's position sentence.
 *
 * A sentence is a candidate for an actor when the actor is the subject of
 * a stance verb (4) or a speech verb (3) outside quotations, negated or
 * not, including every member of a coordinated subject ("None of X, Y, or
 * neutral Z has commented" gives all three), or holds a stance noun ("X's
 * position", "X's statement": 4). Words shared with the title add one
 * each (up to two), a quotation in the sentence adds one. The best score
 * wins, the earliest sentence on ties. Without a candidate the actor's
 * strongest quote stands in.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "attribute.h"
#include "lexicon.h"
#include "positions.h"
#include "sentences.h"

#define STEM POSITIONS_STEM
/* A headline has a dozen content words; a first block far longer is no
 * headline, and comparing every token with all its words would make the
 * position search quadratic in it. */
#define TOPIC_MAX POSITIONS_TOPIC_MAX

static bool
content_word(const char *s, size_t len, unsigned lex)
{
	(void)s;
	return len >= 4 && !(lex & LEX_BIT(LEX_STOPWORD));
}

void
positions_topic(struct topic *tp, struct tokens *tk, const char *text,
                size_t start, size_t end)
{
	sentences_split(tk, text, start, end);
	positions_topic_tokens(tp, tk);
}

/* The bit of struct topic's pair filter for a word (of two bytes or
 * more) opening on s. */
static size_t
pair_bit(const char *s)
{
	return (size_t)((unsigned char)s[0] & 31) * 32 +
	       ((unsigned char)s[1] & 31);
}

void
positions_topic_tokens(struct topic *tp, const struct tokens *tk)
{
	const char *text = tk->text;
	size_t i, k;

	tp->n = 0;
	memset(tp->pair, 0, sizeof tp->pair);
	for (i = 0; i < tk->n && tp->n < TOPIC_MAX; i++) {
		size_t len = sentences_len(tk, i);
		char *w = tp->words[tp->n];

		if (!(tk->v[i].flags & TOK_WORD) ||
		    !content_word(text + tk->v[i].start, len, tk->v[i].lex))
			continue;
		if (len > STEM)
			len = STEM;
		for (k = 0; k < len; k++) {
			char c = text[tk->v[i].start + k];

			w[k] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
		}
		w[len] = '\0';
		k = pair_bit(w);
		tp->pair[k / 64] |= (uint64_t)1 << (k % 64);
		tp->lens[tp->n++] = len;
	}
}

void
positions_topic_free(struct topic *tp)
{
	tp->n = 0;
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static int
topic_bonus(const struct tokens *tk, size_t first, size_t last,
            const struct topic *tp)
{
	size_t i, k;
	int n = 0;

	for (i = first; i < last && n < 2; i++) {
		const struct token *t = &tk->v[i];
		const char *s = tk->text + t->start;
		char c0;
		size_t len, b;

		/* most words share no first two letters with a title word:
		 * one branch for the three tests ('&' of 0/1 values; a word
		 * of four bytes or more has a second) */
		len = t->core_end - t->start;
		b = ((size_t)((unsigned char)s[0] & 31) * 32 +
		     ((unsigned char)s[len > 1] & 31));
		if (!((t->flags & TOK_WORD) & (len >= 4) &
		      (tp->pair[b / 64] >> (b % 64))))
			continue;
		if (len > STEM)
			len = STEM;
		c0 = lower(s[0]);
		for (k = 0; k < tp->n; k++) {
			size_t j;

			/* the first letter rules out most title words */
			if (tp->words[k][0] != c0 || tp->lens[k] != len)
				continue;
			for (j = 1; j < len && lower(s[j]) == tp->words[k][j];
			     j++)
				;
			if (j == len) {
				n++;
				break;
			}
		}
	}
	return n;
}

static void
candidate(struct actors *as, int a, const struct tokens *tk, size_t s,
          int score)
{
	struct ent *e = &as->v[a];
	size_t start = tk->v[tk->s[s].first].start;
	size_t end = tk->v[tk->s[s].last - 1].end;

	if (score > e->pos_score) {
		e->pos_score = score;
		e->pos.start = start;
		e->pos.end = end;
	}
}

static bool
skip_between(const struct tokens *tk, size_t i)
{
	return (tk->v[i].lex & LEX_BIT(LEX_AUX)) != 0;
}

/* Subjects of the verb at v: a coordinated list of mentions before it. */
static void
subjects(struct actors *as, struct tokens *tk, const struct mentions *ms,
         size_t v, size_t lo, size_t s, int score)
{
	size_t p = v, steps = 0;
	int a;
	bool any = false, adj = false;

	while (p > lo && skip_between(tk, p - 1))
		p--;
	/* bounded: a list of names before a verb stays short in prose */
	while (p > lo && steps++ < 64) {
		int m = tk->v[p - 1].mention;

		if (m >= 0 && ms->v[m].last == p && !ms->v[m].quoted) {
			candidate(as, ms->v[m].actor, tk, s, score);
			any = true;
			adj = false;
			p = ms->v[m].role_first;
			continue;
		}
		if (any && (sentences_is(tk, p - 1, ',') ||
		            sentences_eq(tk, p - 1, "and") ||
		            sentences_eq(tk, p - 1, "or") ||
		            sentences_eq(tk, p - 1, "nor"))) {
			p--;
			continue;
		}
		if (!adj && (tk->v[p - 1].flags & TOK_LOWER) &&
		    tk->v[p - 1].lex == 0 && p >= 2 &&
		    tk->v[p - 2].mention < 0) {
			adj = true; /* "or neutral Turkmenistan" */
			p--;
			continue;
		}
		break;
	}
	if (!any && (a = attribute_subject(as, tk, ms, v, lo)) >= 0)
		candidate(as, a, tk, s, score);
}

/* Title words shared (up to two) and one more for a quotation: computed
 * only for sentences that hold a candidate. */
static int
sentence_bonus(const struct tokens *tk, size_t first, size_t last,
               const struct topic *tp)
{
	int bonus = topic_bonus(tk, first, last, tp);
	size_t i;

	for (i = first; i < last; i++) {
		if (tk->v[i].flags & TOK_QMARK) {
			bonus++;
			break;
		}
	}
	return bonus;
}

/* Token i of sentence s as a candidate's verb or noun (*bonus: the
 * sentence's bonus once computed, else -1). */
static void
position_at(struct actors *as, struct tokens *tk, const struct mentions *ms,
            const struct topic *tp, size_t s, size_t i, int *bonus)
{
	size_t first = tk->s[s].first, last = tk->s[s].last;
	const struct token *t = &tk->v[i];
	int base;

	/* lower case, outside quotations */
	if ((t->flags & (TOK_QUOTED | TOK_QMARK | TOK_LOWER)) != TOK_LOWER)
		return;
	if (*bonus < 0)
		*bonus = sentence_bonus(tk, first, last, tp);
	base = (t->lex & LEX_BIT(LEX_SPEECH_VERB)) &&
	               !(t->lex & LEX_BIT(LEX_STANCE_VERB))
	           ? 3
	           : 4;
	if (t->lex & (LEX_BIT(LEX_STANCE_VERB) | LEX_BIT(LEX_SPEECH_VERB)))
		subjects(as, tk, ms, i, first, s, base + *bonus);
	else if (i > first && (tk->v[i - 1].flags & TOK_POSS) &&
	         tk->v[i - 1].mention >= 0 &&
	         !ms->v[tk->v[i - 1].mention].quoted)
		candidate(as, ms->v[tk->v[i - 1].mention].actor, tk, s,
		          4 + *bonus);
}

void
positions_block_at(struct actors *as, struct tokens *tk,
                   const struct mentions *ms, const struct topic *tp,
                   const size_t *at, size_t n)
{
	size_t k, s = (size_t)-1;
	int bonus = -1;

	for (k = 0; k < n; k++) {
		size_t i = at[k], si = tk->sent_of[i];

		/* the sentences cover the tokens in order; a token of none
		 * is no candidate's */
		if (si >= tk->ns || i < tk->s[si].first || i >= tk->s[si].last)
			continue;
		if (si != s) {
			s = si;
			bonus = -1;
		}
		position_at(as, tk, ms, tp, s, i, &bonus);
	}
}


void
positions_finish(struct actors *as, const char *text)
{
	size_t i;

	for (i = 0; i < as->n; i++) {
		struct ent *e = &as->v[i];

		if (e->a.position_curated || e->a.position != NULL)
			continue;
		if (e->pos_score > 0)
			e->a.position_span = e->pos;
		else if (e->quote_conf > 0)
			e->a.position_span = e->quote_span;
		else
			continue;
		e->a.position = sentences_clean(text, e->a.position_span.start,
		                      e->a.position_span.end);
	}
}
