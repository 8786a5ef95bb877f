../../data/realworld/srt/ttconv-extended-tags.srt
