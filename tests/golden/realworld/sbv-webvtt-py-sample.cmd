../../data/realworld/sbv/webvtt-py-sample.sbv
