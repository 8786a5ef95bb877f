../../data/realworld/ttml/ttconv-ebuttd-duplicate_id.ttml
