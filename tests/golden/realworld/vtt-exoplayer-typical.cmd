../../data/realworld/vtt/exoplayer-typical.vtt
