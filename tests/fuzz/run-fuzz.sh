#!/bin/sh
# run-fuzz.sh -- build the libFuzzer harnesses with clang and run each one
# for a while: one per readable format (fuzz_reader with TC_FUZZ_FORMAT),
# the decoder (fuzz_decode) and the whole pipeline (fuzz_pipeline).
#
#   tests/fuzz/run-fuzz.sh [SECONDS]      (default 30 per harness)
#
# Environment: FUZZ_BUILDDIR (default build-fuzz, next to the sources),
# FUZZ_ONLY (space-separated harness names: srt vtt ... decode pipeline),
# CC (default clang).  Needs clang with the libFuzzer runtime (Debian:
# clang and libclang-rt-14-dev).  Exit status: 0 when no harness found
# anything, 1 when one did (the input is saved as
# $FUZZ_BUILDDIR/artifacts/NAME-crash-...), 2 when the build failed, 77
# when clang or its fuzzer runtime is missing.
set -u
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-30}
bdir=${FUZZ_BUILDDIR:-$srcdir/build-fuzz}
CC=${CC:-clang}
san="-fsanitize=address,undefined -fno-sanitize-recover=all"

if ! command -v "$CC" >/dev/null 2>&1; then
    echo "run-fuzz: SKIP: $CC not found (install clang)"
    exit 77
fi
probe=$(mktemp -d) || exit 2
printf 'int LLVMFuzzerTestOneInput(const char *d, long n)\n{ return 0; }\n' \
    >"$probe/t.c"
if ! "$CC" -fsanitize=fuzzer "$probe/t.c" -o "$probe/t" 2>/dev/null; then
    rm -rf "$probe"
    echo "run-fuzz: SKIP: $CC has no libFuzzer runtime" \
        "(Debian: apt-get install libclang-rt-14-dev)"
    exit 77
fi
rm -rf "$probe"

mkdir -p "$bdir/artifacts" || exit 2
cd "$bdir" || exit 2
bdir=$(pwd)
cfgdir=$srcdir
if [ -f "$srcdir/config.status" ]; then
    # configure refuses a second build of a tree configured in place:
    # build from a copy of the files git knows, refreshed on every run
    cfgdir=$bdir/tree
    mkdir -p "$cfgdir" || exit 2
    (cd "$srcdir" && git ls-files -co --exclude-standard | grep -v '^build' |
        tar -cf - -T -) | (cd "$cfgdir" && tar -xf -) || exit 2
fi
if [ ! -f Makefile ]; then
    [ -x "$cfgdir/configure" ] || (cd "$cfgdir" && ./autogen.sh) || exit 2
    "$cfgdir/configure" -q CC="$CC" --disable-shared \
        CFLAGS="-g -O1 -fsanitize=fuzzer-no-link $san \
-DTC_SOURCE_MAX_READ=13" || exit 2
fi
make -j2 libtranscue_core.la transcue >/dev/null || exit 2
# what the library links with (libxml2, and uchardet and libexttextcat
# when configure found them), as libtool recorded it
libs=$(sed -n "s/^dependency_libs='\(.*\)'/\1/p" libtranscue_core.la)
for h in reader decode pipeline; do
    "$CC" -g -O1 -fsanitize=fuzzer $san -I. -I"$srcdir/include" \
        -I"$srcdir/src" "$srcdir/tests/fuzz/fuzz_$h.c" \
        .libs/libtranscue_core.a $libs -o "fuzz_$h" || exit 2
done

readers=$(./transcue --list-formats | awk 'NR > 1 && $2 == "yes" { print $1 }')
: "${FUZZ_ONLY:=$readers decode pipeline}"
seeds="$srcdir/tests/fuzz/seeds"
status=0
for name in $FUZZ_ONLY; do
    case $name in
    decode) bin=./fuzz_decode; extra="$seeds/decode $srcdir/tests/data" ;;
    pipeline) bin=./fuzz_pipeline
       extra="$seeds/pipeline $srcdir/tests/golden" ;;
    *) bin=./fuzz_reader
       extra="$seeds/$name $srcdir/tests/golden/$name $srcdir/tests/data" ;;
    esac
    dirs=""
    for d in $extra; do
        [ -d "$d" ] && dirs="$dirs $d"
    done
    mkdir -p "corpus/$name"
    echo "run-fuzz: $name for ${secs}s"
    # shellcheck disable=SC2086
    if ! TC_FUZZ_FORMAT=$name "$bin" "corpus/$name" $dirs \
        -max_total_time="$secs" -max_len=16384 -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="artifacts/$name-" >"$name.log" 2>&1; then
        echo "run-fuzz: FAIL: $name found a problem; see $bdir/$name.log"
        tail -n 30 "$name.log"
        status=1
    else
        grep -E '^stat::number_of_executed_units' "$name.log"
    fi
done
exit $status
