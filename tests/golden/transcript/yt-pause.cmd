yt-pause.txt
