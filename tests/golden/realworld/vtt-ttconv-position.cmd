../../data/realworld/vtt/ttconv-position.vtt
