whispercpp.json -t vtt
