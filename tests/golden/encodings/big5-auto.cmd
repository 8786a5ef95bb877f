../../data/encodings/pysubs2/encoding-big5.srt
