../../data/encodings/quotes-1252.srt
