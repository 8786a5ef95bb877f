badtime.vtt -o out.srt && cat out.srt && rm out.srt
