../../data/encodings/latin1-translit.srt
