yt-pause.txt --youtube-cps=10 --youtube-min-duration=2s --youtube-max-duration=10000
