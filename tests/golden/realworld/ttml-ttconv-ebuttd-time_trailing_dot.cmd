../../data/realworld/ttml/ttconv-ebuttd-time_trailing_dot.ttml
