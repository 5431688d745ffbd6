"""Comparison, simulation, the actor ecosystem and roadmap evaluation."""
