wh-bad.txt
