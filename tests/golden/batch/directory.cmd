--version >/dev/null; rm -rf dtree dout; mkdir dtree
printf '1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n' > dtree/one.srt; cp dtree/one.srt single.srt
"$TRANSCUE" -d dout dtree single.srt; echo "exit $?"; ls dout
"$TRANSCUE" -r dtree; echo "exit $?"
