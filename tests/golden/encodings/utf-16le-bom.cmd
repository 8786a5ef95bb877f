../../data/encodings/utf-16le-bom.srt
