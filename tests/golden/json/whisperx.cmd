whisperx.json -t vtt
