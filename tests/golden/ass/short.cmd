short.srt -t ass | grep ^Dialogue
