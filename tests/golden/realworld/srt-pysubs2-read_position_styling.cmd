../../data/realworld/srt/pysubs2-read_position_styling.srt
