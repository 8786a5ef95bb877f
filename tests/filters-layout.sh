#!/bin/sh
# filters-layout.sh -- the word guarantee and the profile limits, checked by
# tests/tools/cuecheck on the reviewed expected output of every golden case
# in tests/golden/filters-layout/ and tests/golden/lang/ (and cuecheck's
# own cases, listed in cuecheck.cases in each): CASE.cmd names its input
# (the first word ending in .srt, .vtt, .ttml or .txt), CASE.out is its
# output, and CASE.cuecheck (optional) holds cuecheck's options (default:
# the words only).  Then the two samples through --clean, when this build
# can read them and has every filter of the preset: the words, the limits,
# and their readability.
#
# Readability, measured by cuecheck --readability with word lists of its
# own (not the library's), and the figures expected of the cleaned samples:
#   line breaks right after a word that opens a phrase    at most 3 %
#   cue ends right after such a word                      at most 3 %
#   cues faster than 20 characters a second (netflix)     at most 3 %
#   cues of one or two words                              at most 0.5 %
#   stutters of the input left                            at most 10 %
#   cues that end a sentence (punctuated sample only)     at least 60 %
# When this was written: youtube 0.8, 0.0, 0.8, 0.0, 3.2 %; whisper 0.3,
# 0.3, 1.9, 0.4, 3.8 % and 62.3 % of cues ending a sentence, of the at most
# 70.8 % that can (its longer sentences need more than one cue).
: "${top_srcdir:=.}"
: "${top_builddir:=.}"
top_builddir=$(cd "$top_builddir" && pwd)
: "${TRANSCUE:=$top_builddir/transcue}"
CUECHECK=${CUECHECK:-$top_builddir/tests/tools/cuecheck}
pass=0
fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
for cmd in "$top_srcdir"/tests/golden/filters-layout/*.cmd \
    "$top_srcdir"/tests/golden/lang/*.cmd; do
    [ -e "$cmd" ] || continue
    case_=${cmd%.cmd}
    dir=$(dirname "$cmd")
    in=
    for w in $(cat "$cmd"); do
        case $w in
        *.srt|*.vtt|*.ttml|*.txt) in=$w; break ;;
        esac
    done
    if [ -f "$case_.rc" ] && [ "$(cat "$case_.rc")" != 0 ]; then
        continue                       # a failing run has no output
    fi
    opts=--words-only
    [ -f "$case_.cuecheck" ] && opts=$(cat "$case_.cuecheck")
    if [ -z "$in" ] || [ ! -f "$case_.out" ]; then
        echo "FAIL: $(basename "$case_"): no input or no .out"
        fail=$((fail + 1))
        continue
    fi
    cp "$case_.out" "$tmp/out.srt"
    if (cd "$dir" && "$CUECHECK" $opts "$in" "$tmp/out.srt") \
        >"$tmp/report" 2>&1; then
        pass=$((pass + 1))
    else
        echo "FAIL: $(basename "$case_"): cuecheck $opts"
        cat "$tmp/report"
        fail=$((fail + 1))
    fi
done
# cuecheck itself must catch what it is there to catch
for area in filters-layout lang; do
    grep -v '^#' "$top_srcdir/tests/golden/$area/cuecheck.cases" |
        sed "s|^|$area |"
done | while read -r area want args; do
    # shellcheck disable=SC2086
    (cd "$top_srcdir/tests/golden/$area" && "$CUECHECK" $args) \
        >"$tmp/report" 2>&1
    rc=$?
    if { [ "$want" = pass ] && [ $rc = 0 ]; } ||
        { [ "$want" = fail ] && [ $rc = 1 ]; }; then
        echo pass
    else
        echo "FAIL: cuecheck $args: exit status $rc, expected $want" >&2
        cat "$tmp/report" >&2
        echo fail
    fi
done >"$tmp/cases"
pass=$((pass + $(grep -c '^pass' "$tmp/cases")))
fail=$((fail + $(grep -c '^fail' "$tmp/cases")))
for sample in youtube-transcript.txt whisper-transcript.txt; do
    s=$top_srcdir/examples/$sample
    [ -f "$s" ] || continue
    if ! "$TRANSCUE" -q --clean "$s" -o "$tmp/clean.srt" 2>"$tmp/err"; then
        pat='cannot tell the input format\|format cannot be read'
        pat="$pat\\|filter [a-z]*: not supported"
        if grep -q "$pat" "$tmp/err"; then
            echo "skipped: $sample through --clean (not in this build)"
            continue
        fi
        echo "FAIL: $sample: transcue --clean failed"
        cat "$tmp/err"
        fail=$((fail + 1))
        continue
    fi
    if "$CUECHECK" --profile netflix "$s" "$tmp/clean.srt" >"$tmp/report"; then
        pass=$((pass + 1))
    else
        echo "FAIL: $sample through --clean:"
        cat "$tmp/report"
        fail=$((fail + 1))
    fi
    if "$CUECHECK" --profile netflix --readability --max-open-breaks 3 \
        --max-open-ends 3 --max-fast 3 --max-short 0.5 --max-stutters 10 \
        --min-sentence-ends 60 "$s" "$tmp/clean.srt" >"$tmp/report"; then
        pass=$((pass + 1))
        cat "$tmp/report"
    else
        echo "FAIL: $sample through --clean is not readable enough:"
        cat "$tmp/report"
        fail=$((fail + 1))
    fi
done
echo "filters-layout: $pass passed, $fail failed"
[ $pass -gt 0 ] && [ $fail = 0 ]
