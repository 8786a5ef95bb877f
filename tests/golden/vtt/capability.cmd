capability.vtt -t vtt
