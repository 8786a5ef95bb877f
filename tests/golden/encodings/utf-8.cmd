../../data/encodings/utf-8.srt
