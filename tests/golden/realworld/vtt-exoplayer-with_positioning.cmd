../../data/realworld/vtt/exoplayer-with_positioning.vtt
