../../data/realworld/ttml/ttconv-ebuttd-span_timing_inside_untimed_p.ttml
