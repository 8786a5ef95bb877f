../../data/realworld/ttml/ttconv-ebuttd-root_wrong_namespace.ttml
