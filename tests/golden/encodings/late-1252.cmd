late-1252.srt
