malformed.ttml
