negative.srt
