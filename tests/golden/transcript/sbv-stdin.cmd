< sbv-basic.sbv 2>&1 | head -n 3
