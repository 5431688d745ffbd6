"""Fictional examples: generate() and the Hypothesis strategies, with the hypothesis entry point."""
