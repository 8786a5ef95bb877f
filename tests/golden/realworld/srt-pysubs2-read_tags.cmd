../../data/realworld/srt/pysubs2-read_tags.srt
