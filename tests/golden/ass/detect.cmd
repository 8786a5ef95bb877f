movie.txt -t vtt -q
