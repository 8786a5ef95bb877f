# tests/local.mk -- unit tests (Check), golden end-to-end cases, the man
# page's examples and the style grep.  Each area may keep its own fragment.
TEST_ENV = TRANSCUE="$(abs_top_builddir)/transcue" \
	top_srcdir="$(abs_top_srcdir)" top_builddir="$(abs_top_builddir)"
AM_TESTS_ENVIRONMENT = $(TEST_ENV); export TRANSCUE top_srcdir top_builddir;

if HAVE_CHECK
check_PROGRAMS += tests/unit/unit
TESTS += tests/unit/unit
tests_unit_unit_SOURCES = \
	tests/unit/unit.h \
	tests/unit/unit_main.c \
	tests/unit/unit_util.c tests/unit/memio.c tests/unit/memio.h \
	tests/unit/test_buf.c \
	tests/unit/test_text.c \
	tests/unit/test_time.c \
	tests/unit/test_registry.c \
	tests/unit/test_srt.c \
	tests/unit/test_lang.c \
	tests/unit/test_check.c
tests_unit_unit_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_unit_LDADD = libtranscue_core.la $(CHECK_LIBS)
endif

TESTS += tests/golden.sh tests/man-examples.sh tests/man-tables.sh tests/style.sh \
	tests/live.sh tests/progress.sh tests/completion.sh tests/realworld.sh \
	tests/check.sh tests/lazy-load.sh tests/python.sh
EXTRA_DIST += tests/golden.sh tests/man-examples.sh tests/man-tables.sh tests/style.sh \
	tests/live.sh tests/progress.sh tests/completion.sh tests/realworld.sh \
	tests/check.sh tests/lazy-load.sh tests/python.sh tests/api.mk \
	tests/golden tests/data \
	examples/convert.c examples/movie.ass examples/talk.srt \
	examples/whisper-talk.json examples/whisper-transcript.txt \
	examples/youtube-transcript.txt examples/captions

include tests/vtt.mk
include tests/transcript.mk
include tests/ttml.mk
include tests/filters.mk
include tests/decode.mk
include tests/formats.mk
include tests/api.mk
