yt-bad.txt --from youtube
