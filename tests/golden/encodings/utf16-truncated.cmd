utf16-truncated.srt
