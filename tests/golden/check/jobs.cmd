--version >/dev/null
# files checked on four threads print what one thread prints, in order
for j in 1 4; do
    "$TRANSCUE" --check --report=json -j $j pass.srt one-each.srt \
        boundary.srt roomy.srt >j$j.json 2>j$j.err
    echo "-j $j: exit $?"
done
cmp j1.json j4.json && cmp j1.err j4.err && echo "the same"
grep -c '"file"' j1.json; tail -n 1 j1.err
