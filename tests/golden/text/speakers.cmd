voices.vtt -t text --text-paragraph-gap=10s
