#!/bin/sh
# completion.sh -- the bash completion (completion/transcue) offers the
# options, formats, filters with their options, and profiles of the built
# command.  bash splits the line at '=' and ':' as readline does here.
: "${top_srcdir:=.}"
: "${TRANSCUE:=$PWD/transcue}"
command -v bash >/dev/null 2>&1 || { echo "SKIP: no bash"; exit 77; }
src=$(cd "$top_srcdir" && pwd) || exit 99
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
# the completion runs "transcue": a directory with just that name
mkdir "$tmp/bin" && ln -s "$TRANSCUE" "$tmp/bin/transcue" || exit 99
touch "$tmp/talk.srt"
cd "$tmp" || exit 99
PATH="$tmp/bin:$PATH" bash -c '
. "$1/completion/transcue" || exit 99
pass=0 fail=0
# check LINE WANT: complete at the end of LINE, as bash splits it
check() {
    local s=$1 w="" c i
    COMP_LINE=$s COMP_POINT=${#s} COMP_WORDS=()
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
        " ") [ -n "$w" ] && COMP_WORDS+=("$w"); w="" ;;
        [=:]) [ -n "$w" ] && COMP_WORDS+=("$w"); COMP_WORDS+=("$c"); w="" ;;
        *) w=$w$c ;;
        esac
    done
    [ -n "$w" ] || [ "${s: -1}" = " " ] && COMP_WORDS+=("$w")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _transcue
    if [ "${COMPREPLY[*]}" = "$2" ]; then
        pass=$((pass + 1))
    else
        echo "FAIL: [$s] gave [${COMPREPLY[*]}], expected [$2]"
        fail=$((fail + 1))
    fi
}
check "transcue --rec" "--recursive"
check "transcue --in" "--in-place"
check "transcue --ba" "--backup"
check "transcue --jo" "--jobs="
check "transcue --max-ch" "--max-chars="
check "transcue -f " "vtt ttml srt sbv whisper youtube"
check "transcue --to=" "vtt ttml srt sbv whisper youtube"
check "transcue --to=wh" "whisper"
check "transcue -F fil" "fillers"
check "transcue -F merge:max-ch" "max-chars="
check "transcue -F wrap:max-chars=40,max-l" "40,max-lines="
check "transcue --filter=fillers:la" "lang="
check "transcue --profile=" "netflix bbc youtube"
check "transcue --profile b" "bbc"
check "transcue tal" "talk.srt"
echo "completion: $pass passed, $fail failed"
[ $fail = 0 ]
' sh "$src"
