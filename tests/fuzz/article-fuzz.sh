#!/bin/sh
# article-fuzz.sh: the article libFuzzer target (decoding, blocks, layout at several widths, offset mapping, dump):
# built with clang, crashers replayed, a short run from the seeds. TAP;
# skipped without clang. See run-fuzz.sh; longer: make fuzz-article FUZZ_TIME=N.
exec ${SHELL:-/bin/sh} "${top_srcdir:?}/tests/fuzz/run-fuzz.sh" article
