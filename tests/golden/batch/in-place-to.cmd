--version >/dev/null; rm -f it*.srt it*.vtt
printf '1\n00:00:01,000 --> 00:00:02,000\nSubRip.\n\n' > it1.srt
printf 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nWebVTT.\n\n' > it2.vtt
cp it1.srt orig
"$TRANSCUE" -i -t srt it1.srt it2.vtt; echo "exit $?"
cmp it1.srt orig && echo "it1.srt untouched"
"$TRANSCUE" -i -t srt -f vtt it2.vtt; echo "exit $?"
