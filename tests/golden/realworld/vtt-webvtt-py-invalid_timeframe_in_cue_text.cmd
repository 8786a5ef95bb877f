../../data/realworld/vtt/webvtt-py-invalid_timeframe_in_cue_text.vtt
