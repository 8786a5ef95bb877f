../../data/realworld/transcript/whisper-cpp-readme-ml1.txt
