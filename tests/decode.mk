# tests/decode.mk -- tests of this area (owned by its work).
