#!/bin/sh
# index.sh: --index writes the index and says where; --summary reads a
# fresh one, notes a stale or broken one on stderr and goes on; --no-index
# neither reads nor writes; --index-file picks the file.
. "$top_srcdir/tests/cli/tap.sh"

cp "$ARTICLE" "$tmp/a.txt"
cp "$ARTICLE" "$tmp/b.txt"
"$WHOSAID" --index "$tmp/a.txt" "$tmp/b.txt" >"$tmp/out" 2>"$tmp/err"
st=$?
check "--index of two files: exit 0" test "$st" -eq 0
check "... says where each index went" test "$(cat "$tmp/out")" = \
"$tmp/a.txt: index written to $tmp/a.txt.whosaid
$tmp/b.txt: index written to $tmp/b.txt.whosaid"
check "... and wrote them" test -s "$tmp/a.txt.whosaid" -a -s "$tmp/b.txt.whosaid"
check "... quietly" test ! -s "$tmp/err"
check "the article is not written" cmp -s "$ARTICLE" "$tmp/a.txt"

for fmt in text json; do
	"$WHOSAID" --summary --format=$fmt "$tmp/a.txt" >"$tmp/with" 2>"$tmp/err"
	"$WHOSAID" --summary --format=$fmt --no-index "$tmp/a.txt" >"$tmp/without"
	check "$fmt: a fresh index gives the analysis it holds" \
		cmp -s "$tmp/with" "$tmp/without"
	check "$fmt: ... without a note" test ! -s "$tmp/err"
done

# --no-index writes nothing: no index appears for a new file.
cp "$ARTICLE" "$tmp/c.txt"
"$WHOSAID" --summary --no-index "$tmp/c.txt" >/dev/null
check "--summary --no-index writes no index" test ! -e "$tmp/c.txt.whosaid"
"$WHOSAID" --summary "$tmp/c.txt" >/dev/null
check "--summary writes no index either" test ! -e "$tmp/c.txt.whosaid"

# --index-file writes and reads where it says.
"$WHOSAID" --index --index-file="$tmp/elsewhere.json" "$tmp/c.txt" >"$tmp/out"
check "--index --index-file writes there" test -s "$tmp/elsewhere.json"
check "... and not beside the article" test ! -e "$tmp/c.txt.whosaid"
printf 'not json' >"$tmp/c.txt.whosaid"
"$WHOSAID" --summary --index-file="$tmp/elsewhere.json" "$tmp/c.txt" \
	>"$tmp/out" 2>"$tmp/err"
check "--summary --index-file reads that one" test ! -s "$tmp/err"

# A broken index: a one-line note naming it, exit 0, the analysis anyway.
printf '{"format": "whosaid-index", "version": 1, "bytes": ' >"$tmp/a.txt.whosaid"
"$WHOSAID" --summary "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"
st=$?
check "broken index: exit 0" test "$st" -eq 0
check "broken index: one line on stderr" test "$(wc -l <"$tmp/err")" -eq 1
check "broken index: it names the index" grep -q "^whosaid: $tmp/a.txt.whosaid: " "$tmp/err"
"$WHOSAID" --summary --no-index "$tmp/a.txt" >"$tmp/without" 2>"$tmp/err"
check "broken index: the summary is computed" cmp -s "$tmp/out" "$tmp/without"
check "--no-index does not even read it" test ! -s "$tmp/err"

# A stale index: the article changed after --index.
printf '\nA new paragraph, said nobody.\n' >>"$tmp/b.txt"
"$WHOSAID" --summary "$tmp/b.txt" >"$tmp/out" 2>"$tmp/err"
st=$?
check "stale index: exit 0" test "$st" -eq 0
check "stale index: a note naming the file" grep -q "^whosaid: $tmp/b.txt" "$tmp/err"

# --index again keeps a person's corrections: a curated position survives
# the rebuild; a curated quote whose text is gone stops it, and the old
# index stays.
if command -v jq >/dev/null 2>&1; then
	cp "$ARTICLE" "$tmp/e.txt"
	"$WHOSAID" --index "$tmp/e.txt" >/dev/null
	stance="None of Kyrgyzstan, Tajikistan, or neutral Turkmenistan has commented on Russia's latest annexation bid."
	jq --arg s "$stance" '.actors[0].position = $s |
		.actors[0].position_curated = true |
		del(.actors[0].position_start, .actors[0].position_end)' \
		"$tmp/e.txt.whosaid" >"$tmp/x" && mv "$tmp/x" "$tmp/e.txt.whosaid"
	"$WHOSAID" --index "$tmp/e.txt" >"$tmp/out" 2>"$tmp/err"
	st=$?
	check "--index over a curated index: exit 0" test "$st" -eq 0
	check "... the curated position survives the rebuild" test \
		"$("$WHOSAID" --summary --format=json "$tmp/e.txt" |
		jq -r '.actors[0].position')" = "$stance"
	jq '.quotes[3].text = "Words that are nowhere in the article." |
		.quotes[3].curated = true' \
		"$tmp/e.txt.whosaid" >"$tmp/x" && mv "$tmp/x" "$tmp/e.txt.whosaid"
	cp "$tmp/e.txt.whosaid" "$tmp/before"
	"$WHOSAID" --index "$tmp/e.txt" >"$tmp/out" 2>"$tmp/err"
	st=$?
	check "a curated quote that cannot be found: exit 1" test "$st" -eq 1
	check "... it is named" grep -q "nowhere in the article" "$tmp/err"
	check "... and the old index is left as it was" \
		cmp -s "$tmp/before" "$tmp/e.txt.whosaid"
else
	skip "jq not installed"
fi

# A folder that cannot be written: the index goes to the cache folder.
mkdir "$tmp/ro" "$tmp/cache"
cp "$ARTICLE" "$tmp/ro/d.txt"
chmod 555 "$tmp/ro"
if touch "$tmp/ro/probe" 2>/dev/null; then
	rm -f "$tmp/ro/probe"
	skip "running as root: a read-only folder is writable"
else
	XDG_CACHE_HOME=$tmp/cache "$WHOSAID" --index "$tmp/ro/d.txt" >"$tmp/out"
	check "read-only folder: the index goes under XDG_CACHE_HOME" \
		grep -q "index written to $tmp/cache/whosaid/" "$tmp/out"
fi
chmod 755 "$tmp/ro"
done_testing
