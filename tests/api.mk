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
