sbv-basic.sbv -t sbv
