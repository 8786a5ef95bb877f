--version >/dev/null
# the same cues in SubRip, WebVTT and TTML give the same report, but for
# the file names and the lines
for f in same.srt same.vtt same.ttml; do
    "$TRANSCUE" --check --report=json "$f" >"$f.json" 2>"$f.err"
    echo "$f: exit $?"
    sed 's/"file": "[^"]*"/"file": "F"/; s/, "line": [0-9]*//' "$f.json" >"$f.n"
    sed 's/^transcue: [^:]*:[0-9]*: //' "$f.err" >>"$f.n"
done
cmp same.srt.n same.vtt.n && cmp same.srt.n same.ttml.n && cat same.srt.n
