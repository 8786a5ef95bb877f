../../data/realworld/ttml/ttconv-ebuttd-region_on_p_and_div.ttml
