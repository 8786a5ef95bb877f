unsorted.srt
