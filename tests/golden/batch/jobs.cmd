--version >/dev/null; rm -rf jt o1 o4; mkdir -p jt/x jt/y
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
  printf '1\n0:00:01.5 --> 0:00:03,000\nFile %s, um, first. [Music]\n\n2\n00:00:02,000 --> 00:00:04,000\n<q>second</q>\n' $i > jt/x/s$i.srt
  printf 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nvtt %s\n\n00:00:05.000 --> 00:00:06.000\n(applause) last\n' $i > jt/y/v$i.vtt
done
printf 'no signature\n' > jt/y/v5.vtt
"$TRANSCUE" -r -d o1 -j 1 -F fillers -F nonspeech jt 2>e1; echo "exit $?"
"$TRANSCUE" -r -d o4 -j 4 -F fillers -F nonspeech jt 2>e4; echo "exit $?"
diff -r o1 o4 && echo "the same files" && cmp e1 e4 && echo "the same messages"
echo "files with messages, each named in one block, in order:"
sed -n 's/^transcue: \([^:]*\):[0-9].*/\1/p' e4 | uniq
tail -n 1 e4
