roundtrip.srt -t vtt | "$TRANSCUE" -f vtt -t srt
