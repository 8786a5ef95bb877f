../../data/realworld/srt/exoplayer-typical.srt
