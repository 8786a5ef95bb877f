rt.ass -t srt
