#!/bin/sh
# tests/eval/selftest.sh: check the evaluation itself (TAP).
#
# run.sh must pass a perfect annotator, fail one that loses quotes or
# speakers or crashes, and name the failing figure; report --write-floors
# must never lower a recorded floor. The annotator is played by
# tests/eval/fake-summary, which answers from the gold files, so this test
# does not depend on how good whosaid is. Needs python3, as run.sh does.

srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
PYTHON=${PYTHON:-python3}
eval_dir=$srcdir/tests/eval

if ! command -v "$PYTHON" >/dev/null 2>&1; then
	echo "1..0 # SKIP $PYTHON not found (./bootstrap installs python3)"
	exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-selftest.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM

n=0
failed=0
check() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=$((failed + 1))
	fi
}

# Three articles are enough, and quick: one with positions, one without
# any quotation, one with quotes running over paragraphs.
mkdir "$work/data"
for a in central-asia-referendums doj-rochester-firearm-indictment \
    wikinews-world-cup-2018-day-five; do
	cp "$srcdir/tests/data/$a.txt" "$srcdir/tests/data/$a.gold.json" \
	    "$work/data/" || exit 1
done

# run.sh with the fake annotator: $1 = FAKE_SUMMARY, $2 = floors file,
# $3 = where to keep the scores (optional); its output goes to $work/out.
run() {
	FAKE_SUMMARY=$1 EVAL_FLOORS=$2 EVAL_KEEP=$3 EVAL_DATA=$work/data \
	    WHOSAID=$eval_dir/fake-summary top_srcdir=$srcdir \
	    PYTHON=$PYTHON sh "$eval_dir/run.sh" >"$work/out" 2>&1
}

echo "1..8"

# Floors at the perfect figures themselves.
run "" /dev/null "$work/perfect"
"$PYTHON" "$eval_dir/report" --write-floors 0 /dev/null "$work/perfect" \
    >"$work/floors-perfect" 2>/dev/null
grep -q '^TOTAL  *1\.00  *1\.00  *1\.00' "$work/floors-perfect"
check $? "a perfect annotator's floors are 1.00"

run "" "$work/floors-perfect"
check $? "run.sh passes a perfect annotator at the highest floors"

! grep -q '^not ok' "$work/out"
check $? "no article is 'not ok' for a perfect annotator"

! run drop "$work/floors-perfect" && grep -q '^not ok .* - TOTAL' "$work/out"
check $? "run.sh fails when quotes are lost"

grep -q 'quote_f1 0\.[0-9]* below floor 1\.00' "$work/out"
check $? "the failure names the figure and its floor"

! run speaker "$work/floors-perfect" && grep -q 'attribution_f1 0\.0000 below floor 1\.00' \
    "$work/out"
check $? "run.sh fails when speakers are lost"

! run crash "$work/floors-perfect" && grep -q 'whosaid exited 3: fake-summary: crashing' \
    "$work/out"
check $? "a crashing summary is 'not ok' with its exit status and message"

# Recording floors from a worse run keeps the higher floors.
run drop /dev/null "$work/drop"
"$PYTHON" "$eval_dir/report" --write-floors 0 "$work/floors-perfect" \
    "$work/drop" >"$work/floors-after"
cmp -s "$work/floors-perfect" "$work/floors-after"
check $? "--write-floors never lowers a recorded floor"

[ "$failed" -eq 0 ]
