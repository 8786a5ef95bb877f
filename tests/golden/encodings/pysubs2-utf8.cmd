../../data/encodings/pysubs2/encoding-utf-8.srt
