"""Repository tools: not shipped in the package, never imported by seqlint."""
