"""What a map says beyond its parts: what stands (evaluate, explain), what the source covers,
the part around a claim, and the theses."""
