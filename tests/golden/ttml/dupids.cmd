dupids.ttml
