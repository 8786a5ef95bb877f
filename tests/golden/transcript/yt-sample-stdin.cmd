< youtube-transcript.txt | cmp - yt-sample.out && echo "standard input: the same SRT"
