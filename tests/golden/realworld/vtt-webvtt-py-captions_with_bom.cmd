../../data/realworld/vtt/webvtt-py-captions_with_bom.vtt
