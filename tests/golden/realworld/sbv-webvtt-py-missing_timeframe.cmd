../../data/realworld/sbv/webvtt-py-missing_timeframe.sbv
