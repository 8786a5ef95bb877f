badtime.ttml -o out.srt && cat out.srt && rm out.srt
