../../data/realworld/ttml/exoplayer-inherit_and_override_style.xml
