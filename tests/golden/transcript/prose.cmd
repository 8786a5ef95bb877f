prose.txt
