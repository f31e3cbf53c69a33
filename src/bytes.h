/*
 * bytes.h: word-at-a-time helpers for short keys, shared by the lexicon
 * and the name maps (both compare and fold words of running text, most
 * of them 2 to 16 bytes long).
 */
#ifndef WHOSAID_BYTES_H
#define WHOSAID_BYTES_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/*
 * x with the 0x20 bit set in each byte below 0x80 from 'A' to 'Z' (ASCII
 * capitals lower-cased, eight at once; UTF-8 bytes stay): bit 7 of each
 * byte of the sums says whether its low seven bits are >= 'A', > 'Z', and
 * no sum reaches the next byte.
 */
static inline uint64_t
bytes_lower8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL, highs = ones * 0x80;
	uint64_t low = x & ~highs;
	uint64_t ge_a = low + (0x80 - 'A') * ones;
	uint64_t gt_z = low + (0x80 - 'Z' - 1) * ones;

	return x | (ge_a & ~gt_z & ~x & highs) >> 2;
}

/*
 * Whether the len bytes at a and b are the same. Keys of 1 to 16 bytes
 * (most words) are compared by a few overlapping loads from each side: a
 * branch on the length class instead of one per byte, which the word
 * lengths of running text would keep mispredicting. Reads only a[0, len)
 * and b[0, len).
 */
static inline bool
bytes_same(const char *a, const char *b, size_t len)
{
	uint64_t a0, b0, a1, b1;
	size_t i;

	if (len >= 8) {
		for (i = 0; i + 8 < len; i += 8) {
			memcpy(&a0, a + i, 8);
			memcpy(&b0, b + i, 8);
			if (a0 != b0)
				return false;
		}
		memcpy(&a1, a + len - 8, 8);
		memcpy(&b1, b + len - 8, 8);
		return a1 == b1;
	}
	if (len >= 4) {
		uint32_t c0, c1, d0, d1;

		memcpy(&c0, a, 4);
		memcpy(&d0, b, 4);
		memcpy(&c1, a + len - 4, 4);
		memcpy(&d1, b + len - 4, 4);
		return ((c0 ^ d0) | (c1 ^ d1)) == 0;
	}
	/* one to three bytes ("of", "the"): first, middle and last */
	return len == 0 ||
	       ((a[0] ^ b[0]) | (a[len / 2] ^ b[len / 2]) |
	        (a[len - 1] ^ b[len - 1])) == 0;
}

#endif
