#!/bin/sh
# hostile-articles.sh: articles nobody should write, through every output
# (--summary in each format, --dump, --index): each gives a one-line error
# naming the file and exit 1, or a sane result and exit 0; never a crash,
# a hang or a control character on stdout. --index of each is read back
# as fresh. The articles are never written. Big inputs are made here, in
# the test's temporary folder, never committed.
. "$top_srcdir/tests/cli/tap.sh"

a=$tmp/in
mkdir "$a"
# Under valgrind (make check-valgrind sets WHOSAID_TEST_QUICK) the big
# inputs shrink: the same code paths, 25 times fewer bytes.
big=52428000 marks=100000 paras=20000
if [ -n "${WHOSAID_TEST_QUICK:-}" ]; then
	big=2097000 marks=4000 paras=800
fi

# ---- the inputs -----------------------------------------------------------
: >"$a/empty.txt"
printf '   \n\t\n \r\n\n  \t  \n' >"$a/blank.txt"
# The start of an ELF file (NUL bytes and all), and pseudo-random bytes.
head -c 65536 "$WHOSAID" >"$a/binary.bin"
LC_ALL=C awk 'BEGIN { srand(42); for (i = 0; i < 65536; i++)
	printf "%c", int(rand() * 255) + 1 }' >"$a/random.bin"
# Invalid UTF-8: a stray continuation, overlong forms of "/" and NUL, a
# UTF-16 surrogate, a code point past U+10FFFF, 0xFF, a cut sequence.
printf 'Bad \200 Bytes\n\nHe said "\300\257 \340\200\257 \300\200 \355\240\200 \364\220\200\200 \377 \376" today.\n\nEnd \342\200' \
	>"$a/invalid.txt"
printf 'Nul\000 Title\n\nMinister Ann Lee said "we\000will\000not" on Monday.\n\000\000\000\n' \
	>"$a/nul.txt"
# A small article, in UTF-8 and in UTF-16 (both byte orders) with a BOM.
sed -n '1,12p' "$ARTICLE" >"$a/utf8.txt"
if command -v iconv >/dev/null 2>&1; then
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$a/utf8.txt"; } \
		>"$a/utf16le.txt"
	{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE "$a/utf8.txt"; } \
		>"$a/utf16be.txt"
fi
# 100,000 quotation marks alone, then 100,000 around short words.
yes '"' | head -n $marks | tr -d '\n' >"$a/marks.txt"
{ printf 'Marks\n\n'; yes '"a" said Bob Lee, "b" ' | head -n $((marks / 20)) |
	tr '\n' ' '; echo; } >"$a/quotes.txt"
# A quote that opens and never closes, over 20,000 paragraphs.
{ printf 'Endless\n\nThe minister said "this goes on\n\n'
	yes 'and on, and on, with no end in sight.' | head -n $paras |
	sed 'G'; } >"$a/endless.txt"
# Terminal attacks, in the title, names, quotes and cues: CSI (clear,
# colour, leave the alternate screen, hide the cursor, report the cursor
# and the title: replies come back as input), OSC 0/2 (title), OSC 52
# (clipboard), OSC 8 (link), DCS (XTGETTCAP, DECRQSS), APC/PM/SOS, RIS,
# DECALN, C1 controls as UTF-8, and bidi controls (RLO, LRO, LRE, RLE,
# PDF, the isolates, LRM, RLM, ALM). sanitize.c shows C0/C1 controls as
# visible text (^[ and <9B>) and drops the bidi controls.
e=$(printf '\033')
st_=$(printf '\033\\')
bel=$(printf '\007')
printf '%s\n' \
	"Attack ${e}[2J${e}]0;pwned-title${bel} Title${e}[?1049l${e}[?25l" \
	"" \
	"ASTANA -- Foreign Ministry spokesman Aibek ${e}[31mSmadiyarov${e}[0m said the vote \"proceeds ${e}]52;c;cm0gLXJmIH4K${bel}from ${e}]8;;http://evil.example/${st_}the link${e}]8;;${st_} principles${e}[6n${e}[21t.\"" \
	"" \
	"\"We will ${e}P+q544e${st_}${e}P\$q\"p${st_}not recognise it,\" said Luca $(printf '\342\200\256')ihcsecnA$(printf '\342\200\254'), a lecturer at the University of Glasgow${e}_apc${st_}${e}^pm${st_}${e}Xsos${st_}." \
	"" \
	"Critics ${e}c${e}#8called$(printf '\302\233')2J the vote a \"sham$(printf '\302\235')0;pwned$(printf '\302\234').\" $(printf '\342\200\255\342\200\252\342\200\253\342\201\246\342\201\247\342\201\250\342\201\251\342\200\216\342\200\217\330\234')Mixed$(printf '\302\220')dcs$(printf '\302\237')apc" \
	>"$a/attack.txt"
# Not UTF-8 (decoded as Windows-1252): raw 8-bit C1 bytes, among them the
# five Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D).
printf 'Raw \233 2J \235 0;pwned \234 Title\n\nHe said "x\033[2J\201\215\217\220\235 y" loudly, \205 \226.\n' \
	>"$a/attack-8bit.txt"

# 50 MB on a single line (no newline at all), a quote at each end (the
# annotator costs about 1 s per 5 MB of words: kept to one JSON summary).
{ printf 'Ann Lee said "it starts here." '
	yes 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.' |
	head -c $big | tr -d '\n'
	printf ' Bob Smith said "it ends here."'; } >"$a/line50mb.txt"

cd "$a" || exit 99
for f in *; do cksum "$f"; done >"$tmp/sums.before"
cd - >/dev/null || exit 99

# ---- what every run must satisfy -----------------------------------------
c1=$(printf '\302[\200-\237]')
bidi=$(printf '\342\200[\216\217\252-\256]\\|\342\201[\246-\251]\\|\330\234')

# run MODE FILE: whosaid in MODE on FILE; sets $st.
run() {
	case $1 in
	text | markdown | json)
		set -- "$2" --summary --no-index --format="$1" ;;
	dump) set -- "$2" --dump --width=80 ;;
	index) set -- "$2" --index ;;
	esac
	run_file=$1
	shift
	timeout 600 "$WHOSAID" "$@" "$run_file" >"$tmp/out" 2>"$tmp/err" \
		</dev/null
	st=$?
}

# sane NAME MODE FILE [STATUS]: exit STATUS (0 or 1 when not given), at
# most one line "whosaid: ..." on stderr (naming the file on exit 1), and
# stdout clean: valid UTF-8, no control character but newline, no C1
# control, no bidi control; JSON that parses, whose strings hold none of
# them either.
sane() {
	run "$2" "$3"
	why=
	case $st in
	0 | 1) [ -z "$4" ] || [ "$st" -eq "$4" ] || why=" exit $st, not $4" ;;
	124) why=" timed out" ;;
	*) why=" exit $st" ;;
	esac
	[ "$(wc -l <"$tmp/err")" -le 1 ] || why="$why, several lines on stderr"
	if [ -s "$tmp/err" ] && ! grep -q '^whosaid: ' "$tmp/err"; then
		why="$why, stderr not in the form 'whosaid: ...'"
	fi
	if [ "$st" -eq 1 ] && ! grep -qF "$3" "$tmp/err"; then
		why="$why, the error does not name the file"
	fi
	n=$(count_bytes '\000-\011\013-\037\177' "$tmp/out")
	[ "$n" -eq 0 ] || why="$why, $n control bytes on stdout"
	if command -v iconv >/dev/null 2>&1 &&
		! iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null 2>&1; then
		why="$why, stdout is not UTF-8"
	fi
	if LC_ALL=C grep -q "$c1" "$tmp/out"; then why="$why, a C1 control"; fi
	if LC_ALL=C grep -q "$bidi" "$tmp/out"; then why="$why, a bidi control"; fi
	if [ "$2" = json ] && [ "$st" -eq 0 ] && [ -n "$JQ" ]; then
		if ! jq -r '.. | strings' "$tmp/out" >"$tmp/strings" 2>/dev/null; then
			why="$why, JSON that does not parse"
		else
			n=$(count_bytes '\000-\011\013-\037\177' "$tmp/strings")
			[ "$n" -eq 0 ] || why="$why, $n control characters in JSON strings"
			if LC_ALL=C grep -q "$c1\\|$bidi" "$tmp/strings"; then
				why="$why, C1 or bidi controls in JSON strings"
			fi
		fi
	fi
	if [ -z "$why" ]; then
		ok "$1: $2 (exit $st)"
	else
		not_ok "$1: $2:$why"
		head -c 2000 "$tmp/err" | diag
	fi
}
JQ=
command -v jq >/dev/null 2>&1 && JQ=jq

# roundtrip NAME FILE: after --index, the summary read from the index is
# the one computed without it, with nothing said on stderr.
roundtrip() {
	timeout 600 "$WHOSAID" --summary --format=json "$2" >"$tmp/with" \
		2>"$tmp/err" </dev/null
	timeout 600 "$WHOSAID" --summary --format=json --no-index "$2" \
		>"$tmp/without" 2>/dev/null </dev/null
	if cmp -s "$tmp/with" "$tmp/without" && [ ! -s "$tmp/err" ]; then
		ok "$1: its index reads back fresh, same summary"
	else
		not_ok "$1: its index reads back fresh, same summary"
		diag "$tmp/err"
	fi
}

# ---- files that cannot be read: one line, exit 1, nothing on stdout ------
mkdir "$a.dir"
mkfifo "$tmp/fifo" 2>/dev/null
for mode in text markdown json dump index; do
	run $mode "$tmp/nope.txt"
	check "missing file: $mode: exit 1, the usual message, no output" \
		test "$st" -eq 1 -a ! -s "$tmp/out" -a \
		"$(cat "$tmp/err")" = "whosaid: $tmp/nope.txt: No such file or directory"
	run $mode "$a.dir"
	check "a directory: $mode: exit 1, one line naming it, no output" \
		test "$st" -eq 1 -a ! -s "$tmp/out" -a \
		"$(wc -l <"$tmp/err")" -eq 1 -a \
		"$(grep -c "^whosaid: $a.dir: " "$tmp/err")" -eq 1
	run $mode /dev/zero
	check "a device (/dev/zero): $mode: exit 1 at once, one line" \
		test "$st" -eq 1 -a ! -s "$tmp/out" -a \
		"$(grep -c '^whosaid: /dev/zero: ' "$tmp/err")" -eq 1
	if [ -p "$tmp/fifo" ]; then
		run $mode "$tmp/fifo"
		check "a FIFO with no writer: $mode: exit 1, no hang" \
			test "$st" -eq 1 -a \
			"$(grep -c "^whosaid: $tmp/fifo: " "$tmp/err")" -eq 1
	fi
done
cp "$ARTICLE" "$tmp/locked.txt"
chmod 000 "$tmp/locked.txt"
if cat "$tmp/locked.txt" >/dev/null 2>&1; then
	skip "running as root: mode 000 does not stop reading a file"
else
	run text "$tmp/locked.txt"
	check "an unreadable file: exit 1, Permission denied" test "$st" -eq 1 \
		-a "$(cat "$tmp/err")" = "whosaid: $tmp/locked.txt: Permission denied"
fi
chmod 644 "$tmp/locked.txt"
# One bad file among good ones: the others still go through.
"$WHOSAID" --summary --no-index "$a/utf8.txt" "$a.dir" "$a/utf8.txt" \
	>"$tmp/out" 2>"$tmp/err" </dev/null
st=$?
check "a bad file between two good ones: exit 1, both summaries" \
	test "$st" -eq 1 -a "$(grep -c '^Quotes (' "$tmp/out")" -eq 2

# ---- odd contents: a sane result in every mode ----------------------------
for f in empty.txt blank.txt binary.bin random.bin invalid.txt nul.txt \
	utf16le.txt utf16be.txt marks.txt quotes.txt endless.txt \
	attack.txt attack-8bit.txt; do
	if [ ! -e "$a/$f" ]; then
		skip "$f: iconv not installed"
		continue
	fi
	for mode in text markdown json dump index; do
		sane "$f" $mode "$a/$f" 0
		if [ $mode = index ] && [ "$st" -eq 0 ]; then
			roundtrip "$f" "$a/$f"
		fi
	done
done
# The 50 MB line: the dump, the JSON summary and its index.
sane line50mb.txt dump "$a/line50mb.txt" 0
sane line50mb.txt json "$a/line50mb.txt" 0
check "line50mb.txt: the quotes at both ends are found" \
	test "$(grep -c '"text": "it \(starts\|ends\) here."' "$tmp/out")" -eq 2

# A paragraph of 8 MB of sentences on one line costs no more memory than
# the same words in short paragraphs: the annotator reads a long
# paragraph in pieces (peak under 4 times the file; it was 15 times).
# Measured with GNU time, in plain builds only (not under valgrind or
# AddressSanitizer, whose own memory would be counted).
if [ -n "${WHOSAID_TEST_QUICK:-}" ] || grep -q __asan_init "$WHOSAID" ||
	! [ -x /usr/bin/time ]; then
	skip "peak memory of a long paragraph: valgrind, ASan or no GNU time"
else
	{ printf 'A title\n\nAnn Lee said "it starts here." '
		yes 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. ' |
			head -n 138000 | tr -d '\n'
		printf ' Bob Smith said "it ends here."\n'; } >"$tmp/long.txt"
	/usr/bin/time -f %M -o "$tmp/kb" "$WHOSAID" --summary --no-index \
		--format=json "$tmp/long.txt" >"$tmp/out"
	kb=$(tail -n 1 "$tmp/kb")
	check "an 8 MB one-line paragraph: peak memory $kb KB < 4 x 8 MB" \
		test "$kb" -lt 32000
	check "an 8 MB one-line paragraph: both quotes found, with speakers" \
		test "$(grep -c '"speaker_name": "\(Ann Lee\|Bob Smith\)"' \
			"$tmp/out")" -eq 2
	rm -f "$tmp/long.txt"
fi

# The file is cut short while it is analysed (a large one is mapped):
# no SIGBUS, a result or an error. (Whether the cut comes while it is
# mapped depends on timing; the check holds either way.)
cp "$a/line50mb.txt" "$tmp/cut.txt"
"$WHOSAID" --summary --no-index --format=json "$tmp/cut.txt" >/dev/null \
	2>"$tmp/err" </dev/null &
pid=$!
sleep 1
: >"$tmp/cut.txt"
wait $pid
st=$?
check "a file truncated during --summary: exit 0 or 1, not a signal ($st)" \
	test "$st" -le 1
rm -f "$tmp/cut.txt"
# SIGBUS is what reading a mapped file's lost pages raises: a message
# naming the file and exit 1, not a crash.
"$WHOSAID" --summary --no-index --format=json "$a/line50mb.txt" >/dev/null \
	2>"$tmp/err" </dev/null &
pid=$!
sleep 0.3
kill -BUS $pid
wait $pid
st=$?
check "SIGBUS during --summary: exit 1 ($st)" test "$st" -eq 1
check "SIGBUS during --summary: the message names the file" \
	grep -q 'line50mb.txt: the file was cut short while it was read' \
	"$tmp/err"

# What each odd input gives, beyond "sane".
check "the attack article holds the sequences it should" \
	test "$(count_bytes '\033' "$a/attack.txt")" -ge 25
"$WHOSAID" --summary --no-index --width=200 "$a/attack.txt" >"$tmp/out"
check "attacks: their payload is shown as text (pwned-title)" \
	grep -q 'pwned-title' "$tmp/out"
check "attacks: the names are still found" grep -q "Aibek" "$tmp/out"
"$WHOSAID" --summary --no-index --width=100 "$a/nul.txt" >"$tmp/out"
check "NUL bytes: the text around them is kept" grep -q 'Ann Lee' "$tmp/out"
"$WHOSAID" --summary --no-index --format=json "$a/invalid.txt" >"$tmp/out" \
	2>"$tmp/err"
check "invalid UTF-8: still summarised" grep -q '"title": "Bad' "$tmp/out"
if [ -e "$a/utf16le.txt" ]; then
	"$WHOSAID" --summary --no-index "$a/utf8.txt" >"$tmp/want"
	for bo in le be; do
		"$WHOSAID" --summary --no-index "$a/utf16$bo.txt" >"$tmp/out" \
			2>"$tmp/err"
		check "UTF-16${bo} with a BOM: converted, the same summary as UTF-8" \
			cmp -s "$tmp/want" "$tmp/out"
	done
fi
"$WHOSAID" --dump --width=40 "$a/line50mb.txt" >"$tmp/out"
check "50 MB line: the dump wraps it to 40 columns" \
	test "$(awk 'length > 40' "$tmp/out" | wc -l)" -eq 0 -a \
	"$(wc -l <"$tmp/out")" -gt $((big / 50))
rm -f "$tmp/out"

# ---- hostile file names: messages and stdout stay clean --------------------
# A file's name comes from whoever named it (a glob over a download
# folder): its escapes must not reach the terminal through a message.
evil=$tmp/names
mkdir "$evil"
n1="$evil/x$(printf '\033]0;pwned\007\033[2J\302\233')y.txt"
n2="$evil/missing$(printf '\033[31m\nnext')"
cp "$a/utf8.txt" "$n1"
for mode in text markdown json dump index; do
	run $mode "$n1"
	cp "$tmp/out" "$tmp/out1"
	cp "$tmp/err" "$tmp/err1"
	run $mode "$n2"
	check "an ESC in a file name, $mode: exit 1 for the missing one" \
		test "$st" -eq 1
	check "an ESC in a file name, $mode: no control byte on stdout or stderr" \
		test "$(cat "$tmp/out1" "$tmp/err1" "$tmp/out" "$tmp/err" |
		count_bytes '\000-\011\013-\037\177' /dev/stdin)" -eq 0
	check "an ESC in a file name, $mode: the error is one line" \
		test "$(wc -l <"$tmp/err")" -eq 1
done
# A name that starts with a dash is taken for an option: said clean too.
for opt in "-$(printf '\033[2J')" "--x$(printf '\033]0;pwned\007')" \
	"--width$(printf '=\033[2J')"; do
	"$WHOSAID" --summary "$opt" >"$tmp/out" 2>"$tmp/err" </dev/null
	st=$?
	check "an option with an ESC: exit 2, no control byte on stderr" \
		test "$st" -eq 2 -a \
		"$(count_bytes '\000-\011\013-\037\177' "$tmp/err")" -eq 0
done
rm -rf "$evil"

# ---- the article is never written -------------------------------------------
cd "$a" || exit 99
for f in *; do
	case $f in *.whosaid) continue ;; esac
	cksum "$f"
done >"$tmp/sums.after"
cd - >/dev/null || exit 99
check "no input was written or truncated by any command" \
	cmp -s "$tmp/sums.before" "$tmp/sums.after"
rm -rf "$a"
done_testing
