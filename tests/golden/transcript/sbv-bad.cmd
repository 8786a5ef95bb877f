sbv-bad.sbv
