/*
 * attribute.c: speakers of quotations, by sieves tried in order
 * (shared/ANNOTATION.md sec. 1):
 *
 *   A. after the quote: `"...," Okafor said`, `"...," said Okafor, a ...`,
 *      `"...," said a defense ministry spokesman` (a description; "for
 *      ORG" stays with it and ORG's name is its alias, so either way of
 *      naming the speaker holds; a name set beside it wins: `said a
 *      spokesman
 *      for ORG, Ian Cole`; `said a post by a user on the forum`: the
 *      agent), `"...," according to Okafor` (a statement from X is
 *      X, unless someone else in the sentence speaks; another document
 *      after "according to" is no speaker), `"...?" asked union steward
 *      X` (the asker), `"...," a doctor, who asked not to be named, told
 *      Reuters` (a relative clause is passed over);
 *   B. before it: `Okafor told reporters: "..."`, `X called it "..."`,
 *      the speech verb nearest the opening mark in the same sentence
 *      that has a subject ("She was quoted as saying: ..."; "the BBC
 *      quoted her as saying" is her); nouns that
 *      are cues only before a particle: "call for", "claims that",
 *      "states that", "referred to", 'read: "', 'states "' (the
 *      document's owner speaks: "the company's statement read"); "X read
 *      a statement: \"...\""; "according to" an organisation named only
 *      there ("Reporters Without Borders") or by its kind ("the finance
 *      office");
 *   C. the speech verb nearest the quote anywhere in its sentence;
 *   D. continuation: a quote going on from the previous paragraph, a
 *      later quote of the same paragraph, a quote sentence after
 *      sentences that name its speaker (up to three back), a paragraph
 *      opened after one
 *      ending in "said:", a paragraph that is one quote after a paragraph
 *      without quotes whose last sentence opens on a person ("He also
 *      warned that ...", "Another expert, X, doubts ...") or says that
 *      someone issued a statement;
 *   E. one person named in the sentence, at low confidence;
 *   else no speaker (-1). A capitalised name in quotation marks after
 * "the name", "named", "titled", "known as" is no speech (scare).
 * Subjects are names, pronouns (he/she to the nearest person of fitting
 * gender outside quotations, through sentences that open on the same
 * pronoun, and across paragraphs to the last speaker or the person the
 * last paragraph's closing sentence is about; an anonymous person such
 * as "a firefighter" counts; it/they to organisations, countries and
 * groups), "X and her deputy" (X), "the security firm Secunia.com" (a
 * name after an
 * organisation word), "a source close to the board" (the head before its
 * prepositional phrase, not the board), "the 44-year-old" (the latest
 * person), "X's spokesman" (an
 * anonymous actor, not X), descriptions ("the analyst": the latest actor
 * whose role has
 * that word, else the latest person; "the statement said": whoever
 * issued or spoke in "a statement" earlier in the paragraph; "the city"
 * said: the latest organisation governing a place ("X Town Council",
 * "Municipality of X"); "the council" said: the latest
 * organisation with that word, else a new one), "they" after a sentence
 * opening on a plural description ("The authors say ... They call for")
 * and anonymous sources ("a senior official in X" is a new actor). An outlet after "told" is an addressee,
 * never the speaker. Every look-around is bounded by the sentence or a
 * fixed number of tokens, so the work is linear in the text.
 */
#include "config.h"

#include <string.h>

#include "actors.h"
#include "attribute.h"
#include "lexicon.h"
#include "quotes.h"
#include "sentences.h"
#include "xmalloc.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#define WINDOW ((size_t)40)

void
attribute_init(struct attr_state *st)
{
	st->last_speaker = -1;
	st->colon_speaker = -1;
	st->para_subject = -1;
}

/*
 * Verb forms left out of the speech-verb list because they are more often
 * nouns or mean something else alone, taken as cues only before the word
 * that makes them speech: "they call for", "the church claims that", "the
 * report states that", "the government referred to it as".
 */
static bool
noun_verb_slow(const struct tokens *tk, size_t i)
{
	const char *s = tk->text + tk->v[i].start;
	size_t nlen;
	char n;

	/* the particle first: most words are followed by none */
	nlen = tk->v[i + 1].end - tk->v[i + 1].start;
	n = tk->text[tk->v[i + 1].start];
	/* 'the website states "..."', 'the article reports "..."' */
	if ((tk->v[i + 1].flags & TOK_QMARK) && (*s == 's' || *s == 'r'))
		return sentences_eq(tk, i, "states") ||
		       sentences_eq(tk, i, "state") ||
		       sentences_eq(tk, i, "reports");
	/* 'the statement read: "..."', 'the report states, "..."' */
	if (nlen == 1 && (n == ':' || n == ','))
		return i + 2 < tk->n && (tk->v[i + 2].flags & TOK_QMARK) &&
		       (sentences_eq(tk, i, "read") ||
		        sentences_eq(tk, i, "state") ||
		        sentences_eq(tk, i, "states") ||
		        sentences_eq(tk, i, "claims"));
	if (nlen < 2 || nlen > 4 || (n != 'f' && n != 't'))
		return false;
	switch (*s) {
	case 'c':
		if (sentences_eq(tk, i, "call") || sentences_eq(tk, i, "calls"))
			return sentences_eq(tk, i + 1, "for");
		return (sentences_eq(tk, i, "claim") ||
		        sentences_eq(tk, i, "claims")) &&
		       sentences_eq(tk, i + 1, "that");
	case 's':
		return (sentences_eq(tk, i, "state") ||
		        sentences_eq(tk, i, "states")) &&
		       sentences_eq(tk, i + 1, "that");
	case 'r':
		/* "the agency reports that" */
		if (sentences_eq(tk, i, "reports"))
			return sentences_eq(tk, i + 1, "that");
		return (sentences_eq(tk, i, "refer") ||
		        sentences_eq(tk, i, "refers") ||
		        sentences_eq(tk, i, "referred") ||
		        sentences_eq(tk, i, "referring")) &&
		       sentences_eq(tk, i + 1, "to");
	default:
		return false;
	}
}

/* The cheap tests of noun_verb_slow(), inline: most tokens stop here. */
static inline bool
noun_verb(const struct tokens *tk, size_t i)
{
	const struct token *t = &tk->v[i];
	size_t len = t->end - t->start;
	char c;

	c = tk->text[t->start];
	/* one branch for the cheap tests ('&' of 0/1 values): most words
	 * fail one of them, and which one varies word by word */
	if (!(((t->flags & TOK_LOWER) != 0) & (len >= 4) & (len <= 9) &
	      (i + 1 < tk->n) & ((c == 'c') | (c == 's') | (c == 'r'))))
		return false;
	return noun_verb_slow(tk, i);
}

static bool
is_speech(const struct tokens *tk, size_t i)
{
	unsigned f = tk->v[i].flags;

	if (f & (TOK_QUOTED | TOK_QMARK))
		return false;
	if (!(tk->v[i].lex & LEX_BIT(LEX_SPEECH_VERB)))
		return noun_verb(tk, i);
	/* a capitalised verb only opening a sentence ("Speaking on ...") */
	return !(f & TOK_CAP) || (f & TOK_SENTSTART);
}

static bool
is_ing(const struct tokens *tk, size_t i)
{
	size_t len = sentences_len(tk, i);

	return len > 4 &&
	       memcmp(tk->text + tk->v[i].core_end - 3, "ing", 3) == 0;
}

static bool
relative(const struct tokens *tk, size_t i)
{
	return sentences_eq(tk, i, "who") || sentences_eq(tk, i, "which");
}

/* Words between a subject and its verb: auxiliaries, negation, adverbs
 * (the "auxiliaries" list, and words in -ly). */
static bool
skippable(const struct tokens *tk, size_t i)
{
	size_t len;

	if (!(tk->v[i].flags & TOK_LOWER))
		return false;
	if (tk->v[i].lex & LEX_BIT(LEX_AUX))
		return true;
	len = sentences_len(tk, i);
	/* an adverb in -ly, not a noun of a list ("family", "assembly") */
	return len > 3 &&
	       memcmp(tk->text + tk->v[i].start + len - 2, "ly", 2) == 0 &&
	       !(tk->v[i].lex & (LEX_BIT(LEX_ANON_WORD) | LEX_BIT(LEX_TITLE) |
	                         LEX_BIT(LEX_ORG_WORD) | LEX_BIT(LEX_DOCUMENT)));
}

/* The mention ending at token p (outside quotes), or NULL. */
static const struct mention *
mention_ending(const struct tokens *tk, const struct mentions *ms, size_t p)
{
	int m = tk->v[p].mention;

	if (m < 0 || ms->v[m].last != p + 1 || ms->v[m].quoted)
		return NULL;
	return &ms->v[m];
}

static const struct mention *
mention_starting(const struct tokens *tk, const struct mentions *ms, size_t p)
{
	int m = p < tk->n ? tk->v[p].mention : -1;

	if (m < 0 || ms->v[m].quoted ||
	    (ms->v[m].role_first != p && ms->v[m].first != p))
		return NULL;
	return &ms->v[m];
}

/* Index of the first mention starting at or after token tok (mentions are
 * in text order): keeps every look-up local however long the block. */
static size_t
ms_lower(const struct mentions *ms, size_t tok)
{
	size_t lo = 0, hi = ms->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ms->v[mid].first < tok)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* ---- recency -------------------------------------------------------- */

enum want { W_PERSON, W_MALE, W_FEMALE, W_THING, W_PLURAL };

/*
 * An anonymous actor that is one person ("a firefighter", "the defense
 * ministry spokesman", "source close to the board"): one of its first
 * words is a title or a singular anonymous-source word. he/she may stand
 * for it.
 */
static bool
anonymous_person(const struct ent *e)
{
	const char *s = e->a.name, *w;
	int words = 0;

	if (e->a.kind != ACTOR_ANONYMOUS)
		return false;
	while (*s != '\0' && words < 4) {
		unsigned lex;
		size_t len;

		while (*s == ' ')
			s++;
		for (w = s; *s != '\0' && *s != ' '; s++)
			;
		len = (size_t)(s - w);
		if (len < 3)
			continue;
		words++;
		lex = lexicon_lookup(w, len);
		if (lex & LEX_BIT(LEX_DOCUMENT))
			return false;
		if ((lex & LEX_BIT(LEX_TITLE)) ||
		    ((lex & LEX_BIT(LEX_ANON_WORD)) && w[len - 1] != 's'))
			return true;
	}
	return false;
}

/*
 * Whether a "person" with nothing for it (no gender, role or quote) is
 * named like a thing, which annotate.c will drop: a thing word opening it
 * ("Operation United Assistance", "Green Run") or ending it, or an
 * initial last ("the launch of Artemis I."). he/she stand for no such.
 */
static bool
thing_named(const struct ent *e)
{
	const char *n = e->a.name, *sp = strchr(n, ' '), *last, *v;
	size_t len;

	if (sp == NULL || e->gender != 0 || e->a.role != NULL ||
	    e->nquotes > 0)
		return false;
	len = strlen(n);
	last = strrchr(n, ' ') + 1;
	if (actors_name_is_thing(n))
		return true;
	if ((v = lexicon_value(LEX_THING_WORD, n, (size_t)(sp - n))) != NULL &&
	    strcmp(v, "first") == 0)
		return true;
	v = lexicon_value(LEX_THING_WORD, last, len - (size_t)(last - n));
	return v != NULL && strcmp(v, "first") != 0;
}

/*
 * The sex e's given name tells ('m', 'f'; 0 when the name is in neither
 * or in both of the given-name lists): "Maria Lopes" is she; else the
 * sex its title tells (a source "the spokeswoman", a person whose role
 * is "son"). Only for the pronouns, where no honorific or earlier he/she
 * set e->gender.
 */
static char
sex_of(const char *v)
{
	return v != NULL && (v[0] == 'm' || v[0] == 'f') && v[1] == '\0'
	           ? v[0]
	           : 0;
}

/* The sex the last word of s tells as a title ("spokeswoman", "son"),
 * or 0. */
static char
title_gender(const char *s)
{
	const char *w;

	if (s == NULL)
		return 0;
	w = strrchr(s, ' ');
	w = w != NULL ? w + 1 : s;
	return sex_of(lexicon_value(LEX_TITLE, w, strlen(w)));
}

static char
name_gender(const struct ent *e)
{
	const char *n = e->a.name, *sp;
	char g;

	if (n == NULL)
		return 0;
	/* "the spokeswoman", "Costa's son" */
	if (e->a.kind == ACTOR_ANONYMOUS)
		return title_gender(n);
	if (e->a.kind != ACTOR_PERSON)
		return 0;
	sp = strchr(n, ' ');
	g = sex_of(lexicon_value(LEX_GIVEN_NAME, n,
	                         sp != NULL ? (size_t)(sp - n) : strlen(n)));
	return g != 0 ? g : title_gender(e->a.role);
}

/* How well person a's given name fits he (W_MALE) or she (W_FEMALE):
 * 2 when it tells that sex (or an honorific or pronoun did), 1 when it
 * tells none, 0 when it tells the other. */
static int
name_rank(const struct actors *as, int a, enum want w)
{
	const struct ent *e = &as->v[a];
	char want = w == W_MALE ? 'm' : 'f', g;

	if (e->gender != 0)
		return e->gender == want ? 2 : 0;
	g = name_gender(e);
	return g == 0 ? 1 : g == want ? 2 : 0;
}

static bool
fits(const struct actors *as, int a, enum want w)
{
	const struct ent *e = &as->v[a];

	switch (w) {
	case W_PERSON:
		return e->a.kind == ACTOR_PERSON;
	case W_MALE:
		return e->gender != 'f' &&
		       ((e->a.kind == ACTOR_PERSON && !thing_named(e)) ||
		        anonymous_person(e));
	case W_FEMALE:
		return e->gender != 'm' &&
		       ((e->a.kind == ACTOR_PERSON && !thing_named(e)) ||
		        anonymous_person(e));
	case W_THING:
		return e->a.kind == ACTOR_ORGANIZATION ||
		       e->a.kind == ACTOR_COUNTRY;
	case W_PLURAL:
		return e->a.kind != ACTOR_PERSON && !anonymous_person(e);
	}
	return false;
}

/* W_MALE for "him", W_FEMALE for "her" at token i; W_PERSON (no object
 * pronoun) for any other word. */
static enum want
object_pronoun(const struct tokens *tk, size_t i)
{
	return sentences_eq(tk, i, "him")   ? W_MALE
	       : sentences_eq(tk, i, "her") ? W_FEMALE
	                                    : W_PERSON;
}

/*
 * Recursion: latest_d() calls itself at most 4 deep (depth). subject_of(),
 * description(), document_author(), pronoun(), description_opening() and
 * head_before_pp() call one another, but each call looks at a token
 * before the one it was given (the head of an earlier noun phrase, an
 * earlier "a statement", the possessor before its noun), so the depth is
 * bounded by the tokens of one piece of text and every chain ends (subject_of()
 * calls itself only for the verb that issued a document, an earlier token);
 * 20,000 chained statements in one paragraph run in a 1 MB stack.
 */

/* The latest actor that fits w, mentioned outside quotes before p. */
static int
/* NOLINTNEXTLINE(misc-no-recursion): see "Recursion" above */
latest_d(const struct actors *as, const struct tokens *tk,
         const struct mentions *ms, size_t p, enum want w, const char *role,
         size_t rlen, int depth)
{
	size_t i, k;

	if (w == W_MALE || w == W_FEMALE) {
		/*
		 * He/she: the nearest fitting person earlier in the same
		 * sentence, else the first (the subject, usually) of the
		 * nearest earlier sentence that has one.
		 */
		size_t s = p < tk->n ? tk->sent_of[p] : 0, best = (size_t)-1;
		size_t back;
		int found = -1, poss = -1, rank, found_rank = -1, contra = -1;
		const char *pro = w == W_MALE ? "he" : "she";

		/* "He said Amtrak staff cleared the cars; \"...\", he said":
		 * the pronoun opening this sentence is the same person */
		if (depth < 4 && tk->s[s].first < p && p < tk->n &&
		    sentences_ieq(tk, tk->s[s].first, pro))
			return latest_d(as, tk, ms, tk->s[s].first, w, role, rlen,
			                depth + 1);
		/* "Kowalski arrived. She was greeted by ... Maria Duda. \"...\"
		 * she said": a sentence between that opens on the same
		 * pronoun is about the same person */
		for (back = 1; depth < 4 && back <= 3 && back <= s; back++) {
			size_t f = tk->s[s - back].first, i2;
			bool named = false;

			if (sentences_ieq(tk, f, pro))
				return latest_d(as, tk, ms, f, w, role, rlen,
				                depth + 1);
			for (i2 = ms_lower(ms, f);
			     i2 < ms->n && ms->v[i2].first < tk->s[s - back].last;
			     i2++)
				if (!ms->v[i2].quoted &&
				    fits(as, ms->v[i2].actor, w))
					named = true;
			if (named)
				break;
		}

		/* as far back as the search below: no pronoun reaches
		 * further, and a huge paragraph stays linear */
		for (i = ms_lower(ms, p), k = 0; i > 0 && k < 256;
		     i--, k++) {
			const struct mention *m = &ms->v[i - 1];
			size_t ms_s = tk->sent_of[m->first];

			if (m->last > p || m->quoted || m->object ||
			    !fits(as, m->actor, w))
				continue;
			/* "When challenged by Bollinger, he stated": the
			 * agent of a passive is not the one it is said of */
			if (ms_s == s && m->role_first > 0 &&
			    sentences_eq(tk, m->role_first - 1, "by"))
				continue;
			/* "X did not mention Y's movement, and he said": a
			 * possessive only when no subject comes before it */
			if (ms_s == s && (tk->v[m->last - 1].flags & TOK_POSS)) {
				if (poss < 0)
					poss = m->actor;
				continue;
			}
			/* a given name of the other sex ranks last: "Costa
			 * met Maria Lopes. She said" is Lopes; but a person
			 * named so is still he or she when nobody else is */
			rank = name_rank(as, m->actor, w);
			if (ms_s == s) {
				if (rank > 0)
					return m->actor;
				if (contra < 0)
					contra = m->actor;
				continue;
			}
			if (contra >= 0)
				return contra;
			if (poss >= 0)
				return poss;
			/* "Kowalski's brother, Piotr, ...": not the subject */
			if (tk->v[m->last - 1].flags & TOK_POSS)
				continue;
			if (best != (size_t)-1 && ms_s != best)
				break;
			best = ms_s;
			/* the first of the best rank (the subject, usually) */
			if (rank >= found_rank) {
				found = m->actor;
				found_rank = rank;
			}
		}
		if (contra >= 0)
			return contra;
		if (found >= 0)
			return found;
		if (poss >= 0)
			return poss;
	}
	for (i = ms_lower(ms, p), k = 0; i > 0 && k < 256; i--, k++) {
		const struct mention *m = &ms->v[i - 1];

		if (m->last > p || m->quoted || m->object)
			continue;
		if (fits(as, m->actor, w) &&
		    (role == NULL || actors_role_has(as, m->actor, role, rlen)))
			return m->actor;
	}
	for (k = 0; k < as->nrecent; k++) {
		int a = as->recent[k];

		if (fits(as, a, w) &&
		    (role == NULL || actors_role_has(as, a, role, rlen)))
			return a;
	}
	return -1;
}

static int
latest(const struct actors *as, const struct tokens *tk,
       const struct mentions *ms, size_t p, enum want w, const char *role,
       size_t rlen)
{
	return latest_d(as, tk, ms, p, w, role, rlen, 0);
}

/* Where actor a stands in the recency list, or nrecent when it is not
 * in it. Four entries a step with SSE2: the list is short, but where a
 * stands varies call by call, so each compare of the plain loop is a
 * branch that may go either way. Entries at nrecent and after (up to
 * the array's 64) are stale: a match there counts as none, and a match
 * before it always comes first. */
static size_t
recent_find(const struct actors *as, int a)
{
	size_t k;
#if defined(__SSE2__) && defined(__GNUC__)
	const __m128i key = _mm_set1_epi32(a);

	for (k = 0; k < as->nrecent; k += 4) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
		                            &as->recent[k]);
		unsigned m = (unsigned)_mm_movemask_ps(
		    _mm_castsi128_ps(_mm_cmpeq_epi32(v, key)));

		if (m != 0) {
			k += (size_t)__builtin_ctz(m);
			return k < as->nrecent ? k : as->nrecent;
		}
	}
	return as->nrecent;
#else
	for (k = 0; k < as->nrecent && as->recent[k] != a; k++)
		;
	return k;
#endif
}

/* Move actor a to the front of the recency list (in it or not). */
static void
promote(struct actors *as, int a)
{
	size_t k = recent_find(as, a);

	if (k == as->nrecent && as->nrecent < 64)
		as->nrecent++;
	if (k == 64)
		k = 63;
	memmove(&as->recent[1], &as->recent[0], k * sizeof(int));
	as->recent[0] = a;
}

void
attribute_note_recent(struct actors *as, const struct mentions *ms)
{
	size_t i;

	if (as->plural_age < 1000)
		as->plural_age++;

	for (i = 0; i < ms->n; i++) {
		if (ms->v[i].quoted || ms->v[i].object)
			continue;
		promote(as, ms->v[i].actor);
	}
}

/* ---- subjects ------------------------------------------------------- */

static int description(struct actors *as, const struct tokens *tk,
                       const struct mentions *ms, size_t h, size_t lo,
                       size_t pp_end);
static int qualified(struct actors *as, const struct tokens *tk,
                     const struct mentions *ms, size_t k, size_t to);

/*
 * A description opening one of the two sentences of the block before
 * token p, which then is what the pronoun at p stands for: for "they"
 * (plural) a plural one ("The authors say ... They call for ...",
 * "Researchers", "Local officials"), for "it" a body named by its kind
 * after "the" ("The regional office disagrees. In a reply, it said");
 * -1 when neither sentence opens on one.
 */
static int
/* NOLINTNEXTLINE(misc-no-recursion): see "Recursion" above */
description_opening(struct actors *as, const struct tokens *tk,
                    const struct mentions *ms, size_t p, bool plural)
{
	size_t s = tk->sent_of[p], back, f, h;
	int a;

	for (back = 1; back <= 2 && back <= s; back++) {
		f = tk->s[s - back].first;
		if (!plural && !sentences_ieq(tk, f++, "the"))
			continue;
		for (h = f; h + 1 < tk->s[s - back].last && h < f + 4; h++) {
			const struct token *t = &tk->v[h];
			size_t len = sentences_len(tk, h);

			if (!(t->flags & TOK_WORD) ||
			    (t->flags & (TOK_QUOTED | TOK_QMARK)) ||
			    t->mention >= 0)
				break;
			if (!(tk->v[h + 1].flags & TOK_LOWER) ||
			    (plural ? len < 4 || tk->text[t->start + len - 1] != 's'
			            : !(t->lex & LEX_BIT(LEX_ORG_WORD))))
				continue;
			a = description(as, tk, ms, h, plural ? f : f - 1, h + 1);
			if (a >= 0 && (plural ? as->v[a].a.kind != ACTOR_PERSON
			                      : as->v[a].a.kind ==
			                            ACTOR_ORGANIZATION))
				return a;
			break;
		}
	}
	return -1;
}

static int
/* NOLINTNEXTLINE(misc-no-recursion): see "Recursion" above */
pronoun(struct actors *as, const struct tokens *tk, const struct mentions *ms,
        size_t p)
{
	const char *g;
	int a;

	if (!(tk->v[p].lex & LEX_BIT(LEX_PRONOUN)))
		return -1;
	g = lexicon_value(LEX_PRONOUN, tk->text + tk->v[p].start,
	                  sentences_len(tk, p));
	if (g == NULL)
		return -1;
	if (*g == 'm' || *g == 'f') {
		/* only subject forms */
		if (!sentences_ieq(tk, p, "he") && !sentences_ieq(tk, p, "she"))
			return -1;
		a = latest(as, tk, ms, p, *g == 'm' ? W_MALE : W_FEMALE, NULL,
		           0);
		if (a >= 0 && as->v[a].gender == 0)
			as->v[a].gender = *g;
		return a;
	}
	if (sentences_ieq(tk, p, "it") &&
	    (a = description_opening(as, tk, ms, p, false)) >= 0)
		return a;
	if (sentences_ieq(tk, p, "it"))
		return latest(as, tk, ms, p, W_THING, NULL, 0);
	if (sentences_ieq(tk, p, "they") &&
	    (a = description_opening(as, tk, ms, p, true)) >= 0)
		return a;
	if (sentences_ieq(tk, p, "they"))
		return as->last_plural >= 0 && as->plural_age <= 1
		           ? as->last_plural
		           : latest(as, tk, ms, p, W_PLURAL, NULL, 0);
	return -1;
}

static bool
is_article(const struct tokens *tk, size_t i)
{
	return sentences_ieq(tk, i, "the") || sentences_ieq(tk, i, "a") ||
	       sentences_ieq(tk, i, "an");
}

/* "the 44-year-old said": whether tokens [i, i + 5) are "N-year-old". */
static bool
year_old(const struct tokens *tk, size_t i)
{
	return i + 4 < tk->n && (tk->v[i].flags & TOK_DIGIT) &&
	       sentences_is(tk, i + 1, '-') &&
	       sentences_eq(tk, i + 2, "year") &&
	       sentences_is(tk, i + 3, '-') && sentences_eq(tk, i + 4, "old");
}

/* Text of tokens [a, b) as an actor name. */
static int
np_actor(struct actors *as, const struct tokens *tk, size_t a, size_t b,
         enum actor_kind kind)
{
	/* "the company's (statement)": the name without the 's */
	size_t end = (tk->v[b - 1].flags & TOK_POSS) ? tk->v[b - 1].core_end
	                                             : tk->v[b - 1].end;
	int x = actors_get(as, kind, tk->text + tk->v[a].start,
	                   end - tk->v[a].start);

	actors_mention(as, x, tk->v[a].start, end);
	return x;
}

/* The latest organisation that governs a place ("Municipality of X",
 * "X City Council", "Town of X"), or -1. */
static int
latest_municipal(const struct actors *as)
{
	static const char *const words[] = {"municipality", "city", "town",
	                                    "council", "mayor"};
	size_t k, i;

	for (k = 0; k < as->nrecent; k++) {
		const struct ent *e = &as->v[as->recent[k]];

		if (e->a.kind != ACTOR_ORGANIZATION)
			continue;
		for (i = 0; i < sizeof words / sizeof words[0]; i++)
			if (strstr(e->key, words[i]) != NULL)
				return as->recent[k];
	}
	return -1;
}

/* A lone apostrophe token (' or ’). */
static bool
apostrophe(const struct tokens *tk, size_t i)
{
	const char *s = tk->text + tk->v[i].start;
	size_t len = tk->v[i].end - tk->v[i].start;

	return (len == 1 && *s == '\'') ||
	       (len == 3 && memcmp(s, "\xe2\x80\x99", 3) == 0);
}

/*
 * "The union said in a statement that ... \"...,\" the statement said":
 * the author of the document the paragraph brought in before token h
 * ("said in a statement", "issued a statement"), or -1. Looks back a
 * bounded number of tokens; each step goes further left, so the
 * recursion through attribute_subject ends.
 */
static int subject_of(struct actors *as, const struct tokens *tk,
                      const struct mentions *ms, size_t v, size_t lo);

static int
/* NOLINTNEXTLINE(misc-no-recursion): see "Recursion" above */
document_author(struct actors *as, const struct tokens *tk,
                const struct mentions *ms, size_t h)
{
	size_t k, v, f;
	size_t len = sentences_len(tk, h);

	for (k = h; k > 1 && k + 3 * WINDOW > h; k--) {
		size_t i = k - 1;

		if (sentences_len(tk, i) != len ||
		    memcmp(tk->text + tk->v[i].start, tk->text + tk->v[h].start,
		           len) != 0 ||
		    (tk->v[i].flags & TOK_QUOTED) ||
		    !(sentences_ieq(tk, i - 1, "a") ||
		      sentences_ieq(tk, i - 1, "an")))
			continue;
		/* "reported an article from the website X": X wrote it */
		if (i + 2 < tk->n && (sentences_eq(tk, i + 1, "from") ||
		                      sentences_eq(tk, i + 1, "by")))
			for (v = i + 2; v < tk->n && v < i + 9; v++) {
				const struct mention *m = mention_starting(tk, ms, v);
				int q;

				/* "from US satirical news website X": X */
				if (m != NULL &&
				    as->v[m->actor].a.kind == ACTOR_COUNTRY &&
				    (q = qualified(as, tk, ms, m->last,
				                   tk->s[tk->sent_of[v]].last)) >=
				        0)
					return q;
				if (m != NULL)
					return m->actor;
				if (!(tk->v[v].flags & TOK_LOWER) ||
				    (tk->v[v].flags & TOK_QUOTED))
					break;
			}
		f = tk->s[tk->sent_of[i]].first;
		for (v = i - 1; v > f; v--)
			if (is_speech(tk, v - 1) ||
			    ((tk->v[v - 1].flags & TOK_LOWER) &&
			     !(tk->v[v - 1].lex & ~LEX_PREFIX) && v + 1 == i))
				return subject_of(as, tk, ms, v - 1, f);
		return -1;
	}
	return -1;
}

/* Whether the word w (len bytes) is a word of s. */
static bool
has_word(const char *s, const char *w, size_t len)
{
	const char *p = s, *end = s + strlen(s);

	while ((p = memmem(p, (size_t)(end - p), w, len)) != NULL) {
		if ((p == s || p[-1] == ' ') && (p + len == end || p[len] == ' '))
			return true;
		p++;
	}
	return false;
}

/* The latest source described by the word w (len bytes, lower case):
 * an unnamed source whose description holds it ("senior official in
 * Kyrgyzstan" for "official"), else a person whose role does; -1 when
 * none. */
static int
latest_source(const struct actors *as, const char *w, size_t len)
{
	size_t k;

	/* the unnamed are made by the sieves, not mentioned in the scan:
	 * the latest made is the latest named */
	for (k = as->n; k > 0 && k + 64 > as->n; k--) {
		const struct ent *e = &as->v[k - 1];

		if ((e->a.kind == ACTOR_ANONYMOUS || e->a.kind == ACTOR_GROUP) &&
		    has_word(e->key, w, len))
			return (int)(k - 1);
	}
	for (k = 0; k < as->nrecent; k++) {
		int a = as->recent[k];

		if (as->v[a].a.kind == ACTOR_PERSON &&
		    actors_role_has(as, a, w, len))
			return a;
	}
	return -1;
}

/*
 * A description ending at head token h ("the analyst", "a senior
 * government official", "officials", "the ministry"); -1 when h heads none.
 * pp_end: end of a trailing "in Kyrgyzstan" to include in the name.
 */
static int
/* NOLINTNEXTLINE(misc-no-recursion): see "Recursion" above */
description(struct actors *as, const struct tokens *tk,
            const struct mentions *ms, size_t h, size_t lo, size_t pp_end)
{
	unsigned lex = tk->v[h].lex;
	size_t d = h, len = sentences_len(tk, h);
	const char *w = tk->text + tk->v[h].start;
	bool person_noun = (lex & LEX_BIT(LEX_TITLE)) != 0, plural = false;
	bool org_noun = false, municipal = false, object = false;
	int a;

	/* "the city reasoned": the city's government */
	if ((tk->v[h].flags & TOK_LOWER) &&
	    (sentences_eq(tk, h, "city") || sentences_eq(tk, h, "town") ||
	     sentences_eq(tk, h, "municipality")) &&
	    d > lo && sentences_ieq(tk, h - 1, "the")) {
		if (latest_municipal(as) < 0)
			return -1;
		municipal = true;
		lex |= LEX_BIT(LEX_ORG_WORD);
	}

	/* "the farmers' union", "the regional council": an organisation
	 * named by its kind, only after a definite determiner */
	if ((lex & LEX_BIT(LEX_ORG_WORD)) &&
	    (!(tk->v[h].flags & TOK_POSS) ||
	     (h + 1 < tk->n && (tk->v[h + 1].lex & LEX_BIT(LEX_DOCUMENT)))) &&
	    !(lex & (LEX_BIT(LEX_ANON_WORD) | LEX_BIT(LEX_TITLE) |
	             LEX_BIT(LEX_DOCUMENT)))) {
		org_noun = true;
		lex |= LEX_BIT(LEX_ANON_WORD);
	}

	/* "the report's authors", "researchers": a plural of a title */
	if (!(lex & (LEX_BIT(LEX_ANON_WORD) | LEX_BIT(LEX_TITLE) |
	             LEX_BIT(LEX_DOCUMENT))) &&
	    len > 3 && w[len - 1] == 's' &&
	    (lexicon_lookup(w, len - 1) & LEX_BIT(LEX_TITLE))) {
		lex |= LEX_BIT(LEX_ANON_WORD);
		plural = true;
	}

	if (!((tk->v[h].flags & TOK_LOWER) ||
	      ((tk->v[h].flags & TOK_SENTSTART) && h == lo)) ||
	    !(lex & (LEX_BIT(LEX_ANON_WORD) | LEX_BIT(LEX_TITLE) |
	             LEX_BIT(LEX_DOCUMENT))))
		return -1;
	/* back over modifiers to a determiner */
	while (d > lo && d + 6 > h) {
		const struct token *t = &tk->v[d - 1];

		/* a plural possessive: "the nurses' union" */
		if (d > lo + 1 && apostrophe(tk, d - 1) &&
		    (tk->v[d - 2].flags & TOK_WORD) &&
		    tk->text[tk->v[d - 2].end - 1] == 's' &&
		    !(tk->v[d - 1].flags & TOK_SPACE)) {
			d -= 2;
			continue;
		}
		if (!(t->flags & TOK_WORD) || (t->flags & TOK_QUOTED) ||
		    (t->lex & LEX_BIT(LEX_STOPWORD)) ||
		    (t->lex & LEX_BIT(LEX_SPEECH_VERB)) || skippable(tk, d - 1))
			break;
		/* "the spacecraft's data helped researchers": a verb in
		 * -ed after a noun ends the phrase ("the retired general"
		 * keeps its adjective) */
		if ((t->flags & TOK_LOWER) && t->core_end - t->start > 4 &&
		    memcmp(tk->text + t->core_end - 2, "ed", 2) == 0 &&
		    d - 1 > lo && !is_article(tk, d - 2) &&
		    (tk->v[d - 2].flags & TOK_WORD)) {
			object = true;
			break;
		}
		d--;
	}
	if (org_noun && !(d > lo && sentences_ieq(tk, d - 1, "the")))
		return -1;
	if (plural) {
		/* a body of people: its own group, "they" from now on */
		size_t st = d > lo && is_article(tk, d - 1) ? d - 1 : d;

		a = np_actor(as, tk, st, pp_end, ACTOR_GROUP);
		as->last_plural = a;
		as->plural_age = 0;
		return a;
	}
	if (d > lo && (sentences_ieq(tk, d - 1, "the") ||
	               sentences_ieq(tk, d - 1, "this") ||
	               sentences_ieq(tk, d - 1, "that"))) {
		if (lex & LEX_BIT(LEX_DOCUMENT)) {
			size_t k;

			/* "the company's statement": the company */
			for (k = d; k < h; k++)
				if ((tk->v[k].flags & TOK_POSS) &&
				    (tk->v[k].flags & TOK_LOWER) &&
				    (tk->v[k].lex & (LEX_BIT(LEX_ORG_WORD) |
				                     LEX_BIT(LEX_TITLE) |
				                     LEX_BIT(LEX_ANON_WORD))) &&
				    (a = description(as, tk, ms, k, lo, k + 1)) >=
				        0)
					return a;
			if ((a = document_author(as, tk, ms, h)) >= 0)
				return a;
			return np_actor(as, tk, d - 1, h + 1, ACTOR_ANONYMOUS);
		}
		a = latest(as, tk, ms, h, person_noun ? W_PERSON : W_THING, w,
		           len);
		if (a < 0 && person_noun && d == h)
			a = latest(as, tk, ms, h, W_PERSON, NULL, 0);
		if (a < 0 && !person_noun) {
			/* "the ministry": an organisation named with it */
			size_t k;

			for (k = 0; k < as->nrecent; k++) {
				const char *n = as->v[as->recent[k]].key;

				if (as->v[as->recent[k]].a.kind ==
				        ACTOR_ORGANIZATION &&
				    memmem(n, strlen(n), w, len) != NULL) {
					a = as->recent[k];
					break;
				}
			}
		}
		if (a < 0 && municipal)
			a = latest_municipal(as);
		/* "a senior official in Kyrgyzstan said ... The official
		 * said": the source named by that word last */
		if (a < 0 && !org_noun && (lex & LEX_BIT(LEX_ANON_WORD)))
			a = latest_source(as, w, len);
		if (a >= 0)
			return a;
		return np_actor(as, tk, d - 1, pp_end,
		                org_noun ? ACTOR_ORGANIZATION
		                         : ACTOR_ANONYMOUS);
	}
	if (d > lo &&
	    (sentences_ieq(tk, d - 1, "a") || sentences_ieq(tk, d - 1, "an") ||
	     sentences_ieq(tk, d - 1, "one") ||
	     sentences_ieq(tk, d - 1, "another")))
		return np_actor(as, tk, d, pp_end, ACTOR_ANONYMOUS);
	/* "His younger brother also said", "her family said": a relative
	 * or colleague of someone, unnamed (a person noun or source after
	 * his/her/their) */
	if (d > lo && (person_noun || (lex & LEX_BIT(LEX_ANON_WORD))) &&
	    !plural && !org_noun &&
	    (sentences_ieq(tk, d - 1, "his") || sentences_ieq(tk, d - 1, "her") ||
	     sentences_ieq(tk, d - 1, "their")))
		return np_actor(as, tk, d - 1, pp_end, ACTOR_ANONYMOUS);
	if (lex & LEX_BIT(LEX_DOCUMENT))
		return -1;
	/* bare plural: "officials", "U.S. officials", "critics"; not the
	 * object of a verb before it */
	if (w[len - 1] == 's' && !object) {
		a = np_actor(as, tk, d, pp_end,
		             (lex & LEX_BIT(LEX_ANON_WORD)) ? ACTOR_ANONYMOUS
		                                            : ACTOR_GROUP);
		as->last_plural = a;
		as->plural_age = 0;
		return a;
	}
	return -1;
}

/* Before a verb's subject slot, a name before an apposition:
 * "Bitabarova, a lecturer at ..., told". */
static int
before_apposition(const struct tokens *tk, const struct mentions *ms,
                  size_t comma, size_t lo)
{
	size_t q;
	int best = -1;

	for (q = comma; q > lo && q + WINDOW > comma; q--) {
		const struct mention *m;

		if (tk->v[q - 1].flags & TOK_QMARK)
			break;
		if (!sentences_is(tk, q - 1, ',') || q - 1 == comma || q < 2)
			continue;
		m = mention_ending(tk, ms, q - 2);
		if (m == NULL)
			continue;
		best = m->actor;
	}
	return best;
}

/*
 * "The official, who spoke on condition of anonymity, said": before a
 * comma closing a relative clause or participle phrase (", who ...,",
 * ", speaking from X,") that opens after a description, that description;
 * -1 when none.
 */
/* Whether a role word stands before "for/of/at/with (the)" right
 * before token b: "a spokesperson for the Commission", "an analyst at
 * X". */
static bool
role_at_body(const struct tokens *tk, size_t b, size_t lo)
{
	size_t k = b;

	if (k > lo && sentences_ieq(tk, k - 1, "the"))
		k--;
	if (k < lo + 2 ||
	    !(sentences_eq(tk, k - 1, "for") || sentences_eq(tk, k - 1, "of") ||
	      sentences_eq(tk, k - 1, "at") || sentences_eq(tk, k - 1, "with")))
		return false;
	return (tk->v[k - 2].flags & TOK_LOWER) &&
	       (tk->v[k - 2].lex & (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_ANON_WORD)));
}

static int
/* NOLINTNEXTLINE(misc-no-recursion): see "Recursion" above */
before_clause(struct actors *as, const struct tokens *tk,
              const struct mentions *ms, size_t comma, size_t lo)
{
	size_t c;

	for (c = comma; c > lo + 1 && c + WINDOW > comma; c--) {
		if (tk->v[c - 1].flags & (TOK_QMARK | TOK_QUOTED))
			return -1;
		if (c - 1 < comma && sentences_is(tk, c - 1, ','))
			break;
	}
	if (c <= lo + 1 || c + WINDOW <= comma ||
	    !sentences_is(tk, c - 1, ',') ||
	    !(relative(tk, c) || is_ing(tk, c)) ||
	    !(tk->v[c - 2].flags & TOK_LOWER) ||
	    !(tk->v[c - 2].lex & (LEX_BIT(LEX_ANON_WORD) | LEX_BIT(LEX_TITLE))))
		return -1;
	return description(as, tk, ms, c - 2, lo, c - 1);
}

/*
 * "PC World's recent analysis of its own statistics concluded": the
 * possessive name opening the noun phrase that ends at p; -1 when none.
 */
static int
possessor(const struct tokens *tk, const struct mentions *ms, size_t p,
          size_t lo)
{
	size_t q;

	for (q = p + 1; q > lo && q + 12 > p; q--) {
		const struct token *t = &tk->v[q - 1];
		const struct mention *m;

		if ((t->flags & TOK_POSS) &&
		    (m = mention_ending(tk, ms, q - 1)) != NULL)
			return m->actor;
		if (!(t->flags & TOK_LOWER) ||
		    (t->lex &
		     (LEX_BIT(LEX_SPEECH_VERB) | LEX_BIT(LEX_STANCE_VERB))))
			return -1;
	}
	return -1;
}

/*
 * "the security firm Secunia.com said", "the charity Open Hands said": a
 * run of capitalised words ending at token p, not named by actors.c,
 * right after a lower-case organisation word is that organisation; -1
 * when the words are no such run.
 */
static int
named_after_kind(struct actors *as, const struct tokens *tk, size_t p,
                 size_t lo)
{
	size_t f = p + 1;

	while (f > lo && f + 4 > p + 1 &&
	       (tk->v[f - 1].flags & TOK_CAP) && tk->v[f - 1].mention < 0 &&
	       !(tk->v[f - 1].flags & (TOK_QUOTED | TOK_QMARK | TOK_SENTSTART)))
		f--;
	if (f == p + 1 || f <= lo || !(tk->v[f - 1].flags & TOK_LOWER) ||
	    !(tk->v[f - 1].lex & LEX_BIT(LEX_ORG_WORD)) ||
	    (tk->v[p].flags & TOK_POSS))
		return -1;
	return np_actor(as, tk, f, p + 1, ACTOR_ORGANIZATION);
}

/*
 * "Banda and her deputy told reporters": a person named first in a
 * subject "NAME and ..." of up to four more words ending at token p.
 */
static int
first_conjunct(const struct actors *as, const struct tokens *tk,
               const struct mentions *ms, size_t p, size_t lo)
{
	size_t k;
	const struct mention *m;

	/* "X turned to Y and said": "and" joins verbs, not a subject */
	if (sentences_eq(tk, p, "and"))
		return -1;
	for (k = p + 1; k > lo + 1 && k + 5 > p + 1; k--) {
		const struct token *t = &tk->v[k - 1];

		if (t->flags & (TOK_QUOTED | TOK_QMARK) || !(t->flags & TOK_WORD))
			return -1;
		if (!sentences_eq(tk, k - 1, "and"))
			continue;
		m = mention_ending(tk, ms, k - 2);
		return m != NULL && as->v[m->actor].a.kind == ACTOR_PERSON &&
		               !(tk->v[k - 2].flags & TOK_POSS)
		           ? m->actor
		           : -1;
	}
	return -1;
}

static bool
preposition(const struct tokens *tk, size_t i)
{
	return sentences_eq(tk, i, "to") || sentences_eq(tk, i, "of") ||
	       sentences_eq(tk, i, "for") || sentences_eq(tk, i, "at") ||
	       sentences_eq(tk, i, "in") || sentences_eq(tk, i, "from") ||
	       sentences_eq(tk, i, "with") || sentences_eq(tk, i, "on");
}

/*
 * A description whose head comes before a prepositional phrase that ends
 * at token p: "a source close to the board", "the spokesman for the
 * ministry", "one official with the agency"; the description runs to p.
 * -1 when the words before p are no such phrase.
 */
static int
/* NOLINTNEXTLINE(misc-no-recursion): see "Recursion" above */
head_before_pp(struct actors *as, const struct tokens *tk,
               const struct mentions *ms, size_t p, size_t lo, size_t *prep)
{
	size_t j, h;

	*prep = (size_t)-1;
	for (j = p; j > lo && j + 5 > p; j--) {
		const struct token *t = &tk->v[j - 1];

		/* "an advisor to the Palestinian team": a demonym too */
		/* "in which the report states": a clause, no phrase */
		if ((!(t->flags & TOK_LOWER) &&
		     !(t->lex & LEX_BIT(LEX_DEMONYM))) ||
		    (t->flags & TOK_QUOTED) || relative(tk, j - 1))
			return -1;
		if (preposition(tk, j - 1))
			break;
	}
	if (j <= lo + 1 || j + 5 <= p || !preposition(tk, j - 1))
		return -1;
	j--; /* the preposition */
	*prep = j;
	for (h = j; h > lo && h + 3 > j; h--) {
		const struct token *t = &tk->v[h - 1];

		if (!(t->flags & TOK_LOWER) || (t->flags & TOK_QUOTED))
			return -1;
		if (t->lex & (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_ANON_WORD)))
			return description(as, tk, ms, h - 1, lo, p + 1);
	}
	return -1;
}

int
attribute_subject(struct actors *as, struct tokens *tk,
                  const struct mentions *ms, size_t v, size_t lo)
{
	return subject_of(as, tk, ms, v, lo);
}


/*
 * Whether the word at v is a verb whose object, before hi, is a document
 * ("issued a statement", "released the following statement", "read a
 * brief statement"): a lower-case word in no list, an article, up to two
 * lower-case modifiers, a document word.
 */
static bool
issues_document(const struct tokens *tk, size_t v, size_t hi)
{
	size_t k;

	/* not "in which the report states": no verb */
	if (v + 2 >= hi || !(tk->v[v].flags & TOK_LOWER) ||
	    (tk->v[v].lex & ~LEX_PREFIX) || !is_article(tk, v + 1) ||
	    relative(tk, v) || sentences_eq(tk, v, "where") ||
	    sentences_eq(tk, v, "whose"))
		return false;
	for (k = v + 2; k < hi && k < v + 5; k++) {
		const struct token *t = &tk->v[k];

		if (!(t->flags & TOK_LOWER) || (t->flags & TOK_QUOTED))
			return false;
		if (t->lex & LEX_BIT(LEX_DOCUMENT))
			return true;
		if (t->lex & ~LEX_PREFIX)
			return false;
	}
	return false;
}


/*
 * The antecedent of the relative pronoun at w ("who", "which") after a
 * comma: the nearest person ("Terence Fan, an expert from Singapore, who
 * said") or, for "which", the nearest organisation or country, named
 * within 15 tokens and followed by a comma; -1 when none.
 */
static int
antecedent(const struct actors *as, const struct tokens *tk,
           const struct mentions *ms, size_t w, size_t lo)
{
	bool who = sentences_eq(tk, w, "who");
	size_t k;

	if (w < lo + 2 || !sentences_is(tk, w - 1, ','))
		return -1;
	for (k = w - 1; k > lo && k + 16 > w; k--) {
		const struct mention *m = mention_ending(tk, ms, k - 1);
		bool person;

		if (tk->v[k - 1].flags & (TOK_QUOTED | TOK_QMARK))
			return -1;
		if (m == NULL || !sentences_is(tk, m->last, ','))
			continue;
		person = as->v[m->actor].a.kind == ACTOR_PERSON ||
		         anonymous_person(&as->v[m->actor]);
		/* "X, an expert from Singapore, who": past the place */
		if (person == who)
			return m->actor;
	}
	return -1;
}

/*
 * "Ann Lee, a security analyst at ... told", "Ann Lee, consultant to the
 * government on terrorism said", "Ann Lee, who tracks web sites for NBC
 * News said": the person before a comma that opens an apposition or a
 * relative clause running, with no closing comma, up to token p; -1 when
 * the words before p are no such phrase. who_only: only a relative clause
 * ("X, who met Y said" is X's, but in "X, a friend of Y said" Y may be
 * a name of the apposition's own).
 */
static int
unclosed_apposition(const struct actors *as, const struct tokens *tk,
                    const struct mentions *ms, size_t p, size_t lo,
                    bool who_only)
{
	size_t k;
	const struct mention *m;

	for (k = p; k > lo + 2 && k + 14 > p; k--) {
		const struct token *t = &tk->v[k - 1];

		if ((t->flags & (TOK_QUOTED | TOK_QMARK)) ||
		    (t->lex & (LEX_BIT(LEX_SPEECH_VERB) | LEX_BIT(LEX_AUX))))
			return -1;
		if (sentences_is(tk, k - 1, ','))
			break;
	}
	if (k <= lo + 2 || k + 14 <= p || k > p ||
	    !sentences_is(tk, k - 1, ','))
		return -1;
	/* ", a/the ROLE", ", who ...", ", consultant to ...": not ", and" */
	if (sentences_eq(tk, k, "who"))
		who_only = false;
	if (who_only ||
	    (!is_article(tk, k) && !sentences_eq(tk, k, "who") &&
	     (!(tk->v[k].flags & TOK_LOWER) ||
	      (tk->v[k].lex & LEX_BIT(LEX_STOPWORD)))))
		return -1;
	/* the person opens its sentence ("Speaking to X, the ..." is no
	 * apposition of X's) */
	if ((m = mention_ending(tk, ms, k - 2)) == NULL ||
	    as->v[m->actor].a.kind != ACTOR_PERSON ||
	    !(tk->v[m->role_first].flags & TOK_SENTSTART))
		return -1;
	return m->actor;
}

/*
 * "X replied to Y saying", "X issued a statement opposing the Y plan
 * saying": before a participle cue at v, a noun phrase starting at f
 * after a lower-case word is an object; the participle's subject is the
 * clause's. But "with Y saying" is Y's, and a title or kind before a name
 * ("the spokesman Y") is its own.
 */
static bool
participle_object(const struct tokens *tk, size_t v, size_t f, size_t lo)
{
	return is_ing(tk, v) && (tk->v[v].flags & TOK_LOWER) && f > lo &&
	       (tk->v[f - 1].flags & TOK_LOWER) &&
	       !sentences_eq(tk, f - 1, "with") &&
	       !(tk->v[f - 1].lex & (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_ANON_WORD) |
	                             LEX_BIT(LEX_ORG_WORD)));
}

/* Whether token i is a demonym that names one person ("Spaniard",
 * "Briton", "Russian"), not a people or a side ("French", "British",
 * "Chinese"). */
static bool
demonym_person(const struct tokens *tk, size_t i)
{
	const char *w = tk->text + tk->v[i].start;
	size_t len = sentences_len(tk, i);

	if ((tk->v[i].lex & (LEX_BIT(LEX_DEMONYM) | LEX_BIT(LEX_COUNTRY))) !=
	        LEX_BIT(LEX_DEMONYM) ||
	    len < 4)
		return false;
	return memcmp(w + len - 3, "ese", 3) != 0 &&
	       memcmp(w + len - 2, "sh", 2) != 0 &&
	       memcmp(w + len - 2, "ch", 2) != 0;
}

static int
/* NOLINTNEXTLINE(misc-no-recursion): see "Recursion" above */
subject_of(struct actors *as, const struct tokens *tk,
           const struct mentions *ms, size_t v, size_t lo)
{
	size_t p = v, prep, k;
	const struct mention *m, *pm;
	bool be = false;
	int a;

	/* "X is quoted by the Sun responding to the letter": the one
	 * quoted, not the agent */
	if (is_ing(tk, v) && (tk->v[v].flags & TOK_LOWER))
		for (k = v; k > lo + 1 && k + 8 > v; k--) {
			if (tk->v[k - 1].flags & (TOK_QUOTED | TOK_QMARK))
				break;
			if (sentences_eq(tk, k - 1, "quoted") &&
			    (sentences_eq(tk, k - 2, "is") ||
			     sentences_eq(tk, k - 2, "was")))
				return subject_of(as, tk, ms, k - 1, lo);
		}
	while (p > lo && skippable(tk, p - 1)) {
		p--;
		be = be || sentences_eq(tk, p, "was") ||
		     sentences_eq(tk, p, "were") || sentences_eq(tk, p, "is") ||
		     sentences_eq(tk, p, "are");
	}
	if (p <= lo)
		return -1;
	p--;
	if (tk->v[p].flags & (TOK_QUOTED | TOK_QMARK))
		return -1;
	/* "..., who said": the one the clause hangs on */
	if (relative(tk, p))
		return antecedent(as, tk, ms, p, lo);
	/* "an official in Kyrgyzstan told" */
	if ((m = mention_ending(tk, ms, p)) != NULL) {
		size_t f = m->role_first, g = f;

		/* "the Spaniard said", "the Russian said": a person of that
		 * country, the one the text is about ("the French said"
		 * is a side) */
		if (m->last == m->first + 1 && m->first > lo &&
		    sentences_ieq(tk, m->first - 1, "the") &&
		    demonym_person(tk, m->first))
			return latest(as, tk, ms, m->first - 1, W_PERSON, NULL, 0);

		if (participle_object(tk, v, f, lo))
			return -1;
		/* "X, a security analyst at the Center for ... told": an
		 * apposition whose closing comma is missing */
		if (g >= lo + 3 && sentences_ieq(tk, g - 1, "the"))
			g--;
		if (g >= lo + 2 &&
		    (a = unclosed_apposition(
		         as, tk, ms, g - 1, lo,
		         as->v[m->actor].a.kind == ACTOR_PERSON ||
		             !preposition(tk, g - 1))) >= 0)
			return a;
		g = f;
		/* "groups in France and Spain called": back over the
		 * places and bodies joined with "and" or commas */
		while (as->v[m->actor].a.kind != ACTOR_PERSON && g >= lo + 3 &&
		       (sentences_eq(tk, g - 1, "and") ||
		        sentences_is(tk, g - 1, ',')) &&
		       (pm = mention_ending(tk, ms, g - 2)) != NULL &&
		       as->v[pm->actor].a.kind != ACTOR_PERSON &&
		       pm->role_first < g - 1)
			g = pm->role_first;
		if (g >= lo + 3 && sentences_ieq(tk, g - 1, "the"))
			g--; /* "a spokeswoman for the River Trust" */
		if (g >= lo + 2 &&
		    (sentences_eq(tk, g - 1, "in") ||
		     sentences_eq(tk, g - 1, "from") ||
		     sentences_eq(tk, g - 1, "at") ||
		     sentences_eq(tk, g - 1, "for")) &&
		    (a = description(as, tk, ms, g - 2, lo, p + 1)) >= 0) {
			/* "a spokeswoman for the Trust": the Trust's name is
			 * an alias of hers, not a person's name */
			if (sentences_eq(tk, g - 1, "for") &&
			    as->v[m->actor].a.kind != ACTOR_PERSON &&
			    as->v[a].a.kind == ACTOR_ANONYMOUS)
				actors_alias(as, a, as->v[m->actor].a.name,
				             strlen(as->v[m->actor].a.name));
			return a;
		}
		/* "Matthew Ingram of The Globe and Mail dubbed", "Ann Lee
		 * of the Transport Ministry said": the person */
		if (f >= lo + 3 && sentences_ieq(tk, f - 1, "the"))
			f--;
		if (as->v[m->actor].a.kind != ACTOR_PERSON && f >= lo + 2 &&
		    (sentences_eq(tk, f - 1, "of") ||
		     sentences_eq(tk, f - 1, "for") ||
		     sentences_eq(tk, f - 1, "at")) &&
		    (pm = mention_ending(tk, ms, f - 2)) != NULL &&
		    as->v[pm->actor].a.kind == ACTOR_PERSON)
			return pm->actor;

		f = m->role_first;
		/* "a letter seen by Sky News says", "workers interviewed by
		 * the Herald said": the agent is not it */
		if (f >= lo + 4 && sentences_eq(tk, f - 1, "the") &&
		    sentences_eq(tk, f - 2, "by"))
			f--;
		if (f >= lo + 3 && sentences_eq(tk, f - 1, "by") &&
		    (tk->v[f - 2].flags & TOK_LOWER) &&
		    (a = description(as, tk, ms, f - 3, lo, f - 2)) >= 0)
			return a;
		return m->actor;
	}
	if ((a = pronoun(as, tk, ms, p)) >= 0)
		return a;
	/* "One post by him read": its author */
	if (p >= lo + 2 && sentences_eq(tk, p - 1, "by") &&
	    (tk->v[p - 2].flags & TOK_LOWER) &&
	    object_pronoun(tk, p) != W_PERSON)
		return latest(as, tk, ms, p, object_pronoun(tk, p), NULL, 0);
	if (p >= lo + 5 && year_old(tk, p - 4) &&
	    sentences_ieq(tk, p - 5, "the"))
		return latest(as, tk, ms, p - 5, W_PERSON, NULL, 0);
	if (sentences_is(tk, p, ',')) {
		a = before_apposition(tk, ms, p, lo);
		/* "A spokesperson for the Commission, Johan Berg, said":
		 * the person set beside a role held at a body, not the
		 * body */
		if (a >= 0 && as->v[a].a.kind != ACTOR_PERSON && p > lo &&
		    (m = mention_ending(tk, ms, p - 1)) != NULL &&
		    as->v[m->actor].a.kind == ACTOR_PERSON &&
		    m->role_first >= lo + 2 &&
		    sentences_is(tk, m->role_first - 1, ',') &&
		    (pm = mention_ending(tk, ms, m->role_first - 2)) != NULL &&
		    pm->actor == a && role_at_body(tk, pm->role_first, lo))
			a = m->actor;
		/* "The secretary general, Nunzio Galantino, has called" */
		if (a < 0 && p > lo &&
		    (m = mention_ending(tk, ms, p - 1)) != NULL &&
		    as->v[m->actor].a.kind == ACTOR_PERSON)
			a = m->actor;
		if (a < 0 && p > lo)
			a = named_after_kind(as, tk, p - 1, lo);
		/* "The official, who spoke on condition of anonymity,
		 * said": the description before the clause */
		if (a < 0)
			a = before_clause(as, tk, ms, p, lo);
		return a;
	}
	if ((a = named_after_kind(as, tk, p, lo)) >= 0)
		return a;
	if ((a = first_conjunct(as, tk, ms, p, lo)) >= 0)
		return a;
	if ((tk->v[p].flags & TOK_SENTSTART) && (tk->v[p].flags & TOK_CAP))
		return description(as, tk, ms, p, p, p + 1); /* "Critics" */
	if ((tk->v[p].flags & TOK_LOWER) && (tk->v[p].flags & TOK_WORD)) {
		size_t d;

		/* "Acme issued a statement saying": who issued it */
		if ((tk->v[p].lex & LEX_BIT(LEX_DOCUMENT)) && p >= lo + 2)
			for (d = p - 2; d + 5 > p && d > lo; d--)
				if (issues_document(tk, d, p + 1))
					return subject_of(as, tk, ms, d, lo);
		/* "the Home Office letter reads", "Cornyn's statement added" */
		if (p > lo && (m = mention_ending(tk, ms, p - 1)) != NULL &&
		    !(tk->v[p].lex & LEX_BIT(LEX_STOPWORD))) {
			if (participle_object(tk, v, m->role_first, lo))
				return -1;
			/* "an advisor to the Palestinian team told": the
			 * head before the phrase, not the country */
			if ((tk->v[m->first].lex & LEX_BIT(LEX_DEMONYM)) &&
			    (a = head_before_pp(as, tk, ms, p, lo, &prep)) >= 0)
				return a;
			/* "Okafor's spokesman said": not Okafor; "a Justice
			 * Department official said": not the department */
			if (((tk->v[p - 1].flags & TOK_POSS) ||
			     (as->v[m->actor].a.kind != ACTOR_PERSON &&
			      m->first > lo && is_article(tk, m->first - 1))) &&
			    (tk->v[p].lex &
			     (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_ANON_WORD))) &&
			    !(tk->v[p].lex & LEX_BIT(LEX_ORG_WORD)))
				return np_actor(as, tk, m->first, p + 1,
				                ACTOR_ANONYMOUS);
			return m->actor;
		}
		/* "X, consultant to the government on terrorism said" */
		if ((a = unclosed_apposition(as, tk, ms, p, lo, false)) >= 0)
			return a;
		/* "a source close to the board told": the head before
		 * the prepositional phrase */
		if ((a = head_before_pp(as, tk, ms, p, lo, &prep)) >= 0)
			return a;
		/* "Grant's letter to the airline reads": not the airline */
		if (prep != (size_t)-1 &&
		    !(tk->v[p].lex &
		      (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_ANON_WORD))))
			return prep > lo ? possessor(tk, ms, prep - 1, lo) : -1;
		/* "the team was denied": an organisation word as the
		 * subject of a passive is none, nor of a verb that is no
		 * speech ("the team remained") */
		if ((be || (!is_speech(tk, v) &&
		            !issues_document(tk, v, tk->n))) &&
		    (tk->v[p].lex & LEX_BIT(LEX_ORG_WORD)) &&
		    !(tk->v[p].lex &
		      (LEX_BIT(LEX_ANON_WORD) | LEX_BIT(LEX_TITLE))))
			return -1;
		if ((a = description(as, tk, ms, p, lo, p + 1)) >= 0)
			return a;
		a = possessor(tk, ms, p, lo);
		/* "Ortiz's campaign manager said": the manager, an
		 * anonymous source, not Ortiz */
		if (a >= 0 &&
		    (tk->v[p].lex & (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_ANON_WORD))) &&
		    !(tk->v[p].lex & LEX_BIT(LEX_ORG_WORD))) {
			size_t q;

			for (q = p; q > lo && !(tk->v[q - 1].flags & TOK_POSS);
			     q--)
				;
			if (q > lo && tk->v[q - 1].mention >= 0)
				return np_actor(
				    as, tk, ms->v[tk->v[q - 1].mention].first,
				    p + 1, ACTOR_ANONYMOUS);
		}
		return a;
	}
	return -1;
}

/* "told", "asked": the object is the addressee; but in `"...?" asked
 * Okafor` (asker true) the one asking speaks. */
static bool
addressee_verb(const struct tokens *tk, size_t v, bool asker)
{
	return sentences_eq(tk, v, "told") || sentences_eq(tk, v, "tells") ||
	       sentences_eq(tk, v, "tell") ||
	       (!asker && sentences_eq(tk, v, "asked"));
}

static int appended_name(const struct actors *as, const struct tokens *tk,
    const struct mentions *ms, size_t e, size_t hi, size_t *pp_end);

/* The speaker after an inverted verb: `said Raffaello Pantucci, ...`. */
static int
subject_right(struct actors *as, const struct tokens *tk,
              const struct mentions *ms, size_t v, size_t hi, bool asker)
{
	const struct mention *m;
	size_t k;

	if (addressee_verb(tk, v, asker))
		return -1;
	/* "thanking France for ...": an -ing form's object */
	if (v + 1 >= hi || is_ing(tk, v))
		return -1;
	if ((m = mention_starting(tk, ms, v + 1)) != NULL) {
		size_t h = m->last;
		const struct mention *n;

		if (!(tk->v[h - 1].flags & TOK_POSS))
			return m->actor;
		/* "said Harper's wife, Emily Harper": not Harper */
		if (h + 1 >= hi || !(tk->v[h].flags & TOK_LOWER))
			return -1;
		if (sentences_is(tk, h + 1, ',') &&
		    (n = mention_starting(tk, ms, h + 2)) != NULL &&
		    fits(as, n->actor, W_PERSON))
			return n->actor;
		return np_actor(as, tk, m->first, h + 1, ACTOR_ANONYMOUS);
	}
	/* a role with no article, then the name set off by a comma:
	 * "said co-owner of R & G Produce, Gary Glowaczewski" */
	for (k = v + 1; k < hi && k < v + 5; k++) {
		const struct token *t = &tk->v[k];
		size_t pp_end = k + 1;

		if (k > v + 1 && sentences_is(tk, k, '-'))
			continue;
		if (!(t->flags & TOK_LOWER) || !(t->flags & TOK_WORD) ||
		    (t->flags & TOK_QUOTED))
			break;
		if (t->lex & LEX_BIT(LEX_TITLE)) {
			int a = appended_name(as, tk, ms, k + 1, hi, &pp_end);

			if (a >= 0)
				return a;
			break;
		}
	}
	/* lower-case role words before the name: "said union steward
	 * Ben Ortiz", "said party spokesman ..." */
	for (k = v + 1; k < hi && k < v + 4; k++) {
		const struct token *t = &tk->v[k];

		if (!(t->flags & TOK_LOWER) || !(t->flags & TOK_WORD) ||
		    (t->flags & TOK_QUOTED) ||
		    (t->lex & (LEX_BIT(LEX_STOPWORD) | LEX_BIT(LEX_AUX) |
		               LEX_BIT(LEX_SPEECH_VERB) | LEX_BIT(LEX_CONNECTOR) |
		               LEX_BIT(LEX_PRONOUN))))
			return -1;
		if ((m = mention_starting(tk, ms, k + 1)) != NULL &&
		    m->first == k + 1 && fits(as, m->actor, W_PERSON))
			return m->actor;
	}
	return -1;
}

/*
 * After the description that ends at token e (exclusive), a name set off
 * by a comma: `said a spokesman for the fire service, Ian Cole.` Returns
 * that person or -1; *pp_end is moved past a "for ORG" / "of ORG" /
 * "at ORG" complement that names an organisation or country, which then
 * belongs to the description ("spokeswoman for the Transport Police").
 */
static int
appended_name(const struct actors *as, const struct tokens *tk,
              const struct mentions *ms, size_t e, size_t hi, size_t *pp_end)
{
	const struct mention *m;
	size_t k = e;

	if (k + 1 < hi &&
	    (sentences_eq(tk, k, "for") || sentences_eq(tk, k, "of") ||
	     sentences_eq(tk, k, "at"))) {
		size_t n = k + 1;

		if (n + 1 < hi && is_article(tk, n))
			n++;
		if ((m = mention_starting(tk, ms, n)) != NULL &&
		    as->v[m->actor].a.kind != ACTOR_PERSON && m->last <= hi) {
			*pp_end = m->last;
			k = m->last;
		}
	}
	/* the rest of a cut name ("Fire and Rescue squad") */
	while (k < hi && k < e + 12 && !sentences_is(tk, k, ',') &&
	       ((tk->v[k].flags & TOK_WORD) || sentences_is(tk, k, '&')) &&
	       !(tk->v[k].flags & (TOK_QUOTED | TOK_QMARK)))
		k++;
	if (k + 1 >= hi || !sentences_is(tk, k, ','))
		return -1;
	m = mention_starting(tk, ms, k + 1);
	if (m == NULL || as->v[m->actor].a.kind != ACTOR_PERSON ||
	    (m->last < hi && (tk->v[m->last].flags & TOK_WORD)))
		return -1;
	return m->actor;
}

/*
 * The agent after "by" at token k: a name, or a description whose head is
 * a title or anonymous-source word within four words of k, with a short
 * place phrase after it ("an unknown author on the forum"); -1 when none.
 */
static int
by_agent(struct actors *as, const struct tokens *tk, const struct mentions *ms,
         size_t k, size_t hi)
{
	const struct mention *m;
	size_t h, e;

	if ((m = mention_starting(tk, ms, k)) != NULL)
		return m->actor;
	if (!is_article(tk, k))
		return -1;
	for (h = k + 1; h < hi && h < k + 5; h++) {
		const struct token *t = &tk->v[h];

		if (!(t->flags & TOK_WORD) || !(t->flags & TOK_LOWER) ||
		    (t->flags & TOK_QUOTED))
			return -1;
		if (!(t->lex & (LEX_BIT(LEX_TITLE) | LEX_BIT(LEX_ANON_WORD))))
			continue;
		e = h + 1;
		/* up to four words of "on/at/from/in X" ending the clause */
		if (e + 1 < hi && (sentences_eq(tk, e, "on") ||
		                   sentences_eq(tk, e, "at") ||
		                   sentences_eq(tk, e, "from") ||
		                   sentences_eq(tk, e, "in"))) {
			size_t x = e + 1;

			while (x < hi && x < e + 5 && (tk->v[x].flags & TOK_WORD))
				x++;
			if (x >= hi || sentences_is(tk, x, '.') ||
			    sentences_is(tk, x, ','))
				e = x;
		}
		return description(as, tk, ms, h, k, e);
	}
	return -1;
}

/*
 * The agent of a speech verb used in the passive: "She was told by a
 * nurse that ...", "her memoir, described by the Washington Post as ...":
 * the one who speaks is after "by", not the subject (who is told, or
 * described). Not for the verbs whose subject speaks ("quoted by",
 * "asked by", "interviewed by"), nor "said by telephone" (no agent
 * by_agent() takes). -1 when v is no such verb.
 */
static int
passive_agent(struct actors *as, const struct tokens *tk,
              const struct mentions *ms, size_t v, size_t hi)
{
	static const char *const hearer_speaks[] = {
		"quoted", "cited", "asked", "interviewed", "questioned",
		"contacted", "reached", "pressed", "urged", NULL
	};

	if (v + 2 >= hi || !sentences_eq(tk, v + 1, "by") ||
	    !(tk->v[v].flags & TOK_LOWER) ||
	    sentences_eq_any(tk, v, hearer_speaks))
		return -1;
	return by_agent(as, tk, ms, v + 2, hi);
}

/*
 * An inverted verb followed by a description: `said a defense ministry
 * spokesman`, `said the officials`, `said a BBC executive`; the head is
 * the first title or anonymous-source word within a few words of a
 * determiner. A name the description is set beside wins
 * (`said a spokesman for X, Ian Cole`).
 */
static int
description_right(struct actors *as, const struct tokens *tk,
                  const struct mentions *ms, size_t v, size_t hi, bool asker)
{
	size_t h;

	if (addressee_verb(tk, v, asker))
		return -1;
	if (v + 2 >= hi || !(is_article(tk, v + 1) ||
	                     sentences_ieq(tk, v + 1, "one") ||
	                     sentences_ieq(tk, v + 1, "another")))
		return -1;
	/* "said the post by an unknown author on the forum" */
	if (v + 4 < hi && (tk->v[v + 2].flags & TOK_LOWER) &&
	    sentences_eq(tk, v + 3, "by"))
		return by_agent(as, tk, ms, v + 4, hi);
	for (h = v + 2; h < hi && h < v + 7; h++) {
		const struct token *t = &tk->v[h];
		const struct mention *m;

		if (h == v + 2 && sentences_ieq(tk, v + 1, "the") &&
		    year_old(tk, h) &&
		    (h + 5 >= hi || !(tk->v[h + 5].flags & TOK_WORD)))
			return latest(as, tk, ms, v, W_PERSON, NULL, 0);
		/* an organisation or country as a modifier: "a BBC ..." */
		if ((m = mention_starting(tk, ms, h)) != NULL &&
		    as->v[m->actor].a.kind != ACTOR_PERSON && m->last > h &&
		    m->last < hi) {
			h = m->last - 1;
			continue;
		}
		if (!(t->flags & TOK_WORD) || (t->flags & TOK_QUOTED) ||
		    !(t->flags & TOK_LOWER))
			return -1;
		/* "said the statement, signed by ...": a document too */
		if (t->lex & (LEX_BIT(LEX_ANON_WORD) | LEX_BIT(LEX_TITLE) |
		              LEX_BIT(LEX_DOCUMENT))) {
			size_t pp_end;
			int a;

			/* the last of a run: "ministry spokesman" */
			while (h + 1 < hi && h + 1 < tk->n &&
			       (tk->v[h + 1].flags & TOK_LOWER) &&
			       (tk->v[h + 1].lex & (LEX_BIT(LEX_ANON_WORD) |
			                            LEX_BIT(LEX_TITLE))))
				h++;
			pp_end = h + 1;
			if ((a = appended_name(as, tk, ms, h + 1, hi,
			                       &pp_end)) >= 0)
				return a;
			a = description(as, tk, ms, h, v + 1, pp_end);
			/* "said a spokeswoman for the Transport Police" */
			if (a >= 0 && pp_end > h + 1 &&
			    as->v[a].a.kind == ACTOR_ANONYMOUS &&
			    tk->v[pp_end - 1].mention >= 0) {
				const char *n =
				    as->v[ms->v[tk->v[pp_end - 1].mention].actor]
				        .a.name;

				actors_alias(as, a, n, strlen(n));
			}
			return a;
		}
		if (t->lex & LEX_BIT(LEX_STOPWORD))
			return -1;
	}
	return -1;
}

/*
 * "according to Reporters Without Borders,": a run of two or more
 * capitalised words (with of, for, and, the, without between them) that
 * no other rule named, up to a comma or the sentence end: an
 * organisation. -1 when the words are no such run.
 */
static int
capitalised_run(struct actors *as, const struct tokens *tk, size_t k,
                size_t hi)
{
	size_t e = k, caps = 0;

	if (e < hi && sentences_eq(tk, e, "the"))
		e++;
	k = e;
	while (e < hi && e < k + 8 && (tk->v[e].flags & TOK_WORD) &&
	       !(tk->v[e].flags & (TOK_QUOTED | TOK_QMARK))) {
		if (tk->v[e].flags & TOK_CAP)
			caps++;
		else if (!(tk->v[e].lex & LEX_BIT(LEX_CONNECTOR)) &&
		         !sentences_eq(tk, e, "without"))
			return -1;
		e++;
	}
	if (caps < 2 || e == k || !(tk->v[e - 1].flags & TOK_CAP) ||
	    !(tk->v[k].flags & TOK_CAP) ||
	    (e < hi && !sentences_is(tk, e, ',') && !sentences_is(tk, e, '.')))
		return -1;
	return np_actor(as, tk, k, e, ACTOR_ORGANIZATION);
}

/* Whether the sentence of token t holds a speech verb outside quotes
 * other than "according" at t (bounded like the sieves). */
static bool
other_speech(const struct tokens *tk, size_t t)
{
	size_t s = tk->sent_of[t], k, f = tk->s[s].first, l = tk->s[s].last;

	if (t > f + 3 * WINDOW)
		f = t - 3 * WINDOW;
	if (l > t + 3 * WINDOW)
		l = t + 3 * WINDOW;
	for (k = f; k < l; k++)
		if (k != t && is_speech(tk, k))
			return true;
	return false;
}

/* The issuer after "a statement from": a name, or "the commission" (an
 * organisation word after "the"); -1 when none. */
static int
source_of(struct actors *as, const struct tokens *tk,
          const struct mentions *ms, size_t k, size_t hi)
{
	const struct mention *m;
	size_t h;

	if ((m = mention_starting(tk, ms, k)) != NULL)
		return m->actor;
	if (!sentences_ieq(tk, k, "the"))
		return -1;
	if (k + 1 < hi && (m = mention_starting(tk, ms, k + 1)) != NULL)
		return m->actor;
	for (h = k + 1; h < hi && h < k + 4; h++) {
		if (!(tk->v[h].flags & TOK_LOWER) ||
		    (tk->v[h].flags & TOK_QUOTED))
			return -1;
		if ((tk->v[h].lex & LEX_BIT(LEX_ORG_WORD)) &&
		    (h + 1 >= hi || !(tk->v[h + 1].flags & TOK_LOWER)))
			return description(as, tk, ms, h, k, h + 1);
	}
	return -1;
}

/* "according to X": the actor X, or -1 (a document, or nobody). */
static int
according(struct actors *as, struct tokens *tk, const struct mentions *ms,
          size_t t, size_t hi)
{
	size_t k = t + 2, h;
	const struct mention *m;

	if (k >= hi)
		return -1;
	if ((m = mention_starting(tk, ms, k)) != NULL)
		return m->actor;
	/* "According to him, he had never ..." */
	if (object_pronoun(tk, k) != W_PERSON)
		return latest(as, tk, ms, k, object_pronoun(tk, k), NULL, 0);
	/* a description: "according to the ministry", "a senior official" */
	for (h = k; h < hi && h < k + 6; h++) {
		if (!(tk->v[h].flags & TOK_WORD))
			break;
		if ((tk->v[h].lex & LEX_BIT(LEX_DOCUMENT)) &&
		    (tk->v[h].flags & TOK_LOWER)) {
			/* "according to a statement from the commission",
			 * unless someone in the sentence speaks ("X told Y
			 * \"...\", according to a readout from Y's office") */
			if (h + 2 < hi && (sentences_eq(tk, h + 1, "from") ||
			                   sentences_eq(tk, h + 1, "by") ||
			                   sentences_eq(tk, h + 1, "of")) &&
			    !other_speech(tk, t))
				return source_of(as, tk, ms, h + 2, hi);
			return -1;
		}
		if ((tk->v[h].flags & TOK_LOWER) &&
		    (tk->v[h].lex &
		     (LEX_BIT(LEX_ANON_WORD) | LEX_BIT(LEX_TITLE)))) {
			if ((m = mention_starting(tk, ms, h + 1)) != NULL &&
			    !(h + 1 < tk->n && tk->v[h + 1].flags & TOK_LOWER))
				return m->actor; /* "curator Elaine G." */
			return description(as, tk, ms, h, t + 1, h + 1);
		}
		/* "according to the regional finance office," */
		if ((tk->v[h].flags & TOK_LOWER) &&
		    (tk->v[h].lex & LEX_BIT(LEX_ORG_WORD)) &&
		    (h + 1 >= hi || !(tk->v[h + 1].flags & TOK_WORD)))
			return description(as, tk, ms, h, t + 1, h + 1);
		/* "according to the advocacy group Reporters Without
		 * Borders,": the name after the kind of body */
		if ((tk->v[h].flags & TOK_LOWER) &&
		    (tk->v[h].lex & LEX_BIT(LEX_ORG_WORD)) && h + 1 < hi &&
		    (tk->v[h + 1].flags & TOK_CAP) &&
		    mention_starting(tk, ms, h + 1) == NULL) {
			int a = capitalised_run(as, tk, h + 1, hi);

			if (a >= 0)
				return a;
		}
		if ((m = mention_starting(tk, ms, h)) != NULL)
			return m->actor;
	}
	return capitalised_run(as, tk, k, hi);
}

static bool
is_according(const struct tokens *tk, size_t i)
{
	return i + 1 < tk->n && sentences_ieq(tk, i, "according") &&
	       sentences_eq(tk, i + 1, "to");
}

static bool
is_dash(const struct tokens *tk, size_t i)
{
	const char *s = tk->text + tk->v[i].start;
	size_t len = tk->v[i].end - tk->v[i].start;

	return (len == 1 && *s == '-') ||
	       (len == 3 && memcmp(s, "\xe2\x80", 2) == 0 &&
	        ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94));
}

/* The person whose mention (title included) starts at token p, or -1. */
static int
person_starting(const struct actors *as, const struct tokens *tk,
                const struct mentions *ms, size_t p)
{
	const struct mention *m = mention_starting(tk, ms, p);

	return m != NULL && as->v[m->actor].a.kind == ACTOR_PERSON ? m->actor
	                                                           : -1;
}

int
attribute_dash_credit(const struct actors *as, const struct tokens *tk,
                      const struct mentions *ms)
{
	size_t k;

	if (tk->n < 2 || !is_dash(tk, 0))
		return -1;
	for (k = 1; k < tk->n && k < 4; k++) {
		int a = person_starting(as, tk, ms, k);

		if (a >= 0)
			return a;
	}
	return -1;
}

/*
 * The subject before a relative clause ending at the verb v: "a doctor at
 * the hospital, who asked not to be named, told" or "Okafor, who ...,
 * said": the name or description the clause hangs on; -1 when none.
 */
static int
clause_subject(struct actors *as, struct tokens *tk,
               const struct mentions *ms, size_t v, size_t lo)
{
	size_t k, h, e;
	const struct mention *m;

	if (v < lo + 2 || !sentences_is(tk, v - 1, ','))
		return -1;
	for (k = v - 1; k > lo + 1 && k + WINDOW > v; k--)
		if (relative(tk, k - 1) && sentences_is(tk, k - 2, ','))
			break;
	if (k <= lo + 1 || k + WINDOW <= v)
		return -1;
	e = k - 2; /* the comma before "who" */
	if ((m = mention_ending(tk, ms, e - 1)) != NULL &&
	    as->v[m->actor].a.kind == ACTOR_PERSON)
		return m->actor;
	for (h = lo; h < e && h < lo + 6; h++) {
		if (tk->v[h].flags & (TOK_QMARK | TOK_QUOTED))
			return -1;
		if ((m = mention_starting(tk, ms, h)) != NULL)
			return m->last == e ? m->actor : -1;
		if ((tk->v[h].flags & TOK_LOWER) &&
		    (tk->v[h].lex &
		     (LEX_BIT(LEX_ANON_WORD) | LEX_BIT(LEX_TITLE))))
			return description(as, tk, ms, h, lo, e);
	}
	return -1;
}

/* ---- the sieves ----------------------------------------------------- */

static void
set_cue(struct attr_result *r, size_t first, size_t last, int speaker,
        double conf, const char *rule)
{
	r->speaker = speaker;
	r->cue_first = first;
	r->cue_last = last;
	r->confidence = conf;
	r->rule = rule;
}

/* The cue's extent: "told RFE/RL", "according to". */
static size_t
cue_end(const struct tokens *tk, const struct mentions *ms, size_t v)
{
	const struct mention *m;

	if (is_according(tk, v))
		return v + 2;
	if ((sentences_eq(tk, v, "told") || sentences_eq(tk, v, "tells")) &&
	    (m = mention_starting(tk, ms, v + 1)) != NULL && m->last - v <= 5 &&
	    !(tk->v[m->last - 1].flags & TOK_POSS))
		return m->last;
	return v + 1;
}

/* Speaker of the previous quote of the same sentence, or -1. */
static int
prev_in_sentence(const struct tokens *tk, const struct qspans *qs,
                 const struct attr_result *out, size_t qi)
{
	const struct qspan *q, *p;
	size_t qo, po;

	if (qi == 0 || qi >= qs->n)
		return -1;
	q = &qs->v[qi];
	p = &qs->v[qi - 1];
	qo = q->open != QSPAN_NONE ? q->open : q->first;
	po = p->close != QSPAN_NONE ? p->close : p->last - 1;
	if (po >= tk->n || qo >= tk->n || tk->sent_of[po] != tk->sent_of[qo])
		return -1;
	return out[qi - 1].speaker;
}

/*
 * After a country's name or demonym ending at token k, up to three
 * lower-case words and then a name that is no country: "Swedish political
 * party X", "the German carmaker X". That name's actor (made from a run
 * after a kind word when actors.c named none: "trade union X"); -1 when
 * the words are no such phrase.
 */
static int
qualified(struct actors *as, const struct tokens *tk,
          const struct mentions *ms, size_t k, size_t to)
{
	size_t j, e;
	const struct mention *n;

	for (j = k; j < to && j < k + 3 && (tk->v[j].flags & TOK_LOWER) &&
	            !(tk->v[j].flags & (TOK_QUOTED | TOK_QMARK));
	     j++)
		;
	if (j == k || j >= to)
		return -1;
	/* "... website The Onion" */
	if (mention_starting(tk, ms, j) == NULL && j + 1 < to &&
	    sentences_eq(tk, j, "The") && tk->v[j + 1].mention >= 0)
		j++;
	if ((n = mention_starting(tk, ms, j)) != NULL)
		return n->last <= to &&
		               as->v[n->actor].a.kind != ACTOR_COUNTRY
		           ? n->actor
		           : -1;
	for (e = j; e < to && (tk->v[e].flags & TOK_CAP) &&
	            tk->v[e].mention < 0 &&
	            !(tk->v[e].flags & (TOK_QUOTED | TOK_QMARK));
	     e++)
		;
	if (e == j)
		return -1;
	/* "satirical news website The Onion": a site is a body too */
	if (tk->v[j - 1].lex & LEX_BIT(LEX_DOCUMENT))
		return np_actor(as, tk, j, e, ACTOR_ORGANIZATION);
	return named_after_kind(as, tk, e - 1, k);
}

static int
first_mention_in(struct actors *as, const struct tokens *tk,
                 const struct mentions *ms, size_t from, size_t to)
{
	size_t i;
	int a;

	for (i = ms_lower(ms, from); i < ms->n && ms->v[i].first < to; i++) {
		const struct mention *m = &ms->v[i], *n = m + 1;

		if (m->quoted || m->last > to)
			continue;
		/* "US citizen Susan Cohen": the country qualifies the
		 * title of the person named next */
		if (i + 1 < ms->n && !n->quoted && n->last <= to &&
		    n->role_first <= m->last && n->first > m->first &&
		    as->v[n->actor].a.kind == ACTOR_PERSON &&
		    as->v[m->actor].a.kind != ACTOR_PERSON)
			return n->actor;
		/* "Swedish political party X", "German carmaker X": a
		 * country qualifying lower-case words before a name */
		if (as->v[m->actor].a.kind == ACTOR_COUNTRY &&
		    (a = qualified(as, tk, ms, m->last, to)) >= 0)
			return a;
		return m->actor;
	}
	return -1;
}

/* A verb at v with the subject to find; falls back on the sentence. */
static int
verb_subject(struct actors *as, struct tokens *tk, const struct mentions *ms,
             const struct qspans *qs, const struct attr_result *out, size_t qi,
             size_t v, size_t lo, size_t hi)
{
	int a;
	size_t s, k, w;

	if ((a = passive_agent(as, tk, ms, v, hi)) >= 0)
		return a;
	if ((a = attribute_subject(as, tk, ms, v, lo)) >= 0)
		return a;
	if ((a = subject_right(as, tk, ms, v, hi, false)) >= 0)
		return a;
	/* "..., calling it ...", "and said it was ...", "but also said":
	 * the same subject */
	for (w = v; w > lo && skippable(tk, w - 1); w--)
		;
	if (v == lo || (v > lo && sentences_is(tk, v - 1, ',')) ||
	    (v > lo && (sentences_eq(tk, v - 1, "and") || is_ing(tk, v) ||
	                sentences_eq(tk, v - 1, "whilst") ||
	                sentences_eq(tk, v - 1, "while"))) ||
	    (w > lo && w < v &&
	     (sentences_eq(tk, w - 1, "and") || sentences_eq(tk, w - 1, "but"))) ||
	    (w > lo && sentences_eq(tk, w - 1, "but"))) {
		if ((a = prev_in_sentence(tk, qs, out, qi)) >= 0)
			return a;
		s = tk->sent_of[v];
		/* "He said he would write to Egyptian officials ..., and
		 * added": the pronoun opening the sentence, not a name in
		 * its object (nobody rather than that name when the pronoun
		 * finds no one) */
		k = tk->s[s].first;
		if (k < v && (sentences_ieq(tk, k, "he") ||
		              sentences_ieq(tk, k, "she")))
			return pronoun(as, tk, ms, k);
		if ((a = first_mention_in(as, tk, ms, tk->s[s].first, v)) >= 0)
			return a;
		/* "One poster admitted ..., writing ...": a description
		 * opening the sentence */
		for (k = tk->s[s].first; k < v && k < tk->s[s].first + 6; k++)
			if ((tk->v[k].flags & TOK_LOWER) &&
			    (tk->v[k].lex & (LEX_BIT(LEX_ANON_WORD) |
			                     LEX_BIT(LEX_TITLE))))
				return description(as, tk, ms, k, tk->s[s].first,
				                   k + 1);
		return -1;
	}
	return -1;
}

/* "X issued a statement ...": the author of the document word that is
 * the object of a verb in sentence s; -1 when none. */
static int
statement_author(struct actors *as, struct tokens *tk,
                 const struct mentions *ms, size_t s, size_t hi)
{
	size_t k;

	if (hi > tk->s[s].last)
		hi = tk->s[s].last;
	for (k = tk->s[s].first + 1; k + 2 < hi; k++)
		if (issues_document(tk, k, hi))
			return attribute_subject(as, tk, ms, k, tk->s[s].first);
	return -1;
}

/*
 * "the BBC quoted him as saying": the one quoted, not the outlet; -1
 * when the verb at v is no "quoted X as".
 */
static int
quoted_as(struct actors *as, const struct tokens *tk,
          const struct mentions *ms, size_t v, size_t hi)
{
	const struct mention *m;

	if (v + 2 >= hi || !sentences_eq(tk, v, "quoted"))
		return -1;
	if (sentences_eq(tk, v + 2, "as")) {
		if (sentences_eq(tk, v + 1, "him"))
			return latest(as, tk, ms, v, W_MALE, NULL, 0);
		if (sentences_eq(tk, v + 1, "her"))
			return latest(as, tk, ms, v, W_FEMALE, NULL, 0);
	}
	if ((m = mention_starting(tk, ms, v + 1)) != NULL && m->last < hi &&
	    sentences_eq(tk, m->last, "as"))
		return m->actor;
	return -1;
}

/*
 * The subject opening the sentence at f, before o: he/she/they/it, or a
 * name (with its title) followed by a lower-case word; -1 when none.
 */
static int
opening_subject(struct actors *as, const struct tokens *tk,
                const struct mentions *ms, size_t f, size_t o)
{
	const struct mention *m;
	size_t k;

	if (f + 2 >= o)
		return -1;
	if (tk->v[f].lex & LEX_BIT(LEX_PRONOUN))
		return (tk->v[f + 1].flags & TOK_LOWER) ? pronoun(as, tk, ms, f)
		                                        : -1;
	for (k = f; k < o && k < f + 4; k++) {
		if ((m = mention_starting(tk, ms, k)) == NULL)
			continue;
		if (m->role_first != f || m->last >= o ||
		    (tk->v[m->last - 1].flags & TOK_POSS) ||
		    !(tk->v[m->last].flags & TOK_LOWER))
			return -1;
		return m->actor;
	}
	return -1;
}

/* Whether a speech verb outside quotations stands before token o in its
 * sentence (bounded like the sieves). */
static bool
speech_before(const struct tokens *tk, size_t o)
{
	size_t s = tk->sent_of[o], f = tk->s[s].first, k;

	if (o > f + WINDOW)
		f = o - WINDOW;
	for (k = f; k < o; k++)
		if (!(tk->v[k].flags & (TOK_QUOTED | TOK_QMARK)) &&
		    is_speech(tk, k))
			return true;
	return false;
}

/* Whether a verb of speech stands in [from, to). */
static bool
speech_between(const struct tokens *tk, size_t from, size_t to)
{
	size_t k;

	for (k = from; k < to; k++)
		if (is_speech(tk, k))
			return true;
	return false;
}

/*
 * "Ruiz's message was clear:", "His answer was simple:", "Her reply:": a
 * possessor and a noun of speech opening the words before the colon at
 * tokens [f, colon), with at most "was/is" and an adjective after it: the
 * possessor (a name, or he/she for his/her), the noun's token in *noun;
 * -1 when the words are no such phrase.
 */
static int
colon_possessor(struct actors *as, const struct tokens *tk,
                const struct mentions *ms, size_t f, size_t colon,
                size_t *noun)
{
	static const char *const nouns[] = { "message", "words", "response",
		"answer", "reply", "advice", "warning", "verdict", "view",
		"argument", "explanation", "plea", "conclusion", "reaction",
		"comment", "assessment", "retort", "prediction", NULL };
	const struct mention *m = NULL;
	size_t k = f, n;

	if (colon > f + 6)
		return -1;
	if (sentences_ieq(tk, k, "his") || sentences_ieq(tk, k, "her"))
		k++;
	else if ((m = mention_starting(tk, ms, k)) != NULL &&
	         (tk->v[m->last - 1].flags & TOK_POSS))
		k = m->last;
	else
		return -1;
	n = k;
	/* then "was clear", "is simple", or nothing */
	if (n >= colon || colon > n + 3 || !sentences_eq_any(tk, n, nouns))
		return -1;
	for (k = n + 1; k < colon; k++)
		if (!(tk->v[k].flags & TOK_LOWER))
			return -1;
	*noun = n;
	if (m != NULL)
		return m->actor;
	return latest(as, tk, ms, f,
	              sentences_ieq(tk, f, "his") ? W_MALE : W_FEMALE, NULL, 0);
}

static void
sieve(struct actors *as, struct tokens *tk, const struct qspans *qs,
      const struct mentions *ms, size_t qi, struct attr_result *out)
{
	const struct qspan *q = &qs->v[qi];
	struct attr_result *r = &out[qi];
	size_t o = q->open != QSPAN_NONE ? q->open : q->first;
	size_t c =
	    q->close != QSPAN_NONE ? q->close : (q->last ? q->last - 1 : 0);
	size_t so, sc, lo, hi, clo, chi, k, best = (size_t)-1;
	size_t bestd = (size_t)-1;
	bool asker = false;
	int a;

	if (o >= tk->n)
		return;
	if (c >= tk->n)
		c = tk->n - 1;
	so = tk->sent_of[o];
	sc = tk->sent_of[c];
	/* A: after the quote */
	hi = tk->s[sc].last;
	if (q->close != QSPAN_NONE && c + 1 < tk->n) {
		size_t r0 = c + 1;

		while (r0 < tk->n && (tk->v[r0].flags & TOK_QMARK) &&
		       tk->v[r0].quote == (int)qi)
			r0++;
		asker = c > 0 && sentences_is(tk, c - 1, '?');
		if (r0 < tk->n && sentences_is(tk, r0, ','))
			r0++;
		/* '"Why not?" Gomez asked.': the ? or ! closing the
		 * quotation ended the sentence; a short one right after it
		 * may hold the cue */
		if (r0 == hi && c > 0 &&
		    (asker || sentences_is(tk, c - 1, '!')) &&
		    sc + 1 < tk->ns && tk->s[sc + 1].first == r0 &&
		    tk->s[sc + 1].last <= r0 + 8)
			hi = tk->s[sc + 1].last;
		/* a verbless credit: `"..." — Lena Okafor` */
		if (r0 + 1 < tk->n && is_dash(tk, r0) &&
		    (a = person_starting(as, tk, ms, r0 + 1)) >= 0) {
			set_cue(r, r0, r0 + 1, a, 0.7, "quote-dash-speaker");
			return;
		}
		for (k = r0; k < tk->n && k < r0 + WINDOW; k++) {
			if (tk->v[k].flags & (TOK_QMARK | TOK_QUOTED))
				break;
			if (k >= hi && !(k == hi && k == r0))
				break;
			if (is_according(tk, k)) {
				/* "X said that ... \"...\" according to the
				 * agency": the agency reports X, who speaks */
				if (speech_before(tk, o))
					break;
				if ((a = according(as, tk, ms, k, tk->n)) >=
				    0) {
					set_cue(r, k, k + 2, a, 0.9,
					        "according-after");
					return;
				}
				break;
			}
			if (!is_speech(tk, k))
				continue;
			if (k == r0 && (a = subject_right(as, tk, ms, k, tk->n,
			                                  asker)) >= 0) {
				set_cue(r, k, cue_end(tk, ms, k), a, 0.95,
				        "quote-verb-speaker");
				return;
			}
			if (k == r0 && (a = description_right(as, tk, ms, k, hi,
			                                      asker)) >= 0) {
				set_cue(r, k, k + 1, a, 0.9,
				        "quote-verb-description");
				return;
			}
			/* `"...," a doctor, who asked not to be named,
			 * told Reuters`: the verb of the clause is not it */
			if (k > r0 && relative(tk, k - 1))
				continue;
			a = attribute_subject(as, tk, ms, k, r0);
			if (a < 0)
				a = clause_subject(as, tk, ms, k, r0);
			if (a >= 0) {
				set_cue(r, k, cue_end(tk, ms, k), a, 0.95,
				        "quote-speaker-verb");
				return;
			}
			break;
		}
	}
	/* "Ruiz's message was clear: \"...\"", "His answer: \"...\"" */
	if (o > tk->s[so].first && sentences_is(tk, o - 1, ':') &&
	    (a = colon_possessor(as, tk, ms, tk->s[so].first, o - 1, &k)) >=
	        0) {
		set_cue(r, k, k + 1, a, 0.8, "possessive-noun-colon");
		return;
	}
	/* B: before the quote, nearest speech verb in the sentence */
	lo = tk->s[so].first;
	if (qi > 0 && qs->v[qi - 1].close != QSPAN_NONE &&
	    qs->v[qi - 1].close >= lo && qs->v[qi - 1].close < o)
		lo = qs->v[qi - 1].close + 1;
	for (k = o; k > lo && k + WINDOW > o; k--) {
		size_t i = k - 1;

		if (tk->v[i].flags & (TOK_QMARK | TOK_QUOTED))
			break;
		if (is_according(tk, i)) {
			/* "X told Y that, according to a Times report, he
			 * had \"...\"": X's words, the report a channel */
			if (!speech_between(tk, lo, i) &&
			    (a = according(as, tk, ms, i, o)) >= 0) {
				set_cue(r, i, i + 2, a, 0.85,
				        "according-before");
				return;
			}
			continue;
		}
		if (!is_speech(tk, i))
			continue;
		if ((a = quoted_as(as, tk, ms, i, o)) >= 0) {
			set_cue(r, i, i + 1, a, 0.85, "quoted-as");
			return;
		}
		/* "... quoted her as saying": back to "quoted" */
		if (i > lo + 2 && sentences_eq(tk, i - 1, "as")) {
			size_t k2;

			for (k2 = i - 1; k2 > lo && k2 + 6 > i; k2--)
				if ((a = quoted_as(as, tk, ms, k2 - 1, o)) >= 0) {
					set_cue(r, k2 - 1, k2, a, 0.85,
					        "quoted-as");
					return;
				}
		}
		a = verb_subject(as, tk, ms, qs, out, qi, i, lo, o);
		if (a >= 0) {
			set_cue(r, i, cue_end(tk, ms, i), a,
			        o - i <= 3 ? 0.9 : 0.8, "speaker-verb-quote");
			return;
		}
		/* a verb without a subject of its own may hang on an
		 * earlier one: "He was quoted as saying: ..." */
	}
	/* "The ministry read a statement on television: \"...\"" */
	if (o > lo && sentences_is(tk, o - 1, ':') &&
	    (a = statement_author(as, tk, ms, so, o)) >= 0) {
		set_cue(r, 0, 0, a, 0.7, "statement-colon");
		return;
	}
	/* "He framed the questioning as stifled debate: \"...\"": the
	 * sentence's subject, when it opens the sentence */
	if (o > lo && sentences_is(tk, o - 1, ':') &&
	    (a = opening_subject(as, tk, ms, tk->s[so].first, o)) >= 0) {
		set_cue(r, 0, 0, a, 0.6, "colon-subject");
		return;
	}
	/* C: the speech verb nearest the quote in its sentence(s), within
	 * a bounded distance (a sentence may hold thousands of quotes) */
	clo = tk->s[so].first;
	if (o > 3 * WINDOW && clo < o - 3 * WINDOW)
		clo = o - 3 * WINDOW;
	chi = tk->s[sc].last;
	if (chi > c + 3 * WINDOW)
		chi = c + 3 * WINDOW;
	for (k = clo; k < chi; k++) {
		size_t d;

		if (!is_speech(tk, k))
			continue;
		d = k < o ? o - k : k - c;
		if (d < bestd) {
			bestd = d;
			best = k;
		}
	}
	if (best != (size_t)-1) {
		size_t blo = tk->s[tk->sent_of[best]].first, bhi;

		/* the subject stays on the verb's side of any quotation */
		if (best > 3 * WINDOW && blo < best - 3 * WINDOW)
			blo = best - 3 * WINDOW;
		for (k = best; k > blo; k--)
			if (tk->v[k - 1].flags & TOK_QMARK) {
				blo = k;
				break;
			}
		bhi = tk->s[tk->sent_of[best]].last;
		for (k = best + 1; k < bhi; k++)
			if (tk->v[k].flags & TOK_QMARK) {
				bhi = k;
				break;
			}
		a = verb_subject(as, tk, ms, qs, out, qi, best, blo, bhi);
		if (a >= 0) {
			set_cue(r, best, cue_end(tk, ms, best), a, 0.7,
			        "sentence-verb");
			return;
		}
	}
}

/* Participles that state a feeling or a view, not something done to
 * the subject: "X is not convinced. \"...\"" is X speaking. */
static const char *const feelings[] = { "convinced", "unconvinced",
	"worried", "concerned", "pleased", "disappointed", "surprised",
	"excited", "delighted", "frustrated", "annoyed", "alarmed",
	"shocked", "impressed", "satisfied", "dissatisfied", "determined",
	"relieved", "encouraged", "puzzled", "amazed", "unimpressed",
	"outraged", "saddened", "thrilled", "unmoved", "undeterred", NULL };

/* Whether a passive verb starts at token k ("was arrested", "were
 * later freed"): the subject then is no speaker. */
static bool
passive(const struct tokens *tk, size_t k, size_t end)
{
	size_t n;

	if (k >= end || !(sentences_eq(tk, k, "was") ||
	                  sentences_eq(tk, k, "were") ||
	                  sentences_eq(tk, k, "is") || sentences_eq(tk, k, "are")))
		return false;
	for (n = k + 1; n < end && n < k + 3 && skippable(tk, n); n++)
		;
	return n < end && (tk->v[n].flags & TOK_LOWER) &&
	       tk->v[n].core_end - tk->v[n].start > 3 &&
	       memcmp(tk->text + tk->v[n].core_end - 2, "ed", 2) == 0 &&
	       !sentences_eq_any(tk, n, feelings);
}

/* The person opening sentence s as its subject (a name or he/she), or -1. */
/*
 * A sentence opening on a role set off before the name: "Vice President
 * of Taxpayers for Common Sense, Steve Ellis, offered ...": the first
 * person named within 14 tokens between commas with a lower-case word
 * (the verb) after; -1 when none.
 */
static int
role_then_name(const struct actors *as, const struct tokens *tk,
               const struct mentions *ms, size_t s)
{
	size_t f = tk->s[s].first, l = tk->s[s].last, k;

	for (k = f + 1; k < l && k < f + 14; k++) {
		const struct mention *m = mention_starting(tk, ms, k);

		if (m == NULL)
			continue;
		if (as->v[m->actor].a.kind != ACTOR_PERSON)
			continue;
		/* a name inside the role ("... for Common Sense") is
		 * passed over */
		if (!sentences_is(tk, k - 1, ',') || m->last + 1 >= l ||
		    !sentences_is(tk, m->last, ',') ||
		    !(tk->v[m->last + 1].flags & TOK_LOWER))
			continue;
		return m->actor;
	}
	return -1;
}

static int
person_opening(struct actors *as, struct tokens *tk, const struct mentions *ms,
               size_t s)
{
	size_t f = tk->s[s].first;
	const struct mention *m = mention_starting(tk, ms, f);
	int a;

	if (m != NULL)
		return as->v[m->actor].a.kind == ACTOR_PERSON &&
		               m->last < tk->s[s].last &&
		               !(tk->v[m->last - 1].flags & TOK_POSS) &&
		               !sentences_eq(tk, m->last, "and") &&
		               !passive(tk, m->last, tk->s[s].last)
		           ? m->actor
		           : -1;
	if ((sentences_ieq(tk, f, "he") || sentences_ieq(tk, f, "she")) &&
	    !passive(tk, f + 1, tk->s[s].last) &&
	    (a = pronoun(as, tk, ms, f)) >= 0 &&
	    as->v[a].a.kind == ACTOR_PERSON)
		return a;
	return role_then_name(as, tk, ms, s);
}

/*
 * A quote opening a sentence with no cue of its own, after sentences of
 * the same paragraph without quotes: the subject of the nearest one with
 * a speech verb ("Wilkins also said Warhol was a businessman. \"As a way
 * ...\""), the author of a statement it issued, or the person it opens on
 * ("Okafor, however, was more cautious. \"...\""). A sentence in between
 * may be passed over only when it names nobody and states no stance
 * ("Why did she go? \"...\""); at most three sentences back.
 */
static int
previous_sentence(struct actors *as, struct tokens *tk,
                  const struct mentions *ms, const struct qspans *qs,
                  const struct attr_result *out, size_t qi)
{
	const struct qspan *q = &qs->v[qi];
	size_t o = q->open != QSPAN_NONE ? q->open : q->first, s, k, back;
	int a;

	if (o >= tk->n || !(tk->v[o].flags & TOK_SENTSTART))
		return -1;
	s = tk->sent_of[o];
	for (back = 1; back <= 3 && back <= s; back++) {
		size_t ps = s - back, f = tk->s[ps].first, l = tk->s[ps].last;
		bool stance = false;

		for (k = l; k > f; k--) {
			if (tk->v[k - 1].flags & (TOK_QMARK | TOK_QUOTED))
				return -1;
			/* a verb whose subject is no actor ("the earmarks
			 * added in"): the sentence may still open on one */
			if (is_speech(tk, k - 1)) {
				if ((a = verb_subject(as, tk, ms, qs, out, qi,
				                      k - 1, f, l)) >= 0)
					return a;
				stance = true;
				break;
			}
			if ((tk->v[k - 1].lex & LEX_BIT(LEX_STANCE_VERB)) &&
			    (tk->v[k - 1].flags & TOK_LOWER))
				stance = true;
		}
		if ((a = statement_author(as, tk, ms, ps, tk->n)) >= 0)
			return a;
		if ((a = person_opening(as, tk, ms, ps)) >= 0)
			return a;
		if (stance || first_mention_in(as, tk, ms, f, l) >= 0)
			return -1;
	}
	return -1;
}

/* Words of a quotation that are capitalised (titles, names). */
static bool
title_case(const struct tokens *tk, const struct qspan *q)
{
	size_t k, words = 0, caps = 0;

	for (k = q->first; k < q->last; k++) {
		if (!(tk->v[k].flags & TOK_WORD) ||
		    (tk->v[k].lex & LEX_BIT(LEX_STOPWORD) &&
		     !(tk->v[k].flags & TOK_CAP)))
			continue;
		words++;
		if (tk->v[k].flags & (TOK_CAP | TOK_DIGIT))
			caps++;
	}
	return words > 0 && caps == words;
}

static bool
has_stop_inside(const struct tokens *tk, const struct qspan *q)
{
	size_t k;

	for (k = q->first; k < q->last; k++)
		if (tk->v[k].flags & TOK_SENTSTART && k > q->first)
			return true;
	if (q->last > q->first) {
		const char *s = tk->text + tk->v[q->last - 1].start;

		if (*s == '.' || *s == '?' || *s == '!')
			return true;
	}
	return false;
}

/*
 * The person a paragraph without quotes ends on, when its last sentence
 * reports what that person says or thinks: "He also warned that ...",
 * "Another expert, X from Y, doubts ...". The subject is a he/she opening
 * the sentence, or the first person named in its first words; the
 * sentence must hold a speech or stance verb. -1 when none.
 */
static int
paragraph_subject(struct actors *as, struct tokens *tk,
                  const struct mentions *ms)
{
	size_t s, f, k, i, lim;
	bool verb = false, document = false;
	int a;

	if (tk->n == 0 || tk->ns == 0)
		return -1;
	s = tk->ns - 1;
	f = tk->s[s].first;
	for (k = f; k < tk->s[s].last; k++) {
		unsigned lex = tk->v[k].lex;
		bool lower = (tk->v[k].flags & TOK_LOWER) != 0;

		/* no branch per token: '|=' of 0/1 values */
		verb |= lower & ((lex & (LEX_BIT(LEX_SPEECH_VERB) |
		                         LEX_BIT(LEX_STANCE_VERB))) != 0);
		document |= lower & ((lex & LEX_BIT(LEX_DOCUMENT)) != 0);
	}
	for (k = f; !verb && k < tk->s[s].last; k++)
		verb = noun_verb(tk, k);
	if (verb &&
	    (sentences_ieq(tk, f, "he") || sentences_ieq(tk, f, "she")) &&
	    (a = pronoun(as, tk, ms, f)) >= 0)
		return as->v[a].a.kind == ACTOR_PERSON ? a : -1;
	if (document && (a = statement_author(as, tk, ms, s, tk->n)) >= 0)
		return a; /* "The ministry issued a statement." */
	lim = f + 6;
	/* "After several failed attempts, NAME requested ...": past an
	 * opening phrase that ends in a comma and names no one */
	for (k = f; k < tk->s[s].last && k < f + 9; k++) {
		if (tk->v[k].mention >= 0 ||
		    (tk->v[k].flags & (TOK_QUOTED | TOK_QMARK)))
			break;
		if (sentences_is(tk, k, ',')) {
			lim = k + 7;
			break;
		}
	}
	for (i = ms_lower(ms, f); i < ms->n && ms->v[i].first < lim; i++) {
		if (tk->v[ms->v[i].last - 1].flags & TOK_POSS) {
			/* "Vega's campaign manager, Reilly," */
			lim = ms->v[i].last + 6;
			continue;
		}
		if (ms->v[i].quoted || ms->v[i].object)
			continue;
		return as->v[ms->v[i].actor].a.kind == ACTOR_PERSON
		           ? ms->v[i].actor
		           : -1;
	}
	return -1;
}

/*
 * A name in quotation marks after a word that introduces one: "going by
 * the name \"The Night Owl\"", "a film titled \"Dust\"", "known as
 * \"Big Ben\"", or after a preposition or "the" ("the work of \"Hostage
 * Aid\""): capitalised words only, a few of them.
 */
static bool
naming_quote(const struct tokens *tk, const struct qspan *q)
{
	size_t o = q->open;

	if (o == QSPAN_NONE || o == 0 || q->words > 6 ||
	    !(tk->v[o - 1].flags & TOK_LOWER))
		return false;
	o--;
	return (sentences_eq(tk, o, "name") || sentences_eq(tk, o, "named") ||
	        sentences_eq(tk, o, "nicknamed") ||
	        sentences_eq(tk, o, "titled") ||
	        sentences_eq(tk, o, "entitled") ||
	        (o > 0 && sentences_eq(tk, o, "as") &&
	         sentences_eq(tk, o - 1, "known")) ||
	        /* "the work of \"Hostage Aid\", a charity" */
	        (q->words <= 4 && (tk->v[o].lex & LEX_BIT(LEX_CONNECTOR)) &&
	         !sentences_eq(tk, o, "and"))) &&
	       title_case(tk, q);
}

/* 'the so-called "peace dividend"': a phrase held at arm's length */
static bool
so_called(const struct tokens *tk, const struct qspan *q)
{
	size_t o = q->open;

	return o != QSPAN_NONE && o >= 3 && q->words <= 4 &&
	       sentences_eq(tk, o - 1, "called") &&
	       sentences_is(tk, o - 2, '-') && sentences_ieq(tk, o - 3, "so");
}

static void
classify(const struct tokens *tk, const struct qspan *q, struct attr_result *r,
         bool cue)
{
	bool starts_cap = q->first < q->last &&
	                  (tk->v[q->first].flags & (TOK_CAP | TOK_DIGIT));
	bool at_start =
	    q->open != QSPAN_NONE &&
	    (q->open == 0 || (tk->v[q->open].flags & TOK_SENTSTART) ||
	     sentences_is(tk, q->open - 1, ':') ||
	     sentences_is(tk, q->open - 1, ','));

	if (q->cont_prev || q->cont_next) {
		r->kind = QUOTE_DIRECT;
		return;
	}
	if (naming_quote(tk, q) || so_called(tk, q)) {
		r->kind = QUOTE_SCARE;
		return;
	}
	/* a short sentence of its own: `... said Marsh. "They earned it."` */
	if (q->words >= 2 && starts_cap && at_start && q->last > q->first &&
	    (tk->v[q->open].flags & TOK_SENTSTART) &&
	    strchr(".?!", tk->text[tk->v[q->last - 1].start]) != NULL &&
	    !title_case(tk, q)) {
		r->kind = QUOTE_DIRECT;
		return;
	}
	if (q->words <= 3 && !cue) {
		r->kind = QUOTE_SCARE;
		return;
	}
	if (!cue && q->words <= 8 && title_case(tk, q)) {
		r->kind = QUOTE_SCARE;
		return;
	}
	if (q->single && !cue) {
		r->kind = QUOTE_SCARE;
		return;
	}
	/* A short sentence with its own closing punctuation and a cue
	 * ("Libraries are lifelines," she said) is speech too. */
	bool ends_punct = q->last > q->first &&
	                  tk->text[tk->v[q->last - 1].start] != '\0' &&
	                  strchr(",.?!", tk->text[tk->v[q->last - 1].start]) !=
	                      NULL;

	if ((starts_cap && at_start &&
	     (q->words >= 4 || (cue && ends_punct && q->words >= 2))) ||
	    has_stop_inside(tk, q))
		r->kind = QUOTE_DIRECT;
	else
		r->kind = QUOTE_PARTIAL;
}

/*
 * The person the block's last sentence is about, when it opens on a
 * he/she or a name ("She was greeted by ... the First Lady, X."): a he/she
 * in the next paragraph means that person more often than the last name.
 */
static int
last_subject(struct actors *as, struct tokens *tk, const struct mentions *ms)
{
	size_t f;
	int a;

	if (tk->ns == 0)
		return -1;
	f = tk->s[tk->ns - 1].first;
	if (f >= tk->n || (tk->v[f].flags & (TOK_QUOTED | TOK_QMARK)))
		return -1;
	if (sentences_ieq(tk, f, "he") || sentences_ieq(tk, f, "she")) {
		a = pronoun(as, tk, ms, f);
		return a >= 0 && as->v[a].a.kind == ACTOR_PERSON ? a : -1;
	}
	return person_opening(as, tk, ms, tk->ns - 1);
}

/* Whether quotation q is a sentence of its own (or several): the token
 * after its closing mark opens the next sentence. */
static bool
own_sentence(const struct tokens *tk, const struct qspan *q)
{
	return q->close != QSPAN_NONE && q->close + 1 < tk->n &&
	       (tk->v[q->close + 1].flags & TOK_SENTSTART);
}

/* Whether quotation q is a sentence of its own with its closing stop
 * inside the marks: `"Never."`, `"Why?"`. */
static bool
whole_sentence(const struct tokens *tk, const struct qspan *q)
{
	return q->open != QSPAN_NONE && q->close != QSPAN_NONE &&
	       q->last > q->first && (tk->v[q->open].flags & TOK_SENTSTART) &&
	       (tk->v[q->first].flags & TOK_CAP) &&
	       strchr(".?!", tk->text[tk->v[q->last - 1].start]) != NULL;
}

void
attribute_block(struct actors *as, struct tokens *tk, const struct qspans *qs,
                const struct mentions *ms, struct attr_state *st,
                struct attr_result *out)
{
	size_t qi, k;
	int last = -1, subject;

	for (qi = 0; qi < qs->n; qi++) {
		const struct qspan *q = &qs->v[qi];
		struct attr_result *r = &out[qi];
		bool cue;

		memset(r, 0, sizeof *r);
		r->speaker = -1;
		sieve(as, tk, qs, ms, qi, out);
		cue = r->speaker >= 0;
		if (r->speaker < 0) {
			size_t o = q->open != QSPAN_NONE ? q->open : q->first;

			/* D: continuations */
			if (q->cont_prev && st->last_speaker >= 0)
				set_cue(r, 0, 0, st->last_speaker, 0.8,
				        "continued-paragraph");
			else if (last >= 0 && qi > 0)
				set_cue(r, 0, 0, last, 0.75, "same-paragraph");
			else if ((r->speaker = previous_sentence(as, tk, ms, qs,
			                                         out, qi)) >= 0)
				set_cue(r, 0, 0, r->speaker, 0.6,
				        "previous-sentence");
			else if (o == 0 && st->colon_speaker >= 0)
				set_cue(r, 0, 0, st->colon_speaker, 0.8,
				        "after-colon");
			else if (o == 0 && st->last_speaker >= 0 &&
			         q->last + 2 >= tk->n)
				set_cue(r, 0, 0, st->last_speaker, 0.6,
				        "quote-paragraph");
			else if (o == 0 && st->para_subject >= 0 &&
			         (q->last + 2 >= tk->n || own_sentence(tk, q)) &&
			         !q->single)
				set_cue(r, 0, 0, st->para_subject, 0.5,
				        "previous-paragraph");
		}
		if (r->speaker < 0 && q->words > 3) {
			/* E: the one person named in the sentence */
			size_t s = tk->sent_of[q->first < tk->n ? q->first
			                                        : tk->n - 1];
			int only = -1, count = 0;

			for (k = ms_lower(ms, tk->s[s].first);
			     k < ms->n && ms->v[k].first < tk->s[s].last &&
			     count < 2;
			     k++) {
				const struct mention *m = &ms->v[k];

				if (m->quoted ||
				    as->v[m->actor].a.kind != ACTOR_PERSON)
					continue;
				if (m->actor != only)
					count++;
				only = m->actor;
			}
			if (count == 1)
				set_cue(r, 0, 0, only, 0.4, "one-person");
		}
		classify(tk, q, r, cue);
		/* `"...," said Tom Baker. "Never."`: a word spoken as a
		 * sentence of its own after the paragraph's speaker */
		if (r->kind == QUOTE_SCARE && !cue && r->speaker == last &&
		    last >= 0 && whole_sentence(tk, q) &&
		    !naming_quote(tk, q) && !so_called(tk, q))
			r->kind = QUOTE_DIRECT;
		if (r->kind == QUOTE_SCARE &&
		    (!cue || naming_quote(tk, q) || so_called(tk, q))) {
			r->speaker = -1;
			r->confidence = 0;
			r->cue_first = r->cue_last = 0;
		}
		if (r->kind != QUOTE_SCARE && r->speaker >= 0)
			last = r->speaker;
	}
	/* hand over to the next paragraph */
	st->colon_speaker = -1;
	if (tk->n >= 2 && (sentences_is(tk, tk->n - 1, ':') ||
	                   sentences_is(tk, tk->n - 1, ','))) {
		for (k = tk->n - 1; k > 0 && k + WINDOW > tk->n; k--) {
			if (is_speech(tk, k - 1)) {
				st->colon_speaker = verb_subject(
				    as, tk, ms, qs, out, qs->n, k - 1,
				    tk->s[tk->sent_of[k - 1]].first, tk->n);
				break;
			}
		}
		/* "X issued the following statement today:" */
		if (k == 0 || k + WINDOW <= tk->n)
			st->colon_speaker = statement_author(
			    as, tk, ms, tk->sent_of[tk->n - 1], tk->n);
	}
	/* a paragraph with no attributed quotation ('is excited by the
	 * chance to "give back"') still has a subject */
	st->para_subject = last < 0 ? paragraph_subject(as, tk, ms) : -1;
	if (qs->n > 0)
		st->last_speaker = last >= 0 ? last : -1;
	else if (tk->n > 0)
		st->last_speaker = -1;
	subject = last_subject(as, tk, ms);
	attribute_note_recent(as, ms);
	if (subject >= 0)
		promote(as, subject);
	/* the last speaker, named or not, is who a he/she next means */
	if (last >= 0 && (as->v[last].a.kind == ACTOR_PERSON ||
	                  anonymous_person(&as->v[last])))
		promote(as, last);
}
