# tests/vtt.mk -- tests of this area (owned by its work).
# vtt-wpt runs the web-platform-tests WebVTT suites (tests/data/webvtt-wpt)
# against the reader's two parsers; vtt-unit holds the Check unit tests.
check_PROGRAMS += tests/unit/vtt-wpt
TESTS += tests/unit/vtt-wpt
tests_unit_vtt_wpt_SOURCES = tests/unit/test_vtt_wpt.c tests/unit/memio.c \
	tests/unit/memio.h
tests_unit_vtt_wpt_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/formats
tests_unit_vtt_wpt_LDADD = libtranscue_core.la -lm
EXTRA_DIST += tests/tools/vtt-entities.py tests/tools/vtt-wpt-convert.py

if HAVE_CHECK
check_PROGRAMS += tests/unit/vtt-unit
TESTS += tests/unit/vtt-unit
tests_unit_vtt_unit_SOURCES = \
	tests/unit/unit.h \
	tests/unit/unit_util.c tests/unit/memio.c tests/unit/memio.h \
	tests/unit/test_vtt.c
tests_unit_vtt_unit_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/formats
tests_unit_vtt_unit_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_vtt_unit_LDADD = libtranscue_core.la $(CHECK_LIBS)
endif
