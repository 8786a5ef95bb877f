< prose.txt
