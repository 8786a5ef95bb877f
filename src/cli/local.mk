# src/cli/local.mk -- the transcue command links only the public library.
bin_PROGRAMS += transcue
transcue_SOURCES = src/cli/cli_main.c
transcue_CPPFLAGS = -I$(top_srcdir)/include
transcue_LDADD = libtranscue.la
