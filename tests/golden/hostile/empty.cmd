empty.srt
