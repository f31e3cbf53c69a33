#!/bin/sh
# golden.sh: the summaries of the bundled article, byte for byte: text at
# widths 80 and 50 and Markdown, against tests/data/golden/.
#
# The golden files change whenever the annotator improves. To regenerate
# them, check the diff this test prints, then run: make golden
# (which runs this script with --update).
. "$top_srcdir/tests/cli/tap.sh"

golden=$top_srcdir/tests/data/golden
update=no
[ "$1" = --update ] && update=yes

# The bundled article with its shipped index, from the source folder, so
# that the path printed is the same wherever the build is.
summary() {
	(cd "$top_srcdir" &&
		"$WHOSAID" --summary "$@" content/central-asia-referendums.txt)
}

for g in text-w80:--width=80 text-w50:--width=50 markdown:--format=markdown \
	json:--format=json; do
	name=central-asia-referendums.${g%%:*}
	case $name in
	*markdown) name=$name.md ;;
	*json) name=$name.json ;;
	*) name=$name.txt ;;
	esac
	summary ${g#*:} >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "$update" = yes ]; then
		if [ "$st" -eq 0 ]; then
			cp "$tmp/out" "$golden/$name" && ok "updated $name"
		else
			not_ok "$name: whosaid failed (exit $st)"
		fi
		continue
	fi
	if [ "$st" -ne 0 ]; then
		not_ok "$name: whosaid failed (exit $st)"
		diag "$tmp/err"
	elif cmp -s "$golden/$name" "$tmp/out"; then
		ok "$name matches"
	else
		not_ok "$name differs from tests/data/golden/$name"
		diff -u "$golden/$name" "$tmp/out" | head -60 | diag
		echo "# If the new output is right (the annotator improved),"
		echo "# regenerate the golden files with: make golden"
	fi
done

# The wrapped text keeps to its width (display columns, UTF-8 aware).
for w in 80 50; do
	summary --width=$w >"$tmp/out"
	wide=$(LC_ALL=C.UTF-8 wc -L <"$tmp/out")
	check "no line wider than $w" test "$wide" -le $w
done
done_testing
