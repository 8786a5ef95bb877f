# tests/transcript.mk -- tests of this area (owned by its work): the raw
# transcript formats (youtube, whisper) and SBV.  The golden cases live in
# tests/golden/transcript/ and run with tests/golden.sh.
if HAVE_CHECK
check_PROGRAMS += tests/unit/transcript
TESTS += tests/unit/transcript
tests_unit_transcript_SOURCES = \
	tests/unit/unit.h \
	tests/unit/unit_util.c tests/unit/memio.c tests/unit/memio.h \
	tests/unit/test_transcript.c
tests_unit_transcript_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_transcript_LDADD = libtranscue_core.la $(CHECK_LIBS)
endif
