huge-times.srt
