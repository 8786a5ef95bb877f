twobom.vtt -t srt
