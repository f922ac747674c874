"""What rules share and are not rules themselves: the rule base class and context, the
evidence they read off the graph (training sites, output heads, feeding, removed API), and
the fixes several rules offer. Each rule lives in :mod:`seqlint.rules`, one module each."""
