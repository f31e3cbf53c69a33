#!/bin/sh
# index-fuzz.sh: build the index reader's libFuzzer target with clang
# (-fsanitize=fuzzer,address,undefined) and give it a short, fixed number
# of runs from the seed corpus. TAP. Skipped without clang's libFuzzer.
#
# Longer runs: make fuzz (60 seconds; FUZZ_TIME=N for more), or by hand
# FUZZ_RUNS=-1 FUZZ_TIME=600 tests/fuzz/index-fuzz.sh.
set -u

: "${top_srcdir:?}" "${top_builddir:?}"
runs=${FUZZ_RUNS:-3000}
maxtime=${FUZZ_TIME:-120}
lib=$top_builddir/src/libwhosaid.a
src=$top_srcdir/src

echo 1..1
skip() { echo "ok 1 # SKIP $*"; exit 0; }

command -v clang >/dev/null 2>&1 || skip "clang not found"
[ -f "$lib" ] || skip "$lib not built"
# The library's other objects are linked as built; objects made with
# gcc's sanitizers do not mix with clang's runtime.
if nm "$lib" 2>/dev/null | grep -q '__asan_\|__ubsan_'; then
	skip "sanitizer build: the fuzz target runs in the plain build"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/index-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME=$tmp/cache
export XDG_CACHE_HOME

# The reader and what it needs are instrumented; the annotator is linked
# from the library.
if ! clang -g -O1 -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined \
    -I"$top_builddir" -I"$src" \
    -DFUZZ_ARTICLE="\"$top_srcdir/tests/fuzz/index-fuzz.txt\"" \
    -o "$tmp/index-fuzz" "$top_srcdir/tests/fuzz/index-fuzz.c" \
    "$src/index.c" "$src/article.c" "$src/blocks.c" "$src/xmalloc.c" \
    "$lib" $(pkg-config --cflags --libs jansson libxxhash) -lunistring \
    -lm >"$tmp/build.log" 2>&1; then
	if grep -q 'fsanitize=fuzzer\|libclang_rt.fuzzer\|unsupported' \
	    "$tmp/build.log"; then
		skip "clang cannot build libFuzzer targets here"
	fi
	echo "not ok 1 - index-fuzz builds"
	sed 's/^/# /' "$tmp/build.log" | head -n 30
	exit 0
fi

# Seeds: the checked-in ones and a fresh index of the fuzz article, so the
# fresh path (fingerprint matches) is reached from the start.
mkdir "$tmp/corpus" "$tmp/seeds"
cp "$top_srcdir"/tests/fuzz/index-seeds/* "$tmp/seeds/" 2>/dev/null
cp "$top_srcdir/tests/fuzz/index-fuzz.txt" "$tmp/a.txt"
if "$top_builddir/tests/index/index-tool" rebuild "$tmp/a.txt" \
    >/dev/null 2>&1; then
	cp "$tmp/a.txt.whosaid" "$tmp/seeds/fresh.whosaid"
fi

cd "$tmp" || exit 1
if ./index-fuzz -runs="$runs" -max_total_time="$maxtime" -seed=1 \
    -max_len=65536 corpus seeds >fuzz.log 2>&1; then
	echo "ok 1 - index-fuzz: $(grep -o 'Done [0-9]* runs' fuzz.log)"
else
	echo "not ok 1 - index-fuzz found a crash"
	grep -v '^#[0-9]' fuzz.log | tail -n 40 | sed 's/^/# /'
	for f in crash-* leak-* timeout-*; do
		[ -f "$f" ] || continue
		echo "# input ($f):"
		od -c "$f" | head -n 20 | sed 's/^/# /'
	done
fi
