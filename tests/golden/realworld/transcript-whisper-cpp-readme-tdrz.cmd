../../data/realworld/transcript/whisper-cpp-readme-tdrz.txt
