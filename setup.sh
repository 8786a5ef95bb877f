#!/bin/sh
# setup.sh -- one command from a fresh clone to a working transcue:
# install what the build needs (Debian/Ubuntu, with apt-get, only what is
# missing), bootstrap, configure, build, and turn the bundled YouTube
# transcript into readable SRT (--clean) on standard output.
#
# Environment: CONFIGURE_FLAGS adds configure options; NO_APT=1 skips the
# package step.
set -e
cd "$(dirname "$0")"
# everything but the demo's SRT goes to standard error, so that
# ./setup.sh > talk.srt holds only subtitles
exec 3>&1 1>&2

packages="build-essential autoconf automake libtool pkg-config libxml2-dev check
  libuchardet-dev libexttextcat-dev libyajl-dev python3"
missing=""
if [ -z "${NO_APT:-}" ] && command -v dpkg-query >/dev/null 2>&1; then
    for p in $packages; do
        status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
        case $status in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
        esac
    done
fi
if [ -n "$missing" ]; then
    echo "setup: installing:$missing" >&2
    if [ "$(id -u)" = 0 ]; then
        sudo=""
    elif command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "setup: need root or sudo to install:$missing" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq $missing >/dev/null
fi

if [ ! -x configure ] || [ configure.ac -nt configure ]; then
    ./autogen.sh
fi
if [ ! -f Makefile ]; then
    # shellcheck disable=SC2086
    ./configure ${CONFIGURE_FLAGS:-}
fi
make -j"$(nproc 2>/dev/null || echo 2)"

echo "setup: built ./transcue; cleaning examples/youtube-transcript.txt into SRT:" >&2
./transcue --clean examples/youtube-transcript.txt >&3
