../../data/realworld/srt/exoplayer-typical_unexpected_end.srt
