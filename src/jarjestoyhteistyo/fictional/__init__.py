"""Fictional examples: generate() (with its furnisher, breakers and registrations) and the
Hypothesis strategies, both driving the one planner, with the hypothesis entry point."""
