# tests/ttml.mk -- tests of this area (owned by its work).
# tests/unit/ttml: the TTML reader, writer and safety cases, and the runner
# over the conformance data in tests/data/ttml (expectations converted by
# tests/tools/ttml-expect.py, which make check does not need).
if HAVE_CHECK
check_PROGRAMS += tests/unit/ttml
TESTS += tests/unit/ttml
tests_unit_ttml_SOURCES = \
	tests/unit/unit.h \
	tests/unit/unit_util.c tests/unit/memio.c tests/unit/memio.h \
	tests/unit/test_ttml_util.h \
	tests/unit/test_ttml_util.c \
	tests/unit/test_ttml.c \
	tests/unit/test_ttml_conf.c \
	tests/unit/test_ttml_lenient.c
tests_unit_ttml_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_ttml_LDADD = libtranscue_core.la $(CHECK_LIBS)
endif
EXTRA_DIST += tests/tools/ttml-expect.py
