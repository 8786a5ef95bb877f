talk.json -t ttml
