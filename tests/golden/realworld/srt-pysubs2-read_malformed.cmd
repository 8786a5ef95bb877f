../../data/realworld/srt/pysubs2-read_malformed.srt
