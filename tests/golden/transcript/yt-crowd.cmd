yt-crowd.txt | sed -n '1,8p;253,$p'
