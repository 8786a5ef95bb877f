vtt-roundtrip.vtt -t ttml | "$TRANSCUE" -f ttml -t vtt
