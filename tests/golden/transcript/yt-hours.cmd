yt-hours.txt
