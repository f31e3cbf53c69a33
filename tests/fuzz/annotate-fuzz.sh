#!/bin/sh
# annotate-fuzz.sh: the annotate libFuzzer target (the whole annotator and the model's invariants):
# built with clang, crashers replayed, a short run from the seeds. TAP;
# skipped without clang. See run-fuzz.sh; longer: make fuzz-annotate FUZZ_TIME=N.
exec ${SHELL:-/bin/sh} "${top_srcdir:?}/tests/fuzz/run-fuzz.sh" annotate
