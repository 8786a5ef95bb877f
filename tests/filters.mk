# tests/filters.mk -- tests of this area (owned by its work).
# --- filters-clean ---
if HAVE_CHECK
check_PROGRAMS += tests/unit/filters_clean
TESTS += tests/unit/filters_clean
tests_unit_filters_clean_SOURCES = \
	tests/unit/test_filters_clean.h \
	tests/unit/test_filters_clean.c \
	tests/unit/test_filters_clean_model.c \
	tests/unit/memio.c tests/unit/memio.h
tests_unit_filters_clean_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_filters_clean_LDADD = libtranscue_core.la $(CHECK_LIBS)
endif
# --- end filters-clean ---
# --- filters-layout ---
# cuecheck: the word guarantee and the profile limits (tests/tools/).
# filters-layout.sh runs it on every golden case of tests/golden/
# filters-layout/; the unit program tests line breaking and merge decisions.
check_PROGRAMS += tests/tools/cuecheck
tests_tools_cuecheck_SOURCES = tests/tools/cuecheck.c
tests_tools_cuecheck_LDADD = libtranscue_core.la
TESTS += tests/filters-layout.sh
EXTRA_DIST += tests/filters-layout.sh
if HAVE_CHECK
check_PROGRAMS += tests/unit/test_filters_layout
TESTS += tests/unit/test_filters_layout
tests_unit_test_filters_layout_SOURCES = tests/unit/test_filters_layout.c \
	tests/unit/memio.c tests/unit/memio.h
tests_unit_test_filters_layout_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
tests_unit_test_filters_layout_LDADD = libtranscue_core.la $(CHECK_LIBS)
endif
# --- end filters-layout ---
