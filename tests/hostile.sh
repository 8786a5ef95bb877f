#!/bin/sh
# hostile.sh -- damaged input that is easier to make than to store:
#   1. a SubRip file cut at every byte offset: no crash, exit status 0 or 1,
#      and every line of every cue complete in the cut file comes out (the
#      reader may join a cut cue's first lines to the cue before, with a
#      warning, so whole cues are not compared);
#   2. the encoding samples cut at every offset: no crash, status 0 or 1;
#   3. a cue of 2 MB of text and a 100 MB line: a limit error, bounded
#      memory, status 1;
#   4. -o naming a FIFO writes into it instead of replacing it.
: "${top_srcdir:=.}"
: "${TRANSCUE:=$PWD/transcue}"
data=$top_srcdir/tests/data/encodings
# the canonical rendering of utf-8.srt, so input and output are the same
canon=$top_srcdir/tests/golden/encodings/utf-8.out
pass=0
fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# 1. Byte offsets just past the text line of each cue: a cut at or after
# one of them leaves that cue complete.
ends=$(awk 'BEGIN { RS = "\n"; off = 0 }
    { off += length($0) + 1; if ($0 == "" && prev != "") print off - 1;
      prev = $0 }' "$canon")
size=$(wc -c <"$canon")
k=0
while [ "$k" -le "$size" ]; do
    head -c "$k" "$canon" >"$tmp/cut.srt"
    "$TRANSCUE" -f srt "$tmp/cut.srt" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    keep=0
    for e in $ends; do
        [ "$e" -le "$k" ] && keep=$((e + 1))
    done
    if [ $rc -gt 1 ]; then
        bad "cut at $k: exit status $rc"
        cat "$tmp/err"
    elif [ "$keep" -gt 0 ] &&
        head -c "$keep" "$canon" | grep -v '^$' | grep -Fxvq -f "$tmp/out"
    then
        bad "cut at $k: the complete cues are not all in the output"
        diff "$tmp/out" "$canon" | head -n 10
    else
        ok
    fi
    k=$((k + 1))
done

# 2. Cuts inside multi-byte encodings (and CRLF)
for f in utf-16le-bom.srt utf-32be-bom.srt windows-1252-crlf.srt \
    utf-16le-nobom.srt; do
    size=$(wc -c <"$data/$f")
    k=0
    worst=0
    while [ "$k" -le "$size" ]; do
        head -c "$k" "$data/$f" >"$tmp/cut.srt"
        "$TRANSCUE" -f srt "$tmp/cut.srt" >/dev/null 2>"$tmp/err"
        rc=$?
        [ $rc -gt 1 ] && { worst=$rc; break; }
        # every offset near the mark and the first cue, then a sample
        if [ "$k" -lt 48 ]; then k=$((k + 1)); else k=$((k + 3)); fi
    done
    if [ $worst -gt 1 ]; then
        bad "$f cut at $k: exit status $worst"
        cat "$tmp/err"
    else
        ok
    fi
done

# 3. Limits
{
    printf '1\n00:00:01,000 --> 00:00:02,000\n'
    awk 'BEGIN { s = "0123456789012345678901234567890123456789"
        for (i = 0; i < 50000; i++) print s }'
} >"$tmp/bigcue.srt"
"$TRANSCUE" "$tmp/bigcue.srt" >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && grep -q 'error: limit reached: cue text longer than' \
    "$tmp/err"; then
    ok
else
    bad "2 MB cue: exit status $rc"
    cat "$tmp/err"
fi
head -c 100000000 /dev/zero | tr '\0' 'x' |
    "$TRANSCUE" -f srt - >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && grep -q '<stdin>:1: error: limit reached: line longer' \
    "$tmp/err"; then
    ok
else
    bad "100 MB line: exit status $rc"
    cat "$tmp/err"
fi

# 4. -o naming a pipe or device writes into it and leaves it in place
# (renaming a temporary file over /dev/null as root replaced it)
if mkfifo "$tmp/fifo" 2>/dev/null; then
    cat "$tmp/fifo" >"$tmp/fifo.out" &
    "$TRANSCUE" "$data/utf-8.srt" -o "$tmp/fifo" 2>"$tmp/err"
    rc=$?
    wait
    if [ $rc = 0 ] && [ -p "$tmp/fifo" ] && cmp -s "$tmp/fifo.out" "$canon"
    then
        ok
    else
        bad "-o FIFO: exit status $rc, or the FIFO was replaced"
        cat "$tmp/err"
    fi
fi

echo "hostile: $pass passed, $fail failed"
[ $fail = 0 ]
