../../data/encodings/utf-16be-bom.srt
