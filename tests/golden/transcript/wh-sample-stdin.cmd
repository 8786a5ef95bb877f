< whisper-transcript.txt 2>/dev/null | cmp - wh-sample.out && echo "standard input: the same SRT"
