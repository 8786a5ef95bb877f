yt-equal.txt
