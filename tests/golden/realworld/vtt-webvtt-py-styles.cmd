../../data/realworld/vtt/webvtt-py-styles.vtt
