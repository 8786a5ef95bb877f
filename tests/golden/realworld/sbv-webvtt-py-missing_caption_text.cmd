../../data/realworld/sbv/webvtt-py-missing_caption_text.sbv
