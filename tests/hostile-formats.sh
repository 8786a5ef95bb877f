#!/bin/sh
# hostile-formats.sh -- damaged and huge input for the json and ass readers:
#   1. WhisperX and whisper.cpp JSON and ASS scripts cut at every byte
#      offset of their first 64 and every 13th after: no crash, exit status
#      0 or 1, and a longer piece never gives fewer cues (a cue complete in
#      the piece is never lost);
#   2. a JSON string of 1.1 MB: that segment is skipped with a limit error,
#      the next one converted; a Dialogue line of 2 MB: a limit error;
#   3. 100 MB of Whisper JSON: converted, in less than 64 MB of memory
#      where /usr/bin/time can tell (not in a sanitizer build).
# The JSON steps need a build with yajl.
: "${top_srcdir:=.}"
: "${top_builddir:=.}"
: "${TRANSCUE:=$PWD/transcue}"
g=$top_srcdir/tests/golden
pass=0
fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

yajl=0
grep -q '^#define HAVE_YAJL 1' "$top_builddir/config.h" && yajl=1

# 1. cut at every offset (every 13th one past the first 64 bytes)
cut_all() {     # cut_all FORMAT FILE
    size=$(wc -c <"$2")
    k=0
    before=0
    worst=0
    while [ "$k" -le "$size" ]; do
        head -c "$k" "$2" >"$tmp/cut"
        # written as JSON, which holds a cue without text too
        "$TRANSCUE" -f "$1" -t json "$tmp/cut" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        n=$(grep -c '^{"id": ' "$tmp/out")
        if [ $rc -gt 1 ]; then
            bad "$(basename "$2") cut at $k: exit status $rc"
            cat "$tmp/err"
            return
        fi
        if [ "$n" -lt "$before" ]; then
            bad "$(basename "$2") cut at $k: $n cues, $before a byte before"
            return
        fi
        before=$n
        if [ "$k" -lt 64 ]; then k=$((k + 1)); else k=$((k + 13)); fi
    done
    ok
}
if [ $yajl = 1 ]; then
    cut_all json "$g/json/whisperx.json"
    cut_all json "$g/json/whispercpp.json"
fi
cut_all ass "$g/ass/movie.ass"
cut_all ass "$g/ass/old.ssa"

# 2. limits
if [ $yajl = 1 ]; then
    { printf '{"segments": [{"start": 0, "end": 1, "text": "'
      head -c 1100000 /dev/zero | tr '\0' a
      printf '"},\n{"start": 1, "end": 2, "text": "kept"}]}\n'; } |
        "$TRANSCUE" -f json >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ $rc = 1 ] && grep -q '^kept$' "$tmp/out" &&
        grep -q 'error: limit reached: segment text longer' "$tmp/err"; then
        ok
    else
        bad "1.1 MB JSON string: exit status $rc"
        cat "$tmp/err"
    fi
fi
{ printf '[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,,,0,0,0,,'
  head -c 2000000 /dev/zero | tr '\0' a; printf '\n'; } |
    "$TRANSCUE" -f ass >/dev/null 2>"$tmp/err"
rc=$?
if [ $rc = 1 ] && grep -q 'error: limit reached' "$tmp/err"; then
    ok
else
    bad "2 MB Dialogue line: exit status $rc"
    cat "$tmp/err"
fi

# 3. 100 MB of Whisper JSON, one segment of 12 timed words a line
if [ $yajl = 1 ]; then
    seg='{"start": 1.0, "end": 4.6, "text": " w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11", "words": [{"word": " w0", "start": 1.0, "end": 1.25}, {"word": " w1", "start": 1.3, "end": 1.55}, {"word": " w2", "start": 1.6, "end": 1.85}, {"word": " w3", "start": 1.9, "end": 2.15}, {"word": " w4", "start": 2.2, "end": 2.45}, {"word": " w5", "start": 2.5, "end": 2.75}, {"word": " w6", "start": 2.8, "end": 3.05}, {"word": " w7", "start": 3.1, "end": 3.35}, {"word": " w8", "start": 3.4, "end": 3.65}, {"word": " w9", "start": 3.7, "end": 3.95}, {"word": " w10", "start": 4.0, "end": 4.25}, {"word": " w11", "start": 4.3, "end": 4.6}]},'
    lines=$((100000000 / (${#seg} + 1)))
    { printf '{"segments": [\n'
      yes "$seg" | head -n "$lines"
      printf '%s\n], "language": "en"}\n' "${seg%,}"; } >"$tmp/big.json"
    # a sanitizer holds freed memory back: its size says nothing then
    if [ -x /usr/bin/time ] &&
        ! grep -q '^SAN_CFLAGS = .*-fsanitize' "$top_builddir/Makefile" \
            2>/dev/null; then
        /usr/bin/time -f '%M' -o "$tmp/rss" "$TRANSCUE" -q "$tmp/big.json" \
            -o "$tmp/big.srt"
        rc=$?
        kb=$(tail -n 1 "$tmp/rss")
    else
        "$TRANSCUE" -q "$tmp/big.json" -o "$tmp/big.srt"
        rc=$?
        kb=0
    fi
    n=$(grep -c -- ' --> ' "$tmp/big.srt" 2>/dev/null)
    if [ $rc = 0 ] && [ "$n" = $((lines + 1)) ] && [ "$kb" -lt 65536 ]; then
        ok
    else
        bad "100 MB JSON: exit status $rc, $kb KiB of memory," \
            "$n cues of $((lines + 1))"
    fi
fi

echo "hostile formats: $pass passed, $fail failed"
[ $fail = 0 ]
