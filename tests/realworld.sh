#!/bin/sh
# realworld.sh -- the real-world corpus stays documented and tested: every
# file under tests/data/realworld is named in its MANIFEST with a source and
# a licence whose text is in LICENSES/, and has a golden case in
# tests/golden/realworld (which golden.sh runs).
: "${top_srcdir:=.}"
dir=$top_srcdir/tests/data/realworld
pass=0
fail=0
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
for f in $(cd "$dir" && find . -path ./LICENSES -prune -o -type f \
               ! -name MANIFEST -print | sed 's|^\./||' | sort); do
    row=$(awk -F '\t' -v p="$f" '$1 == p' "$dir/MANIFEST")
    lic=$(printf '%s' "$row" | cut -f3 | sed -n 's/.*(\(LICENSES\/[^;)]*\).*/\1/p')
    if [ -z "$row" ]; then
        bad "$f is not in MANIFEST"
    elif [ -z "$(printf '%s' "$row" | cut -f2)" ] || [ -z "$lic" ] ||
        [ ! -f "$dir/$lic" ]; then
        bad "$f: MANIFEST names no source or no licence file"
    elif ! grep -qlF "data/realworld/$f" "$top_srcdir"/tests/golden/realworld/*.cmd
    then
        bad "$f has no case in tests/golden/realworld"
    else
        pass=$((pass + 1))
    fi
done
n=$(grep -vc '^#' "$dir/MANIFEST")
[ "$n" -ge 40 ] || bad "only $n files in the corpus"
echo "realworld: $pass passed, $fail failed"
[ $pass -gt 0 ] && [ $fail = 0 ]
