# man/local.mk
dist_man_MANS = man/transcue.1
