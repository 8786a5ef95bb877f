../../data/realworld/vtt/exoplayer-with_x-timestamp-map_header.vtt
