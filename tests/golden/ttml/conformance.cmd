../../data/ttml/imsc1/timing/BasicTiming010.ttml
