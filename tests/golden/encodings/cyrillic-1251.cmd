../../data/encodings/windows-1251-crlf.srt
