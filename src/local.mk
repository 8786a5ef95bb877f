# src/local.mk -- the library core.  libtranscue_core.la holds everything
# (tests link it to reach hidden internals); libtranscue.la is the installed
# library with only TC_API symbols visible.
noinst_LTLIBRARIES += libtranscue_core.la
lib_LTLIBRARIES += libtranscue.la
include_HEADERS = include/transcue.h

libtranscue_core_la_SOURCES = \
	src/buf.c src/buf.h \
	src/chain.c \
	src/charset.c \
	src/checker.c src/checker.h \
	src/checker_report.c \
	src/convert.c \
	src/ctx.c src/ctx.h \
	src/cue.c \
	src/diag.c src/diag.h \
	src/dl.c src/dl.h \
	src/endfix.c \
	src/io.c src/io.h \
	src/lang.c src/lang.h \
	src/lexicon.c src/lexicon.h \
	src/linebreak.c src/linebreak.h \
	src/measure.c src/measure.h \
	src/model.h \
	src/format.h \
	src/options.c \
	src/output.c \
	src/profile.c \
	src/reader.c src/reader.h \
	src/registry.c \
	src/sink.c \
	src/source.c src/source_enc.c src/source_int.h \
	src/stage.c \
	src/status.c \
	src/text.c \
	src/textops.c src/textops.h \
	src/track.c \
	src/util.c \
	src/writer.c \
	src/wstage.c
libtranscue_core_la_CFLAGS = $(AM_CFLAGS) $(PTHREAD_CFLAGS)
libtranscue_core_la_LIBADD = $(LINK_XML_LIBS) $(LINK_UCHARDET_LIBS) \
	$(TEXTCAT_LIBS) $(YAJL_LIBS) $(DL_LIBS) $(PTHREAD_LIBS)

libtranscue_la_SOURCES =
libtranscue_la_LIBADD = libtranscue_core.la
libtranscue_la_LDFLAGS = -no-undefined -version-info $(TC_LT_VERSION)
