"""Nouns only: association categories, compositions (who sits where), rule sets,
registrations."""
