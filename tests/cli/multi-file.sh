#!/bin/sh
# multi-file.sh: several files in one run, one of them unreadable in the
# middle: exit 1, the error on stderr, the other summaries all printed.
. "$top_srcdir/tests/cli/tap.sh"

a=$top_srcdir/tests/data/wikinews-nasa-shuttle-homes.txt
b=$ARTICLE
[ -f "$a" ] || a=$ARTICLE

for fmt in text markdown json; do
	"$WHOSAID" --summary --no-index --format=$fmt "$a" "$tmp/missing.txt" \
		"$b" >"$tmp/out.$fmt" 2>"$tmp/err.$fmt"
	st=$?
	if [ "$st" -eq 1 ]; then ok "$fmt: exit 1"; else
		not_ok "$fmt: exit $st, want 1"; fi
	check "$fmt: the missing file is reported" grep -qx \
		"whosaid: $tmp/missing.txt: No such file or directory" \
		"$tmp/err.$fmt"
	check "$fmt: one line on stderr" \
		test "$(wc -l <"$tmp/err.$fmt")" -eq 1
	"$WHOSAID" --summary --no-index --format=$fmt "$a" >"$tmp/one.$fmt"
	"$WHOSAID" --summary --no-index --format=$fmt "$b" >"$tmp/two.$fmt"
	if [ "$fmt" != json ]; then
		# Each summary is printed whole, in order.
		head -c "$(wc -c <"$tmp/one.$fmt")" "$tmp/out.$fmt" >"$tmp/head"
		tail -c "$(wc -c <"$tmp/two.$fmt")" "$tmp/out.$fmt" >"$tmp/tail"
		check "$fmt: the first summary is printed whole" \
			cmp -s "$tmp/one.$fmt" "$tmp/head"
		check "$fmt: the last summary is printed whole" \
			cmp -s "$tmp/two.$fmt" "$tmp/tail"
	fi
done

if command -v jq >/dev/null 2>&1; then
	check "json: an array of the two readable files" test \
		"$(jq -r 'length' "$tmp/out.json")" = 2
	check "json: in order, with their paths" test \
		"$(jq -r '.[].article.path' "$tmp/out.json" | tr '\n' ' ')" = \
		"$a $b "
	check "json: one file gives one object, not an array" test \
		"$(jq -r 'type' "$tmp/one.json")" = object
	check "json: the array holds the same objects" test \
		"$(jq -c '.[1]' "$tmp/out.json")" = "$(jq -c . "$tmp/two.json")"
else
	skip "jq not installed"
fi

# All files unreadable: exit 1, nothing on stdout (JSON: an empty array).
"$WHOSAID" --summary "$tmp/x" "$tmp/y" >"$tmp/out" 2>"$tmp/err"
st=$?
check "all missing: exit 1" test "$st" -eq 1
check "all missing: two errors" test "$(wc -l <"$tmp/err")" -eq 2
check "all missing: no text printed" test ! -s "$tmp/out"
done_testing
