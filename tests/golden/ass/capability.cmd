movie.ass
