movie.ass -t ass
