../../data/encodings/shift_jis.srt
