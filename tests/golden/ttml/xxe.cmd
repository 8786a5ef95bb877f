xxe.ttml -o out.srt
