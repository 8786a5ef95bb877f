../../data/realworld/vtt/webvtt-py-cue_tags.vtt
