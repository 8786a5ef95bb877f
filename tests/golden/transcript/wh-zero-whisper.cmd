wh-zero.txt -t whisper
