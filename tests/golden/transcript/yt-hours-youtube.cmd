yt-hours.txt -t youtube
