#!/bin/sh
# lazy-load.sh -- libxml2 and uchardet are opened only when needed (src/dl.h):
# not for a SubRip to WebVTT conversion of UTF-8 text, libxml2 for a TTML
# input, uchardet for a line that is not UTF-8.  Watched through glibc's
# LD_DEBUG=files; skipped when configure linked them (its summary says so)
# or the loader says nothing.
: "${top_builddir:=.}"
: "${TRANSCUE:=$top_builddir/transcue}"
pass=0
fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
grep -q '^#define TC_LAZY_LIBXML2' "$top_builddir/config.h" || {
    echo "lazy-load: libxml2 is linked in this build"; exit 77; }
printf '1\n00:00:01,000 --> 00:00:02,000\nCaf\303\251.\n\n' > "$tmp/u.srt"
printf '1\n00:00:01,000 --> 00:00:02,000\n%s\n\n' \
    "$(printf 'Caf\351 cr\350me br\373l\351e \340 la fa\347ade, tr\350s \351l\351gant.')" \
    > "$tmp/l.srt"
printf '%s\n' '<tt xmlns="http://www.w3.org/ns/ttml"><body><div>' \
    '<p begin="1s" end="2s">Hi.</p></div></body></tt>' > "$tmp/t.ttml"
# loaded LIB ARGS...: the libraries the run opened, one a line
loaded() {
    LD_DEBUG=files "$TRANSCUE" "$@" 2>&1 >/dev/null |
        sed -n 's/.*file=\([^ ]*\) .*/\1/p' | sort -u
}
check() {
    name=$1 want=$2 lib=$3
    shift 3
    got=no
    loaded "$@" | grep -q "^$lib" && got=yes
    if [ "$got" = "$want" ]; then
        pass=$((pass + 1))
    else
        echo "FAIL: $name: $lib loaded: $got, expected $want"
        fail=$((fail + 1))
    fi
}
loaded -f srt -t vtt "$tmp/u.srt" | grep -q . || {
    echo "lazy-load: the dynamic loader says nothing (LD_DEBUG)"; exit 77; }
check "UTF-8 SubRip to WebVTT" no libxml2 -f srt -t vtt "$tmp/u.srt"
check "UTF-8 SubRip to TTML" no libxml2 -f srt -t ttml "$tmp/u.srt"
check "TTML to SubRip" yes libxml2 -f ttml -t srt "$tmp/t.ttml"
if grep -q '^#define TC_LAZY_UCHARDET' "$top_builddir/config.h"; then
    check "UTF-8 SubRip" no libuchardet -f srt -t vtt "$tmp/u.srt"
    check "Latin-1 SubRip" yes libuchardet -f srt -t vtt "$tmp/l.srt"
fi
echo "lazy-load: $pass passed, $fail failed"
[ "$fail" = 0 ]
