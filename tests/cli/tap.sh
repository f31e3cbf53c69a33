# tap.sh: helpers for the shell tests of the command line (sourced).
# Each test prints TAP: "ok N - what", "not ok N - what", the plan last.
# $WHOSAID is the binary and $top_srcdir the sources (make check sets both).

: "${WHOSAID:?run through make check (WHOSAID unset)}"
: "${top_srcdir:?run through make check (top_srcdir unset)}"

tap_n=0
ARTICLE=$top_srcdir/content/central-asia-referendums.txt
tmp=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-test.XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

ok() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $*"
}

not_ok() {
	tap_n=$((tap_n + 1))
	echo "not ok $tap_n - $*"
}

skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - # SKIP $*"
}

# check "description" command...: ok when the command succeeds.
check() {
	tap_desc=$1
	shift
	if "$@"; then ok "$tap_desc"; else not_ok "$tap_desc"; fi
}

# Run a command with its output thrown away (for check).
quiet() {
	"$@" >/dev/null 2>&1
}

# Print a file as TAP comments (for failure details).
diag() {
	sed 's/^/# /' "$@"
}

# exits "description" STATUS command...: ok when the command exits STATUS.
exits() {
	tap_desc=$1
	tap_want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	tap_got=$?
	if [ "$tap_got" -eq "$tap_want" ]; then
		ok "$tap_desc (exit $tap_want)"
	else
		not_ok "$tap_desc (exit $tap_got, want $tap_want)"
		diag "$tmp/err"
	fi
}

# The number of bytes of a set (tr syntax) in a file.
count_bytes() {
	LC_ALL=C tr -d -c "$1" <"$2" | wc -c | tr -d ' '
}

done_testing() {
	echo "1..$tap_n"
	exit 0
}
