movie.ass -t vtt
