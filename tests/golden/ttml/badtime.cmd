badtime.ttml -o out.srt
