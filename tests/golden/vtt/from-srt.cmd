from-srt.srt -t vtt
