youtube-transcript.txt -t srt | "$TRANSCUE" --from srt -t youtube | sh starts.sh - youtube-transcript.txt
