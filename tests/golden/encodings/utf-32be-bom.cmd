../../data/encodings/utf-32be-bom.srt
