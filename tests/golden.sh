#!/bin/sh
# golden.sh -- end-to-end cases.  Each tests/golden/AREA/CASE.cmd holds the
# arguments of one transcue run (shell words, redirections allowed), run in
# that folder; CASE.out is the expected standard output, CASE.err the
# expected standard error (empty when absent) and CASE.rc the expected exit
# status (0 when absent).  CASE.needs names optional libraries the case
# depends on (uchardet, exttextcat, yajl): a build without one skips the
# case; "!yajl" there names one the case must be built without.
# Set GOLDEN_WRAPPER (e.g. to a valgrind command) to run transcue under it.
: "${top_srcdir:=.}"
: "${top_builddir:=.}"
: "${TRANSCUE:=$PWD/transcue}"
pass=0
fail=0
skip=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# Cases run in a copy, so that a case may write files (and a read-only
# source tree, as in make distcheck, is never written to).
# Cases may refer to ../../data, which is linked, not copied.
src=$(cd "$top_srcdir" && pwd) || exit 99
mkdir "$tmp/tests" && cp -R "$src/tests/golden" "$tmp/tests/golden" &&
    ln -s "$src/tests/data" "$tmp/tests/data" || exit 99
chmod -R u+w "$tmp/tests/golden"
for cmd in "$top_srcdir"/tests/golden/*/*.cmd; do
    [ -e "$cmd" ] || continue
    dir=$tmp/tests/golden/$(basename "$(dirname "$cmd")")
    case_=${cmd%.cmd}
    name=$(basename "$dir")/$(basename "$case_")
    missing=
    if [ -f "$case_.needs" ]; then
        for lib in $(cat "$case_.needs"); do
            macro=HAVE_$(echo "${lib#!}" | tr '[:lower:]' '[:upper:]')
            if grep -q "^#define $macro 1" "$top_builddir/config.h"; then
                [ "$lib" = "${lib#!}" ] || missing="$missing, with ${lib#!}"
            else
                [ "$lib" != "${lib#!}" ] || missing="$missing, without $lib"
            fi
        done
    fi
    if [ -n "$missing" ]; then
        echo "skipped: $name (built${missing#,})"
        skip=$((skip + 1))
        continue
    fi
    want_rc=0
    [ -f "$case_.rc" ] && want_rc=$(cat "$case_.rc")
    args=$(cat "$cmd")
    (cd "$dir" && eval "${GOLDEN_WRAPPER:-} \"\$TRANSCUE\" $args") \
        >"$tmp/out" 2>"$tmp/err"
    rc=$?
    ok=1
    if [ "$rc" != "$want_rc" ]; then
        echo "FAIL: $name: exit status $rc, expected $want_rc"
        ok=0
    fi
    if [ -f "$case_.out" ] && ! cmp -s "$case_.out" "$tmp/out"; then
        echo "FAIL: $name: standard output differs:"
        diff -u "$case_.out" "$tmp/out" | head -n 40
        ok=0
    fi
    if [ -f "$case_.err" ]; then
        want_err="$case_.err"
    else
        want_err=/dev/null
    fi
    if ! cmp -s "$want_err" "$tmp/err"; then
        echo "FAIL: $name: standard error differs:"
        diff -u "$want_err" "$tmp/err" | head -n 40
        ok=0
    fi
    if [ $ok = 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
    fi
done
echo "golden: $pass passed, $fail failed, $skip skipped"
[ $pass -gt 0 ] && [ $fail = 0 ]
