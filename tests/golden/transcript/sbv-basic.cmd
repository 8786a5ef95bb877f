sbv-basic.sbv
