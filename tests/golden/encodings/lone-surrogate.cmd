lone-surrogate.srt
