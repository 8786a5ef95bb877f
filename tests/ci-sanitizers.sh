#!/bin/sh
# ci-sanitizers.sh -- the memory-safety part of CI:
#   1. build with --enable-sanitizers (ASan + UBSan) in its own directory
#      and run the whole test suite there;
#   2. build without sanitizers in another directory and run the golden
#      end-to-end cases with every transcue run under valgrind, and the API
#      tests (tests/api) under valgrind.
# Usage: tests/ci-sanitizers.sh [BUILD-DIR-PREFIX]   (default: build-ci)
# Exit status: 0 when every step passed, 1 when one failed.  A step whose
# tool is absent (no valgrind; a compiler without the sanitizers) is
# skipped with a message saying so; that is not a pass of that step.
set -u
srcdir=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-$srcdir/build-ci}
jobs=${JOBS:-2}
status=0

# configure refuses a second build of a tree configured in place: then
# build from a copy of the files git knows
cfgdir=$srcdir
if [ -f "$srcdir/config.status" ]; then
    cfgdir=$prefix-tree
    mkdir -p "$cfgdir" || exit 1
    (cd "$srcdir" && git ls-files -co --exclude-standard | grep -v '^build' |
        tar -cf - -T -) | (cd "$cfgdir" && tar -xf -) || exit 1
fi
if [ ! -x "$cfgdir/configure" ]; then
    (cd "$cfgdir" && ./autogen.sh) || exit 1
fi

build() {   # build DIR CONFIGURE-ARGS...
    dir=$1
    shift
    mkdir -p "$dir" || return 1
    (cd "$dir" && { [ -f Makefile ] || "$cfgdir/configure" -q "$@"; } &&
        make -j"$jobs" >/dev/null) || return 1
}

echo "ci-sanitizers: ASan + UBSan build in $prefix-asan"
probe=$(mktemp -d) || exit 1
echo 'int main(void) { return 0; }' >"$probe/t.c"
if ! ${CC:-cc} -fsanitize=address,undefined "$probe/t.c" -o "$probe/t" \
    2>/dev/null; then
    echo "ci-sanitizers: SKIP: ${CC:-cc} cannot build with" \
        "-fsanitize=address,undefined (libasan/libubsan missing)"
elif ! build "$prefix-asan" --enable-sanitizers; then
    echo "ci-sanitizers: FAIL: sanitizer build"
    status=1
elif ! (cd "$prefix-asan" &&
        ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        make -j"$jobs" check >check.out 2>&1); then
    echo "ci-sanitizers: FAIL: make check under ASan + UBSan"
    grep -E '^(FAIL|ERROR)' "$prefix-asan/check.out"
    for log in "$prefix-asan"/tests/*.log "$prefix-asan"/tests/unit/*.log; do
        grep -q -E 'FAIL|ERROR|Sanitizer|runtime error' "$log" 2>/dev/null &&
            tail -n 40 "$log"
    done
    status=1
else
    grep -E '^# (TOTAL|PASS|FAIL)' "$prefix-asan/check.out"
fi
rm -rf "$probe"

echo "ci-sanitizers: golden cases under valgrind, build in $prefix-valgrind"
if ! command -v valgrind >/dev/null 2>&1; then
    echo "ci-sanitizers: SKIP: valgrind not installed" \
        "(Debian: apt-get install valgrind)"
elif ! build "$prefix-valgrind"; then
    echo "ci-sanitizers: FAIL: plain build"
    status=1
else
    vdir=$(cd "$prefix-valgrind" && pwd)
    # status 99 is valgrind's own, apart from transcue's 0, 1 and 2; any
    # report also lands on stderr, which the cases compare
    GOLDEN_WRAPPER="$vdir/libtool --mode=execute valgrind -q \
--error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
--errors-for-leak-kinds=definite,indirect"
    export GOLDEN_WRAPPER
    if (cd "$vdir" && top_srcdir=$cfgdir TRANSCUE=$vdir/transcue \
        sh "$cfgdir/tests/golden.sh"); then
        :
    else
        echo "ci-sanitizers: FAIL: golden cases under valgrind"
        status=1
    fi
    # the API tests too: the reader's helper thread, memory in and out
    echo "ci-sanitizers: API tests under valgrind"
    if ! (cd "$vdir" && make -j"$jobs" tests/api/api >/dev/null); then
        echo "ci-sanitizers: SKIP: tests/api/api not built (no Check)"
    elif (cd "$vdir" && CK_FORK=no top_srcdir=$cfgdir $GOLDEN_WRAPPER \
        tests/api/api >api-valgrind.out 2>&1); then
        tail -n 1 "$vdir/api-valgrind.out"
    else
        echo "ci-sanitizers: FAIL: API tests under valgrind"
        tail -n 40 "$vdir/api-valgrind.out"
        status=1
    fi
fi
[ $status = 0 ] && echo "ci-sanitizers: all steps passed"
exit $status
