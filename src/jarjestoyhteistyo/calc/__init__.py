"""Time: the one council calendar and term arithmetic, rotation, meeting calendars and
schedule phrases."""
