capability.vtt -t srt
