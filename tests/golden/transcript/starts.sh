#!/bin/sh
# starts.sh A B -- do two transcripts (whisper or youtube style, "-" for
# standard input) hold the same words at the same start times, in the same
# order?  End times and blank lines do not count, and fragments that share
# a start count as one (a writer may have joined them).  Prints "same N
# start times" or the first differences.
norm() {
    sed -e '/^[[:space:]]*$/d' \
        -e 's/^\[\([0-9:.]*\) --> [0-9:.]*\]/[\1]/' "$1" |
    awk '{ t = $1; $1 = ""; sub(/^ +/, "");
           if (NR > 1 && t == last) { text = text " " $0; next }
           if (NR > 1) print last " " text
           last = t; text = $0 }
         END { if (NR > 0) print last " " text }'
}
a=$(norm "$1") || exit 2
b=$(norm "$2") || exit 2
if [ "$a" = "$b" ]; then
    echo "same $(printf '%s\n' "$a" | wc -l | tr -d ' ') start times"
else
    printf '%s\n' "$a" > "${TMPDIR:-/tmp}/starts.$$.a"
    printf '%s\n' "$b" | diff "${TMPDIR:-/tmp}/starts.$$.a" - | head -n 20
    rm -f "${TMPDIR:-/tmp}/starts.$$.a"
    exit 1
fi
