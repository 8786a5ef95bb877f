talk.srt -t text --text-paragraph-gap=soon
