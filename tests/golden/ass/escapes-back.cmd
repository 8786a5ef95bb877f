escapes.srt -t ass | "$TRANSCUE" -f ass -t srt | diff escapes.srt - && echo same
