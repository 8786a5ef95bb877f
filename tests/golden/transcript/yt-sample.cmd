youtube-transcript.txt
