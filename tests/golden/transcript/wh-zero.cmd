wh-zero.txt
