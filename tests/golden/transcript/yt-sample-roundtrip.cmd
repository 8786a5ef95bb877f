youtube-transcript.txt -t youtube | sh samelines.sh - youtube-transcript.txt
