--version >/dev/null; rm -rf tree; mkdir -p tree/a
cp pass.srt tree/a/; cp one-each.srt tree/
"$TRANSCUE" --check --checks=max-cps -r tree; echo "exit $?"
