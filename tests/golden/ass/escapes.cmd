escapes.srt -t ass
