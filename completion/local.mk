# completion/local.mk -- bash completion, installed where bash-completion
# looks (see configure's --with-bash-completion-dir).
if BASH_COMPLETION
bashcompletiondir = $(BASH_COMPLETION_DIR)
dist_bashcompletion_DATA = completion/transcue
else
EXTRA_DIST += completion/transcue
endif
