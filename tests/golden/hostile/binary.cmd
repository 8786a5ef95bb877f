binary.bin
