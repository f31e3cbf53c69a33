#!/bin/sh
# index-fuzz.sh: the index libFuzzer target (the index reader, fresh and stale):
# built with clang, crashers replayed, a short run from the seeds. TAP;
# skipped without clang. See run-fuzz.sh; longer: make fuzz-index FUZZ_TIME=N.
exec ${SHELL:-/bin/sh} "${top_srcdir:?}/tests/fuzz/run-fuzz.sh" index
