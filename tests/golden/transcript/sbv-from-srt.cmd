sbv-from-srt.srt -o - -t sbv
