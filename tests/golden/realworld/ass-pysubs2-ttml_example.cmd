../../data/realworld/ass/pysubs2-ttml_example.ass
