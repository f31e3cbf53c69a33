#!/bin/sh
# stdin.sh: "-" and a pipe are standard input; no FILE with nothing on
# standard input is the bundled article.
. "$top_srcdir/tests/cli/tap.sh"

"$WHOSAID" --summary --no-index "$ARTICLE" >"$tmp/file"
"$WHOSAID" --summary --no-index - <"$ARTICLE" >"$tmp/dash"
check "'-' reads standard input" cmp -s "$tmp/file" "$tmp/dash"
cat "$ARTICLE" | "$WHOSAID" --summary --no-index >"$tmp/pipe"
check "a pipe with no FILE is read" cmp -s "$tmp/file" "$tmp/pipe"
cat "$ARTICLE" | "$WHOSAID" --no-index >"$tmp/auto"
check "a pipe and stdout not a terminal: the text summary" \
	cmp -s "$tmp/file" "$tmp/auto"
"$WHOSAID" --summary --format=json - <"$ARTICLE" >"$tmp/json"
check "the path of standard input is -" grep -q '"path": "-"' "$tmp/json"

"$WHOSAID" </dev/null >"$tmp/bundled"
st=$?
check "no FILE, stdout not a terminal: exit 0" test "$st" -eq 0
"$WHOSAID" --summary "$ARTICLE" >"$tmp/with-index"
check "no FILE: the text summary of the bundled article" \
	cmp -s "$tmp/with-index" "$tmp/bundled"
"$WHOSAID" --summary --width=50 </dev/null >"$tmp/w50"
check "--width applies to it" test "$(LC_ALL=C.UTF-8 wc -L <"$tmp/w50")" -le 50
: | "$WHOSAID" --summary --format=json >"$tmp/empty" 2>"$tmp/err"
st=$?
check "empty standard input: exit 0" test "$st" -eq 0
check "empty standard input: no quotes" grep -q '"quotes": \[\]' "$tmp/empty"
done_testing
