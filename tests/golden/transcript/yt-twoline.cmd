yt-twoline.txt
