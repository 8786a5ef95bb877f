old.ssa
