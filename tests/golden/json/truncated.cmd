truncated.json -o out.srt || { rc=$?; echo "files named out.srt left: $(ls -A | grep -c out.srt)"; exit $rc; }
