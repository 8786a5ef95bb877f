whisper-transcript.txt -t srt | "$TRANSCUE" -t whisper | sh starts.sh - whisper-transcript.txt
