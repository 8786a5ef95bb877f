# tests/transcript.mk -- tests of this area (owned by its work).
