#!/bin/sh
# tests/dump.sh: whosaid --dump on the bundled article. TAP.
# No line wider than the width (display columns, counted by wc -L in a
# UTF-8 locale), the title, headings and captions marked (dump.h), each
# repeated caption once, boilerplate left out.
set -u
: "${WHOSAID:?set WHOSAID to the binary}"
: "${top_srcdir:?set top_srcdir to the sources}"
article=$top_srcdir/content/central-asia-referendums.txt
tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-dump.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C.UTF-8
export LC_ALL

n=0
failed=0
ok() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=1
	fi
}
has() { grep -qxF -- "$1" "$tmp/w60"; }
has_start() { grep -q -- "^$1" "$tmp/w60"; }

echo 1..14
"$WHOSAID" --dump --width=60 "$article" >"$tmp/w60" 2>"$tmp/err"
ok $? "--dump --width=60 exits 0"
[ -s "$tmp/w60" ] && [ ! -s "$tmp/err" ]
ok $? "prints the article and nothing on stderr"
w=$(wc -L <"$tmp/w60")
[ "$w" -le 60 ] && [ "$w" -ge 50 ]
ok $? "no line wider than 60 columns (widest: $w)"
for width in 20 37 80; do
	"$WHOSAID" --dump --width=$width "$article" >"$tmp/w" &&
		[ "$(wc -L <"$tmp/w")" -le $width ]
	ok $? "no line wider than $width columns"
done
head -n 1 "$tmp/w60" | grep -q "^# Russia's 'Sham' Referendums In Ukraine"
ok $? "the title comes first, marked '# '"
has "## Territorial Integrity Integral"
ok $? "heading 'Territorial Integrity Integral' marked '## '"
has_start "## China's Push, Russia A 'Domestic Issue'"
ok $? "heading 'China's Push...' marked '## '"
has_start "\[caption\] Russian President Vladimir Putin (left)" &&
	has_start "\[caption\] Kazakhs rally in support of Ukraine"
ok $? "captions marked '[caption] '"
[ "$(grep -c 'Kazakhs rally in support' "$tmp/w60")" = 1 ] &&
	[ "$(grep -c 'Putin (right) meets' "$tmp/w60")" = 1 ]
ok $? "a caption printed twice in the article is printed once"
! grep -q -e 'Accessibility links' -e 'Breaking News' \
	-e 'undesirable organization' -e 'click here' \
	-e 'imprisonment' "$tmp/w60"
ok $? "boilerplate left out"
has_start "• 16x9 Image" && has_start "\[bio\] Chris Rickleton is a journalist"
ok $? "the list item and the author's bio are there"
# The whole text is there: every word of a paragraph, in order.
tr -s ' \n' '  ' <"$tmp/w60" | grep -q "Kazakh Foreign Ministry spokesman Aibek Smadiyarov said"
ok $? "wrapped paragraphs keep their words"
exit $failed
