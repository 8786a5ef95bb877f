wh-same-start.txt
