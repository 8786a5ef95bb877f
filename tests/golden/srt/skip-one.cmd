skip-one.srt -o out.srt && grep -c -- '-->' out.srt && grep -c 'Line number 150$' out.srt; rm -f out.srt
