../../data/realworld/srt/ttconv-alignment.srt
