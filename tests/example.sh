#!/bin/sh
# example.sh -- examples/edit.c (built by make check, or given as $EDIT)
# prints the WebVTT of tests/api/edit.out: it parsed a buffer, edited the
# cues and wrote another format to memory.
: "${top_srcdir:=.}" "${top_builddir:=.}"
edit=${EDIT:-$top_builddir/examples/edit}
out=$("$edit") || { echo "example.sh: FAIL: $edit exited with $?"; exit 1; }
if [ "$out" != "$(cat "$top_srcdir/tests/api/edit.out")" ]; then
    echo "example.sh: FAIL: $edit printed:"
    printf '%s\n' "$out"
    exit 1
fi
echo "example.sh: ok"
