#!/bin/sh
# summary-fuzz.sh: the summary libFuzzer target (the JSON summary parsed back against its schema; text, Markdown):
# built with clang, crashers replayed, a short run from the seeds. TAP;
# skipped without clang. See run-fuzz.sh; longer: make fuzz-summary FUZZ_TIME=N.
exec ${SHELL:-/bin/sh} "${top_srcdir:?}/tests/fuzz/run-fuzz.sh" summary
