# tests/decode.mk -- tests of this area (owned by its work).
# Encodings, limits, hostile input and fuzzing (issue 6).

if HAVE_CHECK
check_PROGRAMS += tests/unit/decode
TESTS += tests/unit/decode
tests_unit_decode_SOURCES = \
	tests/unit/unit.h \
	tests/unit/unit_util.c tests/unit/memio.c tests/unit/memio.h \
	tests/unit/test_decode.c \
	tests/unit/test_decode_main.c
tests_unit_decode_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_decode_LDADD = libtranscue_core.la $(CHECK_LIBS)
endif

TESTS += tests/hostile.sh
EXTRA_DIST += tests/hostile.sh tests/ci-sanitizers.sh tests/fuzz

# libFuzzer harnesses, built apart with clang: see tests/fuzz/run-fuzz.sh
fuzz:
	$(SHELL) $(top_srcdir)/tests/fuzz/run-fuzz.sh $(FUZZ_SECONDS)
.PHONY: fuzz
