#!/bin/sh
# starts.sh A B -- do two transcripts (whisper or youtube style, "-" for
# standard input) hold the same fragments: the same start times and texts,
# in the same order?  End times and blank lines do not count.  Prints
# "same N fragments" or the first differences.
norm() {
    sed -e '/^[[:space:]]*$/d' \
        -e 's/^\[\([0-9:.]*\) --> [0-9:.]*\]/[\1]/' "$1"
}
a=$(norm "$1") || exit 2
b=$(norm "$2") || exit 2
if [ "$a" = "$b" ]; then
    echo "same $(printf '%s\n' "$a" | wc -l | tr -d ' ') fragments"
else
    printf '%s\n' "$a" > "${TMPDIR:-/tmp}/starts.$$.a"
    printf '%s\n' "$b" | diff "${TMPDIR:-/tmp}/starts.$$.a" - | head -n 20
    rm -f "${TMPDIR:-/tmp}/starts.$$.a"
    exit 1
fi
