../../data/realworld/vtt/webvtt-py-youtube_dl.vtt
