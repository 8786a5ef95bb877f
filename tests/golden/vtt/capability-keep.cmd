capability.vtt --vtt-regions=yes --vtt-style=yes -t vtt
