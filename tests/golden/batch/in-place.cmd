--version >/dev/null; rm -f ip*.srt*
printf '1\n00:00:01,000 --> 00:00:02,000\nUm, so we start.\n\n' > ip1.srt
printf '1\n0:00:03.5 --> 0:00:05,000\nWell, uh, we end.\n\n' > ip2.srt
chmod 640 ip1.srt; chmod 604 ip2.srt
"$TRANSCUE" -i --lang=en -F fillers ip1.srt ip2.srt; echo "exit $?"
ls -l ip1.srt ip2.srt | cut -c1-10; ls -a | grep '^\.ip' || echo "no temporary file"
cat ip1.srt ip2.srt; ls ip*
