karaoke.vtt -t ass
