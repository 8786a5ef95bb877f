../../data/realworld/srt/webvtt-py-sample.srt
