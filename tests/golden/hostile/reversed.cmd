reversed.srt
