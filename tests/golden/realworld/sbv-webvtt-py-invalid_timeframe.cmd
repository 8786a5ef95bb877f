../../data/realworld/sbv/webvtt-py-invalid_timeframe.sbv
