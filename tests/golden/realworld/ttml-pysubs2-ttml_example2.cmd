../../data/realworld/ttml/pysubs2-ttml_example2.ttml
