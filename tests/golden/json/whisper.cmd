talk.json -t vtt
