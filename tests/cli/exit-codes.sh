#!/bin/sh
# exit-codes.sh: every exit status of whosaid and the form of its errors.
# 0 success, 1 an input could not be read (the others still printed),
# 2 usage.
. "$top_srcdir/tests/cli/tap.sh"

exits "--help" 0 "$WHOSAID" --help
exits "--version" 0 "$WHOSAID" --version
check "--version names the program" grep -q '^whosaid [0-9]' "$tmp/out"
exits "-h" 0 "$WHOSAID" -h
exits "summary of a file" 0 "$WHOSAID" --summary "$ARTICLE"
exits "json summary of a file" 0 "$WHOSAID" -s -f json "$ARTICLE"
exits "markdown summary, no index" 0 "$WHOSAID" -s --format=markdown \
	--no-index "$ARTICLE"
exits "text is the default with stdout not a terminal" 0 "$WHOSAID" \
	--width=60 "$ARTICLE"
check "... and it is the text summary" grep -q '^Quotes (' "$tmp/out"

exits "a missing file" 1 "$WHOSAID" --summary "$tmp/nope.txt"
check "... says so in the usual form" \
	grep -qx "whosaid: $tmp/nope.txt: No such file or directory" "$tmp/err"
check "... and prints nothing" test ! -s "$tmp/out"
exits "a folder" 1 "$WHOSAID" --summary "$tmp"
check "... names it" grep -q "^whosaid: $tmp: " "$tmp/err"
exits "--index of standard input" 1 "$WHOSAID" --index -
exits "--index-file that cannot be written" 1 "$WHOSAID" --index \
	--index-file="$tmp/no/such/dir/x.whosaid" "$ARTICLE"

exits "an unknown option" 2 "$WHOSAID" --bogus
check "... is named" grep -q "^whosaid: .*bogus" "$tmp/err"
exits "an unknown short option" 2 "$WHOSAID" -Z
exits "--width=0" 2 "$WHOSAID" --summary --width=0 "$ARTICLE"
exits "--width=abc" 2 "$WHOSAID" --summary --width=abc "$ARTICLE"
exits "--width=80x" 2 "$WHOSAID" --summary --width=80x "$ARTICLE"
exits "--width without a value" 2 "$WHOSAID" --summary --width
exits "--format=xml" 2 "$WHOSAID" --summary --format=xml "$ARTICLE"
exits "--summary with --index" 2 "$WHOSAID" --summary --index "$ARTICLE"
exits "--dump with --summary" 2 "$WHOSAID" --dump --summary "$ARTICLE"
exits "--format with --index" 2 "$WHOSAID" --index --format=json "$ARTICLE"
exits "--no-index with --index" 2 "$WHOSAID" --no-index --index "$ARTICLE"
exits "--no-index with --index-file" 2 "$WHOSAID" --no-index \
	--index-file=x "$ARTICLE"
exits "--index-file with two files" 2 "$WHOSAID" --summary \
	--index-file=x "$ARTICLE" "$ARTICLE"
exits "--index with no file" 2 "$WHOSAID" --index
exits "--dump with no file" 2 "$WHOSAID" --dump
check "usage errors point at --help" grep -q -- "--help" "$tmp/err"

# Closed stdout: a write error is an error, not silence.
if [ -w /dev/full ]; then
	"$WHOSAID" --summary "$ARTICLE" >/dev/full 2>"$tmp/err"
	st=$?
	if [ "$st" -eq 1 ]; then ok "stdout full (exit 1)"; else
		not_ok "stdout full (exit $st, want 1)"; fi
else
	skip "no /dev/full"
fi

done_testing
