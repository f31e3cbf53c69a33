#!/bin/sh
# help-options.sh: --help lists every option getopt accepts, and getopt
# accepts every option --help lists. The accepted options are read from
# the struct option table and the short option string in ui/main.c.
. "$top_srcdir/tests/cli/tap.sh"

src=$top_srcdir/ui/main.c
"$WHOSAID" --help >"$tmp/help" 2>&1

longs=$(sed -n '/main_longopts\[\] = {/,/^};/p' "$src" |
	sed -n 's/^[[:space:]]*{ "\([a-z-]*\)".*/\1/p')
shorts=$(sed -n 's/.*main_shortopts\[\] = "\([^"]*\)".*/\1/p' "$src" |
	tr -d ':')
if [ -n "$longs" ]; then ok "long options found in main.c"; else
	not_ok "long options found in main.c"; fi
if [ -n "$shorts" ]; then ok "short options found in main.c"; else
	not_ok "short options found in main.c"; fi

nlong=0
for o in $longs; do
	nlong=$((nlong + 1))
	check "--help lists --$o" grep -Eq -- "--$o([=[:space:]]|$)" "$tmp/help"
done
for s in $(echo "$shorts" | sed 's/./& /g'); do
	check "--help lists -$s with its long form" \
		grep -Eq -- "^ +-$s, --[a-z-]+" "$tmp/help"
done

# Every option named in --help is accepted: --OPT[=VALUE] --version.
sed -n 's/^ \{1,\}-., \(--[a-z-]*\)\(=[A-Z]*\)\{0,1\}.*/\1\2/p' \
	"$tmp/help" >"$tmp/listed"
nlisted=$(wc -l <"$tmp/listed" | tr -d ' ')
if [ "$nlisted" -eq "$nlong" ]; then
	ok "--help lists as many options as the table has ($nlong)"
else
	not_ok "--help lists $nlisted options, the table has $nlong"
fi
while read -r opt; do
	case $opt in
	*=N) arg="${opt%%=*}=80" ;;
	*=FORMAT) arg="${opt%%=*}=json" ;;
	*=*) arg="${opt%%=*}=$tmp/x" ;;
	*) arg=$opt ;;
	esac
	"$WHOSAID" "$arg" --version >/dev/null 2>&1 </dev/null
	st=$?
	if [ "$st" -eq 0 ]; then ok "getopt accepts $arg"; else
		not_ok "getopt rejects $arg (exit $st)"; fi
done <"$tmp/listed"

check "--help has three examples" test \
	"$(sed -n '/^Examples:/,/^$/p' "$tmp/help" | grep -c '^  whosaid\|^  curl')" -eq 3
done_testing
