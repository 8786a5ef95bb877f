../../data/realworld/vtt/webvtt-py-metadata_headers_multiline.vtt
