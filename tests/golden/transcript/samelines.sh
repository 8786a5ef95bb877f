#!/bin/sh
# samelines.sh A B -- are two files (or "-" for standard input) the same
# lines, blank lines aside?  Prints "same N lines" or the differences.
a=$(sed '/^[[:space:]]*$/d' "$1") || exit 2
b=$(sed '/^[[:space:]]*$/d' "$2") || exit 2
if [ "$a" = "$b" ]; then
    echo "same $(printf '%s\n' "$a" | wc -l | tr -d ' ') lines"
else
    printf '%s\n' "$a" > "${TMPDIR:-/tmp}/samelines.$$.a"
    printf '%s\n' "$b" | diff "${TMPDIR:-/tmp}/samelines.$$.a" - | head -n 20
    rm -f "${TMPDIR:-/tmp}/samelines.$$.a"
    exit 1
fi
