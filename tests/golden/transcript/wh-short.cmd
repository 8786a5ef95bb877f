wh-short.txt
