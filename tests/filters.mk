# tests/filters.mk -- tests of this area (owned by its work).
# --- filters-clean ---
if HAVE_CHECK
check_PROGRAMS += tests/unit/filters_clean
TESTS += tests/unit/filters_clean
tests_unit_filters_clean_SOURCES = \
	tests/unit/test_filters_clean.h \
	tests/unit/test_filters_clean.c \
	tests/unit/test_filters_clean_model.c
tests_unit_filters_clean_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_filters_clean_LDADD = libtranscue_core.la $(CHECK_LIBS)
endif
# --- end filters-clean ---
# --- filters-layout ---
# --- end filters-layout ---
