wh-from-srt.srt -t youtube
