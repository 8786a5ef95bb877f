../../data/realworld/srt/exoplayer-typical_with_tags.srt
