laughs.ttml -o out.srt
