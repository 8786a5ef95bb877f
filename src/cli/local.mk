# src/cli/local.mk -- the transcue command links only the public library.
bin_PROGRAMS += transcue
transcue_SOURCES = src/cli/cli_main.c src/cli/cli.h src/cli/batch.c \
	src/cli/walk.c src/cli/cli_check.c src/cli/cli_check.h
transcue_CPPFLAGS = -I$(top_srcdir)/include
transcue_LDADD = libtranscue.la $(PTHREAD_LIBS)
transcue_CFLAGS = $(AM_CFLAGS) $(PTHREAD_CFLAGS)
