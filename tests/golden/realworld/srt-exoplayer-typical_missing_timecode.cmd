../../data/realworld/srt/exoplayer-typical_missing_timecode.srt
