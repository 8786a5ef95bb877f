talk.srt -t text --text-timestamps=maybe
