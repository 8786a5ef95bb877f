#!/bin/sh
# man-examples.sh -- every command in an example block (.EX/.EE) of
# man/transcue.1 that starts with "$ " runs, with transcue meaning the built
# command, from a copy of
# examples/, and must exit 0 (one that reads JSON is skipped in a build
# without yajl).
: "${top_srcdir:=.}"
: "${TRANSCUE:=$PWD/transcue}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
cp -R "$top_srcdir"/examples/. "$tmp"/
sed -n '/^\.EX/,/^\.EE/p' "$top_srcdir/man/transcue.1" |
    sed -n 's/^\\(Do\$ //p; s/^\$ //p' |
    sed 's/\\-/-/g; s/\\e/\\/g' > "$tmp/.examples"
pass=0
fail=0
while IFS= read -r line; do
    case $line in
    *.json*)
        # reading JSON needs yajl
        if ! grep -q '^#define HAVE_YAJL 1' \
            "${top_builddir:-.}/config.h" 2>/dev/null; then
            echo "skipped (built without yajl): $line"
            continue
        fi ;;
    esac
    if (cd "$tmp" && eval "transcue() { \"\$TRANSCUE\" \"\$@\"; }; $line") \
        >/dev/null 2>"$tmp/.err"; then
        pass=$((pass + 1))
    else
        echo "FAIL: $line"
        cat "$tmp/.err"
        fail=$((fail + 1))
    fi
done < "$tmp/.examples"
echo "man examples: $pass passed, $fail failed"
[ $pass -gt 0 ] && [ $fail = 0 ]
