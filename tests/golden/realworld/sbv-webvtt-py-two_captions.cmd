../../data/realworld/sbv/webvtt-py-two_captions.sbv
