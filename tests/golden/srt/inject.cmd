inject.ttml -t srt
