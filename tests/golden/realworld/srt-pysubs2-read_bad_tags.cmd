../../data/realworld/srt/pysubs2-read_bad_tags.srt
