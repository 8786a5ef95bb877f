wh-short.txt -t whisper
