cues.vtt -v -t json
