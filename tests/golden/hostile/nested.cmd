nested.srt
