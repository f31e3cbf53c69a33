#!/bin/sh
# escapes.sh: an article full of escape sequences and control characters
# gives summaries (text, markdown, json) without a single ESC byte or other
# control character; the dump too.
. "$top_srcdir/tests/cli/tap.sh"

# Valid UTF-8, with C0 controls, ESC sequences (CSI, OSC, DCS, RIS) and
# the C1 CSI U+009B in the title, names, quotes and cues.
printf '%s\n' \
	"Evil $(printf '\033[2J\033]0;pwned\007') Title $(printf '\302\233')31m" \
	"" \
	"ASTANA -- Kazakh Foreign Ministry spokesman Aibek $(printf '\033[31m')Smadiyarov said the vote \"proceeds $(printf '\033P+q\033\\\\') from the principles of territorial integrity.$(printf '\033c')\"" \
	"" \
	"\"We will $(printf '\010\010\177')not recognise it,\" said Luca $(printf '\033[8m')Anceschi, a lecturer at the University of Glasgow." \
	"" \
	"$(printf '\033[1;1H\033[2K')Critics called the vote a \"sham.\"" \
	>"$tmp/evil.txt"
# Not UTF-8 (decoded as Windows-1252), with a raw C1 CSI byte and NUL.
printf 'Raw \233 31m Title\n\nHe said "x\033[2Jy and \000 z" loudly.\n' \
	>"$tmp/raw.txt"
check "the test article holds ESC bytes" \
	test "$(count_bytes '\033' "$tmp/evil.txt")" -gt 5

for f in evil raw; do
	for fmt in text markdown json; do
		"$WHOSAID" --summary --no-index --format=$fmt "$tmp/$f.txt" \
			>"$tmp/out" 2>"$tmp/err"
		st=$?
		check "$f $fmt: exit 0" test "$st" -eq 0
		check "$f $fmt: not empty" test -s "$tmp/out"
		check "$f $fmt: no ESC byte" \
			test "$(count_bytes '\033' "$tmp/out")" -eq 0
		check "$f $fmt: no control character but newline" \
			test "$(count_bytes '\000-\011\013-\037\177' "$tmp/out")" -eq 0
		check "$f $fmt: no C1 control (UTF-8 \\302\\200-\\302\\237)" \
			test "$(LC_ALL=C grep -c "$(printf '\302')[$(printf '\200-\237')]" "$tmp/out")" -eq 0
		check "$f $fmt: no control character escaped as \\u00XX" \
			test "$(grep -Eci '\\u00[01][0-9a-f]|\\u007f|\\u009' "$tmp/out")" -eq 0
	done
done

# The text summary keeps what it can: the names are still readable.
"$WHOSAID" --summary --no-index --width=200 "$tmp/evil.txt" >"$tmp/out"
check "the title is still shown" grep -q "Evil.*Title" "$tmp/out"

# Styling (bold, colour) only on a terminal: never in a pipe.
NO_COLOR= "$WHOSAID" --summary --no-index "$ARTICLE" >"$tmp/out"
check "no SGR in a pipe" test "$(count_bytes '\033' "$tmp/out")" -eq 0

# On a terminal (script(1) gives one): bold headings, unless NO_COLOR.
if command -v script >/dev/null 2>&1 &&
	script -qec true /dev/null >/dev/null 2>&1 </dev/null; then
	unset NO_COLOR
	script -qec "'$WHOSAID' --summary --no-index --width=80 '$ARTICLE'" \
		/dev/null </dev/null >"$tmp/tty"
	check "on a terminal: bold headings" \
		grep -q "$(printf '\033')\[1mQuotes" "$tmp/tty"
	NO_COLOR=1 script -qec \
		"'$WHOSAID' --summary --no-index --width=80 '$ARTICLE'" \
		/dev/null </dev/null >"$tmp/tty"
	check "on a terminal with NO_COLOR: no escape at all" \
		test "$(count_bytes '\033' "$tmp/tty")" -eq 0
	check "... but the summary all the same" grep -q '^Quotes' "$tmp/tty"
else
	skip "script(1) not available: no terminal to test styling"
fi
done_testing
