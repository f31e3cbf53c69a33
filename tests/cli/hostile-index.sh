#!/bin/sh
# hostile-index.sh: an index nobody should write, and saving one without
# losing anything.
# - A broken index (truncated, wrong types, offsets out of range or
#   overlapping, ids that do not resolve, huge numbers, a newer version,
#   a symbolic link, a FIFO, a folder) gives one line on stderr naming the
#   index and the problem, exit 0 and the summary computed afresh; the
#   index of another article is stale and recomputed. Strings in an index
#   reach stdout sanitised like the article's.
# - Saving: an existing symbolic link at the index path is replaced, its
#   target untouched; --index-file naming the article is refused; an
#   article in a folder where no file can be made sends the index to the
#   cache folder, made with mode 0700; the article is never written; the
#   program ignores the failure injection of test builds.
. "$top_srcdir/tests/cli/tap.sh"

cp "$ARTICLE" "$tmp/a.txt"
IDX=$tmp/a.txt.whosaid
cksum <"$tmp/a.txt" >"$tmp/a.sum"
"$WHOSAID" --summary --no-index "$tmp/a.txt" >"$tmp/want"
"$WHOSAID" --index "$tmp/a.txt" >/dev/null
cp "$IDX" "$tmp/good.whosaid"

# broken NAME WORD: the index at $IDX is refused with one line naming it
# and saying WORD, and the summary is the one computed without it.
broken() {
	timeout 300 "$WHOSAID" --summary "$tmp/a.txt" >"$tmp/out" \
		2>"$tmp/err" </dev/null
	st=$?
	why=
	[ "$st" -eq 0 ] || why=" exit $st"
	[ "$(wc -l <"$tmp/err")" -eq 1 ] || why="$why, not one line on stderr"
	grep -q "^whosaid: $IDX: " "$tmp/err" || why="$why, the index is not named"
	grep -qi -- "$2" "$tmp/err" || why="$why, does not say '$2'"
	cmp -s "$tmp/want" "$tmp/out" || why="$why, not the computed summary"
	if [ -z "$why" ]; then
		ok "$1: one line naming it, the summary computed"
	else
		not_ok "$1:$why"
		diag "$tmp/err"
	fi
	rm -rf "$IDX"
}

head -c 3000 "$tmp/good.whosaid" >"$IDX"
broken "a truncated index" "truncated"
: >"$IDX"
broken "an empty index" "empty"
printf '\177ELF\002\001\001\000\000\000' >"$IDX"
broken "a binary index" "JSON"
yes '[' | head -n 200000 | tr -d '\n' >"$IDX"
broken "200,000 nested arrays" "depth"
bad=$(printf '\377\300')
LC_ALL=C sed "s/\"title\": \"R/\"title\": \"${bad}R/" "$tmp/good.whosaid" >"$IDX"
broken "invalid UTF-8 in a string" "decode byte"

if command -v jq >/dev/null 2>&1; then
	# spoil NAME WORD JQ-FILTER
	spoil() {
		jq "$3" "$tmp/good.whosaid" >"$IDX" || not_ok "jq: $3"
		broken "$1" "$2"
	}
	spoil "quotes as an object" "array" '.quotes = {}'
	spoil "a quote start as text" "integer" '.quotes[0].start = "12"'
	spoil "an actor name as a number" "string" '.actors[0].name = 42'
	spoil "confidence as true" "number" '.quotes[0].confidence = true'
	spoil "a quote past the end" "beyond" '.quotes[0].end = 99999999'
	spoil "a negative offset" "negative" '.quotes[0].start = -5'
	spoil "a mention past the end" "beyond" \
		'.actors[0].mentions[0] = [10, 99999999]'
	spoil "two quotes that overlap" "overlap" \
		'.quotes[1].start = .quotes[0].start + 1 |
		 .quotes[1].end = .quotes[0].end + 1'
	spoil "a speaker id that does not resolve" "A9999" \
		'.quotes[0].speaker = "A9999"'
	spoil "a newer format version" "newer" '.version = 99'
	spoil "another format" "not a whosaid" '.format = "other"'
	sed 's/"start": \([0-9]*\),/"start": 1\1000000000000000000000000,/' \
		"$tmp/good.whosaid" >"$IDX"
	broken "a huge number" "JSON"

	# Huge strings (a 2 MB role) are read; the summary shows them.
	head -c 2000000 /dev/zero | tr '\0' 'r' >"$tmp/huge"
	jq --rawfile r "$tmp/huge" '.actors[0].role = $r' \
		"$tmp/good.whosaid" >"$IDX"
	"$WHOSAID" --summary --format=json "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"
	check "a 2 MB string in an index: read, no note" \
		test "$?" -eq 0 -a ! -s "$tmp/err" -a \
		"$(jq -r '.actors[0].role | length' "$tmp/out")" -eq 2000000
	rm -f "$IDX" "$tmp/huge"

	# Escapes in the strings of an index reach no output.
	jq '.article.title = "T\u001b]0;pwned\u0007itle\u009b2J" |
	    .actors[0].name = "Ann\u001b[2J\u202eLee" |
	    .actors[0].role = "\u001b]52;c;cHduZWQ=\u0007boss\u001bP+q\u001b\\" |
	    .actors[0].aliases = ["\u001b]8;;http://x/\u001b\\\\x"] |
	    .quotes[0].cue = "said\u001b[8m\u2066"' \
		"$tmp/good.whosaid" >"$IDX"
	for fmt in text markdown json; do
		"$WHOSAID" --summary --format=$fmt "$tmp/a.txt" >"$tmp/out" \
			2>"$tmp/err"
		check "escapes in the index, $fmt: read (no note)" \
			test ! -s "$tmp/err"
		check "escapes in the index, $fmt: no control byte on stdout" \
			test "$(count_bytes '\000-\011\013-\037\177' "$tmp/out")" -eq 0
		check "escapes in the index, $fmt: no C1 or bidi control" \
			test "$(LC_ALL=C grep -c "$(printf '\302[\200-\237]\\|\342\200\256\\|\342\201\246')" "$tmp/out")" -eq 0
		if [ $fmt = json ]; then
			check "escapes in the index, json: none in the strings either" \
				test "$(jq -r '.. | strings' "$tmp/out" |
				count_bytes '\000-\011\013-\037\177' /dev/stdin)" -eq 0
		fi
	done
	rm -f "$IDX"
else
	skip "jq not installed: no spoiled indexes"
fi

# The index of another article: stale, recomputed, said once.
cp "$tmp/good.whosaid" "$tmp/b.whosaid"
printf 'Another Story\n\nBob Smith said "nothing at all" today.\n' >"$tmp/b.txt"
"$WHOSAID" --summary --index-file="$tmp/b.whosaid" "$tmp/b.txt" >"$tmp/out" \
	2>"$tmp/err"
st=$?
"$WHOSAID" --summary --no-index "$tmp/b.txt" >"$tmp/want.b"
check "another article's index: exit 0, one line, recomputed" \
	test "$st" -eq 0 -a "$(wc -l <"$tmp/err")" -eq 1 -a \
	"$(cmp -s "$tmp/out" "$tmp/want.b" && echo same)" = same
check "... the line says the article changed" grep -q 'changed' "$tmp/err"

# Special files at the index path.
mkdir "$IDX"
broken "a folder at the index path" "directory"
if mkfifo "$IDX" 2>/dev/null; then
	broken "a FIFO at the index path (no hang)" "FIFO"
	mkfifo "$IDX"
	timeout 300 "$WHOSAID" --index "$tmp/a.txt" >/dev/null 2>"$tmp/err"
	st=$?
	check "--index over a FIFO: exit 1 at once, naming it" \
		test "$st" -eq 1 -a "$(grep -c "$IDX" "$tmp/err")" -eq 1
	check "... and the FIFO is left" test -p "$IDX"
	rm -f "$IDX"
else
	skip "mkfifo failed"
fi
printf 'precious\n' >"$tmp/target"
ln -s "$tmp/good.whosaid" "$IDX"
broken "a symbolic link at the index path (even to a good index)" \
	"symbolic link"

# ---- saving ----------------------------------------------------------------
# A symbolic link at the index path: --index replaces the link itself.
ln -s "$tmp/target" "$IDX"
"$WHOSAID" --index "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"
st=$?
check "--index over a symbolic link: exit 0" test "$st" -eq 0
check "... the link is replaced by the index" test -f "$IDX" -a ! -L "$IDX"
check "... its target is untouched" test "$(cat "$tmp/target")" = precious
check "... and the index is the article's" \
	test "$("$WHOSAID" --summary "$tmp/a.txt" 2>&1 | cmp - "$tmp/want" && echo same)" = same
rm -f "$IDX"
# A link to the article itself: the article stays as it was.
ln -s "$tmp/a.txt" "$IDX"
"$WHOSAID" --index "$tmp/a.txt" >/dev/null 2>"$tmp/err"
check "--index over a link to the article: exit 0, the link replaced" \
	test "$?" -eq 0 -a -f "$IDX" -a ! -L "$IDX"
rm -f "$IDX"
# --index-file naming the article: refused.
"$WHOSAID" --index --index-file="$tmp/a.txt" "$tmp/a.txt" >/dev/null \
	2>"$tmp/err"
st=$?
check "--index-file naming the article: exit 1, one line" \
	test "$st" -eq 1 -a "$(wc -l <"$tmp/err")" -eq 1
cksum <"$tmp/a.txt" >"$tmp/a.sum.now"
check "the article was never written by any of these commands" \
	cmp -s "$tmp/a.sum" "$tmp/a.sum.now"

# An article where no file can be made: the index goes to the cache,
# whose folders are made with mode 0700. /proc refuses new files even to
# root; a folder of mode 555 stands in for it for other users.
mode_of() {
	stat -c %a "$1" 2>/dev/null || ls -ld "$1" | cut -c1-10
}
if [ -r /proc/version ]; then
	XDG_CACHE_HOME=$tmp/cache "$WHOSAID" --index /proc/version \
		>"$tmp/out" 2>"$tmp/err"
	st=$?
	check "an article in /proc: exit 0, index under XDG_CACHE_HOME" \
		test "$st" -eq 0 -a \
		"$(grep -c "index written to $tmp/cache/whosaid/version\." "$tmp/out")" -eq 1
	check "... the cache folders are made with mode 0700" \
		test "$(mode_of "$tmp/cache")" = 700 -a \
		"$(mode_of "$tmp/cache/whosaid")" = 700
else
	skip "/proc/version not readable"
fi
mkdir "$tmp/ro"
cp "$ARTICLE" "$tmp/ro/d.txt"
chmod 555 "$tmp/ro"
if touch "$tmp/ro/probe" 2>/dev/null; then
	rm -f "$tmp/ro/probe"
	skip "running as root: a folder of mode 555 takes new files"
else
	XDG_CACHE_HOME=$tmp/cache2 "$WHOSAID" --index "$tmp/ro/d.txt" \
		>"$tmp/out" 2>"$tmp/err"
	check "a read-only folder: the index goes to the cache, mode 0700" \
		test "$?" -eq 0 -a "$(mode_of "$tmp/cache2/whosaid")" = 700
	check "... and nothing is left in the folder" \
		test "$(ls -A "$tmp/ro" | wc -l)" -eq 1
fi
chmod 755 "$tmp/ro"

# A name with no room left for ".whosaid": the index goes to the cache.
long=$tmp/$(printf '%0250d' 0).txt
cp "$ARTICLE" "$long"
XDG_CACHE_HOME=$tmp/cache3 "$WHOSAID" --index "$long" >"$tmp/out" 2>"$tmp/err"
check "a 254-byte article name: --index writes to the cache" \
	test "$?" -eq 0 -a "$(grep -c "index written to $tmp/cache3/" "$tmp/out")" -eq 1
XDG_CACHE_HOME=$tmp/cache3 "$WHOSAID" --summary "$long" >"$tmp/out" 2>"$tmp/err"
check "... and --summary reads it there without a note" test ! -s "$tmp/err"
rm -f "$long"

# The failure injection is compiled into tests only, never the program.
WHOSAID_INDEX_FAULT=rename "$WHOSAID" --index "$tmp/a.txt" >/dev/null 2>&1
check "the program ignores WHOSAID_INDEX_FAULT" test "$?" -eq 0
check "... and does not even hold the name" \
	test "$(LC_ALL=C grep -c WHOSAID_INDEX_FAULT "$WHOSAID")" -eq 0
done_testing
