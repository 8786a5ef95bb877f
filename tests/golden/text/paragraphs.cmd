talk.srt -t text --text-paragraph-gap=2s
