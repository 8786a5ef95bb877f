rt.ass -t ass > a.ass && "$TRANSCUE" rt.ass -t srt | "$TRANSCUE" -f srt -t ass > b.ass && diff a.ass b.ass && cat b.ass; rm -f a.ass b.ass
