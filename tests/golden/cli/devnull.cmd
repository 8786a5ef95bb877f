in.srt -o /dev/null && test -c /dev/null && echo "/dev/null is still a device"
