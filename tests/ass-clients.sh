#!/bin/sh
# ass-clients.sh -- the ASS that transcue writes, read by other programs:
#   1. ffmpeg's ass decoder (ffmpeg -i out.ass -f srt): the same cues as
#      transcue's own SubRip of the input -- times (to the centisecond ASS
#      keeps), and text without markup;
#   2. libass, where its headers and a font are installed: each event
#      rendered alone (tests/tools/asscheck.c) is drawn, at the time
#      transcue's SubRip gives, at the top of the frame when the SubRip
#      cue is placed at the top ({\an7} {\an8} {\an9}) and at the bottom
#      otherwise.
# A step whose program is missing is skipped, saying so; with neither the
# script exits 77 (skipped).
: "${top_srcdir:=.}"
: "${TRANSCUE:=$PWD/transcue}"
: "${CC:=cc}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
skip=0
g=$top_srcdir/tests/golden
inputs="$g/ass/rt.ass $g/ass/movie.ass $g/ass/escapes.srt $g/ass/karaoke.vtt
    $g/text/talk.srt $top_srcdir/examples/talk.srt"

have_ffmpeg=0
command -v ffmpeg >/dev/null 2>&1 && have_ffmpeg=1
have_libass=0
if pkg-config --exists libass 2>/dev/null &&
    fc-list 2>/dev/null | grep -q . &&
    $CC -o "$tmp/asscheck" "$top_srcdir/tests/tools/asscheck.c" \
        $(pkg-config --cflags --libs libass) 2>"$tmp/cc.err"; then
    have_libass=1
fi
[ $have_ffmpeg = 1 ] || echo "skipped: ffmpeg is not installed"
[ $have_libass = 1 ] || echo "skipped: libass (libass-dev), a font or $CC" \
    "is missing"
if [ $have_ffmpeg = 0 ] && [ $have_libass = 0 ]; then
    exit 77
fi

# SubRip cues as "START END PLACE", seconds with the milliseconds rounded
# to centiseconds as ASS keeps them; PLACE is top, middle or bottom by the
# cue's {\anN}
cues() {
    awk 'function ms(v,   a, m) {
            split(v, a, /[:,]/)
            m = (a[1] * 60 + a[2]) * 60 + a[3]
            return m * 1000 + int((a[4] + 5) / 10) * 10 }
        function sec(m) { return sprintf("%d.%03d", int(m / 1000), m % 1000) }
        BEGIN { RS = ""; FS = "\n" }
        { split($2, t, " --> "); p = "bottom"
          if ($3 ~ /^\{\\an[789]\}/) p = "top"
          else if ($3 ~ /^\{\\an[456]\}/) p = "middle"
          print sec(ms(t[1])), sec(ms(t[2])), p }'
}

# text lines of a SubRip file without markup, escapes or invisible marks
srt_text() {
    grep -v -e '^[0-9]*$' -e ' --> ' |
        sed -e 's/<[^>]*>//g' -e 's/{\\[^}]*}//g' -e 's/\\\([{}]\)/\1/g' \
            -e 's/\xe2\x80\x8b//g' -e 's/\r$//'
}

for in in $inputs; do
    name=$(basename "$in")
    "$TRANSCUE" -q "$in" -t ass -o "$tmp/out.ass" &&
        "$TRANSCUE" -q "$in" -t srt -o "$tmp/ref.srt" || {
        echo "FAIL: $name: transcue could not convert it"
        fail=$((fail + 1))
        continue
    }
    if [ $have_ffmpeg = 1 ]; then
        if ! ffmpeg -v error -i "$tmp/out.ass" -f srt "$tmp/ff.srt" -y \
            2>"$tmp/ff.err"; then
            echo "FAIL: $name: ffmpeg cannot read the ASS:"
            cat "$tmp/ff.err"
            fail=$((fail + 1))
        else
            # ffmpeg writes an empty event as a cue without text, which
            # SubRip cannot hold: compare the cues that have text
            awk 'BEGIN { RS = ""; FS = "\n"; ORS = "\n\n" }
                { s = ""; for (i = 3; i <= NF; i++) s = s $i
                  gsub(/<[^>]*>|\r/, "", s); if (s != "") print }' \
                "$tmp/ff.srt" >"$tmp/ff2.srt"
            cues <"$tmp/ref.srt" | cut -d' ' -f1,2 >"$tmp/want.t"
            cues <"$tmp/ff2.srt" | cut -d' ' -f1,2 >"$tmp/got.t"
            srt_text <"$tmp/ref.srt" >"$tmp/want.x"
            srt_text <"$tmp/ff2.srt" >"$tmp/got.x"
            if cmp -s "$tmp/want.t" "$tmp/got.t" &&
                cmp -s "$tmp/want.x" "$tmp/got.x"; then
                pass=$((pass + 1))
            else
                echo "FAIL: $name: ffmpeg reads other cues than transcue wrote:"
                diff "$tmp/want.t" "$tmp/got.t" | head -n 10
                diff "$tmp/want.x" "$tmp/got.x" | head -n 10
                fail=$((fail + 1))
            fi
        fi
    fi
    if [ $have_libass = 1 ]; then
        if ! "$tmp/asscheck" "$tmp/out.ass" >"$tmp/lib.all" 2>"$tmp/lib.err"
        then
            echo "FAIL: $name: libass cannot read the ASS:"
            cat "$tmp/lib.err"
            fail=$((fail + 1))
            continue
        fi
        cues <"$tmp/ref.srt" >"$tmp/lib.want"
        # empty events (a drawing, a cue without text) draw nothing
        empty=$(grep -c '^Dialogue: \([^,]*,\)\{9\}$' "$tmp/out.ass")
        grep -v ' none$' "$tmp/lib.all" >"$tmp/lib.got"
        nones=$(grep -c ' none$' "$tmp/lib.all")
        if cmp -s "$tmp/lib.want" "$tmp/lib.got" && [ "$nones" = "$empty" ]
        then
            pass=$((pass + 1))
        else
            echo "FAIL: $name: libass draws other cues than transcue wrote" \
                "($nones drawn empty, $empty empty):"
            diff "$tmp/lib.want" "$tmp/lib.got" | head -n 10
            fail=$((fail + 1))
        fi
    fi
done
echo "ass clients: $pass passed, $fail failed"
[ $fail = 0 ]
