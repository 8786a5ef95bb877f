../../data/realworld/vtt/ttconv-alignment.vtt
