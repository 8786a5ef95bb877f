header-only.vtt
