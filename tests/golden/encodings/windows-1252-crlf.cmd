../../data/encodings/windows-1252-crlf.srt
