#!/bin/sh
# shipped.sh: the index shipped in content/ must be what `make content`
# makes now: fresh for the article, with the curated positions, and
# otherwise exactly what the annotator computes today. TAP.
set -u

: "${top_srcdir:?}" "${top_builddir:?}" "${WHOSAID:?}"
tool=$top_builddir/tests/index/index-tool
article=$top_srcdir/content/central-asia-referendums.txt
index=$article.whosaid
countries="Kazakhstan Uzbekistan Kyrgyzstan Tajikistan Turkmenistan China Russia"
fix="run make content (it recomputes the index and keeps the curated entries), then commit content/"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/shipped.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME=$tmp/cache
export XDG_CACHE_HOME

echo 1..5
n=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() {
	n=$((n + 1))
	echo "not ok $n - $1"
	shift
	for line in "$@"; do printf '%s\n' "$line" | sed 's/^/# /'; done
}

# 1. It is there and it is an index of this very article.
if out=$("$tool" status "$article" "$index" 2>&1); then
	ok "shipped index is fresh for the article"
else
	notok "shipped index is fresh for the article" "$out" \
	    "the shipped index is stale or unusable: $fix"
fi

# 2. It carries a curated, anchored position for each country.
if out=$("$tool" curated "$index" $countries 2>&1); then
	ok "curated positions for $countries"
else
	notok "curated positions for the seven countries" "$out" \
	    "add them to $index with \"position_curated\": true"
fi

# 3. Recomputing it (whosaid --index, as make content does) changes
#    nothing: the non-curated part is what the annotator computes now.
cp "$article" "$tmp/a.txt" && cp "$index" "$tmp/a.txt.whosaid"
if ! out=$("$WHOSAID" --index "$tmp/a.txt" 2>&1); then
	notok "recomputed index equals the shipped one" "$out"
elif diff=$("$tool" compare "$index" "$tmp/a.txt.whosaid" 2>&1); then
	ok "recomputed index equals the shipped one"
else
	notok "recomputed index equals the shipped one" \
	    "first difference (shipped against recomputed): $diff" \
	    "the annotator changed since content/ was made: $fix"
fi

# 4. Byte for byte too (the file is what whosaid writes, not hand-made).
if cmp -s "$index" "$tmp/a.txt.whosaid"; then
	ok "shipped index is byte for byte what whosaid writes"
else
	notok "shipped index is byte for byte what whosaid writes" "$fix"
fi

# 5. It follows the schema of doc/index-format.md.
schema_check() {
	python3 - "$top_srcdir/doc/index-format.md" "$index" <<'EOF'
import json, re, sys
import jsonschema
doc = open(sys.argv[1], encoding="utf-8").read()
schema = json.loads(re.findall(r"```json\n(.*?)```", doc, re.S)[-1])
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.Draft202012Validator(schema).validate(
    json.load(open(sys.argv[2], encoding="utf-8")))
EOF
}
if ! python3 -c 'import jsonschema' 2>/dev/null; then
	echo "ok 5 # SKIP python3 with jsonschema not found"
elif out=$(schema_check 2>&1); then
	ok "shipped index follows the JSON Schema in doc/index-format.md"
else
	notok "shipped index follows the JSON Schema in doc/index-format.md" \
	    "$(printf '%s\n' "$out" | tail -n 5)"
fi
