--version >/dev/null; rm -rf tree out; mkdir -p tree/a/b tree/c tree/.git
printf '1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n' > tree/one.srt
printf '1\n00:00:01,000 --> 00:00:02,000\nTwo.\n\n' > tree/a/two.srt
printf '[00:00:01.000 --> 00:00:02.000]   Three.\n' > tree/a/b/three.txt
printf '0:01 four\n0:03 words\n' > tree/c/four.txt
printf 'A note, not a transcript.\n' > tree/c/notes.txt
printf '00:00:01.000 --> 00:00:02.000\nno WEBVTT line\n' > tree/a/broken.vtt
cp tree/one.srt tree/.git/hidden.srt; ln -s .. tree/c/loop
find tree | sort > before; find tree -type f | sort | xargs cat > before.data
"$TRANSCUE" -v -r -d out -t vtt tree; echo "exit $?"
echo "--- the mirror:"; find out | sort
echo "--- the tree:"; find tree | sort | cmp - before && echo "no file added or removed"
find tree -type f | sort | xargs cat | cmp - before.data && echo "no input changed"
echo "--- out/a/b/three.vtt:"; cat out/a/b/three.vtt
