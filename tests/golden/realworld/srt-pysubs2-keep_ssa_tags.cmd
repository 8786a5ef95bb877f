../../data/realworld/srt/pysubs2-keep_ssa_tags.srt
