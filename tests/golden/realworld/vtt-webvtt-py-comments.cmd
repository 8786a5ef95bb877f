../../data/realworld/vtt/webvtt-py-comments.vtt
