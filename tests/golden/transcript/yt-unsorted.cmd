yt-unsorted.txt
