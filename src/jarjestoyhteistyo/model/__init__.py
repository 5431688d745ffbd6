"""Nouns only: association categories, compositions (who sits where), rule sets,
registrations; and the one composition planner that turns a rule set into seats
(:mod:`.planner`)."""
