# formats/local.mk -- one file per format; add a line here and a row in
# src/registry.c.
libtranscue_core_la_SOURCES += \
	formats/ass.c \
	formats/ass.h \
	formats/ass_text.c \
	formats/ass_write.c \
	formats/json.c \
	formats/json.h \
	formats/json_read.c \
	formats/sbv.c \
	formats/srt.c \
	formats/text.c \
	formats/ttml.c \
	formats/ttml.h \
	formats/ttml_read.h \
	formats/ttml_style.c \
	formats/ttml_text.c \
	formats/ttml_time.c \
	formats/ttml_write.c \
	formats/ttml_xml.c \
	formats/ttml_xml.h \
	formats/vtt.c \
	formats/whisper.c \
	formats/youtube.c
libtranscue_core_la_SOURCES += formats/vtt.h formats/vtt-entities.h \
	formats/vtt-parse.c formats/vtt-text.c
