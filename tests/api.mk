# tests/api.mk -- the API tests: they include only <transcue.h> and link the
# installed library (libtranscue.la, only its exports), as an application.
if HAVE_CHECK
check_PROGRAMS += tests/api/api
TESTS += tests/api/api
tests_api_api_SOURCES = tests/api/api.h tests/api/api_main.c \
	tests/api/api_util.c tests/api/test_stream.c tests/api/test_cue.c \
	tests/api/test_threads.c
tests_api_api_CPPFLAGS = -I$(top_srcdir)/include
tests_api_api_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(PTHREAD_CFLAGS)
tests_api_api_LDADD = libtranscue.la $(CHECK_LIBS) $(PTHREAD_LIBS)
endif

# examples/edit.c, built as an application is (only <transcue.h>), and its
# output checked (tests/example.sh); .ci/run builds it again against the
# installed library
check_PROGRAMS += examples/edit
examples_edit_SOURCES = examples/edit.c
examples_edit_CPPFLAGS = -I$(top_srcdir)/include
examples_edit_LDADD = libtranscue.la
TESTS += tests/example.sh
EXTRA_DIST += tests/example.sh tests/api/edit.out
