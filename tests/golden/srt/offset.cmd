offset.srt | head -n 8
