whisperx.json -t text --text-paragraph-gap=2s
