#!/bin/sh
# man-tables.sh -- the man page documents exactly the formats, filters and
# options the command knows: every name --list-formats, --list-filters and
# --help print has its own entry in transcue(1), and mandoc finds nothing
# wrong with the page when it is installed.
: "${top_srcdir:=.}"
: "${TRANSCUE:=$PWD/transcue}"
man="$top_srcdir/man/transcue.1"
pass=0
fail=0
check() {   # check SECTION NAME: NAME has a .TP/.B entry in SECTION
    if sed -n "/^\.SH $1\$/,/^\.SH /p" "$man" | grep -q "^\.\(B\|SS\) $2\$"; then
        pass=$((pass + 1))
    else
        echo "FAIL: $1: no entry '.B $2' in transcue.1"
        fail=$((fail + 1))
    fi
}
for f in $("$TRANSCUE" --list-formats | sed 1d | cut -d' ' -f1); do
    check FORMATS "$f"
done
for f in $("$TRANSCUE" --list-filters | sed -n 's/^\([a-z0-9-]*\) .*/\1/p'); do
    check FILTERS "$f"
done
for o in $("$TRANSCUE" --help | sed -n 's/^ *\(-., \)\{0,1\}\(--[a-z-]*\).*/\2/p'); do
    pat=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
    if grep -q -- "$pat" "$man"; then
        pass=$((pass + 1))
    else
        echo "FAIL: option $o is not in transcue.1"
        fail=$((fail + 1))
    fi
done
if command -v mandoc >/dev/null 2>&1; then
    if out=$(mandoc -Tlint -W warning "$man" 2>&1) && [ -z "$out" ]; then
        pass=$((pass + 1))
    else
        echo "FAIL: mandoc -Tlint:"
        echo "$out"
        fail=$((fail + 1))
    fi
fi
echo "man tables: $pass passed, $fail failed"
[ $fail = 0 ]
