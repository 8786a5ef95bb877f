--version >/dev/null; rm -f bk*.srt*
printf '1\n00:00:01,000 --> 00:00:02,000\nUm, so we start.\n\n' > bk1.srt
printf '1\n00:00:03,000 --> 00:00:04,000\nUm, we end.\n\n' > bk2.srt
cp bk1.srt orig1; cp bk2.srt orig2; echo "an older backup" > bk2.srt.orig
chmod 640 bk1.srt bk2.srt
"$TRANSCUE" -i --backup --lang=en -F fillers bk1.srt; echo "exit $?"
"$TRANSCUE" -i --backup=.orig --lang=en -F fillers bk2.srt; echo "exit $?"
ls -l bk1.srt bk1.srt~ bk2.srt bk2.srt.orig | cut -c1-10
cmp bk1.srt~ orig1 && cmp bk2.srt.orig orig2 && echo "the backups hold the originals"
cat bk1.srt bk2.srt
