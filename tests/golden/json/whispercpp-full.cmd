whispercpp-full.json -t ttml
