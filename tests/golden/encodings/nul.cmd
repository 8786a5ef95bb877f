nul.srt
