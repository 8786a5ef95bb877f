talk.srt -t text --text-paragraph-gap=2500ms --text-timestamps=yes
