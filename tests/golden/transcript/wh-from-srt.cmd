wh-from-srt.srt -t whisper
