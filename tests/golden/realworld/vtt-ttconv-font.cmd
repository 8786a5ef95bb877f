../../data/realworld/vtt/ttconv-font.vtt
