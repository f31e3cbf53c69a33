#!/bin/sh
# json-schema.sh: the JSON summary of the bundled article, key by key
# against the schema of DESIGN.md ("Summary JSON"), and its offsets
# against the file's bytes.
. "$top_srcdir/tests/cli/tap.sh"

if ! command -v jq >/dev/null 2>&1; then
	skip "jq not installed (./bootstrap installs it)"
	done_testing
fi

"$WHOSAID" --summary --format=json "$ARTICLE" >"$tmp/s.json"
check "exit 0 and valid JSON" quiet jq -e . "$tmp/s.json"

# jq -e EXPR: ok when EXPR is true for the summary.
expect() {
	tap_d=$1
	shift
	if jq -e "$@" "$tmp/s.json" >/dev/null 2>"$tmp/jqerr"; then
		ok "$tap_d"
	else
		not_ok "$tap_d"
		diag "$tmp/jqerr"
	fi
}
str_or_null='(type == "string" or type == "null")'

expect "one object" 'type == "object"'
expect "format is whosaid-summary" '.format == "whosaid-summary"'
expect "version is 1" '.version == 1'
expect "article is an object" '.article | type == "object"'
expect "article.path is the path given" --arg p "$ARTICLE" '.article.path == $p'
for k in title byline dateline; do
	expect "article.$k is a string or null" ".article.$k | $str_or_null"
done
expect "article.title is found" '.article.title | type == "string"'
expect "article.bytes is the file size" --argjson n "$(wc -c <"$ARTICLE")" \
	'.article.bytes == $n'
expect "article.words is a positive integer" \
	'.article.words | type == "number" and . > 0 and floor == .'
expect "actors is a non-empty array" '.actors | type == "array" and length > 0'
expect "quotes is a non-empty array" '.quotes | type == "array" and length > 0'

expect "actor ids are A1, A2, ... in order" \
	'[.actors | to_entries[] | .value.id == "A\(.key + 1)"] | all'
expect "actor names are non-empty strings" \
	'[.actors[].name | type == "string" and length > 0] | all'
expect "actor kinds are from the list" \
	'[.actors[].kind | IN("person", "country", "organization", "group", "anonymous")] | all'
for k in role affiliation position; do
	expect "actor $k is a string or null" "[.actors[].$k | $str_or_null] | all"
done
expect "actor aliases are arrays of strings" \
	'[.actors[].aliases | type == "array" and all(type == "string")] | all'
expect "actor mentions are integers >= 0" \
	'[.actors[].mentions | type == "number" and . >= 0 and floor == .] | all'
expect "actor quotes are arrays of quote ids" \
	'[.quotes[].id] as $q | [.actors[].quotes | type == "array" and all(IN($q[]))] | all'
expect "an actor's quotes are exactly those it speaks" \
	'. as $s | [.actors[] | .id as $a | .quotes == [$s.quotes[] | select(.speaker == $a) | .id]] | all'

expect "quote ids are Q1, Q2, ... in order" \
	'[.quotes | to_entries[] | .value.id == "Q\(.key + 1)"] | all'
expect "quote text is a non-empty string" \
	'[.quotes[].text | type == "string" and length > 0] | all'
expect "quote start < end, integers within the file" \
	'.article.bytes as $n | [.quotes[] | (.start | floor == .) and .start < .end and .end <= $n] | all'
expect "quotes are sorted by start" '[.quotes[].start] | . == sort'
expect "quote speaker is an actor id or null" \
	'[.actors[].id] as $a | [.quotes[].speaker | . == null or IN($a[])] | all'
expect "speaker_name is the speaker's name, null with no speaker" \
	'(.actors | map({(.id): .name}) | add) as $n | [.quotes[] | if .speaker == null then .speaker_name == null else .speaker_name == $n[.speaker] end] | all'
expect "quote cue is a string or null" "[.quotes[].cue | $str_or_null] | all"
expect "quote kind is direct, partial or scare" \
	'[.quotes[].kind | IN("direct", "partial", "scare")] | all'
expect "confidence is a number from 0 to 1" \
	'[.quotes[].confidence | type == "number" and . >= 0 and . <= 1] | all'
expect "every quote object has the nine keys" \
	'[.quotes[] | has("id", "text", "start", "end", "speaker", "speaker_name", "cue", "kind", "confidence")] | all'
expect "every actor object has the ten keys" \
	'[.actors[] | has("id", "name", "kind", "role", "affiliation", "aliases", "position", "quotes", "mentions")] | all'

# start/end are file offsets: the bytes there are the quote's text.
bad=0
n=0
jq -r '.quotes[] | "\(.start) \(.end) \(.text | @base64)"' "$tmp/s.json" |
	while read -r start end text; do
		tail -c +$((start + 1)) "$ARTICLE" | head -c $((end - start)) \
			>"$tmp/bytes"
		printf '%s' "$text" | base64 -d >"$tmp/text"
		cmp -s "$tmp/bytes" "$tmp/text" || echo "$start $end"
	done >"$tmp/bad"
check "every quote's start..end holds its text" test ! -s "$tmp/bad"
[ -s "$tmp/bad" ] && diag "$tmp/bad"

# Offsets stay file offsets for a Windows-1252 file: quote 1 is the word
# after a one-byte curly quote (0x93), two bytes into the text per é.
printf 'T\351t\351\n\nThe minister said: \223We will win.\224\n' >"$tmp/w.txt"
"$WHOSAID" --summary --no-index --format=json "$tmp/w.txt" >"$tmp/w.json"
start=$(jq '.quotes[0].start // -1' "$tmp/w.json")
check "cp1252: quote start is a file offset" \
	test "$start" -eq "$(LC_ALL=C grep -abo 'We will' "$tmp/w.txt" | cut -d: -f1)"
done_testing
