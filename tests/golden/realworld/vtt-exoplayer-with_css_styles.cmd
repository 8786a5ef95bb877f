../../data/realworld/vtt/exoplayer-with_css_styles.vtt
