#!/bin/sh
# python.sh -- the Python module's tests (python/tests, unittest) against
# the library just built, not an installed one.  Skipped (77) without
# Python 3.  In a sanitizer build the library needs its runtime loaded
# first: it is preloaded, and leaks are not checked (Python keeps memory
# to the end on purpose).
: "${top_srcdir:=.}" "${top_builddir:=.}"
py=${PYTHON:-python3}
if ! command -v "$py" >/dev/null 2>&1 ||
    ! "$py" -c 'import sys; sys.exit(sys.version_info < (3, 6))' 2>/dev/null
then
    echo "python.sh: SKIP: no Python 3 ($py)"
    exit 77
fi
lib=$(ls "$top_builddir"/.libs/libtranscue.so.* 2>/dev/null | sort | head -n 1)
if [ -z "$lib" ]; then
    echo "python.sh: FAIL: no libtranscue.so in $top_builddir/.libs"
    exit 1
fi
TRANSCUE_LIBRARY=$lib
PYTHONPATH=$top_srcdir/python${PYTHONPATH:+:$PYTHONPATH}
export TRANSCUE_LIBRARY PYTHONPATH
pre=$(ldd "$lib" 2>/dev/null | awk '/lib(asan|ubsan)\.so/ { print $3 }' |
    tr '\n' ' ')
if [ -n "$pre" ]; then
    LD_PRELOAD="$pre${LD_PRELOAD:+ $LD_PRELOAD}"
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
    export LD_PRELOAD ASAN_OPTIONS
fi
exec "$py" -W error::DeprecationWarning -m unittest discover -s "$top_srcdir/python/tests" -t \
    "$top_srcdir/python/tests" -v
