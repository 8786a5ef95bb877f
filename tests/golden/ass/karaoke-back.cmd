karaoke.vtt -t ass | "$TRANSCUE" -f ass -t vtt
