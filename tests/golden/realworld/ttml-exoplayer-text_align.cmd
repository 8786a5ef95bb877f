../../data/realworld/ttml/exoplayer-text_align.xml
