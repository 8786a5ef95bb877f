../../data/encodings/utf-8-bom.srt
