whisper-transcript.txt
