#!/bin/sh
# live.sh -- transcue in a live pipe.  A writer feeds a FIFO the first cues
# of a transcript and keeps it open, as a speech recogniser does between
# two lines; the first converted cue must come out before the writer goes
# on.  Every read blocks: a cue held back shows as a read that only ends
# when timeout(1) stops transcue (LIVE_TIMEOUT, 60 s), never as a measured
# duration, so a slow machine cannot make the test fail.
: "${TRANSCUE:=$PWD/transcue}"
limit=${LIVE_TIMEOUT:-60}
command -v timeout >/dev/null 2>&1 || { echo "SKIP: no timeout(1)"; exit 77; }
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# a transcue stopped by the timeout must not take this script with it
trap '' PIPE
pass=0
fail=0
nl='
'

# live NAME 'FIRST' 'WANT' 'REST' 'WANT_ALL' ARGS...: feed FIRST, read as
# many lines as WANT has, compare; then feed REST, end the input, and
# compare the whole output with WANT_ALL.
live() {
    name=$1 first=$2 want=$3 rest=$4 want_all=$5
    shift 5
    rm -f "$tmp/in" "$tmp/out"
    mkfifo "$tmp/in" "$tmp/out" || exit 99
    timeout "$limit" "$TRANSCUE" "$@" <"$tmp/in" >"$tmp/out" \
        2>"$tmp/err" &
    pid=$!
    exec 3>"$tmp/in" 4<"$tmp/out"
    printf '%s' "$first" >&3
    got=
    n=$(printf '%s' "$want" | wc -l)
    while [ "$n" -gt 0 ] && IFS= read -r line <&4; do
        got=$got$line$nl
        n=$((n - 1))
    done
    ok=1
    if [ "$got" != "$want" ]; then
        echo "FAIL: $name: the first cue did not come out while the" \
             "writer waited; read:"
        printf '%s' "$got"
        ok=0
    fi
    printf '%s' "$rest" >&3
    exec 3>&-
    cat <&4 >"$tmp/tail"
    exec 4<&-
    wait $pid
    rc=$?
    printf '%s' "$want_all" >"$tmp/want"
    printf '%s' "$got" | cat - "$tmp/tail" >"$tmp/all"
    if [ $rc != 0 ]; then
        echo "FAIL: $name: exit status $rc"
        cat "$tmp/err"
        ok=0
    elif ! cmp -s "$tmp/want" "$tmp/all"; then
        echo "FAIL: $name: whole output differs:"
        diff -u "$tmp/want" "$tmp/all"
        ok=0
    fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
}

srt1='1
00:00:01,000 --> 00:00:02,500
Hello there.

'
srt2='2
00:00:03,000 --> 00:00:04,000
Second cue.

'
srt3='3
00:00:05,000 --> 00:00:06,000
Third.

'
all=$srt1$srt2$srt3

# SubRip: a cue may go on after a blank line in a file, but a live
# producer that pauses after the blank line has finished it
live srt "$srt1$srt2" "$srt1" "$srt3" "$all" -f srt -t srt
live srt-one "$srt1" "$srt1" "$srt2$srt3" "$all" -f srt -t srt
# text that comes after the pause is too late for the cue: left out, with
# a warning, and the rest goes on
live srt-late "$srt1" "$srt1" "more text

$srt2$srt3" "$all" -f srt -t srt
# WebVTT: the blank line ends a cue, so one cue is enough
live vtt 'WEBVTT

00:00:01.000 --> 00:00:02.500
Hello there.

' "$srt1" '00:00:03.000 --> 00:00:04.000
Second cue.

00:00:05.000 --> 00:00:06.000
Third.
' "$all" -f vtt -t srt
# Whisper: a segment may go on on the next line in a file, but not after
# a live recogniser's pause
live whisper '[00:00:01.000 --> 00:00:02.500]   Hello there.
[00:00:03.000 --> 00:00:04.000]   Second cue.
' "$srt1" '[00:00:05.000 --> 00:00:06.000]   Third.
' "$all" -f whisper -t srt
live whisper-one '[00:00:01.000 --> 00:00:02.500]   Hello there.
' "$srt1" '[00:00:03.000 --> 00:00:04.000]   Second cue.
[00:00:05.000 --> 00:00:06.000]   Third.
' "$all" -f whisper -t srt
# YouTube: a fragment ends when the next one starts
live youtube '0:01 Hello there.
0:03 Second cue.
' '1
00:00:01,000 --> 00:00:03,000
Hello there.

' '0:05 Third.
' '1
00:00:01,000 --> 00:00:03,000
Hello there.

2
00:00:03,000 --> 00:00:05,000
Second cue.

3
00:00:05,000 --> 00:00:06,000
Third.

' -f youtube -t srt
# a filter that needs no context holds nothing back (with the language
# named: finding it out holds the first cues back, see lang.h)
live vtt-nonspeech 'WEBVTT

00:00:01.000 --> 00:00:02.500
Hello there. [Music]

' "$srt1" '00:00:03.000 --> 00:00:04.000
Second cue.

00:00:05.000 --> 00:00:06.000
Third.
' "$all" -f vtt -t srt --lang=en -F nonspeech -F wrap
# a filter that needs the language, not named: from a live input the
# look-ahead that finds it out holds at most 10 s of the input's time
# (and fillers itself holds one cue, which may give its time to the cue
# before when it is nothing but fillers)
w5='[00:00:00.000 --> 00:00:02.000]   Zero.
[00:00:03.000 --> 00:00:05.000]   Three.
[00:00:06.000 --> 00:00:08.000]   Six.
[00:00:09.000 --> 00:00:11.000]   Nine.
[00:00:12.000 --> 00:00:14.000]   Twelve.
'
s5='1
00:00:00,000 --> 00:00:02,000
Zero.

2
00:00:03,000 --> 00:00:05,000
Three.

3
00:00:06,000 --> 00:00:08,000
Six.

4
00:00:09,000 --> 00:00:11,000
Nine.

'
live whisper-lang "$w5" "$s5" '[00:00:15.000 --> 00:00:17.000]   Fifteen.
' "${s5}5
00:00:12,000 --> 00:00:14,000
Twelve.

6
00:00:15,000 --> 00:00:17,000
Fifteen.

" -f whisper -t srt -F fillers

# without --from the format is told from the first complete lines: a live
# input is not made to wait for the few KiB a file's detection reads
live srt-detected "$srt1$srt2" "$srt1" "$srt3" "$all" -t srt
live whisper-detected '[00:00:01.000 --> 00:00:02.500]   Hello there.
[00:00:03.000 --> 00:00:04.000]   Second cue.
' "$srt1" '[00:00:05.000 --> 00:00:06.000]   Third.
' "$all"
live youtube-detected '0:01 Hello there.
0:03 Second cue.
' '1
00:00:01,000 --> 00:00:03,000
Hello there.

' '0:05 Third.
' '1
00:00:01,000 --> 00:00:03,000
Hello there.

2
00:00:03,000 --> 00:00:05,000
Second cue.

3
00:00:05,000 --> 00:00:06,000
Third.

'

# the reader of the output goes away: endless input is not read on for
# nothing, and the run ends without a message, with status 1
( yes '[00:00:01.000 --> 00:00:02.000]   word' 2>/dev/null |
  timeout "$limit" "$TRANSCUE" -f whisper 2>"$tmp/err"
  echo $? >"$tmp/rc" ) | head -n 4 >/dev/null
if [ "$(cat "$tmp/rc")" = 1 ] && [ ! -s "$tmp/err" ]; then
    pass=$((pass + 1))
else
    echo "FAIL: closed output: exit status $(cat "$tmp/rc") (124: it read on)"
    cat "$tmp/err"
    fail=$((fail + 1))
fi

echo "live: $pass passed, $fail failed"
[ $fail = 0 ]
