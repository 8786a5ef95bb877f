in.srt -t srt -o . ; echo "exit $?"
