--version >/dev/null; rm -f own.srt*
printf '1\n00:00:01,000 --> 00:00:02,000\nUm, owned.\n\n' > own.srt
# as root (as CI runs) the file belongs to someone else, whom it keeps
if [ "$(id -u)" = 0 ]; then chown 65534:65534 own.srt; fi
id=$(stat -c %u:%g own.srt)
"$TRANSCUE" -i --backup --lang=en -F fillers own.srt; echo "exit $?"
[ "$(stat -c %u:%g own.srt)" = "$id" ] && echo "owner and group kept"
[ "$(stat -c %u:%g own.srt~)" = "$id" ] && echo "the backup's too"
cat own.srt
