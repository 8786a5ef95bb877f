roundtrip.vtt -t srt | "$TRANSCUE" -f srt -t vtt
