../../data/realworld/transcript/whisper-cpp-readme-ml16.txt
