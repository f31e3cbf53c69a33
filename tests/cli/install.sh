#!/bin/sh
# install.sh: make install DESTDIR=... installs the binary, the man page
# and content/; the installed binary finds its bundled article (its own
# installed copy, not the source tree's) with no file argument.
. "$top_srcdir/tests/cli/tap.sh"

: "${top_builddir:?run through make check}"
dest=$tmp/dest
# A test runs inside make: start a fresh make, not a job of the outer one.
(unset MAKEFLAGS MFLAGS MAKELEVEL
	${MAKE:-make} -C "$top_builddir" install DESTDIR="$dest") \
	>"$tmp/log" 2>&1
st=$?
check "make install DESTDIR=...: exit 0" test "$st" -eq 0
[ "$st" -eq 0 ] || { tail -20 "$tmp/log" | diag; done_testing; }

bin=$(find "$dest" -type f -name whosaid -path '*/bin/*' | head -1)
check "the binary is installed" test -x "$bin"
page=$(find "$dest" -type f -name whosaid.1 | head -1)
check "the man page is installed" test -f "$page"
art=$(find "$dest" -type f -name central-asia-referendums.txt | head -1)
check "the bundled article is installed" test -f "$art"
check "the article is installed unchanged" cmp -s "$art" "$ARTICLE"
if [ -f "$ARTICLE.whosaid" ]; then
	check "its index is installed beside it" cmp -s "$art.whosaid" \
		"$ARTICLE.whosaid"
else
	skip "no index shipped in content/ yet"
fi
check "the article lives under share/whosaid" \
	quiet expr "$art" : '.*/share/whosaid/' 

"$bin" </dev/null >"$tmp/installed" 2>"$tmp/err"
st=$?
check "installed, no FILE, stdout not a terminal: exit 0" test "$st" -eq 0
"$WHOSAID" --summary "$ARTICLE" >"$tmp/built"
check "... prints the text summary of the bundled article" \
	cmp -s "$tmp/built" "$tmp/installed"
"$bin" --summary --format=json </dev/null >"$tmp/json"
check "--summary with no FILE reads the installed copy" grep -q \
	"\"path\": \"$(cd "$(dirname "$art")" && pwd -P)/${art##*/}\"" \
	"$tmp/json"

# Moved elsewhere (as a package would relocate it), it still finds its
# own copy: mark the installed title and look for the mark.
sed '5s/^.*$/Installed Copy Of The Article/' "$ARTICLE" >"$art"
"$bin" --summary --no-index </dev/null >"$tmp/marked" 2>"$tmp/err"
check "it reads the installed copy, not the source tree's" \
	grep -q '^Installed Copy Of The Article' "$tmp/marked"
done_testing
