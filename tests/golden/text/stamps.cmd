talk.srt -t text --text-timestamps=yes
