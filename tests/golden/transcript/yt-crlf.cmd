yt-crlf.txt
