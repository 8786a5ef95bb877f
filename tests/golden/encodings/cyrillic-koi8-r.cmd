../../data/encodings/koi8-r.srt
