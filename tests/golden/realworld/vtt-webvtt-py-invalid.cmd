../../data/realworld/vtt/webvtt-py-invalid.vtt
