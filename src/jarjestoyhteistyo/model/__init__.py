"""Nouns only: association categories, compositions (who sits where), rule sets,
registrations; and the one composition planner that turns a rule set into seats
(:mod:`.planner`)."""

from typing import Final

#: The ``kind:`` tag of a city's cooperation model (`JP-1` … `JP-7`) in YAML. Its one
#: home is here, not among the model's classes, so that what only reads tags (the
#: presets' registry, at start-up) imports none of them;
#: :data:`jarjestoyhteistyo.model.cooperation.KIND` is this string.
COOPERATION_KIND: Final = "cooperation_model"
