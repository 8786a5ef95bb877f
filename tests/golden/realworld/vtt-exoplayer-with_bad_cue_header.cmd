../../data/realworld/vtt/exoplayer-with_bad_cue_header.vtt
