whisper-transcript.txt -t whisper | sh samelines.sh - whisper-transcript.txt
