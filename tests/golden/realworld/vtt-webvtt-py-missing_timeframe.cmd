../../data/realworld/vtt/webvtt-py-missing_timeframe.vtt
