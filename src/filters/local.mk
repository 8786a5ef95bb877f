# src/filters/local.mk -- one file per filter; add a line here and a row in
# src/registry.c.
libtranscue_core_la_SOURCES += \
	src/filters/dedupe.c \
	src/filters/fillers.c \
	src/filters/merge.c \
	src/filters/nonspeech.c \
	src/filters/scale.c \
	src/filters/shift.c \
	src/filters/tidy.c \
	src/filters/timing.c \
	src/filters/wrap.c
