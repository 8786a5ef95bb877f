../../data/realworld/srt/webvtt-py-missing_caption_text.srt
