#!/bin/sh
# article-fuzz.sh: build the article engine's libFuzzer target with clang
# (-fsanitize=fuzzer,address,undefined: decoding, blocks, layout, dump) and
# run it from a seed corpus of articles for a short, fixed number of runs.
# TAP. Skipped without clang's libFuzzer.
#
# Longer runs: `make fuzz` (60 seconds), or
#   FUZZ_RUNS=-1 FUZZ_TIME=600 tests/fuzz/article-fuzz.sh
set -u

: "${top_srcdir:?}" "${top_builddir:?}"
runs=${FUZZ_RUNS:-1000}
maxtime=${FUZZ_TIME:-60}
src=$top_srcdir/src

echo 1..1
skip() { echo "ok 1 # SKIP $*"; exit 0; }

command -v clang >/dev/null 2>&1 || skip "clang not found"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/article-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

# Every engine file the target reaches is instrumented.
if ! clang -g -O1 -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined \
    -I"$top_builddir" -I"$src" \
    -o "$tmp/article-fuzz" "$top_srcdir/tests/fuzz/article-fuzz.c" \
    "$src/article.c" "$src/blocks.c" "$src/layout.c" "$src/sanitize.c" \
    "$src/dump.c" "$src/xmalloc.c" -lunistring \
    >"$tmp/build.log" 2>&1; then
	if grep -q 'fuzzer' "$tmp/build.log"; then
		skip "clang cannot build libFuzzer targets here"
	fi
	sed 's/^/# /' "$tmp/build.log"
	echo "not ok 1 - article-fuzz builds"
	exit 1
fi

# Seeds: the bundled article, the test articles, a few hostile shapes.
# Seeds are cut to 4 KB: small inputs make many more runs a second.
mkdir "$tmp/corpus"
for f in "$top_srcdir"/content/*.txt "$top_srcdir"/tests/data/*.txt; do
	[ -f "$f" ] && head -c 4096 "$f" >"$tmp/corpus/$(basename "$f")"
done
printf '\357\273\277Title\r\n\r\nBody\tline\r\none\r\n' >"$tmp/corpus/crlf"
printf 'T\n\n\223quoted\224 caf\351 \033[31m\302\233x\n' >"$tmp/corpus/cp1252"
printf '# H\n\n- a\n- b\n\n1. c\n\nx\nx\n\n\344\270\255\344\270\255 \360\237\230\200 e\314\201\n' \
	>"$tmp/corpus/mixed"

if "$tmp/article-fuzz" -runs="$runs" -max_total_time="$maxtime" \
    -max_len=4096 -timeout=20 -rss_limit_mb=2048 \
    -artifact_prefix="$tmp/" "$tmp/corpus" >"$tmp/run.log" 2>&1; then
	tail -n 3 "$tmp/run.log" | sed 's/^/# /'
	echo "ok 1 - article-fuzz: $runs runs without a finding"
else
	tail -n 40 "$tmp/run.log" | sed 's/^/# /'
	for a in "$tmp"/crash-* "$tmp"/timeout-* "$tmp"/oom-*; do
		[ -f "$a" ] || continue
		cp "$a" "$top_builddir/" 2>/dev/null &&
			echo "# finding saved as $top_builddir/$(basename "$a")"
	done
	echo "not ok 1 - article-fuzz found a problem"
	exit 1
fi
