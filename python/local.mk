# python/local.mk -- the Python module transcue: ctypes over the installed
# library.  make install puts it into the prefix's site-packages with a
# small _paths.py that names the library it was installed with.
EXTRA_DIST += python/transcue/__init__.py python/tests

if HAVE_PYTHON
transcuepydir = $(pythondir)/transcue
transcuepy_PYTHON = python/transcue/__init__.py

install-data-local:
	$(MKDIR_P) '$(DESTDIR)$(transcuepydir)'
	printf '%s\n' '"""Where make install put libtranscue."""' \
	    'LIBRARY = "$(libdir)/$(TC_SONAME)"' \
	    > '$(DESTDIR)$(transcuepydir)/_paths.py'

uninstall-local:
	rm -f '$(DESTDIR)$(transcuepydir)/_paths.py'
	rm -rf '$(DESTDIR)$(transcuepydir)/__pycache__'
else
install-data-local:
	@echo "transcue: no Python 3 was found by configure: the transcue" \
	    "module is not installed"
endif
