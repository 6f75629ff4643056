"""Statistics on a person's own cramp diary: rates, factor rate ratios, N-of-1 experiments."""
