talk.json -t json | "$TRANSCUE" -f json -t vtt > a.vtt && "$TRANSCUE" talk.json -t vtt | diff - a.vtt && echo same; rm -f a.vtt
