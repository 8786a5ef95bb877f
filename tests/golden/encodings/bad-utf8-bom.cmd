bad-utf8-bom.srt
