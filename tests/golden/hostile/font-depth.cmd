font-depth.srt
