warnings.vtt -t vtt
