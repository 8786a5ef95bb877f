warnings.vtt --strict -t vtt
