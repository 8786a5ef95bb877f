# tests/formats.mk -- the json, ass and text formats (issue 15): unit
# tests, ASS read back by ffmpeg and libass, damaged and huge input.

if HAVE_CHECK
check_PROGRAMS += tests/unit/formats
TESTS += tests/unit/formats
tests_unit_formats_SOURCES = \
	tests/unit/unit.h \
	tests/unit/unit_util.c tests/unit/memio.c tests/unit/memio.h \
	tests/unit/test_formats.c
tests_unit_formats_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_formats_LDADD = libtranscue_core.la $(CHECK_LIBS)
endif

TESTS += tests/ass-clients.sh tests/hostile-formats.sh
EXTRA_DIST += tests/ass-clients.sh tests/hostile-formats.sh \
	tests/tools/asscheck.c
