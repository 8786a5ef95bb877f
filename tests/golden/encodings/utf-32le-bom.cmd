../../data/encodings/utf-32le-bom.srt
