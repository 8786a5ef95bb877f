wh-crlf.txt
