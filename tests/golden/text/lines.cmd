talk.srt -t text
