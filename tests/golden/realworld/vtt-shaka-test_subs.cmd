../../data/realworld/vtt/shaka-test_subs.vtt
