#!/bin/sh
# man.sh: doc/whosaid.1 renders without a warning (groff -ww, mandoc
# -Tlint) and documents every long option.
. "$top_srcdir/tests/cli/tap.sh"

page=$top_srcdir/doc/whosaid.1

# Rendered text without overstrikes or SGR.
plain() {
	sed -e 's/.\x08//g' -e 's/\x1b\[[0-9;]*m//g'
}
if command -v groff >/dev/null 2>&1; then
	groff -ww -man -Tutf8 "$page" >"$tmp/out" 2>"$tmp/err"
	st=$?
	check "groff -ww: exit 0" test "$st" -eq 0
	check "groff -ww: no warning" test ! -s "$tmp/err"
	[ -s "$tmp/err" ] && diag "$tmp/err"
else
	skip "groff not installed"
fi
if command -v mandoc >/dev/null 2>&1; then
	mandoc -Tlint -Wall "$page" >"$tmp/lint" 2>&1
	st=$?
	check "mandoc -Tlint: clean" test "$st" -eq 0 -a ! -s "$tmp/lint"
	[ -s "$tmp/lint" ] && diag "$tmp/lint"
	mandoc -Tascii "$page" 2>/dev/null | plain >"$tmp/page"
else
	skip "mandoc not installed"
	groff -man -Tascii "$page" 2>/dev/null | plain >"$tmp/page"
fi
for sect in NAME SYNOPSIS DESCRIPTION OPTIONS KEYS FILES ENVIRONMENT \
	"EXIT STATUS" EXAMPLES; do
	check "section $sect" grep -q "^$sect" "$tmp/page"
done
for v in NO_COLOR XDG_CACHE_HOME TERM ESCDELAY COLUMNS; do
	check "environment $v" grep -q "^ *$v" "$tmp/page"
done
"$WHOSAID" --help | sed -n 's/^ *-., \(--[a-z-]*\).*/\1/p' >"$tmp/opts"
while read -r o; do
	check "documents $o" grep -q -- "$o" "$tmp/page"
done <"$tmp/opts"
check "the version matches --version" grep -q \
	"$("$WHOSAID" --version)" "$tmp/page"
done_testing
