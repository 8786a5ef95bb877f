wh-same-start.txt -t whisper
