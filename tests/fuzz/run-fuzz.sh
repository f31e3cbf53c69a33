#!/bin/sh
# run-fuzz.sh NAME: build the libFuzzer target tests/fuzz/NAME-fuzz.c with
# clang (-fsanitize=fuzzer,address,undefined, the whole engine
# instrumented), replay the crashers kept for it (tests/data/crashers/
# NAME-*) and fuzz it from a seed corpus made at run time from content/
# and tests/data/. TAP (two tests). Skipped, with the reason, without
# clang's libFuzzer.
#
# Environment:
#   FUZZ_RUNS    runs of the fuzzing test (default 500; -1: no limit)
#   FUZZ_TIME    seconds at most (default 10)
#   FUZZ_CORPUS  a folder to keep the corpus in across runs (default: a
#                temporary one)
#   FUZZ_JOBS    extra libFuzzer options, e.g. "-jobs=2"
# make check gives each target a short run; make fuzz runs every target
# for FUZZ_TIME seconds (60 by default):
#   make fuzz FUZZ_TIME=1800
# Binaries go to $top_builddir/tests/fuzz/bin/, findings to
# $top_builddir/tests/fuzz/findings/ (minimise one with
#   tests/fuzz/bin/NAME -minimize_crash=1 -runs=10000 FILE
# and keep it as tests/data/crashers/NAME-<sha1>).
set -u

: "${top_srcdir:?}" "${top_builddir:?}"
name=${1:?usage: run-fuzz.sh NAME}
runs=${FUZZ_RUNS:-500}
maxtime=${FUZZ_TIME:-10}
src=$top_srcdir/src
fz=$top_srcdir/tests/fuzz
out=$top_builddir/tests/fuzz
bin=$out/bin
crashers=$top_srcdir/tests/data/crashers
CLANG=${CLANG:-clang}

echo 1..2
skip() {
	echo "ok 1 # SKIP $name-fuzz replay: $*"
	echo "ok 2 # SKIP $name-fuzz: $*"
	exit 0
}

command -v "$CLANG" >/dev/null 2>&1 || skip "$CLANG not found"
[ -f "$fz/$name-fuzz.c" ] || { echo "Bail out! no $fz/$name-fuzz.c"; exit 1; }
[ -f "$top_builddir/src/lexicon-data.c" ] ||
	skip "$top_builddir/src/lexicon-data.c not generated (run make)"
mkdir -p "$bin" "$out/findings" || exit 1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/$name-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME=$tmp/cache
export XDG_CACHE_HOME

flags="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined
 -fno-sanitize-recover=undefined -I$top_builddir -I$src -I$fz
 -DFUZZ_ARTICLE=\"$fz/index-fuzz.txt\""

# The engine, instrumented once for all targets (fuzzer-no-link: coverage
# without a main), rebuilt when a source or header of src/ is newer.
# Targets of one make check run in parallel: a lock folder serialises it.
build_engine() {
	lib=$bin/engine.a
	if [ -f "$lib" ] && [ -z "$(find "$src" "$top_builddir/src/lexicon-data.c" \
	    -newer "$lib" \( -name '*.c' -o -name '*.h' \) 2>/dev/null)" ]; then
		return 0
	fi
	rm -rf "$bin/obj" && mkdir "$bin/obj" || return 1
	for f in "$src"/*.c "$top_builddir/src/lexicon-data.c"; do
		# shellcheck disable=SC2086
		$CLANG $flags -fsanitize=fuzzer-no-link -c "$f" \
		    -o "$bin/obj/$(basename "$f" .c).o" $(pkg-config --cflags jansson libxxhash) ||
			return 1
	done
	rm -f "$lib.tmp" && ar rcs "$lib.tmp" "$bin"/obj/*.o &&
		mv "$lib.tmp" "$lib"
}

build() {
	n=0
	until mkdir "$bin/lock" 2>/dev/null; do
		n=$((n + 1))
		[ $n -gt 600 ] && { echo "lock $bin/lock held for 10 minutes"; return 1; }
		sleep 1
	done
	# shellcheck disable=SC2086
	build_engine &&
	$CLANG $flags -fsanitize=fuzzer -o "$bin/$name.tmp" \
	    "$fz/$name-fuzz.c" "$fz/fuzz-check.c" "$bin/engine.a" \
	    $(pkg-config --cflags --libs jansson libxxhash) -lunistring -lm &&
	mv "$bin/$name.tmp" "$bin/$name"
	rc=$?
	rmdir "$bin/lock"
	return $rc
}

if ! build >"$tmp/build.log" 2>&1; then
	if grep -q 'fuzzer\|unsupported option' "$tmp/build.log"; then
		skip "$CLANG cannot build libFuzzer targets here"
	fi
	sed 's/^/# /' "$tmp/build.log" | head -n 40
	echo "not ok 1 - $name-fuzz builds"
	echo "not ok 2 - $name-fuzz builds"
	exit 1
fi

# 1. Every crash found so far, through the instrumented target.
failed=0
set -- "$crashers/$name"-*
if [ ! -f "$1" ]; then
	echo "ok 1 - $name-fuzz replay: no crashers kept"
elif "$bin/$name" "$@" >"$tmp/replay.log" 2>&1; then
	echo "ok 1 - $name-fuzz replays $# crasher(s) of tests/data/crashers"
else
	grep -v '^Running\|^Executed' "$tmp/replay.log" | tail -n 30 |
		sed 's/^/# /'
	echo "not ok 1 - $name-fuzz replays tests/data/crashers/$name-*"
	failed=1
fi

# 2. Fuzz from the seeds. Articles are cut to maxlen: small inputs make
# many more runs a second.
maxlen=4096
seeds=$tmp/seeds
mkdir "$seeds"
articles() {
	for f in "$top_srcdir"/content/*.txt "$top_srcdir"/tests/data/*.txt \
	    "$fz/index-fuzz.txt"; do
		[ -f "$f" ] && echo "$f"
	done
}
case $name in
index)
	maxlen=65536
	cp "$fz"/index-seeds/* "$top_srcdir"/content/*.whosaid "$seeds/"
	cp "$fz/index-fuzz.txt" "$tmp/a.txt"
	if "$top_builddir/tests/index/index-tool" rebuild "$tmp/a.txt" \
	    >/dev/null 2>&1; then
		cp "$tmp/a.txt.whosaid" "$seeds/fresh.whosaid"
	fi
	;;
layout)
	# Eight header bytes (two widths, a seed), then the article.
	i=0
	for f in $(articles); do
		for h in '\000\120\000\050abcd' '\200\003\001\054wxyz' \
		    '\000\007\200\001\001\002\003\004'; do
			i=$((i + 1))
			{ printf "$h"; head -c 2048 "$f"; } >"$seeds/$i"
		done
	done
	;;
*)
	for f in $(articles); do
		head -c $maxlen "$f" >"$seeds/$(basename "$f")"
	done
	printf '\357\273\277Title\r\n\r\nBody\tline\r\none\r\n' >"$seeds/crlf"
	printf 'T\n\n\223quoted\224 caf\351 \033[31m\302\233x\n' >"$seeds/cp1252"
	printf '# H\n\n- a\n- b\n\n1. c\n\n\344\270\255 \360\237\230\200 e\314\201\n' \
		>"$seeds/mixed"
	;;
esac

# A dictionary of what the target's parser looks for, when there is one.
dict=
case $name in
annotate|summary) dict=$fz/annotate.dict ;;
index) dict=$fz/index.dict ;;
esac
[ -n "$dict" ] && dict=-dict=$dict

corpus=${FUZZ_CORPUS:-$tmp/corpus}
mkdir -p "$corpus"
cd "$tmp" || exit 1
# shellcheck disable=SC2086
"$bin/$name" -runs="$runs" -max_total_time="$maxtime" -max_len=$maxlen \
    -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$tmp/" $dict ${FUZZ_JOBS:-} "$corpus" "$seeds" \
    >"$tmp/run.log" 2>&1
rc=$?
[ -n "${FUZZ_LOG:-}" ] && cp "$tmp/run.log" "$FUZZ_LOG"
found=
for a in "$tmp"/crash-* "$tmp"/timeout-* "$tmp"/oom-* "$tmp"/leak-*; do
	[ -f "$a" ] || continue
	cp "$a" "$out/findings/$name-$(basename "$a")"
	found="$found $out/findings/$name-$(basename "$a")"
done
if [ $rc -eq 0 ] && [ -z "$found" ]; then
	grep '^#[0-9]*.*DONE\|^stat::number_of_executed_units\|^Done' \
	    "$tmp/run.log" | sed 's/^/# /'
	echo "ok 2 - $name-fuzz: $(grep -o 'Done [0-9]* runs' "$tmp/run.log") without a finding"
else
	grep -v '^#[0-9]' "$tmp/run.log" | tail -n 40 | sed 's/^/# /'
	for a in $found; do
		echo "# finding kept as $a"
	done
	echo "not ok 2 - $name-fuzz found a problem"
	failed=1
fi
# A finding fails make fuzz too.
exit $failed
