block-ids.vtt -t vtt
