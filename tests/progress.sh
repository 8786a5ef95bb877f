#!/bin/sh
# progress.sh -- the progress line of a batch: drawn with \r on standard
# error when it is a terminal (a pseudo-terminal from script(1)), cleared
# before the summary line; absent when standard error is a file, and with
# --quiet.
: "${TRANSCUE:=$PWD/transcue}"
command -v script >/dev/null 2>&1 || { echo "SKIP: no script(1)"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
cr=$(printf '\r')

cd "$tmp" || exit 99
for i in 1 2 3; do
    printf '1\n00:00:01,000 --> 00:00:02,000\nFile %s.\n\n' $i > f$i.srt
done
export TRANSCUE

# on a terminal: script(1) gives the command one and copies what it
# writes there (CR LF for each newline) to its own standard output
script -qec '"$TRANSCUE" -j 1 -d out f1.srt f2.srt f3.srt' /dev/null \
    > tty.txt 2>&1 </dev/null
tr -d '\n' < tty.txt | tr '\r' '\n' > lines.txt
if grep -q '^transcue: 0/3 files, 0 failed, 0 files/s: f1.srt' lines.txt; then
    ok
else
    bad "no progress line on a terminal:"; cat -v tty.txt
fi
# cleared: the last redraw is spaces only, then the summary
if tail -n 2 lines.txt | head -n 1 | grep -q '^ *$' &&
   tail -n 1 lines.txt | grep -q '^transcue: 3 files converted, 0 failed$'
then
    ok
else
    bad "progress line not cleared before the summary:"; cat -v tty.txt
fi

# -j 4 draws one too
script -qec '"$TRANSCUE" -j 4 -d out4 f1.srt f2.srt f3.srt' /dev/null \
    > tty4.txt 2>&1 </dev/null
if grep -q "${cr}transcue: 0/3 files" tty4.txt; then
    ok
else
    bad "no progress line with -j 4:"; cat -v tty4.txt
fi

# --quiet on a terminal: nothing at all
script -qec '"$TRANSCUE" -q -d outq f1.srt f2.srt f3.srt' /dev/null \
    > ttyq.txt 2>&1 </dev/null
if [ ! -s ttyq.txt ]; then
    ok
else
    bad "--quiet wrote to the terminal:"; cat -v ttyq.txt
fi

# standard error a file: the summary only
"$TRANSCUE" -d outf f1.srt f2.srt f3.srt 2> err.txt
if [ "$(cat err.txt)" = "transcue: 3 files converted, 0 failed" ]; then
    ok
else
    bad "standard error to a file holds more than the summary:"
    cat -v err.txt
fi

# one input: no progress, no summary
script -qec '"$TRANSCUE" -d out1 f1.srt' /dev/null > tty1.txt 2>&1 </dev/null
if [ ! -s tty1.txt ]; then
    ok
else
    bad "one input drew progress or a summary:"; cat -v tty1.txt
fi

echo "progress: $pass passed, $fail failed"
[ $fail = 0 ]
