--version > /dev/null; rm -f fifo out.txt; mkfifo fifo
"$TRANSCUE" -f srt < fifo > out.txt & pid=$!
exec 3> fifo
printf '1\n00:00:01,000 --> 00:00:02,000\nfirst\n\n2\n00:00:03,000 --> 00:00:04,000\nsecond\n\n3\n00:00:05,000 --> 00:00:06,000\nthird\n\n' >&3
# the input stays open: every complete cue must come out anyway (the wait is
# only an upper bound, never part of the result)
i=0; while [ ! -s out.txt ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
echo "before the end of input:"; cat out.txt
exec 3>&-; wait $pid; echo "exit $?"
