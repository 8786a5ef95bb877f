from-srt.srt --strict -o out.vtt || { rc=$?; echo "files named out.vtt left: $(ls -A | grep -c out.vtt)"; exit $rc; }
