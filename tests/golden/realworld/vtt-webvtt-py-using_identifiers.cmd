../../data/realworld/vtt/webvtt-py-using_identifiers.vtt
