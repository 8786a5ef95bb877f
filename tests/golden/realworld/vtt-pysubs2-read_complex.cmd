../../data/realworld/vtt/pysubs2-read_complex.vtt
