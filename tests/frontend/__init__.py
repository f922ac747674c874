"""Tests of the frontend: source text to IR."""
