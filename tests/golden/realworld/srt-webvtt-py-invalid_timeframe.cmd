../../data/realworld/srt/webvtt-py-invalid_timeframe.srt
