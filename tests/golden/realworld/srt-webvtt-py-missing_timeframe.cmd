../../data/realworld/srt/webvtt-py-missing_timeframe.srt
