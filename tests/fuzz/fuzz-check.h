/*
 * fuzz-check.h: invariants shared by the fuzz targets. Each check aborts
 * on failure (libFuzzer reports the input as a crash; the replay driver
 * dies with SIGABRT), after naming the failed invariant on stderr.
 */
#ifndef WHOSAID_FUZZ_CHECK_H
#define WHOSAID_FUZZ_CHECK_H

#include <stddef.h>

struct article;
struct block_list;
struct annotation;

/* Abort with "fuzz: invariant failed: what (file:line)" when !ok. */
#define FUZZ_CHECK(ok) fuzz_check((ok) != 0, #ok, __FILE__, __LINE__)
void fuzz_check(int ok, const char *what, const char *file, int line);

/*
 * The annotation model's invariants against its article and blocks:
 * quote spans in range, ordered by start and holding their text; speaker
 * ids resolving to actors; cue and position spans in range; mentions in
 * range and in text order; every actor named; kinds known.
 */
void fuzz_check_annotation(const struct annotation *ann,
    const struct article *art, const struct block_list *bl);

/* The block list's invariants: in order, in range, not overlapping. */
void fuzz_check_blocks(const struct block_list *bl, const struct article *art);

/* No C0 control byte (other than those in allow), no DEL and no C1
 * control character (U+0080..U+009F) in s[0, len). */
void fuzz_check_clean(const char *s, size_t len, const char *allow);

/* The number of characters of non-zero width in text[a, b), as the
 * layout counts them (sanitize_glyph). */
int fuzz_chars(const char *text, size_t a, size_t b);

#endif
