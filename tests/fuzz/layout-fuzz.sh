#!/bin/sh
# layout-fuzz.sh: the layout libFuzzer target (layout at random widths, random offset look-ups):
# built with clang, crashers replayed, a short run from the seeds. TAP;
# skipped without clang. See run-fuzz.sh; longer: make fuzz-layout FUZZ_TIME=N.
exec ${SHELL:-/bin/sh} "${top_srcdir:?}/tests/fuzz/run-fuzz.sh" layout
