yt-equal.txt -t youtube
