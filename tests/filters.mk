# tests/filters.mk -- tests of this area (owned by its work).
# --- filters-clean ---
# --- end filters-clean ---
# --- filters-layout ---
# --- end filters-layout ---
