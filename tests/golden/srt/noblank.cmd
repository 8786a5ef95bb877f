noblank.srt
