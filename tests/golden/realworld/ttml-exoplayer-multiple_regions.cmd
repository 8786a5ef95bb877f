../../data/realworld/ttml/exoplayer-multiple_regions.xml
