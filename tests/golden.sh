#!/bin/sh
# golden.sh -- end-to-end cases.  Each tests/golden/AREA/CASE.cmd holds the
# arguments of one transcue run (shell words, redirections allowed), run in
# that folder; CASE.out is the expected standard output, CASE.err the
# expected standard error (empty when absent) and CASE.rc the expected exit
# status (0 when absent).  Set GOLDEN_WRAPPER (e.g. to a valgrind command)
# to run transcue under it.
: "${top_srcdir:=.}"
: "${TRANSCUE:=$PWD/transcue}"
pass=0
fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
for cmd in "$top_srcdir"/tests/golden/*/*.cmd; do
    [ -e "$cmd" ] || continue
    dir=$(dirname "$cmd")
    case_=${cmd%.cmd}
    name=$(basename "$dir")/$(basename "$case_")
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
echo "golden: $pass passed, $fail failed"
[ $pass -gt 0 ] && [ $fail = 0 ]
