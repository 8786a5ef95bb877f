../../data/encodings/utf-16le-nobom.srt
