../../data/realworld/vtt/shaka-hls-text-offset-vtt-069.vtt
