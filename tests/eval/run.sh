#!/bin/sh
# tests/eval/run.sh: measure the annotator against the hand-made gold of
# tests/data (TAP).
#
# For every tests/data/NAME.txt that has a NAME.gold.json, run
#   $WHOSAID --summary --format=json --no-index NAME.txt
# score the summary with tests/eval/score-quotes --json, and let
# tests/eval/report compare each figure (quote F1, speaker accuracy,
# attribution F1, person recall, role accuracy, position accuracy) with the
# floor recorded in tests/eval/floors.txt, per article and in total.
# An article whose summary cannot be produced or scored is "not ok".
#
# Environment: WHOSAID (the binary) and top_srcdir, as exported by
# AM_TESTS_ENVIRONMENT; PYTHON (default python3). EVAL_FLOORS overrides the
# floors file, EVAL_DATA the folder of articles (tests/data); EVAL_KEEP=DIR
# keeps the summaries and scores in DIR.
# Nothing is written outside a temporary folder (make distcheck runs this
# from a read-only source tree).
#
# By hand, from a build folder:
#   make check TESTS=tests/eval/run.sh; less tests/eval/run.log
# The log lists, per article, the quotes missed, found in excess and given
# the wrong speaker. To raise the floors after the annotator improved
# (report never writes a floor lower than the recorded one):
#   WHOSAID=./whosaid top_srcdir=SRC EVAL_KEEP=/tmp/eval sh SRC/tests/eval/run.sh
#   python3 SRC/tests/eval/report --write-floors 0.05 \
#       SRC/tests/eval/floors.txt /tmp/eval >floors.new
#   mv floors.new SRC/tests/eval/floors.txt
# A new article: NAME.txt and NAME.gold.json in tests/data, a line in
# tests/data/README.md (source, URL, licence) and in Makefile.am
# (EVAL_FILES); its floors line is then written as above.

srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
PYTHON=${PYTHON:-python3}
floors=${EVAL_FLOORS:-$srcdir/tests/eval/floors.txt}
data=${EVAL_DATA:-$srcdir/tests/data}

if ! command -v "$PYTHON" >/dev/null 2>&1; then
	echo "1..0 # SKIP $PYTHON not found (./bootstrap installs python3)"
	exit 0
fi
if [ -z "$WHOSAID" ] || [ ! -x "$WHOSAID" ]; then
	echo "1..1"
	echo "not ok 1 - WHOSAID is not an executable: '${WHOSAID}'"
	exit 1
fi

if [ -n "$EVAL_KEEP" ]; then
	work=$EVAL_KEEP
	mkdir -p "$work" || exit 1
else
	work=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-eval.XXXXXX") || exit 1
	trap 'rm -rf "$work"' EXIT
	trap 'exit 1' HUP INT TERM
fi

: >"$work/list"
for txt in "$data"/*.txt; do
	gold=${txt%.txt}.gold.json
	[ -f "$gold" ] || continue
	name=$(basename "$txt" .txt)
	# One line per article: NAME, GOLD, ARTICLE, STATUS ("ok" or why
	# not), tab-separated; the score is in $work/NAME.score, the
	# misses in $work/NAME.details.
	status=ok
	"$WHOSAID" --summary --format=json --no-index "$txt" \
	    >"$work/$name.json" 2>"$work/$name.err"
	rc=$?
	if [ "$rc" -ne 0 ]; then
		# Score an empty summary instead, so that the totals still
		# count this article's gold; the article itself is not ok.
		why=$(grep -m 1 -E 'Sanitizer|runtime error|^whosaid:' \
		    "$work/$name.err" || head -n 1 "$work/$name.err")
		# The innermost frame in whosaid's own code, if any.
		where=$(grep -v -e libsanitizer -e xmalloc "$work/$name.err" |
		    grep -m 1 -E '#[0-9]+ .* in [A-Za-z_]+ .*/(src|ui)/' |
		    sed 's/.* in /in /')
		[ -n "$where" ] && why="$why ($where)"
		status="whosaid exited $rc: $(printf '%s' "$why" |
		    head -c 200 | tr '\t' ' ')"
		echo '{"actors": [], "quotes": []}' >"$work/$name.json"
	fi
	# One scoring gives the figures (first line, JSON) and what was
	# missed, found in excess or given the wrong speaker (the rest, for
	# the log only).
	if "$PYTHON" "$srcdir/tests/eval/score-quotes" "$gold" "$txt" \
	    "$work/$name.json" --json --verbose >"$work/$name.out" \
	    2>"$work/$name.serr"; then
		head -n 1 "$work/$name.out" >"$work/$name.score"
		grep -E '^(missed|extra|speaker): ' "$work/$name.out" \
		    >"$work/$name.details"
	else
		status="score-quotes failed: $(tail -n 1 "$work/$name.serr" |
		    tr '\t' ' ')"
		echo '{}' >"$work/$name.score"
	fi
	printf '%s\t%s\t%s\t%s\n' "$name" "$gold" "$txt" "$status" \
	    >>"$work/list"
done

"$PYTHON" "$srcdir/tests/eval/report" "$floors" "$work"
