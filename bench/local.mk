# bench/local.mk -- `make bench`: bench/run on the transcue just built
# (BENCH_FLAGS=--quick for a short run).  Never part of make check.
EXTRA_DIST += bench/run bench/gen.c bench/limit.c bench/README
.PHONY: bench
bench: transcue$(EXEEXT)
	$(SHELL) $(srcdir)/bench/run --transcue=transcue$(EXEEXT) $(BENCH_FLAGS)
